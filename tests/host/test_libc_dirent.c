/*
 * test_libc_dirent.c - libc's directory functions (libc/gen/opendir.c,
 * readdir.c, closedir.c) over the pretend getdirentries of
 * libc_host_sys.c: the records come back in order across several
 * system calls, opendir's errors leave no descriptor behind, a
 * malformed record is EIO rather than a wild pointer, rewinddir starts
 * over, closedir closes.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

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
#include <sys/fcntl.h>

#include "libc_host.h"
#include "tap.h"

/* The pretend directory's records, as getdirentries hands them out. */
static char stream[8192] __attribute__((__aligned__(8)));
static size_t stream_len;

/* Append a record for name; returns it, for tests that spoil it. */
static struct dirent *
add(uint64_t ino, uint8_t type, const char *name)
{
	struct dirent *dp = (struct dirent *)(stream + stream_len);
	size_t namlen = strlen(name);
	size_t reclen = (offsetof(struct dirent, d_name) + namlen + 1 + 7) &
	    ~(size_t)7;

	memset(dp, 0, reclen);
	dp->d_fileno = ino;
	dp->d_off = (int64_t)(stream_len + reclen);
	dp->d_reclen = (uint16_t)reclen;
	dp->d_type = type;
	dp->d_namlen = (uint16_t)namlen;
	memcpy(dp->d_name, name, namlen + 1);
	stream_len += reclen;
	return (dp);
}

/*
 * A clean start: descriptor 3 (the one open() gives next) is a
 * directory holding ".", "..", "alpha", "beta", "gamma".
 */
static void
fresh(void)
{
	libc_host_fd_reset();
	stream_len = 0;
	add(2, DT_DIR, ".");
	add(1, DT_DIR, "..");
	add(10, DT_REG, "alpha");
	add(11, DT_DIR, "beta");
	add(12, DT_LNK, "gamma");
	libc_host_fds[3].mode = S_IFDIR | 0755;
	libc_host_fds[3].in = stream;
	libc_host_fds[3].inlen = stream_len;
}

/* Read the next entry and check its name. */
#define EXPECT_NAME(dirp, want) do {					\
	struct dirent *dp_ = vise_readdir(dirp);			\
	CHECK(dp_ != NULL && strcmp(dp_->d_name, (want)) == 0,		\
	    "readdir gave %s, want %s", dp_ != NULL ? dp_->d_name :	\
	    "NULL", (want));						\
} while (0)

static void
readdir_returns_the_records_in_order(void)
{
	struct dirent *dp;
	VISE_DIR *dirp;

	fresh();
	dirp = vise_opendir("/dir");
	CHECK(dirp != NULL, "opendir failed, errno %d", vise_errno);
	if (dirp == NULL)
		return;
	CHECK(vise_dirfd(dirp) == 3, "dirfd %d", vise_dirfd(dirp));
	EXPECT_NAME(dirp, ".");
	EXPECT_NAME(dirp, "..");
	dp = vise_readdir(dirp);
	CHECK(dp != NULL && strcmp(dp->d_name, "alpha") == 0 &&
	    dp->d_fileno == 10 && dp->d_type == DT_REG && dp->d_namlen == 5,
	    "alpha's record is wrong");
	EXPECT_NAME(dirp, "beta");
	dp = vise_readdir(dirp);
	CHECK(dp != NULL && dp->d_type == DT_LNK, "gamma's record is wrong");
	vise_errno = 0;
	CHECK(vise_readdir(dirp) == NULL && vise_errno == 0,
	    "at the end: not NULL, or errno %d", vise_errno);
	CHECK(vise_readdir(dirp) == NULL, "after the end: not NULL");
	CHECK(vise_closedir(dirp) == 0, "closedir failed");
	CHECK(!libc_host_fds[3].open, "closedir left the descriptor open");
}

static void
opendir_opens_read_only_and_close_on_exec(void)
{
	VISE_DIR *dirp;

	fresh();
	dirp = vise_opendir("/dir");
	CHECK(dirp != NULL, "opendir failed");
	CHECK((libc_host_open_flags & O_ACCMODE) == O_RDONLY &&
	    (libc_host_open_flags & O_CLOEXEC) != 0,
	    "open flags %#lx", libc_host_open_flags);
	if (dirp != NULL)
		vise_closedir(dirp);
}

/* A buffer's worth at a time: the DIR asks again when it runs out. */
static void
readdir_refills_across_system_calls(void)
{
	VISE_DIR *dirp;

	fresh();
	libc_host_fds[3].chunk = 64;	/* two 32-byte records a call */
	dirp = vise_opendir("/dir");
	CHECK(dirp != NULL, "opendir failed");
	if (dirp == NULL)
		return;
	EXPECT_NAME(dirp, ".");
	EXPECT_NAME(dirp, "..");
	CHECK(libc_host_fds[3].reads == 1, "%u getdirentries calls",
	    libc_host_fds[3].reads);
	EXPECT_NAME(dirp, "alpha");
	EXPECT_NAME(dirp, "beta");
	EXPECT_NAME(dirp, "gamma");
	CHECK(vise_readdir(dirp) == NULL, "more than five entries");
	CHECK(libc_host_fds[3].reads == 4, "%u getdirentries calls",
	    libc_host_fds[3].reads);
	vise_closedir(dirp);
}

/* The longest name (255 bytes) makes the largest record (280 bytes). */
static void
readdir_handles_the_longest_name(void)
{
	char name[256];
	VISE_DIR *dirp;

	fresh();
	memset(name, 'n', 255);
	name[255] = '\0';
	add(13, DT_REG, name);
	libc_host_fds[3].inlen = stream_len;
	dirp = vise_opendir("/dir");
	CHECK(dirp != NULL, "opendir failed");
	if (dirp == NULL)
		return;
	for (int i = 0; i < 5; i++)
		(void)vise_readdir(dirp);
	EXPECT_NAME(dirp, name);
	vise_closedir(dirp);
}

static void
opendir_of_a_missing_path_is_enoent(void)
{
	fresh();
	CHECK(vise_opendir("missing") == NULL && vise_errno == libc_ENOENT,
	    "errno %d", vise_errno);
}

/* The error shows at opendir, and the descriptor it opened is closed. */
static void
opendir_of_a_file_is_enotdir(void)
{
	fresh();
	libc_host_fds[3].mode = S_IFREG | 0644;
	CHECK(vise_opendir("/file") == NULL && vise_errno == libc_ENOTDIR,
	    "errno %d", vise_errno);
	CHECK(!libc_host_fds[3].open, "the descriptor was left open");
}

/* fdopendir does not take the descriptor unless it succeeds. */
static void
fdopendir_failure_leaves_the_descriptor(void)
{
	VISE_DIR *dirp;

	fresh();
	libc_host_fds[3].open = true;
	libc_host_fds[3].mode = S_IFCHR | 0666;
	CHECK(vise_fdopendir(3) == NULL && vise_errno == libc_ENOTDIR,
	    "errno %d", vise_errno);
	CHECK(libc_host_fds[3].open, "fdopendir closed the descriptor");
	CHECK(vise_fdopendir(5) == NULL && vise_errno == libc_EBADF,
	    "closed descriptor: errno %d", vise_errno);
	libc_host_fds[3].mode = S_IFDIR | 0755;
	dirp = vise_fdopendir(3);
	CHECK(dirp != NULL && vise_dirfd(dirp) == 3, "fdopendir(3) failed");
	if (dirp != NULL)
		EXPECT_NAME(dirp, ".");
	if (dirp != NULL)
		vise_closedir(dirp);
}

/*
 * Open the pretend directory whose third record `spoil` has changed,
 * read the two good ones, and expect NULL with EIO for the third.
 */
static void
expect_eio(const char *what, void (*spoil)(struct dirent *))
{
	struct dirent *third;
	VISE_DIR *dirp;

	fresh();
	third = (struct dirent *)(stream + 64);
	spoil(third);
	dirp = vise_opendir("/dir");
	CHECK(dirp != NULL, "%s: opendir failed", what);
	if (dirp == NULL)
		return;
	EXPECT_NAME(dirp, ".");
	EXPECT_NAME(dirp, "..");
	vise_errno = 0;
	CHECK(vise_readdir(dirp) == NULL && vise_errno == libc_EIO,
	    "%s: errno %d", what, vise_errno);
	vise_closedir(dirp);
}

static void
spoil_reclen_zero(struct dirent *dp)
{
	dp->d_reclen = 0;
}

static void
spoil_reclen_unaligned(struct dirent *dp)
{
	dp->d_reclen = 36;	/* 32 would be right; 40 is the next */
}

static void
spoil_namlen_too_long(struct dirent *dp)
{
	dp->d_namlen = 9;	/* "alpha": 24 + 9 + 1 > 32 */
}

static void
spoil_name_unterminated(struct dirent *dp)
{
	dp->d_namlen = 4;	/* d_name[4] is 'a', not NUL */
}

static void
spoil_reclen_past_the_end(struct dirent *dp)
{
	dp->d_reclen = 4096;
}

static void
readdir_rejects_malformed_records(void)
{
	expect_eio("d_reclen 0", spoil_reclen_zero);
	expect_eio("d_reclen not a multiple of 8", spoil_reclen_unaligned);
	expect_eio("d_namlen beyond the record", spoil_namlen_too_long);
	expect_eio("name without its NUL", spoil_name_unterminated);
	expect_eio("d_reclen beyond what was read", spoil_reclen_past_the_end);
}

static void
readdir_reports_getdirentries_errors(void)
{
	VISE_DIR *dirp;

	fresh();
	dirp = vise_opendir("/dir");
	CHECK(dirp != NULL, "opendir failed");
	if (dirp == NULL)
		return;
	libc_host_fds[3].fail = libc_EIO;
	vise_errno = 0;
	CHECK(vise_readdir(dirp) == NULL && vise_errno == libc_EIO,
	    "errno %d", vise_errno);
	EXPECT_NAME(dirp, ".");
	vise_closedir(dirp);
}

static void
rewinddir_starts_over(void)
{
	VISE_DIR *dirp;

	fresh();
	dirp = vise_opendir("/dir");
	CHECK(dirp != NULL, "opendir failed");
	if (dirp == NULL)
		return;
	EXPECT_NAME(dirp, ".");
	EXPECT_NAME(dirp, "..");
	vise_rewinddir(dirp);
	CHECK(libc_host_fds[3].seeks == 1, "%u seeks",
	    libc_host_fds[3].seeks);
	EXPECT_NAME(dirp, ".");
	EXPECT_NAME(dirp, "..");
	EXPECT_NAME(dirp, "alpha");
	vise_closedir(dirp);
}

/* A failed close is reported; the DIR is freed all the same (LSan). */
static void
closedir_reports_a_failed_close(void)
{
	VISE_DIR *dirp;

	fresh();
	dirp = vise_opendir("/dir");
	CHECK(dirp != NULL, "opendir failed");
	if (dirp == NULL)
		return;
	libc_host_fds[3].fail = libc_EIO;
	CHECK(vise_closedir(dirp) == -1 && vise_errno == libc_EIO,
	    "closedir: errno %d", vise_errno);
}

int
main(void)
{
	TAP_RUN(readdir_returns_the_records_in_order);
	TAP_RUN(opendir_opens_read_only_and_close_on_exec);
	TAP_RUN(readdir_refills_across_system_calls);
	TAP_RUN(readdir_handles_the_longest_name);
	TAP_RUN(opendir_of_a_missing_path_is_enoent);
	TAP_RUN(opendir_of_a_file_is_enotdir);
	TAP_RUN(fdopendir_failure_leaves_the_descriptor);
	TAP_RUN(readdir_rejects_malformed_records);
	TAP_RUN(readdir_reports_getdirentries_errors);
	TAP_RUN(rewinddir_starts_over);
	TAP_RUN(closedir_reports_a_failed_close);
	return (tap_exit_status());
}
