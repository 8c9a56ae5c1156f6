/*
 * tap.h - a tiny TAP (Test Anything Protocol) producer for host tests.
 *
 * A host test program is a set of test functions run from main():
 *
 *	static void
 *	list_insert_head(void)
 *	{
 *		...
 *		CHECK(n == 3, "list has %d elements", n);
 *	}
 *
 *	int
 *	main(void)
 *	{
 *		TAP_RUN(list_insert_head);
 *		return (tap_exit_status());
 *	}
 *
 * TAP_RUN runs one function and prints "ok N - name" or "not ok N - name";
 * each failed CHECK in it prints a "# file:line: ..." diagnostic first.
 * There is no plan line: scripts/run-host-tests joins the output of all
 * programs into one stream and counts.  The program exits 0 if every
 * test passed, 1 otherwise.
 */
#ifndef _TESTS_HOST_TAP_H_
#define _TESTS_HOST_TAP_H_

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <sys/cdefs.h>

/* Diagnostics printed per test; later failures are only counted. */
#define TAP_MAX_DIAGS	10

static struct {
	int	tests_run;
	int	tests_failed;
	int	checks_failed;		/* in the running test */
} tap;

static inline __printflike(4, 5) bool
tap_fail(const char *file, int line, const char *cond, const char *fmt, ...)
{
	va_list ap;

	tap.checks_failed++;
	if (tap.checks_failed <= TAP_MAX_DIAGS) {
		printf("# %s:%d: CHECK(%s) failed: ", file, line, cond);
		va_start(ap, fmt);
		vprintf(fmt, ap);
		va_end(ap);
		printf("\n");
	} else if (tap.checks_failed == TAP_MAX_DIAGS + 1)
		printf("# more failed checks in this test not shown\n");
	/* A crash must not lose what was printed before it. */
	fflush(stdout);
	return (false);
}

/*
 * CHECK(cond[, fmt, ...]): if cond is false, fail the running test and
 * print the printf-style message (one line, no newline needed).  The
 * test goes on; CHECK is an expression worth cond, so a test can stop
 * where going on would only crash:
 *
 *	if (!CHECK(p != NULL, "lookup of %d failed", key))
 *		return;
 */
#define CHECK(cond, ...)						\
	((cond) ? true : tap_fail(__FILE__, __LINE__, #cond, "" __VA_ARGS__))

/* REQUIRE(cond, fmt, ...): CHECK, and return from the test if false. */
#define REQUIRE(cond, ...) do {						\
	if (!CHECK(cond, __VA_ARGS__))					\
		return;							\
} while (0)

static inline void
tap_run(const char *name, void (*test)(void))
{
	tap.checks_failed = 0;
	test();
	tap.tests_run++;
	if (tap.checks_failed != 0)
		tap.tests_failed++;
	printf("%s %d - %s\n", tap.checks_failed == 0 ? "ok" : "not ok",
	    tap.tests_run, name);
	fflush(stdout);
}

/* Run the test function fn (void fn(void)); its name is the test name. */
#define TAP_RUN(fn)	tap_run(#fn, fn)

/* What main() returns: 0 if all tests passed, 1 otherwise. */
static inline int
tap_exit_status(void)
{
	return (tap.tests_failed == 0 ? 0 : 1);
}

#endif /* !_TESTS_HOST_TAP_H_ */
