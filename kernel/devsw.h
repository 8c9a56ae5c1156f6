/*
 * devsw.h - the operations of devices that live in files of their own,
 * for devfs's table (kernel/devfs.c).  Same contracts as struct fileops
 * (kernel/file.h).
 */
#ifndef _KERNEL_DEVSW_H_
#define _KERNEL_DEVSW_H_

#include <sys/cdefs.h>

struct file;

/*
 * devinitrd_read: /dev/initrd (dev_initrd.c): the boot archive's bytes
 * from fp->f_offset, through vslock and a kernel window onto the user's
 * buffer.  0 (end of file: *done 0), EFAULT (a buffer that cannot be
 * wired or written), ENOMEM.  May sleep.
 */
int	devinitrd_read(struct file *fp, void *ubuf, size_t len, size_t *done);

/*
 * wiretest_ioctl: /dev/wiretest (dev_wiretest.c), the test hook for
 * system wirings: WIRETEST_HOLD and WIRETEST_RELEASE
 * (sys/_wiretest.h); ENOTTY for any other request.  May sleep.
 */
int	wiretest_ioctl(struct file *fp, unsigned long cmd, void *data);

#endif /* !_KERNEL_DEVSW_H_ */
