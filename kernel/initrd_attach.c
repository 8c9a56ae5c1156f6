/*
 * initrd_attach.c - finding the initrd among the boot modules and
 * handing its bytes to initrd_init (initrd.c, which is pure and also
 * runs on the host).
 *
 * GRUB loads the archive with "module2 /boot/initrd.tar initrd"
 * (boot/grub.cfg.in); the module's command line is how it is told from
 * other modules.  vm_phys_init already keeps module pages out of the
 * page allocator, so the bytes stay where GRUB put them for as long as
 * the kernel runs, and the tree points into them.
 */
#include <kernel/systm.h>
#include <kernel/bootinfo.h>
#include <kernel/initrd.h>
#include <vm/vm.h>
#include <vm/pmap.h>
#include <machine/vmparam.h>

#define INITRD_MODULE_CMDLINE	"initrd"

/* The attached archive's bytes (for /dev/initrd), or NULL. */
static const void *initrd_image_va;
static size_t initrd_image_len;

/* initrd_image: see initrd.h. */
const void *
initrd_image(size_t *lenp)
{
	*lenp = initrd_image_va != NULL ? initrd_image_len : 0;
	return (initrd_image_va);
}

/*
 * The module's bytes in kernel VA: through the direct map when it lies
 * inside it (always on amd64; on i386 below 512 MiB, where GRUB puts
 * modules in practice), else through a mapping of its own.
 */
static const void *
initrd_map(const struct bi_module *m)
{
	if (m->end <= VM_DIRECT_MAX_PA)
		return ((const void *)PHYS_TO_DMAP(m->start));
	return (pmap_mapdev_attr(m->start, m->end - m->start,
	    VM_MEMATTR_DEFAULT));
}

/*
 * initrd_attach: see initrd.h.  Boot only, after vm_mem_init (the
 * pmap and kernel malloc must work); no locks; never sleeps.
 */
void
initrd_attach(void)
{
	const struct bi_module *m = NULL;
	struct initrd_stats st;
	const void *image;
	int i, error;

	for (i = 0; i < bootinfo.nmodules; i++)
		if (strcmp(bootinfo.modules[i].cmdline,
		    INITRD_MODULE_CMDLINE) == 0) {
			m = &bootinfo.modules[i];
			break;
		}
	if (m == NULL) {
		printf("initrd: none (no boot module named \"%s\")\n",
		    INITRD_MODULE_CMDLINE);
		return;
	}
	if ((image = initrd_map(m)) == NULL) {
		printf("initrd: no kernel VA to map the module at %#llx\n",
		    (unsigned long long)m->start);
		return;
	}
	error = initrd_init(image, (size_t)(m->end - m->start));
	if (error != 0) {
		printf("initrd: the module at %#llx is not usable (error %d); "
		    "no initrd\n", (unsigned long long)m->start, error);
		return;
	}
	initrd_image_va = image;
	initrd_image_len = (size_t)(m->end - m->start);
	initrd_get_stats(&st);
	printf("initrd: %u files, %u directories, %u symlinks, %llu bytes "
	    "of files in a %zu-byte archive at %#llx\n", st.files,
	    st.directories, st.symlinks, (unsigned long long)st.file_bytes,
	    st.image_bytes, (unsigned long long)m->start);
}
