/*
 * unistd.h - POSIX system interfaces: processes, I/O on descriptors,
 * system configuration.
 *
 * Declares only what libc has: each system call appears here together
 * with its wrapper, once the kernel provides it (read, close, dup, ...
 * come with the descriptor layer).
 */
#ifndef _UNISTD_H_
#define _UNISTD_H_

#include <sys/types.h>

#define __need_NULL
#include <stddef.h>

#define STDIN_FILENO	0
#define STDOUT_FILENO	1
#define STDERR_FILENO	2

/*
 * POSIX options this system supports, always (a value > 0 is a promise
 * that the interfaces exist and work; sysconf reports the same).
 * Memory locking is what Vise is built around.
 */
#define _POSIX_MAPPED_FILES		200112L
#define _POSIX_MEMLOCK			200112L
#define _POSIX_MEMLOCK_RANGE		200112L
#define _POSIX_MEMORY_PROTECTION	200112L

/*
 * sysconf() names (FreeBSD's numbers; they are libc's, not the
 * kernel's).  Only the ones sysconf can answer.
 */
#define _SC_MAPPED_FILES	29
#define _SC_MEMLOCK		30
#define _SC_MEMLOCK_RANGE	31
#define _SC_MEMORY_PROTECTION	32
#define _SC_PAGESIZE		47
#define _SC_PAGE_SIZE		_SC_PAGESIZE
#define _SC_NPROCESSORS_CONF	57
#define _SC_NPROCESSORS_ONLN	58

extern char **environ;

void	 _exit(int) __attribute__((__noreturn__));
int	 execv(const char *, char *const[]);
int	 execve(const char *, char *const[], char *const[]);
pid_t	 fork(void);
pid_t	 getpid(void);
pid_t	 getppid(void);
int	 getpagesize(void);
long	 sysconf(int);
ssize_t	 write(int, const void *, size_t);

#endif /* !_UNISTD_H_ */
