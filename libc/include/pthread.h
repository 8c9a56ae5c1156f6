/*
 * pthread.h - POSIX threads, the minimal set libc has (libc/thr/,
 * libc/README.md): threads (create, join, detach, exit, self, equal,
 * once), their attributes (stack size, detach state), mutexes (normal,
 * error-checking (the default, as on FreeBSD) and recursive),
 * condition variables (CLOCK_REALTIME or CLOCK_MONOTONIC timeouts).
 * No cancellation, no thread-specific data, no scheduling policies,
 * no process-shared objects.  pthread_kill and pthread_sigmask are in
 * <signal.h>.
 *
 * The types are structs the caller owns (no allocation, so the
 * static initializers need no init call).  Their fields are libc's.
 */
#ifndef _PTHREAD_H_
#define _PTHREAD_H_

#include <sys/types.h>
#include <time.h>

struct pthread;				/* a thread control block (thr/) */
typedef struct pthread	*pthread_t;

typedef struct {
	size_t		__stacksize;
	int		__detachstate;
} pthread_attr_t;

typedef struct {
	volatile unsigned int __lock;	/* 0 free, 1 held, 2 contended */
	int		__type;
	struct pthread	*__owner;
	unsigned int	__count;	/* recursive holds */
} pthread_mutex_t;

typedef struct {
	int		__type;
} pthread_mutexattr_t;

typedef struct {
	volatile unsigned int __seq;	/* bumped by every signal */
	int		__clock;
} pthread_cond_t;

typedef struct {
	int		__clock;
} pthread_condattr_t;

typedef struct {
	volatile unsigned int __state;	/* 0 not run, 1 running, 2 done */
} pthread_once_t;

#define PTHREAD_CREATE_JOINABLE	0
#define PTHREAD_CREATE_DETACHED	1

#define PTHREAD_MUTEX_ERRORCHECK	1
#define PTHREAD_MUTEX_RECURSIVE		2
#define PTHREAD_MUTEX_NORMAL		3
#define PTHREAD_MUTEX_DEFAULT		PTHREAD_MUTEX_ERRORCHECK

/* The smallest stack pthread_attr_setstacksize accepts, and the default. */
#define PTHREAD_STACK_MIN	16384
#define PTHREAD_STACK_DEFAULT	(1024 * 1024)

#define PTHREAD_MUTEX_INITIALIZER	{ 0, PTHREAD_MUTEX_DEFAULT, 0, 0 }
#define PTHREAD_COND_INITIALIZER	{ 0, CLOCK_REALTIME }
#define PTHREAD_ONCE_INIT		{ 0 }

int	pthread_create(pthread_t *, const pthread_attr_t *,
	    void *(*)(void *), void *);
int	pthread_join(pthread_t, void **);
int	pthread_detach(pthread_t);
void	pthread_exit(void *) __attribute__((__noreturn__));
pthread_t pthread_self(void);
int	pthread_equal(pthread_t, pthread_t);
int	pthread_once(pthread_once_t *, void (*)(void));

int	pthread_attr_init(pthread_attr_t *);
int	pthread_attr_destroy(pthread_attr_t *);
int	pthread_attr_setstacksize(pthread_attr_t *, size_t);
int	pthread_attr_getstacksize(const pthread_attr_t *, size_t *);
int	pthread_attr_setdetachstate(pthread_attr_t *, int);
int	pthread_attr_getdetachstate(const pthread_attr_t *, int *);

int	pthread_mutex_init(pthread_mutex_t *, const pthread_mutexattr_t *);
int	pthread_mutex_destroy(pthread_mutex_t *);
int	pthread_mutex_lock(pthread_mutex_t *);
int	pthread_mutex_trylock(pthread_mutex_t *);
int	pthread_mutex_unlock(pthread_mutex_t *);
int	pthread_mutexattr_init(pthread_mutexattr_t *);
int	pthread_mutexattr_destroy(pthread_mutexattr_t *);
int	pthread_mutexattr_settype(pthread_mutexattr_t *, int);
int	pthread_mutexattr_gettype(const pthread_mutexattr_t *, int *);

int	pthread_cond_init(pthread_cond_t *, const pthread_condattr_t *);
int	pthread_cond_destroy(pthread_cond_t *);
int	pthread_cond_wait(pthread_cond_t *, pthread_mutex_t *);
int	pthread_cond_timedwait(pthread_cond_t *, pthread_mutex_t *,
	    const struct timespec *);
int	pthread_cond_signal(pthread_cond_t *);
int	pthread_cond_broadcast(pthread_cond_t *);
int	pthread_condattr_init(pthread_condattr_t *);
int	pthread_condattr_destroy(pthread_condattr_t *);
int	pthread_condattr_setclock(pthread_condattr_t *, clockid_t);
int	pthread_condattr_getclock(const pthread_condattr_t *, clockid_t *);

#endif /* !_PTHREAD_H_ */
