/*
 * syscall.h - system call numbers, SYS_name, from sys/syscalls.def.
 * Shared by the kernel and libc.
 */
#ifndef _SYS_SYSCALL_H_
#define _SYS_SYSCALL_H_

enum {
#define SYSCALL(number, name, nargs)	SYS_##name = (number),
#include <sys/syscalls.def>
#undef SYSCALL
};

#define SYS_MAXARGS	6	/* arguments in registers, at most */

#endif /* !_SYS_SYSCALL_H_ */
