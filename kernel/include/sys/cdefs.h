/* sys/cdefs.h: compiler helpers, with OpenBSD's names. */
#ifndef _SYS_CDEFS_H_
#define _SYS_CDEFS_H_

#define __packed		__attribute__((__packed__))
#define __aligned(x)		__attribute__((__aligned__(x)))
#define __dead			__attribute__((__noreturn__))
#define __unused		__attribute__((__unused__))
#define __used			__attribute__((__used__))
#define __section(s)		__attribute__((__section__(s)))
#define __printflike(f, a)	__attribute__((__format__(__printf__, f, a)))
#define __scanflike(f, a)	__attribute__((__format__(__scanf__, f, a)))
#define __predict_true(e)	__builtin_expect(((e) != 0), 1)
#define __predict_false(e)	__builtin_expect(((e) != 0), 0)
#define __STRING(x)		#x

#define nitems(a)		(sizeof(a) / sizeof((a)[0]))

#endif /* _SYS_CDEFS_H_ */
