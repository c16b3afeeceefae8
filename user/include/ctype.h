/* ctype.h: ASCII character classes (user/lib/ctype.c); "C" locale only. */
#ifndef _CTYPE_H_
#define _CTYPE_H_

int	isalpha(int);
int	isdigit(int);
int	isalnum(int);
int	isspace(int);
int	isupper(int);
int	islower(int);
int	isxdigit(int);
int	isprint(int);
int	ispunct(int);
int	iscntrl(int);
int	isgraph(int);
int	isblank(int);
int	toupper(int);
int	tolower(int);

#endif /* _CTYPE_H_ */
