; vector.asm - amd64 interrupt and exception entry.
;
; The CPU has pushed ss, rsp, rflags, cs, rip (and maybe an error
; code); the stub from vectors.inc pushed the error code slot and the
; vector number.  alltraps saves the general registers so that the stack
; holds a struct trapframe (machine/frame.h), calls trap(frame), restores
; and returns with iretq.  The stack is 16-byte aligned at the call:
; 5 + 2 + 15 quadwords = 176 bytes after the CPU's own alignment.
;
; From user mode the CPU has switched to the thread's kernel stack
; (TSS rsp0).  The kernel does not use the GS base, so there is no
; swapgs: with one CPU, syscall_entry finds the kernel stack in a plain
; variable.  SMP would need per-CPU data behind GS, and swapgs here.
;
; alltraps closes the SMAP window (EFLAGS.AC, arch/x86/x86_smap.c):
; user code may set AC, and a fault inside copy_user comes with it set;
; iretq restores what the interrupted code had.  syscall clears AC by
; SFMASK.

bits 64
%define PTRSIZE_DIRECTIVE dq

section .text
%include "smap.inc"
extern trap
extern syscall
extern fork_exit
extern syscall_kstack_top

T_SYSCALL	equ 0x80
GSEL_UDATA_UPL	equ 0x20 | 3
GSEL_UCODE_UPL	equ 0x28 | 3

; The general registers of a struct trapframe, in its order
; (machine/frame.h: rax at the lowest address).
%macro PUSH_GPRS 0
	push	r15
	push	r14
	push	r13
	push	r12
	push	r11
	push	r10
	push	r9
	push	r8
	push	rbp
	push	rdi
	push	rsi
	push	rdx
	push	rcx
	push	rbx
	push	rax
%endmacro
%macro POP_GPRS 0
	pop	rax
	pop	rbx
	pop	rcx
	pop	rdx
	pop	rsi
	pop	rdi
	pop	rbp
	pop	r8
	pop	r9
	pop	r10
	pop	r11
	pop	r12
	pop	r13
	pop	r14
	pop	r15
%endmacro

alltraps:
	PUSH_GPRS
	cld
	SMAP_CLAC
	mov	rdi, rsp
	call	trap
global doreti
doreti:					; rsp: a struct trapframe
	cli
	POP_GPRS
	add	rsp, 16			; vector number and error code
	iretq

; syscall: rcx = user rip, r11 = user rflags, rsp still the user's, and
; interrupts masked (SFMASK).  Build the same struct trapframe as an
; interrupt from user mode, call syscall(frame), and return with sysret
; (rcx and r11 from the frame).  syscall() makes sure the frame's rip
; is a user address, so sysret cannot fault in ring 0 on a
; non-canonical one.
global syscall_entry
syscall_entry:
	mov	[rel syscall_user_rsp], rsp
	mov	rsp, [rel syscall_kstack_top]
	push	GSEL_UDATA_UPL		; ss
	push	qword [rel syscall_user_rsp]
	push	r11			; rflags
	push	GSEL_UCODE_UPL		; cs
	push	rcx			; rip
	push	0			; error code
	push	T_SYSCALL		; vector number
	PUSH_GPRS
	cld
	mov	rdi, rsp
	call	syscall
	test	eax, eax		; every register as in the frame?
	jnz	doreti			; then iretq (sysret loses rcx, r11)
	cli
	POP_GPRS
	add	rsp, 16			; vector number and error code
	mov	rcx, [rsp]		; rip
	mov	r11, [rsp + 16]		; rflags
	mov	rsp, [rsp + 24]		; the user's rsp
	o64 sysret

; A new thread's first return to user mode: cpu_switch returns here
; with rsp at the thread's struct trapframe (arch/amd64/vm_machdep.c).
global fork_trampoline
fork_trampoline:
	call	fork_exit
	jmp	doreti

section .bss
syscall_user_rsp:	resq 1

section .text

%include "vectors.inc"
