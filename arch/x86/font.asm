; font.asm - the framebuffer console's font, a PSF file built into the
; kernel.  cons.mk unpacks it to $(BUILD)/font.psf and puts $(BUILD)/ on
; nasm's include path; fbcons.c parses it at attach time (x86/psf.h).

section .rodata

global font_psf_start:data (font_psf_end - font_psf_start)
global font_psf_end:data 0

font_psf_start:
	incbin	"font.psf"
font_psf_end:
