/*
 * sh.h - what the parts of the shell share: the state of the shell,
 * the command tree the parser builds, and each part's interface.
 *
 * A line of input goes through four stages, one file each:
 * input.c reads it, lex.c cuts it into tokens, parse.c builds the tree
 * below from them, exec.c runs the tree (expand.c turns each word as
 * written into the strings a command gets).  Everything made for one
 * line lives in an arena (arena.c) that is freed when the line is done.
 *
 * The code is plain POSIX C: it builds for Vise against our libc and
 * for the host against its own (tests/host/sh.mk).
 */
#ifndef _SH_H_
#define _SH_H_

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* glibc declares environ only under _GNU_SOURCE; ours always. */
extern char **environ;

/* The state of the shell: the special parameters and how it runs. */
struct shell {
	bool	 interactive;	/* prompts; errors do not end the shell */
	const char *arg0;	/* $0 */
	char	**args;		/* $1 ... */
	int	 nargs;		/* $# */
	int	 status;	/* $?: the last command's exit status */
	pid_t	 last_bg;	/* $!: the last background job, or 0 */
	const char *script;	/* the file read (for messages), or NULL */
	int	 lineno;	/* its line being read */
	bool	 jobctl;	/* job control: jobs are process groups */
	int	 ttyfd;		/* with jobctl: the terminal, close-on-exec */
};
extern struct shell sh;

/* Where commands are looked for when PATH is not set. */
#define DEFAULT_PATH	"/bin:/sbin"

/* Exit statuses with a meaning of their own. */
#define STATUS_SYNTAX	2	/* a syntax error, or the shell failed */
#define STATUS_NOEXEC	126	/* found, but could not be executed */
#define STATUS_NOTFOUND	127	/* no such command */
#define STATUS_SIGNAL	128	/* + the signal that ended a command */

/* --- arena.c: memory freed all at once --- */

struct arena {
	struct arena_block *blocks;
};

void	 arena_init(struct arena *);
void	*arena_alloc(struct arena *, size_t);
char	*arena_strndup(struct arena *, const char *, size_t);
void	 arena_free(struct arena *);

/* --- input.c: lines of input --- */

struct input {
	int		 fd;		/* -1: reading str */
	const char	*str;		/* sh -c: what is left of it */
	bool		 bytewise;	/* one byte per read(2) */
	char		 buf[512];	/* read ahead from fd */
	size_t		 pos, len;
};

void	 input_from_fd(struct input *, int, bool);
void	 input_from_string(struct input *, const char *);
char	*input_line(struct input *);

/* --- lex.c: tokens --- */

enum tok_type {
	T_WORD,		/* a word, quotes and all */
	T_NEWLINE,
	T_SEMI,		/* ; */
	T_AMP,		/* & */
	T_PIPE,		/* | */
	T_AND_IF,	/* && */
	T_OR_IF,	/* || */
	T_LESS,		/* <  (the redirections, T_LESS .. T_GREATAND) */
	T_GREAT,	/* >  and >| */
	T_DGREAT,	/* >> */
	T_LESSAND,	/* <& */
	T_GREATAND,	/* >& */
	T_EOF
};

struct token {
	enum tok_type	 type;
	char		*text;		/* T_WORD: as written */
	int		 io_number;	/* redirection: the fd before it, or -1 */
	struct token	*next;
};

enum lex_result { LEX_OK, LEX_MORE };

enum lex_result lex(const char *, struct arena *, struct token **);
const char *tok_name(const struct token *);

/* --- parse.c: the command tree --- */

struct word {
	char		*text;		/* as written: expand.c reads it */
	struct word	*next;
};

struct redir {
	enum tok_type	 op;		/* T_LESS .. T_GREATAND */
	int		 fd;		/* the descriptor it changes */
	char		*target;	/* the word after the operator */
	struct redir	*next;
};

/* A simple command: NAME=value prefixes, words, redirections. */
struct command {
	struct word	*assigns;
	struct word	*words;
	struct redir	*redirs;
	struct command	*next;		/* the next one in the pipeline */
};

/* Commands joined by |, and how it follows the one before. */
struct pipeline {
	struct command	*commands;
	enum tok_type	 connector;	/* T_AND_IF, T_OR_IF; T_EOF if first */
	struct pipeline	*next;
};

/* Pipelines joined by && and ||, run in the background or not. */
struct andor {
	struct pipeline	*pipelines;
	bool		 background;
	struct andor	*next;
};

enum parse_result { PARSE_OK, PARSE_MORE, PARSE_ERROR };

enum parse_result parse(const char *, struct arena *, struct andor **);

/* --- expand.c: words to strings --- */

struct strlist {
	char	**v;		/* NULL-terminated */
	int	  n;
	int	  cap;
};

int	 expand_words(struct word *, struct arena *, struct strlist *);
char	*expand_one(const char *, struct arena *);
void	 strlist_add(struct strlist *, struct arena *, char *);

/* --- redir.c --- */

struct saved_fd;

int	 redirect(struct redir *, struct arena *, struct saved_fd **);
void	 redirect_undo(struct saved_fd *);

/* --- var.c: shell variables --- */

void	 var_init(char **);
const char *var_get(const char *);
int	 var_set(const char *, const char *);
int	 var_assign(const char *, bool);
void	 var_export(const char *);
size_t	 var_name_len(const char *);
char	**var_environ(char **, int);
void	 var_print_exports(void);

/* --- exec.c and jobs.c: running commands, jobs and job control --- */

struct job;

int	 run_list(struct andor *, struct arena *);
int	 wait_status(int);
void	 jobs_init(void);
struct job *job_new(const char *, bool);
int	 job_add(struct job *, pid_t);
int	 job_number(const struct job *);
void	 jobs_child(struct job *);
int	 job_wait(struct job *);
void	 jobs_reap(void);
void	 jobs_wait_all(void);

/* --- builtin.c --- */

typedef int builtin_fn(int, char **);
builtin_fn *builtin_find(const char *);
builtin_fn builtin_test;		/* test.c */
builtin_fn builtin_jobs, builtin_fg, builtin_bg;	/* jobs.c */

/* --- sh.c --- */

void	 sh_error(const char *, ...) __attribute__((__format__(__printf__,
	    1, 2)));
void	 sh_exit(int) __attribute__((__noreturn__));

#endif /* !_SH_H_ */
