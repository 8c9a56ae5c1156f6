# arch/x86: what i386 and amd64 share.
KSRCS += arch/x86/x86_machdep.c arch/x86/trap.c arch/x86/uart.c \
	 arch/x86/i8259.c arch/x86/i8254.c arch/x86/debug_exit.c \
	 arch/x86/fpu.c arch/x86/x86_smap.c
KSRCS += arch/x86/rtc.c
KSRCS += arch/x86/db_machdep.c arch/x86/atkbd.c
# Console drivers and ACPI have fragments of their own.
-include arch/x86/cons.mk
-include arch/x86/acpi.mk
-include arch/x86/vm.mk
