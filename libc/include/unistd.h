/*
 * unistd.h - POSIX system interfaces: processes, I/O on descriptors,
 * system configuration.
 *
 * Declares only what libc has: each system call appears here together
 * with its wrapper, once the kernel provides it.  SEEK_SET, SEEK_CUR
 * and SEEK_END are the kernel's, from <sys/_stat.h>.
 */
#ifndef _UNISTD_H_
#define _UNISTD_H_

#include <sys/types.h>
#include <sys/_stat.h>

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
#define _SC_CHILD_MAX		2
#define _SC_NGROUPS_MAX		4
#define _SC_OPEN_MAX		5
#define _SC_MAPPED_FILES	29
#define _SC_MEMLOCK		30
#define _SC_MEMLOCK_RANGE	31
#define _SC_MEMORY_PROTECTION	32
#define _SC_PAGESIZE		47
#define _SC_PAGE_SIZE		_SC_PAGESIZE
#define _SC_NPROCESSORS_CONF	57
#define _SC_NPROCESSORS_ONLN	58

typedef unsigned	useconds_t;	/* microseconds, for usleep */
typedef __INTPTR_TYPE__	intptr_t;	/* for sbrk (as <stdint.h> has it) */

extern char **environ;

void	 _exit(int) __attribute__((__noreturn__));
int	 brk(const void *);
int	 chdir(const char *);
int	 close(int);
int	 dup(int);
int	 dup2(int, int);
int	 execv(const char *, char *const[]);
int	 execve(const char *, char *const[], char *const[]);
int	 fchdir(int);
pid_t	 fork(void);
char	*getcwd(char *, size_t);
pid_t	 getpid(void);
pid_t	 getppid(void);
uid_t	 getuid(void);
uid_t	 geteuid(void);
gid_t	 getgid(void);
gid_t	 getegid(void);
int	 getgroups(int, gid_t[]);
int	 getresgid(gid_t *, gid_t *, gid_t *);
int	 getresuid(uid_t *, uid_t *, uid_t *);
int	 getpagesize(void);
/* Process groups, sessions and the terminal's foreground group. */
pid_t	 getpgid(pid_t);
pid_t	 getpgrp(void);
pid_t	 getsid(pid_t);
int	 setpgid(pid_t, pid_t);
pid_t	 setsid(void);
pid_t	 tcgetpgrp(int);
int	 tcsetpgrp(int, pid_t);
off_t	 lseek(int, off_t, int);
int	 pipe(int[2]);
int	 pipe2(int[2], int);
ssize_t	 read(int, void *, size_t);
void	*sbrk(intptr_t);
int	 rmdir(const char *);
int	 setegid(gid_t);
int	 seteuid(uid_t);
int	 setgid(gid_t);
int	 setgroups(int, const gid_t *);
int	 setresgid(gid_t, gid_t, gid_t);
int	 setresuid(uid_t, uid_t, uid_t);
int	 setuid(uid_t);
unsigned sleep(unsigned);
long	 sysconf(int);
int	 truncate(const char *, off_t);
int	 ftruncate(int, off_t);
int	 unlink(const char *);
int	 usleep(useconds_t);
ssize_t	 write(int, const void *, size_t);

#endif /* !_UNISTD_H_ */
