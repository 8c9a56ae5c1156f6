/*
 * test_libc_stdio.c - libc's FILE streams (libc/stdio/) over the
 * pretend descriptors of libc_host_sys.c: buffering modes and when
 * output reaches the descriptor, short counts and errors from the
 * kernel, line and binary input, pushback, fopen's flags, fclose,
 * perror, and exit()'s order (atexit functions, then the flush).
 */
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/*
 * Vise's <sys/fcntl.h> (include/ comes before the system's headers),
 * for the open(2) flags fopen must pass; no host header here includes
 * the host's.
 */
#include <sys/fcntl.h>

#include "libc_host.h"
#include "tap.h"

#define OUT(fd)		(libc_host_fds[fd].out != NULL ? \
			    libc_host_fds[fd].out : "")

/* A clean start: empty descriptors, std streams without indicators. */
static void
fresh(void)
{
	vise_fflush(NULL);
	libc_host_fd_reset();
	vise_clearerr(vise_stdin);
	vise_clearerr(vise_stdout);
	vise_clearerr(vise_stderr);
}

/* Pretend input for descriptor fd. */
static void
give_input(int fd, const char *text)
{
	libc_host_fds[fd].in = text;
	libc_host_fds[fd].inlen = strlen(text);
	libc_host_fds[fd].inpos = 0;
}

static void
stdout_is_line_buffered(void)
{
	fresh();
	vise_printf("abc");
	CHECK(libc_host_fds[1].writes == 0, "%u writes before the newline",
	    libc_host_fds[1].writes);
	vise_printf("def %d\nxy", 42);
	CHECK(strcmp(OUT(1), "abcdef 42\nxy") == 0, "stdout got \"%s\"",
	    OUT(1));
	CHECK(libc_host_fds[1].writes == 1, "%u writes",
	    libc_host_fds[1].writes);
	vise_fflush(vise_stdout);
	CHECK(strcmp(OUT(1), "abcdef 42\nxy") == 0, "stdout got \"%s\"",
	    OUT(1));
}

static void
stderr_is_unbuffered_one_write_per_fprintf(void)
{
	char want[64];

	fresh();
	vise_fprintf(vise_stderr, "%s=%d, %s=%x;", "a", 1, "b", 255);
	snprintf(want, sizeof(want), "%s=%d, %s=%x;", "a", 1, "b", 255);
	CHECK(strcmp(OUT(2), want) == 0, "stderr got \"%s\"", OUT(2));
	CHECK(libc_host_fds[2].writes == 1, "%u writes",
	    libc_host_fds[2].writes);
	vise_fputc('!', vise_stderr);
	CHECK(libc_host_fds[2].writes == 2, "fputc did not write at once");
}

static void
full_buffering_writes_when_full(void)
{
	VISE_FILE *fp;
	int i;

	fresh();
	fp = vise_fdopen(3, "w");
	libc_host_fds[3].open = true;
	CHECK(fp != NULL, "fdopen failed");
	for (i = 0; i < libc_BUFSIZ; i++)
		vise_fputc('x', fp);
	CHECK(libc_host_fds[3].writes == 0, "wrote before the buffer filled");
	vise_fputs("\nmore", fp);
	CHECK(libc_host_fds[3].writes == 1 && libc_host_fds[3].outlen ==
	    (size_t)libc_BUFSIZ, "%u writes, %zu bytes", libc_host_fds[3].writes,
	    libc_host_fds[3].outlen);
	CHECK(vise_fclose(fp) == 0, "fclose failed");
	CHECK(libc_host_fds[3].outlen == (size_t)libc_BUFSIZ + 5 &&
	    strcmp(OUT(3) + libc_BUFSIZ, "\nmore") == 0, "tail \"%s\"",
	    OUT(3) + libc_BUFSIZ);
	CHECK(!libc_host_fds[3].open, "fclose did not close fd 3");
}

static void
large_fwrite_skips_the_buffer(void)
{
	static char big[3 * 65536];
	size_t len = 3 * (size_t)libc_BUFSIZ;
	VISE_FILE *fp;

	fresh();
	libc_host_fds[3].open = true;
	fp = vise_fdopen(3, "w");
	memset(big, 'b', len);
	CHECK(vise_fwrite(big, 3, libc_BUFSIZ, fp) == (size_t)libc_BUFSIZ,
	    "short fwrite");
	CHECK(libc_host_fds[3].writes == 1 &&
	    libc_host_fds[3].outlen == len, "%u writes, %zu bytes",
	    libc_host_fds[3].writes, libc_host_fds[3].outlen);
	vise_fclose(fp);
}

static void
short_writes_are_continued(void)
{
	char want[256];
	int n;

	fresh();
	libc_host_fds[1].chunk = 3;
	n = vise_printf("%s and %d and %08x\n", "short writes", -12345, 77);
	snprintf(want, sizeof(want), "%s and %d and %08x\n", "short writes",
	    -12345, 77);
	CHECK(n == (int)strlen(want), "printf returned %d", n);
	CHECK(strcmp(OUT(1), want) == 0, "stdout got \"%s\"", OUT(1));
	CHECK(libc_host_fds[1].writes == (strlen(want) + 2) / 3,
	    "%u writes", libc_host_fds[1].writes);
}

static void
write_error_sets_ferror_and_keeps_the_data(void)
{
	VISE_FILE *fp;

	fresh();
	libc_host_fds[3].open = true;
	fp = vise_fdopen(3, "w");
	CHECK(vise_fputs("kept", fp) == 0, "fputs failed while buffering");
	libc_host_fds[3].fail = libc_EIO;
	vise_errno = 0;
	CHECK(vise_fflush(fp) == EOF, "fflush did not fail");
	CHECK(vise_errno == libc_EIO, "errno %d", vise_errno);
	CHECK(vise_ferror(fp) && !vise_feof(fp), "indicators wrong");
	vise_clearerr(fp);
	CHECK(!vise_ferror(fp), "clearerr left the error");
	CHECK(vise_fflush(fp) == 0 && strcmp(OUT(3), "kept") == 0,
	    "retry wrote \"%s\"", OUT(3));
	libc_host_fds[2].fail = libc_EIO;
	CHECK(vise_fputc('x', vise_stderr) == EOF, "unbuffered fputc "
	    "did not report the error");
	vise_clearerr(vise_stderr);
	vise_fclose(fp);
}

static void
line_buffered_error_is_reported_by_the_call(void)
{
	fresh();
	libc_host_fds[1].fail = libc_EIO;
	CHECK(vise_puts("line") == EOF, "puts did not fail");
	CHECK(vise_ferror(vise_stdout), "no error indicator");
	vise_clearerr(vise_stdout);
	CHECK(vise_fflush(vise_stdout) == 0 && strcmp(OUT(1), "line\n") == 0,
	    "stdout got \"%s\"", OUT(1));
}

static void
fgets_reads_lines_across_short_reads(void)
{
	VISE_FILE *fp;
	char line[32];

	fresh();
	libc_host_fds[3].open = true;
	give_input(3, "one\ntwo\n\nthree");
	libc_host_fds[3].chunk = 2;
	fp = vise_fdopen(3, "r");
	CHECK(vise_fgets(line, sizeof(line), fp) != NULL &&
	    strcmp(line, "one\n") == 0, "got \"%s\"", line);
	CHECK(vise_fgets(line, sizeof(line), fp) != NULL &&
	    strcmp(line, "two\n") == 0, "got \"%s\"", line);
	CHECK(vise_fgets(line, sizeof(line), fp) != NULL &&
	    strcmp(line, "\n") == 0, "got \"%s\"", line);
	CHECK(vise_fgets(line, sizeof(line), fp) != NULL &&
	    strcmp(line, "three") == 0, "got \"%s\"", line);
	CHECK(vise_fgets(line, sizeof(line), fp) == NULL && vise_feof(fp) &&
	    !vise_ferror(fp), "no clean end of file");
	vise_fclose(fp);
}

static void
fgets_stops_at_size(void)
{
	VISE_FILE *fp;
	char line[4];

	fresh();
	libc_host_fds[3].open = true;
	give_input(3, "abcdef\n");
	fp = vise_fdopen(3, "r");
	CHECK(vise_fgets(line, 4, fp) == line && strcmp(line, "abc") == 0,
	    "got \"%s\"", line);
	CHECK(vise_fgets(line, 1, fp) == line && line[0] == '\0',
	    "size 1 did not give \"\"");
	CHECK(vise_fgets(line, 0, fp) == NULL, "size 0 did not fail");
	CHECK(vise_fgets(line, 4, fp) != NULL && strcmp(line, "def") == 0,
	    "got \"%s\"", line);
	CHECK(vise_fgets(line, 4, fp) != NULL && strcmp(line, "\n") == 0,
	    "got \"%s\"", line);
	vise_fclose(fp);
}

static void
ungetc_pushes_back_one_byte(void)
{
	VISE_FILE *fp;
	char line[8];

	fresh();
	libc_host_fds[3].open = true;
	give_input(3, "xy");
	fp = vise_fdopen(3, "r");
	CHECK(vise_fgetc(fp) == 'x', "first byte");
	CHECK(vise_ungetc('Q', fp) == 'Q', "ungetc failed");
	CHECK(vise_ungetc('R', fp) == EOF, "a second pushback was taken");
	CHECK(vise_fgetc(fp) == 'Q' && vise_fgetc(fp) == 'y', "wrong order");
	CHECK(vise_fgetc(fp) == EOF && vise_feof(fp), "no end of file");
	CHECK(vise_fgetc(fp) == EOF, "end of file is not sticky");
	CHECK(vise_ungetc('\n', fp) == '\n' && !vise_feof(fp),
	    "ungetc did not clear end of file");
	CHECK(vise_fgets(line, sizeof(line), fp) != NULL &&
	    strcmp(line, "\n") == 0, "fgets missed the pushed-back byte");
	CHECK(vise_ungetc(EOF, fp) == EOF, "EOF was pushed back");
	vise_fclose(fp);
}

static void
fread_counts_whole_objects(void)
{
	VISE_FILE *fp;
	char buf[16];

	fresh();
	libc_host_fds[3].open = true;
	give_input(3, "0123456789");
	libc_host_fds[3].chunk = 3;
	fp = vise_fdopen(3, "r");
	CHECK(vise_fread(buf, 4, 3, fp) == 2, "not 2 objects");
	CHECK(memcmp(buf, "0123456789", 10) == 0, "wrong bytes");
	CHECK(vise_feof(fp) && !vise_ferror(fp), "no end of file");
	CHECK(vise_fread(buf, 0, 3, fp) == 0, "size 0 read something");
	vise_fclose(fp);
}

static void
read_error_sets_ferror(void)
{
	VISE_FILE *fp;

	fresh();
	libc_host_fds[3].open = true;
	libc_host_fds[3].fail = libc_EIO;
	fp = vise_fdopen(3, "r");
	vise_errno = 0;
	CHECK(vise_fgetc(fp) == EOF && vise_ferror(fp) && !vise_feof(fp),
	    "no error indicator");
	CHECK(vise_errno == libc_EIO, "errno %d", vise_errno);
	vise_fclose(fp);
}

static void
reading_stdin_flushes_the_prompt_first(void)
{
	fresh();
	give_input(0, "yes\n");
	vise_printf("continue? ");
	CHECK(libc_host_fds[1].writes == 0, "the prompt went out early");
	CHECK(vise_getchar() == 'y', "getchar");
	CHECK(strcmp(OUT(1), "continue? ") == 0, "stdout got \"%s\"",
	    OUT(1));
	CHECK(libc_host_fds[1].last_seq < libc_host_fds[0].last_seq,
	    "the read came before the prompt");
	while (vise_getchar() != EOF)
		continue;
}

static void
wrong_direction_fails_with_ebadf(void)
{
	VISE_FILE *fp;

	fresh();
	libc_host_fds[3].open = true;
	fp = vise_fdopen(3, "r");
	vise_errno = 0;
	CHECK(vise_fputc('x', fp) == EOF && vise_ferror(fp) &&
	    vise_errno == libc_EBADF, "write to an input stream");
	vise_fclose(fp);
	libc_host_fds[3].open = true;
	fp = vise_fdopen(3, "a");
	CHECK(vise_fgetc(fp) == EOF && vise_ferror(fp),
	    "read from an output stream");
	vise_fclose(fp);
}

static void
fopen_passes_the_open_flags(void)
{
	static const struct {
		const char	*mode;
		long		flags;
	} modes[] = {
		{ "r", O_RDONLY },
		{ "rb", O_RDONLY },
		{ "r+", O_RDWR },
		{ "w", O_WRONLY | O_CREAT | O_TRUNC },
		{ "wx", O_WRONLY | O_CREAT | O_TRUNC | O_EXCL },
		{ "a", O_WRONLY | O_CREAT | O_APPEND },
		{ "a+b", O_RDWR | O_CREAT | O_APPEND },
		{ "re", O_RDONLY | O_CLOEXEC },
	};
	VISE_FILE *fp;
	size_t i;

	for (i = 0; i < nitems(modes); i++) {
		fresh();
		fp = vise_fopen("file", modes[i].mode);
		CHECK(fp != NULL && vise_fileno(fp) == 3, "fopen \"%s\"",
		    modes[i].mode);
		CHECK(libc_host_open_flags == modes[i].flags &&
		    libc_host_open_mode == 0666, "\"%s\": flags %#lx mode %#lo",
		    modes[i].mode, libc_host_open_flags, libc_host_open_mode);
		if (fp != NULL)
			vise_fclose(fp);
	}
}

static void
fopen_failures_set_errno(void)
{
	fresh();
	vise_errno = 0;
	CHECK(vise_fopen("file", "q") == NULL && vise_errno == libc_EINVAL &&
	    libc_host_open_calls == 0, "bad mode");
	CHECK(vise_fopen("file", "rw!") == NULL && vise_errno == libc_EINVAL,
	    "bad mode letter");
	CHECK(vise_fopen("missing", "r") == NULL &&
	    vise_errno == libc_ENOENT, "missing file");
	CHECK(vise_fdopen(3, "") == NULL && vise_errno == libc_EINVAL,
	    "empty fdopen mode");
}

static void
fclose_reports_a_failed_close(void)
{
	VISE_FILE *fp;

	fresh();
	fp = vise_fopen("file", "w");
	vise_fputs("data", fp);
	vise_fflush(fp);
	/* Nothing is left to write, so the close is the next call. */
	libc_host_fds[3].fail = libc_EIO;
	vise_errno = 0;
	CHECK(vise_fclose(fp) == EOF && vise_errno == libc_EIO,
	    "fclose succeeded");
	CHECK(strcmp(OUT(3), "data") == 0, "got \"%s\"", OUT(3));
}

static void
setvbuf_changes_buffering(void)
{
	VISE_FILE *fp;
	char mine[8];

	fresh();
	libc_host_fds[3].open = true;
	fp = vise_fdopen(3, "w");
	CHECK(vise_setvbuf(fp, NULL, libc_IONBF, 0) == 0, "libc_IONBF");
	vise_fputs("ab", fp);
	CHECK(libc_host_fds[3].writes == 1, "unbuffered did not write");
	CHECK(vise_setvbuf(fp, mine, libc_IOLBF, sizeof(mine)) == 0, "libc_IOLBF");
	vise_fputs("cd", fp);
	CHECK(libc_host_fds[3].writes == 1 && memcmp(mine, "cd", 2) == 0,
	    "line buffering did not use the caller's buffer");
	vise_fputs("e\n", fp);
	CHECK(strcmp(OUT(3), "abcde\n") == 0, "got \"%s\"", OUT(3));
	vise_errno = 0;
	CHECK(vise_setvbuf(fp, NULL, 7, 0) == EOF &&
	    vise_errno == libc_EINVAL, "bad mode accepted");
	vise_fclose(fp);
}

static void
perror_names_errno(void)
{
	char want[128];

	fresh();
	vise_errno = libc_ENOENT;
	vise_perror("cat");
	snprintf(want, sizeof(want), "cat: %s\n", vise_strerror(libc_ENOENT));
	CHECK(strcmp(OUT(2), want) == 0, "stderr got \"%s\"", OUT(2));
	CHECK(libc_host_fds[2].writes == 1, "%u writes",
	    libc_host_fds[2].writes);
	free(libc_host_fds[2].out);
	libc_host_fds[2].out = NULL;
	libc_host_fds[2].outlen = libc_host_fds[2].outcap = 0;
	vise_perror(NULL);
	snprintf(want, sizeof(want), "%s\n", vise_strerror(libc_ENOENT));
	CHECK(strcmp(OUT(2), want) == 0, "stderr got \"%s\"", OUT(2));
}

static void
dprintf_writes_the_descriptor(void)
{
	fresh();
	CHECK(vise_dprintf(2, "%d-%s", 7, "x") == 3, "count");
	CHECK(strcmp(OUT(2), "7-x") == 0 && libc_host_fds[2].writes == 1,
	    "stderr got \"%s\"", OUT(2));
	vise_errno = 0;
	CHECK(vise_dprintf(5, "closed") < 0 && vise_errno == libc_EBADF,
	    "a closed descriptor");
}

static void
fflush_null_flushes_every_stream(void)
{
	VISE_FILE *fp;

	fresh();
	libc_host_fds[3].open = true;
	fp = vise_fdopen(3, "w");
	vise_fputs("three", fp);
	vise_printf("one");
	CHECK(vise_fflush(NULL) == 0, "fflush(NULL) failed");
	CHECK(strcmp(OUT(1), "one") == 0 && strcmp(OUT(3), "three") == 0,
	    "got \"%s\" and \"%s\"", OUT(1), OUT(3));
	vise_fclose(fp);
}

static void
last_handler(void)
{
	vise_printf("+handler");
}

static void
exit_runs_atexit_then_flushes(void)
{
	int pipefd[2], status;
	char got[64];
	ssize_t n;
	pid_t pid;

	fresh();
	if (!CHECK(pipe(pipefd) == 0, "pipe"))
		return;
	fflush(stdout);
	if ((pid = fork()) == 0) {
		close(pipefd[0]);
		libc_host_fds[1].host_fd = pipefd[1];
		vise_atexit(last_handler);
		vise_printf("buffered");
		vise_exit(7);
	}
	close(pipefd[1]);
	n = read(pipefd[0], got, sizeof(got) - 1);
	got[n > 0 ? n : 0] = '\0';
	close(pipefd[0]);
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 7, "status %#x", status);
	CHECK(strcmp(got, "buffered+handler") == 0, "child wrote \"%s\"",
	    got);
}

int
main(void)
{
	TAP_RUN(stdout_is_line_buffered);
	TAP_RUN(stderr_is_unbuffered_one_write_per_fprintf);
	TAP_RUN(full_buffering_writes_when_full);
	TAP_RUN(large_fwrite_skips_the_buffer);
	TAP_RUN(short_writes_are_continued);
	TAP_RUN(write_error_sets_ferror_and_keeps_the_data);
	TAP_RUN(line_buffered_error_is_reported_by_the_call);
	TAP_RUN(fgets_reads_lines_across_short_reads);
	TAP_RUN(fgets_stops_at_size);
	TAP_RUN(ungetc_pushes_back_one_byte);
	TAP_RUN(fread_counts_whole_objects);
	TAP_RUN(read_error_sets_ferror);
	TAP_RUN(reading_stdin_flushes_the_prompt_first);
	TAP_RUN(wrong_direction_fails_with_ebadf);
	TAP_RUN(fopen_passes_the_open_flags);
	TAP_RUN(fopen_failures_set_errno);
	TAP_RUN(fclose_reports_a_failed_close);
	TAP_RUN(setvbuf_changes_buffering);
	TAP_RUN(perror_names_errno);
	TAP_RUN(dprintf_writes_the_descriptor);
	TAP_RUN(fflush_null_flushes_every_stream);
	TAP_RUN(exit_runs_atexit_then_flushes);
	return (tap_exit_status());
}
