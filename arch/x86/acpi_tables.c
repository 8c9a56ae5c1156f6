/*
 * acpi_tables.c - the pure half of ACPI support: checksums, RSDP and
 * FADT checks, and a decoder for the one piece of AML Vise reads, the
 * _S5_ (soft off) package in the DSDT.  No hardware access, no mapping,
 * no C library: the host tests build this file as it is.
 */
#include <x86/acpi.h>

/* AML encodings (spec 20.2, "AML Grammar Definition"). */
#define AML_ZERO_OP		0x00	/* the integer 0 */
#define AML_ONE_OP		0x01	/* the integer 1 */
#define AML_NAME_OP		0x08	/* Name(NameString, DataRefObject) */
#define AML_BYTE_PREFIX		0x0a	/* BytePrefix ByteData */
#define AML_PACKAGE_OP		0x12	/* Package(PkgLength NumElements ...) */
#define AML_ROOT_CHAR		0x5c	/* '\': NameString from the root */

static bool
bytes_equal(const void *a, const void *b, size_t len)
{
	const uint8_t *pa = a, *pb = b;

	while (len-- > 0)
		if (*pa++ != *pb++)
			return (false);
	return (true);
}

bool
acpi_checksum_ok(const void *buf, size_t len)
{
	const uint8_t *p = buf;
	uint8_t sum = 0;

	while (len-- > 0)
		sum += *p++;
	return (sum == 0);
}

int
acpi_rsdp_check(const void *buf, size_t avail)
{
	const struct acpi_rsdp *rsdp = buf;

	if (avail < ACPI_RSDP_V1_LEN ||
	    !bytes_equal(rsdp->signature, "RSD PTR ", 8) ||
	    !acpi_checksum_ok(rsdp, ACPI_RSDP_V1_LEN))
		return (0);
	/*
	 * A damaged 2.0 part still leaves the 1.0 part usable: fall back
	 * to the RSDT rather than give up on ACPI.
	 */
	if (rsdp->revision < 2 || avail < ACPI_RSDP_V2_LEN ||
	    rsdp->length < ACPI_RSDP_V2_LEN || rsdp->length > avail ||
	    !acpi_checksum_ok(rsdp, rsdp->length))
		return (1);
	return (2);
}

/*
 * The port a PM1 control register lives at: the X_ field if it names
 * one in I/O space, else the legacy field.  An X_ register in memory
 * space cannot be reached with in/out, so the legacy port (which such
 * tables still fill in when they can) is the only option.  0: none.
 */
static uint64_t
pm1_port(struct acpi_gas xreg, uint32_t legacy)
{
	if (xreg.address != 0 && xreg.space_id == ACPI_GAS_IO)
		return (xreg.address);
	return (legacy);
}

int
acpi_fadt_pm1_cnt(const struct acpi_fadt *fadt, uint16_t *pm1a,
    uint16_t *pm1b)
{
	uint64_t a, b;

	if (!ACPI_FADT_HAS(fadt, pm1b_cnt_blk))
		return (-1);
	a = fadt->pm1a_cnt_blk;
	b = fadt->pm1b_cnt_blk;
	if (ACPI_FADT_HAS(fadt, x_pm1a_cnt_blk))
		a = pm1_port(fadt->x_pm1a_cnt_blk, fadt->pm1a_cnt_blk);
	if (ACPI_FADT_HAS(fadt, x_pm1b_cnt_blk))
		b = pm1_port(fadt->x_pm1b_cnt_blk, fadt->pm1b_cnt_blk);
	/* Ports are 16 bits; anything wider is a broken table. */
	if (a == 0 || a > 0xffff || b > 0xffff)
		return (-1);
	*pm1a = (uint16_t)a;
	*pm1b = (uint16_t)b;
	return (0);
}

/*
 * Decode the PkgLength at aml[*pos] (spec 20.2.4) into *pkglen and
 * advance *pos past it.  The length counts the PkgLength bytes
 * themselves and everything after them up to the package's end.  The
 * lead byte's top two bits give the number of bytes that follow (0-3).
 * With none, its low six bits are the length; otherwise its low four
 * bits are the lowest nibble (bits 5-4 must be zero) and each following
 * byte supplies the next eight bits.
 */
static int
aml_pkglength(const uint8_t *aml, size_t len, size_t *pos, size_t *pkglen)
{
	size_t start = *pos, nfollow, i, val;
	uint8_t lead;

	if (start >= len)
		return (-1);
	lead = aml[start];
	nfollow = lead >> 6;
	if (len - start < 1 + nfollow)
		return (-1);
	if (nfollow == 0)
		val = lead & 0x3f;
	else {
		if ((lead & 0x30) != 0)
			return (-1);
		val = lead & 0x0f;
		for (i = 0; i < nfollow; i++)
			val |= (size_t)aml[start + 1 + i] << (4 + 8 * i);
	}
	*pos = start + 1 + nfollow;
	*pkglen = val;
	return (0);
}

/*
 * Decode one package element at aml[*pos] (before `end`) as a SLP_TYP
 * value and advance past it.  Firmware writes these as ZeroOp or OneOp
 * (what ASL compilers emit for 0 and 1) or as BytePrefix and a byte.
 * Wider integer encodings are legal AML but no SLP_TYP needs them; they
 * and values that do not fit the 3-bit field are refused, not guessed.
 */
static int
aml_slp_typ(const uint8_t *aml, size_t end, size_t *pos, uint8_t *typ)
{
	size_t p = *pos;

	if (p >= end)
		return (-1);
	switch (aml[p]) {
	case AML_ZERO_OP:
		*typ = 0;
		*pos = p + 1;
		return (0);
	case AML_ONE_OP:
		*typ = 1;
		*pos = p + 1;
		return (0);
	case AML_BYTE_PREFIX:
		if (end - p < 2 || aml[p + 1] > ACPI_SLP_TYP_MAX)
			return (-1);
		*typ = aml[p + 1];
		*pos = p + 2;
		return (0);
	default:
		return (-1);
	}
}

/*
 * Decode the package that follows the _S5_ name at aml[pos]:
 * PackageOp PkgLength NumElements SLP_TYPa SLP_TYPb [more elements].
 */
static int
s5_package(const uint8_t *aml, size_t len, size_t pos, uint8_t *slp_typa,
    uint8_t *slp_typb)
{
	size_t pkgstart, pkglen, end;
	uint8_t typa, typb;

	if (pos >= len || aml[pos] != AML_PACKAGE_OP)
		return (-1);
	pkgstart = ++pos;
	if (aml_pkglength(aml, len, &pos, &pkglen) != 0)
		return (-1);
	/* The package must lie within the AML and hold NumElements. */
	if (pkglen > len - pkgstart || pkgstart + pkglen <= pos)
		return (-1);
	end = pkgstart + pkglen;
	if (aml[pos++] < 2)	/* NumElements: need SLP_TYPa and SLP_TYPb */
		return (-1);
	if (aml_slp_typ(aml, end, &pos, &typa) != 0 ||
	    aml_slp_typ(aml, end, &pos, &typb) != 0)
		return (-1);
	*slp_typa = typa;
	*slp_typb = typb;
	return (0);
}

/*
 * There is no namespace here: look for the bytes "_S5_" right after a
 * NameOp, with or without a root prefix ("Name(_S5, ...)" at the root,
 * or "Name(\_S5, ...)" in some scope).  Other occurrences of the four
 * bytes (a reference to _S5_, data) are skipped.  The first definition
 * decides: if it is malformed, say so rather than hunt for another.
 */
int
acpi_s5_decode(const uint8_t *aml, size_t len, uint8_t *slp_typa,
    uint8_t *slp_typb)
{
	size_t i;

	for (i = 1; i + 4 <= len; i++) {
		if (!bytes_equal(aml + i, "_S5_", 4))
			continue;
		if (aml[i - 1] != AML_NAME_OP &&
		    !(i >= 2 && aml[i - 1] == AML_ROOT_CHAR &&
		    aml[i - 2] == AML_NAME_OP))
			continue;
		if (s5_package(aml, len, i + 4, slp_typa, slp_typb) != 0)
			return (ACPI_S5_BAD);
		return (0);
	}
	return (ACPI_S5_NONE);
}
