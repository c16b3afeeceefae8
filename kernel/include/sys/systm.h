/*
 * sys/systm.h: what nearly every kernel file needs: printf and friends,
 * panic and the assertions, and the boot-time globals.
 */
#ifndef _SYS_SYSTM_H_
#define _SYS_SYSTM_H_

#include <sys/types.h>
#include <stdarg.h>

/* Output to every console (kern_cons.c). */
int	printf(const char *, ...) __printflike(1, 2);
int	vprintf(const char *, va_list);
int	snprintf(char *, size_t, const char *, ...) __printflike(3, 4);
int	vsnprintf(char *, size_t, const char *, va_list);

/*
 * The formatting engine under all of the above: calls put(c, arg) for each
 * character and returns how many it produced.
 */
int	kprintf(void (*put)(int, void *), void *arg, const char *, va_list);

/* Copying to and from user space (kernel/arch/i386/copy.asm). */
int	copyin(const void *uaddr, void *kaddr, size_t len);
int	copyout(const void *kaddr, void *uaddr, size_t len);
int	copyinstr(const void *uaddr, void *kaddr, size_t len, size_t *done);

__dead void panic(const char *, ...) __printflike(1, 2);
__dead void __assert(const char *, const char *, int, const char *);

#define KASSERT(e)	((e) ? (void)0 : \
			    __assert("diagnostic ", __FILE__, __LINE__, #e))
#ifdef DEBUG
#define KDASSERT(e)	((e) ? (void)0 : \
			    __assert("debugging ", __FILE__, __LINE__, #e))
#else
#define KDASSERT(e)	((void)0)
#endif
#define CTASSERT(e)	_Static_assert(e, #e)

extern const char *panicstr;	/* set once the kernel panics */
extern int db_panic_backtrace;

#endif /* _SYS_SYSTM_H_ */
