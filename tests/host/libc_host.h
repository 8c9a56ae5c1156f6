/*
 * libc_host.h - what the libc host tests see of Vise's libc: its
 * functions under their renamed vise_ names (see tests/host/libc.mk),
 * the morecore hook's test controls (libc_host.c) and libc's errno
 * values (libc_errno.c).
 *
 * The prototypes restate libc/include/; the types are the host's where
 * the layout is the same (size_t, va_list, div_t).
 */
#ifndef _TESTS_HOST_LIBC_HOST_H_
#define _TESTS_HOST_LIBC_HOST_H_

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/types.h>

/* <string.h> */
void	*vise_memchr(const void *, int, size_t);
int	 vise_memcmp(const void *, const void *, size_t);
void	*vise_memcpy(void *, const void *, size_t);
void	*vise_memmove(void *, const void *, size_t);
void	*vise_memset(void *, int, size_t);
char	*vise_strcat(char *, const char *);
char	*vise_strchr(const char *, int);
int	 vise_strcmp(const char *, const char *);
char	*vise_strcpy(char *, const char *);
size_t	 vise_strcspn(const char *, const char *);
char	*vise_strdup(const char *);
char	*vise_strerror(int);
size_t	 vise_strlcat(char *, const char *, size_t);
size_t	 vise_strlcpy(char *, const char *, size_t);
size_t	 vise_strlen(const char *);
char	*vise_strncat(char *, const char *, size_t);
int	 vise_strncmp(const char *, const char *, size_t);
char	*vise_strncpy(char *, const char *, size_t);
char	*vise_strndup(const char *, size_t);
size_t	 vise_strnlen(const char *, size_t);
char	*vise_strpbrk(const char *, const char *);
char	*vise_strrchr(const char *, int);
size_t	 vise_strspn(const char *, const char *);
char	*vise_strstr(const char *, const char *);
char	*vise_strtok(char *, const char *);
char	*vise_strtok_r(char *, const char *, char **);
int	 vise_strcoll(const char *, const char *);
size_t	 vise_strxfrm(char *, const char *, size_t);

/* <ctype.h> */
int	vise_isalnum(int);
int	vise_isalpha(int);
int	vise_isblank(int);
int	vise_iscntrl(int);
int	vise_isdigit(int);
int	vise_isgraph(int);
int	vise_islower(int);
int	vise_isprint(int);
int	vise_ispunct(int);
int	vise_isspace(int);
int	vise_isupper(int);
int	vise_isxdigit(int);
int	vise_tolower(int);
int	vise_toupper(int);

/* <stdlib.h> */
int	 vise_abs(int);
long	 vise_labs(long);
long long vise_llabs(long long);
div_t	 vise_div(int, int);
ldiv_t	 vise_ldiv(long, long);
lldiv_t	 vise_lldiv(long long, long long);
int	 vise_atoi(const char *);
long	 vise_atol(const char *);
long long vise_atoll(const char *);
long	 vise_strtol(const char *, char **, int);
long long vise_strtoll(const char *, char **, int);
unsigned long vise_strtoul(const char *, char **, int);
unsigned long long vise_strtoull(const char *, char **, int);
double	 vise_strtod(const char *, char **);
float	 vise_strtof(const char *, char **);
long double vise_strtold(const char *, char **);
double	 vise_atof(const char *);
void	*vise_malloc(size_t);
void	*vise_calloc(size_t, size_t);
void	*vise_realloc(void *, size_t);
void	 vise_free(void *);
int	 vise_posix_memalign(void **, size_t, size_t);
void	*vise_aligned_alloc(size_t, size_t);
void	 vise_qsort(void *, size_t, size_t,
	    int (*)(const void *, const void *));
void	*vise_bsearch(const void *, const void *, size_t, size_t,
	    int (*)(const void *, const void *));
int	 vise_rand(void);
void	 vise_srand(unsigned);
char	*vise_getenv(const char *);
int	 vise_setenv(const char *, const char *, int);
int	 vise_unsetenv(const char *);
int	 vise_atexit(void (*)(void));
extern char **vise_environ;

/* <stdio.h> */
int	vise_snprintf(char *, size_t, const char *, ...)
	    __attribute__((__format__(__printf__, 3, 4)));
int	vise_sprintf(char *, const char *, ...)
	    __attribute__((__format__(__printf__, 2, 3)));
int	vise_vsnprintf(char *, size_t, const char *, va_list)
	    __attribute__((__format__(__printf__, 3, 0)));
int	vise_vsprintf(char *, const char *, va_list)
	    __attribute__((__format__(__printf__, 2, 0)));

/* <stdio.h> streams; FILE is opaque, as it is to programs. */
typedef struct __sFILE VISE_FILE;
extern VISE_FILE *vise___stdinp, *vise___stdoutp, *vise___stderrp;
#define vise_stdin	vise___stdinp
#define vise_stdout	vise___stdoutp
#define vise_stderr	vise___stderrp
VISE_FILE *vise_fopen(const char *, const char *);
VISE_FILE *vise_fdopen(int, const char *);
int	vise_fclose(VISE_FILE *);
int	vise_fflush(VISE_FILE *);
int	vise_setvbuf(VISE_FILE *, char *, int, size_t);
int	vise_fgetc(VISE_FILE *);
int	vise_getchar(void);
char	*vise_fgets(char *, int, VISE_FILE *);
size_t	vise_fread(void *, size_t, size_t, VISE_FILE *);
int	vise_ungetc(int, VISE_FILE *);
int	vise_fputc(int, VISE_FILE *);
int	vise_putchar(int);
int	vise_fputs(const char *, VISE_FILE *);
int	vise_puts(const char *);
size_t	vise_fwrite(const void *, size_t, size_t, VISE_FILE *);
int	vise_feof(VISE_FILE *);
int	vise_ferror(VISE_FILE *);
void	vise_clearerr(VISE_FILE *);
int	vise_fileno(VISE_FILE *);
void	vise_perror(const char *);
int	vise_printf(const char *, ...)
	    __attribute__((__format__(__printf__, 1, 2)));
int	vise_fprintf(VISE_FILE *, const char *, ...)
	    __attribute__((__format__(__printf__, 2, 3)));
int	vise_dprintf(int, const char *, ...)
	    __attribute__((__format__(__printf__, 2, 3)));
void	vise_exit(int) __attribute__((__noreturn__));
int	vise_fseek(VISE_FILE *, long, int);
int	vise_fseeko(VISE_FILE *, int64_t, int);
long	vise_ftell(VISE_FILE *);
int64_t	vise_ftello(VISE_FILE *);
void	vise_rewind(VISE_FILE *);
int	vise_fgetpos(VISE_FILE *, int64_t *);
int	vise_fsetpos(VISE_FILE *, const int64_t *);
ssize_t	vise_getline(char **, size_t *, VISE_FILE *);
ssize_t	vise_getdelim(char **, size_t *, int, VISE_FILE *);
int	vise_sscanf(const char *, const char *, ...)
	    __attribute__((__format__(__scanf__, 2, 3)));
int	vise_vsscanf(const char *, const char *, va_list)
	    __attribute__((__format__(__scanf__, 2, 0)));
int	vise_fscanf(VISE_FILE *, const char *, ...)
	    __attribute__((__format__(__scanf__, 2, 3)));
int	vise_scanf(const char *, ...)
	    __attribute__((__format__(__scanf__, 1, 2)));

/*
 * <dirent.h>; DIR is opaque.  struct dirent is Vise's getdirentries
 * record: a test includes <sys/_stat.h> to read it.
 */
typedef struct _dirdesc VISE_DIR;
struct dirent;
VISE_DIR *vise_opendir(const char *);
VISE_DIR *vise_fdopendir(int);
struct dirent *vise_readdir(VISE_DIR *);
void	vise_rewinddir(VISE_DIR *);
int	vise_closedir(VISE_DIR *);
int	vise_dirfd(VISE_DIR *);

/* <pwd.h> and <grp.h>, with their structs as libc lays them out. */
struct vise_passwd {
	char	*pw_name, *pw_passwd;
	uint32_t pw_uid, pw_gid;
	int64_t	pw_change;
	char	*pw_class, *pw_gecos, *pw_dir, *pw_shell;
	int64_t	pw_expire;
};
struct vise_group {
	char	*gr_name, *gr_passwd;
	uint32_t gr_gid;
	char	**gr_mem;
};
struct vise_passwd *vise_getpwnam(const char *);
struct vise_passwd *vise_getpwuid(uint32_t);
int	vise_getpwnam_r(const char *, struct vise_passwd *, char *, size_t,
	    struct vise_passwd **);
int	vise_getpwuid_r(uint32_t, struct vise_passwd *, char *, size_t,
	    struct vise_passwd **);
struct vise_passwd *vise_getpwent(void);
void	vise_setpwent(void);
void	vise_endpwent(void);
struct vise_group *vise_getgrnam(const char *);
struct vise_group *vise_getgrgid(uint32_t);
int	vise_getgrnam_r(const char *, struct vise_group *, char *, size_t,
	    struct vise_group **);
struct vise_group *vise_getgrent(void);
void	vise_setgrent(void);
void	vise_endgrent(void);

/* <errno.h> and libc_private.h */
int	*vise___error(void);
#define vise_errno	(*vise___error())
void	 vise___libc_run_atexit(void);

/* libc's <errno.h> values (libc_errno.c); all of them, for strerror. */
extern const int libc_EINVAL, libc_ENOMEM, libc_ERANGE;
extern const int libc_EBADF, libc_EBUSY, libc_EIO, libc_EMFILE, libc_ENOENT;
extern const int libc_ENOTDIR, libc_ESPIPE, libc_EOVERFLOW;
/* libc's <stdio.h> constants (libc_errno.c too). */
extern const int libc_BUFSIZ, libc_IOFBF, libc_IOLBF, libc_IONBF;
extern const int libc_errno_values[];
extern const size_t libc_errno_count;

/*
 * The morecore hook (libc_host.c).  Memory comes from one big
 * reservation, each chunk right after the last (as with sbrk), unless
 * libc_host_scattered is set: then each chunk is a mapping of its own
 * followed by an inaccessible page, so chunks never touch and an
 * overrun of one faults.  libc_host_budget is how many more bytes
 * morecore may hand out (SIZE_MAX: no limit); a call beyond it returns
 * NULL.  The counters record every call and any that broke the hook's
 * contract (len 0 or not a multiple of the page size).
 */
extern bool	libc_host_scattered;
extern size_t	libc_host_budget;
extern size_t	libc_host_morecore_calls;
extern size_t	libc_host_morecore_bytes;
extern size_t	libc_host_contract_violations;

/*
 * The pretend kernel behind libc's system-call stubs (libc_host_sys.c):
 * descriptors 0 .. LIBC_HOST_NFD - 1.  libc_host_fd_reset() closes all
 * but 0, 1 and 2 and empties those.  A write appends to out (NUL
 * terminated, for comparing); a read takes from in[inpos .. inlen).
 * chunk != 0 limits every read and write to that many bytes (short
 * counts, as from a pipe); fail != 0 makes the next read, write or
 * close fail with that errno value.  host_fd >= 0 sends writes to that
 * host descriptor instead (for tests that fork).  Each call counts in
 * writes or reads and gets a sequence number in last_seq, so tests can
 * see the order of calls on different descriptors.  open(2) opens the
 * lowest free descriptor and records its flags and mode, except for
 * the path "missing" (ENOENT).
 *
 * A pretend directory: fstat(2) reports st_mode `mode` (S_IFDIR | ...
 * for one); getdirentries(2) hands out the records (struct dirent of
 * <sys/_stat.h>) in in[inpos .. inlen) as the kernel does, whole ones
 * that fit in the buffer and in chunk bytes if chunk != 0, EINVAL if
 * not even one fits; a record whose d_reclen is 0 or runs past inlen is
 * passed on as it is with the rest of in (for libc to reject).
 * Each getdirentries counts in reads.  lseek(2) moves inpos (within
 * in[0 .. inlen], else EINVAL), or fails with ESPIPE if pipe is set;
 * it counts in seeks.
 * fail makes the next fstat, getdirentries or lseek fail too.
 */
#define LIBC_HOST_NFD	8
struct libc_host_fd {
	bool		open;
	char		*out;
	size_t		outlen, outcap;
	const char	*in;
	size_t		inlen, inpos;
	size_t		chunk;
	int		fail;
	int		host_fd;
	unsigned	writes, reads, seeks;
	unsigned long	last_seq;
	unsigned	mode;
	bool		pipe;
};
extern struct libc_host_fd libc_host_fds[LIBC_HOST_NFD];
extern long	libc_host_open_flags, libc_host_open_mode;
extern unsigned long libc_host_open_calls;
void	libc_host_fd_reset(void);

#endif /* !_TESTS_HOST_LIBC_HOST_H_ */
