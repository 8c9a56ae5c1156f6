/*
 * tty.c - the console terminal (see tty.h): its line discipline, and
 * the controlling terminal of a session for job control.
 *
 * Canonical input, as a shell wants it: characters are echoed as they
 * are typed; backspace or DEL erases the last one (and its echo), ^U
 * the whole line; Return ends the line (as '\n'); ^D ends it without a
 * newline, so ^D on an empty line reads as end of file.  Finished lines
 * wait in a queue until a reader takes them; a read returns at most one
 * line.  ^C, ^\ and ^Z throw away what was typed and send SIGINT,
 * SIGQUIT and SIGTSTP to the foreground process group.
 *
 * Input enters through tty_poll, which the clock interrupt calls every
 * tick: whether or not anybody reads, so that ^C reaches a program that
 * never reads.  The UART's receive interrupt is the better design and
 * the next step; it would call the same tty_rint.  Echo comes from the
 * interrupt, so the console's output masks interrupts per character
 * (kern_cons.c).
 *
 * Controlling terminal: a session leader without one that opens the
 * console (without O_NOCTTY) or asks with TIOCSCTTY gets it, if no
 * other session has it; the leader's group is then the foreground.
 * init's shell is set up that way (user/sbin/init.c).  TIOCSPGRP /
 * TIOCGPGRP (tcsetpgrp / tcgetpgrp) set and get the foreground group;
 * a process of the session that is not in it and reads gets SIGTTIN
 * (its whole group), or EIO if it ignores or blocks SIGTTIN or its
 * group is orphaned; one that sets the foreground group gets SIGTTOU
 * unless it ignores or blocks it.  Writes are not checked (no TOSTOP).
 * When the session leader exits, the foreground group gets SIGHUP and
 * the console is nobody's controlling terminal any more.
 *
 * Locking: interrupts disabled (the process tree lock, pgrp.h) over
 * the queues, the line being typed and the session and group links;
 * the reader copies out with interrupts on.
 */
#include <sys/errno.h>
#include <sys/fcntl.h>
#include <sys/signal.h>
#include <sys/ttycom.h>
#include <kernel/systm.h>
#include <kernel/cons.h>
#include <kernel/machdep.h>
#include <kernel/pgrp.h>
#include <kernel/proc.h>
#include <kernel/signalvar.h>
#include <kernel/sleep.h>
#include <kernel/syscallvar.h>
#include <kernel/tty.h>
#include <kernel/ddb/ddb.h>

#define TTY_LINE	256	/* longest line, with its newline */
#define TTY_CANQ	1024	/* finished lines waiting to be read */
#define TTY_POLL_MAX	64	/* characters taken per clock tick */
#define CTRL(c)		((c) & 0x1f)
#define TTY_EOF		CTRL('d')	/* in t_canq: a line ended by ^D */
#define NO_PID		100000	/* TIOCGPGRP without a foreground group */

struct tty {
	char		t_line[TTY_LINE];	/* the line being typed */
	size_t		t_len;
	char		t_canq[TTY_CANQ];	/* finished lines (a ring) */
	size_t		t_head;			/* first byte in t_canq */
	size_t		t_count;		/* bytes in t_canq */
	struct session	*t_session;	/* whose controlling terminal */
	struct pgrp	*t_pgrp;	/* the foreground group, or NULL */
};

static struct tty console_tty;

/* Erase one echoed character. */
static void
tty_rubout(void)
{
	cnputc('\b');
	cnputc(' ');
	cnputc('\b');
}

/* Queue the line typed so far, then `end` ('\n' or TTY_EOF). */
static void
tty_finish_line(struct tty *tp, char end)
{
	size_t i;

	/* No room: the line is lost, as a full terminal queue loses it. */
	if (tp->t_count + tp->t_len + 1 <= TTY_CANQ) {
		for (i = 0; i < tp->t_len; i++)
			tp->t_canq[(tp->t_head + tp->t_count++) % TTY_CANQ] =
			    tp->t_line[i];
		tp->t_canq[(tp->t_head + tp->t_count++) % TTY_CANQ] = end;
	}
	tp->t_len = 0;
	wakeup(&tp->t_canq);
}

/*
 * ^C, ^\ or ^Z: echo it, throw away what was typed and waiting, and
 * signal the foreground group.
 */
static void
tty_isig(struct tty *tp, int c, int sig)
{
	cnputc('^');
	cnputc(c + '@');
	cnputc('\n');
	tp->t_len = 0;
	tp->t_head = tp->t_count = 0;
	if (tp->t_pgrp != NULL)
		pgsignal(tp->t_pgrp, sig);
}

/* Take one typed character.  Interrupts off. */
static void
tty_rint(struct tty *tp, int c)
{
	if (c == '\r')
		c = '\n';
	switch (c) {
	case CTRL('c'):
		tty_isig(tp, c, SIGINT);
		break;
	case CTRL('\\'):
		tty_isig(tp, c, SIGQUIT);
		break;
	case CTRL('z'):
		tty_isig(tp, c, SIGTSTP);
		break;
	case '\b':
	case 0x7f:
		if (tp->t_len > 0) {
			tp->t_len--;
			tty_rubout();
		}
		break;
	case CTRL('u'):
		while (tp->t_len > 0) {
			tp->t_len--;
			tty_rubout();
		}
		break;
	case CTRL('d'):
		tty_finish_line(tp, TTY_EOF);
		break;
	case '\n':
		cnputc('\n');
		tty_finish_line(tp, '\n');
		break;
	default:
		if (c < ' ' && c != '\t')
			break;			/* other controls: ignored */
		if (tp->t_len < TTY_LINE - 1) {	/* room for the newline */
			tp->t_line[tp->t_len++] = (char)c;
			cnputc(c);
		}
		break;
	}
}

/*
 * tty_poll: see tty.h.  The debugger's ways in are watched here: the
 * break sequence Return ~ Ctrl-B (the '~' after a Return is held back
 * until the next byte shows it is not the sequence) and the keyboard's
 * Ctrl+Alt+Esc (docs/ddb.md).  Then the signals the debugger's `kill`
 * queued are posted (kdb_tick): here, in the clock interrupt, like ^C.
 */
void
tty_poll(void)
{
	static int alt_state = KDB_ALT_INIT;
	int c, n;

	for (n = 0; n < TTY_POLL_MAX && (c = cngetc_nowait()) >= 0; n++) {
		if (c == KDB_KEY_BREAK) {
			kdb_enter("Ctrl+Alt+Esc on the keyboard");
			continue;
		}
		switch (kdb_alt_break(&alt_state, c)) {
		case KDB_ALT_PASS:
			tty_rint(&console_tty, c);
			break;
		case KDB_ALT_HOLD:
			break;
		case KDB_ALT_FLUSH:
			tty_rint(&console_tty, '~');
			tty_rint(&console_tty, c);
			break;
		case KDB_ALT_ENTER:
			kdb_enter("break sequence on the console");
			break;
		}
	}
	kdb_tick();
}

/* Drop the first byte of the queue. */
static void
tty_canq_drop(struct tty *tp)
{
	tp->t_head = (tp->t_head + 1) % TTY_CANQ;
	tp->t_count--;
}

/*
 * Take up to `len` bytes of the first queued line into `buf`; the
 * count (0 for a line that is only ^D: end of file).
 */
static size_t
tty_canq_take(struct tty *tp, char *buf, size_t len)
{
	size_t n = 0;
	char c;

	while (n < len && tp->t_count > 0) {
		c = tp->t_canq[tp->t_head];
		tty_canq_drop(tp);
		if (c == TTY_EOF)
			return (n);
		buf[n++] = c;
		if (c == '\n')
			return (n);
	}
	/* Cut just before its ^D, which would otherwise read as EOF. */
	if (tp->t_count > 0 && tp->t_canq[tp->t_head] == TTY_EOF)
		tty_canq_drop(tp);
	return (n);
}

/* Whether the console is the controlling terminal of `p`'s session. */
static bool
tty_is_ctty(const struct tty *tp, const struct proc *p)
{
	return (p->p_pgrp != NULL && tp->t_session != NULL &&
	    p->p_pgrp->pg_session == tp->t_session);
}

/*
 * Whether curthread's process may read (`sig` SIGTTIN) or set the
 * foreground group (SIGTTOU) now: 0 if the console is not its
 * controlling terminal or it is in the foreground group.  Otherwise
 * its group gets `sig` and the call is to be made again once it is
 * continued (ERESTART; EINTR if it catches `sig` without SA_RESTART);
 * EIO if it ignores or blocks `sig` (for SIGTTOU that lets it go on:
 * 0) or its group is orphaned.  Interrupts off.
 */
static int
tty_bg_check(struct tty *tp, int sig)
{
	struct thread *td = curthread;
	struct proc *p = td->td_proc;

	if (!tty_is_ctty(tp, p) || p->p_pgrp == tp->t_pgrp)
		return (0);
	if (p->p_sigact[sig].sa_handler == SIG_IGN ||
	    (td->td_sigmask & SIGBIT(sig)) != 0)
		return (sig == SIGTTOU ? 0 : EIO);
	if (pgrp_orphaned(p->p_pgrp))
		return (EIO);
	pgsignal(p->p_pgrp, sig);
	if (p->p_sigact[sig].sa_handler != SIG_DFL &&
	    (p->p_sigact[sig].sa_flags & SA_RESTART) == 0)
		return (EINTR);
	return (ERESTART);
}

/* tty_read: see tty.h. */
int
tty_read(void *ubuf, size_t len, bool nonblock, size_t *done)
{
	struct tty *tp = &console_tty;
	char buf[TTY_LINE];
	unsigned long s;
	size_t n;
	int error;

	*done = 0;
	if (len == 0)
		return (0);
	s = intr_disable();
	for (;;) {
		if ((error = tty_bg_check(tp, SIGTTIN)) != 0 ||
		    tp->t_count > 0)
			break;
		if (nonblock) {
			error = EAGAIN;
			break;
		}
		if ((error = tsleep(&tp->t_canq, PCATCH, "ttyin", 0)) != 0)
			break;
	}
	if (error != 0) {
		intr_restore(s);
		return (error);
	}
	n = tty_canq_take(tp, buf, MIN(len, sizeof(buf)));
	intr_restore(s);
	if (n > 0 && (error = copyout(buf, ubuf, n)) != 0)
		return (error);
	*done = n;
	return (0);
}

/*
 * Make the console the controlling terminal of `p`'s session, which `p`
 * leads: EPERM if it is not the leader, its session has another
 * terminal, or another session has this one.  Interrupts off.
 */
static int
tty_set_ctty(struct tty *tp, struct proc *p)
{
	struct session *sess = p->p_pgrp != NULL ? p->p_pgrp->pg_session :
	    NULL;

	if (sess == NULL || sess->s_leader != p)
		return (EPERM);
	if (sess->s_ttyp == tp)
		return (0);
	if (sess->s_ttyp != NULL || tp->t_session != NULL)
		return (EPERM);
	tp->t_session = sess;
	tp->t_pgrp = p->p_pgrp;
	sess->s_ttyp = tp;
	return (0);
}

/* tty_open: see tty.h. */
void
tty_open(int flags)
{
	struct proc *p = curthread->td_proc;
	unsigned long s;

	if ((flags & O_NOCTTY) != 0)
		return;
	s = intr_disable();
	if (p->p_pgrp != NULL && p->p_pgrp->pg_session->s_leader == p &&
	    p->p_pgrp->pg_session->s_ttyp == NULL &&
	    console_tty.t_session == NULL)
		(void)tty_set_ctty(&console_tty, p);
	intr_restore(s);
}

/* TIOCSPGRP: make group `pgid` of the terminal's session the foreground. */
static int
tty_set_pgrp(struct tty *tp, int pgid)
{
	struct pgrp *pg;
	int error;

	if ((error = tty_bg_check(tp, SIGTTOU)) != 0)
		return (error);
	if (pgid < 0)
		return (EINVAL);
	if ((pg = pgfind(pgid)) == NULL || pg->pg_session != tp->t_session)
		return (EPERM);
	tp->t_pgrp = pg;
	return (0);
}

/* tty_ioctl: see tty.h. */
int
tty_ioctl(u_long cmd, void *data)
{
	struct tty *tp = &console_tty;
	struct proc *p = curthread->td_proc;
	unsigned long s;
	int error = 0;

	s = intr_disable();
	if (cmd == TIOCSCTTY)
		error = tty_set_ctty(tp, p);
	else if (cmd != TIOCGPGRP && cmd != TIOCSPGRP && cmd != TIOCGSID)
		error = ENOTTY;
	else if (!tty_is_ctty(tp, p))
		error = ENOTTY;		/* not the caller's terminal */
	else if (cmd == TIOCGPGRP)
		*(int *)data = tp->t_pgrp != NULL ? tp->t_pgrp->pg_id : NO_PID;
	else if (cmd == TIOCGSID)
		*(int *)data = tp->t_session->s_sid;
	else
		error = tty_set_pgrp(tp, *(int *)data);
	intr_restore(s);
	return (error);
}

/* tty_pgrp_gone: see tty.h. */
void
tty_pgrp_gone(struct pgrp *pg)
{
	if (console_tty.t_pgrp == pg)
		console_tty.t_pgrp = NULL;
}

/* tty_session_exit: see tty.h. */
void
tty_session_exit(struct session *sess)
{
	struct tty *tp = sess->s_ttyp;

	if (tp->t_pgrp != NULL)
		pgsignal(tp->t_pgrp, SIGHUP);
	tp->t_pgrp = NULL;
	tp->t_session = NULL;
	sess->s_ttyp = NULL;
}
