/*
 * sys/ktest.h: the kernel's self-tests.
 *
 * With "test" on the boot command line, main() runs every test defined
 * with KTEST() and prints TAP on the consoles:
 *
 *	1..N
 *	ok 1 - printf_formats
 *	not ok 2 - pit_rate_vs_rtc # ktest_clock.c:51: n == 191,
 *	    expected 196..204
 *
 * then powers off with a status the harness reads.  A test fails through
 * KT_ASSERT / KT_EQ / ktest_fail(), which end the test at once; it may
 * print TAP comments with ktest_diag().  ktest_catch() lets a test provoke
 * a trap (a divide error, a page fault, a double fault) and look at how
 * the trap code saw it.  subr_ktest.c runs them; docs/testing.md tells how
 * to add one.
 */
#ifndef _SYS_KTEST_H_
#define _SYS_KTEST_H_

#include <sys/types.h>
#include <machine/types.h>

/* Power-off status of a test run; QEMU exits with (v << 1) | 1. */
#define KTEST_EXIT_PASS	0x10	/* QEMU exit code 33 */
#define KTEST_EXIT_FAIL	0x11	/* 35: a test failed, or the kernel panicked */

struct ktest {
	const char *kt_name;
	void	(*kt_func)(void);
};

#define KTEST(name)							\
	static void ktest_##name(void);					\
	static const struct ktest ktest_desc_##name			\
	    __section(".ktest." #name) __used =				\
	    { #name, ktest_##name };					\
	static void ktest_##name(void)

/*
 * Benchmarks: with "bench" on the command line, main() runs every
 * KBENCH() and each prints "bench NAME VALUE" lines (kbench_report), the
 * values in guest instructions when QEMU runs with -icount shift=0
 * ("make bench").
 */
#define KBENCH(name)							\
	static void kbench_##name(void);				\
	static const struct ktest kbench_desc_##name			\
	    __section(".kbench." #name) __used =			\
	    { #name, kbench_##name };					\
	static void kbench_##name(void)

void	kbench_run_all(void);
void	kbench_boot_to_shell(void) __dead;
void	kbench_report(const char *name, uint64_t value);
uint64_t kbench_now(void);
uint64_t kbench_median(uint64_t *, int);

__dead void ktest_fail(const char *file, int line, const char *fmt, ...)
	    __printflike(3, 4);
void	ktest_diag(const char *fmt, ...) __printflike(1, 2);
__dead void ktest_skip(const char *why);
int	ktest_running(void);
void	ktest_run_all(const char *filter);
void	ktest_crash(const char *kind);

#define KT_FAIL(...)	ktest_fail(__FILE__, __LINE__, __VA_ARGS__)
#define KT_ASSERT(e)	((e) ? (void)0 : KT_FAIL("%s", #e))
#define KT_EQ(a, b) do {						\
	long long _a = (a), _b = (b);					\
	if (_a != _b)							\
		KT_FAIL("%s == %lld, expected %s == %lld",		\
		    #a, _a, #b, _b);					\
} while (0)
#define KT_RANGE(v, lo, hi) do {					\
	long long _v = (v), _lo = (lo), _hi = (hi);			\
	if (_v < _lo || _v > _hi)					\
		KT_FAIL("%s == %lld, expected %lld..%lld",		\
		    #v, _v, _lo, _hi);					\
} while (0)
#define KT_STREQ(a, b) do {						\
	const char *_a = (a), *_b = (b);				\
	if (strcmp(_a, _b) != 0)					\
		KT_FAIL("%s == \"%s\", expected \"%s\"", #a, _a, _b);	\
} while (0)

/*
 * What a caught trap looked like.  The trap code fills it and resumes at
 * the ktest_catch() that armed it, which then returns 1.
 */
struct ktest_trap {
	label_t	kt_label;
	u_int	kt_eflags;		/* restored after the catch */
	int	kt_trapno;
	int	kt_err;
	vaddr_t	kt_eip;
	vaddr_t	kt_cr2;
	char	kt_report[160];		/* trap_describe()'s sentence */
};

int	setjmp(label_t *) __attribute__((__returns_twice__));
__dead void longjmp(label_t *);

void	ktest_catch_arm(struct ktest_trap *);
struct ktest_trap *ktest_catch_take(void);

/* 0 when armed; 1 when the trap came back here. */
#define ktest_catch(t)	(ktest_catch_arm(t), setjmp(&(t)->kt_label))

#endif /* _SYS_KTEST_H_ */
