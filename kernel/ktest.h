/*
 * ktest.h - in-kernel self tests.
 *
 * A test is a function registered with KTEST(name) in any file under
 * tests/kernel/; the linker collects them (set_ktests).  With test=kernel
 * on the command line the kernel runs them all in link order, prints TAP
 * (`ok N - name` / `not ok N - name`, diagnostics as `# ...`) and powers
 * off with the result.
 *
 *	KTEST(printf_pads_numbers)
 *	{
 *		KT_CHECK(x == 1, "x is %d", x);
 *	}
 *
 * KT_CHECK records a failure and continues; KT_REQUIRE also returns
 * from the test.
 */
#ifndef _KERNEL_KTEST_H_
#define _KERNEL_KTEST_H_

#include <sys/linker_set.h>

struct ktest {
	const char	*kt_name;
	void		(*kt_func)(void);
};

#define KTEST(name)							\
	static void __CONCAT(ktest_fn_, name)(void);			\
	static const struct ktest __CONCAT(ktest_, name) = {		\
		#name, __CONCAT(ktest_fn_, name)			\
	};								\
	DATA_SET(set_ktests, __CONCAT(ktest_, name));			\
	static void __CONCAT(ktest_fn_, name)(void)

/*
 * ktest_fail: mark the running test failed and print a diagnostic line
 * naming the failed condition and, if given, a formatted explanation.
 */
void	ktest_fail(const char *file, int line, const char *cond,
	    const char *fmt, ...) __printflike(4, 5);

#define KT_CHECK(cond, ...) do {					\
	if (!(cond))							\
		ktest_fail(__FILE__, __LINE__, #cond, "" __VA_ARGS__);\
} while (0)

#define KT_REQUIRE(cond, ...) do {					\
	if (!(cond)) {							\
		ktest_fail(__FILE__, __LINE__, #cond, "" __VA_ARGS__);\
		return;							\
	}								\
} while (0)

/*
 * ktest_run_all: run every test whose name contains `filter` (all if
 * NULL or empty), then the page audit (vm_page_audit) as a last test,
 * print TAP and a "N passed, N failed" line.  Returns the
 * number of failed tests.  Boot only, interrupts on.
 */
int	ktest_run_all(const char *filter);

#endif /* !_KERNEL_KTEST_H_ */
