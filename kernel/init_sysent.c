/*
 * init_sysent.c - the system call table, made from sys/syscalls.def:
 * sysent[number] is the handler sys_name and its argument count.
 */
#include <kernel/syscallvar.h>

const struct sysent sysent[] = {
#define SYSCALL(number, name, nargs)	\
	[number] = { #name, nargs, sys_##name },
#include <sys/syscalls.def>
#undef SYSCALL
};

const int nsysent = nitems(sysent);
