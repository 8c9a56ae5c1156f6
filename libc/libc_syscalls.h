/*
 * libc_syscalls.h - the C prototypes of the system-call stubs.
 *
 * Every SYSCALL(number, name, nargs) line of <sys/syscalls.def> becomes
 * an assembly stub __sys_name (arch/<ARCH>/syscall_stub.inc): it loads
 * the number and up to six arguments into the registers of the ABI,
 * traps, and returns the kernel's result; on an error it sets errno
 * (through __error()) and returns -1.  So a stub needs no prototype to
 * exist, but C needs one to call it; they are here, for the stubs libc
 * uses.  The public functions (write, fork, ...) are wrappers over
 * these, and stdio calls the stubs directly: a program may define its
 * own write() (C does not reserve the name) without breaking printf.
 *
 * Integer arguments are declared long, so the compiler passes them
 * sign-extended to the full register: the kernel reads whole registers.
 * A 64-bit result (lseek's off_t) comes back in edx:eax on i386, which
 * is where the C ABI returns an off_t; the kernel sets edx to the high
 * half (0 when it does not set it), and an error makes both -1.
 */
#ifndef _LIBC_SYSCALLS_H_
#define _LIBC_SYSCALLS_H_

#include <sys/types.h>

struct stat;

void	__sys_exit(long status);
pid_t	__sys_fork(void);
ssize_t	__sys_write(long fd, const void *buf, size_t len);
pid_t	__sys_wait4(long pid, int *status, long options, void *rusage);
pid_t	__sys_getpid(void);
pid_t	__sys_getppid(void);
int	__sys_execve(const char *path, char *const argv[],
	    char *const envp[]);
int	__sys_munmap(void *addr, size_t len);
void	*__sys_mmap(void *addr, size_t len, long prot, long flags, long fd,
	    long offset);
int	__sys_mprotect(void *addr, size_t len, long prot);
int	__sys_msync(void *addr, size_t len, long flags);
int	__sys_madvise(void *addr, size_t len, long advice);
int	__sys_mincore(const void *addr, size_t len, char *vec);
int	__sys_minherit(void *addr, size_t len, long inherit);
void	*__sys_break(void *nsize);
int	__sys_mlock(const void *addr, size_t len);
int	__sys_munlock(const void *addr, size_t len);
int	__sys_mlockall(long how);
int	__sys_munlockall(void);

/* Credentials and resource limits. */
long	__sys_getuid(void);
long	__sys_geteuid(void);
long	__sys_getgid(void);
long	__sys_getegid(void);
int	__sys_setuid(unsigned long uid);
int	__sys_seteuid(unsigned long uid);
int	__sys_setgid(unsigned long gid);
int	__sys_setegid(unsigned long gid);
int	__sys_getresuid(uid_t *ruid, uid_t *euid, uid_t *suid);
int	__sys_getresgid(gid_t *rgid, gid_t *egid, gid_t *sgid);
int	__sys_setresuid(unsigned long ruid, unsigned long euid,
	    unsigned long suid);
int	__sys_setresgid(unsigned long rgid, unsigned long egid,
	    unsigned long sgid);
int	__sys_getgroups(long n, gid_t *gids);
int	__sys_setgroups(long n, const gid_t *gids);
int	__sys_getrlimit(long which, void *rlp);
int	__sys_setrlimit(long which, const void *rlp);

/* Descriptors and files. */
ssize_t	__sys_read(long fd, void *buf, size_t len);
int	__sys_open(const char *path, long flags, long mode);
int	__sys_close(long fd);
int	__sys_dup(long fd);
int	__sys_dup2(long from, long to);
int	__sys_fcntl(long fd, long cmd, long arg);
off_t	__sys_lseek(long fd, long offset, long whence);
int	__sys_pipe2(int fds[2], long flags);
int	__sys_unlink(const char *path);
int	__sys_rmdir(const char *path);
int	__sys_mkdir(const char *path, long mode);
int	__sys_rename(const char *from, const char *to);
int	__sys_chdir(const char *path);
int	__sys_fchdir(long fd);
int	__sys___getcwd(char *buf, size_t len);
int	__sys_chmod(const char *path, long mode);
int	__sys_fchmod(long fd, long mode);
long	__sys_umask(long mask);
int	__sys_truncate(const char *path, long length);
int	__sys_ftruncate(long fd, long length);
int	__sys_shm_open2(const char *path, long flags, long mode, long shmflags,
	    const char *name);
int	__sys_shm_unlink(const char *path);
int	__sys_kill(long pid, long sig);
int	__sys_sigaction(long sig, const void *act, void *oact,
	    void (*tramp)(void));
int	__sys_sigprocmask(long how, const void *set, void *oset);
int	__sys_sigsuspend(const void *mask);
int	__sys_sigpending(void *set);
int	__sys_nanosleep(const void *rq, void *rm);
int	__sys_clock_gettime(long id, void *ts);
int	__sys___sysctlbyname(const char *name, size_t namelen, void *old,
	    size_t *oldlenp, const void *new, size_t newlen);
int	__sys___sysctl_next(const char *name, size_t namelen, char *buf,
	    size_t buflen);
int	__sys___sysctl_type(const char *name, size_t namelen);
int	__sys_fstat(long fd, struct stat *sb);
int	__sys_fstatat(long fd, const char *path, struct stat *sb, long flags);
ssize_t	__sys_getdirentries(long fd, char *buf, size_t len, off_t *basep);

/* Process groups, sessions, device requests. */
int	__sys_setpgid(long pid, long pgid);
pid_t	__sys_getpgid(long pid);
pid_t	__sys_getpgrp(void);
pid_t	__sys_setsid(void);
pid_t	__sys_getsid(long pid);
int	__sys_ioctl(long fd, unsigned long request, void *arg);

/* Threads, their waits and TLS pointer; resource usage. */
int	__sys_thr_new(void *param, long param_size);
int	__sys_thr_self(long *id);
void	__sys_thr_exit(long *state);
int	__sys_thr_kill(long id, long sig);
int	__sys__umtx_op(void *obj, long op, unsigned long val, void *uaddr1,
	    void *uaddr2);
int	__sys_sysarch(long op, void *parms);
int	__sys_getrusage(long who, void *rusage);
int	__sys_sched_yield(void);

#endif /* !_LIBC_SYSCALLS_H_ */
