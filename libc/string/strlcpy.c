/*
 * strlcpy.c - size-bounded string copy and append (OpenBSD's API).
 */
#include <string.h>

/*
 * Copy src into dst, a buffer of size bytes, truncating so that dst is
 * always terminated (when size > 0).  Returns strlen(src): the result
 * was truncated if that is >= size.
 */
size_t
strlcpy(char * __restrict dst, const char * __restrict src, size_t size)
{
	size_t srclen = strlen(src);
	size_t n;

	if (size > 0) {
		n = srclen < size - 1 ? srclen : size - 1;
		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return (srclen);
}

/*
 * Append src to the string in dst, a buffer of size bytes, truncating
 * so that dst stays terminated.  Returns the length the whole string
 * would have had: strlen(initial dst) + strlen(src), where a dst with no
 * NUL in its size bytes counts as size long (and is left alone).
 */
size_t
strlcat(char * __restrict dst, const char * __restrict src, size_t size)
{
	size_t dstlen = strnlen(dst, size);

	if (dstlen == size)
		return (size + strlen(src));
	return (dstlen + strlcpy(dst + dstlen, src, size - dstlen));
}
