; sigtramp.asm - amd64 signal trampoline: a handler returns here (the
; kernel made it the handler's return address).  rsp then points at the
; signal frame, whose first member is the ucontext sigreturn wants.

	default	rel
	section	.text

SYS_sigreturn	equ 417

global __sigtramp:function
__sigtramp:
	mov	rdi, rsp
	mov	eax, SYS_sigreturn
	syscall
	ud2				; sigreturn does not come back here
