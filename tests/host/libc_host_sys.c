/*
 * libc_host_sys.c - the kernel the libc host tests give libc: the
 * system-call stubs that libc's machine-independent part calls
 * (__sys_write, __sys_read, __sys_open, __sys_close, __sys_exit, and
 * for the directory functions __sys_fstat, __sys_getdirentries and
 * __sys_lseek), over pretend descriptors the tests can fill, inspect and break (see
 * libc_host.h).  Errors are reported as the real stubs do: errno (libc's,
 * through vise___error) and -1.
 */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/*
 * Vise's struct stat and struct dirent, as libc sees them (include/
 * comes before the system's headers; no host header here defines
 * either).  Its <sys/_types.h> repeats glibc's reserved type names
 * with the same types on amd64, except __mode_t (16 bits, glibc's 32),
 * which struct stat does not use: renamed out of the way.
 */
#define __mode_t	vise___mode_t
#include <sys/_stat.h>
#undef __mode_t

#include "libc_host.h"

ssize_t	__sys_write(long fd, const void *buf, size_t len);
ssize_t	__sys_read(long fd, void *buf, size_t len);
int	__sys_open(const char *path, long flags, long mode);
int	__sys_close(long fd);
void	__sys_exit(long status);
int	__sys_fstat(long fd, struct stat *sb);
ssize_t	__sys_getdirentries(long fd, char *buf, size_t len, int64_t *basep);
int64_t	__sys_lseek(long fd, long offset, long whence);
int	__sys__umtx_op(void *obj, long op, unsigned long val, void *uaddr1,
	    void *uaddr2);

struct libc_host_fd libc_host_fds[LIBC_HOST_NFD];
unsigned long	libc_host_seq;
long		libc_host_open_flags = -1;
long		libc_host_open_mode = -1;
unsigned long	libc_host_open_calls;

/* See libc_host.h. */
void
libc_host_fd_reset(void)
{
	int fd;

	for (fd = 0; fd < LIBC_HOST_NFD; fd++) {
		free(libc_host_fds[fd].out);
		memset(&libc_host_fds[fd], 0, sizeof(libc_host_fds[fd]));
		libc_host_fds[fd].host_fd = -1;
		libc_host_fds[fd].open = fd < 3;
	}
	libc_host_open_flags = libc_host_open_mode = -1;
	libc_host_open_calls = 0;
}

/* The pretend descriptor fd, or NULL with errno EBADF. */
static struct libc_host_fd *
lookup(long fd)
{
	if (fd < 0 || fd >= LIBC_HOST_NFD || !libc_host_fds[fd].open) {
		vise_errno = libc_EBADF;
		return (NULL);
	}
	return (&libc_host_fds[fd]);
}

/* Start a call on f: its sequence number, and the planned failure. */
static int
begin_call(struct libc_host_fd *f)
{
	int error = f->fail;

	f->last_seq = ++libc_host_seq;
	f->fail = 0;
	if (error != 0)
		vise_errno = error;
	return (error);
}

/* A host call's result, with a failure's errno made libc's. */
static ssize_t
host_result(ssize_t r)
{
	if (r < 0)
		vise_errno = errno == ESPIPE ? libc_ESPIPE :
		    errno == EINVAL ? libc_EINVAL : errno == EBADF ?
		    libc_EBADF : libc_EIO;
	return (r);
}

ssize_t
__sys_write(long fd, const void *buf, size_t len)
{
	struct libc_host_fd *f;

	if ((f = lookup(fd)) == NULL)
		return (-1);
	f->writes++;
	if (begin_call(f) != 0)
		return (-1);
	if (f->host_fd >= 0)
		return (host_result(write(f->host_fd, buf, len)));
	if (f->chunk != 0 && len > f->chunk)
		len = f->chunk;
	if (f->outlen + len > f->outcap) {
		f->outcap = (f->outlen + len) * 2;
		if ((f->out = realloc(f->out, f->outcap + 1)) == NULL)
			abort();
	}
	memcpy(f->out + f->outlen, buf, len);
	f->outlen += len;
	f->out[f->outlen] = '\0';
	return ((ssize_t)len);
}

ssize_t
__sys_read(long fd, void *buf, size_t len)
{
	struct libc_host_fd *f;

	if ((f = lookup(fd)) == NULL)
		return (-1);
	f->reads++;
	if (begin_call(f) != 0)
		return (-1);
	if (f->host_fd >= 0)
		return (host_result(read(f->host_fd, buf, len)));
	if (f->chunk != 0 && len > f->chunk)
		len = f->chunk;
	if (len > f->inlen - f->inpos)
		len = f->inlen - f->inpos;
	memcpy(buf, f->in + f->inpos, len);
	f->inpos += len;
	return ((ssize_t)len);
}

/* Opens the lowest free descriptor; a path of "missing" does not exist. */
int
__sys_open(const char *path, long flags, long mode)
{
	int fd;

	libc_host_open_calls++;
	libc_host_open_flags = flags;
	libc_host_open_mode = mode;
	if (strcmp(path, "missing") == 0) {
		vise_errno = libc_ENOENT;
		return (-1);
	}
	for (fd = 0; fd < LIBC_HOST_NFD; fd++) {
		if (!libc_host_fds[fd].open) {
			libc_host_fds[fd].open = true;
			libc_host_fds[fd].inpos = 0;
			return (fd);
		}
	}
	vise_errno = libc_EMFILE;
	return (-1);
}

int
__sys_close(long fd)
{
	struct libc_host_fd *f;

	if ((f = lookup(fd)) == NULL)
		return (-1);
	if (begin_call(f) != 0)
		return (-1);
	f->open = false;
	return (0);
}

/* The process ends: the host's _exit, so that a forked test can see it. */
void
__sys_exit(long status)
{
	_exit((int)status);
}

int
__sys_fstat(long fd, struct stat *sb)
{
	struct libc_host_fd *f;

	if ((f = lookup(fd)) == NULL || begin_call(f) != 0)
		return (-1);
	memset(sb, 0, sizeof(*sb));
	sb->st_mode = f->mode;
	return (0);
}

/* The d_reclen of the record at in[pos], which has head bytes at least. */
static size_t
record_len(const struct libc_host_fd *f, size_t pos)
{
	uint16_t reclen;

	memcpy(&reclen, f->in + pos + offsetof(struct dirent, d_reclen),
	    sizeof(reclen));
	return (reclen);
}

ssize_t
__sys_getdirentries(long fd, char *buf, size_t len, int64_t *basep)
{
	struct libc_host_fd *f;
	size_t head = offsetof(struct dirent, d_name), done = 0, reclen;

	if ((f = lookup(fd)) == NULL)
		return (-1);
	f->reads++;
	if (begin_call(f) != 0)
		return (-1);
	if (basep != NULL)
		*basep = (int64_t)f->inpos;
	if (f->chunk != 0 && len > f->chunk)
		len = f->chunk;
	while (f->inpos + done < f->inlen) {
		reclen = f->inlen - (f->inpos + done) >= head ?
		    record_len(f, f->inpos + done) : 0;
		if (reclen == 0 || reclen > f->inlen - (f->inpos + done)) {
			/* Malformed: the rest goes out as it is. */
			done = f->inlen - f->inpos < len ?
			    f->inlen - f->inpos : len;
			break;
		}
		if (done + reclen > len)
			break;
		done += reclen;
	}
	if (done == 0 && f->inpos < f->inlen) {
		vise_errno = libc_EINVAL;
		return (-1);
	}
	memcpy(buf, f->in + f->inpos, done);
	f->inpos += done;
	return ((ssize_t)done);
}

/*
 * libc's locks (gen/libc_lock.c) wait and wake only when contended,
 * which one thread never is: a wait or wake here is a libc bug.
 */
int
__sys__umtx_op(void *obj, long op, unsigned long val, void *uaddr1,
    void *uaddr2)
{
	(void)obj, (void)op, (void)val, (void)uaddr1, (void)uaddr2;
	abort();
}

int64_t
__sys_lseek(long fd, long offset, long whence)
{
	struct libc_host_fd *f;

	if ((f = lookup(fd)) == NULL || begin_call(f) != 0)
		return (-1);
	f->seeks++;
	if (f->host_fd >= 0)
		return (host_result(lseek(f->host_fd, offset, (int)whence)));
	if (f->pipe) {
		vise_errno = libc_ESPIPE;
		return (-1);
	}
	if (whence == SEEK_CUR)
		offset += (long)f->inpos;
	else if (whence == SEEK_END)
		offset += (long)f->inlen;
	else if (whence != SEEK_SET) {
		vise_errno = libc_EINVAL;
		return (-1);
	}
	if (offset < 0 || (size_t)offset > f->inlen) {
		vise_errno = libc_EINVAL;
		return (-1);
	}
	f->inpos = (size_t)offset;
	return (offset);
}
