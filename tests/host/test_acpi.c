/*
 * test_acpi.c - the pure ACPI helpers (arch/x86/acpi_tables.c) on
 * hand-built tables and AML: checksums, RSDP revisions, the FADT's PM1
 * control ports, and the _S5_ decoder in every form it accepts or must
 * refuse.  Each AML string is copied into a buffer of exactly its
 * length, so under ASan a read past the end fails the run.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include <x86/acpi.h>

/* Make the `len` bytes at buf sum to zero by adjusting buf[fix]. */
static void
checksum_fix(void *buf, size_t len, size_t fix)
{
	uint8_t *p = buf, sum = 0;
	size_t i;

	p[fix] = 0;
	for (i = 0; i < len; i++)
		sum += p[i];
	p[fix] = (uint8_t)-sum;
}

/* acpi_s5_decode on a private copy of `len` bytes of aml. */
static int
s5_decode(const uint8_t *aml, size_t len, uint8_t *typa, uint8_t *typb)
{
	uint8_t *copy;
	int error;

	copy = malloc(len > 0 ? len : 1);
	memcpy(copy, aml, len);
	error = acpi_s5_decode(copy, len, typa, typb);
	free(copy);
	return (error);
}

static void
checksum_detects_a_changed_byte(void)
{
	uint8_t buf[40];
	size_t i;

	for (i = 0; i < sizeof(buf); i++)
		buf[i] = (uint8_t)(i * 37 + 11);
	checksum_fix(buf, sizeof(buf), 9);
	CHECK(acpi_checksum_ok(buf, sizeof(buf)), "fixed buffer rejected");
	CHECK(acpi_checksum_ok(buf, 0), "empty buffer rejected");
	for (i = 0; i < sizeof(buf); i++) {
		buf[i] ^= 0x10;
		CHECK(!acpi_checksum_ok(buf, sizeof(buf)),
		    "change at %zu not detected", i);
		buf[i] ^= 0x10;
	}
}

/* A valid ACPI 2.0 RSDP. */
static void
rsdp_build(struct acpi_rsdp *r)
{
	memset(r, 0, sizeof(*r));
	memcpy(r->signature, "RSD PTR ", 8);
	memcpy(r->oemid, "VISE  ", 6);
	r->revision = 2;
	r->rsdt_addr = 0x7fe0000;
	r->length = sizeof(*r);
	r->xsdt_addr = 0x7fe0100;
	checksum_fix(r, ACPI_RSDP_V1_LEN, offsetof(struct acpi_rsdp, checksum));
	checksum_fix(r, sizeof(*r), offsetof(struct acpi_rsdp, ext_checksum));
}

static void
rsdp_revisions(void)
{
	struct acpi_rsdp r;

	rsdp_build(&r);
	CHECK(acpi_rsdp_check(&r, sizeof(r)) == 2, "valid 2.0 RSDP");
	/* Only the 1.0 part is available (a multiboot2 ACPI_OLD copy). */
	CHECK(acpi_rsdp_check(&r, ACPI_RSDP_V1_LEN) == 1, "20-byte copy");
	CHECK(acpi_rsdp_check(&r, ACPI_RSDP_V1_LEN - 1) == 0, "19 bytes");

	r.ext_checksum++;
	CHECK(acpi_rsdp_check(&r, sizeof(r)) == 1, "bad extended checksum");
	rsdp_build(&r);
	r.length = 1000;	/* longer than what is there */
	checksum_fix(&r, sizeof(r), offsetof(struct acpi_rsdp, ext_checksum));
	CHECK(acpi_rsdp_check(&r, sizeof(r)) == 1, "length past the end");

	rsdp_build(&r);
	r.revision = 0;
	checksum_fix(&r, ACPI_RSDP_V1_LEN, offsetof(struct acpi_rsdp, checksum));
	CHECK(acpi_rsdp_check(&r, sizeof(r)) == 1, "1.0 RSDP");
	r.checksum++;
	CHECK(acpi_rsdp_check(&r, sizeof(r)) == 0, "bad checksum");
	rsdp_build(&r);
	r.signature[0] = 'r';
	checksum_fix(&r, ACPI_RSDP_V1_LEN, offsetof(struct acpi_rsdp, checksum));
	CHECK(acpi_rsdp_check(&r, sizeof(r)) == 0, "bad signature");
}

static void
fadt_pm1_ports(void)
{
	struct acpi_fadt f;
	uint16_t a, b;

	memset(&f, 0, sizeof(f));
	f.pm1a_cnt_blk = 0x604;
	f.hdr.length = offsetof(struct acpi_fadt, reset_reg);	/* 1.0 */
	CHECK(acpi_fadt_pm1_cnt(&f, &a, &b) == 0 && a == 0x604 && b == 0,
	    "1.0 FADT: a %#x b %#x", a, b);

	/* X_ fields are not read when the length does not cover them. */
	f.x_pm1a_cnt_blk.space_id = ACPI_GAS_IO;
	f.x_pm1a_cnt_blk.address = 0xb004;
	CHECK(acpi_fadt_pm1_cnt(&f, &a, &b) == 0 && a == 0x604,
	    "X_ field beyond the length used: a %#x", a);

	f.hdr.length = sizeof(f);
	f.pm1b_cnt_blk = 0x608;
	CHECK(acpi_fadt_pm1_cnt(&f, &a, &b) == 0 && a == 0xb004 &&
	    b == 0x608, "X_ I/O field: a %#x b %#x", a, b);
	f.x_pm1a_cnt_blk.space_id = ACPI_GAS_MEMORY;
	CHECK(acpi_fadt_pm1_cnt(&f, &a, &b) == 0 && a == 0x604,
	    "X_ memory field not skipped: a %#x", a);

	f.pm1a_cnt_blk = 0;
	CHECK(acpi_fadt_pm1_cnt(&f, &a, &b) == -1, "no PM1a accepted");
	f.pm1a_cnt_blk = 0x10000;
	CHECK(acpi_fadt_pm1_cnt(&f, &a, &b) == -1, "17-bit port accepted");
	f.pm1a_cnt_blk = 0x604;
	f.hdr.length = offsetof(struct acpi_fadt, pm1b_cnt_blk);
	CHECK(acpi_fadt_pm1_cnt(&f, &a, &b) == -1, "short FADT accepted");
}

/*
 * Name(_S5, Package(4) {0x05, 0x07, 0, 0}) inside a method-ish prefix:
 * what ASL compilers emit for values above 1 (BytePrefix).
 */
static const uint8_t s5_byte_prefix[] = {
	0x14, 0x06, 'M', 'T', 'H', 'D', 0x00,	/* Method(MTHD) {} */
	0x08, '_', 'S', '5', '_',		/* NameOp "_S5_" */
	0x12, 0x08, 0x04,			/* Package, len 8, 4 elems */
	0x0a, 0x05, 0x0a, 0x07, 0x00, 0x00,
	0xa3,					/* Noop after it */
};

/* Name(\_S5, Package(2) {Zero, One}): QEMU-style bare ZeroOp/OneOp. */
static const uint8_t s5_zero_one[] = {
	0x08, '\\', '_', 'S', '5', '_',
	0x12, 0x04, 0x02, 0x00, 0x01,
};

static void
s5_byte_prefix_form(void)
{
	uint8_t a = 0xee, b = 0xee;

	CHECK(s5_decode(s5_byte_prefix, sizeof(s5_byte_prefix), &a, &b) ==
	    0 && a == 5 && b == 7, "got a %u b %u", a, b);
}

static void
s5_zero_one_form(void)
{
	uint8_t a = 0xee, b = 0xee;

	CHECK(s5_decode(s5_zero_one, sizeof(s5_zero_one), &a, &b) == 0 &&
	    a == 0 && b == 1, "got a %u b %u", a, b);
}

/* A PkgLength with one follow byte: lead 0x47 (low nibble 7), then 0. */
static void
s5_two_byte_pkglength(void)
{
	static const uint8_t aml[] = {
		0x08, '_', 'S', '5', '_',
		0x12, 0x47, 0x00, 0x02, 0x0a, 0x03, 0x0a, 0x04,
	};
	uint8_t a = 0xee, b = 0xee;

	CHECK(s5_decode(aml, sizeof(aml), &a, &b) == 0 && a == 3 && b == 4,
	    "got a %u b %u", a, b);
}

/*
 * Every proper prefix of the `len`-byte _S5_ definition at `aml` (whose
 * name ends at `name_end`) is refused, without reading past its end.
 */
static void
s5_prefixes_refused(const uint8_t *aml, size_t len, size_t name_end)
{
	size_t n;
	uint8_t a, b;
	int error, want;

	for (n = 0; n < len; n++) {
		a = b = 0xee;
		error = s5_decode(aml, n, &a, &b);
		want = n < name_end ? ACPI_S5_NONE : ACPI_S5_BAD;
		CHECK(error == want && a == 0xee && b == 0xee,
		    "len %zu: error %d (want %d), a %u b %u", n, error, want,
		    a, b);
	}
}

static void
s5_truncated(void)
{
	/* A PkgLength that claims more bytes than the AML has. */
	static const uint8_t past_end[] = {
		0x08, '_', 'S', '5', '_',
		0x12, 0x09, 0x02, 0x00, 0x01,
	};
	/* A PkgLength that ends inside the second element (0x0a 0x05). */
	static const uint8_t short_pkglength[] = {
		0x08, '_', 'S', '5', '_',
		0x12, 0x04, 0x02, 0x00, 0x0a, 0x05,
	};
	uint8_t a = 0xee, b = 0xee;

	s5_prefixes_refused(s5_zero_one, sizeof(s5_zero_one), 6);
	/* Without the Noop that follows the package: that prefix is whole. */
	s5_prefixes_refused(s5_byte_prefix, sizeof(s5_byte_prefix) - 1, 12);
	CHECK(s5_decode(past_end, sizeof(past_end), &a, &b) == ACPI_S5_BAD,
	    "package past the end accepted");
	CHECK(s5_decode(short_pkglength, sizeof(short_pkglength), &a, &b) ==
	    ACPI_S5_BAD, "element past the package's end accepted");
}

static void
s5_missing(void)
{
	static const uint8_t s4_and_reference[] = {
		0x08, '_', 'S', '4', '_', 0x12, 0x04, 0x02, 0x00, 0x01,
		0x70, '_', 'S', '5', '_', 0x60,	/* Store(_S5_, Local0) */
	};
	uint8_t a = 0xee, b = 0xee;

	CHECK(s5_decode(s4_and_reference, sizeof(s4_and_reference), &a,
	    &b) == ACPI_S5_NONE, "found _S5_ where there is none");
	CHECK(s5_decode(s4_and_reference, 0, &a, &b) == ACPI_S5_NONE,
	    "found _S5_ in nothing");
	CHECK(a == 0xee && b == 0xee, "outputs written: a %u b %u", a, b);
}

/* Legal-looking but unexpected packages: refused, never guessed. */
static void
s5_unexpected_forms(void)
{
	static const uint8_t word_prefix[] = {
		0x08, '_', 'S', '5', '_',
		0x12, 0x07, 0x02, 0x0b, 0x05, 0x00, 0x0a, 0x05,
	};
	static const uint8_t too_big[] = {
		0x08, '_', 'S', '5', '_',
		0x12, 0x06, 0x02, 0x0a, 0x08, 0x0a, 0x00,
	};
	static const uint8_t one_element[] = {
		0x08, '_', 'S', '5', '_', 0x12, 0x03, 0x01, 0x00,
	};
	static const uint8_t not_a_package[] = {
		0x08, '_', 'S', '5', '_', 0x0a, 0x05,
	};
	static const uint8_t reserved_bits[] = {	/* lead 0x50: bit 4 set */
		0x08, '_', 'S', '5', '_',
		0x12, 0x57, 0x00, 0x02, 0x0a, 0x03, 0x0a, 0x04,
	};
	uint8_t a = 0xee, b = 0xee;

	CHECK(s5_decode(word_prefix, sizeof(word_prefix), &a, &b) ==
	    ACPI_S5_BAD, "WordPrefix accepted");
	CHECK(s5_decode(too_big, sizeof(too_big), &a, &b) == ACPI_S5_BAD,
	    "SLP_TYP 8 accepted");
	CHECK(s5_decode(one_element, sizeof(one_element), &a, &b) ==
	    ACPI_S5_BAD, "one-element package accepted");
	CHECK(s5_decode(not_a_package, sizeof(not_a_package), &a, &b) ==
	    ACPI_S5_BAD, "integer instead of a package accepted");
	CHECK(s5_decode(reserved_bits, sizeof(reserved_bits), &a, &b) ==
	    ACPI_S5_BAD, "PkgLength with reserved bits accepted");
	CHECK(a == 0xee && b == 0xee, "outputs written: a %u b %u", a, b);
}

int
main(void)
{
	TAP_RUN(checksum_detects_a_changed_byte);
	TAP_RUN(rsdp_revisions);
	TAP_RUN(fadt_pm1_ports);
	TAP_RUN(s5_byte_prefix_form);
	TAP_RUN(s5_zero_one_form);
	TAP_RUN(s5_two_byte_pkglength);
	TAP_RUN(s5_truncated);
	TAP_RUN(s5_missing);
	TAP_RUN(s5_unexpected_forms);
	return (tap_exit_status());
}
