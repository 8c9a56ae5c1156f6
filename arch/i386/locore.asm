; locore.asm - i386 entry from GRUB: turn on PAE paging, go to the high
; half.
;
; GRUB jumps to _start in 32-bit protected mode, paging off, with
; eax = multiboot2 magic and ebx = physical address of the boot
; information.  This code runs at its physical address, so it and the
; data it touches live in the low .boot sections.  It:
;   1. reads the TSC (the harness measures boot time from here),
;   2. checks for CPUID, the TSC and PAE, and asks whether the CPU has
;      NX (CPUID 0x80000001 EDX bit 20),
;   3. builds early PAE tables (a PDPT and two page directories) of
;      2 MiB pages:
;        identity     0 .. 4 MiB     (only while switching; removed below)
;        KERNBASE   + 0 .. 512 MiB   (the kernel's early direct window, as
;                                     large as the final one can be:
;                                     machine/param.h, KERNDIRECT_EARLY_SIZE)
;   4. turns on CR4.PAE, EFER.NXE if the CPU has NX, and paging, and
;      jumps to the kernel's linked (high) address,
;   5. drops the identity map and calls x86_boot().
; The kernel never runs on non-PAE tables: paging starts with PAE on.
; boot_kpd, the directory of the kernel's GiB (PDPT slot 3), is where
; pmap_mapdev_early() adds the early device window's pages.

bits 32

KERNBASE	equ 0xC0000000
MB2_MAGIC	equ 0x36d76289
DIRECT_PDES	equ 256			; 512 MiB / 2 MiB
KPDPTI		equ 3			; KERNBASE >> 30

PTE_P		equ 0x001
PTE_W		equ 0x002
PTE_PS		equ 0x080

CR0_PG		equ 0x80000000
CR0_WP		equ 0x00010000
CR4_PAE		equ 0x00000020
MSR_EFER	equ 0xc0000080
EFER_NXE	equ 0x00000800

section .boot.text progbits alloc exec nowrite align=16
global _start
_start:
	cli
	cld
	mov	edi, eax		; keep magic and info across cpuid/rdtsc
	mov	esi, ebx
	mov	esp, boot_stack_top

	; cpuid exists if EFLAGS.ID can be toggled.
	pushfd
	pop	eax
	mov	ecx, eax
	xor	eax, 1 << 21
	push	eax
	popfd
	pushfd
	pop	eax
	push	ecx
	popfd
	cmp	eax, ecx
	je	.no_cpu
	mov	eax, 1
	cpuid
	test	edx, 1 << 4		; TSC
	jz	.no_cpu
	test	edx, 1 << 6		; PAE
	jz	.no_cpu

	; NX: leaf 0x80000001 must exist, then EDX bit 20.
	mov	eax, 0x80000000
	cpuid
	cmp	eax, 0x80000001
	jb	.nx_known
	mov	eax, 0x80000001
	cpuid
	test	edx, 1 << 20
	jz	.nx_known
	mov	byte [boot_has_nx], 1
.nx_known:

	rdtsc
	mov	[boot_tsc_lo], eax
	mov	[boot_tsc_hi], edx
	mov	[boot_magic], edi
	mov	[boot_info_pa], esi
	mov	esi, msg_magic
	cmp	edi, MB2_MAGIC
	jne	boot_fail

	; Clear the tables (.boot.bss is not loaded from the file).
	mov	edi, boot_pt_start
	mov	ecx, (boot_pt_end - boot_pt_start) / 4
	xor	eax, eax
	rep stosd

	; Identity: two 2 MiB pages, 0 .. 4 MiB, where this code runs.
	mov	dword [boot_pd_low], PTE_P | PTE_W | PTE_PS
	mov	dword [boot_pd_low + 8], 0x200000 | PTE_P | PTE_W | PTE_PS
	; KERNBASE + 0 .. 512 MiB.  The high halves of the entries stay 0.
	mov	edi, boot_kpd
	mov	eax, PTE_P | PTE_W | PTE_PS
	mov	ecx, DIRECT_PDES
.fill_pd:
	mov	[edi], eax
	add	eax, 0x200000
	add	edi, 8
	loop	.fill_pd
	; PDPT entries have only P (RW, U and A are reserved there).
	mov	dword [boot_pdpt], boot_pd_low + PTE_P
	mov	dword [boot_pdpt + KPDPTI * 8], boot_kpd + PTE_P

	mov	eax, cr4
	or	eax, CR4_PAE
	mov	cr4, eax
	cmp	byte [boot_has_nx], 0
	je	.no_nx
	mov	ecx, MSR_EFER
	rdmsr
	or	eax, EFER_NXE
	wrmsr
.no_nx:
	mov	eax, boot_pdpt
	mov	cr3, eax
	mov	eax, cr0
	or	eax, CR0_PG | CR0_WP
	mov	cr0, eax

	mov	eax, high_entry
	jmp	eax

.no_cpu:
	mov	esi, msg_cpu
	jmp	boot_fail

%include "boot_serial.inc"

section .boot.data progbits alloc noexec write align=16
msg_magic:	db "vise: not loaded by a multiboot2 loader", 13, 10, 0
msg_cpu:	db "vise: this CPU lacks CPUID, TSC or PAE", 13, 10, 0

align 8
global boot_magic, boot_info_pa, boot_pdpt, boot_kpd
boot_has_nx:		dd 0		; byte: the CPU has NX, EFER.NXE is on
boot_tsc_lo:		dd 0
boot_tsc_hi:		dd 0
boot_magic:		dd 0
boot_info_pa:		dd 0

section .boot.bss nobits alloc noexec write align=4096
boot_pt_start:
boot_pdpt:	resb 4096		; 32 bytes used (CR3: 32-byte aligned)
boot_pd_low:	resb 4096		; PDPT slot 0: the identity pages
boot_kpd:	resb 4096		; PDPT slot 3: KERNBASE ..
boot_pt_end:
		resb 4096
boot_stack_top:

; From here on: code at the kernel's linked (high) address.
section .text
extern x86_boot
global boot_tsc
high_entry:
	mov	esp, boot_kstack_top
	xor	ebp, ebp		; the backtrace stops here
	mov	eax, [boot_tsc_lo]
	mov	edx, [boot_tsc_hi]
	mov	[boot_tsc], eax
	mov	[boot_tsc + 4], edx
	mov	esi, [boot_magic]
	mov	edi, [boot_info_pa]
	; Drop the identity map: from now on page 0 faults.  The CPU reads
	; PDPT entries only when CR3 is loaded, hence the reload.
	mov	dword [boot_pdpt + KERNBASE], 0
	mov	eax, cr3
	mov	cr3, eax
	push	edi			; x86_boot(magic, info_pa)
	push	esi
	call	x86_boot
.hang:
	cli
	hlt
	jmp	.hang

section .data
align 8
boot_tsc:	dq 0

section .bss
align 16
global boot_kstack, boot_kstack_top
boot_kstack:	resb 16384
boot_kstack_top:
