; uprog_amd64.asm - small user-mode programs for tests/kernel/test_user.c,
; assembled flat (nasm -f bin) for address UTEXT.  The table at the
; start gives each program's entry; the kernel test copies the whole
; image into a new address space and starts the one it wants.  Each
; program ends with exit(2); exit status 99 means a check in it failed.

bits 64
org 0x400000

SYS_exit	equ 1
SYS_write	equ 4
SYS_getpid	equ 20
KERNBASE	equ 0xffffffff80000000

table:
	dq	hello, efault, kernel_write, stack_touch, badsys, illegal
	dq	text_write, kernel_ptr

%macro EXIT 1
	mov	edi, %1
	mov	eax, SYS_exit
	syscall
%endmacro

; write(1, msg, len) must return len; then exit(getpid() & 0xff).
hello:
	mov	eax, SYS_write
	mov	edi, 1
	lea	rsi, [rel msg]
	mov	edx, msg_len
	syscall
	jc	fail
	cmp	rax, msg_len
	jne	fail
	mov	eax, SYS_getpid
	syscall
	movzx	edi, al
	mov	eax, SYS_exit
	syscall

; write(1, an unmapped address, 10) fails with EFAULT: exit(errno).
efault:
	mov	eax, SYS_write
	mov	edi, 1
	mov	esi, 0x1000
	mov	edx, 10
	syscall
	jnc	fail
	mov	edi, eax
	mov	eax, SYS_exit
	syscall

; A store to a kernel address: SIGSEGV.
kernel_write:
	mov	rax, KERNBASE
	mov	byte [rax], 1
	EXIT	99

; Push 24 KiB onto a stack nobody touched yet: each new page faults in.
stack_touch:
	mov	ecx, 3072
.1:	push	rcx
	dec	ecx
	jnz	.1
	EXIT	42

; An unknown system call fails with ENOSYS: exit(errno).
badsys:
	mov	eax, 999
	syscall
	jnc	fail
	mov	edi, eax
	mov	eax, SYS_exit
	syscall

; An invalid opcode: SIGILL.
illegal:
	ud2
	EXIT	99

; A store into its own (read-only) text: SIGSEGV.
text_write:
	lea	rax, [rel table]
	mov	byte [rax], 1
	EXIT	99

; write(1, a kernel address, 10) fails with EFAULT: exit(errno).
kernel_ptr:
	mov	eax, SYS_write
	mov	edi, 1
	mov	rsi, KERNBASE
	mov	edx, 10
	syscall
	jnc	fail
	mov	edi, eax
	mov	eax, SYS_exit
	syscall

fail:
	EXIT	99

msg:	db	"hello from user mode", 10
msg_len	equ	$ - msg
