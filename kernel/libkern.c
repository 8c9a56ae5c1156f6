/*
 * libkern.c - the C string and memory functions the kernel uses (and
 * that gcc may emit calls to even in a freestanding build).  Simple
 * loops, except memcpy and memset: the kernel copies and clears whole
 * structures with them (fork, UMA's M_ZERO and, under INVARIANTS, its
 * trash fill), so they use x86's string instructions, a machine word
 * per step and then the odd bytes.  The direction flag is clear in the
 * kernel (the ABI; the entry code does cld).
 */
#include <kernel/systm.h>

#ifdef __x86_64__
#define	STR_WORD	"q"
#else
#define	STR_WORD	"l"
#endif

void *
memcpy(void *dst, const void *src, size_t len)
{
	void *d = dst;
	const void *s = src;
	size_t n = len / sizeof(long);

	__asm__ volatile("rep movs" STR_WORD
	    : "+D"(d), "+S"(s), "+c"(n) : : "memory");
	n = len % sizeof(long);
	__asm__ volatile("rep movsb"
	    : "+D"(d), "+S"(s), "+c"(n) : : "memory");
	return (dst);
}

void *
memmove(void *dst, const void *src, size_t len)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (d == s || len == 0)
		return (dst);
	if (d < s || d >= s + len)
		return (memcpy(dst, src, len));
	while (len-- > 0)
		d[len] = s[len];
	return (dst);
}

void *
memset(void *dst, int c, size_t len)
{
	void *d = dst;
	unsigned long word = (unsigned char)c * (~0UL / 0xff);
	size_t n = len / sizeof(long);

	__asm__ volatile("rep stos" STR_WORD
	    : "+D"(d), "+c"(n) : "a"(word) : "memory");
	n = len % sizeof(long);
	__asm__ volatile("rep stosb"
	    : "+D"(d), "+c"(n) : "a"(word) : "memory");
	return (dst);
}

int
memcmp(const void *a, const void *b, size_t len)
{
	const unsigned char *p = a, *q = b;

	for (; len > 0; len--, p++, q++)
		if (*p != *q)
			return (*p - *q);
	return (0);
}

size_t
strlen(const char *s)
{
	const char *p = s;

	while (*p != '\0')
		p++;
	return ((size_t)(p - s));
}

size_t
strnlen(const char *s, size_t max)
{
	size_t len = 0;

	while (len < max && s[len] != '\0')
		len++;
	return (len);
}

int
strcmp(const char *a, const char *b)
{
	while (*a != '\0' && *a == *b) {
		a++;
		b++;
	}
	return ((unsigned char)*a - (unsigned char)*b);
}

int
strncmp(const char *a, const char *b, size_t len)
{
	for (; len > 0; len--, a++, b++) {
		if (*a != *b)
			return ((unsigned char)*a - (unsigned char)*b);
		if (*a == '\0')
			break;
	}
	return (0);
}

char *
strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return ((char *)s);
		if (*s == '\0')
			return (NULL);
	}
}

char *
strstr(const char *haystack, const char *needle)
{
	size_t len = strlen(needle);

	for (; *haystack != '\0'; haystack++)
		if (strncmp(haystack, needle, len) == 0)
			return ((char *)haystack);
	return (len == 0 ? (char *)haystack : NULL);
}

size_t
strlcpy(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size > 0) {
		size_t n = len < size - 1 ? len : size - 1;

		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return (len);
}

/* strrchr: the last `c` in `s` (the NUL counts), or NULL. */
char *
strrchr(const char *s, int c)
{
	const char *last = NULL;

	do {
		if (*s == (char)c)
			last = s;
	} while (*s++ != '\0');
	return ((char *)(uintptr_t)last);
}

/* strcspn: the length of the start of `s` with no byte from `reject`. */
size_t
strcspn(const char *s, const char *reject)
{
	size_t n;
	const char *r;

	for (n = 0; s[n] != '\0'; n++)
		for (r = reject; *r != '\0'; r++)
			if (s[n] == *r)
				return (n);
	return (n);
}
