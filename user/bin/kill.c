/*
 * kill - send a signal to processes.
 *
 *	kill [-s name | -name | -number] pid ...	send it (SIGTERM if
 *						none is named) to each pid;
 *						0 and negative pids go to
 *						process groups, -1 to all
 *	kill -l [status]			list the signal names, or
 *						name the signal of an exit
 *						status above 128
 *
 * Names are given without "SIG", in either case ("term", "KILL"), or
 * with it.  Exit status 0 if every signal was sent, 1 if one could not
 * be (the error is printed), 2 for a usage error.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <ctype.h>
#include <string.h>

/* The signals Vise has, by number (include/sys/signal.h). */
static const struct {
	int		num;
	const char	*name;
} sigs[] = {
	{ SIGHUP, "HUP" }, { SIGINT, "INT" }, { SIGQUIT, "QUIT" },
	{ SIGILL, "ILL" }, { SIGTRAP, "TRAP" }, { SIGABRT, "ABRT" },
	{ SIGFPE, "FPE" }, { SIGKILL, "KILL" }, { SIGBUS, "BUS" },
	{ SIGSEGV, "SEGV" }, { SIGSYS, "SYS" }, { SIGPIPE, "PIPE" },
	{ SIGALRM, "ALRM" }, { SIGTERM, "TERM" }, { SIGSTOP, "STOP" },
	{ SIGTSTP, "TSTP" }, { SIGCONT, "CONT" }, { SIGCHLD, "CHLD" },
	{ SIGUSR1, "USR1" }, { SIGUSR2, "USR2" },
};
#define NSIGS	(sizeof(sigs) / sizeof(sigs[0]))

static int
usage(void)
{
	fprintf(stderr, "usage: kill [-s signal_name | -signal_name | "
	    "-signal_number] pid ...\n       kill -l [exit_status]\n");
	return (2);
}

/* A decimal number, all of s; -1 if it is not one. */
static long
number(const char *s)
{
	char *end;
	long v;

	if (*s == '\0')
		return (-1);
	errno = 0;
	v = strtol(s, &end, 10);
	return (*end != '\0' || errno != 0 || v < 0 ? -1 : v);
}

/* a and b are the same name, whatever the case. */
static int
same_name(const char *a, const char *b)
{
	while (*a != '\0' && toupper((unsigned char)*a) ==
	    toupper((unsigned char)*b))
		a++, b++;
	return (*a == '\0' && *b == '\0');
}

/* The signal named or numbered by s (0 is the null signal); -1 if none. */
static int
signal_of(const char *s)
{
	unsigned i;
	long n;

	if ((n = number(s)) >= 0)
		return (n < NSIG ? (int)n : -1);
	if (toupper((unsigned char)s[0]) == 'S' &&
	    toupper((unsigned char)s[1]) == 'I' &&
	    toupper((unsigned char)s[2]) == 'G')
		s += 3;
	for (i = 0; i < NSIGS; i++)
		if (same_name(s, sigs[i].name))
			return (sigs[i].num);
	return (-1);
}

/* kill -l [status]: the names, or the name of one signal. */
static int
list(const char *status)
{
	unsigned i;
	long n;

	if (status == NULL) {
		for (i = 0; i < NSIGS; i++)
			printf("%s%c", sigs[i].name, i + 1 < NSIGS ? ' ' : '\n');
		return (0);
	}
	if ((n = number(status)) < 0)
		return (usage());
	if (n > 128)
		n -= 128;
	for (i = 0; i < NSIGS; i++)
		if (sigs[i].num == n) {
			printf("%s\n", sigs[i].name);
			return (0);
		}
	fprintf(stderr, "kill: unknown signal %s\n", status);
	return (1);
}

int
main(int argc, char *argv[])
{
	int i = 1, sig = SIGTERM, status = 0;
	char *end;
	long pid;

	if (argc < 2)
		return (usage());
	if (strcmp(argv[1], "-l") == 0)
		return (argc > 3 ? usage() : list(argv[2]));
	if (strcmp(argv[1], "-s") == 0) {
		if (argc < 3 || (sig = signal_of(argv[2])) < 0) {
			fprintf(stderr, "kill: unknown signal %s\n",
			    argc < 3 ? "" : argv[2]);
			return (2);
		}
		i = 3;
	} else if (argv[1][0] == '-' && strcmp(argv[1], "--") != 0) {
		/* An option: negative pids need -s or -- before them. */
		if ((sig = signal_of(argv[1] + 1)) < 0) {
			fprintf(stderr, "kill: unknown signal %s\n",
			    argv[1] + 1);
			return (2);
		}
		i = 2;
	}
	if (i < argc && strcmp(argv[i], "--") == 0)
		i++;
	if (i == argc)
		return (usage());
	for (; i < argc; i++) {
		errno = 0;
		pid = strtol(argv[i], &end, 10);
		if (*argv[i] == '\0' || *end != '\0' || errno != 0) {
			fprintf(stderr, "kill: %s: not a process id\n",
			    argv[i]);
			status = 1;
		} else if (kill((pid_t)pid, sig) != 0) {
			fprintf(stderr, "kill: %s: %s\n", argv[i],
			    strerror(errno));
			status = 1;
		}
	}
	return (status);
}
