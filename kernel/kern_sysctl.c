/*
 * kern_sysctl.c - sysctl by name (see sysctl.h): the lookup in the set
 * of declared values, the system calls, and the kernel's own values
 * (kern.*, hw.*; the VM declares its counters in vm/vm_meter.c).
 *
 * __sysctlbyname(name, namelen, old, oldlenp, new, newlen) reads a
 * value and, with `new`, then writes one: only a name declared to take
 * writes (SYSCTL_INT_RW, SYSCTL_ULONG_RW, SYSCTL_WRITEONLY), only by
 * root (PRIV_SYSCTL_WRITE), else EPERM.  sysctl.next(name)
 * is how a program lists them all: __sysctl_next(name, namelen, buf,
 * buflen), a Vise call (FreeBSD walks numeric MIBs instead), gives the
 * name that follows `name` in sorted order ("" for the first), ENOENT
 * after the last.  A node (SYSCTL_NODE_OPAQUE, sysctl.h) also answers
 * for the names under it, which the listing does not enumerate.
 *
 * A table made by a handler that may not sleep (kern.proc.all, which
 * reads the process list with interrupts off), or any table larger
 * than the kernel's bounce buffer (kern.proc.vmmap.<pid> of a map of
 * many entries), is made straight into the caller's buffer: the buffer
 * is wired first (sysctl_wire_old_buffer: vslock, SEMANTICS R29) and
 * the handler writes through a kernel window onto its pages (vsmap),
 * so it never faults; the wiring ends with the request
 * (sysctl_req_end, before the system call returns: R31).  Other
 * values are made in a kernel buffer (at most SYSCTL_VALUE_MAX bytes)
 * and copied out: a node's handler may sleep, and reading the caller's
 * own map through a wired buffer would show that buffer wired.
 */
#include <sys/errno.h>
#include <kernel/systm.h>
#include <kernel/clock.h>
#include <kernel/malloc.h>
#include <kernel/priv.h>
#include <kernel/proc.h>
#include <kernel/syscallvar.h>
#include <kernel/sysctl.h>
#include <vm/vm.h>
#include <vm/vm_glue.h>
#include <machine/param.h>

SET_DECLARE(set_sysctl, const struct sysctl_oid);

#define SYSCTL_NAMELEN	128
#define SYSCTL_VALUE_MAX	(64 * 1024)	/* the largest value copied out */

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
	if (oid->oid_arg == NULL) {		/* SYSCTL_WRITEONLY */
		*oldlenp = 0;
		return (0);
	}
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

/* A request's old buffer (the part of FreeBSD's struct sysctl_req). */
struct sysctl_req {
	void	*oldptr;	/* the caller's buffer */
	size_t	 wiredlen;	/* bytes of it vslocked (0: none) */
	void	*kva;		/* the kernel's window onto them */
	bool	 wired;
};

/*
 * Write `newlen` bytes from the user address `unew` to `name` (with
 * nothing to read back): EPERM unless the name takes writes and the
 * caller is root, E2BIG, EFAULT, or the handler's answer.
 */
static int
sysctl_write(struct thread *td, const char *name, const void *unew,
    size_t newlen)
{
	const struct sysctl_oid *oid;
	const char *rest;
	void *val;
	int error;

	if ((oid = sysctl_find(name, &rest)) == NULL)
		return (ENOENT);
	if (oid->oid_write == NULL || *rest != '\0')
		return (EPERM);
	if ((error = priv_check(td, PRIV_SYSCTL_WRITE)) != 0)
		return (error);
	if (newlen > SYSCTL_VALUE_MAX)
		return (E2BIG);
	if ((val = malloc(newlen + 1, M_TEMP, M_NOWAIT)) == NULL)
		return (ENOMEM);
	error = copyin(unew, val, newlen);
	if (error == 0)
		error = oid->oid_write(oid, val, newlen);
	free(val, M_TEMP);
	return (error);
}

/*
 * sysctl_wire_old_buffer: wire the first `len` bytes of the request's
 * old buffer (vslock) and map them for the kernel to write (vsmap), for
 * the rest of the request.  0, or vslock's and vsmap's errors (EFAULT
 * for a buffer that is not mapped or not writable, ENOMEM beyond
 * vm.max_user_wired).  May sleep.
 */
static int
sysctl_wire_old_buffer(struct sysctl_req *req, size_t len)
{
	int error;

	KASSERT(!req->wired, ("sysctl_wire_old_buffer: wired twice"));
	if ((error = vslock(req->oldptr, len)) != 0)
		return (error);
	if ((error = vsmap(req->oldptr, len, VM_PROT_WRITE, &req->kva)) != 0) {
		vsunlock(req->oldptr, len);
		return (error);
	}
	req->wiredlen = len;
	req->wired = true;
	return (0);
}

/* sysctl_req_end: the end of a request: unmap and unwire its buffer. */
static void
sysctl_req_end(struct sysctl_req *req)
{
	if (!req->wired)
		return;
	vsunmap(req->kva, req->wiredlen);
	vsunlock(req->oldptr, req->wiredlen);
	req->wired = false;
}

/*
 * A table's value straight into the caller's wired buffer (at most
 * `len` bytes, the size just measured); *lenp gets its size.
 */
static int
sysctl_table_out(const char *name, void *uold, size_t *lenp)
{
	struct sysctl_req req = { .oldptr = uold };
	int error;

	if ((error = sysctl_wire_old_buffer(&req, *lenp)) != 0)
		return (error);
	error = kernel_sysctlbyname(name, req.kva, lenp);
	sysctl_req_end(&req);
	return (error);
}

/*
 * The read part of sys___sysctlbyname: the value of `name` into
 * args[2] (if not NULL), its size into *args[3].  A table is made in
 * the wired buffer (above); any other value is taken into the kernel
 * first, so a counter read is one moment's value even if the copyout
 * faults and sleeps.
 */
static int
sysctl_get(const char *name, syscallarg_t *args)
{
	const struct sysctl_oid *oid;
	const char *rest;
	size_t len, ulen;
	void *val;
	int error;

	if ((error = copyin((void *)args[3], &ulen, sizeof(ulen))) != 0)
		return (error);
	if ((error = kernel_sysctlbyname(name, NULL, &len)) != 0)
		return (error);
	oid = sysctl_find(name, &rest);
	if (args[2] != 0 && oid->oid_type == SYSCTL_TYPE_OPAQUE &&
	    (!oid->oid_node || len > SYSCTL_VALUE_MAX)) {
		if (ulen < len)
			return (ENOMEM);
		if ((error = sysctl_table_out(name, (void *)args[2], &len)) !=
		    0)
			return (error);
	} else if (args[2] != 0) {
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
	return (copyout(&len, (void *)args[3], sizeof(len)));
}

/*
 * sys___sysctlbyname: the value of a name into a user buffer (if
 * `oldlenp` is given), then the new value if one is given
 * (sysctl_write).
 */
int
sys___sysctlbyname(struct thread *td, syscallarg_t *args,
    syscallarg_t *retval)
{
	char name[SYSCTL_NAMELEN];
	int error;

	(void)retval;
	if ((error = sysctl_name_in((const void *)args[0], args[1], name)) !=
	    0)
		return (error);
	if (args[4] != 0 || args[5] != 0) {
		/* The old value first, if asked for (as FreeBSD does). */
		if (args[3] != 0 && (error = sysctl_get(name, args)) != 0)
			return (error);
		return (sysctl_write(td, name, (const void *)args[4],
		    args[5]));
	}
	if (args[3] == 0)
		return (EINVAL);
	return (sysctl_get(name, args));
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
