# arch/x86/cons.mk: the screen consoles (VGA text, framebuffer) and the
# framebuffer's font.  The font comes from Debian's console-setup-linux
# package at build time: unpacked to $(BUILD)/font.psf, then embedded by
# font.asm's incbin, which finds it through nasm's include path.
KSRCS += arch/x86/vga_text.c arch/x86/fbcons.c arch/x86/psf.c
KASRCS += arch/x86/font.asm

FONT_PSF_GZ ?= /usr/share/consolefonts/Lat15-Fixed16.psf.gz

$(BUILD)/font.psf: $(FONT_PSF_GZ)
	@mkdir -p $(dir $@)
	gzip -dc $< > $@.tmp && mv $@.tmp $@

$(BUILD)/arch/x86/font.o: $(BUILD)/font.psf
$(BUILD)/arch/x86/font.o: NASMFLAGS += -I$(BUILD)/
