/*
 * strcpy.c - copy strings into buffers the caller has sized.
 */
#include <string.h>

/* Copy src with its NUL to dst, which must be big enough.  Returns dst. */
char *
strcpy(char * __restrict dst, const char * __restrict src)
{
	char *d = dst;

	while ((*d++ = *src++) != '\0')
		;
	return (dst);
}

/*
 * Copy at most len bytes of src to dst, then fill the rest of the len
 * bytes with NULs.  dst is not terminated if src has len bytes or more
 * (that is the C definition; strlcpy is the safer tool).  Returns dst.
 */
char *
strncpy(char * __restrict dst, const char * __restrict src, size_t len)
{
	size_t i;

	for (i = 0; i < len && src[i] != '\0'; i++)
		dst[i] = src[i];
	for (; i < len; i++)
		dst[i] = '\0';
	return (dst);
}
