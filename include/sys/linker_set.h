/*
 * linker_set.h - linker sets: arrays assembled by the linker from
 * declarations scattered over many files (the kernel self tests register
 * themselves this way).
 *
 * DATA_SET(set, sym) puts a pointer to sym into section "set".  The
 * kernel linker scripts define __start_set / __stop_set around each set
 * they know; on the host GNU ld defines them by itself.
 */
#ifndef _SYS_LINKER_SET_H_
#define _SYS_LINKER_SET_H_

#include <sys/cdefs.h>

#define DATA_SET(set, sym)						\
	static const void *const __CONCAT(__set_##set##_, sym)		\
	__section(#set) __used = &(sym)

#define SET_DECLARE(set, ptype)						\
	extern ptype *const __start_##set[] __attribute__((__weak__));	\
	extern ptype *const __stop_##set[] __attribute__((__weak__))

#define SET_BEGIN(set)	(__start_##set)
#define SET_LIMIT(set)	(__stop_##set)

/* Iterate: pvar has type ptype *const *, so *pvar is the element. */
#define SET_FOREACH(pvar, set)						\
	for (pvar = SET_BEGIN(set); pvar < SET_LIMIT(set); pvar++)

#define SET_COUNT(set)	(SET_LIMIT(set) - SET_BEGIN(set))

#endif /* !_SYS_LINKER_SET_H_ */
