; crt0.asm - where an amd64 program starts (_start, the ELF entry).
;
; exec leaves rsp pointing at argc (8 bytes), then argv[0..argc-1] and
; NULL, then envp[] and NULL, then the auxiliary vector; every other
; register is zero.  Find argv and envp, give C an aligned stack and a
; frame chain that ends here, and call __libc_start (gen/libc_start.c),
; which runs main and exits with its result.

	default	rel
	section	.text

extern __libc_start

global _start:function
_start:
	xor	ebp, ebp		; the outermost frame: backtraces stop
	mov	rdi, [rsp]		; argc
	lea	rsi, [rsp + 8]		; argv
	lea	rdx, [rsi + rdi * 8 + 8]	; envp: past argv's NULL
	and	rsp, -16		; the ABI's alignment at a call
	call	__libc_start
	ud2				; __libc_start does not return
