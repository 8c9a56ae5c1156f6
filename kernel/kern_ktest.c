/*
 * kern_ktest.c - runs the in-kernel self tests (see ktest.h).
 */
#include <kernel/systm.h>
#include <kernel/ktest.h>
#include <vm/vm_page.h>

SET_DECLARE(set_ktests, const struct ktest);

static bool ktest_failed;	/* the running test has failed */

void
ktest_fail(const char *file, int line, const char *cond, const char *fmt, ...)
{
	va_list ap;

	ktest_failed = true;
	printf("# %s:%d: failed: %s%s", file, line, cond, fmt[0] ? ": " : "");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
}

int
ktest_run_all(const char *filter)
{
	const struct ktest *const *ktp;
	int n = 0, failed = 0, audit_problems;

	printf("TAP version 13\n");
	SET_FOREACH(ktp, set_ktests) {
		const struct ktest *kt = *ktp;

		if (filter != NULL && filter[0] != '\0' &&
		    strstr(kt->kt_name, filter) == NULL)
			continue;
		ktest_failed = false;
		kt->kt_func();
		n++;
		if (ktest_failed)
			failed++;
		printf("%sok %d - %s\n", ktest_failed ? "not " : "", n,
		    kt->kt_name);
	}
	/*
	 * Every self-test boot ends with the page audit: whatever the tests
	 * did, the free and wired-by-reason counters must match the pages.
	 */
	audit_problems = vm_page_audit();
	n++;
	if (audit_problems != 0)
		failed++;
	printf("%sok %d - vm_page_audit_after_all_tests\n",
	    audit_problems != 0 ? "not " : "", n);
	printf("1..%d\n", n);
	printf("%d passed, %d failed\n", n - failed, failed);
	return (n == 0 ? 1 : failed);
}
