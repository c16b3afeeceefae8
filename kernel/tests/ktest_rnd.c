/*
 * kernel/tests/ktest_rnd.c: arc4random(9) in the running kernel: a fixed
 * seed gives the same numbers every time (and the numbers the host test
 * and an independent model give, so the i386 build computes ChaCha20 as
 * the host does); arc4random_uniform() stays below its bound and is
 * unbiased by a chi-square test, including over the pid range;
 * arc4random_buf() writes exactly the bytes asked for; interrupt timings
 * change the stream, except after seed=N.
 *
 * Each test saves the kernel's generator first and puts it back at the
 * end (rnd_save/rnd_restore), so a seed=N run's later numbers do not
 * depend on which self-tests ran.  The ChaCha20 vectors of RFC 8439 and
 * the rejection step on chosen words are tested on the host,
 * tests/host/test_rnd.c.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/ktest.h>
#include <lib/libkern/libkern.h>
#include <dev/rndvar.h>
#include <machine/intr.h>

#define CHI2_DF9_P001	27877	/* chi-square, 9 df, 0.001 level, x1000 */
#define DRAWS		10000	/* per chi-square test, 1000 a bucket */
#define PID_MAX		99999	/* as kern_fork.c will have it */
#define STIR_TICKS	70	/* clock interrupts: more than rnd.c's 64 */

/*
 * The chi-square statistic, times 1000, of counts in 10 buckets against
 * 1000 expected in each: sum (O - E)^2 / E with E = 1000.
 */
static u_int
chi2_x1000(const u_int count[10])
{
	u_int sum = 0;
	int i, d;

	for (i = 0; i < 10; i++) {
		d = (int)count[i] - DRAWS / 10;
		sum += d * d;
	}
	return sum;
}

/* Check and print one chi-square result. */
#define CHI2_OK(what, count) do {					\
	u_int _x = chi2_x1000(count);					\
	ktest_diag("%s: chi-square %u.%03u", (what), _x / 1000,	\
	    _x % 1000);							\
	KT_RANGE(_x, 0, CHI2_DF9_P001);				\
} while (0)

/* Spin until n more clock interrupts have come.  => interrupts on. */
static void
wait_ticks(int n)
{
	int t0 = ticks;

	while (ticks - t0 < n)
		continue;
}

/*
 * seed=42 and seed=0 give the words the host test and the independent
 * model give (the first four, and the 200th, after the first refill).
 */
KTEST(rnd_seed_known_answer)
{
	static const uint32_t want42[4] = {
		0xbca266c1, 0x3e89ef7a, 0x555da942, 0xafe5668a,
	};
	static const uint32_t want0[4] = {
		0xcf15f93a, 0xb2487ce3, 0xe9ba65ce, 0xf2bcb946,
	};
	int i;

	rnd_save();
	rnd_seed(42, 0);
	for (i = 0; i < 4; i++)
		KT_EQ(arc4random(), want42[i]);
	for (i = 4; i < 199; i++)
		(void)arc4random();
	KT_EQ(arc4random(), 0x871579b3);
	rnd_seed(0, 0);
	for (i = 0; i < 4; i++)
		KT_EQ(arc4random(), want0[i]);
	for (i = 4; i < 199; i++)
		(void)arc4random();
	KT_EQ(arc4random(), 0x567a438f);
	rnd_restore();
}

/*
 * Reseeding with the same number twice gives the same 256 words, with
 * the clock interrupting all along; another number gives others.
 */
KTEST(rnd_seed_reproducible)
{
	static uint32_t a[256], b[256];
	int i, same = 0;

	rnd_save();
	rnd_seed(1234, 0);
	for (i = 0; i < 256; i++)
		a[i] = arc4random();
	wait_ticks(2);
	rnd_seed(1234, 0);
	for (i = 0; i < 256; i++) {
		b[i] = arc4random();
		if (i == 128)
			wait_ticks(STIR_TICKS);
	}
	KT_ASSERT(memcmp(a, b, sizeof(a)) == 0);
	rnd_seed(1235, 0);
	for (i = 0; i < 256; i++)
		same += arc4random() == a[i];
	KT_EQ(same, 0);
	rnd_restore();
	ktest_diag("the kernel's generator is %s",
	    rnd_reproducible() ? "seeded from seed=N, reproducible" :
	    "seeded from boot entropy, stirred by interrupts");
}

/* arc4random_uniform(n) < n for many n; 0 for n < 2. */
KTEST(rnd_uniform_bounds)
{
	static const uint32_t bounds[] = {
		2, 3, 7, 10, 1000, PID_MAX - 1, 0x7fffffff, 0x80000000,
		0x80000001, 0xc0000000, 0xfffffffe, 0xffffffff,
	};
	uint32_t n, r, bits;
	u_int i;
	int k, j;

	rnd_save();
	rnd_seed(77, 0);
	for (j = 0; j < 100; j++) {
		KT_EQ(arc4random_uniform(0), 0);
		KT_EQ(arc4random_uniform(1), 0);
	}
	for (i = 0; i < nitems(bounds); i++)
		for (j = 0; j < 1000; j++) {
			r = arc4random_uniform(bounds[i]);
			if (r >= bounds[i])
				KT_FAIL("arc4random_uniform(%u) == %u",
				    bounds[i], r);
		}
	for (k = 1; k < 32; k++) {
		n = 1U << k;
		bits = 0;
		for (j = 0; j < 200; j++) {
			r = arc4random_uniform(n);
			KT_ASSERT(r < n);
			bits |= r;
		}
		KT_EQ(bits, n - 1);	/* every bit below n turns up */
	}
	rnd_restore();
}

/*
 * 10,000 draws in 10 buckets pass a chi-square test against uniform at
 * the 0.001 level (27.88 with 9 degrees of freedom): 0..9 directly; pids
 * as allocpid() draws them, 2 + arc4random_uniform(PID_MAX - 1), over
 * [2, 99999] cut in tenths; and [0, 0xc0000000), where plain modulo
 * would make the lowest third twice as likely: the same test must catch
 * that in arc4random() % 0xc0000000.  Fixed seeds: never flaky.
 */
KTEST(rnd_uniform_chi_square)
{
	static u_int c10[10], cpid[10], cbig[10], cmod[10];
	uint32_t r;
	u_int seed;
	int i;

	rnd_save();
	for (seed = 1; seed <= 3; seed++) {
		rnd_seed(seed, 0);
		memset(c10, 0, sizeof(c10));
		memset(cpid, 0, sizeof(cpid));
		memset(cbig, 0, sizeof(cbig));
		memset(cmod, 0, sizeof(cmod));
		for (i = 0; i < DRAWS; i++) {
			c10[arc4random_uniform(10)]++;
			r = 2 + arc4random_uniform(PID_MAX - 1);
			KT_RANGE(r, 2, PID_MAX);
			cpid[(uint64_t)(r - 2) * 10 / (PID_MAX - 1)]++;
			r = arc4random_uniform(0xc0000000);
			cbig[(uint64_t)r * 10 / 0xc0000000]++;
			r = arc4random() % 0xc0000000;
			cmod[(uint64_t)r * 10 / 0xc0000000]++;
		}
		CHI2_OK("uniform(10)", c10);
		CHI2_OK("pids 2..99999", cpid);
		CHI2_OK("uniform(0xc0000000)", cbig);
		KT_ASSERT(chi2_x1000(cmod) > CHI2_DF9_P001);
	}
	ktest_diag("plain modulo, the last seed: chi-square %u",
	    chi2_x1000(cmod) / 1000);
	rnd_restore();
}

/*
 * Every odd length from 1 to 1025 bytes: exactly those bytes are written
 * (guards on both sides stay), and the pieces read one after another
 * are the stream one long read gives.
 */
KTEST(rnd_buf_odd_lengths)
{
	enum { GUARD = 16, MAXLEN = 1025 };
	static uint8_t buf[GUARD + MAXLEN + GUARD], whole[4096];
	u_int n, off, i, changed;

	rnd_save();
	rnd_seed(99, 0);
	for (n = 1; n <= MAXLEN; n += 2) {
		memset(buf, 0xa5, sizeof(buf));
		arc4random_buf(buf + GUARD, n);
		for (i = 0; i < GUARD; i++) {
			KT_EQ(buf[i], 0xa5);
			KT_EQ(buf[GUARD + n + i], 0xa5);
		}
		for (changed = 0, i = 0; i < n; i++)
			changed += buf[GUARD + i] != 0xa5;
		if (n >= 8)
			KT_ASSERT(changed > 0);
	}
	/* The same again, compared with one read of the first 4096 bytes. */
	rnd_seed(99, 0);
	arc4random_buf(whole, sizeof(whole));
	rnd_seed(99, 0);
	for (off = 0, n = 1; off < sizeof(whole); off += n, n += 2) {
		if (n > sizeof(whole) - off)
			n = sizeof(whole) - off;
		arc4random_buf(buf, n);
		KT_ASSERT(memcmp(buf, whole + off, n) == 0);
	}
	rnd_restore();
}

/*
 * Stirred, a sample changes what comes out after the pool is folded in;
 * after seed=N it changes nothing.  Interrupts are held off (splhigh),
 * so that only the test's samples reach the pool.
 */
KTEST(rnd_enqueue_changes_output)
{
	uint32_t a[8], b[8], c[8];
	int s, i;

	rnd_save();
	s = splhigh();
	rnd_seed(5, 1);
	rnd_stir();
	for (i = 0; i < 8; i++)
		a[i] = arc4random();
	rnd_seed(5, 1);
	enqueue_randomness(0x1234);
	rnd_stir();
	for (i = 0; i < 8; i++)
		b[i] = arc4random();
	rnd_seed(5, 0);
	enqueue_randomness(0x1234);
	rnd_stir();
	for (i = 0; i < 8; i++)
		c[i] = arc4random();
	splx(s);
	KT_ASSERT(memcmp(a, b, sizeof(a)) != 0);
	KT_ASSERT(memcmp(a, c, sizeof(a)) == 0);
	rnd_restore();
}

/*
 * The wiring in intr_dispatch(): with interrupts on, the clock's own
 * timing samples fill the pool, and after STIR_TICKS ticks the stream
 * differs from the one under splhigh.
 */
KTEST(rnd_interrupts_stir)
{
	uint32_t a[8], b[8];
	int s, i;

	rnd_save();
	s = splhigh();
	rnd_seed(6, 1);
	for (i = 0; i < 8; i++)
		a[i] = arc4random();
	splx(s);
	rnd_seed(6, 1);
	wait_ticks(STIR_TICKS);
	for (i = 0; i < 8; i++)
		b[i] = arc4random();
	KT_ASSERT(memcmp(a, b, sizeof(a)) != 0);
	rnd_restore();
}
