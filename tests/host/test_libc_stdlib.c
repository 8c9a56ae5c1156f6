/*
 * test_libc_stdlib.c - libc's <stdlib.h> apart from the heap and the
 * strtol family: qsort against the host's (and its comparison count on
 * inputs that make a naive quicksort quadratic), bsearch, rand, abs and
 * div, the environment, atexit.
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libc_host.h"
#include "rng.h"
#include "tap.h"

static unsigned long comparisons;

static int
cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	comparisons++;
	return ((x > y) - (x < y));
}

/* An element of awkward size: sorted by key, tag must travel with it. */
struct odd {
	unsigned char	key;
	unsigned char	tag[2];
};

static int
cmp_odd(const void *a, const void *b)
{
	return (((const struct odd *)a)->key - ((const struct odd *)b)->key);
}

enum pattern { RANDOM, SORTED, REVERSED, EQUAL, ORGAN_PIPE, FEW_KEYS,
	NPATTERNS };

static void
make_input(int *a, size_t n, enum pattern p)
{
	size_t i;

	for (i = 0; i < n; i++) {
		switch (p) {
		case RANDOM: a[i] = (int)rng(1u << 30) - (1 << 29); break;
		case SORTED: a[i] = (int)i; break;
		case REVERSED: a[i] = (int)(n - i); break;
		case EQUAL: a[i] = 7; break;
		case ORGAN_PIPE: a[i] = (int)(i < n / 2 ? i : n - i); break;
		default: a[i] = (int)rng(4); break;
		}
	}
}

static void
qsort_matches_host_on_every_pattern_and_size(void)
{
	static const size_t sizes[] = { 0, 1, 2, 3, 7, 8, 9, 16, 17, 41, 100,
	    1000, 4099 };
	int *want, *got;
	size_t s, n;
	int p;

	rng_state = 11;
	want = malloc(4099 * sizeof(int));
	got = malloc(4099 * sizeof(int));
	for (p = 0; p < NPATTERNS; p++)
		for (s = 0; s < nitems(sizes); s++) {
			n = sizes[s];
			make_input(want, n, (enum pattern)p);
			memcpy(got, want, n * sizeof(int));
			qsort(want, n, sizeof(int), cmp_int);
			vise_qsort(got, n, sizeof(int), cmp_int);
			CHECK(memcmp(want, got, n * sizeof(int)) == 0,
			    "pattern %d, %zu elements", p, n);
		}
	free(want);
	free(got);
}

static void
qsort_is_not_quadratic_on_sorted_or_equal_input(void)
{
	const size_t n = 100000;
	unsigned long bound, log2n = 0;
	int *a = malloc(n * sizeof(int));
	int p;

	for (bound = n; bound > 1; bound >>= 1)
		log2n++;
	/* Introsort's worst case is a small multiple of n log2 n. */
	bound = 3 * n * (log2n + 1);

	rng_state = 12;
	for (p = 0; p < NPATTERNS; p++) {
		make_input(a, n, (enum pattern)p);
		comparisons = 0;
		vise_qsort(a, n, sizeof(int), cmp_int);
		CHECK(comparisons < bound, "pattern %d: %lu comparisons", p,
		    comparisons);
	}
	free(a);
}

static void
qsort_moves_elements_of_odd_size_whole(void)
{
	struct odd want[300], got[300];
	size_t i;

	rng_state = 13;
	for (i = 0; i < nitems(want); i++) {
		want[i].key = (unsigned char)i;
		want[i].tag[0] = (unsigned char)~i;
		want[i].tag[1] = (unsigned char)(i ^ 0x5a);
	}
	for (i = nitems(got); i > 1; i--) {
		struct odd t = want[i - 1];
		size_t j = rng((uint32_t)i);

		want[i - 1] = want[j];
		want[j] = t;
	}
	memcpy(got, want, sizeof(got));
	/* Keys repeat (i mod 256): check order, and that tags stay put. */
	vise_qsort(got, nitems(got), sizeof(got[0]), cmp_odd);
	for (i = 0; i < nitems(got); i++) {
		CHECK(i == 0 || got[i - 1].key <= got[i].key, "order at %zu",
		    i);
		CHECK((unsigned char)~got[i].tag[0] == got[i].key &&
		    (got[i].tag[1] ^ 0x5a) == got[i].key,
		    "the whole element moved at %zu", i);
	}
}

static void
bsearch_finds_every_element_and_misses_gaps(void)
{
	int a[101], key;
	size_t n, i;
	int *found;

	for (i = 0; i < nitems(a); i++)
		a[i] = (int)i * 2;
	for (n = 0; n <= nitems(a); n++)
		for (key = -1; key <= (int)n * 2; key++) {
			found = vise_bsearch(&key, a, n, sizeof(int), cmp_int);
			if (key % 2 == 0 && key >= 0 && key < (int)n * 2)
				CHECK(found != NULL && *found == key,
				    "n %zu key %d", n, key);
			else
				CHECK(found == NULL, "n %zu key %d", n, key);
		}
}

static void
rand_repeats_per_seed_and_stays_in_range(void)
{
	int first[100];
	int i, v;

	vise_srand(1);
	for (i = 0; i < 100; i++)
		first[i] = vise_rand();
	vise_srand(2);
	CHECK(vise_rand() != first[0], "another seed, another sequence");
	vise_srand(1);
	for (i = 0; i < 100; i++)
		CHECK(vise_rand() == first[i], "repeat at %d", i);
	for (i = 0; i < 100000; i++) {
		v = vise_rand();
		if (!CHECK(v >= 0 && v <= RAND_MAX, "%d", v))
			break;
	}
}

static void
abs_and_div_truncate_toward_zero(void)
{
	div_t d;
	ldiv_t ld;
	lldiv_t lld;

	CHECK(vise_abs(-5) == 5 && vise_abs(5) == 5 && vise_abs(INT_MAX) ==
	    INT_MAX);
	CHECK(vise_labs(-LONG_MAX) == LONG_MAX);
	CHECK(vise_llabs(-3LL) == 3);
	d = vise_div(-7, 2);
	CHECK(d.quot == -3 && d.rem == -1);
	d = vise_div(7, -2);
	CHECK(d.quot == -3 && d.rem == 1);
	ld = vise_ldiv(LONG_MIN, 1);
	CHECK(ld.quot == LONG_MIN && ld.rem == 0);
	lld = vise_lldiv(-9, -4);
	CHECK(lld.quot == 2 && lld.rem == -1);
}

static char *test_environ[] = { "HOME=/root", "PATH=/bin", "EMPTY=",
	"DUP=1", "DUP=2", NULL };

static void
getenv_reads_environ(void)
{
	vise_environ = test_environ;
	CHECK(vise_getenv("HOME") != NULL &&
	    strcmp(vise_getenv("HOME"), "/root") == 0);
	CHECK(vise_getenv("EMPTY") != NULL && *vise_getenv("EMPTY") == '\0');
	CHECK(vise_getenv("HOM") == NULL, "a prefix is not a name");
	CHECK(vise_getenv("HOME=/root") == NULL);
	CHECK(vise_getenv("") == NULL && vise_getenv("NOPE") == NULL);
	vise_environ = NULL;
	CHECK(vise_getenv("HOME") == NULL, "no environment at all");
}

static void
setenv_adds_and_overwrites_only_when_asked(void)
{
	vise_environ = test_environ;
	CHECK(vise_setenv("NEW", "v1", 0) == 0);
	CHECK(strcmp(vise_getenv("NEW"), "v1") == 0);
	CHECK(vise_setenv("NEW", "v2", 0) == 0);
	CHECK(strcmp(vise_getenv("NEW"), "v1") == 0, "kept without overwrite");
	CHECK(vise_setenv("NEW", "v3", 1) == 0);
	CHECK(strcmp(vise_getenv("NEW"), "v3") == 0);
	CHECK(vise_setenv("HOME", "/home", 1) == 0);
	CHECK(strcmp(vise_getenv("HOME"), "/home") == 0);
	CHECK(strcmp(test_environ[0], "HOME=/root") == 0,
	    "the original array is not written to");
	CHECK(strcmp(vise_getenv("PATH"), "/bin") == 0);
}

static void
setenv_grows_past_many_variables(void)
{
	char name[16], value[16];
	int i;

	vise_environ = test_environ;
	for (i = 0; i < 500; i++) {
		snprintf(name, sizeof(name), "V%d", i);
		snprintf(value, sizeof(value), "%d", i * 7);
		REQUIRE(vise_setenv(name, value, 1) == 0);
	}
	for (i = 0; i < 500; i++) {
		snprintf(name, sizeof(name), "V%d", i);
		snprintf(value, sizeof(value), "%d", i * 7);
		CHECK(vise_getenv(name) != NULL &&
		    strcmp(vise_getenv(name), value) == 0, "%s", name);
	}
	for (i = 0; i < 500; i += 2) {
		snprintf(name, sizeof(name), "V%d", i);
		CHECK(vise_unsetenv(name) == 0);
	}
	CHECK(vise_getenv("V0") == NULL && vise_getenv("V1") != NULL);
	CHECK(strcmp(vise_getenv("V499"), "3493") == 0);
}

static void
setenv_and_unsetenv_reject_bad_names(void)
{
	static const char *const bad[] = { "", "A=B", "=" };
	size_t i;

	for (i = 0; i < nitems(bad); i++) {
		vise_errno = 0;
		CHECK(vise_setenv(bad[i], "x", 1) == -1 &&
		    vise_errno == libc_EINVAL, "setenv \"%s\"", bad[i]);
		vise_errno = 0;
		CHECK(vise_unsetenv(bad[i]) == -1 &&
		    vise_errno == libc_EINVAL, "unsetenv \"%s\"", bad[i]);
	}
	vise_errno = 0;
	CHECK(vise_setenv(NULL, "x", 1) == -1 && vise_errno == libc_EINVAL);
}

static void
unsetenv_removes_every_duplicate(void)
{
	vise_environ = test_environ;
	CHECK(vise_unsetenv("DUP") == 0);
	CHECK(vise_getenv("DUP") == NULL);
	CHECK(strcmp(vise_getenv("PATH"), "/bin") == 0);
	CHECK(vise_unsetenv("NOT_SET") == 0);
}

static int atexit_order[4], atexit_calls;

static void first_registered(void) { atexit_order[atexit_calls++] = 1; }
static void second_registered(void) { atexit_order[atexit_calls++] = 2; }
static void count_call(void) { atexit_calls++; }

static void
atexit_runs_last_registered_first_and_once(void)
{
	CHECK(vise_atexit(first_registered) == 0);
	CHECK(vise_atexit(second_registered) == 0);
	vise___libc_run_atexit();
	CHECK(atexit_calls == 2 && atexit_order[0] == 2 &&
	    atexit_order[1] == 1);
	vise___libc_run_atexit();
	CHECK(atexit_calls == 2, "each runs once");
}

static void
atexit_holds_at_least_32(void)
{
	int i, registered = 0;

	for (i = 0; i < 40; i++)
		registered += vise_atexit(count_call) == 0;
	CHECK(registered >= 32, "%d", registered);
	atexit_calls = 0;
	vise___libc_run_atexit();
	CHECK(atexit_calls == registered);
}

int
main(void)
{
	TAP_RUN(qsort_matches_host_on_every_pattern_and_size);
	TAP_RUN(qsort_is_not_quadratic_on_sorted_or_equal_input);
	TAP_RUN(qsort_moves_elements_of_odd_size_whole);
	TAP_RUN(bsearch_finds_every_element_and_misses_gaps);
	TAP_RUN(rand_repeats_per_seed_and_stays_in_range);
	TAP_RUN(abs_and_div_truncate_toward_zero);
	TAP_RUN(getenv_reads_environ);
	TAP_RUN(setenv_adds_and_overwrites_only_when_asked);
	TAP_RUN(setenv_grows_past_many_variables);
	TAP_RUN(setenv_and_unsetenv_reject_bad_names);
	TAP_RUN(unsetenv_removes_every_duplicate);
	TAP_RUN(atexit_runs_last_registered_first_and_once);
	TAP_RUN(atexit_holds_at_least_32);
	return (tap_exit_status());
}
