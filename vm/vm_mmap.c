/*
 * vm_mmap.c - the memory-mapping system calls: mmap, munmap, mprotect,
 * msync, madvise, mincore, minherit, and break (brk/sbrk).  The work is
 * vm_map.c's; here are the arguments, their checks and the errnos.
 * (The memory-locking calls are in vm_mlock.c.)
 *
 * Errors follow POSIX where it has the call, FreeBSD where it does not
 * (mincore, minherit, madvise's advice, break).  The choices where
 * POSIX leaves room (SEMANTICS "Decisions" first):
 *  - alignment: munmap, mprotect, msync and madvise with an address
 *    that is not page-aligned are EINVAL (POSIX "shall" for the first
 *    three, "may require" for posix_madvise); mincore and minherit
 *    round it down, as FreeBSD does.  An mmap offset that is not
 *    page-aligned is EINVAL, and so is MAP_FIXED at an unaligned
 *    address.  Lengths are rounded up to whole pages.
 *  - a length of 0: mmap and munmap EINVAL (POSIX); mprotect, msync,
 *    madvise, mincore and minherit do nothing and succeed.
 *  - a range outside the user part of the address space: mmap with
 *    MAP_FIXED, mprotect, msync, madvise and mincore ENOMEM (POSIX's
 *    "invalid for the address space"); munmap and minherit EINVAL
 *    (POSIX munmap; FreeBSD minherit).
 *  - unmapped pages in the range: munmap, madvise and minherit skip
 *    them; mprotect, msync and mincore fail with ENOMEM (SEMANTICS:
 *    mprotect on an unmapped range is ENOMEM), changing nothing.
 *  - mmap flags: exactly one of MAP_SHARED and MAP_PRIVATE (except
 *    MAP_GUARD, which takes neither), else EINVAL; unknown flags or
 *    protection bits EINVAL; MAP_ANON (and MAP_STACK, MAP_GUARD) with
 *    an fd other than -1 or an offset other than 0 EINVAL; MAP_EXCL
 *    without MAP_FIXED EINVAL, with it ENOMEM if anything is mapped
 *    there; MAP_STACK needs PROT_READ|PROT_WRITE (EINVAL) and at least
 *    two pages (one for the stack, one of guard: EINVAL);
 *    MAP_HASSEMAPHORE, MAP_NOSYNC and MAP_NOCORE are accepted and
 *    change nothing.
 *  - mmap of a descriptor: EBADF if there is none; ENODEV if its kind
 *    cannot be mapped (fo_mmap NULL: pipes, the console, directories,
 *    /dev/null); EACCES if it is not open for reading, or PROT_WRITE
 *    with MAP_SHARED and it is not open for writing (checked here for
 *    every kind, then fo_mmap checks its own); a negative offset
 *    EINVAL; offset + length past the largest off_t EOVERFLOW.
 *    Mapping past the end of a file is allowed: touching a page wholly
 *    beyond it is SIGBUS/BUS_OBJERR (R66), the rest of the last page
 *    reads as zeros.
 *  - msync flags: MS_ASYNC|MS_SYNC is EINVAL (which is why MS_SYNC has
 *    a bit, sys/_mman.h); 0 is a synchronous msync.  MS_INVALIDATE with
 *    MS_ASYNC is allowed (POSIX; FreeBSD refuses it).  MS_INVALIDATE
 *    over a user-wired range is EBUSY (R56).
 *  - madvise: an unknown advice is EINVAL; MADV_PROTECT is not there
 *    (no OOM killer yet).  What each advice does: vm_map_madvise.
 *
 * Every mapping made here (mmap, break, and stack growth in
 * vm_map_growstack) goes through one place each where, after
 * mlockall(MCL_FUTURE), it is wired (vm_wirefuture.c; SEMANTICS R21,
 * R22, R24): EAGAIN, with the new mapping undone, when it cannot be
 * (the decisions table; see mmap_wirefuture for MAP_FIXED).
 */
#include <sys/errno.h>
#include <sys/fcntl.h>
#include <sys/_mman.h>
#include <kernel/systm.h>
#include <kernel/file.h>
#include <kernel/machdep.h>
#include <kernel/priv.h>
#include <kernel/proc.h>
#include <kernel/resourcevar.h>
#include <kernel/sleep.h>
#include <kernel/syscallvar.h>
#include <vm/vm.h>
#include <vm/vm_map.h>
#include <vm/vm_object.h>
#include <machine/vmparam.h>

/* Where mmap looks for space when the caller gives no usable hint. */
#define MMAP_BASE	0x20000000UL

#define PROT_ALL	(PROT_READ | PROT_WRITE | PROT_EXEC)
#define MMAP_FLAGS	(MAP_SHARED | MAP_PRIVATE | MAP_FIXED |		\
			 MAP_HASSEMAPHORE | MAP_STACK | MAP_NOSYNC |	\
			 MAP_ANON | MAP_GUARD | MAP_EXCL | MAP_NOCORE)
#define OFF_MAX		((vm_ooffset_t)INT64_MAX)

/* mincore's vector goes out this many pages at a time. */
#define MINCORE_CHUNK	128

static struct vm_map *
curmap(struct thread *td)
{
	return (&td->td_proc->p_vmspace->vm_map);
}

/* Whether [addr, addr + len) lies in the user part of the address space. */
static bool
mmap_range_ok(vm_offset_t addr, vm_size_t len)
{
	return (addr >= VM_MIN_USER_ADDRESS && addr <= VM_MAX_USER_ADDRESS &&
	    len <= VM_MAX_USER_ADDRESS - addr);
}

/*
 * The page range [*startp, *endp) of (addr, len) for the calls that
 * take a range: EINVAL if addr must be aligned and is not, ENOMEM if
 * the range leaves user space (or wraps).  len 0 gives an empty range.
 */
static int
mmap_user_range(vm_offset_t addr, vm_size_t len, bool aligned,
    vm_offset_t *startp, vm_offset_t *endp)
{
	vm_size_t size;

	if (aligned && (addr & PAGE_MASK) != 0)
		return (EINVAL);
	size = len + (addr & PAGE_MASK);
	addr = trunc_page(addr);
	if (size < len || (size != 0 && round_page(size) == 0))
		return (ENOMEM);
	size = round_page(size);
	if (size != 0 && !mmap_range_ok(addr, size))
		return (ENOMEM);
	*startp = addr;
	*endp = addr + size;
	return (0);
}

/*
 * The object, with a reference, and the most protection a mapping of
 * descriptor `fd` may have (see the top of the file for the checks).
 */
static int
mmap_file(struct thread *td, int fd, vm_size_t size, vm_ooffset_t off,
    int prot, int flags, vm_prot_t *maxprotp, vm_object_t *objp)
{
	struct file *fp;
	vm_prot_t fdmax;
	int error;

	if ((error = fget(td, fd, &fp)) != 0)
		return (error);
	if (fp->f_ops->fo_mmap == NULL) {
		error = ENODEV;
		goto out;
	}
	if ((fp->f_flag & O_ACCMODE) == O_WRONLY) {
		error = EACCES;
		goto out;
	}
	fdmax = VM_PROT_READ | VM_PROT_EXECUTE;
	if ((flags & MAP_PRIVATE) != 0 || (fp->f_flag & O_ACCMODE) == O_RDWR)
		fdmax |= VM_PROT_WRITE;
	if ((prot & ~fdmax) != 0) {
		error = EACCES;
		goto out;
	}
	error = fp->f_ops->fo_mmap(fp, size, off, prot,
	    flags & (MAP_SHARED | MAP_PRIVATE), maxprotp, objp);
	if (error == 0)
		*maxprotp &= fdmax;
out:
	fdrop(fp);
	return (error);
}

/* The flag checks of mmap that need neither the map nor the file. */
static int
mmap_check_flags(int prot, int flags, int fd, vm_ooffset_t off)
{
	int share = flags & (MAP_SHARED | MAP_PRIVATE);

	if ((flags & ~MMAP_FLAGS) != 0 || (prot & ~PROT_ALL) != 0)
		return (EINVAL);
	if ((flags & MAP_GUARD) != 0) {
		if (prot != PROT_NONE || share != 0 ||
		    (flags & ~(MAP_GUARD | MAP_FIXED | MAP_EXCL)) != 0)
			return (EINVAL);
	} else if (share == 0 || share == (MAP_SHARED | MAP_PRIVATE))
		return (EINVAL);
	if ((flags & MAP_EXCL) != 0 && (flags & MAP_FIXED) == 0)
		return (EINVAL);
	if ((flags & MAP_STACK) != 0 &&
	    (prot & (PROT_READ | PROT_WRITE)) != (PROT_READ | PROT_WRITE))
		return (EINVAL);
	if ((flags & (MAP_ANON | MAP_STACK | MAP_GUARD)) != 0)
		return (fd != -1 || off != 0 ? EINVAL : 0);
	if ((int64_t)off < 0 || (off & PAGE_MASK) != 0)
		return (EINVAL);
	return (0);
}

/* mmap's errno for a vm_map_* result. */
static int
mmap_errno(int rv)
{
	switch (rv) {
	case KERN_SUCCESS:
		return (0);
	case KERN_PROTECTION_FAILURE:
		return (EACCES);
	case KERN_INVALID_ARGUMENT:
		return (EINVAL);
	default:
		return (ENOMEM);
	}
}

/*
 * Put the new mapping into `map` (locked) at *addrp (MAP_FIXED) or at
 * free space from the hint; for a stack, the whole reservation.
 */
static int
mmap_insert(vm_map_t map, vm_offset_t *addrp, vm_size_t size, int flags,
    vm_object_t object, vm_ooffset_t off, vm_prot_t prot, vm_prot_t maxprot)
{
	vm_map_entry_t entry;
	vm_offset_t addr = *addrp;
	int rv, cow = 0;

	if ((flags & MAP_FIXED) != 0) {
		if ((flags & MAP_EXCL) != 0) {
			if (vm_map_lookup_entry(map, addr, &entry))
				return (KERN_NO_SPACE);
			entry = entry != NULL ? TAILQ_NEXT(entry, link) :
			    TAILQ_FIRST(&map->entries);
			if (entry != NULL && entry->start < addr + size)
				return (KERN_NO_SPACE);
		} else if ((rv = vm_map_delete_flags(map, addr, addr + size,
		    PKILL, NULL)) != KERN_SUCCESS)
			return (rv);	/* R68: killed while waiting */
	} else {
		addr = trunc_page(addr);
		if (addr < MMAP_BASE || !mmap_range_ok(addr, size))
			addr = MMAP_BASE;
		if (!vm_map_findspace(map, addr, size, &addr))
			return (KERN_NO_SPACE);
	}
	if ((flags & MAP_SHARED) != 0)
		cow |= MAP_INHERIT_SHARE;
	else if (object != NULL)
		cow |= MAP_COPY_ON_WRITE;
	if ((flags & MAP_GUARD) != 0)
		rv = vm_map_insert(map, NULL, 0, addr, addr + size,
		    VM_PROT_NONE, VM_PROT_NONE, MAP_CREATE_GUARD);
	else if ((flags & MAP_STACK) != 0)
		rv = vm_map_stack_locked(map, addr, size, SGROWSIZ, prot,
		    maxprot, cow);
	else
		rv = vm_map_insert(map, object, off, addr, addr + size, prot,
		    maxprot, cow);
	if (rv == KERN_SUCCESS)
		*addrp = addr;
	return (rv);
}

/*
 * The bytes an mmap of `size` bytes would wire under MCL_FUTURE: none
 * for memory that cannot be read or executed (PROT_NONE, a guard: R6
 * skips it, as mlockall(MCL_CURRENT) does), the first piece of a
 * stack (vm_map_stack_locked's; the rest is its gap), else all.
 */
static vm_size_t
mmap_wired_size(vm_size_t size, int prot, int flags)
{
	if ((flags & MAP_GUARD) != 0 ||
	    (prot & (PROT_READ | PROT_EXEC)) == 0)
		return (0);
	if ((flags & MAP_STACK) != 0)
		return (MIN(round_page(SGROWSIZ), size - STACK_GUARD));
	return (size);
}

/*
 * The MCL_FUTURE hook of mmap (R21, R24), map write-locked: wire the
 * new mapping [start, end), or unmap it again and fail with EAGAIN
 * (decisions table: nothing half-done).  For MAP_FIXED this leaves the
 * range empty: what the mapping replaced is gone (its pages freed, its
 * wirings undone), and POSIX allows it ("some of the mappings in the
 * address range ... may have been unmapped" when mmap fails).  The
 * limit check (vm_map_wirefuture_check) comes before anything is
 * replaced, so only a failure while wiring (a file mapped past its
 * end, no memory, vm.max_user_wired reached meanwhile) does that.
 * If even the undo fails (no memory for the two map entries a clip may
 * need) the mapping stays, whole and unwired, and mmap succeeds, as
 * FreeBSD's does after every such failure: never half-wired.
 */
static int
mmap_wirefuture(vm_map_t map, vm_offset_t start, vm_offset_t end,
    int wflags)
{
	if (vm_map_wirefuture(map, start, end, wflags) == KERN_SUCCESS)
		return (0);
	if (vm_map_delete(map, start, end) != KERN_SUCCESS)
		return (0);
	return (EAGAIN);
}

/*
 * sys_mmap: mmap(addr, len, prot, flags, fd, offset).  Anonymous memory
 * (MAP_ANON: private, or shared with the children a fork makes), a
 * grows-down stack (MAP_STACK), a guard (MAP_GUARD), or a file's object
 * from its fo_mmap: MAP_SHARED maps it directly, MAP_PRIVATE copy on
 * write.  Without MAP_FIXED, addr is a hint: the first free range at or
 * above it (or above MMAP_BASE).  MAP_FIXED replaces what was there.
 * The address space may not grow past RLIMIT_AS (FreeBSD's count: the
 * map's size plus the new length, whatever MAP_FIXED replaces).
 * After mlockall(MCL_FUTURE) the new mapping is wired before mmap
 * returns (R21, R24); EAGAIN, with nothing mapped, if that would go
 * past RLIMIT_MEMLOCK or vm.max_user_wired or if the wiring fails
 * (mmap_wirefuture).
 */
int
sys_mmap(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	struct vm_map *map = curmap(td);
	vm_offset_t addr = args[0];
	vm_size_t len = args[1], size;
	int prot = (int)args[2], flags = (int)args[3], fd = (int)args[4];
	/* i386 passes a 32-bit off_t: sign-extend it. */
	vm_ooffset_t off = (vm_ooffset_t)(int64_t)(long)args[5];
	vm_prot_t maxprot = VM_PROT_ALL;
	vm_object_t object = NULL;
	int error, rv;

	if ((error = mmap_check_flags(prot, flags, fd, off)) != 0)
		return (error);
	if (len == 0)
		return (EINVAL);
	if ((flags & MAP_FIXED) != 0 && (addr & PAGE_MASK) != 0)
		return (EINVAL);
	size = round_page(len);
	if (size == 0)
		return (ENOMEM);		/* rounding wrapped */
	if ((flags & MAP_FIXED) != 0 && !mmap_range_ok(addr, size))
		return (ENOMEM);
	if ((flags & (MAP_ANON | MAP_STACK | MAP_GUARD)) == 0) {
		if (off > OFF_MAX - size)
			return (EOVERFLOW);
		error = mmap_file(td, fd, size, off, prot, flags, &maxprot,
		    &object);
		if (error != 0)
			return (error);
	}
	if ((flags & MAP_GUARD) == 0 && (uint64_t)map->size + size >
	    (uint64_t)lim_cur(td->td_proc, RLIMIT_VMEM)) {
		vm_object_deallocate(object);
		return (ENOMEM);
	}
	vm_map_lock(map);
	if (vm_map_wirefuture_check(map, mmap_wired_size(size, prot,
	    flags)) != KERN_SUCCESS) {
		vm_map_unlock(map);
		vm_object_deallocate(object);
		return (EAGAIN);	/* R21, decisions table */
	}
	rv = mmap_insert(map, &addr, size, flags, object, off, prot, maxprot);
	if (rv != KERN_SUCCESS) {
		vm_map_unlock(map);
		vm_object_deallocate(object);
		return (mmap_errno(rv));
	}
	error = mmap_wirefuture(map, addr, addr + size,
	    (flags & (MAP_STACK | MAP_GUARD)) != 0 ||
	    (prot & (PROT_READ | PROT_EXEC)) == 0 ? VM_MAP_WIRE_HOLESOK :
	    VM_MAP_WIRE_NOHOLES);
	vm_map_unlock(map);
	if (error == 0)
		retval[0] = addr;
	return (error);
}

/* sys_munmap: munmap(addr, len).  Unmapped holes in the range are fine. */
int
sys_munmap(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	vm_offset_t addr = args[0];
	vm_size_t len = args[1];
	vm_map_t map;
	int error = 0, rv;

	(void)retval;
	if ((addr & PAGE_MASK) != 0 || len == 0)
		return (EINVAL);
	len = round_page(len);
	if (len == 0 || !mmap_range_ok(addr, len))
		return (EINVAL);
	/*
	 * R36: a range another thread has vslocked is waited for; a signal
	 * ends the wait (SIGKILL, or exit's single-threading, ends the
	 * process), and the call is redone after a handler: munmap has no
	 * EINTR.
	 */
	map = curmap(td);
	vm_map_lock(map);
	rv = vm_map_delete_flags(map, addr, addr + len, PCATCH, &error);
	vm_map_unlock(map);
	if (rv == KERN_SUCCESS)
		return (0);
	return (error == EINTR || error == ERESTART ? ERESTART : ENOMEM);
}

/*
 * sys_mprotect: mprotect(addr, len, prot).  EACCES beyond an entry's
 * maximum protection (a file's descriptor mode, a guard), ENOMEM if a
 * page is not mapped; nothing changes on failure.
 */
int
sys_mprotect(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	vm_offset_t start, end;
	int prot = (int)args[2], error;

	(void)retval;
	if ((error = mmap_user_range(args[0], args[1], true, &start,
	    &end)) != 0)
		return (error);
	if ((prot & ~PROT_ALL) != 0)
		return (EINVAL);
	if (start == end)
		return (0);
	switch (vm_map_protect(curmap(td), start, end, (vm_prot_t)prot,
	    false)) {
	case KERN_SUCCESS:
		return (0);
	case KERN_PROTECTION_FAILURE:
		return (EACCES);
	case KERN_INVALID_ARGUMENT:
		return (EINVAL);
	default:
		return (ENOMEM);
	}
}

/*
 * sys_msync: msync(addr, len, flags).  Nothing has a backing store to
 * write to (anonymous memory and tmpfs are memory, the initrd is
 * read-only), so MS_SYNC and MS_ASYNC check and return; MS_INVALIDATE
 * drops the cached copies of file pages (vm_map_sync).
 */
int
sys_msync(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	vm_offset_t start, end;
	int flags = (int)args[2], error;

	(void)retval;
	if ((error = mmap_user_range(args[0], args[1], true, &start,
	    &end)) != 0)
		return (error);
	if ((flags & ~(MS_ASYNC | MS_SYNC | MS_INVALIDATE)) != 0 ||
	    (flags & (MS_ASYNC | MS_SYNC)) == (MS_ASYNC | MS_SYNC))
		return (EINVAL);
	switch (vm_map_sync(curmap(td), start, end,
	    (flags & MS_INVALIDATE) != 0)) {
	case KERN_SUCCESS:
		return (0);
	case KERN_INVALID_ARGUMENT:
		return (EBUSY);			/* R56 */
	default:
		return (ENOMEM);
	}
}

/*
 * madvise(MADV_PROTECT): mark the calling process protected from the
 * OOM killer (P_PROTECTED, SEMANTICS R74), as FreeBSD's madvise does
 * through procctl(PROC_SPROTECT, PPROT_SET): root only (EPERM), the
 * range is ignored, and a child of fork is not protected.
 */
static int
madvise_protect(struct thread *td)
{
	unsigned long s;
	int error;

	if ((error = priv_check(td, PRIV_VM_MADV_PROTECT)) != 0)
		return (error);
	s = intr_disable();
	td->td_proc->p_flag |= P_PROTECTED;
	intr_restore(s);
	return (0);
}

/* sys_madvise: madvise(addr, len, behav); see vm_map_madvise. */
int
sys_madvise(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	vm_offset_t start, end;
	int behav = (int)args[2], error;

	(void)retval;
	if (behav == MADV_PROTECT)
		return (madvise_protect(td));
	if (behav < MADV_NORMAL || behav > MADV_CORE)
		return (EINVAL);
	if ((error = mmap_user_range(args[0], args[1], true, &start,
	    &end)) != 0)
		return (error);
	return (vm_map_madvise(curmap(td), start, end, behav) ==
	    KERN_SUCCESS ? 0 : EINVAL);
}

/*
 * sys_mincore: mincore(addr, len, vec): one byte of MINCORE_* per page
 * into the user's vec, a chunk at a time (the map may change between
 * chunks, as in FreeBSD).  ENOMEM if a page is not mapped, EFAULT for
 * a bad vec.
 */
int
sys_mincore(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	uint8_t buf[MINCORE_CHUNK];
	char *vec = (char *)args[2];
	vm_offset_t start, end, chunk_end;
	size_t n;
	int error;

	(void)retval;
	if ((error = mmap_user_range(args[0], args[1], false, &start,
	    &end)) != 0)
		return (error);
	for (; start < end; start = chunk_end, vec += n) {
		chunk_end = end - start > ptoa(MINCORE_CHUNK) ?
		    start + ptoa(MINCORE_CHUNK) : end;
		n = atop(chunk_end - start);
		if (vm_map_mincore(curmap(td), start, chunk_end, buf) !=
		    KERN_SUCCESS)
			return (ENOMEM);
		if ((error = copyout(buf, vec, n)) != 0)
			return (error);
	}
	return (0);
}

/* sys_minherit: minherit(addr, len, inherit), INHERIT_* (sys/_mman.h). */
int
sys_minherit(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	vm_offset_t start, end;
	int inherit = (int)args[2];

	(void)retval;
	if (mmap_user_range(args[0], args[1], false, &start, &end) != 0)
		return (EINVAL);
	if (inherit < INHERIT_SHARE || inherit > INHERIT_ZERO)
		return (EINVAL);
	return (vm_map_inherit(curmap(td), start, end,
	    (vm_inherit_t)inherit) == KERN_SUCCESS ? 0 : EINVAL);
}

/*
 * sys_break: break(nsize), FreeBSD's call under brk(2) and sbrk(2):
 * move the end of the data segment (the break, vm_daddr + vm_dsize
 * pages, which exec puts after the bss) to round_page(nsize): pages
 * are mapped (anonymous, read/write) or unmapped.  An address below
 * the data segment (NULL) changes nothing: that is how libc learns the
 * first break.  Returns the break.  ENOMEM past the soft RLIMIT_DATA
 * (counted from the start of the data segment; shrinking is always
 * allowed), past RLIMIT_AS, or into something already mapped.
 * After mlockall(MCL_FUTURE) the new pages are wired before break
 * returns (R22): EAGAIN, the break unchanged, past RLIMIT_MEMLOCK or
 * vm.max_user_wired or if the wiring fails.  vm_map_insert never
 * grows a wired entry (I-E5), so the heap's new pages are an entry of
 * their own until wired (then they may merge with a wired heap below,
 * equal to them).  Shrinking deletes the pages, wired or not (R45).
 */
int
sys_break(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	struct proc *p = td->td_proc;
	struct vmspace *vm = p->p_vmspace;
	struct vm_map *map = &vm->vm_map;
	vm_offset_t nsize = args[0], base, old, new;
	int error = 0;

	if (nsize > VM_MAX_USER_ADDRESS)
		return (ENOMEM);
	new = round_page(nsize);
	vm_map_lock(map);
	base = vm->vm_daddr;
	old = base + (vm_offset_t)ptoa(vm->vm_dsize);
	if (new < base) {
		new = old;
	} else if (new > old) {
		if ((rlim_t)(new - base) > lim_cur(p, RLIMIT_DATA) ||
		    (uint64_t)map->size + (new - old) >
		    (uint64_t)lim_cur(p, RLIMIT_VMEM))
			error = ENOMEM;
		else if (vm_map_wirefuture_check(map, new - old) !=
		    KERN_SUCCESS)
			error = EAGAIN;		/* R22, decisions table */
		else if (vm_map_insert(map, NULL, 0, old, new, VM_PROT_RW,
		    VM_PROT_ALL, 0) != KERN_SUCCESS)
			error = ENOMEM;
		else
			error = mmap_wirefuture(map, old, new,
			    VM_MAP_WIRE_NOHOLES);
		if (error == 0)
			vm->vm_dsize += atop(new - old);
	} else if (new < old) {
		/* Waits for system wirings end on a kill (R68). */
		if (vm_map_delete_flags(map, new, old, PKILL, NULL) !=
		    KERN_SUCCESS)
			error = ENOMEM;
		else
			vm->vm_dsize -= atop(old - new);
	}
	vm_map_unlock(map);
	if (error == 0)
		retval[0] = new;
	return (error);
}
