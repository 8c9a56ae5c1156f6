/*
 * qsort.c - sort an array: introsort.
 *
 * Quicksort with a median-of-three pivot (median of medians of three,
 * "ninther", for large ranges) so that sorted, reversed and many-equal
 * inputs split well; insertion sort for short ranges; and heapsort
 * once the recursion gets deeper than 2 log2(n), which bounds the worst
 * case to O(n log n) whatever the input (Musser's introsort).  The
 * recursion goes into the smaller part and loops on the larger, so the
 * stack stays O(log n).  Not stable, as C allows.
 */
#include <stdint.h>
#include <stdlib.h>

typedef int (*cmp_t)(const void *, const void *);

/* Below this many elements, insertion sort beats partitioning. */
#define INSERTION_MAX	8

static void
swap(char *a, char *b, size_t size)
{
	char t;

	if (a == b)
		return;
	while (size-- > 0) {
		t = *a;
		*a++ = *b;
		*b++ = t;
	}
}

static void
insertion_sort(char *base, size_t n, size_t size, cmp_t cmp)
{
	char *p, *q;

	for (p = base + size; p < base + n * size; p += size) {
		for (q = p; q > base && cmp(q - size, q) > 0; q -= size)
			swap(q - size, q, size);
	}
}

/* Restore the max-heap below node i of the heap base[0 .. n). */
static void
sift_down(char *base, size_t i, size_t n, size_t size, cmp_t cmp)
{
	size_t child;

	while ((child = 2 * i + 1) < n) {
		if (child + 1 < n &&
		    cmp(base + child * size, base + (child + 1) * size) < 0)
			child++;
		if (cmp(base + i * size, base + child * size) >= 0)
			return;
		swap(base + i * size, base + child * size, size);
		i = child;
	}
}

static void
heap_sort(char *base, size_t n, size_t size, cmp_t cmp)
{
	size_t i;

	for (i = n / 2; i-- > 0;)
		sift_down(base, i, n, size, cmp);
	for (i = n; i-- > 1;) {
		swap(base, base + i * size, size);
		sift_down(base, 0, i, size, cmp);
	}
}

static char *
median3(char *a, char *b, char *c, cmp_t cmp)
{
	if (cmp(a, b) < 0) {
		if (cmp(b, c) < 0)
			return (b);
		return (cmp(a, c) < 0 ? c : a);
	}
	if (cmp(b, c) > 0)
		return (b);
	return (cmp(a, c) > 0 ? c : a);
}

static char *
choose_pivot(char *base, size_t n, size_t size, cmp_t cmp)
{
	char *lo = base, *mid = base + n / 2 * size;
	char *hi = base + (n - 1) * size;
	size_t step;

	if (n > 40) {
		step = n / 8 * size;
		lo = median3(lo, lo + step, lo + 2 * step, cmp);
		mid = median3(mid - step, mid, mid + step, cmp);
		hi = median3(hi - 2 * step, hi - step, hi, cmp);
	}
	return (median3(lo, mid, hi, cmp));
}

/*
 * Partition base[0 .. n) around a pivot moved to base[0] (Hoare's
 * scheme: both scans stop at elements equal to the pivot, so a range of
 * equal keys splits in the middle).  Returns the pivot's final index.
 */
static size_t
partition(char *base, size_t n, size_t size, cmp_t cmp)
{
	size_t i = 0, j = n;

	swap(base, choose_pivot(base, n, size, cmp), size);
	for (;;) {
		do
			i++;
		while (i < n && cmp(base + i * size, base) < 0);
		do
			j--;
		while (cmp(base + j * size, base) > 0);
		if (i >= j)
			break;
		swap(base + i * size, base + j * size, size);
	}
	swap(base, base + j * size, size);
	return (j);
}

static void
introsort(char *base, size_t n, size_t size, cmp_t cmp, unsigned depth)
{
	size_t p;

	while (n > INSERTION_MAX) {
		if (depth-- == 0) {
			heap_sort(base, n, size, cmp);
			return;
		}
		p = partition(base, n, size, cmp);
		/* base[p] is in place; recurse into the smaller side. */
		if (p < n - p - 1) {
			introsort(base, p, size, cmp, depth);
			base += (p + 1) * size;
			n -= p + 1;
		} else {
			introsort(base + (p + 1) * size, n - p - 1, size, cmp,
			    depth);
			n = p;
		}
	}
	insertion_sort(base, n, size, cmp);
}

/*
 * Sort the n elements of size bytes at base into ascending order by
 * cmp, which returns <0, 0 or >0 as its first argument sorts before,
 * equal to, or after its second and must be a consistent ordering.
 * O(n log n) comparisons at worst.
 */
void
qsort(void *base, size_t n, size_t size, cmp_t cmp)
{
	unsigned depth = 0;
	size_t m;

	if (n < 2 || size == 0)
		return;
	for (m = n; m > 1; m >>= 1)
		depth += 2;
	introsort(base, n, size, cmp, depth);
}
