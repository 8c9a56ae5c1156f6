/*
 * abort.c - abnormal program end.
 */
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

/*
 * End the process with SIGABRT (C11 7.22.4.1, POSIX): the signal is
 * unblocked and sent; a handler that returns is run, then the default
 * action is put back and the signal sent again.  Streams are not
 * flushed (FreeBSD does not either).  If the process still lives (pid
 * 1, which gets only the signals it catches), _exit(127).
 */
void
abort(void)
{
	struct sigaction sa;
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGABRT);
	(void)sigprocmask(SIG_UNBLOCK, &set, NULL);
	(void)kill(getpid(), SIGABRT);

	sa.sa_handler = SIG_DFL;
	sa.sa_flags = 0;
	sigemptyset(&sa.sa_mask);
	(void)sigaction(SIGABRT, &sa, NULL);
	(void)sigprocmask(SIG_UNBLOCK, &set, NULL);
	(void)kill(getpid(), SIGABRT);
	_exit(127);
}
