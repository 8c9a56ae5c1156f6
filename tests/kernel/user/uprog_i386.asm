; uprog_i386.asm - small user-mode programs for tests/kernel/test_user.c,
; assembled flat (nasm -f bin) for address UTEXT.  The table at the
; start gives each program's entry; the kernel test copies the whole
; image into a new address space and starts the one it wants.  Each
; program ends with exit(2); exit status 99 means a check in it failed.

bits 32
org 0x400000

SYS_exit	equ 1
SYS_fork	equ 2
SYS_write	equ 4
SYS_wait4	equ 7
SYS_getpid	equ 20
SYS_execve	equ 59
SYS_munmap	equ 73
SYS_mmap	equ 477
KERNBASE	equ 0xc0000000
PROT_RW		equ 3
MAP_SHARED	equ 0x1
MAP_PRIVATE	equ 0x2
MAP_ANON	equ 0x1000

table:
	dd	hello, efault, kernel_write, stack_touch, badsys, illegal
	dd	text_write, kernel_ptr, fork_wait, mmap_private, mmap_shared
	dd	use_after_munmap, mmap_bad, wait_nochild
	dd	exec_ok, exec_noent, exec_dir, exec_notelf, exec_noexec
	dd	exec_badptr, exec_hello
	dd	fpu_fork, fpu_clean

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

; fork(); the child exits 7; the parent's wait4 gets its pid and
; status 7 << 8: exit 0.
fork_wait:
	mov	eax, SYS_fork
	int	0x80
	jc	fail
	test	eax, eax
	jnz	.parent
	EXIT	7
.parent:
	mov	edi, eax		; the child's pid (kept: int 0x80 saves edi)
	mov	ebx, eax
	lea	ecx, [esp - 64]		; status, below the stack pointer
	xor	edx, edx
	xor	esi, esi
	push	edi
	mov	eax, SYS_wait4
	int	0x80
	pop	edi
	jc	fail
	cmp	eax, edi
	jne	fail
	cmp	dword [esp - 64], 7 << 8
	jne	fail
	EXIT	0

; mmap(NULL, 8192, RW, flags in esi, -1, 0) into eax; fail on error.
map8k:
	push	ebp
	xor	ebx, ebx
	mov	ecx, 8192
	mov	edx, PROT_RW
	mov	edi, -1
	xor	ebp, ebp
	mov	eax, SYS_mmap
	int	0x80
	pop	ebp
	jc	fail
	ret

; Private anonymous memory: the child's store stays the child's; the
; parent sees 0 where the child wrote, and its own 5: exit 5 + 0.
mmap_private:
	mov	esi, MAP_PRIVATE | MAP_ANON
	jmp	mmap_fork

; Shared anonymous memory: the child's 37 shows in the parent: 5 + 37.
mmap_shared:
	mov	esi, MAP_SHARED | MAP_ANON
mmap_fork:
	call	map8k
	mov	ebp, eax
	mov	byte [ebp + 4096], 5
	mov	eax, SYS_fork
	int	0x80
	jc	fail
	test	eax, eax
	jnz	.parent
	mov	byte [ebp], 37
	EXIT	0
.parent:
	mov	ebx, eax
	xor	ecx, ecx
	xor	edx, edx
	xor	esi, esi
	mov	eax, SYS_wait4
	int	0x80
	jc	fail
	movzx	ebx, byte [ebp]
	movzx	eax, byte [ebp + 4096]
	add	ebx, eax
	mov	eax, SYS_exit
	int	0x80

; Touch memory after munmap: SIGSEGV.
use_after_munmap:
	mov	esi, MAP_PRIVATE | MAP_ANON
	call	map8k
	mov	ebp, eax
	mov	byte [ebp], 1
	mov	ebx, ebp
	mov	ecx, 8192
	mov	eax, SYS_munmap
	int	0x80
	jc	fail
	mov	byte [ebp], 2
	EXIT	99

; mmap of length 0 is EINVAL: exit(errno).
mmap_bad:
	push	ebp
	xor	ebx, ebx
	xor	ecx, ecx
	mov	edx, PROT_RW
	mov	esi, MAP_PRIVATE | MAP_ANON
	mov	edi, -1
	xor	ebp, ebp
	mov	eax, SYS_mmap
	int	0x80
	pop	ebp
	jnc	fail
	mov	ebx, eax
	mov	eax, SYS_exit
	int	0x80

; wait4(-1, ...) without children is ECHILD: exit(errno).
wait_nochild:
	mov	ebx, -1
	xor	ecx, ecx
	xor	edx, edx
	xor	esi, esi
	mov	eax, SYS_wait4
	int	0x80
	jnc	fail
	mov	ebx, eax
	mov	eax, SYS_exit
	int	0x80

; execve(ebx, exec_argv, exec_envp); if it returns, exit(errno).
exec_ok:
	mov	ebx, path_exectest
	jmp	do_exec
exec_noent:
	mov	ebx, path_noent
	jmp	do_exec
exec_dir:
	mov	ebx, path_dir
	jmp	do_exec
exec_notelf:
	mov	ebx, path_notelf
	jmp	do_exec
exec_noexec:
	mov	ebx, path_noexec
	jmp	do_exec
exec_hello:
	mov	ebx, path_hello
	jmp	do_exec
exec_badptr:
	mov	ebx, 0x1000
do_exec:
	mov	ecx, exec_argv
	mov	edx, exec_envp
	mov	eax, SYS_execve
	int	0x80
	jnc	fail
	mov	ebx, eax
	mov	eax, SYS_exit
	int	0x80

fail:
	EXIT	99

align 4
exec_argv:	dd	path_exectest, arg_hello, 0
exec_envp:	dd	env_vise, 0
path_exectest:	db	"/ktest/bin/exectest", 0
path_noent:	db	"/ktest/nothere", 0
path_hello:	db	"/ktest/bin/hello", 0
path_dir:	db	"/ktest", 0
path_notelf:	db	"/ktest/bin/notelf", 0
path_noexec:	db	"/ktest/noexec", 0
arg_hello:	db	"hello-arg", 0
env_vise:	db	"VISE=1", 0

msg:	db	"hello from user mode", 10
msg_len	equ	$ - msg

; --- x87/SSE registers per thread (arch/x86/fpu.c) ---
;
; fpu_fork: the parent fills xmm0-7, st0-st7, the x87 control word and
; MXCSR with its values, forks, and spins until the child says (through
; shared memory) that its own, different values are in the registers:
; the parent only gets the CPU back by a preemption, so its values went
; through a switch to the child and back.  Then the child waits
; (preempted in turn) while the parent checks and exits.  The child
; first checks it inherited the parent's values.  Exit 0; 99 if the
; parent's check failed, 98 if the child did not exit 0.  Needs SSE2.
fpu_fork:
	mov	esi, MAP_SHARED | MAP_ANON
	call	map8k
	mov	ebp, eax		; byte [ebp]: 1 child loaded, 2 parent done
	mov	edi, fpu_parent_values
	call	fpu_load
	mov	eax, SYS_fork
	int	0x80
	jc	fail
	test	eax, eax
	jnz	.parent
	call	fpu_check		; inherited: the parent's values
	jne	.child_bad
	mov	edi, fpu_child_values
	call	fpu_load
	mov	byte [ebp], 1
.child_wait:
	cmp	byte [ebp], 2
	jne	.child_wait
	call	fpu_check
	jne	.child_bad
	EXIT	0
.child_bad:
	EXIT	98
.parent:
	mov	ebx, eax		; the child's pid
.parent_wait:
	cmp	byte [ebp], 1
	jne	.parent_wait
	call	fpu_check
	setne	byte [ebp + 4]
	mov	byte [ebp], 2
	lea	ecx, [ebp + 8]		; the child's status
	xor	edx, edx
	xor	esi, esi
	mov	eax, SYS_wait4
	int	0x80
	jc	fail
	cmp	byte [ebp + 4], 0
	jne	fail
	cmp	dword [ebp + 8], 0
	jne	.child_bad
	EXIT	0

; fpu_load: from the values at edi (fpu_parent_values' layout): xmm0-7
; from the first 128 bytes, st0-st7 the first 8 dwords (st0 the last),
; the x87 control word and MXCSR from the two dwords after the 128.
fpu_load:
	fldcw	[edi + 128]
	ldmxcsr	[edi + 132]
%assign i 0
%rep 8
	movdqa	xmm %+ i, [edi + 16 * i]
%assign i i + 1
%endrep
%assign i 0
%rep 8
	fild	dword [edi + 4 * i]
%assign i i + 1
%endrep
	ret

; fpu_check: ZF set if the registers hold what fpu_load(edi) put there.
; Consumes them (the x87 stack is popped).
fpu_check:
	sub	esp, 4
	fnstcw	[esp]
	mov	ax, [esp]
	cmp	ax, [edi + 128]
	jne	.done
	stmxcsr	[esp]
	mov	eax, [esp]
	cmp	eax, [edi + 132]
	jne	.done
%assign i 0
%rep 8
	pcmpeqb	xmm %+ i, [edi + 16 * i]
	pmovmskb eax, xmm %+ i
	cmp	eax, 0xffff
	jne	.done
%assign i i + 1
%endrep
%assign i 7
%rep 8
	fistp	dword [esp]
	mov	eax, [edi + 4 * i]
	cmp	[esp], eax
	jne	.done
%assign i i - 1
%endrep
.done:
	lea	esp, [esp + 4]		; keeps the flags
	ret

; fpu_clean: a new process starts with fninit's x87 state (control
; word 0x37f, status 0, every register empty), MXCSR 0x1f80 and zero
; xmm registers, whatever ran before it.  Exit 0.
fpu_clean:
	sub	esp, 32
	fnstenv	[esp]
	cmp	word [esp], 0x037f	; control word
	jne	fail
	cmp	word [esp + 4], 0	; status word
	jne	fail
	cmp	word [esp + 8], 0xffff	; tag word: all empty
	jne	fail
	stmxcsr	[esp]
	cmp	dword [esp], 0x1f80
	jne	fail
%assign i 0
%rep 8
	pcmpeqb	xmm %+ i, [fpu_zeros]
	pmovmskb eax, xmm %+ i
	cmp	eax, 0xffff
	jne	fail
%assign i i + 1
%endrep
	EXIT	0

align 16
fpu_zeros:	times 16 db 0
; 128 bytes of register values, then the x87 control word (fninit's
; but rounding toward zero / up) and MXCSR (all masked, the same
; rounding), each in a dword.
fpu_parent_values:
%assign i 0
%rep 32
	dd	0x11110000 + i
%assign i i + 1
%endrep
	dd	0x0f7f, 0x7f80
align 16
fpu_child_values:
%assign i 0
%rep 32
	dd	0x22220000 + 3 * i
%assign i i + 1
%endrep
	dd	0x077f, 0x3f80
