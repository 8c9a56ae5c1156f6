/*
 * sysctl.h - named kernel values readable from user space with
 * sysctlbyname(3) (kernel/kern_sysctl.c).
 *
 * Each value is declared where it lives, with one of the macros below;
 * they collect into a linker set, so there is no central table to
 * edit.  Names follow FreeBSD's ("vm.stats.vm.v_free_count").  They
 * are read-only, except those declared with SYSCTL_INT_RW or
 * SYSCTL_ULONG_RW (a value root may set, such as the fault-injection
 * knobs of vm/vm_inject.h) and SYSCTL_WRITEONLY (root's debugging
 * hooks, such as debug.proc_poke).  A node (SYSCTL_NODE_OPAQUE)
 * answers for every name below its own: "kern.proc.vmmap.12" is the
 * node "kern.proc.vmmap" asked about "12" (FreeBSD's numeric MIB would
 * be {..., 12}).
 */
#ifndef _KERNEL_SYSCTL_H_
#define _KERNEL_SYSCTL_H_

#include <sys/cdefs.h>
#include <sys/linker_set.h>

/* The values __sysctl_type returns (the ABI: 0, 1, 2). */
enum sysctl_type {
	SYSCTL_TYPE_ULONG = 0,	/* an unsigned long */
	SYSCTL_TYPE_INT = 1,	/* an int */
	SYSCTL_TYPE_STRING = 2,	/* a NUL-terminated string */
	SYSCTL_TYPE_OPAQUE = 3,	/* bytes made by a handler (a table) */
};

/*
 * An OPAQUE value's handler: fill `buf` (`len` bytes) and return the
 * size of the whole value (more than len if it did not fit).  Thread
 * context; may not sleep.
 */
typedef size_t sysctl_handler_t(void *buf, size_t len);

/*
 * A node's handler (SYSCTL_NODE_OPAQUE): the values under a name, such
 * as "kern.proc.vmmap.<pid>".  `rest` is what follows the node's name
 * and its ".", "" for the node itself.  With `buf` NULL it sets *lenp
 * to the value's size; else it fills `buf` (*lenp bytes) and sets
 * *lenp to the size, ENOMEM if that did not fit.  Returns 0 or an
 * errno (ENOENT: no such name under the node).  Thread context, on
 * behalf of curthread (whose credentials it may check); may sleep.
 */
typedef int sysctl_node_handler_t(const char *rest, void *buf,
    size_t *lenp);

/*
 * A written value's handler (SYSCTL_WRITEONLY, SYSCTL_*_RW): `oid` is
 * the name written, `new` a kernel copy of the `newlen` bytes the
 * caller wrote.  0 or an errno.  Thread
 * context, on behalf of curthread (root: the system call checked
 * PRIV_SYSCTL_WRITE); may sleep.
 */
struct sysctl_oid;
typedef int sysctl_write_handler_t(const struct sysctl_oid *oid,
    const void *new, size_t newlen);

/*
 * sysctl_handle_value: the write handler of SYSCTL_INT_RW and
 * SYSCTL_ULONG_RW: `newlen` must be the value's size (else EINVAL);
 * the variable takes the new value in one store.
 */
sysctl_write_handler_t sysctl_handle_value;

/* sysctl_int_in: the int a write handler was given, or EINVAL. */
int	sysctl_int_in(const void *new, size_t newlen, int *v);

struct sysctl_oid {
	const char	*oid_name;	/* the full dotted name */
	enum sysctl_type oid_type;
	const void	*oid_arg;	/* the variable */
	const char	*oid_descr;
	int		oid_node;	/* oid_arg is a sysctl_node_handler_t */
	sysctl_write_handler_t *oid_write; /* takes writes (else EPERM) */
};

#define SYSCTL_OID(id, name, type, ptr, descr)				\
	static const struct sysctl_oid __CONCAT(sysctl_, id) = {	\
		(name), (type), (ptr), (descr), 0, NULL			\
	};								\
	DATA_SET(set_sysctl, __CONCAT(sysctl_, id))

/* SYSCTL_ULONG(id, "a.b.c", &var, "what it is"); likewise INT, STRING. */
#define SYSCTL_ULONG(id, name, ptr, descr)				\
	SYSCTL_OID(id, name, SYSCTL_TYPE_ULONG, ptr, descr)
#define SYSCTL_INT(id, name, ptr, descr)				\
	SYSCTL_OID(id, name, SYSCTL_TYPE_INT, ptr, descr)
#define SYSCTL_STRING(id, name, str, descr)				\
	SYSCTL_OID(id, name, SYSCTL_TYPE_STRING, str, descr)
/* The same, but root may set the value (any time: keep it one word). */
#define SYSCTL_INT_RW(id, name, ptr, descr)				\
	SYSCTL_OID_RW(id, name, SYSCTL_TYPE_INT, ptr, descr)
#define SYSCTL_ULONG_RW(id, name, ptr, descr)				\
	SYSCTL_OID_RW(id, name, SYSCTL_TYPE_ULONG, ptr, descr)
#define SYSCTL_OID_RW(id, name, type, ptr, descr)			\
	static const struct sysctl_oid __CONCAT(sysctl_, id) = {	\
		(name), (type), (ptr), (descr), 0, sysctl_handle_value	\
	};								\
	DATA_SET(set_sysctl, __CONCAT(sysctl_, id))
/*
 * SYSCTL_INT_WRITE(id, "a.b", &var, handler, "what"): an int that
 * reads as var and that root sets through `handler` (an action, or a
 * check before the store; sysctl_int_in takes the value).
 */
#define SYSCTL_INT_WRITE(id, name, ptr, handler, descr)			\
	static const struct sysctl_oid __CONCAT(sysctl_, id) = {	\
		(name), SYSCTL_TYPE_INT, (ptr), (descr), 0, (handler)	\
	};								\
	DATA_SET(set_sysctl, __CONCAT(sysctl_, id))
#define SYSCTL_OPAQUE(id, name, handler, descr)				\
	SYSCTL_OID(id, name, SYSCTL_TYPE_OPAQUE, (const void *)(handler), descr)
/*
 * SYSCTL_NODE_OPAQUE(id, "kern.proc.vmmap", handler, "what"): a table
 * for the node's name and for every name under it (handler above).
 */
#define SYSCTL_NODE_OPAQUE(id, name, handler, descr)			\
	static const struct sysctl_oid __CONCAT(sysctl_, id) = {	\
		(name), SYSCTL_TYPE_OPAQUE, (const void *)(handler),	\
		(descr), 1, NULL					\
	};								\
	DATA_SET(set_sysctl, __CONCAT(sysctl_, id))

/*
 * SYSCTL_WRITEONLY(id, "debug.x", handler, "what"): a name that takes
 * writes (sysctlbyname with `new`) and reads as an empty value.
 */
#define SYSCTL_WRITEONLY(id, name, handler, descr)			\
	static const struct sysctl_oid __CONCAT(sysctl_, id) = {	\
		(name), SYSCTL_TYPE_OPAQUE, NULL, (descr), 0, (handler)	\
	};								\
	DATA_SET(set_sysctl, __CONCAT(sysctl_, id))

/*
 * kernel_sysctlbyname: the value of `name` into `old` (at most *oldlenp
 * bytes; *oldlenp gets the size, also when old is NULL).  ENOENT,
 * ENOMEM (the buffer is too small: it gets nothing), or a node
 * handler's error.  Thread context; may sleep if the name is a node's.
 */
int	kernel_sysctlbyname(const char *name, void *old, size_t *oldlenp);

#endif /* !_KERNEL_SYSCTL_H_ */
