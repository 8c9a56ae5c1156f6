/*
 * shm.c - shm_open(3) over shm_open2(2), and shm_unlink(2).
 */
#include <fcntl.h>
#include <stddef.h>
#include <sys/mman.h>

#include "libc_syscalls.h"

/*
 * Open (with O_CREAT: make) the shared memory object called path:
 * "/name" and "name" are the same object, in one namespace of their
 * own; SHM_ANON makes a new one without a name (O_RDWR only).  flags:
 * O_RDONLY or O_RDWR, and O_CREAT, O_EXCL, O_TRUNC (which truncates
 * only with O_RDWR).  A new object is empty (ftruncate sizes it) and
 * gets permission bits mode & ~umask.  The descriptor is close-on-exec,
 * as in FreeBSD.  Returns it, or -1 with errno set (ENOENT, EEXIST,
 * EACCES, EINVAL, EMFILE).
 */
int
shm_open(const char *path, int flags, mode_t mode)
{
	return (__sys_shm_open2(path, flags | O_CLOEXEC, mode, 0, NULL));
}

/*
 * Remove the name path; the object lives on while it is open or
 * mapped.  Returns 0, or -1 with errno set (ENOENT, EACCES).
 */
int
shm_unlink(const char *path)
{
	return (__sys_shm_unlink(path));
}
