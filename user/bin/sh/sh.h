/*
 * sh.h: what the files of the shell share.
 *
 * A command line goes through four stages, one file each:
 *
 *	main.c     reads a line (more lines while a quote is open or the
 *	           line ends in an operator), hands it to
 *	lex.c      which cuts it into tokens and parses them into
 *	           pipelines and commands (struct parse), words still as
 *	           typed, quotes and all; then
 *	exec.c     runs each and-or list: it has each command's words
 *	expand.c   expanded (parameters, quote removal, field splitting),
 *	           then runs a builtin (builtin.c) or forks and execs, each
 *	           pipeline a job (jobs.c).
 *
 * Every table is of fixed size; running past one is an error the user
 * sees ("sh: too many words"), never an overrun.
 */

#ifndef SH_H
#define SH_H

#include <sys/types.h>
#include <signal.h>

#define MAXLINE		1024	/* bytes of one command, continuations too */
#define MAXTOKENS	256	/* tokens in one command line */
#define MAXWORDS	64	/* words of one command, as typed */
#define MAXARGS		64	/* ... and after expansion */
#define MAXREDIRS	8	/* redirections of one command */
#define MAXCMDS		32	/* commands in one line */
#define MAXPIPES	32	/* pipelines in one line */
#define MAXPIPE		16	/* commands in one pipeline */
#define MAXEXPAND	4096	/* bytes of one command's expanded words */
#define MAXJOBS		8

/* Redirection operators (struct redir's r_op). */
#define R_IN		1	/* [n]<word */
#define R_OUT		2	/* [n]>word */
#define R_APPEND	3	/* [n]>>word */
#define R_DUP		4	/* [n]>&word, [n]<&word (word: a descriptor, or -) */

struct redir {
	int		 r_fd;		/* the descriptor it changes */
	int		 r_op;		/* R_* */
	char		*r_word;	/* the file (or descriptor), as typed */
};

/* A simple command: words (assignments first) and redirections. */
struct command {
	char		*c_words[MAXWORDS];
	int		 c_nwords;
	struct redir	 c_redirs[MAXREDIRS];
	int		 c_nredirs;
};

/* What ends a pipeline (struct pipeline's pl_next). */
#define OP_SEMI		0	/* ';', a newline or the end: the list goes on */
#define OP_AMP		1	/* '&': its and-or list runs in the background */
#define OP_AND		2	/* "&&": the next one runs if this one succeeded */
#define OP_OR		3	/* "||": ... if it failed */

struct pipeline {
	struct command	*pl_cmds;	/* pl_ncmds of them */
	int		 pl_ncmds;
	int		 pl_bang;	/* "! pipeline": the status negated */
	int		 pl_next;	/* OP_* */
	const char	*pl_text;	/* as typed, for the job table */
	int		 pl_textlen;
};

/* A parsed command line: and-or lists of pipelines of commands. */
struct parse {
	struct pipeline	 pipes[MAXPIPES];
	int		 npipes;
	struct command	 cmds[MAXCMDS];
	int		 ncmds;
	char		 text[2 * MAXLINE];	/* the words' characters */
	size_t		 textlen;
};

/* What parse_line() found. */
#define PARSE_OK	0
#define PARSE_ERROR	1	/* reported; $? is 2 */
#define PARSE_MORE	2	/* not finished: give it the next line */

/* main.c: the shell's state. */
extern int interactive;		/* job control on a terminal */
extern int last_status;		/* $? */
extern pid_t shell_pid;		/* $$ */
extern pid_t last_bg_pid;	/* $! (0: none yet) */
extern volatile sig_atomic_t interrupted;
void	shell_signals(int);
__dead void subshell_exit(int);

/* lex.c */
int	parse_line(const char *, int, struct parse *);

/* expand.c */
struct expand {
	char		 e_buf[MAXEXPAND];	/* the fields' characters */
	size_t		 e_len;
	char		*e_argv[MAXARGS + 1];	/* the fields, NULL last */
	int		 e_argc;
	size_t		 e_start;	/* where the field being made begins */
	int		 e_content;	/* that field is one, even if empty */
	int		 e_split;	/* expansions are split into fields */
	const char	*e_error;	/* what went wrong */
};
void	expand_init(struct expand *);
int	expand_word(struct expand *, const char *, int);
char	*expand_string(struct expand *, const char *);
char	*expand_assign(struct expand *, const char *);

/* exec.c */
void	run_list(struct parse *);
__dead void exec_command(char **);

/* jobs.c */
struct job;
struct job *job_new(const char *, int, const char *, int);
pid_t	job_start(struct job *, void (*)(void *), void *, int, int, int,
	    int);
int	job_run(struct job *, int, int);
int	job_foreground(struct job *, int);
void	jobs_reap(void);
void	jobs_forget(void);
int	bi_jobs(int, char **);
int	bi_fg(int, char **);
int	bi_bg(int, char **);
int	bi_kill(int, char **);
int	bi_wait(int, char **);

/* builtin.c */
typedef int (*builtin_fn)(int, char **);
builtin_fn builtin_find(int, char **);
int	bi_colon(int, char **);

/* var.c */
#define V_EXPORT	0x01	/* in the environment of commands */
void	var_init(char **);
const char *var_get(const char *);
const char *var_getn(const char *, size_t);
int	var_set(const char *, const char *, int);
int	var_assign(const char *, int);
int	var_unset(const char *);
int	var_export(const char *);
char	**var_environ(void);
void	var_print(const char *);
int	var_isname(const char *, size_t);
size_t	var_namelen(const char *);
int	pos_set(const char *, int, char **);
const char *pos_get(int);
int	pos_count(void);
int	pos_shift(int);

#endif /* SH_H */
