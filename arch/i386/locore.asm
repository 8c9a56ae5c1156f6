; locore.asm - i386 entry from GRUB: turn on paging, go to the high half.
;
; GRUB jumps to _start in 32-bit protected mode, paging off, with
; eax = multiboot2 magic and ebx = physical address of the boot
; information.  This code runs at its physical address, so it and the
; data it touches live in the low .boot sections.  It:
;   1. reads the TSC (the harness measures boot time from here),
;   2. checks for CPUID and 4 MiB pages (PSE),
;   3. builds an early page directory of 4 MiB pages:
;        identity     0 .. 4 MiB     (only while switching; removed below)
;        KERNBASE   + 0 .. 512 MiB   (the kernel's early direct window, as
;                                     large as the final one can be:
;                                     machine/param.h, KERNDIRECT_EARLY_SIZE)
;   4. enables paging and jumps to the kernel's linked (high) address,
;   5. drops the identity map and calls x86_boot().

bits 32

KERNBASE	equ 0xC0000000
MB2_MAGIC	equ 0x36d76289
DIRECT_PDES	equ 128			; 512 MiB / 4 MiB

PTE_P		equ 0x001
PTE_W		equ 0x002
PTE_PS		equ 0x080

CR0_PG		equ 0x80000000
CR0_WP		equ 0x00010000
CR4_PSE		equ 0x00000010

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
	test	edx, 1 << 3		; PSE: 4 MiB pages
	jz	.no_cpu

	rdtsc
	mov	[boot_tsc_lo], eax
	mov	[boot_tsc_hi], edx
	mov	[boot_magic], edi
	mov	[boot_info_pa], esi
	mov	esi, msg_magic
	cmp	edi, MB2_MAGIC
	jne	boot_fail

	; Clear the page directory (.boot.bss is not loaded from the file).
	mov	edi, boot_pd
	mov	ecx, 1024
	xor	eax, eax
	rep stosd

	mov	dword [boot_pd], PTE_P | PTE_W | PTE_PS
	mov	edi, boot_pd + (KERNBASE >> 22) * 4
	mov	eax, PTE_P | PTE_W | PTE_PS
	mov	ecx, DIRECT_PDES
.fill_pd:
	mov	[edi], eax
	add	eax, 0x400000
	add	edi, 4
	loop	.fill_pd

	mov	eax, cr4
	or	eax, CR4_PSE
	mov	cr4, eax
	mov	eax, boot_pd
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
msg_cpu:	db "vise: this CPU lacks CPUID, TSC or 4 MiB pages", 13, 10, 0

align 8
global boot_magic, boot_info_pa, boot_pd
boot_tsc_lo:		dd 0
boot_tsc_hi:		dd 0
boot_magic:		dd 0
boot_info_pa:		dd 0

section .boot.bss nobits alloc noexec write align=4096
boot_pd:	resb 4096
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
	; Drop the identity map: from now on page 0 faults.
	mov	dword [boot_pd + KERNBASE], 0
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
