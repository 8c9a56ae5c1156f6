; swtch.asm - i386 thread switch (see kernel/kthread.h).
;
; cpu_switch(uintptr_t *old_sp, uintptr_t new_sp): push the registers
; the i386 ABI makes a callee keep (ebp, ebx, esi, edi), store esp in
; *old_sp, load new_sp, pop the new thread's registers and return into
; it: into mi_switch() for a thread that switched out, into
; thread_start() for a new one (arch/i386/vm_machdep.c builds that
; frame).  Interrupts are disabled throughout (the caller's business).
; The kernel uses no FPU registers, so there is nothing else.

bits 32
section .text

global cpu_switch
cpu_switch:
	mov	eax, [esp + 4]		; old_sp
	mov	edx, [esp + 8]		; new_sp
	push	ebp
	push	ebx
	push	esi
	push	edi
	mov	[eax], esp
	mov	esp, edx
	pop	edi
	pop	esi
	pop	ebx
	pop	ebp
	ret
