/*
 * _proc_poke.h - what a write to the debug.proc_poke sysctl carries:
 * root writes `pp_len` bytes into process `pp_pid` at `pp_addr`, as a
 * debugger would (kernel/sys_process.c, proc_rwmem): a read-only
 * private mapping gets a private copy of the page, the file behind it
 * never changes.  Shared by the kernel and the tests; the same layout
 * on i386 and amd64.
 */
#ifndef _SYS__PROC_POKE_H_
#define _SYS__PROC_POKE_H_

#define PROC_POKE_MAX	4096		/* the most bytes one write carries */

struct proc_poke {
	__INT32_TYPE__	pp_pid;		/* the process */
	__UINT32_TYPE__	pp_len;		/* bytes in pp_data */
	__UINT64_TYPE__	pp_addr;	/* where, in its address space */
	unsigned char	pp_data[];	/* what to write there */
};

#endif /* !_SYS__PROC_POKE_H_ */
