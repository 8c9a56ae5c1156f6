; support.asm - i386 copy_user (see kernel/subr_copy.c).
;
; int copy_user(void *dst, const void *src, size_t len): rep movsb with
; curthread->td_onfault (offset 0 of struct thread) pointing at
; copy_fault, so that a page fault trap() cannot resolve resumes there
; and the copy returns EFAULT.  The copy is the kernel's one window
; onto user pages under SMAP (arch/x86/x86_smap.c): opened just before
; the rep movsb and closed after it, on the fault path too (trap()
; resumes at copy_fault with the frame's AC, which is still set).

bits 32
section .text

%include "smap.inc"

extern curthread
EFAULT	equ 14

global copy_user
copy_user:
	push	esi
	push	edi
	mov	eax, [curthread]
	mov	dword [eax], copy_fault
	mov	edi, [esp + 12]		; dst
	mov	esi, [esp + 16]		; src
	mov	ecx, [esp + 20]		; len
	SMAP_STAC
	rep movsb
	SMAP_CLAC
	mov	eax, [curthread]
	mov	dword [eax], 0
	xor	eax, eax
	pop	edi
	pop	esi
	ret
copy_fault:
	SMAP_CLAC
	mov	eax, [curthread]
	mov	dword [eax], 0
	mov	eax, EFAULT
	pop	edi
	pop	esi
	ret
