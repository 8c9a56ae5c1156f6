/*
 * hello.c - the first user program: greets, and shows the arguments it
 * was started with (what exec put on the stack, as crt0 passed it on).
 */
#include <stdio.h>

int
main(int argc, char *argv[])
{
	int i;

	printf("hello, world\n");
	printf("argc = %d\n", argc);
	for (i = 0; i < argc; i++)
		printf("argv[%d] = \"%s\"\n", i, argv[i]);
	return (0);
}
