/*
 * devtest.h - /dev/devtest, the device-pager test device (kernel/
 * dev_devtest.c), shared with its tests (tests/user/devpager_test.c).
 *
 * /dev/devtest is DEVTEST_PAGES pages long.  Its d_mmap maps page i of
 * the device to page i of a kernel buffer of ordinary RAM that the
 * device allocated at boot, wired for kernel memory (wire_count 1,
 * reason kmem): the RAM pages are also wired elsewhere, which is what
 * SEMANTICS R61 (PR kern/29915) needs.  read(2) reads the buffer
 * through the kernel's own mapping, so a test can see that a store
 * through a mapping of the device reached that RAM.  MAP_PRIVATE is
 * EINVAL (R64).  Root only (mode 0600).
 */
#ifndef _SYS_DEVTEST_H_
#define _SYS_DEVTEST_H_

#include <sys/ioccom.h>

#define DEVTEST_PAGES	4

struct devtest_info {
	/* The device's VM object: all 0 when nothing maps the device. */
	__INT32_TYPE__	di_mapped;	/* 1 if it has an object */
	__INT32_TYPE__	di_ref_count;	/* its references (mappings) */
	__INT32_TYPE__	di_resident;	/* pages in the object */
	__INT32_TYPE__	di_fake_pages;	/* fake pages on its list */
	__UINT32_TYPE__	di_fake_wire_min; /* least wire count of those */
	__UINT32_TYPE__	di_fake_wire_max; /* greatest */
	/* The RAM pages behind the device: their wire counts. */
	__UINT32_TYPE__	di_ram_wire[DEVTEST_PAGES];
};

#define DEVTEST_GETINFO	_IOR('D', 1, struct devtest_info)

#endif /* !_SYS_DEVTEST_H_ */
