; swtch.asm - amd64 thread switch (see kernel/kthread.h).
;
; cpu_switch(uintptr_t *old_sp, uintptr_t new_sp): push the registers
; the SysV ABI makes a callee keep (rbx, rbp, r12-r15), store rsp in
; *old_sp, load new_sp, pop the new thread's registers and return into
; it: into mi_switch() for a thread that switched out, into
; thread_start() for a new one (arch/amd64/vm_machdep.c builds that
; frame).  Interrupts are disabled throughout (the caller's business).
; The kernel uses no FPU or SSE registers, so there is nothing else.

bits 64
section .text

global cpu_switch
cpu_switch:
	push	rbp
	push	rbx
	push	r12
	push	r13
	push	r14
	push	r15
	mov	[rdi], rsp
	mov	rsp, rsi
	pop	r15
	pop	r14
	pop	r13
	pop	r12
	pop	rbx
	pop	rbp
	ret
