/*
 * acpi.c - find the ACPI tables the firmware left in memory, and power
 * the machine off (S5) with the FADT's PM1 control registers and the
 * DSDT's _S5_ values.  There is no AML interpreter: the only AML read
 * is the _S5_ package, by the decoder in acpi_tables.c.
 *
 * Tables are mapped with pmap_mapdev_early, which maps for good, so the
 * pointers kept in acpi_tables[] stay valid after boot.
 */
#include <kernel/systm.h>
#include <kernel/bootinfo.h>
#include <kernel/machdep.h>
#include <x86/cpufunc.h>
#include <x86/acpi.h>

#define ACPI_MAX_TABLES		32
/* Far above any real table: a bigger length means a damaged header. */
#define ACPI_TABLE_MAXLEN	(16u << 20)

/* Where ACPI 1.0 and later firmware may put the RSDP (spec 5.2.5.1). */
#define BDA_EBDA_SEG		0x40e	/* BIOS data area: EBDA segment */
#define EBDA_SCAN_LEN		1024
#define EBDA_LIMIT		0xa0000	/* the EBDA lies below 640 KiB */
#define BIOS_ROM_START		0xe0000
#define BIOS_ROM_END		0x100000
#define RSDP_ALIGN		16

/*
 * Busy-wait bounds, counted in port reads: a read from a chipset
 * register takes about a microsecond on real hardware, so 1000000 reads
 * are about a second.  (Under QEMU both waits end at once.)
 */
#define ACPI_ENABLE_POLLS	3000000	/* firmware leaving SMM mode */
#define ACPI_OFF_POLLS		1000000	/* the power going away */

struct acpi_table {
	uint64_t	pa;
	const struct acpi_sdt_header *hdr;	/* mapped, hdr->length bytes */
};

/* Filled by acpi_init; constant afterwards. */
static struct acpi_table acpi_tables[ACPI_MAX_TABLES];
static int acpi_ntables;

/*
 * Search `len` bytes of physical memory at `pa` for a valid RSDP; set
 * *level to acpi_rsdp_check's verdict on the one found.
 */
static const struct acpi_rsdp *
rsdp_scan(uint64_t pa, size_t len, uint64_t *rsdp_pa, int *level)
{
	const uint8_t *p;
	size_t off;

	if ((p = pmap_mapdev_early(pa, len)) == NULL)
		return (NULL);
	for (off = 0; off + ACPI_RSDP_V1_LEN <= len; off += RSDP_ALIGN) {
		if ((*level = acpi_rsdp_check(p + off, len - off)) != 0) {
			*rsdp_pa = pa + off;
			return ((const struct acpi_rsdp *)(p + off));
		}
	}
	return (NULL);
}

/*
 * The RSDP: the boot loader's copy if it has one (the only way to find
 * it on UEFI machines), else the firmware's original in low memory.
 * *rsdp_pa is 0 for the loader's copy, whose source address is unknown;
 * *level is acpi_rsdp_check's verdict.
 */
static const struct acpi_rsdp *
rsdp_find(uint64_t *rsdp_pa, int *level)
{
	const struct acpi_rsdp *rsdp;
	const uint16_t *ebda_seg;
	uint64_t ebda;

	*rsdp_pa = 0;
	if (bootinfo.rsdp_len > 0) {
		*level = acpi_rsdp_check(bootinfo.rsdp, bootinfo.rsdp_len);
		if (*level != 0)
			return ((const struct acpi_rsdp *)bootinfo.rsdp);
		printf("acpi: the boot loader's RSDP is invalid, scanning\n");
	}
	ebda_seg = pmap_mapdev_early(BDA_EBDA_SEG, sizeof(*ebda_seg));
	if (ebda_seg != NULL) {
		ebda = (uint64_t)*ebda_seg << 4;
		if (ebda != 0 && ebda + EBDA_SCAN_LEN <= EBDA_LIMIT &&
		    (rsdp = rsdp_scan(ebda, EBDA_SCAN_LEN, rsdp_pa,
		    level)) != NULL)
			return (rsdp);
	}
	return (rsdp_scan(BIOS_ROM_START, BIOS_ROM_END - BIOS_ROM_START,
	    rsdp_pa, level));
}

/*
 * Map the table at `pa` and check it: the header first, to learn the
 * length, then the whole table, to verify the checksum.  NULL (and a
 * console line saying why) if it cannot be mapped or is damaged.
 */
static const struct acpi_sdt_header *
table_map(uint64_t pa)
{
	const struct acpi_sdt_header *hdr;
	uint32_t len;

	if ((hdr = pmap_mapdev_early(pa, sizeof(*hdr))) == NULL) {
		printf("acpi: table at 0x%llx cannot be mapped\n",
		    (unsigned long long)pa);
		return (NULL);
	}
	len = hdr->length;
	if (len < sizeof(*hdr) || len > ACPI_TABLE_MAXLEN) {
		printf("acpi: %.4s at 0x%llx has bad length %u\n",
		    hdr->signature, (unsigned long long)pa, len);
		return (NULL);
	}
	if ((hdr = pmap_mapdev_early(pa, len)) == NULL) {
		printf("acpi: table at 0x%llx (len %u) cannot be mapped\n",
		    (unsigned long long)pa, len);
		return (NULL);
	}
	if (!acpi_checksum_ok(hdr, len)) {
		printf("acpi: %.4s at 0x%llx has a bad checksum\n",
		    hdr->signature, (unsigned long long)pa);
		return (NULL);
	}
	return (hdr);
}

static bool
table_is(const struct acpi_sdt_header *hdr, const char *sig)
{
	return (strncmp(hdr->signature, sig, sizeof(hdr->signature)) == 0);
}

/* Print a checked table and add it to acpi_tables[]. */
static void
table_record(uint64_t pa, const struct acpi_sdt_header *hdr)
{
	printf("acpi: %.4s at 0x%llx len %u (%.6s)\n", hdr->signature,
	    (unsigned long long)pa, hdr->length, hdr->oemid);
	if (acpi_ntables == ACPI_MAX_TABLES) {
		printf("acpi: table list full, %.4s ignored\n",
		    hdr->signature);
		return;
	}
	acpi_tables[acpi_ntables].pa = pa;
	acpi_tables[acpi_ntables].hdr = hdr;
	acpi_ntables++;
}

/*
 * Record the DSDT the FADT points to: X_DSDT if the FADT has it and it
 * is usable (i386 cannot map tables above 4 GiB), else the 32-bit DSDT.
 */
static void
dsdt_record(const struct acpi_fadt *fadt)
{
	const struct acpi_sdt_header *hdr = NULL;
	uint64_t pa = 0;

	if (ACPI_FADT_HAS(fadt, x_dsdt) && fadt->x_dsdt != 0) {
		pa = fadt->x_dsdt;
		hdr = table_map(pa);
	}
	if (hdr == NULL && ACPI_FADT_HAS(fadt, dsdt) && fadt->dsdt != 0) {
		pa = fadt->dsdt;
		hdr = table_map(pa);
	}
	if (hdr == NULL || !table_is(hdr, "DSDT")) {
		printf("acpi: no usable DSDT\n");
		return;
	}
	table_record(pa, hdr);
}

/* Read entry `i` of an RSDT (4-byte entries) or XSDT (8-byte entries). */
static uint64_t
root_entry(const struct acpi_sdt_header *root, size_t entsize, size_t i)
{
	const uint8_t *ents = (const uint8_t *)(root + 1);
	uint64_t pa64;
	uint32_t pa32;

	/* memcpy: XSDT entries are not 8-byte aligned. */
	if (entsize == sizeof(pa64)) {
		memcpy(&pa64, ents + i * entsize, sizeof(pa64));
		return (pa64);
	}
	memcpy(&pa32, ents + i * entsize, sizeof(pa32));
	return (pa32);
}

/*
 * Walk the RSDT or XSDT at `pa` (named `sig`, entries `entsize` bytes)
 * and record each table it lists, plus the DSDT.  -1 if the root table
 * itself is unusable.
 */
static int
root_walk(uint64_t pa, const char *sig, size_t entsize)
{
	const struct acpi_sdt_header *root, *hdr;
	size_t i, n;
	uint64_t tpa;

	if ((root = table_map(pa)) == NULL)
		return (-1);
	if (!table_is(root, sig)) {
		printf("acpi: %s at 0x%llx has signature %.4s\n", sig,
		    (unsigned long long)pa, root->signature);
		return (-1);
	}
	table_record(pa, root);
	n = (root->length - sizeof(*root)) / entsize;
	for (i = 0; i < n; i++) {
		if ((tpa = root_entry(root, entsize, i)) == 0 ||
		    (hdr = table_map(tpa)) == NULL)
			continue;
		table_record(tpa, hdr);
		if (table_is(hdr, "FACP"))
			dsdt_record((const struct acpi_fadt *)hdr);
	}
	return (0);
}

int
acpi_init(void)
{
	const struct acpi_rsdp *rsdp;
	uint64_t rsdp_pa;
	int level;

	if ((rsdp = rsdp_find(&rsdp_pa, &level)) == NULL) {
		printf("acpi: no RSDP found\n");
		return (-1);
	}
	if (rsdp_pa != 0)
		printf("acpi: RSDP at 0x%llx revision %u (%.6s)\n",
		    (unsigned long long)rsdp_pa, rsdp->revision, rsdp->oemid);
	else
		printf("acpi: RSDP from the boot loader, revision %u "
		    "(%.6s)\n", rsdp->revision, rsdp->oemid);

	/* The XSDT if there is a valid one (it can reach above 4 GiB). */
	if (level == 2 && rsdp->xsdt_addr != 0 &&
	    root_walk(rsdp->xsdt_addr, "XSDT", sizeof(uint64_t)) == 0)
		return (0);
	if (rsdp->rsdt_addr != 0 &&
	    root_walk(rsdp->rsdt_addr, "RSDT", sizeof(uint32_t)) == 0)
		return (0);
	printf("acpi: no usable RSDT or XSDT\n");
	return (-1);
}

const struct acpi_sdt_header *
acpi_table_find(const char *sig, uint64_t *pap)
{
	int i;

	for (i = 0; i < acpi_ntables; i++) {
		if (table_is(acpi_tables[i].hdr, sig)) {
			if (pap != NULL)
				*pap = acpi_tables[i].pa;
			return (acpi_tables[i].hdr);
		}
	}
	return (NULL);
}

/*
 * Firmware may hand over the chipset in legacy mode (SCI_EN clear),
 * where SMM code owns the PM1 registers and may ignore our sleep
 * request.  Ask it for ACPI mode through SMI_CMD and wait for SCI_EN.
 * If it never comes, go on: many chipsets power off regardless.  (The
 * fields read here precede pm1b_cnt_blk, which acpi_fadt_pm1_cnt has
 * checked the FADT's length covers.)
 */
static void
acpi_mode_enable(const struct acpi_fadt *fadt, uint16_t pm1a)
{
	int i;

	if ((inw(pm1a) & ACPI_PM1_SCI_EN) != 0 || fadt->smi_cmd == 0 ||
	    fadt->smi_cmd > 0xffff || fadt->acpi_enable == 0)
		return;
	outb(fadt->smi_cmd, fadt->acpi_enable);
	for (i = 0; i < ACPI_ENABLE_POLLS; i++)
		if ((inw(pm1a) & ACPI_PM1_SCI_EN) != 0)
			return;
	printf("acpi: SCI_EN still clear after ACPI_ENABLE, trying anyway\n");
}

/*
 * Set SLP_TYP (and SLP_EN if `enable`) in a PM1 control register,
 * keeping its other bits (SCI_EN above all).
 */
static void
pm1_cnt_sleep(uint16_t port, uint8_t slp_typ, bool enable)
{
	uint16_t val;

	val = inw(port) & ~(ACPI_PM1_SLP_TYP_MASK | ACPI_PM1_SLP_EN);
	val |= slp_typ << ACPI_PM1_SLP_TYP_SHIFT;
	if (enable)
		val |= ACPI_PM1_SLP_EN;
	outw(port, val);
}

void
acpi_poweroff(void)
{
	const struct acpi_sdt_header *dsdt;
	const struct acpi_fadt *fadt;
	uint16_t pm1a, pm1b;
	uint8_t typa, typb;
	int error, i;

	disable_intr();
	fadt = (const struct acpi_fadt *)acpi_table_find("FACP", NULL);
	dsdt = acpi_table_find("DSDT", NULL);
	if (fadt == NULL || dsdt == NULL) {
		printf("acpi: poweroff needs the FADT and the DSDT\n");
		return;
	}
	if (acpi_fadt_pm1_cnt(fadt, &pm1a, &pm1b) != 0) {
		printf("acpi: no PM1 control register in I/O space\n");
		return;
	}
	error = acpi_s5_decode((const uint8_t *)(dsdt + 1),
	    dsdt->length - sizeof(*dsdt), &typa, &typb);
	if (error != 0) {
		printf("acpi: %s, cannot power off\n", error == ACPI_S5_NONE ?
		    "no _S5_ in the DSDT" : "_S5_ in an unknown form");
		return;
	}
	acpi_mode_enable(fadt, pm1a);
	printf("acpi: entering S5 (SLP_TYPa %u, SLP_TYPb %u)\n", typa, typb);

	/*
	 * The spec's sleep sequence writes SLP_TYP first and SLP_EN in a
	 * second write; some chipsets latch the type only that way.
	 */
	pm1_cnt_sleep(pm1a, typa, false);
	if (pm1b != 0)
		pm1_cnt_sleep(pm1b, typb, false);
	pm1_cnt_sleep(pm1a, typa, true);
	if (pm1b != 0)
		pm1_cnt_sleep(pm1b, typb, true);

	/* Power takes a moment to drop; do not report failure too soon. */
	for (i = 0; i < ACPI_OFF_POLLS; i++)
		(void)inw(pm1a);
	printf("acpi: still running after the S5 request\n");
}
