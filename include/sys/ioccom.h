/*
 * ioccom.h - how an ioctl(2) request is encoded (FreeBSD's layout),
 * shared by the kernel and libc: the low 16 bits name the request (a
 * group letter and a number), bits 16..28 give the size of the
 * argument the request moves, and the top bits say which way it goes
 * (IOC_IN: the kernel copies it in, IOC_OUT: copies it back out).
 */
#ifndef _SYS_IOCCOM_H_
#define _SYS_IOCCOM_H_

#define IOCPARM_SHIFT	13
#define IOCPARM_MASK	((1 << IOCPARM_SHIFT) - 1)
#define IOCPARM_LEN(x)	(((x) >> 16) & IOCPARM_MASK)
#define IOC_VOID	0x20000000UL	/* no argument */
#define IOC_OUT		0x40000000UL	/* the kernel writes the argument */
#define IOC_IN		0x80000000UL	/* the kernel reads it */
#define IOC_DIRMASK	(IOC_VOID | IOC_OUT | IOC_IN)

#define _IOC(inout, group, num, len) ((unsigned long)			\
	((inout) | (((len) & IOCPARM_MASK) << 16) | ((group) << 8) | (num)))
#define _IO(g, n)	_IOC(IOC_VOID, (g), (n), 0)
#define _IOR(g, n, t)	_IOC(IOC_OUT, (g), (n), sizeof(t))
#define _IOW(g, n, t)	_IOC(IOC_IN, (g), (n), sizeof(t))

#endif /* !_SYS_IOCCOM_H_ */
