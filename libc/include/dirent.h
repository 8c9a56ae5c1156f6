/*
 * dirent.h - reading directories.  struct dirent (d_fileno, d_type,
 * d_namlen, d_name) and the DT_* types are the kernel's getdirentries
 * records, from <sys/_stat.h>.  A DIR is a descriptor and a buffer of
 * records (libc/gen/dir_local.h).  telldir and seekdir are not here:
 * nothing needs them yet.
 */
#ifndef _DIRENT_H_
#define _DIRENT_H_

#include <sys/types.h>
#include <sys/_stat.h>

typedef struct _dirdesc DIR;

int	 closedir(DIR *);
int	 dirfd(DIR *);
DIR	*fdopendir(int);
ssize_t	 getdirentries(int, char *, size_t, off_t *);
DIR	*opendir(const char *);
struct dirent *readdir(DIR *);
void	 rewinddir(DIR *);

#endif /* !_DIRENT_H_ */
