/*
 * redir.c - redirections: < > >| >> <& >& on any descriptor.
 *
 * In a child about to run a command they are simply done.  A builtin
 * runs in the shell itself, so what it changes must come back after:
 * then each descriptor is first copied out of the way (to 10 or above,
 * close-on-exec) and redirect_undo() puts the copies back.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

#define SAVE_FD_MIN	10	/* saved copies go above what scripts use */

struct saved_fd {
	int		 fd;
	int		 copy;		/* -1: fd was closed */
	struct saved_fd	*next;
};

/* Remember what fd is now, on the front of *save (in a). */
static int
save_fd(int fd, struct arena *a, struct saved_fd **save)
{
	struct saved_fd *s = arena_alloc(a, sizeof(*s));

	s->fd = fd;
	if ((s->copy = fcntl(fd, F_DUPFD, SAVE_FD_MIN)) >= 0)
		fcntl(s->copy, F_SETFD, FD_CLOEXEC);
	else if (errno != EBADF) {
		sh_error("%d: cannot save: %s", fd, strerror(errno));
		return (-1);
	}
	s->next = *save;
	*save = s;
	return (0);
}

/* The descriptor named by the word after <& or >&: -1 for "-" (close). */
static int
dup_source(const char *word, int *fdp)
{
	char *end;
	long n;

	if (strcmp(word, "-") == 0) {
		*fdp = -1;
		return (0);
	}
	n = strtol(word, &end, 10);
	if (word[0] < '0' || word[0] > '9' || *end != '\0' || n > 999 ||
	    fcntl((int)n, F_GETFD) < 0) {
		sh_error("%s: bad file descriptor", word);
		return (-1);
	}
	*fdp = (int)n;
	return (0);
}

static int
redirect_one(struct redir *r, struct arena *a, struct saved_fd **save)
{
	char *target;
	int fd, flags;

	if ((target = expand_one(r->target, a)) == NULL)
		return (-1);
	if (r->op == T_LESSAND || r->op == T_GREATAND) {
		if (dup_source(target, &fd) != 0)
			return (-1);
		if (fd == r->fd)
			return (0);
		if (save != NULL && save_fd(r->fd, a, save) != 0)
			return (-1);
		if (fd < 0)
			close(r->fd);
		else if (dup2(fd, r->fd) < 0) {
			sh_error("%d: %s", r->fd, strerror(errno));
			return (-1);
		}
		return (0);
	}
	flags = r->op == T_LESS ? O_RDONLY : r->op == T_GREAT ?
	    O_WRONLY | O_CREAT | O_TRUNC : O_WRONLY | O_CREAT | O_APPEND;
	/* Before the open, which may get r->fd if it is closed. */
	if (save != NULL && save_fd(r->fd, a, save) != 0)
		return (-1);
	if ((fd = open(target, flags, 0666)) < 0) {
		sh_error("%s: %s", target, strerror(errno));
		return (-1);
	}
	if (fd != r->fd) {
		if (dup2(fd, r->fd) < 0) {
			sh_error("%d: %s", r->fd, strerror(errno));
			close(fd);
			return (-1);
		}
		close(fd);
	}
	return (0);
}

/*
 * Do the redirections of list r, in order.  With save non-NULL, what
 * each replaces is kept in *save (in a) for redirect_undo(), also when
 * one fails.  Returns 0, or -1 after an error (reported).
 */
int
redirect(struct redir *r, struct arena *a, struct saved_fd **save)
{
	for (; r != NULL; r = r->next)
		if (redirect_one(r, a, save) != 0)
			return (-1);
	return (0);
}

/* Put back every descriptor redirect() saved in save, last first. */
void
redirect_undo(struct saved_fd *save)
{
	for (; save != NULL; save = save->next) {
		if (save->copy < 0)
			close(save->fd);
		else {
			dup2(save->copy, save->fd);
			close(save->copy);
		}
	}
}
