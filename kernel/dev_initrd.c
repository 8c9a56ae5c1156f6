/*
 * dev_initrd.c - /dev/initrd: the boot archive (the initrd's ustar
 * bytes, as GRUB loaded them) read raw, from the file offset on; a
 * program can save or check the very archive the system booted from.
 *
 * It is the kernel's raw read path into a wired user buffer (SEMANTICS
 * R29): each piece of the request (at most DEVINITRD_CHUNK bytes, so a
 * large read never needs a large wiring) is vslocked, filled by a
 * kernel-side transfer through a kernel mapping of the user's own
 * pages (vsmap: the data goes "by DMA" into the pages the user's PTEs
 * map, not by copyout), and vsunlocked.  A buffer that cannot be wired
 * or written is EFAULT (for a later piece: the bytes before it are the
 * result), an mlocked buffer stays mlocked (R30).
 *
 * Locking: none; the archive is constant after boot.
 */
#include <sys/errno.h>
#include <kernel/systm.h>
#include <kernel/devsw.h>
#include <kernel/file.h>
#include <kernel/initrd.h>
#include <vm/vm.h>
#include <vm/vm_glue.h>

#define DEVINITRD_CHUNK	(64 * 1024)

/* Fill user buffer `ubuf` with `n` bytes from `src`, wired meanwhile. */
static int
devinitrd_transfer(void *ubuf, const void *src, size_t n)
{
	void *kva;
	int error;

	if ((error = vslock(ubuf, n)) != 0)
		return (error);
	if ((error = vsmap(ubuf, n, VM_PROT_WRITE, &kva)) == 0) {
		memcpy(kva, src, n);
		vsunmap(kva, n);
	}
	vsunlock(ubuf, n);
	return (error);
}

/* devinitrd_read: see devsw.h. */
int
devinitrd_read(struct file *fp, void *ubuf, size_t len, size_t *done)
{
	const char *image;
	size_t size, n;
	int error = 0;

	image = initrd_image(&size);
	*done = 0;
	while (*done < len && (uint64_t)fp->f_offset < size) {
		n = MIN(len - *done, DEVINITRD_CHUNK);
		n = MIN(n, size - (size_t)fp->f_offset);
		error = devinitrd_transfer((char *)ubuf + *done,
		    image + fp->f_offset, n);
		if (error != 0)
			break;
		*done += n;
		fp->f_offset += n;
	}
	return (*done > 0 ? 0 : error);
}
