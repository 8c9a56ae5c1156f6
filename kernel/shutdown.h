/*
 * shutdown.h - how the kernel ends: the status given to cpu_poweroff(),
 * which the test harness receives from QEMU as 2 * status + 1.
 */
#ifndef _KERNEL_SHUTDOWN_H_
#define _KERNEL_SHUTDOWN_H_

#define SHUTDOWN_OK	0	/* everything asked for ran and passed */
#define SHUTDOWN_FAIL	1	/* a test failed, or a requested run failed */
#define SHUTDOWN_PANIC	2	/* panic() */

#endif /* !_KERNEL_SHUTDOWN_H_ */
