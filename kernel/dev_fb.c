/*
 * dev_fb.c - /dev/fb0: the screen the boot loader set up, mapped into
 * user space through the device pager (vm/device_pager.c).
 *
 * It is the framebuffer of the multiboot2 information (kernel/
 * bootinfo.h): a linear framebuffer (UEFI; BIOS when GRUB is asked for
 * a graphics gfxpayload), mapped write-combining, or, under BIOS in
 * text mode (what `make qemu` and the tests boot), the VGA text buffer
 * at 0xB8000, mapped uncached.  Neither is RAM the VM manages: each
 * page a mapping touches gets a fake page (SEMANTICS R59).  The kernel's
 * screen console writes to the same memory.
 *
 * mmap: MAP_SHARED only (MAP_PRIVATE is EINVAL, R64: copy-on-write
 * must never meet a fake page); PROT_WRITE needs a descriptor open for
 * writing (EACCES, vm_mmap.c); a range past the end of the screen is
 * ENXIO.  ioctl: FBIOGTYPE (geometry) and FBIO_GETLINEWIDTH (pitch),
 * sys/fbio.h; anything else ENOTTY.  With no screen at all (a boot
 * loader that gave none), mmap and the ioctls are ENXIO.
 */
#include <sys/errno.h>
#include <sys/fbio.h>
#include <sys/_mman.h>
#include <kernel/systm.h>
#include <kernel/bootinfo.h>
#include <kernel/devfs.h>
#include <vm/vm.h>
#include <vm/vm_object.h>
#include <vm/vm_pager.h>

/* The screen's size in bytes, or 0 if there is none. */
static vm_ooffset_t
fb_size(void)
{
	const struct bi_framebuffer *fb = &bootinfo.fb;

	if (fb->type != BI_FB_RGB && fb->type != BI_FB_EGA_TEXT)
		return (0);
	return ((vm_ooffset_t)fb->pitch * fb->height);
}

/* d_mmap: the screen's bytes are physically contiguous. */
static int
fb_d_mmap(void *handle, vm_ooffset_t offset, vm_paddr_t *paddr,
    vm_memattr_t *memattr)
{
	(void)handle;
	if (offset >= round_page(fb_size()))
		return (ENXIO);
	*paddr = trunc_page(bootinfo.fb.addr) + offset;
	*memattr = bootinfo.fb.type == BI_FB_RGB ?
	    VM_MEMATTR_WRITE_COMBINING : VM_MEMATTR_UNCACHEABLE;
	return (0);
}

static const struct dev_pager_ops fb_pager_ops = {
	.d_mmap = fb_d_mmap,
};

/* fo_mmap (see file.h): the device's one object, shared. */
static int
fb_mmap(struct file *fp, vm_size_t size, vm_ooffset_t offset,
    vm_prot_t prot, int flags, vm_prot_t *maxprotp, struct vm_object **objp)
{
	vm_ooffset_t len = round_page(fb_size());
	vm_object_t object;

	(void)prot;
	if (len == 0)
		return (ENXIO);
	if ((flags & MAP_PRIVATE) != 0)
		return (EINVAL);
	if (offset > len || size > len - offset)
		return (ENXIO);
	object = dev_pager_alloc((void *)&fb_pager_ops, &fb_pager_ops, len);
	if (object == NULL)
		return (ENOMEM);
	*maxprotp = VM_PROT_ALL;
	*objp = object;
	return (0);
}

static int
fb_ioctl(struct file *fp, u_long cmd, void *data)
{
	const struct bi_framebuffer *fb = &bootinfo.fb;
	struct fbtype *ft;

	(void)fp;
	if (cmd != FBIOGTYPE && cmd != FBIO_GETLINEWIDTH)
		return (ENOTTY);
	if (fb_size() == 0)
		return (ENXIO);
	if (cmd == FBIO_GETLINEWIDTH) {
		*(unsigned int *)data = fb->pitch;
		return (0);
	}
	ft = data;
	memset(ft, 0, sizeof(*ft));
	ft->fb_type = fb->type == BI_FB_RGB ? FBTYPE_VISE_LINEAR :
	    FBTYPE_VISE_EGA_TEXT;
	ft->fb_height = (int)fb->height;
	ft->fb_width = (int)fb->width;
	ft->fb_depth = fb->bpp;
	ft->fb_size = (int)fb_size();
	return (0);
}

const struct fileops fb_ops = {
	.fo_stat = devfs_stat,
	.fo_ioctl = fb_ioctl,
	.fo_mmap = fb_mmap,
};
