/*
 * dprintf.c - formatted output straight to a descriptor, without a
 * stream: dprintf, vdprintf (POSIX 2008).
 */
#include <string.h>

#include "format.h"
#include "local.h"

/*
 * Output gathers in buf and goes out when it is full, so one call is
 * usually one write(2).
 */
struct fd_sink {
	struct format_sink sink;
	int		fd;
	size_t		len;
	char		buf[256];
};

static int
fd_flush(struct fd_sink *fs)
{
	size_t len = fs->len;

	fs->len = 0;
	return (__stdio_write_all(fs->fd, fs->buf, len) == len ? 0 : -1);
}

static int
fd_write(struct format_sink *sink, const char *buf, size_t len)
{
	struct fd_sink *fs = (struct fd_sink *)sink;
	size_t n;

	while (len > 0) {
		if (fs->len == sizeof(fs->buf) && fd_flush(fs) != 0)
			return (-1);
		n = sizeof(fs->buf) - fs->len;
		if (n > len)
			n = len;
		memcpy(fs->buf + fs->len, buf, n);
		fs->len += n;
		buf += n;
		len -= n;
	}
	return (0);
}

/*
 * Format onto descriptor fd.  Returns the number of bytes written, or
 * a negative value with errno set if a write failed.
 */
int
vdprintf(int fd, const char * __restrict fmt, va_list ap)
{
	struct fd_sink fs;
	int n;

	fs.sink.write = fd_write;
	fs.fd = fd;
	fs.len = 0;
	n = __format(&fs.sink, fmt, ap);
	if (fs.len > 0 && fd_flush(&fs) != 0)
		return (-1);
	return (n);
}

/* vdprintf with the arguments in line. */
int
dprintf(int fd, const char * __restrict fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vdprintf(fd, fmt, ap);
	va_end(ap);
	return (n);
}
