# boot/: the multiboot2 header (shared by both ARCHes) and the GRUB
# configuration template used by scripts/mkiso.
KASRCS += boot/mb2header.asm
