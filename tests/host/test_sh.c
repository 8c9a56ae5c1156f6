/*
 * test_sh.c - the shell (user/bin/sh.c) built for the host and run with
 * sh -c on command lines whose output, error messages and exit status
 * are known: quoting, variables and the environment, exit statuses,
 * pipelines, redirections, syntax errors, builtins, signals and jobs.
 *
 * The shell is plain POSIX C; tests/host/sh.mk builds it against the
 * host's C library into SH_DIR/sh, and the commands it runs are the
 * host's (PATH is SH_DIR first, so "sh" in a command line is ours,
 * then /bin and /usr/bin).  Standard input is /dev/null.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tap.h"

#ifndef SH_DIR
#define SH_DIR	"build/host/sh-bin"
#endif

struct result {
	char	out[4096];
	char	err[4096];
	int	status;		/* the exit status, or 128 + signal */
};

static char tmpdir[64];

/* Read fd to its end into buf (a string, cut at len - 1 bytes). */
static void
slurp(int fd, char *buf, size_t len)
{
	size_t used = 0;
	ssize_t n;

	while ((n = read(fd, buf + used, len - 1 - used)) > 0)
		used += (size_t)n;
	buf[used] = '\0';
}

/* Run sh -c script with arguments args (NULL-terminated) into r. */
static void
run_sh_args(const char *script, char *const *args, struct result *r)
{
	char *env[] = { "PATH=" SH_DIR ":/bin:/usr/bin", "HOME=/", NULL };
	char *argv[16] = { "sh", "-c", (char *)script };
	char errpath[128];
	int out[2], errfd, status, i;
	pid_t pid;

	for (i = 0; args != NULL && args[i] != NULL && i < 12; i++)
		argv[3 + i] = args[i];
	snprintf(errpath, sizeof(errpath), "%s/stderr", tmpdir);
	if (pipe(out) != 0 || (errfd = open(errpath, O_RDWR | O_CREAT |
	    O_TRUNC, 0600)) < 0) {
		perror("test_sh");
		exit(2);
	}
	if ((pid = fork()) == 0) {
		dup2(open("/dev/null", O_RDONLY), 0);
		dup2(out[1], 1);
		dup2(errfd, 2);
		close(out[0]);
		close(out[1]);
		close(errfd);
		execve(SH_DIR "/sh", argv, env);
		_exit(99);
	}
	close(out[1]);
	slurp(out[0], r->out, sizeof(r->out));
	close(out[0]);
	waitpid(pid, &status, 0);
	r->status = WIFSIGNALED(status) ? 128 + WTERMSIG(status) :
	    WEXITSTATUS(status);
	lseek(errfd, 0, SEEK_SET);
	slurp(errfd, r->err, sizeof(r->err));
	close(errfd);
}

/*
 * sh -c script must print out on stdout, something containing err on
 * stderr ("" for nothing at all) and exit with status.
 */
static void
expect_line(int line, const char *script, char *const *args, const char *out,
    const char *err, int status)
{
	struct result r;

	run_sh_args(script, args, &r);
	CHECK(strcmp(r.out, out) == 0, "line %d: sh -c '%s': stdout '%s', "
	    "want '%s'", line, script, r.out, out);
	CHECK(err[0] == '\0' ? r.err[0] == '\0' : strstr(r.err, err) != NULL,
	    "line %d: sh -c '%s': stderr '%s', want '%s'", line, script,
	    r.err, err);
	CHECK(r.status == status, "line %d: sh -c '%s': status %d, want %d",
	    line, script, r.status, status);
}

#define EXPECT(script, out, status) \
	expect_line(__LINE__, script, NULL, out, "", status)
#define EXPECT_ERR(script, out, err, status) \
	expect_line(__LINE__, script, NULL, out, err, status)
#define EXPECT_ARGS(script, args, out, status) \
	expect_line(__LINE__, script, args, out, "", status)

static void
sh_quoting_and_word_splitting(void)
{
	EXPECT("echo a   b", "a b\n", 0);
	EXPECT("echo 'a   b' \"c  d\"", "a   b c  d\n", 0);
	EXPECT("echo a\\ \\ b", "a  b\n", 0);
	EXPECT("echo \"a\\\"b\" 'c\\d' \"\\$x\" \"x\\y\"",
	    "a\"b c\\d $x x\\y\n", 0);
	EXPECT("printf '%s|' '' a \"\"", "|a||", 0);
	EXPECT("echo a#b # a comment", "a#b\n", 0);
	EXPECT("echo 'a\nb'", "a\nb\n", 0);
	EXPECT("echo a\\\nb", "ab\n", 0);
	EXPECT("echo a |\ncat", "a\n", 0);
	EXPECT("echo a\n\n# comment\necho b", "a\nb\n", 0);
	EXPECT("echo $ a$ '$'", "$ a$ $\n", 0);
}

static void
sh_variables_and_parameters(void)
{
	char *args[] = { "name", "one", "two", NULL };

	EXPECT("x=1; echo $x ${x}2 \"$x\" '$x'", "1 12 1 $x\n", 0);
	EXPECT("x='a  b'; printf '%s|' $x; printf '%s|' \"$x\"",
	    "a|b|a  b|", 0);
	EXPECT("x=' a '; printf '[%s]' $x $x", "[a][a]", 0);
	EXPECT("echo [$unset]", "[]\n", 0);
	EXPECT("sh -c 'echo $#' sh $unset \"$unset\"", "1\n", 0);
	EXPECT_ARGS("echo $0 $1 $2 $3 $#", args, "name one two 2\n", 0);
	EXPECT("echo $$ | grep -q '^[0-9][0-9]*$'", "", 0);
	EXPECT("a=1 b=2; c=$a$b; echo $c", "12\n", 0);
	EXPECT_ERR("echo ${x", "", "bad substitution", 1);
	EXPECT_ERR("echo $(true)", "", "not supported", 1);
}

static void
sh_environment_of_commands(void)
{
	EXPECT("X=1; env | grep '^X='", "", 1);
	EXPECT("export X=2; env | grep '^X='", "X=2\n", 0);
	EXPECT("X=3; export X; env | grep '^X='", "X=3\n", 0);
	EXPECT("Y=4 env | grep '^Y='; echo \"[$Y]\"", "Y=4\n[]\n", 0);
	EXPECT("export Z=5; Z=6 env | grep '^Z='", "Z=6\n", 0);
	EXPECT("export Q=\"it's\"; export | grep Q=",
	    "export Q='it'\\''s'\n", 0);
	EXPECT_ERR("export 1x=2", "", "not a valid name", 1);
}

static void
sh_exit_statuses(void)
{
	char garbage[128], cmd[256];
	int fd;

	EXPECT("false; echo $?; true; echo $?", "1\n0\n", 0);
	EXPECT("false", "", 1);
	EXPECT_ERR("no_such_command_x; echo $?", "127\n",
	    "sh: no_such_command_x: not found", 0);
	EXPECT_ERR("/no/such/file", "", "sh: /no/such/file: not found", 127);
	EXPECT_ERR("/etc/passwd", "", "Permission denied", 126);
	snprintf(garbage, sizeof(garbage), "%s/garbage", tmpdir);
	fd = open(garbage, O_WRONLY | O_CREAT | O_TRUNC, 0755);
	REQUIRE(fd >= 0 && write(fd, "\1\2\3\4", 4) == 4 && close(fd) == 0);
	snprintf(cmd, sizeof(cmd), "%s; echo $?", garbage);
	EXPECT_ERR(cmd, "126\n", "Exec format error", 0);
	EXPECT("sh -c 'exit 3'; echo $?", "3\n", 0);
	EXPECT("exit 300", "", 44);
	EXPECT_ERR("exit abc", "", "numeric argument required", 2);
	EXPECT("false; exit", "", 1);
	EXPECT_ERR("sh -c 'kill -9 $$'; echo $?", "137\n",
	    "Terminated by signal 9", 0);
	EXPECT("false && echo no || echo yes", "yes\n", 0);
	EXPECT("true || echo no && echo yes", "yes\n", 0);
}

static void
sh_pipelines(void)
{
	EXPECT("echo abc | cat | cat", "abc\n", 0);
	EXPECT("echo 'exit 7' | sh; echo $?", "7\n", 0);
	EXPECT("false | true; echo $?", "0\n", 0);
	EXPECT("true | false", "", 1);
	EXPECT("cd / && pwd | cat", "/\n", 0);
	EXPECT("exit 5 | true; echo $?", "0\n", 0);
	EXPECT("echo a | tr a b | tr b c", "c\n", 0);
}

static void
sh_redirections(void)
{
	char cmd[512];

	EXPECT("echo hi > /dev/null; echo $?", "0\n", 0);
	snprintf(cmd, sizeof(cmd), "echo one > %s/f; echo two >> %s/f; "
	    "cat < %s/f", tmpdir, tmpdir, tmpdir);
	EXPECT(cmd, "one\ntwo\n", 0);
	snprintf(cmd, sizeof(cmd), "echo x > %s/f; echo y >| %s/f; cat %s/f",
	    tmpdir, tmpdir, tmpdir);
	EXPECT(cmd, "y\n", 0);
	EXPECT_ERR("echo to-stderr >&2", "", "to-stderr", 0);
	EXPECT("echo to-stdout 2>&1 >/dev/null", "", 0);
	EXPECT("no_such_command_x 2>/dev/null; echo $?", "127\n", 0);
	EXPECT("no_such_command_x 2>&1 | sed 's/x:.*/x/'",
	    "sh: no_such_command_x\n", 0);
	EXPECT_ERR("cat < /no/such/file; echo $?", "1\n",
	    "sh: /no/such/file: No such file or directory", 0);
	EXPECT_ERR("echo x > /; echo $?", "1\n", "sh: /: Is a directory", 0);
	EXPECT("cd /; pwd > /dev/null; pwd", "/\n", 0);
	EXPECT_ERR("echo x >&7", "", "7: bad file descriptor", 1);
	EXPECT("echo x >&- 2>/dev/null; echo $?", "1\n", 0);
}

static void
sh_syntax_errors(void)
{
	EXPECT_ERR("echo |", "", "syntax error", 2);
	EXPECT_ERR("; echo", "", "syntax error: unexpected ';'", 2);
	EXPECT_ERR("echo \"abc", "", "unexpected end of file", 2);
	EXPECT_ERR("echo >", "", "syntax error", 2);
	EXPECT_ERR("echo a &&", "", "syntax error", 2);
	EXPECT_ERR("echo a | | b", "", "unexpected '|'", 2);
	EXPECT_ERR("echo a; echo |; echo b", "", "syntax error", 2);
	EXPECT_ERR("echo a\n; echo\necho b", "a\n", "syntax error", 2);
	EXPECT("echo a\necho |\ncat", "a\n\n", 0);
}

static void
sh_builtins(void)
{
	EXPECT("cd / && pwd", "/\n", 0);
	EXPECT("cd; echo $?; pwd; cd /; echo $?", "0\n/\n0\n", 0);
	EXPECT("cd /usr && pwd && cd bin && pwd && cd .. && pwd",
	    "/usr\n/usr/bin\n/usr\n", 0);
	EXPECT("cd /usr; echo $PWD; sh -c pwd", "/usr\n/usr\n", 0);
	EXPECT_ERR("cd /no/such/dir", "", "cd: /no/such/dir: No such file", 1);
	EXPECT_ERR("cd /dev/null", "", "cd: /dev/null: Not a directory", 1);
	EXPECT_ERR("cd a b", "", "too many arguments", 1);
	EXPECT("test 1 -eq 1 && [ a = a ] && [ ! -z x ] && test -d / && "
	    "test ! -f / && test -n x && [ 2 -gt 1 ] && test a != b", "", 0);
	EXPECT("test 2 -lt 1", "", 1);
	EXPECT("test", "", 1);
	EXPECT("test ''", "", 1);
	EXPECT_ERR("test x -eq 1", "", "integer expected", 2);
	EXPECT_ERR("[ a = a", "", "missing ]", 2);
}

/*
 * Signals and jobs: an interactive shell (-i) ignores SIGINT and
 * SIGQUIT, its commands do not; a job started with & in a shell without
 * job control ignores them (POSIX).  /dev/null is not a terminal, so
 * there is no job control here: fg and bg say so.
 */
static void
sh_signals_and_jobs(void)
{
	EXPECT("sh -i -c 'kill -INT $$; kill -QUIT $$; echo alive' "
	    "2>/dev/null", "alive\n", 0);
	EXPECT("sh -c 'kill -INT $$; echo alive'; echo $?", "130\n", 0);
	EXPECT("sh -i -c 'sh -c \"kill -INT \\$\\$\"; echo $?' 2>/dev/null",
	    "130\n", 0);
	EXPECT_ERR("sh -c 'kill -INT $$'", "", "", 130);
	EXPECT("sh -c 'kill -INT $$; echo alive' & wait", "alive\n", 0);
	EXPECT_ERR("fg", "", "no job control", 1);
	EXPECT_ERR("bg", "", "no job control", 1);
	EXPECT("jobs", "", 0);
}

static void
sh_background(void)
{
	EXPECT("true & test -n \"$!\" && echo started", "started\n", 0);
	EXPECT("echo $!", "\n", 0);
	EXPECT("sh -c 'exit 3' & wait; echo $?", "0\n", 0);
	EXPECT_ERR("wait 1", "", "not supported", 2);
}

int
main(void)
{
	strcpy(tmpdir, "/tmp/test_sh.XXXXXX");
	if (mkdtemp(tmpdir) == NULL) {
		perror("test_sh: mkdtemp");
		return (2);
	}
	TAP_RUN(sh_quoting_and_word_splitting);
	TAP_RUN(sh_variables_and_parameters);
	TAP_RUN(sh_environment_of_commands);
	TAP_RUN(sh_exit_statuses);
	TAP_RUN(sh_pipelines);
	TAP_RUN(sh_redirections);
	TAP_RUN(sh_syntax_errors);
	TAP_RUN(sh_builtins);
	TAP_RUN(sh_background);
	TAP_RUN(sh_signals_and_jobs);
	unlink(strcat(strcpy((char[96]){ 0 }, tmpdir), "/stderr"));
	unlink(strcat(strcpy((char[96]){ 0 }, tmpdir), "/f"));
	unlink(strcat(strcpy((char[96]){ 0 }, tmpdir), "/garbage"));
	rmdir(tmpdir);
	return (tap_exit_status());
}
