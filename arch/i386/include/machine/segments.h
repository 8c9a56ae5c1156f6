/*
 * segments.h - i386 GDT selectors (arch/i386/machdep.c builds the GDT;
 * the TSS is at 0x18).  The user selectors are used with SEL_UPL (ring
 * 3) set.  All segments are flat: base 0, limit 4 GiB, except GUGS,
 * user data whose base is the running thread's TLS base (rewritten at
 * every switch to a user thread, sys_machdep.c): user %gs holds it.
 */
#ifndef _MACHINE_SEGMENTS_H_
#define _MACHINE_SEGMENTS_H_

#define GSEL_KCODE	0x08	/* kernel code */
#define GSEL_KDATA	0x10	/* kernel data and stack */
#define GSEL_UCODE	0x20	/* user code */
#define GSEL_UDATA	0x28	/* user data and stack */
#define GSEL_UGS	0x30	/* user %gs: the thread's TLS */
#define SEL_UPL		3	/* requested privilege level: user */

#ifndef __ASSEMBLER__
/* machdep.c: the base of GSEL_UGS (TLS).  Interrupts off. */
void	i386_set_ugs_base(unsigned int base);
#endif

#endif /* !_MACHINE_SEGMENTS_H_ */
