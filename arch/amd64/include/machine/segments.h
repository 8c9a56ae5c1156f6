/*
 * segments.h - amd64 GDT selectors (arch/amd64/machdep.c builds the
 * GDT).  The user selectors are used with SEL_UPL (ring 3) set.
 */
#ifndef _MACHINE_SEGMENTS_H_
#define _MACHINE_SEGMENTS_H_

#define GSEL_KCODE	0x08	/* 64-bit kernel code */
#define GSEL_KDATA	0x10	/* kernel data and stack */
#define GSEL_UCODE32	0x18	/* 32-bit user code: sysret's base */
#define GSEL_UDATA	0x20	/* user data and stack */
#define GSEL_UCODE	0x28	/* 64-bit user code */
#define SEL_UPL		3	/* requested privilege level: user */

#endif /* !_MACHINE_SEGMENTS_H_ */
