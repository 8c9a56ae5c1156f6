/*
 * sys/mman.h - memory mappings.  The constants (PROT_*, MAP_*,
 * MAP_FAILED) are the kernel's, from <sys/_mman.h>; this adds the
 * functions.
 */
#ifndef _SYS_MMAN_H_
#define _SYS_MMAN_H_

#include <sys/_mman.h>
#include <sys/types.h>

/* shm_open's path for a new object without a name (FreeBSD's value). */
#define SHM_ANON	((char *)1)

void	*mmap(void *, size_t, int, int, int, off_t);
int	 munmap(void *, size_t);
int	 shm_open(const char *, int, mode_t);
int	 shm_unlink(const char *);

#endif /* !_SYS_MMAN_H_ */
