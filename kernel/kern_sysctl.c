/*
 * kern_sysctl.c - sysctl by name (see sysctl.h): the lookup in the set
 * of declared values, the system calls, and the kernel's own values
 * (kern.*, hw.*; the VM declares its counters in vm/vm_meter.c).
 *
 * __sysctlbyname(name, namelen, old, oldlenp, new, newlen) reads a
 * value (old, oldlenp) and/or sets one (new, newlen): only root, only
 * the values declared settable (SYSCTL_INT_SET: an int, newlen
 * sizeof(int)); setting any other is EPERM.  The old value is read
 * before the new one is set.  sysctl.next(name)
 * is how a program lists them all: __sysctl_next(name, namelen, buf,
 * buflen), a Vise call (FreeBSD walks numeric MIBs instead), gives the
 * name that follows `name` in sorted order ("" for the first), ENOENT
 * after the last.  A node (SYSCTL_NODE_OPAQUE, sysctl.h) also answers
 * for the names under it, which the listing does not enumerate.
 */
#include <sys/errno.h>
#include <kernel/systm.h>
#include <kernel/clock.h>
#include <kernel/malloc.h>
#include <kernel/priv.h>
#include <kernel/proc.h>
#include <kernel/syscallvar.h>
#include <kernel/sysctl.h>
#include <machine/param.h>

SET_DECLARE(set_sysctl, const struct sysctl_oid);

#define SYSCTL_NAMELEN	128
#define SYSCTL_VALUE_MAX	(64 * 1024)	/* the largest value read */

/*
 * The oid of `name`: the one of that name, or the node it is under
 * ("kern.proc.vmmap.12"); *restp gets what follows the node's name and
 * its "." ("" for an exact match).
 */
static const struct sysctl_oid *
sysctl_find(const char *name, const char **restp)
{
	const struct sysctl_oid * const *oidp;
	size_t len;

	SET_FOREACH(oidp, set_sysctl)
		if (strcmp((*oidp)->oid_name, name) == 0) {
			*restp = "";
			return (*oidp);
		}
	SET_FOREACH(oidp, set_sysctl) {
		if (!(*oidp)->oid_node)
			continue;
		len = strlen((*oidp)->oid_name);
		if (strncmp((*oidp)->oid_name, name, len) == 0 &&
		    name[len] == '.') {
			*restp = name + len + 1;
			return (*oidp);
		}
	}
	return (NULL);
}

/* The value of `oid`, its address and size. */
static const void *
sysctl_value(const struct sysctl_oid *oid, size_t *lenp)
{
	switch (oid->oid_type) {
	case SYSCTL_TYPE_ULONG:
		*lenp = sizeof(unsigned long);
		break;
	case SYSCTL_TYPE_INT:
		*lenp = sizeof(int);
		break;
	default:
		*lenp = strlen(oid->oid_arg) + 1;
		break;
	}
	return (oid->oid_arg);
}

/* kernel_sysctlbyname: see sysctl.h. */
int
kernel_sysctlbyname(const char *name, void *old, size_t *oldlenp)
{
	const struct sysctl_oid *oid;
	sysctl_node_handler_t *nhandler;
	sysctl_handler_t *handler;
	const char *rest;
	const void *val;
	size_t len;

	if ((oid = sysctl_find(name, &rest)) == NULL)
		return (ENOENT);
	if (oid->oid_node) {
		nhandler = (sysctl_node_handler_t *)(uintptr_t)oid->oid_arg;
		return (nhandler(rest, old, oldlenp));
	}
	if (*rest != '\0')
		return (ENOENT);
	if (oid->oid_type == SYSCTL_TYPE_OPAQUE) {
		handler = (sysctl_handler_t *)(uintptr_t)oid->oid_arg;
		len = handler(old, old != NULL ? *oldlenp : 0);
		if (old != NULL && len > *oldlenp)
			return (ENOMEM);
		*oldlenp = len;
		return (0);
	}
	val = sysctl_value(oid, &len);
	if (old != NULL) {
		if (*oldlenp < len)
			return (ENOMEM);
		memcpy(old, val, len);
	}
	*oldlenp = len;
	return (0);
}

/* Copy in a sysctl name of namelen bytes (no NUL needed). */
static int
sysctl_name_in(const void *uname, size_t namelen, char *name)
{
	int error;

	if (namelen >= SYSCTL_NAMELEN)
		return (ENAMETOOLONG);
	if ((error = copyin(uname, name, namelen)) != 0)
		return (error);
	name[namelen] = '\0';
	return (0);
}

/*
 * May curthread set `name` to a value of `newlen` bytes?  0, ENOENT,
 * EPERM (not settable, or not root), EINVAL (not an int's size).
 */
static int
sysctl_set_check(struct thread *td, const char *name, size_t newlen)
{
	const struct sysctl_oid *oid;
	const char *rest;

	if ((oid = sysctl_find(name, &rest)) == NULL)
		return (ENOENT);
	if (oid->oid_set == NULL || *rest != '\0')
		return (EPERM);
	if (priv_check(td, PRIV_SYSCTL_WRITE) != 0)
		return (EPERM);
	if (newlen != sizeof(int))
		return (EINVAL);
	return (0);
}

/* Set checked `name` to the int at user address `unew`. */
static int
sysctl_set(const char *name, const void *unew)
{
	const struct sysctl_oid *oid;
	const char *rest;
	int error, v;

	if ((error = copyin(unew, &v, sizeof(v))) != 0)
		return (error);
	oid = sysctl_find(name, &rest);
	return (oid->oid_set(v));
}

/*
 * sys___sysctlbyname: the value of a name into a user buffer.  The
 * value is taken into the kernel first, so a counter read is one
 * moment's value even if the copyout faults and sleeps.
 */
int
sys___sysctlbyname(struct thread *td, syscallarg_t *args,
    syscallarg_t *retval)
{
	char name[SYSCTL_NAMELEN];
	size_t len, ulen;
	void *val;
	int error;

	(void)td, (void)retval;
	if ((error = sysctl_name_in((const void *)args[0], args[1], name)) !=
	    0)
		return (error);
	if (args[4] != 0 || args[5] != 0) {
		if ((error = sysctl_set_check(td, name, args[5])) != 0)
			return (error);
		if (args[3] == 0)
			return (sysctl_set(name, (const void *)args[4]));
	}
	if (args[3] == 0)
		return (EINVAL);
	if ((error = copyin((void *)args[3], &ulen, sizeof(ulen))) != 0)
		return (error);
	if ((error = kernel_sysctlbyname(name, NULL, &len)) != 0)
		return (error);
	if (args[2] != 0) {
		if (ulen < len)
			return (ENOMEM);
		if (len > SYSCTL_VALUE_MAX)
			return (E2BIG);
		if ((val = malloc(len + 1, M_TEMP, M_NOWAIT)) == NULL)
			return (ENOMEM);
		/* The value may have grown since it was measured. */
		error = kernel_sysctlbyname(name, val, &len);
		if (error == 0)
			error = copyout(val, (void *)args[2], len);
		free(val, M_TEMP);
		if (error != 0)
			return (error);
	}
	if ((error = copyout(&len, (void *)args[3], sizeof(len))) != 0)
		return (error);
	if (args[4] != 0 || args[5] != 0)
		return (sysctl_set(name, (const void *)args[4]));
	return (0);
}

/* sys___sysctl_next: the name after args[0] in sorted order. */
int
sys___sysctl_next(struct thread *td, syscallarg_t *args,
    syscallarg_t *retval)
{
	const struct sysctl_oid * const *oidp;
	const char *best = NULL;
	char name[SYSCTL_NAMELEN];
	size_t len;
	int error;

	(void)td, (void)retval;
	if ((error = sysctl_name_in((const void *)args[0], args[1], name)) !=
	    0)
		return (error);
	SET_FOREACH(oidp, set_sysctl)
		if (strcmp((*oidp)->oid_name, name) > 0 &&
		    (best == NULL || strcmp((*oidp)->oid_name, best) < 0))
			best = (*oidp)->oid_name;
	if (best == NULL)
		return (ENOENT);
	len = strlen(best) + 1;
	if (args[3] < len)
		return (ENOMEM);
	return (copyout(best, (void *)args[2], len));
}

/*
 * sys___sysctl_type: the type of a name's value, so that a program can
 * print it: 0 an unsigned long, 1 an int, 2 a string.  ENOENT.
 */
int
sys___sysctl_type(struct thread *td, syscallarg_t *args,
    syscallarg_t *retval)
{
	const struct sysctl_oid *oid;
	char name[SYSCTL_NAMELEN];
	const char *rest;
	int error;

	(void)td;
	if ((error = sysctl_name_in((const void *)args[0], args[1], name)) !=
	    0)
		return (error);
	if ((oid = sysctl_find(name, &rest)) == NULL)
		return (ENOENT);
	retval[0] = oid->oid_type;
	return (0);
}

/* The kernel's own. */
static const char ostype[] = "Vise";
static const char osrelease[] = "0.5";
#ifdef __x86_64__
static const char machine[] = "amd64";
#else
static const char machine[] = "i386";
#endif
static const int hz = HZ;
static const int pagesize = PAGE_SIZE;

SYSCTL_STRING(kern_ostype, "kern.ostype", ostype, "operating system");
SYSCTL_STRING(kern_osrelease, "kern.osrelease", osrelease, "release");
SYSCTL_STRING(hw_machine, "hw.machine", machine, "machine class");
SYSCTL_INT(kern_hz, "kern.hz", &hz, "clock interrupts per second");
SYSCTL_INT(hw_pagesize, "hw.pagesize", &pagesize, "page size in bytes");
