/*
 * libc_start.c - the C side of program start-up, called by crt0
 * (arch/<ARCH>/crt0.asm) with what exec put on the stack.
 */
#include <stdlib.h>

#include "libc_private.h"

extern char **environ;

int	main(int, char **, char **);

/* See libc_private.h. */
void
__libc_start(int argc, char **argv, char **envp)
{
	environ = envp;
	exit(main(argc, argv, envp));
}
