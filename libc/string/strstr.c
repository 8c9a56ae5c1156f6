/*
 * strstr.c - find a substring.
 */
#include <stdint.h>
#include <string.h>

/*
 * Return a pointer to the first occurrence of the string needle in the
 * string haystack, or NULL; an empty needle matches at haystack.
 *
 * The simple algorithm, O(strlen(haystack) * strlen(needle)) at worst:
 * the strings libc's users search are short.  strncmp stops at
 * haystack's NUL, so nothing past the string is read.
 */
char *
strstr(const char *haystack, const char *needle)
{
	size_t nlen = strlen(needle);

	if (nlen == 0)
		return ((char *)(uintptr_t)haystack);
	for (; (haystack = strchr(haystack, needle[0])) != NULL; haystack++) {
		if (strncmp(haystack, needle, nlen) == 0)
			return ((char *)(uintptr_t)haystack);
	}
	return (NULL);
}
