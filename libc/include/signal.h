/*
 * signal.h - signals.  The numbers, flags, si_code values and the
 * layouts of struct sigaction and siginfo_t are the kernel's, from
 * <sys/signal.h>.  A set of signals is 32 bits (signals 1 to 31).
 */
#ifndef _SIGNAL_H_
#define _SIGNAL_H_

#include <sys/signal.h>
#include <sys/types.h>

/* An integer that a signal handler may assign atomically (C11 7.14). */
typedef int	sig_atomic_t;

typedef __sigset_t	sigset_t;
typedef struct __siginfo siginfo_t;

/* The same layout as the kernel's struct __sigaction. */
struct sigaction {
	union {
		void	(*sa_handler)(int);
		void	(*sa_sigaction)(int, siginfo_t *, void *);
	};
	int		sa_flags;
	sigset_t	sa_mask;
};

int	kill(pid_t pid, int sig);
int	killpg(pid_t pgrp, int sig);
int	raise(int sig);
void	(*signal(int sig, void (*handler)(int)))(int);
int	sigaction(int sig, const struct sigaction *act,
	    struct sigaction *oact);
int	sigprocmask(int how, const sigset_t *set, sigset_t *oset);
/* Threads (<pthread.h>): the caller's mask; a signal to one thread. */
struct pthread;
int	pthread_sigmask(int how, const sigset_t *set, sigset_t *oset);
int	pthread_kill(struct pthread *thread, int sig);
int	sigsuspend(const sigset_t *mask);
int	sigpending(sigset_t *set);
int	sigemptyset(sigset_t *set);
int	sigfillset(sigset_t *set);
int	sigaddset(sigset_t *set, int sig);
int	sigdelset(sigset_t *set, int sig);
int	sigismember(const sigset_t *set, int sig);

#endif /* !_SIGNAL_H_ */
