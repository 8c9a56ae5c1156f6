; uprog_blob.asm - the flat image of tests/kernel/user/uprog_<ARCH>.asm
; as data in the kernel: uprog_start .. uprog_end.  UPROG_BIN (the .bin
; file's path) comes from tests/kernel/tests.mk.

section .rodata
align 16
global uprog_start, uprog_end
uprog_start:
	incbin	UPROG_BIN
uprog_end:
