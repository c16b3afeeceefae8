/*
 * assert.h: assert(e) prints the file, line, function and expression,
 * then abort()s; with NDEBUG it is nothing.  Included again it follows
 * NDEBUG anew, as the standard asks.
 */
#undef assert

#ifdef NDEBUG
#define assert(e)	((void)0)
#else
#define assert(e)	((e) ? (void)0 : \
	    __assert2(__FILE__, __LINE__, __func__, #e))
#endif

#ifndef _ASSERT_H_
#define _ASSERT_H_
__attribute__((__noreturn__)) void __assert2(const char *, int,
    const char *, const char *);
#endif
