/*
 * acpi.h - the ACPI tables Vise reads (RSDP, RSDT/XSDT, FADT, DSDT) and
 * the two things it does with them: list them at boot and enter S5
 * (soft off).  Layouts and names follow the ACPI specification, chapter
 * 5.2 ("ACPI System Description Tables"); multi-byte fields are little
 * endian and unaligned, hence the packed structures.
 *
 * The parsing helpers (acpi_tables.c) touch no hardware, so the host
 * tests include this header too: it needs only the C library headers.
 */
#ifndef _X86_ACPI_H_
#define _X86_ACPI_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ACPI_PACKED	__attribute__((__packed__))

/* Root System Description Pointer (spec 5.2.5.3, "RSDP Structure"). */
struct acpi_rsdp {
	char		signature[8];	/* "RSD PTR " */
	uint8_t		checksum;	/* over the first 20 bytes */
	char		oemid[6];
	uint8_t		revision;	/* 0: ACPI 1.0; 2: ACPI 2.0 and later */
	uint32_t	rsdt_addr;	/* physical */
	/* ACPI 2.0 and later only: */
	uint32_t	length;		/* of this structure */
	uint64_t	xsdt_addr;	/* physical */
	uint8_t		ext_checksum;	/* over `length` bytes */
	uint8_t		reserved[3];
} ACPI_PACKED;

#define ACPI_RSDP_V1_LEN	20	/* bytes covered by `checksum` */
#define ACPI_RSDP_V2_LEN	36

/*
 * System Description Table Header (spec 5.2.6), at the start of every
 * table but the RSDP.  `length` covers the header and the body, and all
 * of those bytes sum to zero.
 */
struct acpi_sdt_header {
	char		signature[4];	/* "FACP", "APIC", "DSDT", ... */
	uint32_t	length;
	uint8_t		revision;
	uint8_t		checksum;
	char		oemid[6];
	char		oem_table_id[8];
	uint32_t	oem_revision;
	uint32_t	creator_id;
	uint32_t	creator_revision;
} ACPI_PACKED;

/* Generic Address Structure (spec 5.2.3.2): a register's location. */
struct acpi_gas {
	uint8_t		space_id;	/* ACPI_GAS_* */
	uint8_t		bit_width;
	uint8_t		bit_offset;
	uint8_t		access_size;
	uint64_t	address;
} ACPI_PACKED;

#define ACPI_GAS_MEMORY		0	/* system memory */
#define ACPI_GAS_IO		1	/* system I/O (port) space */

/*
 * Fixed ACPI Description Table, signature "FACP" (spec 5.2.9, "FADT
 * Format"), up to the last field Vise uses.  ACPI 1.0 tables end at
 * offset 116 (before reset_reg); later fields exist only if hdr.length
 * covers them: test with ACPI_FADT_HAS() before reading one.
 */
struct acpi_fadt {
	struct acpi_sdt_header hdr;
	uint32_t	firmware_ctrl;	/* 36: FACS, physical */
	uint32_t	dsdt;		/* 40: DSDT, physical */
	uint8_t		reserved0;	/* 44: INT_MODEL in ACPI 1.0 */
	uint8_t		preferred_pm_profile;
	uint16_t	sci_int;
	uint32_t	smi_cmd;	/* 48: port of the SMI command register */
	uint8_t		acpi_enable;	/* 52: write to smi_cmd to enter ACPI mode */
	uint8_t		acpi_disable;
	uint8_t		s4bios_req;
	uint8_t		pstate_cnt;
	uint32_t	pm1a_evt_blk;	/* 56: ports */
	uint32_t	pm1b_evt_blk;
	uint32_t	pm1a_cnt_blk;	/* 64: PM1a control register port */
	uint32_t	pm1b_cnt_blk;	/* 68: PM1b control, 0 if absent */
	uint32_t	pm2_cnt_blk;
	uint32_t	pm_tmr_blk;
	uint32_t	gpe0_blk;
	uint32_t	gpe1_blk;
	uint8_t		pm1_evt_len;	/* 88 */
	uint8_t		pm1_cnt_len;
	uint8_t		pm2_cnt_len;
	uint8_t		pm_tmr_len;
	uint8_t		gpe0_blk_len;
	uint8_t		gpe1_blk_len;
	uint8_t		gpe1_base;
	uint8_t		cst_cnt;
	uint16_t	p_lvl2_lat;	/* 96 */
	uint16_t	p_lvl3_lat;
	uint16_t	flush_size;
	uint16_t	flush_stride;
	uint8_t		duty_offset;	/* 104 */
	uint8_t		duty_width;
	uint8_t		day_alrm;
	uint8_t		mon_alrm;
	uint8_t		century;
	uint16_t	iapc_boot_arch;	/* 109 */
	uint8_t		reserved1;
	uint32_t	flags;		/* 112 */
	/* ACPI 2.0 and later: */
	struct acpi_gas	reset_reg;	/* 116 */
	uint8_t		reset_value;	/* 128 */
	uint16_t	arm_boot_arch;
	uint8_t		fadt_minor_version;
	uint64_t	x_firmware_ctrl; /* 132 */
	uint64_t	x_dsdt;		/* 140: DSDT, physical; 0: use dsdt */
	struct acpi_gas	x_pm1a_evt_blk;	/* 148 */
	struct acpi_gas	x_pm1b_evt_blk;	/* 160 */
	struct acpi_gas	x_pm1a_cnt_blk;	/* 172 */
	struct acpi_gas	x_pm1b_cnt_blk;	/* 184 */
} ACPI_PACKED;

_Static_assert(sizeof(struct acpi_rsdp) == ACPI_RSDP_V2_LEN, "RSDP layout");
_Static_assert(sizeof(struct acpi_sdt_header) == 36, "SDT header layout");
_Static_assert(sizeof(struct acpi_gas) == 12, "GAS layout");
_Static_assert(offsetof(struct acpi_fadt, pm1a_cnt_blk) == 64, "FADT layout");
_Static_assert(offsetof(struct acpi_fadt, reset_reg) == 116, "FADT layout");
_Static_assert(offsetof(struct acpi_fadt, x_dsdt) == 140, "FADT layout");
_Static_assert(offsetof(struct acpi_fadt, x_pm1b_cnt_blk) == 184,
    "FADT layout");

/* Does this FADT, judged by its own length, include `field`? */
#define ACPI_FADT_HAS(fadt, field)					\
	((fadt)->hdr.length >=						\
	    offsetof(struct acpi_fadt, field) + sizeof((fadt)->field))

/* PM1 control register bits (spec 4.8.3.2.1, "PM1 Control Registers"). */
#define ACPI_PM1_SCI_EN		0x0001	/* 1: ACPI mode, 0: legacy (SMM) */
#define ACPI_PM1_SLP_TYP_SHIFT	10
#define ACPI_PM1_SLP_TYP_MASK	(0x7 << ACPI_PM1_SLP_TYP_SHIFT)
#define ACPI_PM1_SLP_EN		0x2000	/* write 1: enter the SLP_TYP state */
#define ACPI_SLP_TYP_MAX	0x7	/* SLP_TYP is a 3-bit field */

/* acpi_s5_decode results other than 0. */
#define ACPI_S5_NONE		(-1)	/* no _S5_ object in the AML */
#define ACPI_S5_BAD		(-2)	/* _S5_ is there but not decodable */

/*
 * acpi_tables.c: pure parsing helpers.  They read only the bytes they
 * are given (never past `len`/`avail`), touch no hardware, take no
 * locks and never sleep; usable from any context and on the host.
 */

/* acpi_checksum_ok: do the `len` bytes at `buf` sum to zero (mod 256)? */
bool	acpi_checksum_ok(const void *buf, size_t len);

/*
 * acpi_rsdp_check: is `buf` (of which `avail` bytes are readable) an
 * RSDP?  Returns 0 if not; 1 if the ACPI 1.0 part is valid (use the
 * RSDT); 2 if the ACPI 2.0 part (length, XSDT address, extended
 * checksum) is valid too.
 */
int	acpi_rsdp_check(const void *buf, size_t avail);

/*
 * acpi_fadt_pm1_cnt: the I/O ports of the PM1a and PM1b control
 * registers.  An X_ field wins over the legacy one when it is nonzero
 * and in system I/O space.  *pm1b is 0 if there is no PM1b register.
 * Returns 0, or -1 if the FADT gives no usable PM1a port.  The caller
 * must have validated the FADT's length and checksum.
 */
int	acpi_fadt_pm1_cnt(const struct acpi_fadt *fadt, uint16_t *pm1a,
	    uint16_t *pm1b);

/*
 * acpi_s5_decode: find the definition of the _S5_ object in `len`
 * bytes of AML (a DSDT's body) and decode its SLP_TYPa and SLP_TYPb
 * values.  Returns 0, ACPI_S5_NONE if there is no _S5_ definition, or
 * ACPI_S5_BAD if there is one in a form this decoder does not know
 * (the outputs are then unchanged).
 */
int	acpi_s5_decode(const uint8_t *aml, size_t len, uint8_t *slp_typa,
	    uint8_t *slp_typb);

/*
 * acpi.c: the kernel side.
 */

/*
 * acpi_init: find the RSDP (the boot loader's copy, else a scan of the
 * EBDA and the BIOS ROM area), then every table the RSDT or XSDT lists
 * and the DSDT, checking each table's length and checksum; one console
 * line per table.  Returns 0, or -1 if the machine has no usable ACPI.
 * Boot only: single CPU, no locks, does not sleep; call once, after
 * the console and pmap_mapdev_early work.
 */
int	acpi_init(void);

/*
 * acpi_table_find: the first table with signature `sig` (4 characters,
 * e.g. "APIC") that acpi_init accepted, mapped in full, or NULL.  Stores
 * its physical address in *pap unless pap is NULL.  Any context after
 * acpi_init; no locks (the list does not change after boot).
 */
const struct acpi_sdt_header *acpi_table_find(const char *sig,
	    uint64_t *pap);

/*
 * acpi_poweroff: turn the machine off through ACPI S5, entering ACPI
 * mode first if the firmware left the chipset in legacy mode.  Disables
 * interrupts.  Returns only if the machine is still on (no ACPI, an
 * _S5_ object it cannot decode, or hardware that ignored the request),
 * after saying why on the console; the caller should then halt.  Does
 * not sleep; busy-waits up to a few seconds.
 */
void	acpi_poweroff(void);

#endif /* !_X86_ACPI_H_ */
