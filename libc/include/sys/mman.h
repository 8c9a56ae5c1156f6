/*
 * sys/mman.h - memory mappings.  The constants (PROT_*, MAP_*, MS_*,
 * MADV_*, POSIX_MADV_*, MINCORE_*, INHERIT_*, MCL_*, MAP_FAILED) are the
 * kernel's, from <sys/_mman.h>; this adds the functions.
 */
#ifndef _SYS_MMAN_H_
#define _SYS_MMAN_H_

#include <sys/_mman.h>
#include <sys/types.h>

int	 madvise(void *, size_t, int);
int	 mincore(const void *, size_t, char *);
int	 minherit(void *, size_t, int);
int	 mlock(const void *, size_t);
int	 mlockall(int);
/* shm_open's path for a new object without a name (FreeBSD's value). */
#define SHM_ANON	((char *)1)

void	*mmap(void *, size_t, int, int, int, off_t);
int	 mprotect(void *, size_t, int);
int	 msync(void *, size_t, int);
int	 munlock(const void *, size_t);
int	 munlockall(void);
int	 munmap(void *, size_t);
int	 posix_madvise(void *, size_t, int);
int	 shm_open(const char *, int, mode_t);
int	 shm_unlink(const char *);

#endif /* !_SYS_MMAN_H_ */
