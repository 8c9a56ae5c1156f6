/*
 * test_mb2.c - the multiboot2 information parser (kernel/multiboot2.c)
 * on hand-built blocks: every tag Vise reads, the limits, and malformed
 * blocks.  The last test mutates a valid block at random; under ASan
 * any read outside the block fails the run.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include <boot/multiboot2.h>
#include <kernel/bootinfo.h>

/* A block under construction. */
struct mbi {
	uint8_t		buf[8192];
	size_t		len;
};

static void
mbi_start(struct mbi *m)
{
	memset(m, 0, sizeof(*m));
	m->len = sizeof(struct mb2_info_header);
}

/* Append a tag with `size` bytes of body; returns the body. */
static void *
mbi_tag(struct mbi *m, uint32_t type, size_t bodysize)
{
	struct mb2_tag *t = (struct mb2_tag *)(m->buf + m->len);

	t->type = type;
	t->size = (uint32_t)(sizeof(*t) + bodysize);
	m->len += (sizeof(*t) + bodysize + 7) & ~(size_t)7;
	return (t + 1);
}

static void
mbi_string(struct mbi *m, uint32_t type, const char *s)
{
	memcpy(mbi_tag(m, type, strlen(s) + 1), s, strlen(s) + 1);
}

static void
mbi_end(struct mbi *m)
{
	struct mb2_info_header *h = (struct mb2_info_header *)m->buf;

	mbi_tag(m, MB2_TAG_END, 0);
	h->total_size = (uint32_t)m->len;
}

static void
mbi_mmap(struct mbi *m, int n)
{
	uint32_t *hdr = mbi_tag(m, MB2_TAG_MMAP,
	    8 + n * sizeof(struct mb2_mmap_entry));
	struct mb2_mmap_entry *e = (struct mb2_mmap_entry *)(hdr + 2);
	int i;

	hdr[0] = sizeof(struct mb2_mmap_entry);
	hdr[1] = 0;
	for (i = 0; i < n; i++) {
		e[i].addr = (uint64_t)i << 20;
		e[i].len = 1 << 20;
		e[i].type = i % 2 ? MB2_MEMORY_RESERVED : MB2_MEMORY_AVAILABLE;
	}
}

/* A copy of the block in a buffer of exactly its size, for ASan. */
static int
parse_exact(const struct mbi *m, size_t len, struct bootinfo *bi)
{
	uint8_t *copy = malloc(len);
	int error;

	memcpy(copy, m->buf, len);
	error = mb2_parse(copy, len, bi);
	free(copy);
	return (error);
}

static void
build_full(struct mbi *m)
{
	struct mb2_tag_framebuffer *fb;
	uint32_t *mod;

	mbi_start(m);
	mbi_string(m, MB2_TAG_CMDLINE, "test=kernel crash=badptr");
	mbi_string(m, MB2_TAG_LOADER_NAME, "GRUB 2.06");
	mbi_mmap(m, 4);
	mod = mbi_tag(m, MB2_TAG_MODULE, 8 + 7);
	mod[0] = 0x400000;
	mod[1] = 0x500000;
	memcpy(mod + 2, "initrd", 7);
	/* An RGB framebuffer tag is 38 bytes, not sizeof(struct): padding. */
	fb = (struct mb2_tag_framebuffer *)((struct mb2_tag *)mbi_tag(m,
	    MB2_TAG_FRAMEBUFFER, 30) - 1);
	fb->addr = 0xfd000000;
	fb->pitch = 4096;
	fb->width = 1024;
	fb->height = 768;
	fb->bpp = 32;
	fb->fb_type = MB2_FB_TYPE_RGB;
	fb->red_pos = 16;
	fb->red_size = 8;
	fb->green_pos = 8;
	fb->green_size = 8;
	fb->blue_pos = 0;
	fb->blue_size = 8;
	memcpy(mbi_tag(m, MB2_TAG_ACPI_OLD, 20), "RSD PTR old.........", 20);
	mbi_tag(m, 99, 5);	/* unknown tags are skipped */
	mbi_end(m);
}

static void
mb2_parses_every_tag(void)
{
	struct mbi m;
	struct bootinfo bi;

	build_full(&m);
	if (!CHECK(parse_exact(&m, m.len, &bi) == 0, "parse failed: %s",
	    bi.parse_error))
		return;
	CHECK(strcmp(bi.cmdline, "test=kernel crash=badptr") == 0, "cmdline %s",
	    bi.cmdline);
	CHECK(strcmp(bi.loader_name, "GRUB 2.06") == 0, "loader %s",
	    bi.loader_name);
	CHECK(bi.nmemranges == 4, "%d ranges", bi.nmemranges);
	CHECK(bi.memranges[3].base == 3 << 20 &&
	    bi.memranges[3].type == BI_MEM_RESERVED, "range 3");
	CHECK(bi.nmodules == 1 && bi.modules[0].start == 0x400000 &&
	    bi.modules[0].end == 0x500000 &&
	    strcmp(bi.modules[0].cmdline, "initrd") == 0, "module");
	CHECK(bi.fb.type == BI_FB_RGB && bi.fb.width == 1024 &&
	    bi.fb.red_pos == 16 && bi.fb.blue_size == 8, "framebuffer");
	CHECK(bi.rsdp_len == 20 && memcmp(bi.rsdp, "RSD PTR ", 8) == 0,
	    "rsdp %d", bi.rsdp_len);
	CHECK(bi.ntruncated == 0, "truncated %u", bi.ntruncated);
}

static void
mb2_ega_text_and_new_acpi(void)
{
	struct mbi m;
	struct bootinfo bi;
	struct mb2_tag_framebuffer *fb;

	mbi_start(&m);
	memcpy(mbi_tag(&m, MB2_TAG_ACPI_NEW, 36), "RSD PTR new", 11);
	memcpy(mbi_tag(&m, MB2_TAG_ACPI_OLD, 20), "RSD PTR old", 11);
	fb = (struct mb2_tag_framebuffer *)((struct mb2_tag *)mbi_tag(&m,
	    MB2_TAG_FRAMEBUFFER, 24) - 1);
	fb->addr = 0xb8000;
	fb->width = 80;
	fb->height = 25;
	fb->pitch = 160;
	fb->fb_type = MB2_FB_TYPE_EGA_TEXT;
	mbi_end(&m);
	CHECK(parse_exact(&m, m.len, &bi) == 0, "parse failed: %s",
	    bi.parse_error);
	CHECK(bi.fb.type == BI_FB_EGA_TEXT && bi.fb.width == 80 &&
	    bi.fb.height == 25, "text mode");
	CHECK(bi.rsdp_len == 36 && memcmp(bi.rsdp, "RSD PTR new", 11) == 0,
	    "the ACPI 2.0 RSDP wins");
}

static void
mb2_limits_truncate_not_overflow(void)
{
	struct mbi m;
	struct bootinfo bi;
	char longname[300];

	mbi_start(&m);
	mbi_mmap(&m, BI_MAX_MEMRANGES + 5);
	memset(longname, 'n', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	mbi_string(&m, MB2_TAG_LOADER_NAME, longname);
	/* A string without its NUL inside the tag. */
	memcpy(mbi_tag(&m, MB2_TAG_CMDLINE, 4), "abcd", 4);
	mbi_end(&m);
	CHECK(parse_exact(&m, m.len, &bi) == 0, "parse failed: %s",
	    bi.parse_error);
	CHECK(bi.nmemranges == BI_MAX_MEMRANGES, "%d ranges", bi.nmemranges);
	CHECK(bi.ntruncated == 5, "truncated %u", bi.ntruncated);
	CHECK(strlen(bi.loader_name) == BI_NAME_MAX - 1, "name cut");
	CHECK(strcmp(bi.cmdline, "abcd") == 0, "cmdline \"%s\"", bi.cmdline);
}

static void
mb2_rejects_malformed(void)
{
	struct mbi m;
	struct bootinfo bi;
	struct mb2_info_header *h = (struct mb2_info_header *)m.buf;
	struct mb2_tag *first;

	build_full(&m);
	CHECK(parse_exact(&m, m.len - 1, &bi) == -1, "total > available");

	build_full(&m);
	h->total_size -= 8;		/* the end tag is cut off */
	CHECK(parse_exact(&m, m.len, &bi) == -1 &&
	    strcmp(bi.parse_error, "no end tag") == 0, "no end tag: %s",
	    bi.parse_error);

	build_full(&m);
	first = (struct mb2_tag *)(m.buf + sizeof(*h));
	first->size = 4;
	CHECK(parse_exact(&m, m.len, &bi) == -1, "tag smaller than its header");
	first->size = (uint32_t)m.len;
	CHECK(parse_exact(&m, m.len, &bi) == -1 &&
	    bi.parse_error_tag == MB2_TAG_CMDLINE &&
	    bi.parse_error_offset == sizeof(*h), "tag past the end: %s",
	    bi.parse_error);

	mbi_start(&m);
	mbi_mmap(&m, 2);
	((uint32_t *)(m.buf + sizeof(*h) + 8))[0] = 8;	/* entry_size */
	mbi_end(&m);
	CHECK(parse_exact(&m, m.len, &bi) == -1, "mmap entry too small");

	CHECK(mb2_parse(m.buf, 4, &bi) == -1, "shorter than the header");
}

static void
mb2_random_mutations_stay_in_bounds(void)
{
	struct mbi m, orig;
	struct bootinfo bi;
	int i, j, ok = 0;

	build_full(&orig);
	srand(2024);
	for (i = 0; i < 50000; i++) {
		m = orig;
		for (j = rand() % 4; j >= 0; j--)
			m.buf[rand() % m.len] = (uint8_t)rand();
		if (parse_exact(&m, m.len, &bi) == 0)
			ok++;
		else
			CHECK(bi.parse_error != NULL, "error without a reason");
	}
	CHECK(ok > 0 && ok < 50000, "%d of 50000 parsed", ok);
}

int
main(void)
{
	TAP_RUN(mb2_parses_every_tag);
	TAP_RUN(mb2_ega_text_and_new_acpi);
	TAP_RUN(mb2_limits_truncate_not_overflow);
	TAP_RUN(mb2_rejects_malformed);
	TAP_RUN(mb2_random_mutations_stay_in_bounds);
	return (tap_exit_status());
}
