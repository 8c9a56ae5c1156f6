; cerror.asm - where every i386 system-call stub goes when the kernel
; reports an error (carry set, the errno value in eax): store it in
; errno and return -1 from the stub.  The stub jumped here with its
; caller's return address on top of the stack, so this returns straight
; to the C code that called the stub.

	section	.text

extern __error

global __libc_cerror:function
__libc_cerror:
	; Keep the errno value in the frame and the stack 16-byte aligned at
	; the call, as the caller had it before calling the stub.
	sub	esp, 12
	mov	[esp], eax
	call	__error			; where errno lives (libc/gen/errno.c)
	mov	ecx, [esp]
	add	esp, 12
	mov	[eax], ecx
	mov	eax, -1
	mov	edx, -1			; 64-bit results fail as -1 too
	ret
