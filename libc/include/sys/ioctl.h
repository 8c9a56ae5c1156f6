/*
 * sys/ioctl.h - ioctl(2) and the requests Vise has: the terminal's,
 * from <sys/ttycom.h> (the request encoding is <sys/ioccom.h>).
 */
#ifndef _SYS_IOCTL_H_
#define _SYS_IOCTL_H_

#include <sys/ttycom.h>

int	ioctl(int, unsigned long, ...);

#endif /* !_SYS_IOCTL_H_ */
