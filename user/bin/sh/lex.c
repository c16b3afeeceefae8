/*
 * lex.c: a command line into tokens, and the tokens into pipelines.
 *
 * The lexer follows POSIX's token recognition (XCU 2.3) for the part of
 * the language the shell knows:
 *   - blanks separate words; a newline ends a command as ';' does;
 *   - '#' at the start of a word begins a comment, to the end of the line;
 *   - '...' quotes everything up to the next '; "..." quotes all but $
 *     and \ (which quotes $ " \ there); \ quotes the next character, and
 *     a backslash-newline is removed (a line continued);
 *   - the operators | || & && ; < > >> <& >& each end a word; a word of
 *     digits just before < or > names the descriptor (2>file, 2>&1).
 * Quotes stay in the words: expand.c removes them once it has expanded
 * the parameters between them, as it must know what was quoted.
 *
 * The parser then reads this grammar (XCU 2.10, trimmed):
 *
 *	list     : andor (sep andor)* [sep]	sep: ';' '&' newline
 *	andor    : pipeline (('&&' | '||') newline* pipeline)*
 *	pipeline : ['!'] command ('|' newline* command)*
 *	command  : (word | redirection)+
 *
 * into struct parse (sh.h), which exec.c runs.  A line that ends inside
 * quotes, or after | && or ||, is not finished: PARSE_MORE asks for the
 * next line, joined to it with a newline, and the whole is read again.
 */

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

/* Token types. */
#define T_WORD		0
#define T_NEWLINE	1
#define T_SEMI		2
#define T_AMP		3
#define T_AND		4
#define T_PIPE		5
#define T_OR		6
#define T_REDIR		7
#define T_END		8

struct token {
	int		 t_type;
	char		*t_word;	/* T_WORD: as typed, in parse's text */
	int		 t_fd;		/* T_REDIR: the descriptor */
	int		 t_op;		/* T_REDIR: R_* */
	int		 t_start;	/* where it is in the line */
	int		 t_end;
};

struct lexer {
	const char	*l_line;
	int		 l_pos;
	int		 l_eof;		/* no more lines will come */
	struct token	 l_toks[MAXTOKENS];
	int		 l_ntoks;
	int		 l_next;	/* the parser's token */
	struct parse	*l_parse;
};

static struct lexer lx;		/* 3 KiB: not on the stack */

/* Report a syntax error; PARSE_ERROR. */
static int
syntax(const char *what)
{
	dprintf(STDERR_FILENO, "sh: syntax error: %s\n", what);
	return PARSE_ERROR;
}

/* A line too long for a table: not a syntax error, but as fatal. */
static int
too_many(const char *what)
{
	dprintf(STDERR_FILENO, "sh: too many %s\n", what);
	return PARSE_ERROR;
}

/* Add c to the word being made; -1 if the text is full. */
static int
text_put(struct lexer *l, int c)
{
	struct parse *ps = l->l_parse;

	if (ps->textlen >= sizeof(ps->text))
		return -1;
	ps->text[ps->textlen++] = c;
	return 0;
}

/*
 * The quoted part of a word that begins at the quote l_line[l_pos]:
 * copied as it is (less any backslash-newline inside "..."), l_pos past
 * its closing quote.  PARSE_MORE if the line ends first.
 */
static int
lex_quoted(struct lexer *l)
{
	const char *s = l->l_line;
	int q = s[l->l_pos], i = l->l_pos + 1;

	if (text_put(l, q) == -1)
		return too_many("characters");
	for (; s[i] != '\0' && s[i] != q; i++) {
		if (q == '"' && s[i] == '\\' && s[i + 1] == '\n') {
			i++;		/* a continuation: both go */
			continue;
		}
		if (q == '"' && s[i] == '\\' && s[i + 1] != '\0')
			if (text_put(l, s[i++]) == -1)
				return too_many("characters");
		if (text_put(l, s[i]) == -1)
			return too_many("characters");
	}
	if (s[i] == '\0')
		return l->l_eof ? syntax("unterminated quote") : PARSE_MORE;
	if (text_put(l, q) == -1)
		return too_many("characters");
	l->l_pos = i + 1;
	return PARSE_OK;
}

/* Can c not be part of an unquoted word? */
static int
word_ends(int c)
{
	return c == '\0' || c == ' ' || c == '\t' || c == '\n' ||
	    strchr("|&;<>", c) != NULL;
}

/* The word at l_pos into token t. */
static int
lex_word(struct lexer *l, struct token *t)
{
	const char *s = l->l_line;
	int c, r;

	t->t_type = T_WORD;
	t->t_word = l->l_parse->text + l->l_parse->textlen;
	while (!word_ends(c = s[l->l_pos])) {
		if (c == '\'' || c == '"') {
			if ((r = lex_quoted(l)) != PARSE_OK)
				return r;
			continue;
		}
		if (c == '\\' && s[l->l_pos + 1] == '\n') {
			l->l_pos += 2;	/* a continuation */
			continue;
		}
		if (c == '\\' && s[l->l_pos + 1] == '\0' && !l->l_eof)
			return PARSE_MORE;	/* the newline it quotes is next */
		if (c == '\\' && s[l->l_pos + 1] != '\0')
			if (text_put(l, s[l->l_pos++]) == -1)
				return too_many("characters");
		if (text_put(l, s[l->l_pos++]) == -1)
			return too_many("characters");
	}
	if (text_put(l, '\0') == -1)
		return too_many("characters");
	return PARSE_OK;
}

/*
 * A redirection operator at l_pos into t.  If the word just before it
 * (with no blank between) is all digits, it is the descriptor: the
 * operator takes that token's place.
 */
static void
lex_redir(struct lexer *l, struct token *t)
{
	const char *s = l->l_line + l->l_pos;
	struct token *prev = l->l_ntoks > 0 ? t - 1 : NULL;
	const char *w;

	t->t_type = T_REDIR;
	if (s[0] == '<') {
		t->t_fd = 0;
		t->t_op = s[1] == '&' ? R_DUP : R_IN;
	} else {
		t->t_fd = 1;
		t->t_op = s[1] == '&' ? R_DUP : s[1] == '>' ? R_APPEND : R_OUT;
	}
	l->l_pos += t->t_op == R_IN || t->t_op == R_OUT ? 1 : 2;
	if (prev == NULL || prev->t_type != T_WORD || prev->t_end != t->t_start)
		return;
	for (w = prev->t_word; isdigit((unsigned char)*w); w++)
		continue;
	if (*w != '\0' || w - prev->t_word != 1)
		return;			/* descriptors 0 to 9, as POSIX asks */
	t->t_fd = prev->t_word[0] - '0';
	t->t_start = prev->t_start;
	*prev = *t;
	l->l_ntoks--;
}

/* The operator at l_pos into t. */
static void
lex_operator(struct lexer *l, struct token *t)
{
	const char *s = l->l_line + l->l_pos;

	if (s[0] == '<' || s[0] == '>') {
		lex_redir(l, t);
		return;
	}
	l->l_pos += s[1] == s[0] && s[0] != ';' && s[0] != '\n' ? 2 : 1;
	if (s[0] == '\n')
		t->t_type = T_NEWLINE;
	else if (s[0] == ';')
		t->t_type = T_SEMI;
	else if (s[0] == '&')
		t->t_type = s[1] == '&' ? T_AND : T_AMP;
	else
		t->t_type = s[1] == '|' ? T_OR : T_PIPE;
}

/* Cut l_line into l_toks[], T_END last. */
static int
lex(struct lexer *l)
{
	const char *s = l->l_line;
	struct token *t;
	int r = PARSE_OK;

	for (;;) {
		while (s[l->l_pos] == ' ' || s[l->l_pos] == '\t')
			l->l_pos++;
		if (s[l->l_pos] == '#')
			while (s[l->l_pos] != '\0' && s[l->l_pos] != '\n')
				l->l_pos++;
		if (l->l_ntoks == MAXTOKENS)
			return too_many("words and operators");
		t = &l->l_toks[l->l_ntoks];
		t->t_start = l->l_pos;
		if (s[l->l_pos] == '\0')
			t->t_type = T_END;
		else if (!word_ends(s[l->l_pos]))
			r = lex_word(l, t);
		else
			lex_operator(l, t);
		if (t->t_type == T_WORD && r != PARSE_OK)
			return r;
		l->l_toks[l->l_ntoks].t_end = l->l_pos;	/* t may have moved */
		l->l_ntoks++;
		if (t->t_type == T_END)
			return PARSE_OK;
	}
}

/* ---- the parser ----------------------------------------------------- */

/* The parser's token. */
static struct token *
tok(struct lexer *l)
{
	return &l->l_toks[l->l_next];
}

static void
skip_newlines(struct lexer *l)
{
	while (tok(l)->t_type == T_NEWLINE)
		l->l_next++;
}

/* The token where a command should be: an error, or wait for more. */
static int
unexpected(struct lexer *l)
{
	static char what[40];
	struct token *t = tok(l);

	if (t->t_type == T_END)
		return l->l_eof ? syntax("unexpected end of file") : PARSE_MORE;
	if (t->t_type == T_NEWLINE)
		return syntax("unexpected newline");
	snprintf(what, sizeof(what), "unexpected '%.*s'",
	    t->t_end - t->t_start, l->l_line + t->t_start);
	return syntax(what);
}

/* A redirection, its operator at the parser's token, into c. */
static int
parse_redir(struct lexer *l, struct command *c)
{
	struct token *t = tok(l);
	struct redir *r;

	if (l->l_toks[l->l_next + 1].t_type != T_WORD) {
		l->l_next++;
		if (tok(l)->t_type == T_END || tok(l)->t_type == T_NEWLINE)
			return syntax("a redirection without a file");
		return unexpected(l);
	}
	if (c->c_nredirs == MAXREDIRS)
		return too_many("redirections");
	r = &c->c_redirs[c->c_nredirs++];
	r->r_fd = t->t_fd;
	r->r_op = t->t_op;
	r->r_word = l->l_toks[l->l_next + 1].t_word;
	l->l_next += 2;
	return PARSE_OK;
}

/* command : (word | redirection)+ */
static int
parse_command(struct lexer *l)
{
	struct parse *ps = l->l_parse;
	struct command *c;
	int r;

	if (ps->ncmds == MAXCMDS)
		return too_many("commands");
	c = &ps->cmds[ps->ncmds++];
	memset(c, 0, sizeof(*c));
	for (;;) {
		if (tok(l)->t_type == T_REDIR) {
			if ((r = parse_redir(l, c)) != PARSE_OK)
				return r;
			continue;
		}
		if (tok(l)->t_type != T_WORD)
			break;
		if (c->c_nwords == MAXWORDS - 1)	/* and a NULL */
			return too_many("words in a command");
		c->c_words[c->c_nwords++] = tok(l)->t_word;
		l->l_next++;
	}
	if (c->c_nwords == 0 && c->c_nredirs == 0)
		return unexpected(l);
	return PARSE_OK;
}

/* pipeline : ['!'] command ('|' newline* command)* */
static int
parse_pipeline(struct lexer *l)
{
	struct parse *ps = l->l_parse;
	struct pipeline *pl;
	int r;

	if (ps->npipes == MAXPIPES)
		return too_many("pipelines");
	pl = &ps->pipes[ps->npipes++];
	memset(pl, 0, sizeof(*pl));
	pl->pl_text = l->l_line + tok(l)->t_start;
	if (tok(l)->t_type == T_WORD && strcmp(tok(l)->t_word, "!") == 0) {
		pl->pl_bang = 1;
		l->l_next++;
	}
	pl->pl_cmds = &ps->cmds[ps->ncmds];
	for (;;) {
		if (pl->pl_ncmds == MAXPIPE)
			return too_many("commands in a pipeline");
		if ((r = parse_command(l)) != PARSE_OK)
			return r;
		pl->pl_ncmds++;
		if (tok(l)->t_type != T_PIPE)
			break;
		l->l_next++;
		skip_newlines(l);
	}
	pl->pl_textlen = l->l_line + l->l_toks[l->l_next - 1].t_end -
	    pl->pl_text;
	return PARSE_OK;
}

/* andor : pipeline (('&&' | '||') newline* pipeline)* */
static int
parse_andor(struct lexer *l)
{
	struct parse *ps = l->l_parse;
	int r, type;

	for (;;) {
		if ((r = parse_pipeline(l)) != PARSE_OK)
			return r;
		type = tok(l)->t_type;
		if (type != T_AND && type != T_OR)
			return PARSE_OK;
		ps->pipes[ps->npipes - 1].pl_next = type == T_AND ? OP_AND :
		    OP_OR;
		l->l_next++;
		skip_newlines(l);
	}
}

/*
 * Parse line into ps.  eof: no line will follow, so that an open quote
 * or a trailing | is an error rather than PARSE_MORE.  Errors are
 * reported here.  ps's words point into its own text, its pipelines'
 * text into line.
 */
int
parse_line(const char *line, int eof, struct parse *ps)
{
	struct lexer *l = &lx;
	int r, type;

	memset(l, 0, sizeof(*l));
	l->l_line = line;
	l->l_eof = eof;
	l->l_parse = ps;
	ps->npipes = ps->ncmds = 0;
	ps->textlen = 0;
	if ((r = lex(l)) != PARSE_OK)
		return r;
	skip_newlines(l);
	while (tok(l)->t_type != T_END) {
		if ((r = parse_andor(l)) != PARSE_OK)
			return r;
		type = tok(l)->t_type;
		if (type == T_AMP)
			ps->pipes[ps->npipes - 1].pl_next = OP_AMP;
		else if (type != T_SEMI && type != T_NEWLINE && type != T_END)
			return unexpected(l);
		if (type != T_END)
			l->l_next++;
		skip_newlines(l);
	}
	return PARSE_OK;
}
