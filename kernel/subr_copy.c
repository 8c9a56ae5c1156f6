/*
 * subr_copy.c - copyin, copyout, copyinstr (see systm.h).
 *
 * The range is checked here: it must lie in the user part of the
 * address space, without wrapping.  The bytes are moved by copy_user()
 * (arch/<ARCH>/support.asm), which sets curthread->td_onfault so that a
 * page fault it cannot resolve (nothing mapped there, or no right to
 * access) resumes in the copy routine, which returns EFAULT; trap()
 * first tries vm_fault() on the user map, so pages not yet touched are
 * faulted in as they would be for the program itself.
 */
#include <sys/errno.h>
#include <kernel/systm.h>
#include <machine/vmparam.h>

/* copy_user (arch): move len bytes; 0, or EFAULT after a bad fault. */
int	copy_user(void *dst, const void *src, size_t len);

/* Whether [uaddr, uaddr + len) is inside the user address space. */
static bool
user_range_ok(const void *uaddr, size_t len)
{
	uintptr_t a = (uintptr_t)uaddr;

	return (a >= VM_MIN_USER_ADDRESS && a <= VM_MAX_USER_ADDRESS &&
	    len <= VM_MAX_USER_ADDRESS - a);
}

int
copyin(const void *uaddr, void *kaddr, size_t len)
{
	if (len == 0)
		return (0);
	if (!user_range_ok(uaddr, len))
		return (EFAULT);
	return (copy_user(kaddr, uaddr, len));
}

int
copyout(const void *kaddr, void *uaddr, size_t len)
{
	if (len == 0)
		return (0);
	if (!user_range_ok(uaddr, len))
		return (EFAULT);
	return (copy_user(uaddr, kaddr, len));
}

/*
 * copyinstr: a byte at a time through copyin: strings passed to system
 * calls are short (paths, names), and this keeps the fault handling in
 * one place.
 */
int
copyinstr(const void *uaddr, char *kaddr, size_t maxlen, size_t *done)
{
	const char *u = uaddr;
	size_t i;
	int error;

	for (i = 0; i < maxlen; i++) {
		if ((error = copyin(u + i, &kaddr[i], 1)) != 0)
			return (error);
		if (kaddr[i] == '\0') {
			if (done != NULL)
				*done = i + 1;
			return (0);
		}
	}
	if (done != NULL)
		*done = maxlen;
	return (ENAMETOOLONG);
}
