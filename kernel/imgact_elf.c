/*
 * imgact_elf.c - the ELF image activator: check a static executable of
 * this ARCH (ELF64 x86-64 on amd64, ELF32 i386 on i386) and map its
 * loadable segments into the process's new address space.
 *
 * Everything is checked before exec passes its point of no return
 * (exec_elf_check, on the file's first page, which kern_exec.c read):
 * a malformed file is ENOEXEC and the old image runs on; the ELF
 * header and the program headers must lie in that first page.
 * Segments are anonymous memory filled by copyout from the file's
 * bytes, read through the VFS a page at a time into a kernel buffer
 * (exec_image_read: the initrd or a tmpfs file alike), then given the
 * protection the program header asks for; the rest of each segment
 * (bss) is zero-filled on first touch.  Two segments may not share a
 * page (each page has one protection); static programs linked by
 * user/user.ld never do.  No dynamic linking (PT_INTERP is ENOEXEC).
 *
 * The data segment, for brk (vm/vm_mmap.c's sys_break), is the last
 * writable segment, from its first page to the end of its bss; the
 * break starts right after it.  A program without one gets an empty
 * data segment after its last segment.
 */
#include <sys/errno.h>
#include <kernel/systm.h>
#include <kernel/elf.h>
#include <kernel/exec.h>
#include <kernel/malloc.h>
#include <vm/vm.h>
#include <vm/vm_map.h>
#include <machine/vmparam.h>

#define ELF_MAX_PHNUM	64

static const Elf_Phdr *
elf_phdrs(const void *image)
{
	const Elf_Ehdr *eh = image;

	return ((const Elf_Phdr *)((const char *)image + eh->e_phoff));
}

/* exec_elf_check: see exec.h. */
int
exec_elf_check(const struct image_params *imgp, vm_offset_t stack_bottom)
{
	const void *image = imgp->ip_hdr;
	const Elf_Ehdr *eh = image;
	size_t len = imgp->ip_hdrlen;
	__off_t size = imgp->ip_size;
	const Elf_Phdr *ph;
	vm_offset_t prev_end = VM_MIN_USER_ADDRESS;
	bool entry_ok = false;
	int i, nload = 0;

	if (len < sizeof(*eh) || memcmp(eh->e_ident, ELFMAG, 4) != 0 ||
	    eh->e_ident[EI_CLASS] != ELF_TARG_CLASS ||
	    eh->e_ident[EI_DATA] != ELFDATA2LSB ||
	    eh->e_ident[EI_VERSION] != EV_CURRENT || eh->e_type != ET_EXEC ||
	    eh->e_machine != ELF_TARG_MACH ||
	    eh->e_phentsize != sizeof(Elf_Phdr) || eh->e_phnum == 0 ||
	    eh->e_phnum > ELF_MAX_PHNUM || eh->e_phoff > len ||
	    (size_t)eh->e_phnum * sizeof(Elf_Phdr) > len - eh->e_phoff ||
	    eh->e_phoff % sizeof(uintptr_t) != 0)
		return (ENOEXEC);
	ph = elf_phdrs(image);
	for (i = 0; i < eh->e_phnum; i++, ph++) {
		if (ph->p_type == PT_INTERP)
			return (ENOEXEC);
		if (ph->p_type != PT_LOAD || ph->p_memsz == 0)
			continue;
		if (ph->p_filesz > ph->p_memsz ||
		    ph->p_offset > (__UINT64_TYPE__)size ||
		    ph->p_filesz > (__UINT64_TYPE__)size - ph->p_offset ||
		    (ph->p_vaddr & PAGE_MASK) != (ph->p_offset & PAGE_MASK) ||
		    ph->p_vaddr < VM_MIN_USER_ADDRESS ||
		    ph->p_vaddr > stack_bottom ||
		    ph->p_memsz > stack_bottom - ph->p_vaddr ||
		    trunc_page(ph->p_vaddr) < prev_end)
			return (ENOEXEC);
		prev_end = round_page(ph->p_vaddr + ph->p_memsz);
		if ((ph->p_flags & PF_X) != 0 && eh->e_entry >= ph->p_vaddr &&
		    eh->e_entry < ph->p_vaddr + ph->p_memsz)
			entry_ok = true;
		nload++;
	}
	return (nload > 0 && entry_ok ? 0 : ENOEXEC);
}

static vm_prot_t
elf_prot(uint32_t flags)
{
	vm_prot_t prot = VM_PROT_NONE;

	if ((flags & PF_R) != 0)
		prot |= VM_PROT_READ;
	if ((flags & PF_W) != 0)
		prot |= VM_PROT_WRITE;
	if ((flags & PF_X) != 0)
		prot |= VM_PROT_EXECUTE;
	return (prot);
}

/*
 * Copy `len` bytes of the file from `offset` to the user address `va`
 * of the active address space, a page at a time through a kernel
 * buffer.
 */
static int
elf_copy_segment(struct image_params *imgp, __off_t offset, vm_offset_t va,
    size_t len)
{
	size_t count;
	char *buf;
	int error = 0;

	if ((buf = malloc(PAGE_SIZE, M_TEMP, M_NOWAIT)) == NULL)
		return (ENOMEM);
	while (len > 0) {
		count = MIN(len, PAGE_SIZE);
		error = exec_image_read(imgp, offset, buf, count);
		if (error == 0)
			error = copyout(buf, (void *)va, count);
		if (error != 0)
			break;
		offset += (__off_t)count;
		va += count;
		len -= count;
	}
	free(buf, M_TEMP);
	return (error);
}

/* exec_elf_map: see exec.h. */
int
exec_elf_map(struct vmspace *vm, struct image_params *imgp,
    vm_offset_t *entry)
{
	const Elf_Ehdr *eh = (const Elf_Ehdr *)imgp->ip_hdr;
	const Elf_Phdr *ph = elf_phdrs(imgp->ip_hdr);
	vm_offset_t start, end;
	int i, rv, error;

	vm->vm_daddr = 0;
	vm->vm_dsize = 0;
	for (i = 0; i < eh->e_phnum; i++, ph++) {
		if (ph->p_type != PT_LOAD || ph->p_memsz == 0)
			continue;
		start = trunc_page(ph->p_vaddr);
		end = round_page(ph->p_vaddr + ph->p_memsz);
		vm_map_lock(&vm->vm_map);
		rv = vm_map_insert(&vm->vm_map, NULL, 0, start, end,
		    VM_PROT_RW, VM_PROT_ALL, 0);
		vm_map_unlock(&vm->vm_map);
		if (rv != KERN_SUCCESS)
			return (ENOMEM);
		error = elf_copy_segment(imgp, (__off_t)ph->p_offset,
		    (vm_offset_t)ph->p_vaddr, (size_t)ph->p_filesz);
		if (error != 0)
			return (error);
		if (vm_map_protect(&vm->vm_map, start, end,
		    elf_prot(ph->p_flags), false) != KERN_SUCCESS)
			return (ENOMEM);
		if ((ph->p_flags & PF_W) != 0 || vm->vm_dsize == 0) {
			vm->vm_daddr = (ph->p_flags & PF_W) != 0 ? start : end;
			vm->vm_dsize = (ph->p_flags & PF_W) != 0 ?
			    atop(end - start) : 0;
		}
	}
	*entry = eh->e_entry;
	return (0);
}
