/*
 * kern_sysctl_rw.c - the write handler of the values root may set
 * (SYSCTL_INT_RW, SYSCTL_ULONG_RW; sysctl.h) and what other write
 * handlers share.  Apart from
 * kern_sysctl.c so that the VM's host build, which declares such
 * values (vm/vm_inject.c), links it too.
 */
#include <sys/errno.h>
#include <kernel/systm.h>
#include <kernel/sysctl.h>

/* sysctl_handle_value: see sysctl.h. */
int
sysctl_handle_value(const struct sysctl_oid *oid, const void *new,
    size_t newlen)
{
	void *var = (void *)(uintptr_t)oid->oid_arg;

	switch (oid->oid_type) {
	case SYSCTL_TYPE_INT:
		if (newlen != sizeof(int))
			return (EINVAL);
		*(volatile int *)var = *(const int *)new;
		return (0);
	case SYSCTL_TYPE_ULONG:
		if (newlen != sizeof(unsigned long))
			return (EINVAL);
		*(volatile unsigned long *)var = *(const unsigned long *)new;
		return (0);
	default:
		return (EPERM);
	}
}

/* sysctl_int_in: see sysctl.h. */
int
sysctl_int_in(const void *new, size_t newlen, int *v)
{
	if (newlen != sizeof(int))
		return (EINVAL);
	*v = *(const int *)new;
	return (0);
}
