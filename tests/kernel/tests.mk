# tests/kernel: in-kernel self tests, linked into every kernel and run
# with test=kernel on the command line.
KSRCS += $(wildcard tests/kernel/test_*.c)
# Helpers the VM tests share.
KSRCS += tests/kernel/ktest_vm.c
# The user programs of test_user.c: a flat image for this ARCH, kept in
# the kernel as data (uprog_start .. uprog_end).
UPROG_BIN := $(BUILD)/tests/kernel/user/uprog.bin
KASRCS += tests/kernel/user/uprog_blob.asm
$(UPROG_BIN): tests/kernel/user/uprog_$(ARCH).asm
	@mkdir -p $(dir $@)
	$(NASM) -f bin $< -o $@
$(BUILD)/tests/kernel/user/uprog_blob.o: $(UPROG_BIN)
$(BUILD)/tests/kernel/user/uprog_blob.o: NASMFLAGS += -DUPROG_BIN='"$(UPROG_BIN)"'
# The program test_user.c execs from the test initrd: a static ELF with
# no libc, put at /ktest/bin/exectest by scripts/test-all.
EXECTEST := $(BUILD)/tests/kernel/user/exectest
$(EXECTEST): tests/kernel/user/exectest_$(ARCH).asm
	@mkdir -p $(dir $@)
	$(NASM) -f $(ARCH_NASMFMT) $< -o $@.o
	$(LD) $(ARCH_LDFLAGS) -static -nostdlib -e _start \
		-Ttext-segment=0x400000 -z max-page-size=4096 \
		-z noexecstack $@.o -o $@
