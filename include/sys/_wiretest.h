/*
 * _wiretest.h - the requests of /dev/wiretest (kernel/dev_wiretest.c), a
 * test device through which user programs drive system wirings
 * (vslock, SEMANTICS R29-R36): shared by the kernel and the tests.
 *
 * WIRETEST_HOLD vslocks [wh_addr, wh_addr + wh_len) of the caller's
 * process, holds it until WIRETEST_RELEASE (from any thread), until
 * wh_ms milliseconds have passed (0: no limit) or until a signal, then
 * vsunlocks it.  It fails with vslock's errors (EINVAL, ENOMEM, EFAULT)
 * and with EINTR when a signal ended the hold (the wiring is gone then
 * too); with WIRETEST_F_NOSIG no signal ends it (a kernel activity that
 * takes its time, for the test that SIGKILL ends munmap's wait on its
 * own).  EPERM unless root: a hold pins memory past RLIMIT_MEMLOCK.
 * WIRETEST_RELEASE ends every hold in progress.
 */
#ifndef _SYS__WIRETEST_H_
#define _SYS__WIRETEST_H_

#include <sys/ioccom.h>

struct wiretest_hold {
	__UINT64_TYPE__	wh_addr;	/* the buffer */
	__UINT64_TYPE__	wh_len;		/* its length in bytes */
	__INT32_TYPE__	wh_ms;		/* the longest hold; 0: no limit */
	__INT32_TYPE__	wh_flags;	/* WIRETEST_F_* */
};

/*
 * A hold no signal ends: only RELEASE or wh_ms, which must be 1 to
 * 60000 (EINVAL otherwise).
 */
#define WIRETEST_F_NOSIG	0x1

/*
 * The all-wired test hook (docs/exhaustion.md, "Rescuing an all-wired
 * machine by hand"): wire as much of the buffer as the free count allows,
 * leaving the machine just above free_severe, instead of all of it, and
 * past vm.max_user_wired (these are system wirings).  The kernel prints
 * "wiretest: pid P holds N pages system-wired" once they are wired.  The
 * hold ends as any other (a signal, RELEASE, wh_ms): the pages are
 * unwired before the ioctl returns, so exit never leaves them behind.
 * ENOMEM if not a page could be wired.
 */
#define WIRETEST_F_FILL		0x2

#define WIRETEST_HOLD		_IOW('W', 1, struct wiretest_hold)
#define WIRETEST_RELEASE	_IO('W', 2)

#endif /* !_SYS__WIRETEST_H_ */
