/*
 * wirehog_test.c - /bin/wirehog, the memory-locking hog (issue 7; the
 * hog of issue 8's scenarios): it locks what -s asks and says "size";
 * it stops at RLIMIT_MEMLOCK and names it (R78), in both modes (mlock
 * and mlockall, R18); a page shortage (made with the fault-injection
 * knob debug.inject.page_alloc_fail, for its pid only) stops it with
 * "out of memory" and nothing half-locked (R3, R7); with -H it holds
 * its locks until killed, and then every counter comes back (R46).
 *
 * Runs as root (setrlimit and the knobs); reads the hog's output
 * through a pipe.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/sysctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lib/utest.h"

#define PAGE	4096UL

struct hog {
	pid_t	pid;
	int	fd;		/* its standard output */
	char	out[2048];
	size_t	len;
};

/*
 * Start wirehog with `args` (NULL-terminated, after argv[0]), its
 * RLIMIT_MEMLOCK set to `memlock` bytes first (0: as it is).
 */
static int
hog_start(struct hog *h, rlim_t memlock, const char **args)
{
	char *argv[12];
	struct rlimit rl;
	int fds[2], i;

	memset(h, 0, sizeof(*h));
	argv[0] = "wirehog";
	for (i = 0; args[i] != NULL && i < 10; i++)
		argv[i + 1] = (char *)args[i];
	argv[i + 1] = NULL;
	if (pipe(fds) != 0)
		return (-1);
	fflush(stdout);
	if ((h->pid = fork()) == 0) {
		dup2(fds[1], 1);
		close(fds[0]);
		close(fds[1]);
		if (memlock != 0) {
			getrlimit(RLIMIT_MEMLOCK, &rl);
			rl.rlim_cur = memlock;
			setrlimit(RLIMIT_MEMLOCK, &rl);
		}
		execv("/bin/wirehog", argv);
		_exit(127);
	}
	close(fds[1]);
	h->fd = fds[0];
	return (h->pid > 0 ? 0 : -1);
}

/* Read its output until `until` appears in it (NULL: to the end). */
static int
hog_read(struct hog *h, const char *until)
{
	ssize_t n;

	for (;;) {
		if (until != NULL && strstr(h->out, until) != NULL)
			return (1);
		if (h->len + 1 >= sizeof(h->out))
			return (0);
		n = read(h->fd, h->out + h->len, sizeof(h->out) - 1 - h->len);
		if (n <= 0)
			return (until == NULL);
		h->len += (size_t)n;
		h->out[h->len] = '\0';
	}
}

/* Wait for it; its exit status, or 128 + signal. */
static int
hog_wait(struct hog *h)
{
	int status;

	close(h->fd);
	if (waitpid(h->pid, &status, 0) != h->pid)
		return (-1);
	return (WIFEXITED(status) ? WEXITSTATUS(status) :
	    128 + WTERMSIG(status));
}

/* Run it to the end; 1 if it exited `status` and said every `want`. */
static int
hog_run(rlim_t memlock, const char **args, int status, const char *want1,
    const char *want2)
{
	struct hog h;
	int st, good;

	if (hog_start(&h, memlock, args) != 0)
		return (0);
	hog_read(&h, NULL);
	st = hog_wait(&h);
	good = st == status && strstr(h.out, want1) != NULL &&
	    (want2 == NULL || strstr(h.out, want2) != NULL);
	if (!good)
		printf("# exit %d, output:\n%s", st, h.out);
	return (good);
}

static void
t_size(void)
{
	unsigned long u0 = uwire(), w0 = pwire();
	const char *a1[] = { "-s", "64K", "-c", "16K", NULL };
	const char *a2[] = { "-m", "mlockall", "-s", "32K", "-c", "8K", NULL };

	ok(hog_run(0, a1, 0, "locked 64 KiB (16 pages) in 4 chunks",
	    "stopped by size"), "R4 wirehog -s 64K -c 16K locks 64 KiB and "
	    "stops by size");
	ok(uwire() == u0 && pwire() == w0, "R46 counters back after it");
	ok(hog_run(0, a2, 0, "locked 32 KiB (8 pages) in 4 chunks",
	    "stopped by size"), "R18 wirehog -m mlockall -s 32K -c 8K");
	ok(uwire() == u0 && pwire() == w0, "R46 counters back after it");
}

static void
t_rlimit(void)
{
	unsigned long u0 = uwire(), w0 = pwire();
	const char *a1[] = { "-c", "16K", NULL };
	const char *a2[] = { "-m", "mlockall", "-c", "16K", NULL };

	ok(hog_run(40 * 1024, a1, 0, "locked 32 KiB (8 pages) in 2 chunks",
	    "stopped by RLIMIT_MEMLOCK (mlock: "), "R78 with RLIMIT_MEMLOCK "
	    "40K, wirehog locks 32 KiB and names the limit");
	ok(uwire() == u0 && pwire() == w0, "R46 counters back after it");
	ok(hog_run(16 * 1024, a2, 0, "stopped by RLIMIT_MEMLOCK", NULL),
	    "R18 R78 wirehog -m mlockall under a small RLIMIT_MEMLOCK names "
	    "the limit");
	ok(uwire() == u0 && pwire() == w0, "R46 counters back after it");
}

static void
t_out_of_memory(void)
{
	unsigned long u0 = uwire(), w0 = pwire();
	const char *args[] = { "-S", "-c", "16K", NULL };
	struct hog h;
	int status, good;

	if (hog_start(&h, 0, args) != 0 ||
	    waitpid(h.pid, &status, WUNTRACED) != h.pid ||
	    !WIFSTOPPED(status)) {
		ok(0, "R7 wirehog -S stops itself");
		return;
	}
	/* Two chunks of 4 pages go through, the ninth page fails. */
	good = sysctl_int_set("debug.inject.pid", h.pid) == 0 &&
	    sysctl_int_set("debug.inject.page_alloc_skip", 8) == 0 &&
	    sysctl_int_set("debug.inject.page_alloc_fail", 1) == 0;
	kill(h.pid, SIGCONT);
	hog_read(&h, NULL);
	status = hog_wait(&h);
	sysctl_int_set("debug.inject.page_alloc_skip", 0);
	sysctl_int_set("debug.inject.page_alloc_fail", 0);
	sysctl_int_set("debug.inject.pid", 0);
	good = good && status == 0 &&
	    strstr(h.out, "locked 32 KiB (8 pages) in 2 chunks") != NULL &&
	    strstr(h.out, "stopped by out of memory (mlock: ") != NULL;
	if (!good)
		printf("# exit %d, output:\n%s", status, h.out);
	ok(good, "R3 R7 a page shortage in its third chunk (injected): "
	    "wirehog says out of memory, 2 chunks locked");
	ok(uwire() == u0 && pwire() == w0, "R46 counters back after it");
}

static void
t_hold(void)
{
	unsigned long u0 = uwire(), w0 = pwire();
	const char *args[] = { "-H", "-s", "128K", "-c", "32K", NULL };
	struct hog h;
	int held;

	if (hog_start(&h, 0, args) != 0 || !hog_read(&h, "holding")) {
		ok(0, "R46 wirehog -H holds");
		return;
	}
	held = uwire() == u0 + 32 && pwire() == w0 + 32;
	if (!held)
		printf("# holding: uwire %lu (base %lu) pwire %lu "
		    "(base %lu)\n", uwire(), u0, pwire(), w0);
	ok(held, "R14 wirehog -H holds 32 pages: v_user_wire_count and "
	    "v_wire_user +32");
	kill(h.pid, SIGKILL);
	ok(hog_wait(&h) == 128 + SIGKILL && uwire() == u0 && pwire() == w0,
	    "R46 killed, its locks are gone: counters back");
}

int
main(void)
{
	int status;
	pid_t pid;

	if (getpid() == 1) {
		if ((pid = fork()) == 0)
			_exit(main());
		waitpid(pid, &status, 0);
		return (WIFEXITED(status) ? WEXITSTATUS(status) : 1);
	}
	t_size();
	t_rlimit();
	t_out_of_memory();
	t_hold();
	return (done_testing());
}
