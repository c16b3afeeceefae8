/*
 * tests/host/kern_stubs.h: the kernel functions the host tests stub, and
 * the machinery for tests that expect a panic.
 *
 * Every test that builds kernel/subr_prf.c in needs the same few things
 * from the rest of the kernel: a console (cnputc), a backtrace
 * (db_stack_dump), ktest_running(), and a boot() for panic() to end in.
 * Here boot() jumps back into a test that expects the panic (CATCH_PANIC,
 * EXPECT_PANIC) and fails any other test.  On request it also provides
 * splraise()/splx() over a fake cpl and uvm_km_alloc()/uvm_km_free() over
 * the C library's allocator.
 *
 * Why a header of definitions, not a .c file: each test binary is one
 * translation unit (a unity build, see host_shim.h), so each binary
 * defines these once, and the stubs can use the kernel's static names and
 * the renames host_shim.h made.  Include it after cmocka, host_shim.h and
 * the kernel .c files it serves, and only in tests that need it.
 *
 * Switches, #defined before the #include:
 *
 *   KERN_STUBS_CONSOLE	cnputc() records the text in cons[] (ncons
 *			characters, NUL-terminated; cons_reset() empties
 *			it); without it the console discards everything.
 *   KERN_STUBS_BACKTRACE	a string: db_stack_dump() prints it on the
 *			console (e.g. "<backtrace>\n"); without it nothing.
 *   KERN_STUBS_SPL	volatile int cpl, with splraise() and splx(); the
 *			highest level splraise() was asked for is in spl_max.
 *			EXPECT_PANIC puts cpl back at IPL_NONE.
 *   KERN_STUBS_UVM_KM	uvm_km_alloc()/uvm_km_free() over aligned_alloc()
 *			(implies KERN_STUBS_SPL).  The test defines
 *			libc_aligned_alloc and libc_free before its
 *			#define free kern_free.  Pages out are counted in
 *			km_pages; allocations fail when km_fail is set, or
 *			from the km_fail_at'th successful call on (counted
 *			in km_allocs); km_cpl is the cpl of the last call.
 *   KERN_STUBS_KM_ONE_PAGE	with KERN_STUBS_UVM_KM: every request must
 *			be exactly one page (pools); otherwise any whole
 *			number of pages, each free of the size allocated.
 *
 * Always there: panicstr's partners panic_armed and panic_env (for
 * boot()), boot_howto (the last boot() argument, -1 before any), in_ktest
 * (what ktest_running() returns) and stubs_reset(), which puts all of the
 * above back as at the start (a test's setup calls it).
 */
#ifndef _KERN_STUBS_H_
#define _KERN_STUBS_H_

#if defined(KERN_STUBS_UVM_KM) && !defined(KERN_STUBS_SPL)
#define KERN_STUBS_SPL
#endif

/* ---- the console -------------------------------------------------------- */

#ifdef KERN_STUBS_CONSOLE
static char cons[4096];		/* what printf() sent to the console */
static size_t ncons;

/* Record every character, NUL-terminated. */
void
cnputc(int c)
{
	if (ncons + 1 < sizeof(cons)) {
		cons[ncons++] = c;
		cons[ncons] = '\0';
	}
}

static void
cons_reset(void)
{
	ncons = 0;
	cons[0] = '\0';
}
#else
void
cnputc(int c)
{
	(void)c;
}
#endif

void
db_stack_dump(void)
{
#ifdef KERN_STUBS_BACKTRACE
	const char *s = KERN_STUBS_BACKTRACE;

	while (*s != '\0')
		cnputc(*s++);
#endif
}

static int in_ktest;		/* what ktest_running() says */

int
ktest_running(void)
{
	return in_ktest;
}

/* ---- spl ---------------------------------------------------------------- */

#ifdef KERN_STUBS_SPL
volatile int cpl;
static int spl_max;		/* the highest level asked for */

int
splraise(int level)
{
	int old = cpl;

	if (level > spl_max)
		spl_max = level;
	if (level > cpl)
		cpl = level;
	return old;
}

void
splx(int s)
{
	cpl = s;
}

#define KERN_STUBS_SPL_RESET()	(cpl = IPL_NONE)
#else
#define KERN_STUBS_SPL_RESET()	((void)0)
#endif

/* ---- panic -------------------------------------------------------------- */

static sigjmp_buf panic_env;	/* where boot() returns to after a panic */
static int panic_armed;		/* a test expects a panic */
static int boot_howto = -1;	/* what boot() was last given */

/* The end of panic(): back to CATCH_PANIC, or fail the test. */
void
boot(int howto)
{
	boot_howto = howto;
	if (!panic_armed)
		fail_msg("unexpected panic: %s", panicstr);
	siglongjmp(panic_env, 1);
}

/*
 * Run stmt, which must panic; the test goes on after the macro, with
 * panicstr, cons and boot_howto as the panic left them.  If stmt returns,
 * the test fails with "no <what> from <stmt>".
 */
#define CATCH_PANIC(stmt, what) do {					\
	panic_armed = 1;						\
	if (sigsetjmp(panic_env, 0) == 0) {				\
		stmt;							\
		panic_armed = 0;					\
		fail_msg("no %s from %s", (what), #stmt);		\
	}								\
	panic_armed = 0;						\
} while (0)

/*
 * Run stmt, which must panic with the message formatted from the rest
 * (by the kernel's own snprintf, so %p prints as panic() prints it).
 * Afterwards panicstr is NULL again and, with KERN_STUBS_SPL, the level
 * is back at IPL_NONE.
 */
#define EXPECT_PANIC(stmt, ...) do {					\
	char _want[256];						\
									\
	snprintf(_want, sizeof(_want), __VA_ARGS__);			\
	CATCH_PANIC(stmt, "panic");					\
	assert_non_null(panicstr);					\
	assert_string_equal(panicstr, _want);				\
	panicstr = NULL;						\
	KERN_STUBS_SPL_RESET();						\
} while (0)

/* ---- uvm_km ------------------------------------------------------------- */

#ifdef KERN_STUBS_UVM_KM
#define KM_MAX	4096

static struct {
	void	*p;
	size_t	size;
} km_blocks[KM_MAX];
static long km_pages;		/* pages out */
static long km_allocs;		/* successful uvm_km_alloc() calls */
static long km_fail_at = -1;	/* that call fails (and all after it) */
static int km_fail;		/* uvm_km_alloc() returns 0 */
static int km_cpl;		/* cpl at the last uvm_km call */

vaddr_t
uvm_km_alloc(vsize_t size, int flags)
{
	void *p;
	int i;

	km_cpl = cpl;
#ifdef KERN_STUBS_KM_ONE_PAGE
	assert_int_equal(size, PAGE_SIZE);	/* pools take single pages */
#else
	assert_true(size > 0 && (size & PAGE_MASK) == 0);
#endif
	if (km_fail || (km_fail_at >= 0 && km_allocs >= km_fail_at))
		return 0;
	for (i = 0; i < KM_MAX && km_blocks[i].p != NULL; i++)
		continue;
	assert_true(i < KM_MAX);
	p = libc_aligned_alloc(PAGE_SIZE, size);
	assert_non_null(p);
	/* Not zeroed unless asked: the allocator must not count on it. */
	memset(p, (flags & UVM_KMF_ZERO) ? 0 : 0xa5, size);
	km_blocks[i].p = p;
	km_blocks[i].size = size;
	km_pages += size / PAGE_SIZE;
	km_allocs++;
	return (vaddr_t)p;
}

void
uvm_km_free(vaddr_t va, vsize_t size)
{
	int i;

	km_cpl = cpl;
#ifdef KERN_STUBS_KM_ONE_PAGE
	assert_int_equal(size, PAGE_SIZE);
#endif
	for (i = 0; i < KM_MAX && km_blocks[i].p != (void *)va; i++)
		continue;
	assert_true(i < KM_MAX);		/* it came from uvm_km_alloc */
	assert_int_equal(km_blocks[i].size, size);
	libc_free(km_blocks[i].p);
	km_blocks[i].p = NULL;
	km_pages -= size / PAGE_SIZE;
}
#endif /* KERN_STUBS_UVM_KM */

/* ---- all of it ---------------------------------------------------------- */

/*
 * Before a test: no panic, nothing printed, not in a self-test run; the
 * level at IPL_NONE and uvm_km not failing.  Pages still out are the
 * test's to check (km_pages).
 */
static void __unused
stubs_reset(void)
{
	panicstr = NULL;
	panic_armed = 0;
	boot_howto = -1;
	in_ktest = 0;
#ifdef KERN_STUBS_CONSOLE
	cons_reset();
#endif
#ifdef KERN_STUBS_SPL
	cpl = IPL_NONE;
	spl_max = IPL_NONE;
#endif
#ifdef KERN_STUBS_UVM_KM
	km_fail = 0;
	km_fail_at = -1;
	km_allocs = 0;
#endif
}

#endif /* _KERN_STUBS_H_ */
