; cerror.asm - where every amd64 system-call stub goes when the kernel
; reports an error (carry set, the errno value in rax): store it in
; errno and return -1 from the stub.  The stub jumped here with its
; caller's return address on top of the stack, so this returns straight
; to the C code that called the stub.

	default	rel
	section	.text

extern __error

global __libc_cerror:function
__libc_cerror:
	push	rax			; the errno value; aligns rsp for the call
	call	__error			; where errno lives (libc/gen/errno.c)
	pop	rcx
	mov	[rax], ecx
	mov	rax, -1
	mov	rdx, -1			; two-register results fail as -1 too
	ret
