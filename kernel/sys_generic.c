/*
 * sys_generic.c - read and write.
 *
 * There is no file descriptor layer yet: the only open files are the
 * console, as descriptors 1 and 2 (standard output and error), so
 * write(2) goes to the console for those and fails with EBADF for any
 * other.  The descriptor layer (open, close, pipes, devfs) replaces the
 * lookup below; the copying stays.
 */
#include <sys/errno.h>
#include <kernel/systm.h>
#include <kernel/cons.h>
#include <kernel/proc.h>
#include <kernel/syscallvar.h>

/* sys_write: write(2) of args[2] bytes at user address args[1]. */
int
sys_write(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	const char *ubuf = (const char *)args[1];
	size_t len = args[2], done, n, i;
	char buf[128];
	int error;

	(void)td;
	if (args[0] != 1 && args[0] != 2)
		return (EBADF);
	if ((long)len < 0)
		return (EINVAL);
	for (done = 0; done < len; done += n) {
		n = MIN(len - done, sizeof(buf));
		if ((error = copyin(ubuf + done, buf, n)) != 0)
			return (error);
		for (i = 0; i < n; i++)
			cnputc(buf[i]);
	}
	retval[0] = done;
	return (0);
}
