# Vise top-level Makefile.
#
#   make [ARCH=amd64|i386] [all|iso|qemu|qemu-gdb|test|test-host|clean]
#   make rules-coverage [SEMANTICS=path/to/SEMANTICS.md]
#   make bench [ARCH=amd64|i386] [VMBENCH_DIR=path/to/shared/bench]
#
# One Makefile; each directory adds its sources through a fragment
# (boot/boot.mk, arch/*/arch.mk, kernel/kernel.mk, tests/*/*.mk).
# Objects go to build/$(ARCH)/, mirroring the source tree.

ARCH     ?= amd64
BUILD    := build/$(ARCH)
# Kernel command line baked into the interactive image (make qemu).
CMDLINE  ?=
# QEMU memory for make qemu.
MEM      ?= 256M

ifeq ($(filter $(ARCH),amd64 i386),)
$(error ARCH must be amd64 or i386, not '$(ARCH)')
endif

CC       ?= gcc
ifeq ($(origin CC),default)
CC       := gcc
endif
LD       := ld
NM       := nm
OBJCOPY  := objcopy
NASM     := nasm
# make V=1 shows every command.
ifeq ($(V),1)
Q :=
else
Q := @
endif

# Kernel C flags: freestanding, no SSE/x87 state in the kernel, frame
# pointers kept and no tail calls, so that every caller shows in a
# backtrace; warnings are errors for our code.
KCFLAGS  := -std=gnu11 -ffreestanding -fno-builtin -nostdinc \
	    -isystem $(shell $(CC) -print-file-name=include) \
	    -fno-pic -fno-pie -fno-stack-protector -fno-omit-frame-pointer \
	    -fno-optimize-sibling-calls \
	    -fno-asynchronous-unwind-tables -fno-strict-aliasing \
	    -mno-mmx -mno-sse -mno-sse2 -mno-avx -mno-80387 \
	    -O2 -g -Wall -Wextra -Werror -Wno-unused-parameter \
	    -Wno-format-zero-length -Wstrict-prototypes -Wmissing-prototypes \
	    -I. -Iinclude -Iarch/$(ARCH)/include -Iarch/x86/include \
	    -DINVARIANTS -D_KERNEL -MMD -MP
NASMFLAGS := -Ox -g -Iarch/x86/ -Iarch/$(ARCH)/ -Iboot/
KLDFLAGS := -nostdlib -z max-page-size=0x1000 -z noexecstack --no-warn-rwx-segments

.DEFAULT_GOAL := all

# The fragments append to these.
KSRCS    :=
KASRCS   :=

include boot/boot.mk
include arch/x86/arch.mk
include arch/$(ARCH)/arch.mk
include kernel/kernel.mk
include vm/vm.mk
include tests/kernel/tests.mk
include tests/host/host.mk
include tests/host/fuzz.mk
include tests/host/bench.mk
include user/user.mk
include tests/bench/bench.mk

KOBJS    := $(patsubst %.c,$(BUILD)/%.o,$(KSRCS)) \
	    $(patsubst %.asm,$(BUILD)/%.o,$(KASRCS))
KERNEL   := $(BUILD)/kernel.elf
ISO      := $(BUILD)/vise.iso

.PHONY: all iso qemu qemu-gdb test test-host test-arch rules-coverage bench soak clean \
	deps FORCE
all: $(KERNEL)
iso: $(ISO)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(KCFLAGS) $(ARCH_CFLAGS) -c $< -o $@

$(BUILD)/%.o: %.asm
	@mkdir -p $(dir $@)
	@echo "  NASM    $<"
	$(Q)$(NASM) $(NASMFLAGS) $(ARCH_NASMFLAGS) -MD $(@:.o=.d) -MP $< -o $@

# The kernel is linked twice: once with an empty symbol table, then with
# the table generated from the first link (scripts/mkksyms).  The table
# sits after .text, so text addresses do not move between the links;
# scripts/mkksyms --check verifies that they did not.
$(BUILD)/kernel.tmp: $(KOBJS) $(BUILD)/ksyms-empty.o $(ARCH_LDSCRIPT)
	$(LD) $(ARCH_LDFLAGS) $(KLDFLAGS) -T $(ARCH_LDSCRIPT) -o $@ \
		$(KOBJS) $(BUILD)/ksyms-empty.o $(LIBGCC)
$(BUILD)/ksyms-empty.asm: scripts/mkksyms
	@mkdir -p $(dir $@)
	sh scripts/mkksyms $(ARCH) /dev/null > $@
$(BUILD)/ksyms.asm: $(BUILD)/kernel.tmp scripts/mkksyms
	$(NM) -n --defined-only $< | sh scripts/mkksyms $(ARCH) - > $@
$(BUILD)/ksyms.o $(BUILD)/ksyms-empty.o: $(BUILD)/%.o: $(BUILD)/%.asm
	$(NASM) -f $(ARCH_NASMFMT) $< -o $@
$(KERNEL): $(KOBJS) $(BUILD)/ksyms.o $(BUILD)/kernel.tmp
	$(LD) $(ARCH_LDFLAGS) $(KLDFLAGS) -T $(ARCH_LDSCRIPT) -o $@ \
		$(KOBJS) $(BUILD)/ksyms.o $(LIBGCC)
	sh scripts/mkksyms --check $(BUILD)/kernel.tmp $@

# An image boots GRUB, which loads kernel.elf with a command line and
# the initrd (user/user.mk: /sbin/init, /bin, /tests, /extra).
# scripts/mkiso builds one for any command line (the tests use it too).
$(ISO): $(KERNEL) $(INITRD) scripts/mkiso boot/grub.cfg.in FORCE
	sh scripts/mkiso $(KERNEL) $@ "$(CMDLINE)" 3 $(INITRD)
# Rebuilt every time: the command line may have changed.
FORCE:

deps:
	sh scripts/install-deps

qemu: deps $(ISO)
	sh scripts/run-qemu --interactive --arch $(ARCH) --mem $(MEM) $(ISO)

qemu-gdb: deps $(ISO)
	sh scripts/run-qemu --interactive --gdb --arch $(ARCH) --mem $(MEM) \
		--kernel $(KERNEL) $(ISO)

# make test: host tests, then both ARCHes in QEMU (each ARCH is built by
# a sub-make so both can be in one run).  One summary line at the end.
test: deps
	sh scripts/test-all

test-host: $(HOST_TESTS)
	sh scripts/run-host-tests $(HOST_TESTS)

# make soak: the user suite booted SOAK_ROUNDS times per ARCH and memory
# size (scripts/soak); longer than make test, so not part of it.
SOAK_ARCHES ?= amd64 i386
soak: deps
	for a in $(SOAK_ARCHES); do $(MAKE) ARCH=$$a test-arch || exit 1; done
	ARCHES="$(SOAK_ARCHES)" sh scripts/soak

# make rules-coverage: each rule of SEMANTICS.md with the tests that
# name it (scripts/rules-coverage); SEMANTICS= says where the file is.
SEMANTICS ?= ../shared/SEMANTICS.md
rules-coverage:
	@sh scripts/rules-coverage -s $(SEMANTICS)

# Used by scripts/test-all: build everything one ARCH's boots need.
test-arch: $(KERNEL) $(EXECTEST) $(USER_BINS) $(TEST_BINS) $(INITRD) \
    $(RUNNER_BINS)

clean:
	rm -rf build

# Flags live in the Makefiles: a change there rebuilds everything.
$(KOBJS): Makefile arch/$(ARCH)/arch.mk

-include $(KOBJS:.o=.d)
