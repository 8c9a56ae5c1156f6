# tests/host/sh.mk - the shell's host test: user/bin/sh.c and
# user/bin/sh/*.c built for the host against its C library (the shell
# is plain POSIX C) into build/host/sh-bin/sh, and tests/host/test_sh.c
# running it on known command lines.  Included at the end of
# tests/host/host-tests.mk, so it has its own rules.
#
# The shell gets the host's C library headers, not Vise's: no
# -Iinclude and no forced host_cdefs.h.  _GNU_SOURCE is for pipe2,
# which glibc hides without it.

SH_HOST_DIR	:= $(HOST_BUILD)/sh-bin
SH_HOST		:= $(SH_HOST_DIR)/sh
SH_HOST_SRCS	:= user/bin/sh.c $(wildcard user/bin/sh/*.c)
SH_HOST_OBJS	:= $(patsubst %.c,$(HOST_BUILD)/sh/%.o,$(SH_HOST_SRCS))
SH_TEST		:= $(HOST_BUILD)/test_sh
HOST_TESTS	+= $(SH_TEST)

$(HOST_BUILD)/sh/%.o: %.c tests/host/sh.mk
	@mkdir -p $(dir $@)
	$(HOSTCC) -std=gnu11 -g -O1 $(HOST_SANITIZE) -fno-omit-frame-pointer \
		-D_GNU_SOURCE -Wall -Wextra -Werror -MMD -MP -c $< -o $@

$(SH_HOST): $(SH_HOST_OBJS)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOST_SANITIZE) -o $@ $^

# The test program finds the shell by SH_DIR, relative to the top of
# the tree (where make test-host runs it).
$(HOST_BUILD)/tests/host/test_sh.o: HOST_CFLAGS += -DSH_DIR='"$(SH_HOST_DIR)"'
$(SH_TEST): $(HOST_BUILD)/tests/host/test_sh.o $(SH_HOST)
	$(HOSTCC) $(HOST_SANITIZE) -o $@ $<

-include $(SH_HOST_OBJS:.o=.d) $(HOST_BUILD)/tests/host/test_sh.d
