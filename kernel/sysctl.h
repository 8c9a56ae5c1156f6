/*
 * sysctl.h - named kernel values readable from user space with
 * sysctlbyname(3) (kernel/kern_sysctl.c).
 *
 * Each value is declared where it lives, with one of the macros below;
 * they collect into a linker set, so there is no central table to
 * edit.  Names follow FreeBSD's ("vm.stats.vm.v_free_count").  All are
 * read-only for now.  A node (SYSCTL_NODE_OPAQUE) answers for every name
 * below its own: "kern.proc.vmmap.12" is the node "kern.proc.vmmap"
 * asked about "12" (FreeBSD's numeric MIB would be {..., 12}).
 * A value declared with SYSCTL_INT_SET can also be set, by root, through
 * its set handler (`sysctl debug.kdb.enter=1`).
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
 * A settable int's handler (SYSCTL_INT_SET): take new value `v`; 0 or
 * an errno (EINVAL: not a value it takes).  Thread context, on behalf
 * of a privileged curthread; may sleep.
 */
typedef int sysctl_set_handler_t(int v);

struct sysctl_oid {
	const char	*oid_name;	/* the full dotted name */
	enum sysctl_type oid_type;
	const void	*oid_arg;	/* the variable */
	const char	*oid_descr;
	int		oid_node;	/* oid_arg is a sysctl_node_handler_t */
	sysctl_set_handler_t *oid_set;	/* settable: how; else NULL */
};

#define SYSCTL_OID(id, name, type, ptr, descr)				\
	static const struct sysctl_oid __CONCAT(sysctl_, id) = {	\
		(name), (type), (ptr), (descr), 0, NULL		\
	};								\
	DATA_SET(set_sysctl, __CONCAT(sysctl_, id))

/* SYSCTL_ULONG(id, "a.b.c", &var, "what it is"); likewise INT, STRING. */
#define SYSCTL_ULONG(id, name, ptr, descr)				\
	SYSCTL_OID(id, name, SYSCTL_TYPE_ULONG, ptr, descr)
#define SYSCTL_INT(id, name, ptr, descr)				\
	SYSCTL_OID(id, name, SYSCTL_TYPE_INT, ptr, descr)
#define SYSCTL_STRING(id, name, str, descr)				\
	SYSCTL_OID(id, name, SYSCTL_TYPE_STRING, str, descr)
/* SYSCTL_INT_SET(id, "a.b", &var, set, "what"): an int root may set. */
#define SYSCTL_INT_SET(id, name, ptr, set, descr)			\
	static const struct sysctl_oid __CONCAT(sysctl_, id) = {	\
		(name), SYSCTL_TYPE_INT, (ptr), (descr), 0, (set)	\
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
 * kernel_sysctlbyname: the value of `name` into `old` (at most *oldlenp
 * bytes; *oldlenp gets the size, also when old is NULL).  ENOENT,
 * ENOMEM (the buffer is too small: it gets nothing), or a node
 * handler's error.  Thread context; may sleep if the name is a node's.
 */
int	kernel_sysctlbyname(const char *name, void *old, size_t *oldlenp);

#endif /* !_KERNEL_SYSCTL_H_ */
