/*
 * tty.h - the console terminal's input side (kernel/tty.c): a line
 * discipline over the console's polled input.
 */
#ifndef _KERNEL_TTY_H_
#define _KERNEL_TTY_H_

#include <kernel/systm.h>

/*
 * tty_read: read from the console in canonical mode: wait until a whole
 * line has been typed (echoed as it is typed, with erase and kill),
 * then copy up to `len` bytes of it to user buffer `ubuf`; the rest of
 * the line stays for the next read.  ^D at the start of a line is end
 * of file (0 bytes).  With `nonblock`, EAGAIN instead of waiting.
 * *done gets the count.  Thread context; sleeps.
 */
int	tty_read(void *ubuf, size_t len, bool nonblock, size_t *done);

#endif /* !_KERNEL_TTY_H_ */
