/*
 * pthread.c - threads: pthread_create, pthread_exit, pthread_join,
 * pthread_detach, pthread_self, pthread_equal, and what fork needs
 * (thr_private.h says how a thread is laid out).
 *
 * pthread_exit of the last thread ends the process with exit(0), so
 * atexit functions run and stdio is flushed (the kernel would also end
 * it at the last thr_exit, without them).  The count of live threads
 * is libc's: a thread that never returns through pthread_exit (killed
 * by the kernel for exit or exec) takes the process with it anyway.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/_thr.h>
#include <sys/_umtx.h>

#include "libc_private.h"
#include "libc_syscalls.h"
#include "thr_private.h"

#define THR_GUARD_SIZE	LIBC_PAGE_SIZE

struct pthread	__thr_main;
int		__thr_threaded;

/* Live threads; starts with the first one. */
static volatile unsigned int thr_count = 1;
/* Detached threads that exited, until their mappings are unmapped. */
static struct pthread *thr_dead;
static struct __libc_lock thr_dead_lock = LIBC_LOCK_INITIALIZER;

/* libc's hooks (libc_private.h) once there are threads. */
static void *
thr_self_hook(void)
{
	return (thr_tcb());
}

static int *
thr_errno_hook(void)
{
	return (&thr_tcb()->error);
}

/*
 * Before the first pthread_create: the first thread gets its TCB (and
 * its errno moves there), then libc's hooks switch to the TCBs.
 */
static int
thr_init(void)
{
	long tid;
	int error;

	__thr_main.self = &__thr_main;
	if (__sys_thr_self(&tid) != 0)
		return (errno);
	__thr_main.tid = tid;
	if ((error = __thr_set_tls(&__thr_main)) != 0)
		return (error);
	__thr_main.error = errno;
	__libc_self_hook = thr_self_hook;
	__libc_errno_hook = thr_errno_hook;
	__thr_threaded = 1;
	return (0);
}

/* Unmap the dead detached threads the kernel is done with. */
static void
thr_reap_dead(void)
{
	struct pthread **link, *t;

	__libc_lock(&thr_dead_lock);
	for (link = &thr_dead; (t = *link) != NULL;) {
		if (t->tid != 0) {
			link = &t->dead_next;
			continue;
		}
		*link = t->dead_next;
		(void)munmap(t->map_base, t->map_size);
	}
	__libc_unlock(&thr_dead_lock);
}

/* Put exited detached thread t on the list of the dead. */
static void
thr_add_dead(struct pthread *t)
{
	if (t->map_base == NULL)
		return;			/* the first thread: nothing to free */
	__libc_lock(&thr_dead_lock);
	t->dead_next = thr_dead;
	thr_dead = t;
	__libc_unlock(&thr_dead_lock);
}

/* Where every created thread starts (thr_new's start_func). */
static void
thr_start(void *arg)
{
	struct pthread *self = arg;

	pthread_exit(self->start(self->arg));
}

/*
 * Make a thread that runs start(arg), joinable unless attr says it is
 * detached, on a stack of attr's size (PTHREAD_STACK_DEFAULT without
 * attr) with a guard page below.  *thread gets it.  Returns 0, or
 * EAGAIN (no memory, too many threads), EINVAL.
 */
int
pthread_create(pthread_t *thread, const pthread_attr_t *attr,
    void *(*start)(void *), void *arg)
{
	struct thr_param param;
	struct pthread *t;
	size_t stacksize, size;
	char *base;
	int error, saved = errno;

	if (!__thr_threaded && (error = thr_init()) != 0)
		return (error);
	thr_reap_dead();
	stacksize = attr != NULL ? attr->__stacksize : PTHREAD_STACK_DEFAULT;
	size = THR_GUARD_SIZE + ((stacksize + sizeof(struct pthread) +
	    LIBC_PAGE_SIZE - 1) & ~(size_t)(LIBC_PAGE_SIZE - 1));
	base = mmap(NULL, size, PROT_NONE, MAP_PRIVATE | MAP_ANON, -1, 0);
	if (base == MAP_FAILED) {
		errno = saved;
		return (EAGAIN);
	}
	if (mmap(base + THR_GUARD_SIZE, size - THR_GUARD_SIZE,
	    PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANON | MAP_FIXED, -1,
	    0) == MAP_FAILED) {
		(void)munmap(base, size);
		errno = saved;
		return (EAGAIN);
	}
	/* The TCB at the top, 16-byte aligned; the stack below it. */
	t = (struct pthread *)(((uintptr_t)base + size -
	    sizeof(struct pthread)) & ~(uintptr_t)15);
	t->self = t;
	t->start = start;
	t->arg = arg;
	t->map_base = base;
	t->map_size = size;
	if (attr != NULL && attr->__detachstate == PTHREAD_CREATE_DETACHED)
		t->flags = THR_DETACHED;

	memset(&param, 0, sizeof(param));
	param.start_func = thr_start;
	param.arg = t;
	param.stack_base = base + THR_GUARD_SIZE;
	param.stack_size = (size_t)((char *)t - param.stack_base);
	param.tls_base = (char *)t;
	param.tls_size = sizeof(*t);
	param.child_tid = (long *)&t->tid;
	param.parent_tid = (long *)&t->tid;
	__atomic_add_fetch(&thr_count, 1, __ATOMIC_SEQ_CST);
	if (__sys_thr_new(&param, sizeof(param)) != 0) {
		error = errno;
		__atomic_sub_fetch(&thr_count, 1, __ATOMIC_SEQ_CST);
		(void)munmap(base, size);
		errno = saved;
		return (error == ENOMEM || error == EPROCLIM ? EAGAIN : error);
	}
	*thread = t;
	return (0);
}

/*
 * End the calling thread with `retval` for its joiner.  The last
 * thread's pthread_exit is exit(0).
 */
void
pthread_exit(void *retval)
{
	struct pthread *self = pthread_self();
	unsigned int old;

	self->retval = retval;
	if (__atomic_sub_fetch(&thr_count, 1, __ATOMIC_SEQ_CST) == 0)
		exit(0);
	old = __atomic_fetch_or(&self->flags, THR_EXITED, __ATOMIC_SEQ_CST);
	if ((old & THR_DETACHED) != 0)
		thr_add_dead(self);
	/* The kernel stores 0 in tid when the stack is free, and wakes. */
	__sys_thr_exit((long *)&self->tid);
	__builtin_trap();
}

/*
 * Wait for `thread` to end; *retval (if not NULL) gets its
 * pthread_exit value, and its stack is freed.  0, or EDEADLK (the
 * caller itself), EINVAL (detached, or being joined already).
 */
int
pthread_join(pthread_t thread, void **retval)
{
	unsigned int old;
	long tid;
	int saved = errno;

	if (thread == pthread_self())
		return (EDEADLK);
	old = __atomic_fetch_or(&thread->flags, THR_JOINED, __ATOMIC_SEQ_CST);
	if ((old & (THR_DETACHED | THR_JOINED)) != 0)
		return (EINVAL);
	while ((tid = thread->tid) != 0)
		(void)__sys__umtx_op((void *)&thread->tid, UMTX_OP_WAIT,
		    (unsigned long)tid, NULL, NULL);
	errno = saved;
	if (retval != NULL)
		*retval = thread->retval;
	if (thread->map_base != NULL)
		(void)munmap(thread->map_base, thread->map_size);
	return (0);
}

/*
 * Nobody will join `thread`: its stack is freed after it ends.  0, or
 * EINVAL (detached already, or being joined).
 */
int
pthread_detach(pthread_t thread)
{
	unsigned int old;

	old = __atomic_fetch_or(&thread->flags, THR_DETACHED,
	    __ATOMIC_SEQ_CST);
	if ((old & (THR_DETACHED | THR_JOINED)) != 0)
		return (EINVAL);
	/* It exited before: its pthread_exit left the freeing to us. */
	if ((old & THR_EXITED) != 0)
		thr_add_dead(thread);
	return (0);
}

/* The calling thread. */
pthread_t
pthread_self(void)
{
	return (__thr_threaded ? thr_tcb() : &__thr_main);
}

/* Whether t1 and t2 are the same thread. */
int
pthread_equal(pthread_t t1, pthread_t t2)
{
	return (t1 == t2);
}

/* See libc_private.h. */
void
__libc_fork_prepare(void)
{
	if (!__thr_threaded)
		return;
	__libc_rlock(&__stdio_lock);
	__libc_rlock(&__malloc_lock);
	__libc_lock(&thr_dead_lock);
}

/* See libc_private.h. */
void
__libc_fork_parent(void)
{
	if (!__thr_threaded)
		return;
	__libc_unlock(&thr_dead_lock);
	__libc_runlock(&__malloc_lock);
	__libc_runlock(&__stdio_lock);
}

/*
 * See libc_private.h.  The child has only the thread that forked; the
 * others' stacks stay mapped in it (their TCBs say they never ended).
 */
void
__libc_fork_child(void)
{
	struct pthread *self;
	long tid;

	if (!__thr_threaded)
		return;
	self = thr_tcb();
	if (__sys_thr_self(&tid) == 0)
		self->tid = tid;
	thr_count = 1;
	thr_dead = NULL;
	__libc_unlock(&thr_dead_lock);
	__libc_runlock(&__malloc_lock);
	__libc_runlock(&__stdio_lock);
}
