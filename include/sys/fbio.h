/*
 * fbio.h - the framebuffer ioctl(2) requests of /dev/fb0 (FreeBSD's
 * names and values), shared by the kernel (kernel/dev_fb.c) and user
 * programs.  /dev/fb0 is the screen the boot loader set up: a linear
 * framebuffer (UEFI, or BIOS with a graphics gfxpayload) or the VGA
 * text buffer (BIOS, text mode); mmap(MAP_SHARED) maps it.
 */
#ifndef _SYS_FBIO_H_
#define _SYS_FBIO_H_

#include <sys/ioccom.h>

/* fb_type: Vise's own values (FreeBSD's are Sun-era hardware) */
#define FBTYPE_VISE_LINEAR	100	/* direct-color pixels */
#define FBTYPE_VISE_EGA_TEXT	101	/* VGA text: a character and an
					   attribute byte per cell */

struct fbtype {
	int	fb_type;	/* FBTYPE_* */
	int	fb_height;	/* pixels, or rows of text */
	int	fb_width;	/* pixels, or columns of text */
	int	fb_depth;	/* bits per pixel, or per cell (16) */
	int	fb_cmsize;	/* color map entries (0: none) */
	int	fb_size;	/* bytes: fb_height * line width */
};

#define FBIOGTYPE		_IOR('F', 0, struct fbtype)
#define FBIO_GETLINEWIDTH	_IOR('F', 116, unsigned int) /* pitch, bytes */

#endif /* !_SYS_FBIO_H_ */
