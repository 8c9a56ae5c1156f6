/*
 * dev_devtest.c - /dev/devtest, the device-pager test device (see
 * sys/devtest.h for what it is; tests/user/devpager_test.c uses it).
 *
 * Its d_mmap maps page i of the device to page i of a buffer of
 * ordinary RAM the device allocated at boot (kernel memory: wired, in
 * the page array, found by PHYS_TO_VM_PAGE).  A mapping of the device
 * still gets fake pages (SEMANTICS R59): the VM must never treat the
 * RAM page as the mapping's page, and unwiring the mapping must leave
 * the RAM page's wire count alone (R61, PR kern/29915).  The ioctl
 * DEVTEST_GETINFO reports the device object's fake pages and their
 * wire counts (R59, R62) and the RAM pages' wire counts (R61).
 *
 * Locking: the buffer's pages are constant after devtest_attach (boot);
 * the object's state is read under its locks (dev_pager_info).
 */
#include <sys/errno.h>
#include <sys/devtest.h>
#include <sys/_mman.h>
#include <kernel/systm.h>
#include <kernel/devfs.h>
#include <vm/vm.h>
#include <vm/vm_object.h>
#include <vm/vm_page.h>
#include <vm/vm_pager.h>
#include <vm/pmap.h>
#include <machine/vmparam.h>

static vm_page_t devtest_pages[DEVTEST_PAGES];	/* (c) the RAM behind it */

void
devtest_attach(void)
{
	int i;

	for (i = 0; i < DEVTEST_PAGES; i++) {
		if (devtest_pages[i] != NULL)
			continue;
		/* In the direct map, so that read(2) can reach it. */
		devtest_pages[i] = vm_page_alloc_noobj(VM_ALLOC_KMEM |
		    VM_ALLOC_DIRECT | VM_ALLOC_ZERO);
		if (devtest_pages[i] == NULL)
			panic("devtest_attach: no memory");
	}
}

/* d_mmap: page i of the device is page i of the buffer. */
static int
devtest_d_mmap(void *handle, vm_ooffset_t offset, vm_paddr_t *paddr,
    vm_memattr_t *memattr)
{
	(void)handle, (void)memattr;
	if (offset >= ptoa(DEVTEST_PAGES))
		return (ENXIO);
	*paddr = VM_PAGE_TO_PHYS(devtest_pages[atop(offset)]);
	return (0);
}

static const struct dev_pager_ops devtest_pager_ops = {
	.d_mmap = devtest_d_mmap,
};

/* fo_mmap (see file.h): the device's one object, MAP_SHARED only. */
static int
devtest_mmap(struct file *fp, vm_size_t size, vm_ooffset_t offset,
    vm_prot_t prot, int flags, vm_prot_t *maxprotp,
    struct vm_object **objp)
{
	vm_ooffset_t len = ptoa(DEVTEST_PAGES);
	vm_object_t object;

	(void)fp, (void)prot;
	if ((flags & MAP_PRIVATE) != 0)
		return (EINVAL);
	if (offset > len || size > len - offset)
		return (ENXIO);
	object = dev_pager_alloc((void *)&devtest_pager_ops,
	    &devtest_pager_ops, len);
	if (object == NULL)
		return (ENOMEM);
	*maxprotp = VM_PROT_ALL;
	*objp = object;
	return (0);
}

/* read: the buffer's bytes, through the kernel's direct map. */
static int
devtest_read(struct file *fp, void *ubuf, size_t len, size_t *done)
{
	vm_ooffset_t off;
	size_t n;
	char *src;
	int error;

	for (*done = 0; *done < len; *done += n, fp->f_offset += n) {
		off = (vm_ooffset_t)fp->f_offset;
		if (fp->f_offset < 0 || off >= ptoa(DEVTEST_PAGES))
			break;
		n = MIN(len - *done, (size_t)(PAGE_SIZE - (off & PAGE_MASK)));
		src = (char *)PHYS_TO_DMAP(VM_PAGE_TO_PHYS(
		    devtest_pages[atop(off)])) + (off & PAGE_MASK);
		if ((error = copyout(src, (char *)ubuf + *done, n)) != 0)
			return (error);
	}
	return (0);
}

static int
devtest_ioctl(struct file *fp, u_long cmd, void *data)
{
	struct devtest_info *di = data;
	struct dev_pager_info pi;
	int i;

	(void)fp;
	if (cmd != DEVTEST_GETINFO)
		return (ENOTTY);
	memset(di, 0, sizeof(*di));
	if (dev_pager_info((void *)&devtest_pager_ops, &pi) == 0) {
		di->di_mapped = 1;
		di->di_ref_count = pi.ref_count;
		di->di_resident = pi.resident;
		di->di_fake_pages = pi.fake_pages;
		di->di_fake_wire_min = pi.wire_min;
		di->di_fake_wire_max = pi.wire_max;
	}
	/* An unlocked read of a count: a snapshot, enough for a test. */
	for (i = 0; i < DEVTEST_PAGES; i++)
		di->di_ram_wire[i] = devtest_pages[i]->wire_count;
	return (0);
}

const struct fileops devtest_ops = {
	.fo_read = devtest_read,
	.fo_stat = devfs_stat,
	.fo_ioctl = devtest_ioctl,
	.fo_mmap = devtest_mmap,
	.fo_seekable = true,
};
