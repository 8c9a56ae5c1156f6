/*
 * segments.h - i386 GDT selectors (arch/i386/machdep.c builds the GDT;
 * the TSS is at 0x18).  The user selectors are used with SEL_UPL (ring
 * 3) set.  All segments are flat: base 0, limit 4 GiB.
 */
#ifndef _MACHINE_SEGMENTS_H_
#define _MACHINE_SEGMENTS_H_

#define GSEL_KCODE	0x08	/* kernel code */
#define GSEL_KDATA	0x10	/* kernel data and stack */
#define GSEL_UCODE	0x20	/* user code */
#define GSEL_UDATA	0x28	/* user data and stack */
#define SEL_UPL		3	/* requested privilege level: user */

#endif /* !_MACHINE_SEGMENTS_H_ */
