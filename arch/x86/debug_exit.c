/*
 * debug_exit.c - leaving QEMU with a status.  The harness adds the
 * isa-debug-exit device at I/O port 0xf4; writing v there ends QEMU with
 * exit status 2v+1 (see scripts/run-qemu for the mapping).  On a real PC
 * the port means something else or nothing, so it is used only when the
 * kernel runs under the harness, i.e. with test=... on its command line.
 */
#include <kernel/systm.h>
#include <kernel/cmdline.h>
#include <x86/cpufunc.h>
#include <x86/x86_var.h>

#define DEBUG_EXIT_PORT	0xf4

/* debug_exit: end QEMU with `status` under the harness, else return. */
void
debug_exit(int status)
{
	if (kern_getenv("test") == NULL)
		return;
	outl(DEBUG_EXIT_PORT, status);
}
