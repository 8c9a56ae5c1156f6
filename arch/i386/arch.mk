# arch/i386: 32-bit protected mode kernel linked at 0xC0000000 + physical.
ARCH_CFLAGS    := -m32 -march=i686
ARCH_NASMFMT   := elf32
ARCH_NASMFLAGS := -f elf32
ARCH_LDFLAGS   := -m elf_i386
ARCH_LDSCRIPT  := arch/i386/kernel.ld
# 64-bit division and the like (printf of 64-bit numbers) come from libgcc.
LIBGCC         := $(shell $(CC) -m32 -print-libgcc-file-name)
KSRCS  += arch/i386/machdep.c arch/i386/vm_machdep.c arch/i386/sig_machdep.c arch/i386/pmap.c arch/i386/pmap_bootstrap.c \
	  arch/i386/sys_machdep.c \
	  arch/i386/pmap_kernel.c
KASRCS += arch/i386/locore.asm arch/i386/vector.asm arch/i386/swtch.asm \
	  arch/i386/support.asm
