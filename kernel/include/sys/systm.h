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

/* Random numbers (kernel/rnd.c), declared here as OpenBSD does. */
uint32_t arc4random(void);
void	arc4random_buf(void *, size_t);
uint32_t arc4random_uniform(uint32_t);

void	tablefull(const char *);	/* "TAB: table is full" */
void	assertwaitok(void);		/* panics if sleeping is not allowed */

/*
 * The big kernel lock (kern_lock.c).  PORT: one CPU, and the kernel does
 * not preempt itself, so the lock excludes nobody; it is kept, counted
 * per thread, because OpenBSD's code is written around it: mi_switch()
 * gives it up and takes it back, proc_trampoline_mi() takes it for a new
 * thread, and the assertions catch code that holds it where it must not.
 */
void	_kernel_lock_init(void);
void	_kernel_lock(void);
void	_kernel_unlock(void);
int	_kernel_lock_held(void);
int	__mp_release_all(void);
void	__mp_acquire_count(int);
#define KERNEL_LOCK()		_kernel_lock()
#define KERNEL_UNLOCK()		_kernel_unlock()
#define KERNEL_ASSERT_LOCKED()	KASSERT(_kernel_lock_held())
#define KERNEL_ASSERT_UNLOCKED() KASSERT(!_kernel_lock_held())

/*
 * A system call's entry in sysent[] (generated from syscalls.master):
 * how many argument words it takes from the user stack, their size, and
 * the function, which returns 0 or an errno and its results in retval.
 */
struct proc;
struct sysent {
	short	sy_narg;
	short	sy_argsize;
	int	sy_flags;
	int	(*sy_call)(struct proc *, void *, register_t *);
};
#define SY_NOLOCK	0x01	/* runs without the kernel lock */
extern const struct sysent sysent[];
extern const char *const syscallnames[];

extern const char *panicstr;	/* set once the kernel panics */
extern int db_panic_backtrace;

#endif /* _SYS_SYSTM_H_ */
