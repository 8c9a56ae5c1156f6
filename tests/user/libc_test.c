/*
 * libc_test.c - the parts of libc that need the real system, run
 * inside Vise (issue 5, libc): setjmp/longjmp (values, volatile
 * locals, a jump out of nested calls, the floating-point control
 * word), the signal mask with setjmp, _setjmp and sigsetjmp, a
 * siglongjmp out of a signal handler; assert and abort ending a child
 * with SIGABRT; the password and group databases of the initrd;
 * fseek/ftell on an initrd file and on a pipe; sscanf, strtod and
 * floating-point printf on the machine's own FPU; sysconf.
 * Prints TAP; exits 0 if every test passed.
 */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static int tests, failures;

static void
report(int ok, const char *name)
{
	tests++;
	if (!ok)
		failures++;
	printf("%sok %d - libc %s\n", ok ? "" : "not ", tests, name);
	fflush(stdout);
}

static jmp_buf env;
static sigjmp_buf senv;
static volatile int depth;

static void __attribute__((__noinline__))
dive(int n, int val)
{
	depth = n;
	if (n < 0)
		return;
	if (n == 0)
		longjmp(env, val);
	dive(n - 1, val);
}

static void
test_setjmp(void)
{
	volatile int counter = 0, r;
	volatile double x = 1.5;

	r = setjmp(env);
	if (r == 0) {
		counter = 10;
		x = 2.5;
		dive(20, 7);
	}
	report(r == 7 && depth == 0, "setjmp: longjmp from 20 calls deep "
	    "returns its value");
	report(counter == 10 && x == 2.5,
	    "setjmp: volatile locals keep what they had at the longjmp");

	r = setjmp(env);
	if (r == 0)
		longjmp(env, 0);
	report(r == 1, "setjmp: longjmp(env, 0) makes setjmp return 1");

	r = _setjmp(env);
	if (r == 0)
		_longjmp(env, 3);
	report(r == 3, "setjmp: _setjmp and _longjmp");
}

static unsigned short
fpu_control_word(void)
{
	unsigned short cw;

	__asm__ __volatile__("fnstcw %0" : "=m" (cw));
	return (cw);
}

static void
set_fpu_control_word(unsigned short cw)
{
	__asm__ __volatile__("fldcw %0" : : "m" (cw));
}

static void
test_setjmp_fpu(void)
{
	unsigned short before = fpu_control_word();
	volatile int r;

	r = setjmp(env);
	if (r == 0) {
		/* Round toward zero, then jump back. */
		set_fpu_control_word(before | 0x0c00);
		longjmp(env, 1);
	}
	report(fpu_control_word() == before,
	    "setjmp: longjmp restores the x87 control word");
	set_fpu_control_word(before);
}

static sigset_t
current_mask(void)
{
	sigset_t set;

	sigprocmask(SIG_BLOCK, NULL, &set);
	return (set);
}

static void
block(int sig, int how)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(how, &set, NULL);
}

static void
test_setjmp_masks(void)
{
	volatile int r;

	block(SIGUSR1, SIG_UNBLOCK);
	r = setjmp(env);
	if (r == 0) {
		block(SIGUSR1, SIG_BLOCK);
		longjmp(env, 1);
	}
	report(!sigismember(&(sigset_t){ current_mask() }, SIGUSR1),
	    "setjmp: longjmp restores the signal mask setjmp saved");

	r = _setjmp(env);
	if (r == 0) {
		block(SIGUSR1, SIG_BLOCK);
		_longjmp(env, 1);
	}
	report(sigismember(&(sigset_t){ current_mask() }, SIGUSR1),
	    "setjmp: _longjmp leaves the signal mask alone");
	block(SIGUSR1, SIG_UNBLOCK);
}

static volatile sig_atomic_t handled;

static void
jump_out(int sig)
{
	(void)sig;
	handled++;
	siglongjmp(senv, 1);
}

static void
test_siglongjmp_from_handler(void)
{
	struct sigaction sa;
	volatile int r;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = jump_out;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	block(SIGUSR1, SIG_UNBLOCK);

	handled = 0;
	r = sigsetjmp(senv, 1);
	if (r == 0) {
		kill(getpid(), SIGUSR1);
		r = -1;			/* not reached */
	}
	report(r == 1 && handled == 1 &&
	    !sigismember(&(sigset_t){ current_mask() }, SIGUSR1),
	    "sigsetjmp: siglongjmp out of a handler restores the mask");

	/* Without a saved mask the handler's mask stays: SIGUSR1 blocked. */
	r = sigsetjmp(senv, 0);
	if (r == 0) {
		kill(getpid(), SIGUSR1);
		r = -1;
	}
	report(r == 1 && handled == 2 &&
	    sigismember(&(sigset_t){ current_mask() }, SIGUSR1),
	    "sigsetjmp: savemask 0 keeps the handler's mask");
	block(SIGUSR1, SIG_UNBLOCK);
	sa.sa_handler = SIG_DFL;
	sigaction(SIGUSR1, &sa, NULL);
}

/* Run fn in a child with stderr into a pipe: its status and message. */
static int
child_status(void (*fn)(void), char *msg, size_t len)
{
	int fds[2], status = -1;
	ssize_t n, got = 0;
	pid_t pid;

	if (pipe(fds) != 0)
		return (-1);
	if ((pid = fork()) == 0) {
		dup2(fds[1], STDERR_FILENO);
		close(fds[0]);
		fn();
		_exit(0);
	}
	close(fds[1]);
	while ((n = read(fds[0], msg + got, len - 1 - (size_t)got)) > 0)
		got += n;
	msg[got] = '\0';
	close(fds[0]);
	waitpid(pid, &status, 0);
	return (status);
}

static void
fail_assertion(void)
{
	volatile int two = 2;

	assert(two == 3);
}

static void
abort_blocked(void)
{
	block(SIGABRT, SIG_BLOCK);
	abort();
}

static void
returning_handler(int sig)
{
	(void)sig;
}

static void
abort_caught(void)
{
	signal(SIGABRT, returning_handler);
	abort();
}

static void
test_assert_and_abort(void)
{
	char msg[256];
	int status;

	status = child_status(fail_assertion, msg, sizeof(msg));
	report(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT,
	    "assert: a failed assertion ends the process with SIGABRT");
	report(strstr(msg, "Assertion failed: (two == 3), function "
	    "fail_assertion, file tests/user/libc_test.c, line ") != NULL,
	    "assert: the message names expression, function, file, line");
	status = child_status(abort_blocked, msg, sizeof(msg));
	report(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT,
	    "abort: SIGABRT blocked still ends the process");
	status = child_status(abort_caught, msg, sizeof(msg));
	report(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT,
	    "abort: a handler that returns does not save the process");
}

static void
test_databases(void)
{
	struct passwd *pw;
	struct group *gr;

	pw = getpwnam("root");
	report(pw != NULL && pw->pw_uid == 0 && pw->pw_gid == 0 &&
	    strcmp(pw->pw_dir, "/") == 0 &&
	    strcmp(pw->pw_shell, "/bin/sh") == 0,
	    "pwd: getpwnam(\"root\") from /etc/passwd");
	pw = getpwuid(0);
	report(pw != NULL && strcmp(pw->pw_name, "root") == 0,
	    "pwd: getpwuid(0) is root");
	pw = getpwnam("student");
	report(pw != NULL && pw->pw_uid == 1001 && pw->pw_gid == 1001,
	    "pwd: student is uid 1001");
	errno = 0;
	report(getpwnam("nosuchuser") == NULL && errno == 0 &&
	    getpwuid(4242) == NULL && errno == 0,
	    "pwd: not found is NULL with errno unchanged");
	gr = getgrgid(0);
	report(gr != NULL && strcmp(gr->gr_name, "wheel") == 0 &&
	    gr->gr_mem[0] != NULL && strcmp(gr->gr_mem[0], "root") == 0,
	    "grp: getgrgid(0) is wheel, with root in it");
	gr = getgrnam("student");
	report(gr != NULL && gr->gr_gid == 1001, "grp: getgrnam(\"student\")");
	setpwent();
	pw = getpwent();
	report(pw != NULL && strcmp(pw->pw_name, "root") == 0 &&
	    getpwent() != NULL, "pwd: getpwent walks /etc/passwd");
	endpwent();
}

static void
test_fseek(void)
{
	char whole[512], buf[16];
	struct stat st;
	ssize_t len;
	FILE *fp;
	int fd, fds[2], ok;

	fd = open("/etc/motd", O_RDONLY);
	len = fd >= 0 ? read(fd, whole, sizeof(whole)) : -1;
	ok = fd >= 0 && fstat(fd, &st) == 0 && len == st.st_size && len > 40;
	if (fd >= 0)
		close(fd);
	fp = fopen("/etc/motd", "r");
	ok = ok && fp != NULL;
	report(ok, "fseek: /etc/motd opens");
	if (!ok)
		return;
	ok = fgetc(fp) == whole[0] && ftell(fp) == 1 &&
	    fseek(fp, 20, SEEK_SET) == 0 && fgetc(fp) == whole[20] &&
	    ftell(fp) == 21 && fseek(fp, -11, SEEK_CUR) == 0 &&
	    ftell(fp) == 10 && fread(buf, 1, 5, fp) == 5 &&
	    memcmp(buf, whole + 10, 5) == 0;
	report(ok, "fseek: SEEK_SET and SEEK_CUR, ftell, read-ahead");
	ok = fseek(fp, -3, SEEK_END) == 0 && ftell(fp) == len - 3 &&
	    fread(buf, 1, sizeof(buf), fp) == 3 && feof(fp) &&
	    memcmp(buf, whole + len - 3, 3) == 0;
	report(ok, "fseek: SEEK_END on an initrd file");
	rewind(fp);
	ok = !feof(fp) && ftell(fp) == 0 && ungetc('X', fp) == 'X' &&
	    fgetc(fp) == 'X' && fgetc(fp) == whole[0];
	report(ok, "fseek: rewind, and ungetc after it");
	errno = 0;
	ok = fseek(fp, 0, 42) == -1 && errno == EINVAL;
	report(ok, "fseek: a bad whence is EINVAL");
	fclose(fp);

	if (pipe(fds) != 0)
		return;
	write(fds[1], "x", 1);
	fp = fdopen(fds[0], "r");
	errno = 0;
	ok = fp != NULL && fseek(fp, 0, SEEK_SET) == -1 && errno == ESPIPE &&
	    ftell(fp) == -1 && fgetc(fp) == 'x';
	report(ok, "fseek: a pipe is ESPIPE");
	if (fp != NULL)
		fclose(fp);
	close(fds[1]);
}

static void
test_scanf_and_floats(void)
{
	char word[16], buf[128];
	volatile double third = 1.0, big = 1e300;
	double d;
	int a, n;

	n = sscanf("42 vise 2.5e3 0x1f", "%d %15s %lf %i", &a, word, &d,
	    &(int){ 0 });
	report(n == 4 && a == 42 && strcmp(word, "vise") == 0 && d == 2500.0,
	    "scanf: sscanf of integers, words and a double");
	third /= 3.0;
	snprintf(buf, sizeof(buf), "%.17g|%.3f|%e|%g|%a", (double)third,
	    3.14159, 12345.678, 0.0001, 1.0);
	report(strcmp(buf, "0.33333333333333331|3.142|1.234568e+04|0.0001|"
	    "0x1p+0") == 0, "printf: %e %f %g %a on this machine's FPU");
	snprintf(buf, sizeof(buf), "%f|%.0f|%5.1f", big * 1e10, 2.5, -0.04);
	report(strcmp(buf, "inf|2| -0.0") == 0,
	    "printf: inf, ties to even, -0.0");
	d = strtod("0.1", NULL);
	report(d == 0.1 && strtod("1e-320", NULL) > 0 &&
	    strtof("3.4e38", NULL) > 3e38f, "strtod: decimal to binary");
}

static void
test_sysconf(void)
{
	report(sysconf(_SC_PAGESIZE) == 4096 && getpagesize() == 4096 &&
	    sysconf(_SC_MEMLOCK) == _POSIX_MEMLOCK &&
	    sysconf(_SC_MEMLOCK_RANGE) > 0 &&
	    sysconf(_SC_MAPPED_FILES) > 0 &&
	    sysconf(_SC_MEMORY_PROTECTION) > 0,
	    "unistd: sysconf and the POSIX memory options");
}

int
main(void)
{
	test_setjmp();
	test_setjmp_fpu();
	test_setjmp_masks();
	test_siglongjmp_from_handler();
	test_assert_and_abort();
	test_databases();
	test_fseek();
	test_scanf_and_floats();
	test_sysconf();
	printf("1..%d\n", tests);
	return (failures == 0 ? 0 : 1);
}
