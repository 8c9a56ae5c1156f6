; vector.asm - i386 interrupt and exception entry.
;
; The CPU has pushed eflags, cs, eip (and maybe an error code); the stub
; from vectors.inc pushed the error code slot and the vector number.
; alltraps saves the general and segment registers so that the stack
; holds a struct trapframe (machine/frame.h), loads the kernel's data
; segments, calls trap(frame), restores and returns with iret.  System
; calls come the same way (int $0x80, vector T_SYSCALL, a ring-3 gate).
;
; alltraps closes the SMAP window (EFLAGS.AC, arch/x86/x86_smap.c):
; user code may set AC, and a fault inside copy_user comes with it set;
; iretd restores what the interrupted code had.

bits 32
%define PTRSIZE_DIRECTIVE dd

GSEL_KDATA	equ 0x10

section .text
%include "smap.inc"
extern trap
extern fork_exit
alltraps:
	pushad
	push	ds
	push	es
	push	fs
	push	gs
	mov	ax, GSEL_KDATA
	mov	ds, ax
	mov	es, ax
	cld
	SMAP_CLAC
	push	esp			; the trap frame
	call	trap
	add	esp, 4
global doreti
doreti:					; esp: a struct trapframe
	cli
	pop	gs
	pop	fs
	pop	es
	pop	ds
	popad
	add	esp, 8			; vector number and error code
	iretd

; A new thread's first return to user mode: cpu_switch returns here
; with esp at the thread's struct trapframe (arch/i386/vm_machdep.c).
global fork_trampoline
fork_trampoline:
	call	fork_exit
	jmp	doreti

%include "vectors.inc"
