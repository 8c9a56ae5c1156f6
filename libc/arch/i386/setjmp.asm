; setjmp.asm - i386 non-local jumps: setjmp/longjmp, _setjmp/_longjmp,
; sigsetjmp/siglongjmp (<setjmp.h> describes what each saves).
;
; The jmp_buf keeps what the cdecl ABI makes the callee preserve: ebx,
; esi, edi, ebp, the stack pointer as it is after setjmp returns, the
; return address, and the x87 control word (FreeBSD's choice); then
; whether the signal mask was saved, and the mask.  longjmp loads them
; back and "returns from setjmp" once more, with its value (1 for 0).

	section	.text

extern __sys_sigprocmask

SIG_BLOCK	equ 1
SIG_SETMASK	equ 3

JB_EIP		equ 0
JB_EBX		equ 4
JB_ESP		equ 8
JB_EBP		equ 12
JB_ESI		equ 16
JB_EDI		equ 20
JB_FPCW		equ 24		; 2 bytes
JB_SAVED	equ 28		; nonzero: JB_MASK holds the signal mask
JB_MASK		equ 32		; a sigset_t (32 bits)

; int setjmp(jmp_buf env): sigsetjmp(env, 1).
global setjmp:function
setjmp:
	mov	eax, 1
	jmp	save

; int _setjmp(jmp_buf env): sigsetjmp(env, 0).
global _setjmp:function
_setjmp:
	xor	eax, eax
	jmp	save

; int sigsetjmp(sigjmp_buf env, int savemask): save the caller's
; context in env, and the signal mask too if savemask is not 0; return
; 0 (and later the value a longjmp to env passes).
global sigsetjmp:function
sigsetjmp:
	mov	eax, [esp + 8]
save:					; eax: save the mask?
	mov	ecx, [esp + 4]
	mov	edx, [esp]
	mov	[ecx + JB_EIP], edx
	lea	edx, [esp + 4]
	mov	[ecx + JB_ESP], edx
	mov	[ecx + JB_EBX], ebx
	mov	[ecx + JB_EBP], ebp
	mov	[ecx + JB_ESI], esi
	mov	[ecx + JB_EDI], edi
	fnstcw	[ecx + JB_FPCW]
	mov	dword [ecx + JB_SAVED], 0
	test	eax, eax
	jz	.done
	mov	dword [ecx + JB_SAVED], 1
	lea	edx, [ecx + JB_MASK]	; sigprocmask(SIG_BLOCK, NULL, mask)
	push	edx
	push	0
	push	SIG_BLOCK
	call	__sys_sigprocmask
	add	esp, 12
.done:
	xor	eax, eax
	ret

; void longjmp(jmp_buf env, int val), void siglongjmp(sigjmp_buf env,
; int val): restore the signal mask if env holds one, then _longjmp.
global longjmp:function
global siglongjmp:function
longjmp:
siglongjmp:
	mov	ecx, [esp + 4]
	cmp	dword [ecx + JB_SAVED], 0
	je	_longjmp
	lea	edx, [ecx + JB_MASK]	; sigprocmask(SIG_SETMASK, mask, NULL)
	push	0
	push	edx
	push	SIG_SETMASK
	call	__sys_sigprocmask
	add	esp, 12
	; fall through

; void _longjmp(jmp_buf env, int val): back into the setjmp that filled
; env, which returns val (1 if val is 0).  The signal mask stays.  The
; x87 register stack is emptied (a jump may leave from the middle of a
; computation; at a call boundary it is empty anyway).
global _longjmp:function
_longjmp:
	mov	edx, [esp + 4]
	mov	eax, [esp + 8]
	test	eax, eax
	jnz	.restore
	mov	eax, 1
.restore:
	mov	ebx, [edx + JB_EBX]
	mov	ebp, [edx + JB_EBP]
	mov	esi, [edx + JB_ESI]
	mov	edi, [edx + JB_EDI]
	fninit
	fldcw	[edx + JB_FPCW]
	mov	esp, [edx + JB_ESP]
	jmp	dword [edx + JB_EIP]
