/*
 * regress/sh: the shell (/bin/sh, user/bin/sh/) from the outside.  Each
 * case runs "sh -c string" (or a script) with its standard output and
 * error on one pipe and its input from /dev/null, and checks everything
 * it printed and its exit status: quoting, comments, variables and the
 * environment, positional and special parameters, lists, pipelines,
 * redirections, builtins, the errors and the limits.  Prints each case
 * that fails; the exit status is how many did (0: all passed).
 *
 * "/regress/sh fds" prints the descriptors it has open, so that a case
 * can check that the shell leaks none into what it runs.
 */

#include <sys/types.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define OUTMAX	2048

static int failures;

/* The environment the shells run with: all of it, so env prints it. */
static char *env[] = { "HOME=/etc", "PATH=/bin", NULL };

/*
 * Run /bin/sh with argv, input (NULL: /dev/null) as its standard input,
 * its output and errors into out (size bytes, NUL-terminated; the rest
 * is read and dropped).  Returns its wait status, and its pid in *pidp;
 * -1 if it could not be run.
 */
static int
sh_run(char *const argv[], const char *input, char *out, size_t size,
    pid_t *pidp)
{
	int fds[2], in[2], status;
	char drop[64];
	size_t len = 0;
	ssize_t n;
	pid_t pid;

	if (input == NULL) {
		if ((in[0] = open("/dev/null", O_RDONLY)) == -1)
			return -1;
		in[1] = -1;
	} else if (pipe(in) == -1)
		return -1;
	if (pipe(fds) == -1)
		return -1;
	if ((pid = fork()) == 0) {
		dup2(in[0], 0);
		dup2(fds[1], 1);
		dup2(fds[1], 2);
		close(in[0]);
		if (in[1] != -1)
			close(in[1]);
		close(fds[0]);
		close(fds[1]);
		execve("/bin/sh", argv, env);
		_exit(99);
	}
	close(in[0]);
	close(fds[1]);
	if (in[1] != -1) {	/* less than a pipe holds: no deadlock */
		write(in[1], input, strlen(input));
		close(in[1]);
	}
	while ((n = len < size - 1 ?
	    read(fds[0], out + len, size - 1 - len) :
	    read(fds[0], drop, sizeof(drop))) > 0)
		if (len < size - 1)
			len += n;
	out[len] = '\0';
	close(fds[0]);
	if (pid == -1 || waitpid(pid, &status, 0) != pid)
		return -1;
	if (pidp != NULL)
		*pidp = pid;
	return status;
}

/* The shell with argv must print want and exit with status. */
static void
check(int line, char *const argv[], const char *input, int status,
    const char *want)
{
	char out[OUTMAX];
	int st;

	st = sh_run(argv, input, out, sizeof(out), NULL);
	if (st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == status &&
	    strcmp(out, want) == 0)
		return;
	printf("regress/sh: line %d: sh %s '%s': status 0x%x, printed \"%s\";"
	    " wanted exit %d, \"%s\"\n", line, argv[1] ? argv[1] : "",
	    argv[1] && argv[2] ? argv[2] : "", st, out, status, want);
	failures++;
}

/* sh -c cmd must print want and exit with status. */
#define SH(cmd, status, want) do {					\
	char *const argv_[] = { "sh", "-c", cmd, NULL };		\
									\
	check(__LINE__, argv_, NULL, status, want);				\
} while (0)

/* The same, with the name and arguments after the string. */
#define SHARGS(status, want, ...) do {					\
	char *const argv_[] = { "sh", __VA_ARGS__, NULL };		\
									\
	check(__LINE__, argv_, NULL, status, want);				\
} while (0)

/*
 * The cases are grouped, many commands to a shell, to keep the run
 * short in Bochs: every shell and every command is a fork and an exec.
 */

/* '...', "..." and \ quote; quoted operators and # are plain text. */
static void
test_quoting(void)
{
	SH("echo 'a  b' \"c  d\" e\\ \\ f\n"
	    "echo 'a|b' \"c;d\" 'e&f' \"<g>\" \\# '#'x a\\|b\n"
	    "echo \"a\\\"b\" 'c\\d' \"e\\\\f\" \"g\\h\" 'it'\\''s'\n"
	    "echo '$HOME' \"'\" \\$HOME \"\\$HOME\" '' \"\" x\n"
	    "echo a#b; # a line of comment\n"
	    "echo a # a comment; echo b\n"
	    "echo 'two\nlines' \"and\nmore\" a\\\nb", 0,
	    "a  b c  d e  f\n"
	    "a|b c;d e&f <g> # #x a|b\n"
	    "a\"b c\\d e\\f g\\h it's\n"
	    "$HOME ' $HOME $HOME   x\n"
	    "a#b\n"
	    "a\n"
	    "two\nlines and\nmore ab\n");
}

/* Variables, expanded in words and in "...", split only unquoted. */
static void
test_variables(void)
{
	SH("X='a  b'; echo $X; echo \"$X\"\n"
	    "X=1; Y=$X$X; echo $Y ${Y}z a${X}b \"<$X>\" $Xz.\n"
	    "echo $HOME \"$HOME\" ~ ~/x a~\n"
	    "echo [$UNSET] $UNSET x \"$UNSET\"\n"
	    "A=1 B=2; B=$A$B A=3; echo $A $B\n"
	    "X=' a  b '; echo [$X] [\"$X\"]\n"
	    "echo $ \"$\" a$ ${UNSET}x\n"
	    "X=a; unset X; echo [$X]\n"
	    "unset HOME; echo [$HOME]; cd; /bin/pwd", 0,
	    "a b\na  b\n"
	    "11 11z a1b <1> .\n"
	    "/etc /etc /etc /etc/x a~\n"
	    "[] x \n"
	    "3 12\n"
	    "[ a b ] [ a  b ]\n"
	    "$ $ a$ x\n"
	    "[]\n"
	    "[]\n/\n");
	SH("X='it'\\''s'; Y=2; set", 0,
	    "HOME='/etc'\nPATH='/bin'\nX='it'\\''s'\nY='2'\n");
	SH("echo ${X", 1, "sh: bad substitution\n");
	SH("1X=2; unset 1X", 1,
	    "sh: 1X=2: not found\nsh: unset: 1X: not a variable name\n");
}

/* Exported variables, and only those, reach a command's environment. */
static void
test_environment(void)
{
	SH("env; X=1; env; export X; env", 0,
	    "HOME=/etc\nPATH=/bin\n"
	    "HOME=/etc\nPATH=/bin\n"
	    "HOME=/etc\nPATH=/bin\nX=1\n");
	SH("export Y=2 Z; Z=3; env; export | cat", 0,
	    "HOME=/etc\nPATH=/bin\nY=2\nZ=3\n"
	    "export HOME='/etc'\nexport PATH='/bin'\nexport Y='2'\n"
	    "export Z='3'\n");
	SH("X='a b'; export Y=$X; unset HOME; env", 0, "PATH=/bin\nY=a b\n");
	/* A prefix assignment: that command's environment only. */
	SH("A=1 env; echo \"[$A]\"; HOME=/ X=/x env\n"
	    "A=1 B=\"$HOME x\" env | cat", 0,
	    "A=1\nHOME=/etc\nPATH=/bin\n[]\n"
	    "HOME=/\nPATH=/bin\nX=/x\n"
	    "A=1\nB=/etc x\nHOME=/etc\nPATH=/bin\n");
	/* $PATH finds the commands: a prefix PATH too. */
	SH("PATH=/x env; PATH=/nowhere; /bin/echo a; env", 127,
	    "sh: env: not found\na\nsh: env: not found\n");
}

/* $0 ... $9, $#, $*, "$@", set --, shift; $?, $$, $!. */
static void
test_parameters(void)
{
	char out[OUTMAX], want[32];
	char *const argv[] = { "sh", "-c", "echo $$", NULL };
	pid_t pid;

	SHARGS(0, "zero 3 one two words three\n3 2 2\n", "-c",
	    "echo $0 $# $1 $2 $3 $4\n"
	    "a=$#; set -- $2; b=$#; set -- \"$@\"; echo $a $b $#",
	    "zero", "one", "two words", "three");
	SHARGS(0, "2 [a b c]\n1 x\nsh: shift: only 1 to shift\n1\n", "-c",
	    "set -- \"$*\" x; echo $# [$1]; shift; echo $# $*\n"
	    "shift 9; echo $?", "zero", "a", "b", "c");
	SHARGS(0, "0 sh\n", "-c", "echo $# $0");
	SH("set -- a b c d e f g h i j k; echo $9 $10 ${10} ${11}\n"
	    "set --; set -- \"$@\"; echo $#\n"
	    "false; echo $?; true; echo $?; nosuch 2>/dev/null; echo $?\n"
	    "echo [$!]; true & wait $!; echo $?; false & wait $!; echo $?", 0,
	    "i a0 j k\n0\n1\n0\n127\n[]\n0\n1\n");
	if (sh_run(argv, NULL, out, sizeof(out), &pid) == -1)
		failures++;
	snprintf(want, sizeof(want), "%d\n", pid);
	if (strcmp(out, want) != 0) {
		printf("regress/sh: $$ is \"%s\", not the shell's pid %d\n",
		    out, pid);
		failures++;
	}
}

/* ; && || and !: the status of a list is its last pipeline's. */
static void
test_lists(void)
{
	SH("echo a; echo b;echo c\n"
	    "true && echo yes || echo no; false && echo yes || echo no\n"
	    "false || false || echo third; true || echo no\n"
	    "! true; echo $?; ! false; echo $?\n"
	    "true &&\n\n echo next || \n echo no\n"
	    "true & echo fg; wait; false && echo no & wait", 0,
	    "a\nb\nc\nyes\nno\nthird\n1\n0\nnext\nfg\n");
	SH("false && echo no", 1, "");
	SH("echo a && false", 1, "a\n");
	SH("false; true", 0, "");
	SH("true; false", 1, "");
}

/* Pipelines: the status is the last command's. */
static void
test_pipelines(void)
{
	SH("echo a b | cat; echo a | cat | cat | cat; echo a |\n cat\n"
	    "X=1; X=2 | true; echo $X; cd /etc | true; /bin/pwd", 0,
	    "a b\na\na\n1\n/\n");
	SH("true | false", 1, "");
	SH("false | true", 0, "");
}

/* Redirections, their files expanded and quoted like any word. */
static void
test_redirections(void)
{
	SH("echo lost > \"/dev/null\"; echo kept\n"
	    "F=/dev/null; echo lost >$F; echo lost >>'/dev/'nu\\ll; echo $?\n"
	    "cat < /etc/motd\n"
	    "echo err 1>&2; echo out 2>/dev/null; nosuch 2>/dev/null\n"
	    "echo a >/dev/null 2>&1; echo b 2>&1 >/dev/null; echo c 1>&-\n"
	    "> /dev/null; echo $?; X=1 </etc/motd; echo $X\n"
	    /* A builtin's redirections are undone after it. */
	    "export >/dev/null; echo still; cd /no/such 2>/dev/null; echo $?",
	    0,
	    "kept\n0\n"
	    "Welcome to Tine: a small OS around OpenBSD's kern_fork.c.\n"
	    "err\nout\n0\n1\nstill\n1\n");
	SH("cat < '/etc/no such'", 1,
	    "sh: /etc/no such: No such file or directory\n");
	SH("echo a >&7", 1, "sh: 7: Bad file descriptor\n");
	SH("echo a >", 2, "sh: syntax error: a redirection without a file\n");
}

/* The builtins, other than the variables' (tested above). */
static void
test_builtins(void)
{
	SH("exit 7", 7, "");
	SH("exit 300", 44, "");
	SH("false; exit", 1, "");
	SH("exit x", 2, "sh: exit: x: not a status\n");
	SH("echo a; exit 3; echo b", 3, "a\n");
	SH("cd /regress; /bin/pwd; cd; /bin/pwd; :; echo $?; jobs; wait", 0,
	    "/regress\n/etc\n0\n");
	SH("true & jobs | cat; wait", 0, "[1]  Running  true &\n");
	SH("cd /no/such; kill %1; set -e", 2,
	    "sh: cd: /no/such: no such directory\n"
	    "sh: kill: %1: no such job\n"
	    "sh: set: -e: no such option\n");
}

/* The errors: their messages, their statuses, the limits. */
static void
test_errors(void)
{
	char big[1200], many[400];
	int i;

	SH("echo \"a", 2, "sh: syntax error: unterminated quote\n");
	SH("echo 'a", 2, "sh: syntax error: unterminated quote\n");
	SH("echo a; echo 'b", 2, "sh: syntax error: unterminated quote\n");
	SH("echo a\necho 'b", 2,
	    "a\nsh: syntax error: unterminated quote\n");
	SH("nosuchcommand", 127, "sh: nosuchcommand: not found\n");
	SH("/no/such/file; /etc", 126, "sh: /no/such/file: not found\n"
	    "sh: /etc: Permission denied\n");
	SH("echo a |", 2, "sh: syntax error: unexpected end of file\n");
	SH("echo a &&", 2, "sh: syntax error: unexpected end of file\n");
	SH("; echo a", 2, "sh: syntax error: unexpected ';'\n");
	SH("echo a || | cat", 2, "sh: syntax error: unexpected '|'\n");
	SH("echo a && & b", 2, "sh: syntax error: unexpected '&'\n");
	SH("echo a;; echo b", 2, "sh: syntax error: unexpected ';'\n");
	SHARGS(2, "usage: sh [-c string [name [arg ...]]] [file [arg ...]]\n",
	    "-x");
	/* A line too long, too many words: an error, no overrun. */
	memset(big, 'x', sizeof(big) - 1);
	memcpy(big, "echo ", 5);
	big[sizeof(big) - 1] = '\0';
	SH(big, 2, "sh: line too long\n");
	strlcpy(many, "echo", sizeof(many));
	for (i = 0; i < 99; i++)
		strlcat(many, " ab", sizeof(many));
	SH(many, 2, "sh: too many words in a command\n");
	SH("X='a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a'"
	    "; echo $X $X $X", 1, "sh: too many arguments\n");
	SH("X=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx;"
	    "X=$X$X$X$X$X$X$X$X; echo $X$X$X$X$X$X$X$X$X", 1,
	    "sh: arguments too long\n");
}

/* A script file, its arguments; the shell leaks no descriptor. */
static void
test_scripts(void)
{
	const char *out = "script: 2 args, 1 [one] 2 [two words]\n"
	    "x: a  b unquoted: a b\n"
	    "a quote\nthat spans lines\n"
	    "a\n"
	    "|| after a newline\n"
	    "0 1 2\n";

	SHARGS(3, out, "/regress/sh-script.sh", "one", "two words");
	/* Not a program: exec's ENOEXEC, so the shell runs it. */
	SH("/regress/sh-script.sh one 'two words'", 3, out);
	SHARGS(127, "sh: /no/such: No such file or directory\n", "/no/such");
	/* Pipes, redirections, a builtin's saved descriptors: none leak. */
	SH("/regress/sh fds; /regress/sh fds | cat\n"
	    "echo | /regress/sh fds 3</etc/motd\n"
	    "cd / 5>/dev/null; /regress/sh fds; true & /regress/sh fds; wait",
	    0, "0 1 2\n0 1 2\n0 1 2 3\n0 1 2\n0 1 2\n");
}

/* Commands from standard input, not a terminal: no prompt. */
static void
test_stdin(void)
{
	char *const argv[] = { "sh", NULL };

	check(__LINE__, argv, "echo a\nX=b\necho $X |\ncat\nexit 4\necho c\n",
	    4, "a\nb\n");
	check(__LINE__, argv, "echo a\necho 'b\n", 2,
	    "a\nsh: syntax error: unterminated quote\n");
	check(__LINE__, argv, "false", 1, "");
	check(__LINE__, argv, "", 0, "");
}

/* "/regress/sh fds": print the descriptors open, 0 to 19. */
static int
print_fds(void)
{
	int fd;

	for (fd = 0; fd < 20; fd++)
		if (fcntl(fd, F_GETFD) != -1)
			printf(fd == 0 ? "%d" : " %d", fd);
	printf("\n");
	return 0;
}

int
main(int argc, char *argv[])
{
	int fd, status;

	if (argc > 1 && strcmp(argv[1], "fds") == 0)
		return print_fds();
	test_quoting();
	test_variables();
	test_environment();
	test_parameters();
	test_lists();
	test_pipelines();
	test_redirections();
	test_builtins();
	test_errors();
	test_scripts();
	test_stdin();
	/* Every child reaped, no descriptor left open. */
	if (waitpid(-1, &status, WNOHANG) != -1 || errno != ECHILD) {
		printf("regress/sh: a child is left\n");
		failures++;
	}
	if ((fd = dup(0)) != 3) {
		printf("regress/sh: descriptor %d is the lowest free\n", fd);
		failures++;
	}
	close(fd);
	printf("regress/sh: %d failures\n", failures);
	return failures;
}
