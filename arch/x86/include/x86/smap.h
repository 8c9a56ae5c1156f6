/*
 * smap.h - keeping ring 0 out of user pages: SMEP (no executing them)
 * and SMAP (no touching them outside copyin/copyout), on when the CPU
 * has them.  See arch/x86/x86_smap.c.
 */
#ifndef _X86_SMAP_H_
#define _X86_SMAP_H_

#include <stdbool.h>

/*
 * Whether CR4.SMEP / CR4.SMAP are on.  Constant after smap_init().
 * smap_enabled is read by the assembly that opens and closes the user
 * access window (arch/x86/smap.inc), as a byte.
 */
extern bool smep_enabled;
extern bool smap_enabled;

/*
 * smap_init: turn SMEP and SMAP on if the CPU has them and print which
 * are on.  Boot only, once, before anything runs in user mode.
 */
void	smap_init(void);

#endif /* !_X86_SMAP_H_ */
