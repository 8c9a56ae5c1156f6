# user/user.mk - user programs: static ELF executables for the ARCH,
# linked against libc (libc/libc-arch.mk).  Included by the top-level
# Makefile.  make user builds them all.
#
# A program is a name in USER_PROGS: $(BUILD)/user/<name> is built from
# user/bin/<name>.c and, if the program has more files, the sources in
# <name>_SRCS (paths from the top of the tree):
#
#	USER_PROGS += cat
#	sh_SRCS    := user/bin/sh/parse.c user/bin/sh/exec.c
#
# A system program (what /sbin holds) is a name in USER_SBIN_PROGS,
# built the same way from user/sbin/<name>.c into $(BUILD)/user/<name>.
#
# make EXTRA_PROGS=dir builds every dir/*.c as a program of its own,
# $(BUILD)/extra/<name> (issue 5: students' lab programs, outside test
# suites).  Those are compiled without -Werror: they are not ours.
#
# Test programs that run inside Vise are tests/user/<name>.c, one file
# each, named in TEST_PROGS and built (with -Werror) into
# $(BUILD)/tests/user/<name>; they go to /tests of the initrd, where
# init's test runner finds them (test=user, docs/testing.md).
#
# USER_BINS, EXTRA_BINS and TEST_BINS list the executables, for the
# image.  make initrd packs them into $(BUILD)/initrd.tar, the root
# file system make qemu boots with:
#
#	/sbin/<name>	USER_SBIN_PROGS (init)
#	/bin/<name>	USER_PROGS (sh and the utilities)
#	/tests/<name>	TEST_PROGS, and sh_test.sh (the shell's test)
#	/extra/<name>	EXTRA_PROGS's programs, if any
#	/etc/motd	user/etc/motd
#	/etc/passwd	user/etc/passwd (root, student, nobody)
#	/etc/group	user/etc/group
#	/ktest/...	the fixtures the tests read (scripts/stage-ktest)
#	/dev, /tmp	empty: where devfs and tmpfs are mounted (so that
#			ls / lists them; kernel/mount.h)

include libc/libc-arch.mk

USER_PROGS	:= hello cat echo true false ls sh sysctl vmstat ps kill sleep
USER_PROGS	+= su
USER_PROGS	+= procstat
USER_PROGS	+= wirehog
USER_SBIN_PROGS	:= init
EXTRA_PROGS	?=
TEST_PROGS	:= fd_test sig_test forkexec_test forkcow_test libc_test \
		   cred_test rlimit_test
TEST_PROGS	+= pgrp_test stop_test
TEST_PROGS	+= fault_test file_errors_test time_test mmap_test \
		   signal_errors_test sysctl_test proc_test
TEST_PROGS	+= mprotect_test madvise_test brk_test stack_test
TEST_PROGS	+= tmpfs_test
TEST_PROGS	+= shm_test
TEST_PROGS	+= tmpfs_mmap_test
TEST_PROGS	+= nxdata_test
TEST_PROGS	+= thread_test
TEST_PROGS	+= thread_vm_test
TEST_PROGS	+= rusage_test
TEST_PROGS	+= cwd_test
TEST_PROGS	+= exec_tmpfs_test
TEST_PROGS	+= su_test
TEST_PROGS	+= vmmap_test
TEST_PROGS	+= mlock_test
TEST_PROGS	+= wire_acct_test
TEST_PROGS	+= mcl_future_test
TEST_PROGS	+= wired_ops_test
TEST_PROGS	+= wired_cow_test
TEST_PROGS	+= vslock_test
TEST_PROGS	+= devpager_test
TEST_PROGS	+= timekeep_test
TEST_PROGS	+= wirehog_test
TEST_PROGS	+= oom_test
TEST_PROGS	+= wire_race_test
TEST_PROGS	+= pfault_test

init_SRCS	:= user/sbin/init_test.c
sh_SRCS		:= $(addprefix user/bin/sh/,arena.c builtin.c exec.c expand.c \
		   input.c jobs.c lex.c parse.c redir.c test.c var.c)

USER_BUILD	:= $(BUILD)/user
EXTRA_BUILD	:= $(BUILD)/extra
USER_BIN_BINS	:= $(addprefix $(USER_BUILD)/,$(USER_PROGS))
USER_SBIN_BINS	:= $(addprefix $(USER_BUILD)/,$(USER_SBIN_PROGS))
USER_BINS	:= $(USER_BIN_BINS) $(USER_SBIN_BINS)
EXTRA_SRCS	:= $(if $(EXTRA_PROGS),$(wildcard $(EXTRA_PROGS)/*.c))
EXTRA_BINS	:= $(patsubst %.c,$(EXTRA_BUILD)/%,$(notdir $(EXTRA_SRCS)))
TEST_BUILD	:= $(BUILD)/tests/user
TEST_BINS	:= $(addprefix $(TEST_BUILD)/,$(TEST_PROGS))
# The test runner's own test (scripts/test-all, runner_boot): programs
# that pass, fail, crash, hang and leak, in /extra of an initrd of its
# own, never in the system's.
RUNNER_SRCS	:= $(wildcard tests/runner/*.c)
RUNNER_BINS	:= $(patsubst tests/runner/%.c,$(BUILD)/tests/runner/%,$(RUNNER_SRCS))

ifneq ($(EXTRA_PROGS),)
ifeq ($(EXTRA_SRCS),)
$(error EXTRA_PROGS=$(EXTRA_PROGS): no .c files there)
endif
endif

# Hosted C against libc's headers (libc/include, then the ABI headers
# in include/ and the compiler's own stddef.h, stdarg.h, ...), with the
# code generation libc uses (USER_CODEFLAGS).  No stack protector: libc
# has no __stack_chk_fail.
USER_CFLAGS	= -std=gnu11 -nostdinc -Ilibc/include -Iinclude \
		  -isystem $(shell $(CC) -print-file-name=include) \
		  -fno-stack-protector $(USER_CODEFLAGS) -Wall -Wextra -MMD -MP

# Static, no dynamic linker, no PIE, crt0 first; libgcc after libc for
# what the compiler calls on its own (64-bit division on i386).
USER_LDFLAGS	:= $(ARCH_LDFLAGS) -static -nostdlib -T user/user.ld \
		   -z max-page-size=4096 -z noexecstack --build-id=none

.PHONY: user
user: $(USER_BINS) $(EXTRA_BINS) $(TEST_BINS)

user_dir = user/$(if $(filter $(1),$(USER_SBIN_PROGS)),sbin,bin)
user_objs = $(patsubst %.c,$(USER_BUILD)/obj/%.o,\
	    $(user_dir)/$(1).c $($(1)_SRCS))

$(USER_BUILD)/obj/%.o: %.c libc/libc-arch.mk user/user.mk
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(USER_CFLAGS) -Werror -c $< -o $@

$(EXTRA_BUILD)/obj/%.o: $(EXTRA_PROGS)/%.c libc/libc-arch.mk user/user.mk
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(USER_CFLAGS) -c $< -o $@

# $(call user_link,objects): link $@ from the objects.
define user_link
	@mkdir -p $(dir $@)
	@echo "  LD      $@"
	$(Q)$(LD) $(USER_LDFLAGS) -o $@ $(LIBC_CRT0) $(1) \
		--start-group $(LIBC_A) $(USER_LIBGCC) --end-group
endef

$(foreach p,$(USER_PROGS) $(USER_SBIN_PROGS),\
	$(eval $(USER_BUILD)/$(p): $(call user_objs,$(p))))
$(USER_BINS): $(LIBC_CRT0) $(LIBC_A) user/user.ld
	$(call user_link,$(filter %.o,$(filter-out $(LIBC_CRT0),$^)))

$(EXTRA_BINS): $(EXTRA_BUILD)/%: $(EXTRA_BUILD)/obj/%.o $(LIBC_CRT0) \
    $(LIBC_A) user/user.ld
	$(call user_link,$<)

# What the test programs share (tests/user/lib/utest.h) is linked into
# each; a program that does not use it gets nothing from it.
UTEST_OBJ	:= $(USER_BUILD)/obj/tests/user/lib/utest.o

$(TEST_BINS): $(TEST_BUILD)/%: $(USER_BUILD)/obj/tests/user/%.o \
    $(UTEST_OBJ) $(LIBC_CRT0) $(LIBC_A) user/user.ld
	$(call user_link,$< $(UTEST_OBJ))

$(RUNNER_BINS): $(BUILD)/tests/runner/%: $(USER_BUILD)/obj/tests/runner/%.o \
    $(LIBC_CRT0) $(LIBC_A) user/user.ld
	$(call user_link,$<)

-include $(foreach p,$(USER_PROGS) $(USER_SBIN_PROGS),$(patsubst %.o,%.d,$(call user_objs,$(p)))) \
	 $(patsubst %,$(USER_BUILD)/obj/tests/user/%.d,$(TEST_PROGS)) \
	 $(UTEST_OBJ:.o=.d) \
	 $(patsubst tests/runner/%.c,$(USER_BUILD)/obj/tests/runner/%.d,$(RUNNER_SRCS)) \
	 $(patsubst $(EXTRA_BUILD)/%,$(EXTRA_BUILD)/obj/%.d,$(EXTRA_BINS))

# The root file system: a staging tree (laid out as the comment at the
# top says), packed by scripts/mkinitrd.  Staged afresh each time, so
# that nothing left from an earlier build gets in; modes are set here,
# not taken from the umask, so the archive is the same everywhere.
INITRD		:= $(BUILD)/initrd.tar
INITRD_ROOT	:= $(BUILD)/initrd-root

.PHONY: initrd
initrd: $(INITRD)

$(INITRD): $(USER_BINS) $(TEST_BINS) $(EXTRA_BINS) $(EXECTEST) \
    user/etc/motd user/etc/passwd user/etc/group \
    tests/user/sh_test.sh scripts/mkinitrd scripts/stage-ktest \
    user/user.mk $(BUILD)/extra-progs
	@echo "  INITRD  $@"
	$(Q)rm -rf $(INITRD_ROOT)
	$(Q)mkdir -p $(addprefix $(INITRD_ROOT)/,sbin bin tests etc dev tmp \
		$(if $(EXTRA_BINS),extra))
	$(Q)cp $(USER_SBIN_BINS) $(INITRD_ROOT)/sbin/
	$(Q)cp $(USER_BIN_BINS) $(INITRD_ROOT)/bin/
	$(Q)cp $(TEST_BINS) tests/user/sh_test.sh $(INITRD_ROOT)/tests/
	$(Q)$(if $(EXTRA_BINS),cp $(EXTRA_BINS) $(INITRD_ROOT)/extra/)
	$(Q)cp user/etc/motd user/etc/passwd user/etc/group $(INITRD_ROOT)/etc/
	$(Q)chmod -R u=rwX,go=rX $(INITRD_ROOT)
	$(Q)chmod 0755 $(INITRD_ROOT)/sbin/* $(INITRD_ROOT)/bin/* \
		$(INITRD_ROOT)/tests/* $(if $(EXTRA_BINS),$(INITRD_ROOT)/extra/*)
	$(Q)sh scripts/stage-ktest $(BUILD) $(INITRD_ROOT)
	$(Q)sh scripts/mkinitrd $(INITRD_ROOT) $@

# The value of EXTRA_PROGS the initrd was last built with: a change
# (also to or from nothing) rebuilds it, so /extra never keeps programs
# of an earlier EXTRA_PROGS.
$(BUILD)/extra-progs: FORCE
	@mkdir -p $(dir $@)
	$(Q)echo '$(EXTRA_PROGS)' | cmp -s - $@ || echo '$(EXTRA_PROGS)' > $@
