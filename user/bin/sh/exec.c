/*
 * exec.c: running what lex.c parsed.
 *
 * run_list() takes the and-or lists of a line one at a time.  One that
 * ends in '&' is a background job (a pipeline's processes, or a subshell
 * for a && / || list).  The others run a pipeline at a time, && and ||
 * deciding from $? whether the next one runs; $? is the status of the
 * last pipeline that ran.
 *
 * A pipeline of one command is expanded in the shell itself, so that a
 * builtin (cd, export, ...) or a line of only assignments changes the
 * shell; the shell forks only to exec a program, whose prefix
 * assignments (X=1 cmd) go into its environment alone.  In a longer
 * pipeline each process expands and runs its own command, so there a
 * builtin changes only that process, as in other shells.
 *
 * Redirections are carried out after the pipeline's (so that they win,
 * as POSIX says); for a builtin run by the shell itself, the shell's own
 * descriptors are kept aside and put back afterwards.
 */

#include <sys/types.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

#define NSAVED		10	/* descriptors a redirection can name */
#define SAVED_NOT	(-2)	/* saved[fd]: untouched so far */

/* A command, expanded. */
struct expanded {
	struct expand	 x_e;		/* the arguments, x_e.e_argv */
	char		*x_assign[MAXWORDS];	/* NAME=value, expanded */
	int		 x_nassign;
	char		*x_files[MAXREDIRS];	/* each redirection's word */
};

static struct expanded ex;	/* 4 KiB and more: not on the stack */

/* Is w (as typed) an assignment, NAME=...? */
static int
is_assignment(const char *w)
{
	size_t n = var_namelen(w);

	return n > 0 && w[n] == '=';
}

/*
 * Expand command c into x: leading assignments, the other words (the
 * arguments of export, when they are assignments, unsplit as POSIX
 * says for declaration utilities), the redirections' words.  Returns
 * 0, or -1 reported.
 */
static int
expand_command(struct command *c, struct expanded *x)
{
	struct expand *e = &x->x_e;
	int i = 0, decl;

	expand_init(e);
	x->x_nassign = 0;
	for (; i < c->c_nwords && is_assignment(c->c_words[i]); i++)
		if ((x->x_assign[x->x_nassign++] =
		    expand_assign(e, c->c_words[i])) == NULL)
			goto fail;
	decl = i < c->c_nwords && strcmp(c->c_words[i], "export") == 0;
	for (; i < c->c_nwords; i++)
		if (expand_word(e, c->c_words[i],
		    !(decl && is_assignment(c->c_words[i]))) == -1)
			goto fail;
	for (i = 0; i < c->c_nredirs; i++)
		if ((x->x_files[i] = expand_string(e,
		    c->c_redirs[i].r_word)) == NULL)
			goto fail;
	return 0;
fail:
	dprintf(STDERR_FILENO, "sh: %s\n", e->e_error);
	return -1;
}

/*
 * Carry out redirection r, its word expanded to word.  saved (for a
 * builtin run by the shell): each descriptor it changes is first kept
 * there for undo_redirect().  Returns 0, or -1 reported.
 */
static int
redirect(struct redir *r, const char *word, int *saved)
{
	int fd, flags, target = r->r_fd;
	char *end;

	if (saved != NULL && saved[target] == SAVED_NOT)
		saved[target] = fcntl(target, F_DUPFD_CLOEXEC, NSAVED);
	if (r->r_op == R_DUP) {
		if (strcmp(word, "-") == 0) {
			close(target);
			return 0;
		}
		fd = strtol(word, &end, 10);
		if (*word == '\0' || *end != '\0' || fd < 0) {
			dprintf(STDERR_FILENO, "sh: %s: not a descriptor\n",
			    word);
			return -1;
		}
		if (dup2(fd, target) == -1) {
			dprintf(STDERR_FILENO, "sh: %s: %s\n", word,
			    strerror(errno));
			return -1;
		}
		return 0;
	}
	flags = r->r_op == R_IN ? O_RDONLY : O_WRONLY | O_CREAT |
	    (r->r_op == R_APPEND ? O_APPEND : O_TRUNC);
	if ((fd = open(word, flags, 0666)) == -1) {
		dprintf(STDERR_FILENO, "sh: %s: %s\n", word, strerror(errno));
		return -1;
	}
	if (fd != target) {
		dup2(fd, target);
		close(fd);
	}
	return 0;
}

/* Carry out c's redirections (see redirect()); 0, or -1 reported. */
static int
redirect_all(struct command *c, struct expanded *x, int *saved)
{
	int i;

	for (i = 0; i < NSAVED && saved != NULL; i++)
		saved[i] = SAVED_NOT;
	for (i = 0; i < c->c_nredirs; i++)
		if (redirect(&c->c_redirs[i], x->x_files[i], saved) == -1)
			return -1;
	return 0;
}

/* Put back the shell's descriptors that redirect() kept in saved. */
static void
undo_redirect(int *saved)
{
	int fd;

	fflush(NULL);		/* what the builtin printed goes where it said */
	for (fd = 0; fd < NSAVED; fd++) {
		if (saved[fd] == SAVED_NOT)
			continue;
		if (saved[fd] == -1)
			close(fd);	/* it was closed before */
		else {
			dup2(saved[fd], fd);
			close(saved[fd]);
		}
	}
}

/*
 * Exec file with argv; a file that is no program (ENOEXEC) is run as a
 * script, by /bin/sh, as POSIX says.  Returns only on failure (errno).
 */
static void
try_exec(const char *file, char **argv, char **envp)
{
	char **nargv;
	int n;

	execve(file, argv, envp);
	if (errno != ENOEXEC)
		return;
	for (n = 0; argv[n] != NULL; n++)
		continue;
	if ((nargv = calloc(n + 2, sizeof(*nargv))) == NULL)
		return;
	nargv[0] = "sh";
	nargv[1] = (char *)file;
	memcpy(nargv + 2, argv + 1, n * sizeof(*nargv));  /* its NULL too */
	execve("/bin/sh", nargv, envp);
	errno = ENOEXEC;
}

/*
 * Become the program argv names: a name with a '/' is a path, any other
 * is looked for in each directory of $PATH (/bin:/sbin if unset).  A
 * child's end: status 127 if not found, 126 if it cannot be run.
 */
__dead void
exec_command(char **argv)
{
	char path[PATH_MAX], **envp;
	const char *dirs, *d;
	int err = ENOENT;
	size_t len;

	if ((envp = var_environ()) == NULL) {
		dprintf(STDERR_FILENO, "sh: out of memory\n");
		_exit(126);
	}
	if (strchr(argv[0], '/') != NULL) {
		try_exec(argv[0], argv, envp);
		err = errno;
	} else {
		if ((dirs = var_get("PATH")) == NULL)
			dirs = "/bin:/sbin";
		for (d = dirs;; d += len + 1) {
			len = strcspn(d, ":");
			if (snprintf(path, sizeof(path), "%.*s/%s", (int)len,
			    len == 0 ? "." : d, argv[0]) < (int)sizeof(path)) {
				try_exec(path, argv, envp);
				if (errno != ENOENT && errno != ENOTDIR)
					err = errno;	/* found, but ... */
			}
			if (d[len] == '\0')
				break;
		}
	}
	dprintf(STDERR_FILENO, "sh: %s: %s\n", argv[0],
	    err == ENOENT ? "not found" : strerror(err));
	_exit(err == ENOENT ? 127 : 126);
}

/*
 * The rest of a process of a job, its command expanded into x: prefix
 * assignments into its environment, redirections, then a builtin or
 * the program.
 */
static __dead void
child_run(struct command *c, struct expanded *x)
{
	builtin_fn fn;
	int i;

	for (i = 0; i < x->x_nassign; i++)
		if (var_assign(x->x_assign[i], V_EXPORT) == -1)
			subshell_exit(1);
	if (redirect_all(c, x, NULL) == -1)
		subshell_exit(1);
	if (x->x_e.e_argc == 0)
		subshell_exit(0);	/* only redirections */
	if ((fn = builtin_find(x->x_e.e_argc, x->x_e.e_argv)) != NULL)
		subshell_exit(fn(x->x_e.e_argc, x->x_e.e_argv));
	exec_command(x->x_e.e_argv);
}

/* A process of a pipeline: expand its command, then run it. */
static void
child_command(void *arg)
{
	struct command *c = arg;

	if (expand_command(c, &ex) == -1)
		subshell_exit(1);
	child_run(c, &ex);
}

/* The process of a one-command pipeline: ex is expanded already. */
static void
child_expanded(void *arg)
{
	child_run(arg, &ex);
}

/*
 * Pipeline pl as a job of one process per command, each reading the
 * one before through a pipe.  Returns its status (background: 0).
 */
static int
run_job(struct pipeline *pl, int bg)
{
	struct command *last = &pl->pl_cmds[pl->pl_ncmds - 1];
	struct job *j;
	int i, in = -1, fds[2];

	if ((j = job_new(pl->pl_text, pl->pl_textlen, last->c_nwords > 0 ?
	    last->c_words[0] : "", bg)) == NULL)
		return 1;
	for (i = 0; i < pl->pl_ncmds; i++) {
		fds[0] = fds[1] = -1;
		if (i + 1 < pl->pl_ncmds && pipe(fds) == -1) {
			dprintf(STDERR_FILENO, "sh: pipe: %s\n",
			    strerror(errno));
			break;
		}
		job_start(j, child_command, &pl->pl_cmds[i], in, fds[1],
		    fds[0], !bg);
		if (in != -1)
			close(in);
		if (fds[1] != -1)
			close(fds[1]);
		in = fds[0];
	}
	if (in != -1)
		close(in);
	return job_run(j, bg, pl->pl_next == OP_SEMI);
}

/*
 * A builtin, run by the shell itself: its assignments stay (as for
 * POSIX's special builtins), its redirections do not.
 */
static int
run_builtin(builtin_fn fn, struct command *c, struct expanded *x)
{
	int saved[NSAVED], i, status = 1;

	for (i = 0; i < x->x_nassign; i++)
		if (var_assign(x->x_assign[i], 0) == -1)
			return 1;
	if (redirect_all(c, x, saved) == 0)
		status = fn(x->x_e.e_argc, x->x_e.e_argv);
	undo_redirect(saved);
	return status;
}

/*
 * A command of assignments only: each changes the shell's variable in
 * turn (A=1 B=$A gives B 1), before the next is expanded.  Its status.
 */
static int
assign(struct command *c)
{
	const char *s;
	int i;

	for (i = 0; i < c->c_nwords; i++) {
		expand_init(&ex.x_e);
		if ((s = expand_assign(&ex.x_e, c->c_words[i])) == NULL) {
			dprintf(STDERR_FILENO, "sh: %s\n", ex.x_e.e_error);
			return 1;
		}
		if (var_assign(s, 0) == -1)
			return 1;
	}
	return 0;
}

/*
 * A pipeline of one command in the foreground: expanded here, a builtin
 * or assignments run here, a program forked for.  Its status.
 */
static int
run_simple(struct pipeline *pl)
{
	struct command *c = &pl->pl_cmds[0];
	struct job *j;
	builtin_fn fn;
	int i;

	for (i = 0; i < c->c_nwords && is_assignment(c->c_words[i]); i++)
		continue;
	if (i == c->c_nwords && c->c_nredirs == 0)
		return assign(c);
	if (expand_command(c, &ex) == -1)
		return 1;
	fn = ex.x_e.e_argc > 0 ? builtin_find(ex.x_e.e_argc,
	    ex.x_e.e_argv) : NULL;
	if (fn != NULL || ex.x_e.e_argc == 0)
		return run_builtin(fn != NULL ? fn : bi_colon, c, &ex);
	if ((j = job_new(pl->pl_text, pl->pl_textlen, ex.x_e.e_argv[0],
	    0)) == NULL)
		return 1;
	job_start(j, child_expanded, c, -1, -1, -1, 1);
	return job_run(j, 0, pl->pl_next == OP_SEMI);
}

/* A pipeline in the foreground; its status, negated by a '!'. */
static int
run_pipeline(struct pipeline *pl)
{
	int status;

	if (pl->pl_ncmds == 1)
		status = run_simple(pl);
	else
		status = run_job(pl, 0);
	return pl->pl_bang ? status == 0 : status;
}

/*
 * The and-or list first ... last in the foreground: each pipeline in
 * turn, one after && only if $? is 0, one after || only if it is not.
 * A ^C that killed one ends the list (interrupted).
 */
static void
run_andor(struct pipeline *first, struct pipeline *last)
{
	struct pipeline *pl;
	int op;

	for (pl = first; pl <= last && !interrupted; pl++) {
		op = pl > first ? pl[-1].pl_next : OP_SEMI;
		if ((op == OP_AND && last_status != 0) ||
		    (op == OP_OR && last_status == 0))
			continue;
		last_status = run_pipeline(pl);
	}
}

/* The subshell that runs a background and-or list (two pipelines). */
static void
child_andor(void *arg)
{
	struct pipeline **range = arg;

	jobs_forget();
	run_andor(range[0], range[1]);
	subshell_exit(last_status);
}

/*
 * The and-or list first ... last in the background: a job, of the
 * pipeline's processes, or of a subshell for a list of pipelines.
 */
static int
run_background(struct pipeline *first, struct pipeline *last)
{
	struct pipeline *range[2] = { first, last };
	struct job *j;

	if (first == last)
		return run_job(first, 1);
	if ((j = job_new(first->pl_text, last->pl_text + last->pl_textlen -
	    first->pl_text, "sh", 1)) == NULL)
		return 1;
	job_start(j, child_andor, range, -1, -1, -1, 0);
	return job_run(j, 1, 0);
}

/* Run the line ps: its and-or lists in turn. */
void
run_list(struct parse *ps)
{
	struct pipeline *pl = ps->pipes, *end = ps->pipes + ps->npipes;
	struct pipeline *last;

	for (; pl < end && !interrupted; pl = last + 1) {
		/* The parser ends every list with OP_SEMI or OP_AMP. */
		for (last = pl; last->pl_next == OP_AND ||
		    last->pl_next == OP_OR; last++)
			continue;
		if (last->pl_next == OP_AMP)
			last_status = run_background(pl, last);
		else
			run_andor(pl, last);
	}
}
