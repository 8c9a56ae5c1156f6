/*
 * fcntl.h - file control.  The O_* flags, F_* commands and FD_CLOEXEC
 * are the kernel's, from <sys/fcntl.h>.  open(), creat() and fcntl()
 * themselves are declared once the kernel has those system calls.
 */
#ifndef _FCNTL_H_
#define _FCNTL_H_

#include <sys/fcntl.h>
#include <sys/types.h>

#endif /* !_FCNTL_H_ */
