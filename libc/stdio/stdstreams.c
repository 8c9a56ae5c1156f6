/*
 * stdstreams.c - stdin, stdout and stderr, and the list of open
 * streams that starts with them.
 *
 * There is no isatty yet, so the buffering assumes the console: stdin
 * and stdout are line buffered (a prompt without a newline still shows
 * before the program reads, see __stdio_refill), stderr is unbuffered.
 * The two buffers are static, so printing never depends on malloc.
 */
#include "local.h"

static unsigned char	stdin_buf[BUFSIZ];
static unsigned char	stdout_buf[BUFSIZ];

static FILE std_streams[3] = {
	{ .fd = 0, .flags = S_RD | S_LBF | S_STATIC, .buf = stdin_buf,
	  .size = BUFSIZ, .ungot = EOF, .next = &std_streams[1] },
	{ .fd = 1, .flags = S_WR | S_LBF | S_STATIC, .buf = stdout_buf,
	  .size = BUFSIZ, .ungot = EOF, .next = &std_streams[2] },
	{ .fd = 2, .flags = S_WR | S_NBF | S_STATIC, .ungot = EOF },
};

FILE	*__stdinp = &std_streams[0];
FILE	*__stdoutp = &std_streams[1];
FILE	*__stderrp = &std_streams[2];

FILE	*__stdio_streams = &std_streams[0];

/* See local.h. */
struct __libc_lock __stdio_lock = LIBC_LOCK_INITIALIZER;
