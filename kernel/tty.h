/*
 * tty.h - the console terminal (kernel/tty.c): a line discipline over
 * the console's polled input, and the controlling terminal of a
 * session (job control: the foreground process group, ^C ^\ ^Z).
 */
#ifndef _KERNEL_TTY_H_
#define _KERNEL_TTY_H_

#include <kernel/systm.h>

struct pgrp;
struct session;

/*
 * tty_read: read from the console in canonical mode: wait until a whole
 * line has been typed (echoed as it is typed, with erase and kill),
 * then copy up to `len` bytes of it to user buffer `ubuf`; the rest of
 * the line stays for the next read.  ^D at the start of a line is end
 * of file (0 bytes).  With `nonblock`, EAGAIN instead of waiting.  A
 * process in the background of its controlling terminal gets SIGTTIN
 * (ERESTART), or EIO (see tty.c).  *done gets the count.  Thread
 * context; sleeps (PCATCH).
 */
int	tty_read(void *ubuf, size_t len, bool nonblock, size_t *done);

/*
 * tty_open: curthread's process opened the console with O_* `flags`:
 * a session leader without a controlling terminal gets it, unless
 * O_NOCTTY or another session has it.  Thread context.
 */
void	tty_open(int flags);

/*
 * tty_ioctl: the console's ioctl `cmd` (sys/ttycom.h) with its argument
 * `data` in kernel memory: TIOCSCTTY, TIOCGPGRP, TIOCSPGRP, TIOCGSID.
 * ENOTTY for any other request, and for the group requests if the
 * console is not the caller's controlling terminal; EPERM, EINVAL as
 * tcsetpgrp says; TIOCSPGRP from the background: SIGTTOU (ERESTART).
 * Thread context.
 */
int	tty_ioctl(u_long cmd, void *data);

/*
 * tty_poll: take what was typed on the console (tty_rint): the clock
 * interrupt calls it every tick.  Interrupts off.
 */
void	tty_poll(void);

/*
 * tty_pgrp_gone: group `pg` is going: it is no longer the foreground.
 * tty_session_exit: the leader of `sess`, whose controlling terminal
 * the console is, exits: SIGHUP to the foreground group, and the
 * console is nobody's terminal.  Both (s) (kernel/pgrp.h).
 */
void	tty_pgrp_gone(struct pgrp *pg);
void	tty_session_exit(struct session *sess);

#endif /* !_KERNEL_TTY_H_ */
