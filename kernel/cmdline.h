/*
 * cmdline.h - options from the boot loader's kernel command line:
 * space-separated words, each `name=value` or a bare `name`.
 *
 * Options used so far (docs/booting.md lists them all):
 *   test=kernel       run the in-kernel self tests, report, power off
 *   crash=HOW         crash on purpose after boot (badptr, ud, kassert, hang)
 *   poweroff          switch off right after boot (tests ACPI power-off)
 *   init=PATH         the first user program (once there is user mode)
 *   ddb.on_panic=0|1  whether a panic enters the debugger (kernel/ddb)
 */
#ifndef _KERNEL_CMDLINE_H_
#define _KERNEL_CMDLINE_H_

/*
 * cmdline_init: split `cmdline` into options (a private copy is kept).
 * Boot only, before any kern_getenv().  Returns the number of options.
 */
int	cmdline_init(const char *cmdline);

/*
 * kern_getenv: the value of option `name`: "" for a bare word, NULL if
 * absent.  The string is constant after boot; no locks, never sleeps.
 */
const char *kern_getenv(const char *name);

#endif /* !_KERNEL_CMDLINE_H_ */
