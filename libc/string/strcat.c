/*
 * strcat.c - append strings into buffers the caller has sized.
 */
#include <string.h>

/* Append src to the string dst, which must have room.  Returns dst. */
char *
strcat(char * __restrict dst, const char * __restrict src)
{
	strcpy(dst + strlen(dst), src);
	return (dst);
}

/*
 * Append at most len bytes of src to the string dst and terminate it:
 * dst needs room for strlen(dst) + min(len, strlen(src)) + 1 bytes.
 * Returns dst.
 */
char *
strncat(char * __restrict dst, const char * __restrict src, size_t len)
{
	char *d = dst + strlen(dst);

	for (; len > 0 && *src != '\0'; len--)
		*d++ = *src++;
	*d = '\0';
	return (dst);
}
