# arch/amd64: long mode kernel linked in the top 2 GiB.
ARCH_CFLAGS    := -m64 -mcmodel=kernel -mno-red-zone
ARCH_NASMFMT   := elf64
ARCH_NASMFLAGS := -f elf64
ARCH_LDFLAGS   := -m elf_x86_64
ARCH_LDSCRIPT  := arch/amd64/kernel.ld
LIBGCC         :=
KSRCS  += arch/amd64/machdep.c arch/amd64/vm_machdep.c arch/amd64/sig_machdep.c arch/amd64/pmap.c \
	  arch/amd64/sys_machdep.c \
	  arch/amd64/pmap_bootstrap.c
KASRCS += arch/amd64/locore.asm arch/amd64/vector.asm arch/amd64/swtch.asm \
	  arch/amd64/support.asm
