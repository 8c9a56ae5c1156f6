/*
 * ksyms.h - the kernel's own symbol table, generated at build time by
 * scripts/mkksyms from the first link and linked into the second, so
 * that a backtrace names functions without a debugger.
 */
#ifndef _KERNEL_KSYMS_H_
#define _KERNEL_KSYMS_H_

#include <stdint.h>

/*
 * ksyms_lookup: the name of the function containing `addr` and the
 * offset into it, or NULL if `addr` is not in the kernel's text.
 * Any context; no locks.
 */
const char *ksyms_lookup(uintptr_t addr, uintptr_t *offset);

/* ksyms_count: how many symbols the table holds (0 before the 2nd link). */
unsigned ksyms_count(void);

/*
 * stack_print: print a backtrace starting at (pc, fp), following saved
 * frame pointers; pc == 0 means "from the caller".  Any context.
 */
void	stack_print(uintptr_t pc, uintptr_t fp);

#endif /* !_KERNEL_KSYMS_H_ */
