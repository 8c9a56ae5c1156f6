/*
 * _sysarch.h - sysarch(2)'s operations (FreeBSD's numbers): the base
 * of the segment a thread's TLS pointer lives in.  amd64 has %fs,
 * i386 %gs (libc reads its thread control block at offset 0 there);
 * each ARCH accepts its own pair and refuses the other (EINVAL).
 *
 *	sysarch(op, parms): parms points at the base (a uint64_t on
 *	amd64, a uint32_t on i386), read for SET and written for GET.
 *
 * The base must be a user address (EINVAL); a bad parms is EFAULT.
 */
#ifndef _SYS__SYSARCH_H_
#define _SYS__SYSARCH_H_

#define I386_GET_GSBASE		9
#define I386_SET_GSBASE		10
#define AMD64_GET_FSBASE	128
#define AMD64_SET_FSBASE	129

#endif /* !_SYS__SYSARCH_H_ */
