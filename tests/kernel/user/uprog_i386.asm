; uprog_i386.asm - small user-mode programs for tests/kernel/test_user.c,
; assembled flat (nasm -f bin) for address UTEXT.  The table at the
; start gives each program's entry; the kernel test copies the whole
; image into a new address space and starts the one it wants.  Each
; program ends with exit(2); exit status 99 means a check in it failed.

bits 32
org 0x400000

SYS_exit	equ 1
SYS_write	equ 4
SYS_getpid	equ 20
KERNBASE	equ 0xc0000000

table:
	dd	hello, efault, kernel_write, stack_touch, badsys, illegal
	dd	text_write, kernel_ptr

%macro EXIT 1
	mov	ebx, %1
	mov	eax, SYS_exit
	int	0x80
%endmacro

; write(1, msg, len) must return len; then exit(getpid() & 0xff).
hello:
	mov	eax, SYS_write
	mov	ebx, 1
	mov	ecx, msg
	mov	edx, msg_len
	int	0x80
	jc	fail
	cmp	eax, msg_len
	jne	fail
	mov	eax, SYS_getpid
	int	0x80
	movzx	ebx, al
	mov	eax, SYS_exit
	int	0x80

; write(1, an unmapped address, 10) fails with EFAULT: exit(errno).
efault:
	mov	eax, SYS_write
	mov	ebx, 1
	mov	ecx, 0x1000
	mov	edx, 10
	int	0x80
	jnc	fail
	mov	ebx, eax
	mov	eax, SYS_exit
	int	0x80

; A store to a kernel address: SIGSEGV.
kernel_write:
	mov	byte [KERNBASE], 1
	EXIT	99

; Push 24 KiB onto a stack nobody touched yet: each new page faults in.
stack_touch:
	mov	ecx, 6144
.1:	push	ecx
	dec	ecx
	jnz	.1
	EXIT	42

; An unknown system call fails with ENOSYS: exit(errno).
badsys:
	mov	eax, 999
	int	0x80
	jnc	fail
	mov	ebx, eax
	mov	eax, SYS_exit
	int	0x80

; An invalid opcode: SIGILL.
illegal:
	ud2
	EXIT	99

; A store into its own (read-only) text: SIGSEGV.
text_write:
	mov	byte [table], 1
	EXIT	99

; write(1, a kernel address, 10) fails with EFAULT: exit(errno).
kernel_ptr:
	mov	eax, SYS_write
	mov	ebx, 1
	mov	ecx, KERNBASE
	mov	edx, 10
	int	0x80
	jnc	fail
	mov	ebx, eax
	mov	eax, SYS_exit
	int	0x80

fail:
	EXIT	99

msg:	db	"hello from user mode", 10
msg_len	equ	$ - msg
