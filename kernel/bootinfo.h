/*
 * bootinfo.h - what the kernel learned from the boot loader, in a form
 * that does not depend on where the loader left its tables.
 * Filled once by mb2_parse() during boot; constant afterwards (c).
 */
#ifndef _KERNEL_BOOTINFO_H_
#define _KERNEL_BOOTINFO_H_

#include <stddef.h>
#include <stdint.h>

#define BI_MAX_MEMRANGES	64
#define BI_MAX_MODULES		16
#define BI_CMDLINE_MAX		512
#define BI_NAME_MAX		64
#define BI_RSDP_MAX		64

/* Memory range types (same values as multiboot2's). */
#define BI_MEM_AVAILABLE	1
#define BI_MEM_RESERVED		2
#define BI_MEM_ACPI		3
#define BI_MEM_NVS		4
#define BI_MEM_BAD		5

struct bi_memrange {
	uint64_t	base;
	uint64_t	length;
	uint32_t	type;
};

struct bi_module {
	uint64_t	start;		/* physical, first byte */
	uint64_t	end;		/* physical, one past the last byte */
	char		cmdline[BI_NAME_MAX];
};

#define BI_FB_NONE	0
#define BI_FB_RGB	1		/* linear framebuffer, direct color */
#define BI_FB_EGA_TEXT	2		/* VGA text mode */

struct bi_framebuffer {
	int		type;		/* BI_FB_* */
	uint64_t	addr;		/* physical */
	uint32_t	pitch;		/* bytes per scan line */
	uint32_t	width;		/* pixels, or columns in text mode */
	uint32_t	height;		/* pixels, or rows in text mode */
	uint8_t		bpp;
	uint8_t		red_pos, red_size;
	uint8_t		green_pos, green_size;
	uint8_t		blue_pos, blue_size;
};

struct bootinfo {
	char			cmdline[BI_CMDLINE_MAX];
	char			loader_name[BI_NAME_MAX];
	int			nmemranges;
	struct bi_memrange	memranges[BI_MAX_MEMRANGES];
	int			nmodules;
	struct bi_module	modules[BI_MAX_MODULES];
	struct bi_framebuffer	fb;
	int			rsdp_len;	/* 0: the loader gave none */
	uint8_t			rsdp[BI_RSDP_MAX];
	uint64_t		mbi_start;	/* physical extent of the raw info */
	uint64_t		mbi_end;
	unsigned		ntruncated;	/* items dropped for lack of room */
	/* Set when mb2_parse fails: what was wrong, and where. */
	const char		*parse_error;
	uint32_t		parse_error_offset;
	uint32_t		parse_error_tag;
};

/*
 * mb2_parse: decode a multiboot2 information block of at most `avail`
 * bytes at `mbi` into *bi.  Returns 0, or -1 if the block is malformed
 * (bad sizes, tag running past the end, no end tag); *bi is then only
 * partly filled and bi->parse_error says what was wrong where.  Pure: no allocation, no locks, callable on the host.
 */
int	mb2_parse(const void *mbi, size_t avail, struct bootinfo *bi);

/* The kernel's copy, filled at boot. */
extern struct bootinfo bootinfo;

#endif /* !_KERNEL_BOOTINFO_H_ */
