/*
 * multiboot2.c - decoding the boot information a multiboot2 loader
 * (GRUB) hands over, into struct bootinfo.  Pure and defensive: every
 * size is checked against the block's end before it is used, so a
 * malformed block gives an error instead of a wild read.  Also built and
 * tested on the host (tests/host/test_mb2.c).
 */
#include <kernel/systm.h>
#include <kernel/bootinfo.h>
#include <boot/multiboot2.h>

#define MB2_TAG_ALIGN	8

/* Copy a tag's string, which need not be NUL-terminated within the tag. */
static void
copy_tag_string(char *dst, size_t dstsize, const char *src, size_t srclen)
{
	size_t n = strnlen(src, srclen);

	if (n >= dstsize)
		n = dstsize - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

static int
parse_mmap(const struct mb2_tag_mmap *tag, struct bootinfo *bi)
{
	const uint8_t *p, *end;
	const struct mb2_mmap_entry *e;

	/* The spec makes entry_size a multiple of 8: entries stay aligned. */
	if (tag->tag.size < sizeof(*tag) ||
	    tag->entry_size < sizeof(struct mb2_mmap_entry) ||
	    tag->entry_size % 8 != 0)
		return (-1);
	p = (const uint8_t *)(tag + 1);
	end = (const uint8_t *)tag + tag->tag.size;
	for (; (size_t)(end - p) >= tag->entry_size; p += tag->entry_size) {
		e = (const struct mb2_mmap_entry *)p;
		if (bi->nmemranges == BI_MAX_MEMRANGES) {
			bi->ntruncated++;
			continue;
		}
		bi->memranges[bi->nmemranges].base = e->addr;
		bi->memranges[bi->nmemranges].length = e->len;
		bi->memranges[bi->nmemranges].type = e->type;
		bi->nmemranges++;
	}
	return (0);
}

static int
parse_module(const struct mb2_tag_module *tag, struct bootinfo *bi)
{
	struct bi_module *m;

	if (tag->tag.size < sizeof(*tag) || tag->mod_end < tag->mod_start)
		return (-1);
	if (bi->nmodules == BI_MAX_MODULES) {
		bi->ntruncated++;
		return (0);
	}
	m = &bi->modules[bi->nmodules++];
	m->start = tag->mod_start;
	m->end = tag->mod_end;
	copy_tag_string(m->cmdline, sizeof(m->cmdline), tag->cmdline,
	    tag->tag.size - sizeof(*tag));
	return (0);
}

static int
parse_framebuffer(const struct mb2_tag_framebuffer *tag, struct bootinfo *bi)
{
	struct bi_framebuffer *fb = &bi->fb;

	/* The color fields exist only for RGB framebuffers. */
	if (tag->tag.size < offsetof(struct mb2_tag_framebuffer, red_pos))
		return (-1);
	memset(fb, 0, sizeof(*fb));
	fb->addr = tag->addr;
	fb->pitch = tag->pitch;
	fb->width = tag->width;
	fb->height = tag->height;
	fb->bpp = tag->bpp;
	switch (tag->fb_type) {
	case MB2_FB_TYPE_RGB:
		/* Not sizeof(*tag): that includes the struct's tail padding. */
		if (tag->tag.size < offsetof(struct mb2_tag_framebuffer,
		    blue_size) + 1)
			return (-1);
		fb->type = BI_FB_RGB;
		fb->red_pos = tag->red_pos;
		fb->red_size = tag->red_size;
		fb->green_pos = tag->green_pos;
		fb->green_size = tag->green_size;
		fb->blue_pos = tag->blue_pos;
		fb->blue_size = tag->blue_size;
		break;
	case MB2_FB_TYPE_EGA_TEXT:
		fb->type = BI_FB_EGA_TEXT;
		break;
	default:
		/* Indexed color: not supported; no screen console. */
		fb->type = BI_FB_NONE;
		break;
	}
	return (0);
}

static int
parse_acpi(const struct mb2_tag_acpi *tag, struct bootinfo *bi)
{
	size_t len = tag->tag.size - sizeof(tag->tag);

	/* The newer (ACPI 2.0+) RSDP wins if both tags are present. */
	if (bi->rsdp_len > 0 && tag->tag.type == MB2_TAG_ACPI_OLD)
		return (0);
	if (len > BI_RSDP_MAX)
		len = BI_RSDP_MAX;
	memcpy(bi->rsdp, tag->rsdp, len);
	bi->rsdp_len = (int)len;
	return (0);
}

static int
parse_tag(const struct mb2_tag *tag, struct bootinfo *bi)
{
	const struct mb2_tag_string *str = (const void *)tag;

	switch (tag->type) {
	case MB2_TAG_CMDLINE:
		copy_tag_string(bi->cmdline, sizeof(bi->cmdline), str->string,
		    tag->size - sizeof(*tag));
		return (0);
	case MB2_TAG_LOADER_NAME:
		copy_tag_string(bi->loader_name, sizeof(bi->loader_name),
		    str->string, tag->size - sizeof(*tag));
		return (0);
	case MB2_TAG_MODULE:
		return (parse_module((const void *)tag, bi));
	case MB2_TAG_MMAP:
		return (parse_mmap((const void *)tag, bi));
	case MB2_TAG_FRAMEBUFFER:
		return (parse_framebuffer((const void *)tag, bi));
	case MB2_TAG_ACPI_OLD:
	case MB2_TAG_ACPI_NEW:
		return (parse_acpi((const void *)tag, bi));
	default:
		/* Tags we do not use are skipped. */
		return (0);
	}
}

static int
parse_fail(struct bootinfo *bi, const char *why, const void *mbi,
    const void *where, uint32_t tag_type)
{
	bi->parse_error = why;
	bi->parse_error_offset = (uint32_t)((const uint8_t *)where -
	    (const uint8_t *)mbi);
	bi->parse_error_tag = tag_type;
	return (-1);
}

int
mb2_parse(const void *mbi, size_t avail, struct bootinfo *bi)
{
	const struct mb2_info_header *hdr = mbi;
	const uint8_t *p, *end;
	const struct mb2_tag *tag;
	size_t step;

	memset(bi, 0, sizeof(*bi));
	if (avail < sizeof(*hdr) || hdr->total_size < sizeof(*hdr) ||
	    hdr->total_size > avail)
		return (parse_fail(bi, "bad total size", mbi, mbi, 0));
	p = (const uint8_t *)mbi + sizeof(*hdr);
	end = (const uint8_t *)mbi + hdr->total_size;
	while ((size_t)(end - p) >= sizeof(*tag)) {
		tag = (const struct mb2_tag *)p;
		if (tag->size < sizeof(*tag) || tag->size > (size_t)(end - p))
			return (parse_fail(bi, "tag size out of bounds", mbi, p,
			    tag->type));
		if (tag->type == MB2_TAG_END)
			return (0);
		if (parse_tag(tag, bi) != 0)
			return (parse_fail(bi, "malformed tag", mbi, p,
			    tag->type));
		step = roundup(tag->size, MB2_TAG_ALIGN);
		if (step > (size_t)(end - p))
			break;
		p += step;
	}
	return (parse_fail(bi, "no end tag", mbi, p, 0));
}
