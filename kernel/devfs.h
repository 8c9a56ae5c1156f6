/*
 * devfs.h - what the devices of /dev that live in files of their own
 * share with kernel/devfs.c: their file operations, the stat every
 * device node answers with, and the boot-time set-up of those that
 * need memory before the first test measures.
 */
#ifndef _KERNEL_DEVFS_H_
#define _KERNEL_DEVFS_H_

#include <kernel/file.h>

/*
 * devfs_stat: fo_stat of a device node (fp->f_data is its devfs node).
 * Never fails.
 */
int	devfs_stat(struct file *fp, struct stat *sb);

/* /dev/fb0: the boot loader's screen (kernel/dev_fb.c). */
extern const struct fileops fb_ops;

/*
 * /dev/devtest: the device-pager test device (kernel/dev_devtest.c).
 * devtest_attach allocates its RAM pages: once, at boot (devfs's
 * mount); panics if there is no memory then.
 */
extern const struct fileops devtest_ops;
void	devtest_attach(void);

#endif /* !_KERNEL_DEVFS_H_ */
