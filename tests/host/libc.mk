# tests/host/libc.mk - libc's machine-independent part (libc/libc.mk) on
# the host, and its tests.  Included at the end of tests/host/host-tests.mk.
#
# libc defines strlen, malloc, snprintf, ... and so does the host's C
# library, which the test programs and the sanitizers use.  So libc is
# compiled as for Vise (its own headers, -ffreestanding, see
# LIBC_CFLAGS), plus the sanitizers, linked into one relocatable object,
# and every global symbol it defines is renamed with a vise_ prefix:
# the tests call vise_strlen, vise_malloc, ... next to the host's
# strlen, malloc, ...  References inside libc are renamed alike, so
# libc's strdup calls libc's malloc.  The one symbol libc needs from
# outside, __libc_morecore, is not defined in libc and keeps its name:
# tests/host/libc_host.c provides it over the host's mmap.  So do the
# system-call stubs stdio and exit() call: tests/host/libc_host_sys.c
# provides them over pretend descriptors.
#
# A test is a name in LIBC_TESTS: build/host/<name> is linked from
# tests/host/<name>.c, tests/host/libc_host.c and the renamed libc.

include libc/libc.mk

LIBC_TESTS	:= test_libc_string test_libc_ctype test_libc_strtol \
		   test_libc_stdlib test_libc_malloc test_libc_printf \
		   test_libc_stdio test_libc_dirent \
		   test_libc_float test_libc_scanf test_libc_seek \
		   test_libc_pwd

LIBC_CC		:= $(HOSTCC)
LIBC_HOST_BUILD	:= $(HOST_BUILD)/libc
LIBC_HOST_OBJS	:= $(patsubst %.c,$(LIBC_HOST_BUILD)/%.o,$(LIBC_MI_SRCS))
LIBC_HOST_REL	:= $(LIBC_HOST_BUILD)/libc-all.o
LIBC_HOST_SYMS	:= $(LIBC_HOST_BUILD)/vise.syms
LIBC_HOST_LIB	:= $(LIBC_HOST_BUILD)/libc-vise.o
LIBC_TEST_PROGS	:= $(addprefix $(HOST_BUILD)/,$(LIBC_TESTS))
HOST_TESTS	+= $(LIBC_TEST_PROGS)

# libc_errno.c reports libc's own <errno.h> values to the tests, which
# see only the host's; so it is compiled as libc, but not renamed.
LIBC_TEST_SUPPORT := $(LIBC_HOST_BUILD)/tests/host/libc_host.o \
		     $(LIBC_HOST_BUILD)/tests/host/libc_host_sys.o \
		     $(LIBC_HOST_BUILD)/tests/host/libc_errno.o

$(LIBC_HOST_BUILD)/libc/%.o: libc/%.c
	@mkdir -p $(dir $@)
	$(LIBC_CC) $(LIBC_CFLAGS) -g -O1 $(HOST_SANITIZE) \
		-fno-omit-frame-pointer -c $< -o $@

$(LIBC_HOST_BUILD)/tests/host/libc_errno.o: tests/host/libc_errno.c
	@mkdir -p $(dir $@)
	$(LIBC_CC) $(LIBC_CFLAGS) -g -c $< -o $@

$(LIBC_HOST_BUILD)/tests/host/%.o: tests/host/%.c
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOST_CFLAGS) -c $< -o $@

$(LIBC_HOST_REL): $(LIBC_HOST_OBJS)
	$(LIBC_CC) -r -nostdlib -o $@ $^

# "name vise_name" for every global symbol libc defines.  The
# sanitizers' own symbols (module constructors, ODR indicators) are not
# libc's names and keep theirs.
$(LIBC_HOST_SYMS): $(LIBC_HOST_REL)
	nm -g --defined-only $< | \
		awk '$$3 !~ /^(__asan|__odr_asan|__ubsan)/ \
		     { print $$3, "vise_" $$3 }' > $@

$(LIBC_HOST_LIB): $(LIBC_HOST_REL) $(LIBC_HOST_SYMS)
	objcopy --redefine-syms=$(LIBC_HOST_SYMS) $< $@

$(foreach t,$(LIBC_TESTS),$(eval $(HOST_BUILD)/$(t): \
	$(LIBC_HOST_BUILD)/tests/host/$(t).o))
$(LIBC_TEST_PROGS): $(LIBC_TEST_SUPPORT) $(LIBC_HOST_LIB)
	$(HOSTCC) $(HOST_SANITIZE) -o $@ $^ -lm

-include $(patsubst %.o,%.d,$(LIBC_HOST_OBJS) $(LIBC_TEST_SUPPORT) \
	 $(patsubst %,$(LIBC_HOST_BUILD)/tests/host/%.o,$(LIBC_TESTS)))
