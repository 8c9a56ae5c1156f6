# tests/host/host-tests.mk - host test programs: machine-independent code
# (and its tests) compiled for the build machine with ASan and UBSan.
# Included by tests/host/host.mk; make test-host runs them.
#
# A test is one line below:
#
#	HOST_TESTS += build/host/test_foo
#
# build/host/test_foo is linked from tests/host/test_foo.c; a test of
# kernel code also names the sources it needs, before the rules below:
#
#	test_foo_SRCS := kernel/subr_foo.c
#
# Objects go to build/host/, mirroring the source tree.

HOSTCC		?= cc
HOST_BUILD	:= build/host
HOST_SANITIZE	:= -fsanitize=address,undefined -fno-sanitize-recover=all
# -include host_cdefs.h: glibc and Vise both have <sys/cdefs.h>; see
# tests/host/compat/host_cdefs.h.
HOST_CFLAGS	:= -std=gnu11 -g -O1 $(HOST_SANITIZE) -fno-omit-frame-pointer \
		   -Wno-format-zero-length \
		   -Wall -Wextra -Werror -I. -Iinclude \
		   -isystem tests/host/compat -include host_cdefs.h -MMD -MP

HOST_TESTS	+= build/host/test_queue
HOST_TESTS	+= build/host/test_tree
HOST_TESTS	+= build/host/test_printf
HOST_TESTS	+= build/host/test_mb2
HOST_TESTS	+= build/host/test_cmdline
HOST_TESTS	+= build/host/test_acpi
HOST_TESTS	+= build/host/test_ddb_lex
HOST_TESTS	+= build/host/test_vm_oom_select


test_printf_SRCS := kernel/subr_prf.c
test_mb2_SRCS := kernel/multiboot2.c
test_cmdline_SRCS := kernel/kern_cmdline.c
test_acpi_SRCS := arch/x86/acpi_tables.c
test_ddb_lex_SRCS := kernel/ddb/db_lex.c
test_vm_oom_select_SRCS := vm/vm_oom_select.c

# The kernel's snprintf would replace the C library's in the test
# program; renamed, both can be compared.
$(HOST_BUILD)/kernel/subr_prf.o: HOST_CFLAGS += -Dsnprintf=kern_snprintf \
	-Dvsnprintf=kern_vsnprintf
# <x86/acpi.h> is under arch/x86/include.
$(HOST_BUILD)/arch/x86/acpi_tables.o $(HOST_BUILD)/tests/host/test_acpi.o: \
	HOST_CFLAGS += -Iarch/x86/include

# vm/ on a pretend machine (tests/host/vmhost/): the whole of vm/, the
# kernel pieces it uses (mutexes, sx locks, sleep, vmem, malloc) and the
# fake pmap, built once into build/host/vmhost/ with the pretend
# machine's headers first and KASSERTs on.  Kernel sources get the C
# library's names out of the way: the kernel's malloc(size, type,
# flags) and free(addr, type) become kern_malloc and kern_free there,
# so the test programs and the sanitizers keep the C library's; and,
# as in the kernel build, unused parameters are no error.
# A test of vm/ is a name in VMHOST_TESTS: build/host/<name> is linked
# from tests/host/<name>.c and the archive of VMHOST_OBJS, so that it
# takes only the files it needs (and links while files it does not use
# still miss functions).
VMHOST_BUILD	:= $(HOST_BUILD)/vmhost
VMHOST_KSRCS	:= vm/vm_phys.c vm/vm_page.c vm/vm_meter.c vm/vm_kern.c \
		   vm/uma_core.c vm/vm_object.c vm/vm_radix.c vm/vm_pager.c \
		   vm/default_pager.c vm/kbuf_pager.c vm/device_pager.c \
		   vm/vm_map.c \
		   vm/vm_map_wire.c vm/vm_wirefuture.c \
		   vm/vm_inject.c \
		   vm/vm_vmspace.c vm/vm_severe.c \
		   vm/vm_fault.c \
		   kernel/kern_mutex.c kernel/kern_sx.c kernel/kern_cmdline.c \
		   kernel/kern_clock.c kernel/kern_malloc.c kernel/subr_vmem.c \
		   kernel/kern_sysctl_rw.c
VMHOST_SRCS	:= $(VMHOST_KSRCS) tests/host/vmhost/vmhost.c \
		   tests/host/vmhost/pmap_fake.c tests/host/vmhost/synch_host.c
VMHOST_OBJS	:= $(patsubst %.c,$(VMHOST_BUILD)/%.o,$(VMHOST_SRCS))
VMHOST_CFLAGS	= $(HOST_CFLAGS) -Itests/host/vmhost -DINVARIANTS
VMHOST_KFLAGS	:= -Dmalloc=kern_malloc -Dfree=kern_free \
		   -Dmalloc_usable_size=kern_malloc_usable_size \
		   -Wno-unused-parameter

VMHOST_TESTS	:= test_vm_phys test_pmap_fake test_vm_radix test_vm_object \
		   test_vm_map test_vm_model test_vm_wire test_device_pager
VMHOST_TESTS	+= test_vm_wirefuture
VMHOST_TESTS	+= test_vm_wire_model
VMHOST_PROGS	:= $(addprefix $(HOST_BUILD)/,\
		   $(VMHOST_TESTS))
HOST_TESTS	+= $(addprefix $(HOST_BUILD)/,$(VMHOST_TESTS))

VMHOST_LIB	:= $(VMHOST_BUILD)/libvmhost.a

$(foreach t,$(VMHOST_TESTS),$(eval $(HOST_BUILD)/$(t): \
	$(VMHOST_BUILD)/tests/host/$(t).o $(VMHOST_LIB)))

$(VMHOST_LIB): $(VMHOST_OBJS)
	rm -f $@
	ar rcs $@ $^

$(VMHOST_BUILD)/%.o: %.c tests/host/compat/host_cdefs.h include/sys/cdefs.h
	@mkdir -p $(dir $@)
	$(HOSTCC) $(VMHOST_CFLAGS) \
		$(if $(filter vm/% kernel/%,$<),$(VMHOST_KFLAGS)) -c $< -o $@

-include $(patsubst %.o,%.d,$(VMHOST_OBJS) $(patsubst \
	 %,$(VMHOST_BUILD)/tests/host/%.o,$(VMHOST_TESTS)))

-include tests/host/vmem.mk

# The objects of test program $(1): its .c and its _SRCS.
host_test_objs = $(patsubst %.c,$(HOST_BUILD)/%.o,\
		 tests/host/$(notdir $(1)).c $($(notdir $(1))_SRCS))

HOST_PLAIN_TESTS = $(filter-out $(VMHOST_PROGS),$(HOST_TESTS))
$(foreach t,$(HOST_PLAIN_TESTS),$(eval $(t): $(call host_test_objs,$(t))))
$(HOST_PLAIN_TESTS) $(VMHOST_PROGS):
	$(HOSTCC) $(HOST_SANITIZE) -o $@ $^

# -MMD leaves out what the forced header pulls in: name it here.
$(HOST_BUILD)/%.o: %.c tests/host/compat/host_cdefs.h include/sys/cdefs.h
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOST_CFLAGS) -c $< -o $@

-include $(patsubst %.o,%.d,$(foreach t,$(HOST_PLAIN_TESTS),\
	 $(call host_test_objs,$(t))))

-include tests/host/libc.mk

-include tests/host/initrd.mk

-include tests/host/sh.mk

# A shell script, scripts/rules-coverage's test: copied and made
# runnable.  Added here, after the rules for C test programs.
HOST_TESTS	+= build/host/test_rules_coverage
build/host/test_rules_coverage: tests/host/test_rules_coverage.sh \
    scripts/rules-coverage
	@mkdir -p $(dir $@)
	cp tests/host/test_rules_coverage.sh $@ && chmod +x $@

# scripts/bench's comparison with Linux's figures (make bench), the
# same way.
HOST_TESTS	+= build/host/test_bench
build/host/test_bench: tests/host/test_bench.sh scripts/bench
	@mkdir -p $(dir $@)
	cp tests/host/test_bench.sh $@ && chmod +x $@
