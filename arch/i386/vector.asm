; vector.asm - i386 interrupt and exception entry.
;
; The CPU has pushed eflags, cs, eip (and maybe an error code); the stub
; from vectors.inc pushed the error code slot and the vector number.
; alltraps saves the general and segment registers so that the stack
; holds a struct trapframe (machine/frame.h), loads the kernel's data
; segments, calls trap(frame), restores and returns with iret.

bits 32
%define PTRSIZE_DIRECTIVE dd

GSEL_KDATA	equ 0x10

section .text
extern trap
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
	push	esp			; the trap frame
	call	trap
	add	esp, 4
	pop	gs
	pop	fs
	pop	es
	pop	ds
	popad
	add	esp, 8			; vector number and error code
	iretd

%include "vectors.inc"
