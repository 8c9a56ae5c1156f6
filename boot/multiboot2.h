/*
 * multiboot2.h - the multiboot2 boot information format (the parts Vise
 * reads).  Layout from the Multiboot2 specification; names are ours.
 * Shared by the kernel (kernel/multiboot2.c) and the host tests.
 */
#ifndef _BOOT_MULTIBOOT2_H_
#define _BOOT_MULTIBOOT2_H_

#include <stdint.h>

#define MB2_BOOTLOADER_MAGIC	0x36d76289u	/* in %eax at entry */

/* Information tags: each starts with {type, size}, 8-byte aligned. */
#define MB2_TAG_END		0
#define MB2_TAG_CMDLINE		1
#define MB2_TAG_LOADER_NAME	2
#define MB2_TAG_MODULE		3
#define MB2_TAG_BASIC_MEMINFO	4
#define MB2_TAG_BOOTDEV		5
#define MB2_TAG_MMAP		6
#define MB2_TAG_FRAMEBUFFER	8
#define MB2_TAG_ELF_SECTIONS	9
#define MB2_TAG_ACPI_OLD	14
#define MB2_TAG_ACPI_NEW	15
#define MB2_TAG_LOAD_BASE_ADDR	21

struct mb2_info_header {
	uint32_t	total_size;
	uint32_t	reserved;
};

struct mb2_tag {
	uint32_t	type;
	uint32_t	size;		/* including this header, excluding padding */
};

struct mb2_tag_string {			/* CMDLINE, LOADER_NAME */
	struct mb2_tag	tag;
	char		string[];
};

struct mb2_tag_module {
	struct mb2_tag	tag;
	uint32_t	mod_start;
	uint32_t	mod_end;
	char		cmdline[];
};

struct mb2_tag_meminfo {
	struct mb2_tag	tag;
	uint32_t	mem_lower;	/* KiB */
	uint32_t	mem_upper;	/* KiB */
};

#define MB2_MEMORY_AVAILABLE		1
#define MB2_MEMORY_RESERVED		2
#define MB2_MEMORY_ACPI_RECLAIMABLE	3
#define MB2_MEMORY_NVS			4
#define MB2_MEMORY_BADRAM		5

struct mb2_mmap_entry {
	uint64_t	addr;
	uint64_t	len;
	uint32_t	type;
	uint32_t	zero;
};

struct mb2_tag_mmap {
	struct mb2_tag	tag;
	uint32_t	entry_size;
	uint32_t	entry_version;
	/* entries follow, entry_size bytes each */
};

#define MB2_FB_TYPE_INDEXED	0
#define MB2_FB_TYPE_RGB		1
#define MB2_FB_TYPE_EGA_TEXT	2

struct mb2_tag_framebuffer {
	struct mb2_tag	tag;
	uint64_t	addr;
	uint32_t	pitch;
	uint32_t	width;
	uint32_t	height;
	uint8_t		bpp;
	uint8_t		fb_type;
	uint16_t	reserved;
	/* For MB2_FB_TYPE_RGB: */
	uint8_t		red_pos, red_size;
	uint8_t		green_pos, green_size;
	uint8_t		blue_pos, blue_size;
};

struct mb2_tag_acpi {			/* ACPI_OLD, ACPI_NEW */
	struct mb2_tag	tag;
	uint8_t		rsdp[];		/* a copy of the RSDP */
};

struct mb2_tag_load_base {
	struct mb2_tag	tag;
	uint32_t	load_base_addr;
};

#endif /* !_BOOT_MULTIBOOT2_H_ */
