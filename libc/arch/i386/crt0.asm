; crt0.asm - where an i386 program starts (_start, the ELF entry).
;
; exec leaves esp pointing at argc (4 bytes), then argv[0..argc-1] and
; NULL, then envp[] and NULL, then the auxiliary vector; every other
; register is zero.  Find argv and envp, give C an aligned stack and a
; frame chain that ends here, and call __libc_start (gen/libc_start.c),
; which runs main and exits with its result.

	section	.text

extern __libc_start

global _start:function
_start:
	xor	ebp, ebp		; the outermost frame: backtraces stop
	mov	eax, [esp]		; argc
	lea	ecx, [esp + 4]		; argv
	lea	edx, [ecx + eax * 4 + 4]	; envp: past argv's NULL
	; gcc's i386 ABI wants esp 16-byte aligned at a call: three
	; 4-byte arguments, so 4 bytes of padding below an aligned esp.
	and	esp, -16
	sub	esp, 4
	push	edx
	push	ecx
	push	eax
	call	__libc_start
	ud2				; __libc_start does not return
