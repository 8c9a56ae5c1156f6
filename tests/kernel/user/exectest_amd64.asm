; exectest_amd64.asm - the program tests/kernel/test_user.c execs from
; the initrd (/ktest/bin/exectest): a static ELF linked by ld, no libc.
; It checks what exec put on its stack: 16-byte alignment, argc 2,
; argv[1] "hello-arg", envp ["VISE=1"], then AT_PAGESZ 4096 first in
; the auxiliary vector; writes "exectest: ok" and exits 94.  Any other
; exit status names the check that failed.

bits 64
section .text
global _start
_start:
	test	rsp, 15
	jnz	bad1
	cmp	qword [rsp], 2			; argc
	jne	bad2
	mov	rsi, [rsp + 16]			; argv[1]
	lea	rdi, [rel arg1]
	call	streq
	jne	bad3
	cmp	qword [rsp + 24], 0		; argv[2]
	jne	bad4
	mov	rsi, [rsp + 32]			; envp[0]
	lea	rdi, [rel env0]
	call	streq
	jne	bad5
	cmp	qword [rsp + 40], 0		; envp[1]
	jne	bad6
	cmp	qword [rsp + 48], 6		; AT_PAGESZ
	jne	bad7
	cmp	qword [rsp + 56], 4096
	jne	bad7
	mov	eax, 4				; write(1, msg, len)
	mov	edi, 1
	lea	rsi, [rel msg]
	mov	edx, msg_len
	syscall
	mov	edi, 94
	jmp	exit

; Compare the strings at rsi and rdi; ZF set if equal.
streq:
	mov	al, [rsi]
	cmp	al, [rdi]
	jne	.done
	test	al, al
	jz	.done
	inc	rsi
	inc	rdi
	jmp	streq
.done:	ret

bad1:	mov	edi, 1
	jmp	exit
bad2:	mov	edi, 2
	jmp	exit
bad3:	mov	edi, 3
	jmp	exit
bad4:	mov	edi, 4
	jmp	exit
bad5:	mov	edi, 5
	jmp	exit
bad6:	mov	edi, 6
	jmp	exit
bad7:	mov	edi, 7
exit:	mov	eax, 1
	syscall

section .rodata
arg1:	db	"hello-arg", 0
env0:	db	"VISE=1", 0
msg:	db	"exectest: ok", 10
msg_len	equ	$ - msg
