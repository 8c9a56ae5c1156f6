/*
 * libc_start.c - the C side of program start-up, called by crt0
 * (arch/<ARCH>/crt0.asm) with what exec put on the stack.
 */
#include <stdlib.h>
#include <sys/_timekeep.h>

#include "libc_private.h"

extern char **environ;

int	main(int, char **, char **);

/*
 * The auxiliary vector, after envp's NULL: (type, value) pairs of
 * longs, ending with AT_NULL.  Takes what libc uses: AT_TIMEKEEP.
 */
static void
libc_read_auxv(char **envp)
{
	unsigned long *av;

	while (*envp != NULL)
		envp++;
	for (av = (unsigned long *)(envp + 1); av[0] != 0; av += 2)
		if (av[0] == AT_TIMEKEEP)
			__vdso_timekeep = (const struct vdso_timekeep *)av[1];
}

/* See libc_private.h. */
void
__libc_start(int argc, char **argv, char **envp)
{
	environ = envp;
	libc_read_auxv(envp);
	exit(main(argc, argv, envp));
}
