/*
 * thread_test.c - threads (issue 6), run inside Vise: pthread_create
 * and pthread_join of 8 threads and their values, pthread_exit's
 * value, errno and pthread_self per thread, a mutex counter that ends
 * at exactly N * K, the mutex types' errors, a condition variable's
 * producers and consumers and its timeout, pthread_once, detached
 * threads; signals: a process-directed signal is taken by the thread
 * that does not block it, pthread_kill reaches its thread; the
 * process: SIGKILL from the parent ends a process of many threads,
 * SIGSTOP stops all of them and SIGCONT continues them, exit() from a
 * non-main thread ends the process with its status, the last
 * pthread_exit ends it with 0 after the atexit functions, fork in a
 * threaded process gives a child with only the forking thread, exec
 * from a non-main thread replaces the whole process, the threads share
 * the credentials; thr_new's, thr_kill's, _umtx_op's and sysarch's
 * successes and errors.  Prints TAP; exits 0 only if every check passed.
 *
 * With the argument "exec-child TID" it is the program a thread execs:
 * it exits 7 if it runs as thread TID, with no other thread.
 */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/sysarch.h>
#include <sys/thr.h>
#include <sys/umtx.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define NTHREADS	8
#define NINCR		20000

static int ntest, nfailed;

static void
ok(int cond, const char *name)
{
	ntest++;
	if (!cond)
		nfailed++;
	printf("%sok %d - threads: %s\n", cond ? "" : "not ", ntest, name);
	fflush(stdout);
}

static void
pause_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		continue;
}

static pid_t
wait_for(pid_t pid, int *status, int options)
{
	pid_t r;

	while ((r = waitpid(pid, status, options)) < 0 && errno == EINTR)
		continue;
	return (r);
}

static long
my_tid(void)
{
	long tid = -1;

	thr_self(&tid);
	return (tid);
}

/* --- create, join, values ---------------------------------------- */

static void *
return_index(void *arg)
{
	return ((void *)((long)arg * 10 + 1));
}

static void
test_create_join(void)
{
	pthread_t t[NTHREADS];
	void *v;
	int i, created = 0, good = 0;

	for (i = 0; i < NTHREADS; i++)
		if (pthread_create(&t[i], NULL, return_index, (void *)(long)i)
		    == 0)
			created++;
	for (i = 0; i < created; i++)
		if (pthread_join(t[i], &v) == 0 && (long)v == i * 10 + 1)
			good++;
	ok(created == NTHREADS, "pthread_create makes 8 threads");
	ok(good == NTHREADS, "pthread_join returns each thread's value");
}

static void __attribute__((__noinline__))
exit_inner(long v)
{
	pthread_exit((void *)v);
}

static void __attribute__((__noinline__))
exit_outer(long v)
{
	exit_inner(v + 1);
}

static void *
exit_from_nested(void *arg)
{
	(void)arg;
	exit_outer(41);
	return (NULL);
}

static void
test_pthread_exit(void)
{
	pthread_t t;
	void *v = NULL;

	ok(pthread_create(&t, NULL, exit_from_nested, NULL) == 0 &&
	    pthread_join(t, &v) == 0 && (long)v == 42,
	    "pthread_exit's value reaches pthread_join");
	ok(pthread_join(pthread_self(), NULL) == EDEADLK,
	    "joining oneself is EDEADLK");
}

/* --- errno and identity per thread -------------------------------- */

static volatile int errno_phase;

static void *
errno_worker(void *arg)
{
	(void)arg;
	errno = 1234;
	errno_phase = 1;
	while (errno_phase != 2)
		sched_yield();
	return ((void *)(long)(errno == 1234 &&
	    close(-1) == -1 && errno == EBADF));
}

static void *
report_self(void *arg)
{
	*(pthread_t *)arg = pthread_self();
	return ((void *)my_tid());
}

static void
test_per_thread(void)
{
	pthread_t t, seen;
	void *v = NULL;
	int mine_ok;

	errno = 0;
	errno_phase = 0;
	pthread_create(&t, NULL, errno_worker, NULL);
	while (errno_phase != 1)
		sched_yield();
	mine_ok = errno == 0;
	errno = 77;
	errno_phase = 2;
	pthread_join(t, &v);
	ok(mine_ok && errno == 77 && v == (void *)1L,
	    "each thread has its own errno");
	seen = NULL;
	v = NULL;
	ok(pthread_create(&t, NULL, report_self, &seen) == 0 &&
	    pthread_join(t, &v) == 0 && seen == t &&
	    !pthread_equal(seen, pthread_self()) && (long)v > 0 &&
	    (long)v != my_tid(), "pthread_self and thr_self differ by thread");
}

/* --- mutexes ------------------------------------------------------- */

static pthread_mutex_t counter_lock = PTHREAD_MUTEX_INITIALIZER;
static volatile long counter;

static void *
add_many(void *arg)
{
	int i;

	(void)arg;
	for (i = 0; i < NINCR; i++) {
		pthread_mutex_lock(&counter_lock);
		counter = counter + 1;
		if (i % 1000 == 0)
			sched_yield();	/* give up the CPU holding it */
		pthread_mutex_unlock(&counter_lock);
	}
	return (NULL);
}

static void
test_mutex_counter(void)
{
	pthread_t t[NTHREADS];
	int i;

	counter = 0;
	for (i = 0; i < NTHREADS; i++)
		pthread_create(&t[i], NULL, add_many, NULL);
	for (i = 0; i < NTHREADS; i++)
		pthread_join(t[i], NULL);
	ok(counter == (long)NTHREADS * NINCR,
	    "a mutex counter of 8 threads x 20000 ends at 160000");
}

static void *
try_and_unlock(void *arg)
{
	pthread_mutex_t *m = arg;
	int busy = pthread_mutex_trylock(m) == EBUSY;
	int perm = pthread_mutex_unlock(m) == EPERM;

	return ((void *)(long)(busy && perm));
}

static void
test_mutex_types(void)
{
	pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER, r;
	pthread_mutexattr_t ma;
	pthread_t t;
	void *v = NULL;

	pthread_mutex_lock(&m);
	ok(pthread_mutex_lock(&m) == EDEADLK,
	    "an error-checking mutex refuses its holder (EDEADLK)");
	pthread_create(&t, NULL, try_and_unlock, &m);
	pthread_join(t, &v);
	ok(v == (void *)1L, "trylock of a held mutex is EBUSY, unlock by "
	    "another thread EPERM");
	ok(pthread_mutex_destroy(&m) == EBUSY, "destroying a held mutex is "
	    "EBUSY");
	pthread_mutex_unlock(&m);
	pthread_mutexattr_init(&ma);
	pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_RECURSIVE);
	pthread_mutex_init(&r, &ma);
	ok(pthread_mutex_lock(&r) == 0 && pthread_mutex_lock(&r) == 0 &&
	    pthread_mutex_trylock(&r) == 0 && pthread_mutex_unlock(&r) == 0 &&
	    pthread_mutex_unlock(&r) == 0 && pthread_mutex_unlock(&r) == 0 &&
	    pthread_mutex_unlock(&r) == EPERM && pthread_mutex_trylock(&r) == 0
	    && pthread_mutex_unlock(&r) == 0,
	    "a recursive mutex counts its holder's locks");
}

/* --- condition variables ----------------------------------------- */

#define QSIZE	4
#define NITEMS	2000

static pthread_mutex_t q_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t q_notempty = PTHREAD_COND_INITIALIZER;
static pthread_cond_t q_notfull = PTHREAD_COND_INITIALIZER;
static int q_items[QSIZE], q_head, q_count, q_done;

static void *
producer(void *arg)
{
	int i, base = (int)(long)arg * NITEMS;

	for (i = 1; i <= NITEMS; i++) {
		pthread_mutex_lock(&q_lock);
		while (q_count == QSIZE)
			pthread_cond_wait(&q_notfull, &q_lock);
		q_items[(q_head + q_count++) % QSIZE] = base + i;
		pthread_cond_signal(&q_notempty);
		pthread_mutex_unlock(&q_lock);
	}
	return (NULL);
}

static void *
consumer(void *arg)
{
	long sum = 0, n = 0;
	int item;

	(void)arg;
	for (;;) {
		pthread_mutex_lock(&q_lock);
		while (q_count == 0 && !q_done)
			pthread_cond_wait(&q_notempty, &q_lock);
		if (q_count == 0) {
			pthread_mutex_unlock(&q_lock);
			break;
		}
		item = q_items[q_head];
		q_head = (q_head + 1) % QSIZE;
		q_count--;
		pthread_cond_signal(&q_notfull);
		pthread_mutex_unlock(&q_lock);
		sum += item;
		n++;
	}
	return ((void *)(sum * 4 + n % 4));
}

static void
test_condvar(void)
{
	pthread_t p[2], c[3];
	long total = 0, want = 0, v;
	void *r;
	int i;

	for (i = 0; i < 2; i++)
		pthread_create(&p[i], NULL, producer, (void *)(long)i);
	for (i = 0; i < 3; i++)
		pthread_create(&c[i], NULL, consumer, NULL);
	for (i = 0; i < 2; i++)
		pthread_join(p[i], NULL);
	pthread_mutex_lock(&q_lock);
	q_done = 1;
	pthread_cond_broadcast(&q_notempty);
	pthread_mutex_unlock(&q_lock);
	for (i = 0; i < 3; i++) {
		pthread_join(c[i], &r);
		v = (long)r;
		total += v / 4;
	}
	for (i = 1; i <= NITEMS; i++)
		want += i + (NITEMS + i);
	ok(total == want, "producers and consumers on a condition variable "
	    "pass every item once");
}

static void
test_cond_timeout(void)
{
	pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
	pthread_cond_t c = PTHREAD_COND_INITIALIZER;
	struct timespec now, then, deadline;
	long ms;
	int r;

	clock_gettime(CLOCK_REALTIME, &now);
	deadline = now;
	deadline.tv_nsec += 100 * 1000000L;
	if (deadline.tv_nsec >= 1000000000L) {
		deadline.tv_sec++;
		deadline.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&m);
	r = pthread_cond_timedwait(&c, &m, &deadline);
	clock_gettime(CLOCK_REALTIME, &then);
	ms = (then.tv_sec - now.tv_sec) * 1000 +
	    (then.tv_nsec - now.tv_nsec) / 1000000;
	ok(r == ETIMEDOUT && ms >= 99 && ms < 2000 &&
	    pthread_mutex_unlock(&m) == 0,
	    "pthread_cond_timedwait times out (ETIMEDOUT) holding the mutex");
}

/* --- once, detached ------------------------------------------------ */

static pthread_once_t once = PTHREAD_ONCE_INIT;
static volatile int once_runs;

static void
once_init(void)
{
	once_runs++;
	pause_ms(20);
}

static void *
call_once(void *arg)
{
	(void)arg;
	pthread_once(&once, once_init);
	return ((void *)(long)once_runs);
}

static volatile int detached_done;

static void *
detached_body(void *arg)
{
	(void)arg;
	__atomic_add_fetch(&detached_done, 1, __ATOMIC_SEQ_CST);
	return (NULL);
}

static void
test_once_detached(void)
{
	pthread_t t[NTHREADS];
	pthread_attr_t a;
	void *v;
	int i, good = 0, made = 0;

	for (i = 0; i < NTHREADS; i++)
		pthread_create(&t[i], NULL, call_once, NULL);
	for (i = 0; i < NTHREADS; i++)
		if (pthread_join(t[i], &v) == 0 && (long)v == 1)
			good++;
	ok(once_runs == 1 && good == NTHREADS,
	    "pthread_once runs its function once; the others wait for it");

	pthread_attr_init(&a);
	pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
	ok(pthread_attr_setstacksize(&a, 1024) == EINVAL &&
	    pthread_attr_setstacksize(&a, 64 * 1024) == 0,
	    "pthread_attr_setstacksize refuses less than PTHREAD_STACK_MIN");
	for (i = 0; i < 20; i++)
		if (pthread_create(&t[0], &a, detached_body, NULL) == 0)
			made++;
	while (detached_done < made)
		pause_ms(10);
	ok(made == 20 && pthread_join(t[0], NULL) == EINVAL,
	    "detached threads run and cannot be joined");
	pthread_attr_destroy(&a);
}

/* --- signals ------------------------------------------------------- */

static volatile pthread_t handled_by;
static volatile int handled;

static void
on_usr1(int sig)
{
	(void)sig;
	handled_by = pthread_self();
	handled++;
}

static volatile int waiter_ready;

static void *
unblocked_waiter(void *arg)
{
	sigset_t none;

	(void)arg;
	sigemptyset(&none);
	waiter_ready = 1;
	sigsuspend(&none);
	return (NULL);
}

static void *
spin_until_handled(void *arg)
{
	sigset_t usr1;

	(void)arg;
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	pthread_sigmask(SIG_UNBLOCK, &usr1, NULL);
	waiter_ready = 1;
	while (!handled)
		continue;
	return (NULL);
}

static void
test_signals(void)
{
	struct sigaction sa;
	sigset_t usr1, old;
	pthread_t t;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sigaction(SIGUSR1, &sa, NULL);
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	pthread_sigmask(SIG_BLOCK, &usr1, &old);

	/* The process's signal goes to the thread that does not block it. */
	handled = 0;
	handled_by = NULL;
	waiter_ready = 0;
	pthread_create(&t, NULL, unblocked_waiter, NULL);
	while (!waiter_ready)
		sched_yield();
	pause_ms(20);
	kill(getpid(), SIGUSR1);
	pthread_join(t, NULL);
	ok(handled == 1 && handled_by == t, "kill(getpid()) is handled by the "
	    "thread that does not block the signal (asleep)");

	handled = 0;
	handled_by = NULL;
	waiter_ready = 0;
	pthread_create(&t, NULL, spin_until_handled, NULL);
	while (!waiter_ready)
		sched_yield();
	kill(getpid(), SIGUSR1);
	pthread_join(t, NULL);
	ok(handled == 1 && handled_by == t, "... and by one that runs in "
	    "user mode");

	/* pthread_kill: that thread, even if another could take it. */
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	handled = 0;
	handled_by = NULL;
	waiter_ready = 0;
	pthread_create(&t, NULL, unblocked_waiter, NULL);
	while (!waiter_ready)
		sched_yield();
	pause_ms(20);
	ok(pthread_kill(t, SIGUSR1) == 0, "pthread_kill");
	pthread_join(t, NULL);
	ok(handled == 1 && handled_by == t,
	    "pthread_kill's signal is handled by that thread");
	ok(thr_kill(999999, 0) == -1 && errno == ESRCH &&
	    thr_kill(my_tid(), NSIG) == -1 && errno == EINVAL &&
	    thr_kill(my_tid(), 0) == 0 && pthread_kill(pthread_self(), 0) == 0,
	    "thr_kill: ESRCH for no such thread, EINVAL for a bad signal");
	sa.sa_handler = SIG_DFL;
	sigaction(SIGUSR1, &sa, NULL);
}

/* --- the process --------------------------------------------------- */

static void *
sleep_forever(void *arg)
{
	(void)arg;
	for (;;)
		pause_ms(1000);
	return (NULL);
}

static void *
spin_forever(void *arg)
{
	volatile unsigned long *slot = arg;

	for (;;)
		(*slot)++;
	return (NULL);
}

static void *
wait_forever(void *arg)
{
	pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
	pthread_cond_t c = PTHREAD_COND_INITIALIZER;

	(void)arg;
	pthread_mutex_lock(&m);
	for (;;)
		pthread_cond_wait(&c, &m);
	return (NULL);
}

/* A child with threads asleep, spinning and waiting; ready on the pipe. */
static pid_t
spawn_threaded(volatile unsigned long *slots, int fd[2])
{
	pthread_t t;
	pid_t pid;
	char c;

	pipe(fd);
	if ((pid = fork()) == 0) {
		close(fd[0]);
		pthread_create(&t, NULL, sleep_forever, NULL);
		pthread_create(&t, NULL, wait_forever, NULL);
		pthread_create(&t, NULL, spin_forever, (void *)&slots[0]);
		pthread_create(&t, NULL, spin_forever, (void *)&slots[1]);
		write(fd[1], "r", 1);
		spin_forever((void *)&slots[2]);
	}
	close(fd[1]);
	read(fd[0], &c, 1);
	close(fd[0]);
	return (pid);
}

static void
test_kill_stop(void)
{
	volatile unsigned long *slots;
	unsigned long a[3], b[3];
	int status, fd[2], i, moved;
	pid_t pid;

	slots = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANON, -1, 0);
	pid = spawn_threaded(slots, fd);
	pause_ms(50);
	ok(kill(pid, SIGSTOP) == 0 && wait_for(pid, &status, WUNTRACED) ==
	    pid && WIFSTOPPED(status), "SIGSTOP stops a process of 5 threads");
	pause_ms(100);
	for (i = 0; i < 3; i++)
		a[i] = slots[i];
	pause_ms(200);
	for (i = 0; i < 3; i++)
		b[i] = slots[i];
	ok(a[0] == b[0] && a[1] == b[1] && a[2] == b[2],
	    "no thread of a stopped process runs");
	kill(pid, SIGCONT);
	pause_ms(600);
	moved = 0;
	for (i = 0; i < 3; i++)
		moved += slots[i] != b[i];
	ok(moved == 3, "SIGCONT continues every thread");
	ok(kill(pid, SIGKILL) == 0 && wait_for(pid, &status, 0) == pid &&
	    WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
	    "SIGKILL from the parent ends a process of 5 threads");

	/* Killed while stopped. */
	pid = spawn_threaded(slots, fd);
	kill(pid, SIGSTOP);
	wait_for(pid, &status, WUNTRACED);
	ok(kill(pid, SIGKILL) == 0 && wait_for(pid, &status, 0) == pid &&
	    WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
	    "SIGKILL ends a stopped process of 5 threads");
	munmap((void *)slots, 4096);
}

static void *
exit_five(void *arg)
{
	(void)arg;
	pause_ms(20);
	exit(5);
}

static int atexit_fd = -1;

static void
say_atexit(void)
{
	write(atexit_fd, "A", 1);
}

static void *
exit_later(void *arg)
{
	(void)arg;
	pause_ms(50);
	pthread_exit(NULL);
}

static void *
thr_exit_later(void *arg)
{
	long tid;

	(void)arg;
	pause_ms(50);
	thr_self(&tid);
	thr_exit(NULL);
}

static void
test_exit(void)
{
	pthread_t t;
	int status, fd[2];
	char c = 0;
	pid_t pid;

	if ((pid = fork()) == 0) {
		pthread_create(&t, NULL, sleep_forever, NULL);
		pthread_create(&t, NULL, exit_five, NULL);
		pthread_join(t, NULL);
		_exit(1);
	}
	ok(wait_for(pid, &status, 0) == pid && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 5,
	    "exit() in a non-main thread ends the process with its status");

	pipe(fd);
	if ((pid = fork()) == 0) {
		close(fd[0]);
		atexit_fd = fd[1];
		atexit(say_atexit);
		pthread_create(&t, NULL, exit_later, NULL);
		pthread_exit(NULL);
	}
	close(fd[1]);
	ok(wait_for(pid, &status, 0) == pid && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 0 && read(fd[0], &c, 1) == 1 && c == 'A',
	    "the last pthread_exit ends the process: status 0, atexit ran");
	close(fd[0]);

	if ((pid = fork()) == 0) {
		pthread_create(&t, NULL, thr_exit_later, NULL);
		thr_exit(NULL);
	}
	ok(wait_for(pid, &status, 0) == pid && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 0,
	    "the kernel: the last thr_exit ends the process with status 0");
}

static volatile long worker_tids[2];

static void *
note_tid_and_wait(void *arg)
{
	worker_tids[(long)arg] = my_tid();
	return (wait_forever(NULL));
}

static void *
fork_child_thread(void *arg)
{
	return (arg);
}

static void *
print_a_lot(void *arg)
{
	int i;

	(void)arg;
	for (i = 0; ; i++) {
		free(malloc(100 + i % 1000));
		if (i % 64 == 0) {
			fprintf(stderr, "%s", "");
			sched_yield();
		}
	}
	return (NULL);
}

static void
test_fork(void)
{
	pthread_t t[3], ct;
	int status, i, forks_ok = 1;
	void *v;
	pid_t pid;

	worker_tids[0] = worker_tids[1] = 0;
	pthread_create(&t[0], NULL, note_tid_and_wait, (void *)0L);
	pthread_create(&t[1], NULL, note_tid_and_wait, (void *)1L);
	pthread_create(&t[2], NULL, print_a_lot, NULL);
	while (worker_tids[0] == 0 || worker_tids[1] == 0)
		sched_yield();
	if ((pid = fork()) == 0) {
		/* Only this thread: the others' ids are not here. */
		if (thr_kill(worker_tids[0], 0) != -1 || errno != ESRCH ||
		    thr_kill(worker_tids[1], 0) != -1 || errno != ESRCH ||
		    thr_kill(my_tid(), 0) != 0)
			_exit(2);
		/* And it may make threads of its own, and use the heap. */
		if (pthread_create(&ct, NULL, fork_child_thread, (void *)9L) ||
		    pthread_join(ct, &v) != 0 || v != (void *)9L)
			_exit(3);
		free(malloc(1000));
		_exit(0);
	}
	ok(wait_for(pid, &status, 0) == pid && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 0,
	    "fork in a threaded process: the child has only the forking "
	    "thread, and can make its own");
	/* Forks while another thread holds the heap and stdio locks. */
	for (i = 0; i < 20; i++) {
		if ((pid = fork()) == 0) {
			free(malloc(5000));
			fprintf(stderr, "%s", "");
			_exit(0);
		}
		if (wait_for(pid, &status, 0) != pid || !WIFEXITED(status) ||
		    WEXITSTATUS(status) != 0)
			forks_ok = 0;
	}
	ok(forks_ok, "20 forks while a thread mallocs and prints: the "
	    "children's locks are free");
	/* The test's threads end with the process (exit below). */
}

static void *
exec_from_thread(void *arg)
{
	char tid[32];
	char *argv[] = { "thread_test", "exec-child", tid, NULL };

	(void)arg;
	snprintf(tid, sizeof(tid), "%ld", my_tid());
	execve("/tests/thread_test", argv, NULL);
	_exit(99);
}

static void
test_exec(void)
{
	pthread_t t;
	int status;
	pid_t pid;

	if ((pid = fork()) == 0) {
		pthread_create(&t, NULL, sleep_forever, NULL);
		pthread_create(&t, NULL, spin_forever, malloc(8));
		pthread_create(&t, NULL, exec_from_thread, NULL);
		for (;;)
			pause_ms(1000);
	}
	ok(wait_for(pid, &status, 0) == pid && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 7, "exec from a non-main thread: the new "
	    "program runs as that thread, alone");
}

/* The exec'd side of test_exec. */
static int
exec_child(const char *tid)
{
	pthread_t t;
	void *v;

	if (my_tid() != strtol(tid, NULL, 10))
		return (2);
	/* Alone: no other thread takes the time to spin. */
	if (pthread_create(&t, NULL, return_index, (void *)3L) != 0 ||
	    pthread_join(t, &v) != 0 || (long)v != 31)
		return (3);
	return (7);
}

/* --- _umtx_op, sysarch, sched_yield: success and errors ------------ */

/* An address in the kernel's half: EFAULT for every pointer there. */
#define KPTR	((void *)(sizeof(long) == 8 ?				\
	    (unsigned long)0xffffffff80000000ULL : 0xc0000000UL))

static void
test_umtx_sysarch(void)
{
	static volatile unsigned int word = 5;
	static volatile long lword = 6;
	struct timespec rel = { 0, 50 * 1000000L }, bad = { 0, -1 };
	struct _umtx_time ut;
	unsigned long base = 0;

	ok(_umtx_op((void *)&word, UMTX_OP_WAIT_UINT, 4, NULL, NULL) == 0 &&
	    _umtx_op((void *)&lword, UMTX_OP_WAIT, 7, NULL, NULL) == 0,
	    "_umtx_op: a wait for a value the word does not have returns 0");
	ok(_umtx_op((void *)&word, UMTX_OP_WAIT_UINT_PRIVATE, 5,
	    (void *)sizeof(rel), &rel) == -1 && errno == ETIMEDOUT,
	    "_umtx_op: a relative timeout ends the wait (ETIMEDOUT)");
	memset(&ut, 0, sizeof(ut));
	clock_gettime(CLOCK_MONOTONIC, &ut._timeout);
	ut._flags = UMTX_ABSTIME;
	ut._clockid = CLOCK_MONOTONIC;
	ok(_umtx_op((void *)&word, UMTX_OP_WAIT_UINT, 5,
	    (void *)sizeof(ut), &ut) == -1 && errno == ETIMEDOUT,
	    "_umtx_op: an absolute timeout already past (ETIMEDOUT)");
	ok(_umtx_op((void *)&word, UMTX_OP_WAKE, 1, NULL, NULL) == 0 &&
	    _umtx_op((void *)&word, UMTX_OP_WAKE_PRIVATE, 1, NULL, NULL) == 0,
	    "_umtx_op: a wake with nobody waiting");
	ok(_umtx_op((void *)&word, 99, 0, NULL, NULL) == -1 &&
	    errno == EINVAL && _umtx_op((void *)&word, UMTX_OP_WAIT_UINT, 5,
	    (void *)sizeof(bad), &bad) == -1 && errno == EINVAL &&
	    _umtx_op((void *)&word, UMTX_OP_WAIT_UINT, 5, (void *)7777,
	    &rel) == -1 && errno == EINVAL,
	    "_umtx_op: EINVAL for an unknown op and a bad timeout");
	ok(_umtx_op((void *)8, UMTX_OP_WAIT_UINT, 0, NULL, NULL) == -1 &&
	    errno == EFAULT && _umtx_op(KPTR, UMTX_OP_WAIT, 0, NULL, NULL) ==
	    -1 && errno == EFAULT && _umtx_op((void *)&word,
	    UMTX_OP_WAIT_UINT, 5, (void *)sizeof(rel), KPTR) == -1 &&
	    errno == EFAULT, "_umtx_op: EFAULT for a bad word or timeout, "
	    "unmapped or in the kernel");
#ifdef __x86_64__
	ok(sysarch(AMD64_GET_FSBASE, &base) == 0 &&
	    base == (unsigned long)pthread_self() &&
	    sysarch(AMD64_SET_FSBASE, &base) == 0,
	    "sysarch: the TLS base is the thread's control block");
	base = (unsigned long)KPTR;
	ok(sysarch(AMD64_SET_FSBASE, &base) == -1 && errno == EINVAL &&
	    sysarch(I386_GET_GSBASE, &base) == -1 && errno == EINVAL &&
	    sysarch(AMD64_GET_FSBASE, KPTR) == -1 && errno == EFAULT,
	    "sysarch: EINVAL for a kernel base or another ARCH's op, EFAULT");
#else
	{
		unsigned int b32 = 0;

		ok(sysarch(I386_GET_GSBASE, &b32) == 0 &&
		    b32 == (unsigned int)pthread_self() &&
		    sysarch(I386_SET_GSBASE, &b32) == 0,
		    "sysarch: the TLS base is the thread's control block");
		b32 = (unsigned int)(unsigned long)KPTR;
		ok(sysarch(I386_SET_GSBASE, &b32) == -1 && errno == EINVAL &&
		    sysarch(AMD64_GET_FSBASE, &b32) == -1 && errno == EINVAL &&
		    sysarch(I386_GET_GSBASE, KPTR) == -1 && errno == EFAULT,
		    "sysarch: EINVAL for a kernel base or another ARCH's op, "
		    "EFAULT");
	}
#endif
	(void)base;
	ok(sched_yield() == 0 && thr_self(KPTR) == -1 && errno == EFAULT &&
	    thr_new(KPTR, (int)sizeof(struct thr_param)) == -1 &&
	    errno == EFAULT, "sched_yield; thr_self and thr_new: EFAULT for "
	    "a kernel pointer");
}

/* --- shared credentials ------------------------------------------ */

static void *
set_egid(void *arg)
{
	return ((void *)(long)setegid((gid_t)(long)arg));
}

static void
test_credentials(void)
{
	pthread_t t[NTHREADS];
	int status, i;
	void *v;
	pid_t pid;

	if ((pid = fork()) == 0) {
		/* Root: every thread may set any effective gid. */
		for (i = 0; i < NTHREADS; i++)
			pthread_create(&t[i], NULL, set_egid,
			    (void *)(long)(2000 + i));
		for (i = 0; i < NTHREADS; i++)
			if (pthread_join(t[i], &v) != 0 || v != NULL)
				_exit(2);
		/* One of theirs won; the real and saved gid stay 0. */
		if (getegid() < 2000 || getegid() >= 2000 + NTHREADS ||
		    getgid() != 0 || setegid(0) != 0 || getegid() != 0)
			_exit(3);
		_exit(0);
	}
	ok(wait_for(pid, &status, 0) == pid && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 0, "threads share the process's "
	    "credentials; 8 threads' setegid at once leave one of them");
}

/* --- the kernel's errors ------------------------------------------ */

static void
never_started(void *arg)
{
	(void)arg;
	_exit(98);
}

static void
test_thr_new_errors(void)
{
	struct thr_param p;
	static char stack[8192];
	long tid;

	memset(&p, 0, sizeof(p));
	p.start_func = never_started;
	p.stack_base = stack;
	p.stack_size = sizeof(stack);
	p.flags = THR_SUSPENDED;
	ok(thr_new(&p, sizeof(p)) == -1 && errno == EINVAL, "thr_new: "
	    "EINVAL for THR_SUSPENDED");
	p.flags = 0;
	p.stack_size = 0;
	ok(thr_new(&p, sizeof(p)) == -1 && errno == EINVAL,
	    "thr_new: EINVAL for an empty stack");
	p.stack_size = sizeof(stack);
	p.stack_base = (char *)-65536L;
	ok(thr_new(&p, sizeof(p)) == -1 && errno == EINVAL,
	    "thr_new: EINVAL for a stack outside user space");
	ok(thr_new(&p, (int)sizeof(p) + 8) == -1 && errno == EINVAL &&
	    thr_new((struct thr_param *)8, sizeof(p)) == -1 && errno == EFAULT,
	    "thr_new: EINVAL for a bad size, EFAULT for a bad pointer");
	p.stack_base = stack;
	p.child_tid = (long *)8;
	ok(thr_new(&p, sizeof(p)) == -1 && errno == EFAULT,
	    "thr_new: EFAULT for a bad child_tid (no thread made)");
	ok(thr_self(&tid) == 0 && tid > 0 && thr_self((long *)8) == -1 &&
	    errno == EFAULT, "thr_self: the id, or EFAULT");
}

int
main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "exec-child") == 0)
		return (exec_child(argv[2]));
	test_create_join();
	test_pthread_exit();
	test_per_thread();
	test_mutex_counter();
	test_mutex_types();
	test_condvar();
	test_cond_timeout();
	test_once_detached();
	test_signals();
	test_kill_stop();
	test_exit();
	test_exec();
	test_thr_new_errors();
	test_umtx_sysarch();
	test_credentials();
	test_fork();
	printf("1..%d\n", ntest);
	return (nfailed == 0 ? 0 : 1);
}
