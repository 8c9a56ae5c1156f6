; sigtramp.asm - i386 signal trampoline: a handler returns here (the
; kernel made it the handler's return address).  The stack then holds
; the handler's arguments: sig, &siginfo, &ucontext.

	section	.text

SYS_sigreturn	equ 417

global __sigtramp:function
__sigtramp:
	mov	ebx, [esp + 8]		; the ucontext
	mov	eax, SYS_sigreturn
	int	0x80
	ud2				; sigreturn does not come back here
