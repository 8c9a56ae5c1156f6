; support.asm - amd64 copy_user (see kernel/subr_copy.c).
;
; int copy_user(void *dst, const void *src, size_t len): rep movsb with
; curthread->td_onfault (offset 0 of struct thread) pointing at
; copy_fault, so that a page fault trap() cannot resolve resumes there
; and the copy returns EFAULT.  The copy is the kernel's one window
; onto user pages under SMAP (arch/x86/x86_smap.c): opened just before
; the rep movsb and closed after it, on the fault path too (trap()
; resumes at copy_fault with the frame's AC, which is still set).

bits 64
section .text

%include "smap.inc"

extern curthread
EFAULT	equ 14

global copy_user
copy_user:
	mov	rax, [rel curthread]
	lea	r8, [rel copy_fault]
	mov	[rax], r8
	mov	rcx, rdx
	SMAP_STAC
	rep movsb
	SMAP_CLAC
	mov	rax, [rel curthread]
	mov	qword [rax], 0
	xor	eax, eax
	ret
copy_fault:
	SMAP_CLAC
	mov	rax, [rel curthread]
	mov	qword [rax], 0
	mov	eax, EFAULT
	ret
