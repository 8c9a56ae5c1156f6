/*
 * _kinfo_vmentry.h - one entry of a process's address map as the
 * kern.proc.vmmap.<pid> sysctl reports it (an array of these, in
 * address order), for procstat -v.  Shared by the kernel and libc.
 * FreeBSD's struct kinfo_vmentry, reduced to what Vise has; the same
 * layout on i386 and amd64.
 */
#ifndef _SYS__KINFO_VMENTRY_H_
#define _SYS__KINFO_VMENTRY_H_

/* kve_protection, kve_max_protection: bits (PROT_* values) */
#define KVME_PROT_READ		0x01
#define KVME_PROT_WRITE		0x02
#define KVME_PROT_EXEC		0x04

/* kve_inheritance (FreeBSD's VM_INHERIT_* and INHERIT_* values) */
#define KVME_INHERIT_SHARE	0
#define KVME_INHERIT_COPY	1
#define KVME_INHERIT_NONE	2
#define KVME_INHERIT_ZERO	3

/* kve_type: what the entry maps (the last object of its shadow chain) */
#define KVME_TYPE_NONE		0	/* no object yet */
#define KVME_TYPE_DEFAULT	1	/* anonymous memory */
#define KVME_TYPE_SWAP		3	/* a tmpfs file or shm object */
#define KVME_TYPE_DEVICE	4
#define KVME_TYPE_PHYS		5
#define KVME_TYPE_DEAD		6
#define KVME_TYPE_GUARD		9	/* a guard or a stack's gap */
#define KVME_TYPE_KBUF		10	/* a kernel buffer's copies (Vise:
					   program images from the initrd) */
#define KVME_TYPE_SHPAGE	11	/* the shared page: the clock's
					   record for libc (Vise) */
#define KVME_TYPE_UNKNOWN	255

/* kve_flags */
#define KVME_FLAG_COW		0x0001	/* copy on write */
#define KVME_FLAG_NEEDS_COPY	0x0002	/* needs a shadow before a write */
#define KVME_FLAG_GROWS_DOWN	0x0020	/* a stack */
#define KVME_FLAG_USER_WIRED	0x0040	/* wired by mlock (the user wiring) */
#define KVME_FLAG_IN_TRANSITION	0x0100	/* being wired or unwired (Vise) */
#define KVME_FLAG_GUARD		0x0200	/* a guard entry (Vise) */
#define KVME_FLAG_NOFAULT	0x0400	/* no object: faults fail (Vise) */

struct kinfo_vmentry {
	__UINT64_TYPE__	kve_start;		/* first address */
	__UINT64_TYPE__	kve_end;		/* one past the last */
	__UINT64_TYPE__	kve_offset;		/* where in the object */
	__UINT64_TYPE__	kve_resident;		/* pages mapped in the pmap */
	__INT32_TYPE__	kve_protection;		/* KVME_PROT_* */
	__INT32_TYPE__	kve_max_protection;	/* KVME_PROT_* */
	__INT32_TYPE__	kve_inheritance;	/* KVME_INHERIT_* */
	__INT32_TYPE__	kve_wired_count;	/* wirings: user (0/1) + system */
	__INT32_TYPE__	kve_flags;		/* KVME_FLAG_* */
	__INT32_TYPE__	kve_type;		/* KVME_TYPE_* */
	__INT32_TYPE__	kve_ref_count;		/* references to the object */
	__INT32_TYPE__	kve_shadow_count;	/* shadows backed by it */
	__INT32_TYPE__	kve_shadow_depth;	/* backing objects behind it */
	__INT32_TYPE__	kve_wired;		/* pages mapped by wired PTEs (Vise) */
};

#endif /* !_SYS__KINFO_VMENTRY_H_ */
