; setjmp.asm - amd64 non-local jumps: setjmp/longjmp, _setjmp/_longjmp,
; sigsetjmp/siglongjmp (<setjmp.h> describes what each saves).
;
; The jmp_buf keeps what the SysV ABI makes the callee preserve: rbx,
; rbp, r12-r15, the stack pointer as it is after setjmp returns, the
; return address, and the control parts of the floating-point state
; (the x87 control word and MXCSR, as FreeBSD does); then whether the
; signal mask was saved, and the mask.  longjmp loads them back and
; "returns from setjmp" once more, with its value (1 for 0).

	default	rel
	section	.text

extern __sys_sigprocmask

SIG_BLOCK	equ 1
SIG_SETMASK	equ 3

JB_RIP		equ 0
JB_RBX		equ 8
JB_RSP		equ 16
JB_RBP		equ 24
JB_R12		equ 32
JB_R13		equ 40
JB_R14		equ 48
JB_R15		equ 56
JB_FPCW		equ 64		; 2 bytes
JB_MXCSR	equ 68		; 4 bytes
JB_SAVED	equ 72		; nonzero: JB_MASK holds the signal mask
JB_MASK		equ 80		; a sigset_t (32 bits)

; int setjmp(jmp_buf env): sigsetjmp(env, 1).
global setjmp:function
setjmp:
	mov	esi, 1
	jmp	sigsetjmp

; int _setjmp(jmp_buf env): sigsetjmp(env, 0).
global _setjmp:function
_setjmp:
	xor	esi, esi
	jmp	sigsetjmp

; int sigsetjmp(sigjmp_buf env, int savemask): save the caller's
; context in env, and the signal mask too if savemask is not 0; return
; 0 (and later the value a longjmp to env passes).
global sigsetjmp:function
sigsetjmp:
	mov	rax, [rsp]
	mov	[rdi + JB_RIP], rax
	lea	rax, [rsp + 8]
	mov	[rdi + JB_RSP], rax
	mov	[rdi + JB_RBX], rbx
	mov	[rdi + JB_RBP], rbp
	mov	[rdi + JB_R12], r12
	mov	[rdi + JB_R13], r13
	mov	[rdi + JB_R14], r14
	mov	[rdi + JB_R15], r15
	fnstcw	[rdi + JB_FPCW]
	stmxcsr	[rdi + JB_MXCSR]
	mov	qword [rdi + JB_SAVED], 0
	test	esi, esi
	jz	.done
	mov	qword [rdi + JB_SAVED], 1
	push	rdi			; also aligns rsp for the call
	lea	rdx, [rdi + JB_MASK]	; sigprocmask(SIG_BLOCK, NULL, mask)
	xor	esi, esi
	mov	edi, SIG_BLOCK
	call	__sys_sigprocmask
	pop	rdi
.done:
	xor	eax, eax
	ret

; void longjmp(jmp_buf env, int val), void siglongjmp(sigjmp_buf env,
; int val): restore the signal mask if env holds one, then _longjmp.
global longjmp:function
global siglongjmp:function
longjmp:
siglongjmp:
	cmp	qword [rdi + JB_SAVED], 0
	je	_longjmp
	push	rdi
	push	rsi
	sub	rsp, 8			; aligns rsp for the call
	lea	rsi, [rdi + JB_MASK]	; sigprocmask(SIG_SETMASK, mask, NULL)
	xor	edx, edx
	mov	edi, SIG_SETMASK
	call	__sys_sigprocmask
	add	rsp, 8
	pop	rsi
	pop	rdi
	; fall through

; void _longjmp(jmp_buf env, int val): back into the setjmp that filled
; env, which returns val (1 if val is 0).  The signal mask stays.
global _longjmp:function
_longjmp:
	mov	rbx, [rdi + JB_RBX]
	mov	rbp, [rdi + JB_RBP]
	mov	r12, [rdi + JB_R12]
	mov	r13, [rdi + JB_R13]
	mov	r14, [rdi + JB_R14]
	mov	r15, [rdi + JB_R15]
	fldcw	[rdi + JB_FPCW]
	ldmxcsr	[rdi + JB_MXCSR]
	mov	eax, esi
	test	eax, eax
	jnz	.jump
	mov	eax, 1
.jump:
	mov	rsp, [rdi + JB_RSP]
	jmp	qword [rdi + JB_RIP]
