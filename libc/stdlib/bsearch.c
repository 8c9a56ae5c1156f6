/*
 * bsearch.c - binary search of a sorted array.
 */
#include <stdint.h>
#include <stdlib.h>

/*
 * Find an element equal to *key among the n elements of size bytes at
 * base, sorted ascending by cmp (called as cmp(key, element)).  Returns
 * a pointer to a matching element (any one, if several match) or NULL.
 */
void *
bsearch(const void *key, const void *base, size_t n, size_t size,
    int (*cmp)(const void *, const void *))
{
	const char *lo = base, *mid;
	int order;

	while (n > 0) {
		mid = lo + n / 2 * size;
		order = cmp(key, mid);
		if (order == 0)
			return ((void *)(uintptr_t)mid);
		if (order > 0) {
			lo = mid + size;
			n -= n / 2 + 1;
		} else
			n /= 2;
	}
	return (NULL);
}
