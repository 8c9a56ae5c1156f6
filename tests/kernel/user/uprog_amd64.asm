; uprog_amd64.asm - small user-mode programs for tests/kernel/test_user.c,
; assembled flat (nasm -f bin) for address UTEXT.  The table at the
; start gives each program's entry; the kernel test copies the whole
; image into a new address space and starts the one it wants.  Each
; program ends with exit(2); exit status 99 means a check in it failed.

bits 64
org 0x400000

SYS_exit	equ 1
SYS_fork	equ 2
SYS_write	equ 4
SYS_wait4	equ 7
SYS_getpid	equ 20
SYS_execve	equ 59
SYS_munmap	equ 73
SYS_mmap	equ 477
KERNBASE	equ 0xffffffff80000000
PROT_RW		equ 3
MAP_SHARED	equ 0x1
MAP_PRIVATE	equ 0x2
MAP_ANON	equ 0x1000

table:
	dq	hello, efault, kernel_write, stack_touch, badsys, illegal
	dq	text_write, kernel_ptr, fork_wait, mmap_private, mmap_shared
	dq	use_after_munmap, mmap_bad, wait_nochild
	dq	exec_ok, exec_noent, exec_dir, exec_notelf, exec_noexec
	dq	exec_badptr, exec_hello
	dq	fpu_fork, fpu_clean

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

; fork(); the child exits 7; the parent's wait4 gets its pid and
; status 7 << 8: exit 0.
fork_wait:
	mov	eax, SYS_fork
	syscall
	jc	fail
	test	eax, eax
	jnz	.parent
	EXIT	7
.parent:
	mov	r12, rax		; the child's pid
	mov	edi, eax
	mov	rsi, rsp
	sub	rsi, 64			; status, below the stack pointer
	xor	edx, edx
	xor	r10d, r10d
	mov	eax, SYS_wait4
	syscall
	jc	fail
	cmp	rax, r12
	jne	fail
	mov	eax, [rsp - 64]
	cmp	eax, 7 << 8
	jne	fail
	EXIT	0

; mmap(NULL, 8192, RW, flags in ebx, -1, 0) into rax; fail on error.
map8k:
	xor	edi, edi
	mov	esi, 8192
	mov	edx, PROT_RW
	mov	r10d, ebx
	mov	r8, -1
	xor	r9d, r9d
	mov	eax, SYS_mmap
	syscall
	jc	fail
	ret

; Private anonymous memory: the child's store stays the child's; the
; parent sees 0 where the child wrote, and its own 5: exit 5 + 0.
mmap_private:
	mov	ebx, MAP_PRIVATE | MAP_ANON
	jmp	mmap_fork

; Shared anonymous memory: the child's 37 shows in the parent: 5 + 37.
mmap_shared:
	mov	ebx, MAP_SHARED | MAP_ANON
mmap_fork:
	call	map8k
	mov	r13, rax
	mov	byte [r13 + 4096], 5
	mov	eax, SYS_fork
	syscall
	jc	fail
	test	eax, eax
	jnz	.parent
	mov	byte [r13], 37
	EXIT	0
.parent:
	mov	edi, eax
	xor	esi, esi
	xor	edx, edx
	xor	r10d, r10d
	mov	eax, SYS_wait4
	syscall
	jc	fail
	movzx	edi, byte [r13]
	movzx	eax, byte [r13 + 4096]
	add	edi, eax
	mov	eax, SYS_exit
	syscall

; Touch memory after munmap: SIGSEGV.
use_after_munmap:
	mov	ebx, MAP_PRIVATE | MAP_ANON
	call	map8k
	mov	r13, rax
	mov	byte [r13], 1
	mov	rdi, r13
	mov	esi, 8192
	mov	eax, SYS_munmap
	syscall
	jc	fail
	mov	byte [r13], 2
	EXIT	99

; mmap of length 0 is EINVAL: exit(errno).
mmap_bad:
	xor	edi, edi
	xor	esi, esi
	mov	edx, PROT_RW
	mov	r10d, MAP_PRIVATE | MAP_ANON
	mov	r8, -1
	xor	r9d, r9d
	mov	eax, SYS_mmap
	syscall
	jnc	fail
	mov	edi, eax
	mov	eax, SYS_exit
	syscall

; wait4(-1, ...) without children is ECHILD: exit(errno).
wait_nochild:
	mov	rdi, -1
	xor	esi, esi
	xor	edx, edx
	xor	r10d, r10d
	mov	eax, SYS_wait4
	syscall
	jnc	fail
	mov	edi, eax
	mov	eax, SYS_exit
	syscall

; execve(rdi, exec_argv, exec_envp); if it returns, exit(errno).
exec_ok:
	lea	rdi, [rel path_exectest]
	jmp	do_exec
exec_noent:
	lea	rdi, [rel path_noent]
	jmp	do_exec
exec_dir:
	lea	rdi, [rel path_dir]
	jmp	do_exec
exec_notelf:
	lea	rdi, [rel path_notelf]
	jmp	do_exec
exec_noexec:
	lea	rdi, [rel path_noexec]
	jmp	do_exec
exec_hello:
	lea	rdi, [rel path_hello]
	jmp	do_exec
exec_badptr:
	mov	edi, 0x1000
do_exec:
	lea	rsi, [rel exec_argv]
	lea	rdx, [rel exec_envp]
	mov	eax, SYS_execve
	syscall
	jnc	fail
	mov	edi, eax
	mov	eax, SYS_exit
	syscall

fail:
	EXIT	99

align 8
exec_argv:	dq	path_exectest, arg_hello, 0
exec_envp:	dq	env_vise, 0
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
; fpu_fork: the parent fills xmm0-15, st0-st7, the x87 control word
; and MXCSR with its values, forks, and spins until the child says
; (through shared memory) that its own, different values are in the
; registers: the parent only gets the CPU back by a preemption, so its
; values went through a switch to the child and back.  Then the child
; waits (preempted in turn) while the parent checks and exits.  The
; child first checks it inherited the parent's values.  Exit 0; 99
; if the parent's check failed, 98 if the child did not exit 0.
FPU_FCW_PARENT	equ 0x0f7f	; fninit's, but rounding toward zero
FPU_FCW_CHILD	equ 0x077f	; rounding up
FPU_MXCSR_PARENT equ 0x7f80	; all masked, rounding toward zero
FPU_MXCSR_CHILD	equ 0x3f80	; all masked, rounding up

fpu_fork:
	mov	ebx, MAP_SHARED | MAP_ANON
	call	map8k
	mov	rbp, rax		; byte [rbp]: 1 child loaded, 2 parent done
	lea	rbx, [rel fpu_parent_values]
	mov	r13d, FPU_FCW_PARENT
	mov	r14d, FPU_MXCSR_PARENT
	call	fpu_load
	mov	eax, SYS_fork
	syscall
	jc	fail
	test	eax, eax
	jnz	.parent
	call	fpu_check		; inherited: the parent's values
	jne	.child_bad
	lea	rbx, [rel fpu_child_values]
	mov	r13d, FPU_FCW_CHILD
	mov	r14d, FPU_MXCSR_CHILD
	call	fpu_load
	mov	byte [rbp], 1
.child_wait:
	cmp	byte [rbp], 2
	jne	.child_wait
	call	fpu_check
	jne	.child_bad
	EXIT	0
.child_bad:
	EXIT	98
.parent:
	mov	r12, rax		; the child's pid
.parent_wait:
	cmp	byte [rbp], 1
	jne	.parent_wait
	call	fpu_check
	setne	r15b
	mov	byte [rbp], 2
	mov	rdi, r12
	lea	rsi, [rbp + 8]		; the child's status
	xor	edx, edx
	xor	r10d, r10d
	mov	eax, SYS_wait4
	syscall
	jc	fail
	test	r15b, r15b
	jnz	fail
	cmp	dword [rbp + 8], 0	; the child's status
	jne	.child_bad
	EXIT	0

; fpu_load: xmm0-15 from the 256 bytes at rbx, st0-st7 the dwords
; [rbx] .. [rbx + 28] (st0 the last), x87 control word r13w, MXCSR r14d.
fpu_load:
	sub	rsp, 8
	mov	[rsp], r13w
	fldcw	[rsp]
	mov	[rsp], r14d
	ldmxcsr	[rsp]
	add	rsp, 8
%assign i 0
%rep 16
	movdqa	xmm %+ i, [rbx + 16 * i]
%assign i i + 1
%endrep
%assign i 0
%rep 8
	fild	dword [rbx + 4 * i]
%assign i i + 1
%endrep
	ret

; fpu_check: ZF set if the registers hold what fpu_load(rbx, r13w,
; r14d) put there.  Consumes them (the x87 stack is popped).
fpu_check:
	sub	rsp, 8
	fnstcw	[rsp]
	cmp	[rsp], r13w
	jne	.done
	stmxcsr	[rsp]
	cmp	[rsp], r14d
	jne	.done
%assign i 0
%rep 16
	pcmpeqb	xmm %+ i, [rbx + 16 * i]
	pmovmskb eax, xmm %+ i
	cmp	eax, 0xffff
	jne	.done
%assign i i + 1
%endrep
%assign i 7
%rep 8
	fistp	dword [rsp]
	mov	eax, [rbx + 4 * i]
	cmp	[rsp], eax
	jne	.done
%assign i i - 1
%endrep
.done:
	lea	rsp, [rsp + 8]		; keeps the flags
	ret

; fpu_clean: a new process starts with fninit's x87 state (control
; word 0x37f, status 0, every register empty), MXCSR 0x1f80 and zero
; xmm registers, whatever ran before it.  Exit 0.
fpu_clean:
	sub	rsp, 32
	fnstenv	[rsp]
	cmp	word [rsp], 0x037f	; control word
	jne	fail
	cmp	word [rsp + 4], 0	; status word
	jne	fail
	cmp	word [rsp + 8], 0xffff	; tag word: all empty
	jne	fail
	stmxcsr	[rsp]
	cmp	dword [rsp], 0x1f80
	jne	fail
%assign i 0
%rep 16
	pcmpeqb	xmm %+ i, [rel fpu_zeros]
	pmovmskb eax, xmm %+ i
	cmp	eax, 0xffff
	jne	fail
%assign i i + 1
%endrep
	EXIT	0

align 16
fpu_zeros:	times 16 db 0
fpu_parent_values:
%assign i 0
%rep 64
	dd	0x11110000 + i
%assign i i + 1
%endrep
fpu_child_values:
%assign i 0
%rep 64
	dd	0x22220000 + 3 * i
%assign i i + 1
%endrep
