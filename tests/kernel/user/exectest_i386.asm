; exectest_i386.asm - the program tests/kernel/test_user.c execs from
; the initrd (/ktest/bin/exectest): a static ELF linked by ld, no libc.
; It checks what exec put on its stack: 16-byte alignment, argc 2,
; argv[1] "hello-arg", envp ["VISE=1"], then AT_PAGESZ 4096 first in
; the auxiliary vector; writes "exectest: ok" and exits 94.  Any other
; exit status names the check that failed.

bits 32
section .text
global _start
_start:
	test	esp, 15
	jnz	bad1
	cmp	dword [esp], 2			; argc
	jne	bad2
	mov	esi, [esp + 8]			; argv[1]
	mov	edi, arg1
	call	streq
	jne	bad3
	cmp	dword [esp + 12], 0		; argv[2]
	jne	bad4
	mov	esi, [esp + 16]			; envp[0]
	mov	edi, env0
	call	streq
	jne	bad5
	cmp	dword [esp + 20], 0		; envp[1]
	jne	bad6
	cmp	dword [esp + 24], 6		; AT_PAGESZ
	jne	bad7
	cmp	dword [esp + 28], 4096
	jne	bad7
	mov	eax, 4				; write(1, msg, len)
	mov	ebx, 1
	mov	ecx, msg
	mov	edx, msg_len
	int	0x80
	mov	ebx, 94
	jmp	exit

; Compare the strings at esi and edi; ZF set if equal.
streq:
	mov	al, [esi]
	cmp	al, [edi]
	jne	.done
	test	al, al
	jz	.done
	inc	esi
	inc	edi
	jmp	streq
.done:	ret

bad1:	mov	ebx, 1
	jmp	exit
bad2:	mov	ebx, 2
	jmp	exit
bad3:	mov	ebx, 3
	jmp	exit
bad4:	mov	ebx, 4
	jmp	exit
bad5:	mov	ebx, 5
	jmp	exit
bad6:	mov	ebx, 6
	jmp	exit
bad7:	mov	ebx, 7
exit:	mov	eax, 1
	int	0x80

section .rodata
arg1:	db	"hello-arg", 0
env0:	db	"VISE=1", 0
msg:	db	"exectest: ok", 10
msg_len	equ	$ - msg
