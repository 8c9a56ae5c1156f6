; locore.asm - amd64 entry from GRUB: 32-bit protected mode to long mode.
;
; GRUB jumps to _start in 32-bit protected mode, paging off, with
; eax = multiboot2 magic and ebx = physical address of the boot
; information.  This code runs at its physical address, so it and the
; data it touches live in the low .boot sections.  It:
;   1. reads the TSC (the harness measures boot time from here),
;   2. checks that the CPU can run long mode,
;   3. builds early page tables (2 MiB pages):
;        identity     0 .. 4 GiB   (needed while switching to the high
;                                   half; removed in high_entry)
;        DMAP_BASE  + 0 .. 4 GiB   (early direct map: boot information,
;                                   firmware tables, the framebuffer and
;                                   the pages pmap_bootstrap builds its
;                                   tables in)
;        KERNBASE   + 0 .. 1 GiB   (the kernel image)
;   4. enables PAE, long mode, NX (when present) and paging,
;   5. jumps to 64-bit code in the top 2 GiB, removes the identity map
;      and calls x86_boot().
; pmap_bootstrap() (pmap_bootstrap.c) later replaces all of this: the
; same direct map (of all RAM) and, at KERNBASE, the image alone.  These
; tables and the boot stack are not used after that.

bits 32

KERNBASE	equ 0xFFFFFFFF80000000
DMAP_BASE	equ 0xFFFF800000000000
MB2_MAGIC	equ 0x36d76289

PTE_P		equ 0x001
PTE_W		equ 0x002
PTE_PS		equ 0x080

CR0_PG		equ 0x80000000
CR0_WP		equ 0x00010000
CR4_PAE		equ 0x00000020
MSR_EFER	equ 0xc0000080
EFER_LME	equ 0x00000100
EFER_NXE	equ 0x00000800

section .boot.text progbits alloc exec nowrite align=16
global _start
_start:
	cli
	cld
	mov	edi, eax		; keep magic and info across rdtsc
	mov	esi, ebx
	rdtsc
	mov	[boot_tsc_lo], eax
	mov	[boot_tsc_hi], edx
	mov	[boot_magic], edi
	mov	[boot_info_pa], esi
	mov	esp, boot_stack_top

	mov	esi, msg_magic
	cmp	edi, MB2_MAGIC
	jne	boot_fail

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
	mov	esi, msg_nolm
	cmp	eax, ecx
	je	boot_fail
	mov	eax, 0x80000000
	cpuid
	cmp	eax, 0x80000001
	jb	boot_fail
	mov	eax, 0x80000001
	cpuid
	test	edx, 1 << 29		; long mode
	jz	boot_fail
	mov	[boot_ext_features], edx

	; Clear the page-table area (.boot.bss is not loaded from the file).
	mov	edi, boot_pt_start
	mov	ecx, (boot_pt_end - boot_pt_start) / 4
	xor	eax, eax
	rep stosd

	; Four page directories of 512 2 MiB pages: physical 0 .. 4 GiB.
	mov	edi, boot_pd
	mov	eax, PTE_P | PTE_W | PTE_PS
	xor	edx, edx		; high half of the entry (bits 32+)
	mov	ecx, 4 * 512
.fill_pd:
	mov	[edi], eax
	mov	[edi + 4], edx
	add	eax, 0x200000
	adc	edx, 0
	add	edi, 8
	loop	.fill_pd

	; pdpt_low[0..3] -> the four directories; used for identity and DMAP.
	mov	edi, boot_pdpt_low
	mov	eax, boot_pd + (PTE_P | PTE_W)
	mov	ecx, 4
.fill_pdpt:
	mov	[edi], eax
	add	eax, 4096
	add	edi, 8
	loop	.fill_pdpt

	; pdpt_high[510] -> the first directory: KERNBASE maps physical 0.
	mov	dword [boot_pdpt_high + 510 * 8], boot_pd + (PTE_P | PTE_W)

	mov	dword [boot_pml4 + 0 * 8], boot_pdpt_low + (PTE_P | PTE_W)
	mov	dword [boot_pml4 + 256 * 8], boot_pdpt_low + (PTE_P | PTE_W)
	mov	dword [boot_pml4 + 511 * 8], boot_pdpt_high + (PTE_P | PTE_W)

	mov	eax, cr4
	or	eax, CR4_PAE
	mov	cr4, eax
	mov	eax, boot_pml4
	mov	cr3, eax

	mov	ecx, MSR_EFER
	rdmsr
	or	eax, EFER_LME
	test	dword [boot_ext_features], 1 << 20	; NX
	jz	.no_nx
	or	eax, EFER_NXE
.no_nx:
	wrmsr

	mov	eax, cr0
	or	eax, CR0_PG | CR0_WP
	mov	cr0, eax

	lgdt	[boot_gdt_desc]
	jmp	0x08:long_entry

%include "boot_serial.inc"

bits 64
long_entry:
	mov	ax, 0x10
	mov	ds, ax
	mov	es, ax
	mov	ss, ax
	xor	eax, eax
	mov	fs, ax
	mov	gs, ax
	mov	rax, high_entry
	jmp	rax

section .boot.data progbits alloc noexec write align=16
msg_magic:	db "vise: not loaded by a multiboot2 loader", 13, 10, 0
msg_nolm:	db "vise: this CPU has no long mode; boot the i386 kernel", 13, 10, 0

align 16
boot_gdt:
	dq	0
	dq	0x00209a0000000000	; 0x08: 64-bit code, present, ring 0
	dq	0x0000920000000000	; 0x10: data, present, writable
boot_gdt_end:
boot_gdt_desc:
	dw	boot_gdt_end - boot_gdt - 1
	dd	boot_gdt

align 8
global boot_magic, boot_info_pa
boot_tsc_lo:		dd 0
boot_tsc_hi:		dd 0
boot_magic:		dd 0
boot_info_pa:		dd 0
boot_ext_features:	dd 0

section .boot.bss nobits alloc noexec write align=4096
boot_pt_start:
boot_pml4:	resb 4096
boot_pdpt_low:	resb 4096
boot_pdpt_high:	resb 4096
boot_pd:	resb 4 * 4096
boot_pt_end:
		resb 4096
boot_stack_top:

; From here on: 64-bit code at the kernel's linked (high) address.
section .text
extern x86_boot
global boot_tsc
high_entry:
	mov	rsp, boot_kstack_top
	xor	ebp, ebp		; the backtrace stops here
	mov	eax, [boot_tsc_lo]
	mov	edx, [boot_tsc_hi]
	shl	rdx, 32
	or	rax, rdx
	mov	[boot_tsc], rax
	mov	r12d, [boot_magic]
	mov	r13d, [boot_info_pa]
	; Drop the identity map: from now on page 0 (and all low addresses)
	; fault, so a stray null pointer is caught.  The page tables are
	; reached through the early direct map.
	mov	rcx, DMAP_BASE
	mov	qword [rcx + boot_pml4], 0
	mov	rax, cr3
	mov	cr3, rax
	mov	edi, r12d
	mov	esi, r13d
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
