; vector.asm - amd64 interrupt and exception entry.
;
; The CPU has pushed ss, rsp, rflags, cs, rip (and maybe an error
; code); the stub from vectors.inc pushed the error code slot and the
; vector number.  alltraps saves the general registers so that the stack
; holds a struct trapframe (machine/frame.h), calls trap(frame), restores
; and returns with iretq.  The stack is 16-byte aligned at the call:
; 5 + 2 + 15 quadwords = 176 bytes after the CPU's own alignment.
;
; There is no user mode yet, so no swapgs here; it comes with it.

bits 64
%define PTRSIZE_DIRECTIVE dq

section .text
extern trap
alltraps:
	push	r15
	push	r14
	push	r13
	push	r12
	push	r11
	push	r10
	push	r9
	push	r8
	push	rbp
	push	rdi
	push	rsi
	push	rdx
	push	rcx
	push	rbx
	push	rax
	cld
	mov	rdi, rsp
	call	trap
	pop	rax
	pop	rbx
	pop	rcx
	pop	rdx
	pop	rsi
	pop	rdi
	pop	rbp
	pop	r8
	pop	r9
	pop	r10
	pop	r11
	pop	r12
	pop	r13
	pop	r14
	pop	r15
	add	rsp, 16			; vector number and error code
	iretq

%include "vectors.inc"
