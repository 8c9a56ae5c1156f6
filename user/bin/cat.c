/*
 * cat - copy files, or standard input, to standard output.
 *
 * cat [-u] [file ...]: each file in turn ("-" or no operand at all is
 * standard input).  Output is never buffered here (each read is written
 * at once), so -u, POSIX's only option, changes nothing and is accepted.
 * A file that cannot be opened or read is reported on standard error
 * and skipped; the exit status is then 1.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static const char *progname = "cat";

/* Write all of buf[0 .. len) to standard output; 0, or an errno value. */
static int
write_all(const char *buf, size_t len)
{
	ssize_t n;

	while (len > 0) {
		if ((n = write(STDOUT_FILENO, buf, len)) < 0)
			return (errno);
		buf += n;
		len -= (size_t)n;
	}
	return (0);
}

/*
 * Copy descriptor fd (called name in messages) to standard output.
 * Returns 0, or 1 after reporting an error.
 */
static int
copy(int fd, const char *name)
{
	static char buf[4096];
	ssize_t n;
	int error;

	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		if ((error = write_all(buf, (size_t)n)) != 0) {
			fprintf(stderr, "%s: stdout: %s\n", progname,
			    strerror(error));
			return (1);
		}
	}
	if (n < 0) {
		fprintf(stderr, "%s: %s: %s\n", progname, name,
		    strerror(errno));
		return (1);
	}
	return (0);
}

/* Copy the file at path ("-": standard input); 0, or 1 after an error. */
static int
cat_file(const char *path)
{
	int fd, status;

	if (strcmp(path, "-") == 0)
		return (copy(STDIN_FILENO, "stdin"));
	if ((fd = open(path, O_RDONLY)) < 0) {
		fprintf(stderr, "%s: %s: %s\n", progname, path,
		    strerror(errno));
		return (1);
	}
	status = copy(fd, path);
	(void)close(fd);
	return (status);
}

int
main(int argc, char *argv[])
{
	int i = 1, status = 0;

	/* Options end at "--", "-" or the first operand. */
	for (; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		if (strcmp(argv[i], "-u") != 0) {
			fprintf(stderr, "usage: %s [-u] [file ...]\n",
			    progname);
			return (1);
		}
	}
	if (i == argc)
		return (cat_file("-"));
	for (; i < argc; i++)
		status |= cat_file(argv[i]);
	return (status);
}
