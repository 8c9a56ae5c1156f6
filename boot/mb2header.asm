; mb2header.asm - the multiboot2 header that tells GRUB how to load Vise.
;
; GRUB looks for it in the first 32 KiB of the kernel file, 8-byte
; aligned; the linker script puts section .multiboot first.  The kernel
; is an ELF file, so GRUB takes the load addresses from the program
; headers and the entry point from e_entry (a physical address).

MB2_HEADER_MAGIC	equ 0xe85250d6
MB2_ARCH_I386		equ 0		; 32-bit protected mode entry

section .multiboot progbits alloc noexec nowrite align=8
mb2_header:
	dd	MB2_HEADER_MAGIC
	dd	MB2_ARCH_I386
	dd	mb2_header_end - mb2_header
	dd	-(MB2_HEADER_MAGIC + MB2_ARCH_I386 + (mb2_header_end - mb2_header))

	; Framebuffer tag, optional: a graphics mode is welcome (UEFI has no
	; text mode), VGA text mode too (grub.cfg asks for it under BIOS).
	; 1024x768 keeps clearing and scrolling cheap under emulation.
	align	8
	dw	5, 1		; type 5 (framebuffer), flags: optional
	dd	20
	dd	1024, 768, 32	; preferred width, height, depth

	; Modules page aligned (the initrd is mapped page by page later).
	align	8
	dw	6, 0
	dd	8

	align	8
	dw	0, 0		; end tag
	dd	8
mb2_header_end:
