/*
 * utest.c - the shared part of the test programs (see utest.h).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "utest.h"

int results, failures;
void *volatile unmapped = (void *)16;

void
ok(int cond, const char *name)
{
	printf("%sok %d - %s\n", cond ? "" : "not ", ++results, name);
	if (!cond)
		failures++;
}

void
fails(long ret, int want, const char *name)
{
	int error = errno;

	ok(ret == -1 && error == want, name);
	if (ret != -1 || error != want)
		printf("# returned %ld, errno %d (%s); want -1, %s\n", ret,
		    error, strerror(error), strerror(want));
}

void *
kernel_addr(void)
{
	return ((void *)(unsigned long)(sizeof(void *) == 8 ?
	    (unsigned long)0xffffffff80000000ULL : 0xc0000000UL));
}

int
done_testing(void)
{
	printf("1..%d\n", results);
	return (failures == 0 ? 0 : 1);
}
