# libc/libc-arch.mk - libc for the ARCH being built: $(BUILD)/libc/libc.a
# and $(BUILD)/libc/crt0.o, which user/user.mk links every program with.
# Included by user/user.mk.  make libc builds both.
#
# The C sources are libc/libc.mk's, compiled with its LIBC_CFLAGS for
# the ARCH; the system-call stubs are generated: the C preprocessor
# expands libc/sys/syscalls.asm.in with include/sys/syscalls.def into
# $(BUILD)/libc/sys/syscalls.asm, one SYSCALL_STUB line per system call,
# and nasm assembles that with the ARCH's macro
# (libc/arch/$(ARCH)/syscall_stub.inc).

include libc/libc.mk

LIBC_BUILD	:= $(BUILD)/libc
LIBC_A		:= $(LIBC_BUILD)/libc.a
LIBC_CRT0	:= $(LIBC_BUILD)/crt0.o

# Code generation for user space, shared with the programs (user.mk):
# not position-independent (programs are static, linked at 0x400000).
# The x87 and SSE registers are the program's (the kernel keeps them
# per thread, arch/x86/fpu.c), so libc and programs use them freely:
# SSE2 on amd64 (gcc's baseline), the x87 on i386 (i686 has no SSE).
# AVX is not enabled (no xsave), so no -march that implies it.
USER_MFLAGS_amd64 := -m64
USER_MFLAGS_i386  := -m32 -march=i686
USER_CODEFLAGS	:= $(USER_MFLAGS_$(ARCH)) -fno-pic -fno-pie \
		   -fno-asynchronous-unwind-tables -O2 -g
USER_LIBGCC	:= $(shell $(CC) $(USER_MFLAGS_$(ARCH)) \
		   -print-libgcc-file-name)

LIBC_ARCH_OBJS	:= $(patsubst libc/%.c,$(LIBC_BUILD)/%.o,\
		   $(LIBC_MI_SRCS) $(LIBC_SYS_SRCS)) \
		   $(LIBC_BUILD)/arch/$(ARCH)/cerror.o \
		   $(LIBC_BUILD)/arch/$(ARCH)/sigtramp.o \
		   $(LIBC_BUILD)/arch/$(ARCH)/setjmp.o \
		   $(LIBC_BUILD)/sys/syscalls.o

# An archive member is named by its file name only: two sources with
# the same name would silently replace each other in libc.a.
LIBC_MEMBERS	:= $(notdir $(LIBC_ARCH_OBJS))
ifneq ($(words $(LIBC_MEMBERS)),$(words $(sort $(LIBC_MEMBERS))))
$(error libc: two sources share a file name: $(sort $(foreach m,\
	$(LIBC_MEMBERS),$(if $(filter-out 1,$(words $(filter $(m),\
	$(LIBC_MEMBERS)))),$(m)))))
endif

.PHONY: libc
libc: $(LIBC_A) $(LIBC_CRT0)

# LIBC_CC is the compiler LIBC_CFLAGS asks for its include directory;
# the host tests set it to the host's, these objects use the kernel's.
$(LIBC_BUILD)/%.o: LIBC_CC = $(CC)

$(patsubst libc/%.c,$(LIBC_BUILD)/%.o,$(LIBC_MI_SRCS) $(LIBC_SYS_SRCS)): \
    $(LIBC_BUILD)/%.o: libc/%.c libc/libc.mk libc/libc-arch.mk
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(LIBC_CFLAGS) $(USER_CODEFLAGS) -c $< -o $@

$(LIBC_BUILD)/sys/syscalls.asm: libc/sys/syscalls.asm.in \
    include/sys/syscalls.def
	@mkdir -p $(dir $@)
	@echo "  GEN     $@"
	$(Q)$(CC) -E -P -x assembler-with-cpp -Iinclude $< -o $@

$(LIBC_BUILD)/sys/syscalls.o: $(LIBC_BUILD)/sys/syscalls.asm
	@echo "  NASM    $<"
	$(Q)$(NASM) -f $(ARCH_NASMFMT) -g -Ilibc/arch/$(ARCH)/ \
		-MD $(@:.o=.d) -MP $< -o $@

$(LIBC_BUILD)/arch/$(ARCH)/cerror.o $(LIBC_BUILD)/arch/$(ARCH)/crt0.o \
    $(LIBC_BUILD)/arch/$(ARCH)/sigtramp.o \
    $(LIBC_BUILD)/arch/$(ARCH)/setjmp.o: \
    $(LIBC_BUILD)/%.o: libc/%.asm
	@mkdir -p $(dir $@)
	@echo "  NASM    $<"
	$(Q)$(NASM) -f $(ARCH_NASMFMT) -g -Ilibc/arch/$(ARCH)/ \
		-MD $(@:.o=.d) -MP $< -o $@

$(LIBC_CRT0): $(LIBC_BUILD)/arch/$(ARCH)/crt0.o
	cp $< $@

$(LIBC_A): $(LIBC_ARCH_OBJS)
	@echo "  AR      $@"
	$(Q)rm -f $@
	$(Q)$(AR) rcs $@ $^

-include $(LIBC_ARCH_OBJS:.o=.d) $(LIBC_BUILD)/arch/$(ARCH)/crt0.d
