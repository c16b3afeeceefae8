/* err.h: error messages in the program's name (user/lib/err.c). */
#ifndef _ERR_H_
#define _ERR_H_

#include <sys/cdefs.h>
#include <stdarg.h>

__dead void err(int, const char *, ...) __printflike(2, 3);
__dead void errx(int, const char *, ...) __printflike(2, 3);
__dead void verr(int, const char *, va_list);
__dead void verrx(int, const char *, va_list);
void	warn(const char *, ...) __printflike(1, 2);
void	warnx(const char *, ...) __printflike(1, 2);
void	vwarn(const char *, va_list);
void	vwarnx(const char *, va_list);

#endif /* _ERR_H_ */
