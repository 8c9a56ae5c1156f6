/*
 * test_libc_seek.c - libc's stream positions (fseek, ftell, rewind,
 * fgetpos, fsetpos; libc/stdio/fseek.c, ftell.c) over a real host
 * file: read-ahead, pushback and buffered output accounted for, random
 * reads, writes and seeks checked against the host's stdio on a copy
 * of the same file; the errors (EINVAL, ESPIPE, EBADF); fflush giving
 * back read-ahead; and getline/getdelim.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "libc_host.h"
#include "rng.h"
#include "tap.h"

#define FILE_LEN	3000	/* a few of libc's 1024-byte buffers */

static char content[FILE_LEN];

/* A host temporary file holding content; its descriptor. */
static int
temp_file(void)
{
	char path[] = "/tmp/vise-seek-XXXXXX";
	int fd;

	if ((fd = mkstemp(path)) < 0)
		abort();
	unlink(path);
	if (write(fd, content, sizeof(content)) != (ssize_t)sizeof(content) ||
	    lseek(fd, 0, SEEK_SET) != 0)
		abort();
	return (fd);
}

/* libc's stream on pretend descriptor 3, which is host file hostfd. */
static VISE_FILE *
vise_stream(int hostfd, const char *mode)
{
	libc_host_fd_reset();
	libc_host_fds[3].open = true;
	libc_host_fds[3].host_fd = hostfd;
	return (vise_fdopen(3, mode));
}

static void
fill_content(void)
{
	size_t i;

	for (i = 0; i < sizeof(content); i++)
		content[i] = (char)('a' + i % 26);
}

static void
ftell_counts_read_ahead_and_pushback(void)
{
	VISE_FILE *fp = vise_stream(temp_file(), "r");
	char buf[8];
	int hostfd = libc_host_fds[3].host_fd;

	CHECK(vise_ftell(fp) == 0, "start");
	CHECK(vise_fread(buf, 1, 5, fp) == 5 && vise_ftell(fp) == 5,
	    "after 5 bytes: %ld", vise_ftell(fp));
	CHECK(lseek(hostfd, 0, SEEK_CUR) > 5, "no read-ahead");
	CHECK(vise_ungetc('Z', fp) == 'Z' && vise_ftell(fp) == 4,
	    "pushback: %ld", vise_ftell(fp));
	CHECK(vise_fgetc(fp) == 'Z' && vise_ftell(fp) == 5, "after it");
	CHECK(vise_fseek(fp, 100, SEEK_SET) == 0 &&
	    vise_fgetc(fp) == content[100] && vise_ftell(fp) == 101,
	    "SEEK_SET");
	CHECK(vise_fseek(fp, -11, SEEK_CUR) == 0 && vise_ftell(fp) == 90 &&
	    vise_fgetc(fp) == content[90], "SEEK_CUR");
	CHECK(vise_ungetc('Q', fp) == 'Q' && vise_fseek(fp, 0, SEEK_CUR) == 0 &&
	    vise_fgetc(fp) == content[90], "a seek drops the pushback");
	CHECK(vise_fseek(fp, -1, SEEK_END) == 0 &&
	    vise_fgetc(fp) == content[FILE_LEN - 1], "SEEK_END");
	CHECK(vise_fgetc(fp) == EOF && vise_feof(fp), "end");
	CHECK(vise_fseek(fp, 0, SEEK_CUR) == 0 && !vise_feof(fp),
	    "fseek clears EOF");
	vise_fgetc(fp);
	vise_rewind(fp);
	CHECK(!vise_feof(fp) && !vise_ferror(fp) && vise_ftell(fp) == 0 &&
	    vise_fgetc(fp) == content[0], "rewind");
	vise_fclose(fp);
	close(hostfd);
}

static void
fgetpos_and_fsetpos_round_trip(void)
{
	VISE_FILE *fp = vise_stream(temp_file(), "r");
	int hostfd = libc_host_fds[3].host_fd;
	int64_t pos;
	char a[16], b[16];

	vise_fseek(fp, 1500, SEEK_SET);
	CHECK(vise_fgetpos(fp, &pos) == 0 && pos == 1500, "fgetpos");
	vise_fread(a, 1, sizeof(a), fp);
	vise_fseeko(fp, 7, SEEK_SET);
	CHECK(vise_fsetpos(fp, &pos) == 0 && vise_ftello(fp) == 1500,
	    "fsetpos");
	CHECK(vise_fread(b, 1, sizeof(b), fp) == sizeof(b) &&
	    memcmp(a, b, sizeof(a)) == 0, "same bytes");
	vise_fclose(fp);
	close(hostfd);
}

static void
writes_land_where_the_stream_is(void)
{
	VISE_FILE *fp = vise_stream(temp_file(), "r+");
	int hostfd = libc_host_fds[3].host_fd;
	char buf[8] = { 0 };

	vise_fgetc(fp);
	CHECK(vise_fseek(fp, 50, SEEK_SET) == 0, "seek");
	vise_fputs("HELLO", fp);
	CHECK(vise_ftell(fp) == 55, "buffered output counts: %ld",
	    vise_ftell(fp));
	CHECK(vise_fseek(fp, 48, SEEK_SET) == 0, "seek flushes");
	CHECK(pread(hostfd, buf, 5, 50) == 5 && memcmp(buf, "HELLO", 5) == 0,
	    "file has \"%.5s\"", buf);
	CHECK(vise_fread(buf, 1, 7, fp) == 7 &&
	    memcmp(buf + 2, "HELLO", 5) == 0, "read back \"%.7s\"", buf);
	vise_fclose(fp);
	close(hostfd);
}

/*
 * Random reads, writes, pushbacks and seeks on libc's stream and the
 * host's, each over its own copy of the file: every result and the
 * final contents must agree.  A seek separates reading from writing,
 * as C requires.
 */
static void
random_operations_match_host(void)
{
	int vfd = temp_file(), hfd = temp_file(), op, whence;
	VISE_FILE *vfp = vise_stream(vfd, "r+");
	FILE *hfp = fdopen(hfd, "r+");
	char vbuf[300], hbuf[300], vall[FILE_LEN + 400], hall[FILE_LEN + 400];
	size_t i, n, vn, hn;
	long off, vr, hr;
	bool writing = false;

	rng_state = 31337;
	for (i = 0; i < 20000 && tap.checks_failed == 0; i++) {
		op = (int)rng(7);
		if ((op <= 2 && writing) || (op >= 3 && op <= 4 && !writing)) {
			vise_fseek(vfp, 0, SEEK_CUR);
			fseek(hfp, 0, SEEK_CUR);
			writing = !writing;
		}
		switch (op) {
		case 0:
			vr = vise_fgetc(vfp);
			hr = fgetc(hfp);
			CHECK(vr == hr, "step %zu fgetc: %ld, host %ld", i, vr,
			    hr);
			break;
		case 1:
			n = rng(sizeof(vbuf));
			vn = vise_fread(vbuf, 1, n, vfp);
			hn = fread(hbuf, 1, n, hfp);
			CHECK(vn == hn && memcmp(vbuf, hbuf, vn) == 0,
			    "step %zu fread %zu: %zu, host %zu", i, n, vn, hn);
			break;
		case 2:
			/* ungetc right after a read, as C allows. */
			if ((hr = fgetc(hfp)) == EOF)
				break;
			vr = vise_fgetc(vfp);
			CHECK(vise_ungetc((int)vr, vfp) == ungetc((int)hr, hfp),
			    "step %zu ungetc", i);
			break;
		case 3:
			vise_fputc('0' + (int)(i % 10), vfp);
			fputc('0' + (int)(i % 10), hfp);
			break;
		case 4:
			n = rng(sizeof(vbuf));
			memset(vbuf, 'A' + (int)(i % 26), n);
			vise_fwrite(vbuf, 1, n, vfp);
			fwrite(vbuf, 1, n, hfp);
			break;
		case 5:
			whence = (int)rng(3);
			off = (long)rng(FILE_LEN) - (whence == SEEK_SET ? 0 :
			    FILE_LEN / 2);
			vr = vise_fseek(vfp, off, whence);
			hr = fseek(hfp, off, whence);
			CHECK(vr == hr, "step %zu fseek(%ld, %d): %ld, host %ld",
			    i, off, whence, vr, hr);
			writing = false;
			break;
		default:
			vr = vise_ftell(vfp);
			hr = ftell(hfp);
			CHECK(vr == hr, "step %zu ftell: %ld, host %ld", i, vr,
			    hr);
			break;
		}
	}
	vise_fflush(vfp);
	fflush(hfp);
	vn = (size_t)pread(vfd, vall, sizeof(vall), 0);
	hn = (size_t)pread(hfd, hall, sizeof(hall), 0);
	CHECK(vn == hn && memcmp(vall, hall, vn) == 0, "files differ");
	vise_fclose(vfp);
	fclose(hfp);
	close(vfd);
}

static void
seek_errors(void)
{
	VISE_FILE *fp = vise_stream(temp_file(), "r");
	int hostfd = libc_host_fds[3].host_fd;

	vise_errno = 0;
	CHECK(vise_fseek(fp, 0, 7) == -1 && vise_errno == libc_EINVAL,
	    "bad whence");
	vise_errno = 0;
	CHECK(vise_fseek(fp, -1, SEEK_SET) == -1 && vise_errno == libc_EINVAL,
	    "before the start");
	vise_fclose(fp);
	close(hostfd);

	/* A pipe cannot seek. */
	libc_host_fd_reset();
	libc_host_fds[3].open = true;
	libc_host_fds[3].pipe = true;
	libc_host_fds[3].in = "pipe data";
	libc_host_fds[3].inlen = 9;
	fp = vise_fdopen(3, "r");
	vise_fgetc(fp);
	vise_errno = 0;
	CHECK(vise_fseek(fp, 0, SEEK_SET) == -1 && vise_errno == libc_ESPIPE,
	    "fseek on a pipe");
	vise_errno = 0;
	CHECK(vise_ftell(fp) == -1 && vise_errno == libc_ESPIPE,
	    "ftell on a pipe");
	CHECK(vise_fflush(fp) == 0 && vise_fgetc(fp) == 'i',
	    "fflush keeps a pipe's read-ahead");
	/* The descriptor went away under the stream. */
	libc_host_fds[3].open = false;
	vise_errno = 0;
	CHECK(vise_ftell(fp) == -1 && vise_errno == libc_EBADF, "EBADF");
	libc_host_fds[3].open = true;
	vise_fclose(fp);
}

/* POSIX: fflush of an input stream gives the read-ahead back. */
static void
fflush_gives_back_read_ahead(void)
{
	VISE_FILE *fp = vise_stream(temp_file(), "r");
	int hostfd = libc_host_fds[3].host_fd;

	vise_fgetc(fp);
	vise_fgetc(fp);
	vise_ungetc('x', fp);
	CHECK(vise_fflush(fp) == 0 && lseek(hostfd, 0, SEEK_CUR) == 1,
	    "descriptor at %ld", (long)lseek(hostfd, 0, SEEK_CUR));
	CHECK(vise_fgetc(fp) == content[1], "next byte");
	vise_fclose(fp);
	close(hostfd);
}

static void
getline_reads_any_length(void)
{
	static const char text[] = "short\n"
	    "a line longer than sixty-four bytes, which makes getline grow "
	    "its buffer more than once .......................\n"
	    "\n"
	    "last, without a newline";
	VISE_FILE *fp;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	libc_host_fd_reset();
	libc_host_fds[3].open = true;
	libc_host_fds[3].in = text;
	libc_host_fds[3].inlen = strlen(text);
	libc_host_fds[3].chunk = 10;
	fp = vise_fdopen(3, "r");
	n = vise_getline(&line, &cap, fp);
	CHECK(n == 6 && strcmp(line, "short\n") == 0, "first: %zd", n);
	CHECK(vise_ungetc('s', fp) == 's', "pushback");
	n = vise_getline(&line, &cap, fp);
	CHECK(n == 113 && line[0] == 's' && line[1] == 'a' &&
	    line[n - 1] == '\n' && cap > (size_t)n, "second: %zd", n);
	n = vise_getline(&line, &cap, fp);
	CHECK(n == 1 && strcmp(line, "\n") == 0, "empty line: %zd", n);
	n = vise_getdelim(&line, &cap, ',', fp);
	CHECK(n == 5 && strcmp(line, "last,") == 0, "getdelim: %zd", n);
	n = vise_getline(&line, &cap, fp);
	CHECK(n == 18 && strcmp(line, " without a newline") == 0,
	    "last: %zd", n);
	CHECK(vise_getline(&line, &cap, fp) == -1 && vise_feof(fp), "end");
	vise_errno = 0;
	CHECK(vise_getline(NULL, &cap, fp) == -1 &&
	    vise_errno == libc_EINVAL, "NULL line");
	vise_free(line);
	vise_fclose(fp);
}

int
main(void)
{
	fill_content();
	TAP_RUN(ftell_counts_read_ahead_and_pushback);
	TAP_RUN(fgetpos_and_fsetpos_round_trip);
	TAP_RUN(writes_land_where_the_stream_is);
	TAP_RUN(random_operations_match_host);
	TAP_RUN(seek_errors);
	TAP_RUN(fflush_gives_back_read_ahead);
	TAP_RUN(getline_reads_any_length);
	return (tap_exit_status());
}
