/*
 * tests/host/test_rnd.c: host tests for kernel/rnd.c, arc4random(9).
 *
 * The ChaCha20 block function against RFC 8439's vectors (2.3.2, the
 * keystream under 2.4.2's encryption, A.1); the generator's stream for a
 * fixed seed against values from an independent model (the same
 * construction written in Python over pyca/cryptography's ChaCha20, run
 * once when this test was written), which ktest_rnd.c checks on the
 * i386 build too; reading in odd pieces gives the same stream as reading
 * it whole, and what was read is wiped; arc4random_uniform()'s bounds,
 * and its rejection step driven by words the test places in the buffer
 * (adversarial values just below and at the rejection threshold); a
 * chi-square check; the pool folding in only at the stir threshold and
 * never after seed=N; random_start()'s boot seeding over stubbed
 * cpu_counter(), delay() and multiboot information.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "host_shim.h"

/* glibc 2.36 has an arc4random family of its own in <stdlib.h>. */
#define arc4random		kern_arc4random
#define arc4random_buf		kern_arc4random_buf
#define arc4random_uniform	kern_arc4random_uniform

#include "../../kernel/subr_prf.c"
#include "../../kernel/rnd.c"

#define KERN_STUBS_CONSOLE
#define KERN_STUBS_SPL
#include "kern_stubs.h"

/* ---- stubs for what random_start() reads -------------------------------- */

uint8_t mb2_copy[MB2_COPY_MAX];
uint32_t mb2_copied;
static uint64_t counter_now;	/* cpu_counter() adds 1000 and returns it */
static int counter_stopped;	/* a 486 before the clock: stands still */
static int counter_calls, delay_calls;

uint64_t
cpu_counter(void)
{
	counter_calls++;
	if (!counter_stopped)
		counter_now += 1000;
	return counter_now;
}

void
delay(int usec)
{
	delay_calls++;
	if (!counter_stopped)
		counter_now += usec * 3;	/* a 3 MHz "TSC" */
}

static int
setup(void **state)
{
	(void)state;
	stubs_reset();
	counter_now = 0;
	counter_stopped = 0;
	counter_calls = delay_calls = 0;
	memset(mb2_copy, 0, sizeof(mb2_copy));
	mb2_copied = 0;
	return 0;
}

/* ---- helpers ------------------------------------------------------------ */

static const uint8_t key_0_31[32] = {
	0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,
	0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f,
	0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17,
	0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f,
};

/* chacha20_block() with the key and nonce as RFC 8439 writes them: bytes. */
static void
block_bytes(const uint8_t key[32], uint32_t counter, const uint8_t nonce[12],
    uint8_t out[64])
{
	uint32_t k[8], n[3];
	int i;

	for (i = 0; i < 8; i++)
		k[i] = le32dec(key + 4 * i);
	for (i = 0; i < 3; i++)
		n[i] = le32dec(nonce + 4 * i);
	chacha20_block(k, counter, n, out);
}

/* Make the next n arc4random() calls return w[0], ..., w[n-1]. */
static void
feed(const uint32_t *w, size_t n)
{
	assert_true(4 * n <= RND_BUFSZ - RND_KNSZ);
	rs.rs_have = 4 * n;
	memcpy(rs.rs_buf + RND_BUFSZ - rs.rs_have, w, 4 * n);
}

/* Words fed but not yet drawn. */
static size_t
fed_left(void)
{
	return rs.rs_have / 4;
}

/* 2^32 mod n, the long way. */
static uint32_t
mod_2_32(uint32_t n)
{
	return (uint32_t)((1ULL << 32) % n);
}

/* ---- ChaCha20 (RFC 8439) ------------------------------------------------ */

/* Section 2.3.2: the block function's test vector. */
static void
test_chacha20_block_2_3_2(void **state)
{
	static const uint8_t nonce[12] = {
		0x00, 0x00, 0x00, 0x09, 0x00, 0x00, 0x00, 0x4a,
		0x00, 0x00, 0x00, 0x00,
	};
	static const uint8_t want[64] = {
		0x10, 0xf1, 0xe7, 0xe4, 0xd1, 0x3b, 0x59, 0x15,
		0x50, 0x0f, 0xdd, 0x1f, 0xa3, 0x20, 0x71, 0xc4,
		0xc7, 0xd1, 0xf4, 0xc7, 0x33, 0xc0, 0x68, 0x03,
		0x04, 0x22, 0xaa, 0x9a, 0xc3, 0xd4, 0x6c, 0x4e,
		0xd2, 0x82, 0x64, 0x46, 0x07, 0x9f, 0xaa, 0x09,
		0x14, 0xc2, 0xd7, 0x05, 0xd9, 0x8b, 0x02, 0xa2,
		0xb5, 0x12, 0x9c, 0xd1, 0xde, 0x16, 0x4e, 0xb9,
		0xcb, 0xd0, 0x83, 0xe8, 0xa2, 0x50, 0x3c, 0x4e,
	};
	uint8_t out[64];

	(void)state;
	block_bytes(key_0_31, 1, nonce, out);
	assert_memory_equal(out, want, sizeof(want));
}

/*
 * Section 2.4.2: the sunscreen plaintext encrypted from block counter 1;
 * plaintext XOR ciphertext is the keystream of blocks 1 and 2.
 */
static void
test_chacha20_encrypt_2_4_2(void **state)
{
	static const uint8_t nonce[12] = {
		0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x4a,
		0x00, 0x00, 0x00, 0x00,
	};
	static const char plain[] = "Ladies and Gentlemen of the class of "
	    "'99: If I could offer you only one tip for the future, "
	    "sunscreen would be it.";
	static const uint8_t cipher[114] = {
		0x6e, 0x2e, 0x35, 0x9a, 0x25, 0x68, 0xf9, 0x80,
		0x41, 0xba, 0x07, 0x28, 0xdd, 0x0d, 0x69, 0x81,
		0xe9, 0x7e, 0x7a, 0xec, 0x1d, 0x43, 0x60, 0xc2,
		0x0a, 0x27, 0xaf, 0xcc, 0xfd, 0x9f, 0xae, 0x0b,
		0xf9, 0x1b, 0x65, 0xc5, 0x52, 0x47, 0x33, 0xab,
		0x8f, 0x59, 0x3d, 0xab, 0xcd, 0x62, 0xb3, 0x57,
		0x16, 0x39, 0xd6, 0x24, 0xe6, 0x51, 0x52, 0xab,
		0x8f, 0x53, 0x0c, 0x35, 0x9f, 0x08, 0x61, 0xd8,
		0x07, 0xca, 0x0d, 0xbf, 0x50, 0x0d, 0x6a, 0x61,
		0x56, 0xa3, 0x8e, 0x08, 0x8a, 0x22, 0xb6, 0x5e,
		0x52, 0xbc, 0x51, 0x4d, 0x16, 0xcc, 0xf8, 0x06,
		0x81, 0x8c, 0xe9, 0x1a, 0xb7, 0x79, 0x37, 0x36,
		0x5a, 0xf9, 0x0b, 0xbf, 0x74, 0xa3, 0x5b, 0xe6,
		0xb4, 0x0b, 0x8e, 0xed, 0xf2, 0x78, 0x5e, 0x42,
		0x87, 0x4d,
	};
	uint8_t ks[128], out[114];
	size_t i;

	(void)state;
	assert_int_equal(strlen(plain), sizeof(cipher));
	block_bytes(key_0_31, 1, nonce, ks);
	block_bytes(key_0_31, 2, nonce, ks + 64);
	for (i = 0; i < sizeof(out); i++)
		out[i] = plain[i] ^ ks[i];
	assert_memory_equal(out, cipher, sizeof(cipher));
}

/* Appendix A.1, vectors 1 and 2: the zero key and nonce, counters 0, 1. */
static void
test_chacha20_block_a1(void **state)
{
	static const uint8_t zero[32];
	static const uint8_t want0[64] = {
		0x76, 0xb8, 0xe0, 0xad, 0xa0, 0xf1, 0x3d, 0x90,
		0x40, 0x5d, 0x6a, 0xe5, 0x53, 0x86, 0xbd, 0x28,
		0xbd, 0xd2, 0x19, 0xb8, 0xa0, 0x8d, 0xed, 0x1a,
		0xa8, 0x36, 0xef, 0xcc, 0x8b, 0x77, 0x0d, 0xc7,
		0xda, 0x41, 0x59, 0x7c, 0x51, 0x57, 0x48, 0x8d,
		0x77, 0x24, 0xe0, 0x3f, 0xb8, 0xd8, 0x4a, 0x37,
		0x6a, 0x43, 0xb8, 0xf4, 0x15, 0x18, 0xa1, 0x1c,
		0xc3, 0x87, 0xb6, 0x69, 0xb2, 0xee, 0x65, 0x86,
	};
	static const uint8_t want1[64] = {
		0x9f, 0x07, 0xe7, 0xbe, 0x55, 0x51, 0x38, 0x7a,
		0x98, 0xba, 0x97, 0x7c, 0x73, 0x2d, 0x08, 0x0d,
		0xcb, 0x0f, 0x29, 0xa0, 0x48, 0xe3, 0x65, 0x69,
		0x12, 0xc6, 0x53, 0x3e, 0x32, 0xee, 0x7a, 0xed,
		0x29, 0xb7, 0x21, 0x76, 0x9c, 0xe6, 0x4e, 0x43,
		0xd5, 0x71, 0x33, 0xb0, 0x74, 0xd8, 0x39, 0xd5,
		0x31, 0xed, 0x1f, 0x28, 0x51, 0x0a, 0xfb, 0x45,
		0xac, 0xe1, 0x0a, 0x1f, 0x4b, 0x79, 0x4d, 0x6f,
	};
	uint8_t out[64];

	(void)state;
	block_bytes(zero, 0, zero, out);
	assert_memory_equal(out, want0, sizeof(out));
	block_bytes(zero, 1, zero, out);
	assert_memory_equal(out, want1, sizeof(out));
}

/* ---- the generator ------------------------------------------------------ */

/*
 * seed=42 and seed=0: the first words, and word 200 (after a refill),
 * as the independent model computed them.  ktest_rnd.c has the same.
 */
static void
test_seed_known_answer(void **state)
{
	static const uint32_t want42[4] = {
		0xbca266c1, 0x3e89ef7a, 0x555da942, 0xafe5668a,
	};
	static const uint32_t want0[4] = {
		0xcf15f93a, 0xb2487ce3, 0xe9ba65ce, 0xf2bcb946,
	};
	int i;

	(void)state;
	rnd_seed(42, 0);
	for (i = 0; i < 4; i++)
		assert_int_equal(arc4random(), want42[i]);
	for (i = 4; i < 199; i++)
		(void)arc4random();
	assert_int_equal(arc4random(), 0x871579b3);
	rnd_seed(0, 0);
	for (i = 0; i < 4; i++)
		assert_int_equal(arc4random(), want0[i]);
	for (i = 4; i < 199; i++)
		(void)arc4random();
	assert_int_equal(arc4random(), 0x567a438f);
}

/* The same seed gives the same stream, through either entry point. */
static void
test_seed_reproducible(void **state)
{
	static uint8_t a[3000], b[3000];

	(void)state;
	rnd_seed(7, 0);
	arc4random_buf(a, sizeof(a));
	rnd_seed(7, 0);
	arc4random_buf(b, sizeof(b));
	assert_memory_equal(a, b, sizeof(a));

	random_start(1, 7);
	assert_true(rnd_reproducible());
	arc4random_buf(b, sizeof(b));
	assert_memory_equal(a, b, sizeof(a));
	assert_string_equal(cons,
	    "random: seed=7: reproducible, interrupts not mixed in\n");
	assert_int_equal(counter_calls, 0);	/* the seed alone */
	assert_int_equal(delay_calls, 0);
	assert_int_equal(cpl, IPL_NONE);

	rnd_seed(8, 0);
	arc4random_buf(b, sizeof(b));
	assert_memory_not_equal(a, b, sizeof(a));
}

/*
 * Reading in pieces of every odd size gives the stream one read gives,
 * across several refills; each piece lands in a heap block of exactly
 * its size, so AddressSanitizer catches a byte written past it.
 */
static void
test_buf_odd_lengths(void **state)
{
	static uint8_t whole[8192], pieces[8192];
	size_t off, n;
	uint8_t *p;

	(void)state;
	rnd_seed(3, 0);
	arc4random_buf(whole, sizeof(whole));
	rnd_seed(3, 0);
	for (off = 0, n = 1; off < sizeof(pieces); off += n, n += 2) {
		if (n > sizeof(pieces) - off)
			n = sizeof(pieces) - off;
		p = malloc(n);
		assert_non_null(p);
		arc4random_buf(p, n);
		memcpy(pieces + off, p, n);
		free(p);
	}
	assert_memory_equal(whole, pieces, sizeof(whole));
	arc4random_buf(NULL, 0);		/* nothing at all */
	assert_int_equal(cpl, IPL_NONE);
}

/*
 * What was handed out is wiped from the buffer; each refill takes a new
 * key from the keystream and wipes that too.
 */
static void
test_buf_wiped_key_erased(void **state)
{
	uint32_t key[RND_KNWORDS];
	uint8_t out[100];
	size_t i, used;

	(void)state;
	rnd_seed(5, 0);
	assert_int_equal(rs.rs_have, RND_BUFSZ - RND_KNSZ);
	for (i = 0; i < RND_KNSZ; i++)
		assert_int_equal(rs.rs_buf[i], 0);
	arc4random_buf(out, sizeof(out));
	used = RND_BUFSZ - rs.rs_have;
	assert_int_equal(used, RND_KNSZ + sizeof(out));
	for (i = 0; i < used; i++)
		assert_int_equal(rs.rs_buf[i], 0);
	assert_int_not_equal(rs.rs_buf[used] | rs.rs_buf[used + 1] |
	    rs.rs_buf[used + 2] | rs.rs_buf[used + 3], 0);

	memcpy(key, rs.rs_kn, sizeof(key));
	rs.rs_have = 0;
	(void)arc4random();			/* a refill */
	assert_memory_not_equal(key, rs.rs_kn, sizeof(key));
}

/* ---- arc4random_uniform ------------------------------------------------- */

/* Always below the bound; 0 for bounds below 2. */
static void
test_uniform_below_bound(void **state)
{
	static const uint32_t bounds[] = {
		2, 3, 5, 7, 10, 100, 99998, 1000000, 0x7fffffff, 0x80000001,
		0xc0000000, 0xfffffffe, 0xffffffff,
	};
	uint32_t n, r, seen_top;
	size_t i;
	int k, j;

	(void)state;
	rnd_seed(11, 0);
	for (j = 0; j < 1000; j++) {
		assert_int_equal(arc4random_uniform(0), 0);
		assert_int_equal(arc4random_uniform(1), 0);
	}
	for (i = 0; i < nitems(bounds); i++)
		for (j = 0; j < 5000; j++)
			assert_true(arc4random_uniform(bounds[i]) < bounds[i]);
	for (k = 1; k < 32; k++) {
		n = 1U << k;
		seen_top = 0;
		for (j = 0; j < 2000; j++) {
			r = arc4random_uniform(n);
			assert_true(r < n);
			seen_top |= r;
		}
		assert_int_equal(seen_top, n - 1); /* every bit turns up */
	}
	for (j = 0; j < 2000; j++)
		assert_true(arc4random_uniform(3) < 3);
}

/*
 * The rejection step, on words placed in the buffer.  For n = 0x80000001
 * the threshold is 2^32 mod n = 0x7fffffff: 0, 1 and 0x7ffffffe are
 * drawn again, 0x7fffffff is taken (result 0x7fffffff) and nothing after
 * it is read.
 */
static void
test_uniform_rejects_adversarial(void **state)
{
	static const uint32_t w1[] = { 0, 1, 0x7ffffffe, 0x7fffffff, 0x1234 };
	static const uint32_t w2[] = { 0xffffffff, 0 };
	static const uint32_t w3[] = { 5, 4, 0, 6, 9 };
	static const uint32_t w4[] = { 0, 0xffffffff };

	(void)state;
	rnd_seed(1, 0);
	feed(w1, nitems(w1));
	assert_int_equal(arc4random_uniform(0x80000001), 0x7fffffff);
	assert_int_equal(fed_left(), 1);
	/* The top word is always taken: 0xffffffff mod n = n - 2. */
	feed(w2, nitems(w2));
	assert_int_equal(arc4random_uniform(0x80000001), 0x7ffffffe);
	assert_int_equal(fed_left(), 1);
	/* n = 10: 2^32 mod 10 = 6, so 0..5 are drawn again. */
	feed(w3, nitems(w3));
	assert_int_equal(arc4random_uniform(10), 6);
	assert_int_equal(fed_left(), 1);
	/* A power of two rejects nothing: 0 is taken at once. */
	feed(w4, nitems(w4));
	assert_int_equal(arc4random_uniform(1U << 20), 0);
	assert_int_equal(fed_left(), 1);
	/* A bound below 2 reads no word at all. */
	feed(w4, nitems(w4));
	assert_int_equal(arc4random_uniform(1), 0);
	assert_int_equal(arc4random_uniform(0), 0);
	assert_int_equal(fed_left(), 2);
}

/*
 * For many bounds: the word just below the threshold is drawn again, the
 * threshold itself taken, and the accepted range [min, 2^32) holds every
 * residue equally often (its size is a multiple of n).
 */
static void
test_uniform_threshold(void **state)
{
	uint32_t n, min, w[2];
	uint64_t x = 0x9e3779b97f4a7c15ULL;
	int i;

	(void)state;
	rnd_seed(2, 0);
	for (i = 0; i < 20000; i++) {
		if (i < 1000)
			n = i + 2;
		else if (i < 1031)
			n = (1U << (i - 1000 + 1)) + 1;
		else if (i < 1062)
			n = (1U << (i - 1031 + 1)) - 1;
		else {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			n = (uint32_t)(x >> (x & 31));
		}
		if (n < 2)
			continue;
		min = mod_2_32(n);
		assert_true(min < n);
		assert_int_equal(((1ULL << 32) - min) % n, 0);
		if (min == 0) {
			w[0] = 0;
			feed(w, 1);
			assert_int_equal(arc4random_uniform(n), 0);
			assert_int_equal(fed_left(), 0);
			continue;
		}
		w[0] = min - 1;
		w[1] = min;
		feed(w, 2);
		assert_int_equal(arc4random_uniform(n), min % n);
		assert_int_equal(fed_left(), 0);
	}
}

/* Sum of (observed - expected)^2 / expected over 10 buckets. */
static double
chi_square(const unsigned *count, unsigned draws)
{
	double e = draws / 10.0, chi = 0;
	int i;

	for (i = 0; i < 10; i++)
		chi += (count[i] - e) * (count[i] - e) / e;
	return chi;
}

/*
 * 10,000 draws in 10 buckets, for 10 seeds each, pass a chi-square test
 * at the 0.001 level (df 9: 27.88): arc4random_uniform(10), the pid
 * range 2 + arc4random_uniform(99998) and 0xc0000000, where plain
 * modulo would make the lowest third twice as likely, which the same
 * test catches.
 */
static void
test_uniform_chi_square(void **state)
{
	unsigned c10[10], cpid[10], cbig[10], cmod[10];
	uint32_t seed, r;
	int i;

	(void)state;
	for (seed = 100; seed < 110; seed++) {
		rnd_seed(seed, 0);
		memset(c10, 0, sizeof(c10));
		memset(cpid, 0, sizeof(cpid));
		memset(cbig, 0, sizeof(cbig));
		memset(cmod, 0, sizeof(cmod));
		for (i = 0; i < 10000; i++) {
			c10[arc4random_uniform(10)]++;
			r = 2 + arc4random_uniform(99999 - 1);
			cpid[(uint64_t)(r - 2) * 10 / 99998]++;
			r = arc4random_uniform(0xc0000000);
			cbig[(uint64_t)r * 10 / 0xc0000000]++;
			r = arc4random() % 0xc0000000;
			cmod[(uint64_t)r * 10 / 0xc0000000]++;
		}
		assert_true(chi_square(c10, 10000) < 27.88);
		assert_true(chi_square(cpid, 10000) < 27.88);
		assert_true(chi_square(cbig, 10000) < 27.88);
		assert_true(chi_square(cmod, 10000) > 27.88);
	}
}

/* ---- the pool ----------------------------------------------------------- */

/*
 * Stirred: fewer than RND_STIR_SAMPLES samples leave the stream alone
 * (they wait in the pool); the 64th makes the next read refill with the
 * pool folded in, so the stream changes at once.
 */
static void
test_enqueue_stirs(void **state)
{
	static uint8_t base[2000], out[2000];
	int i;

	(void)state;
	rnd_seed(9, 1);
	assert_false(rnd_reproducible());
	arc4random_buf(base, sizeof(base));

	rnd_seed(9, 1);
	for (i = 0; i < RND_STIR_SAMPLES - 1; i++)
		enqueue_randomness(i * 7919);
	arc4random_buf(out, sizeof(out));
	assert_memory_equal(base, out, sizeof(out));
	assert_int_equal(rnd_pool_samples, RND_STIR_SAMPLES - 1);

	rnd_seed(9, 1);
	arc4random_buf(out, 10);
	for (i = 0; i < RND_STIR_SAMPLES; i++)
		enqueue_randomness(i * 7919);
	arc4random_buf(out + 10, sizeof(out) - 10);
	assert_memory_equal(base, out, 10);
	assert_memory_not_equal(base + 10, out + 10, 8);
	assert_int_equal(rnd_pool_samples, 0);
	for (i = 0; i < RND_POOLWORDS; i++)
		assert_int_equal(rnd_pool[i], 0);
}

/* rnd_stir() folds in whatever is there; one sample changes the stream. */
static void
test_stir_one_sample(void **state)
{
	uint32_t a[8], b[8];
	int i;

	(void)state;
	rnd_seed(9, 1);
	rnd_stir();
	for (i = 0; i < 8; i++)
		a[i] = arc4random();
	rnd_seed(9, 1);
	enqueue_randomness(1);
	rnd_stir();
	for (i = 0; i < 8; i++)
		b[i] = arc4random();
	assert_memory_not_equal(a, b, sizeof(a));
}

/* After seed=N the pool is never written, and stirring changes nothing. */
static void
test_reproducible_ignores_pool(void **state)
{
	uint32_t a[8], b[8];
	int i;

	(void)state;
	rnd_seed(9, 0);
	rnd_stir();
	for (i = 0; i < 8; i++)
		a[i] = arc4random();
	rnd_seed(9, 0);
	for (i = 0; i < 1000; i++)
		enqueue_randomness(0xdead0000 + i);
	assert_int_equal(rnd_pool_samples, 0);
	assert_int_equal(rnd_pool[0], 0);
	rnd_stir();
	for (i = 0; i < 8; i++)
		b[i] = arc4random();
	assert_memory_equal(a, b, sizeof(a));
}

/* ---- random_start() at boot --------------------------------------------- */

/*
 * Start as at boot, over the given multiboot bytes, with the counter at
 * start; the first 8 words out.
 */
static void
boot_start(const char *mb2, uint64_t start, uint32_t *out)
{
	int i;

	counter_now = start;
	counter_calls = delay_calls = 0;
	memset(mb2_copy, 0, sizeof(mb2_copy));
	mb2_copied = strlen(mb2);
	memcpy(mb2_copy, mb2, mb2_copied);
	cons_reset();
	random_start(0, 0);
	for (i = 0; i < 8; i++)
		out[i] = arc4random();
}

/*
 * Without a seed: the counter is read around each jitter delay and
 * twice more, the multiboot bytes count, and interrupts stir afterwards.
 * The same inputs give the same stream (nothing else goes in); another
 * counter value or other multiboot bytes give another.
 */
static void
test_random_start_boot(void **state)
{
	uint32_t a[8], b[8];

	(void)state;
	boot_start("multiboot information, one", 0, a);
	assert_false(rnd_reproducible());
	assert_int_equal(delay_calls, RND_JITTER_ROUNDS);
	assert_int_equal(counter_calls, 2 * RND_JITTER_ROUNDS + 2);
	assert_string_equal(cons, "random: seeded (counter jitter, 26 bytes "
	    "of boot info), stirred by IRQs\n");
	assert_int_equal(cpl, IPL_NONE);

	boot_start("multiboot information, one", 0, b);
	assert_memory_equal(a, b, sizeof(a));
	boot_start("multiboot information, two", 0, b);
	assert_memory_not_equal(a, b, sizeof(a));
	boot_start("multiboot information, one", 5, b);
	assert_memory_not_equal(a, b, sizeof(a));
}

/*
 * Without a TSC the counter stands still until the clock starts: the
 * message leaves out what did not help, and the multiboot bytes still
 * seed (a stream unlike the one from no bytes at all).
 */
static void
test_random_start_no_counter(void **state)
{
	uint32_t a[8], b[8];

	(void)state;
	counter_stopped = 1;
	boot_start("multiboot information, one", 0, a);
	assert_string_equal(cons, "random: seeded (26 bytes of boot info), "
	    "stirred by IRQs\n");
	assert_false(rnd_reproducible());
	boot_start("", 0, b);
	assert_memory_not_equal(a, b, sizeof(a));
}

/* The largest multiboot copy goes in whole, without reading past it. */
static void
test_random_start_big_mb2(void **state)
{
	(void)state;
	memset(mb2_copy, 0x5a, sizeof(mb2_copy));
	mb2_copied = MB2_COPY_MAX;
	random_start(0, 0);
	assert_true(arc4random() != 0 || arc4random() != 0);
}

/* rnd_save()/rnd_restore() put the stream back where it was. */
static void
test_save_restore(void **state)
{
	uint32_t a[4], b[4];
	int i;

	(void)state;
	rnd_seed(21, 1);
	(void)arc4random();
	rnd_save();
	for (i = 0; i < 4; i++)
		a[i] = arc4random();
	rnd_seed(22, 0);
	(void)arc4random();
	rnd_restore();
	assert_false(rnd_reproducible());
	for (i = 0; i < 4; i++)
		b[i] = arc4random();
	assert_memory_equal(a, b, sizeof(a));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_chacha20_block_2_3_2, setup),
		cmocka_unit_test_setup(test_chacha20_encrypt_2_4_2, setup),
		cmocka_unit_test_setup(test_chacha20_block_a1, setup),
		cmocka_unit_test_setup(test_seed_known_answer, setup),
		cmocka_unit_test_setup(test_seed_reproducible, setup),
		cmocka_unit_test_setup(test_buf_odd_lengths, setup),
		cmocka_unit_test_setup(test_buf_wiped_key_erased, setup),
		cmocka_unit_test_setup(test_uniform_below_bound, setup),
		cmocka_unit_test_setup(test_uniform_rejects_adversarial,
		    setup),
		cmocka_unit_test_setup(test_uniform_threshold, setup),
		cmocka_unit_test_setup(test_uniform_chi_square, setup),
		cmocka_unit_test_setup(test_enqueue_stirs, setup),
		cmocka_unit_test_setup(test_stir_one_sample, setup),
		cmocka_unit_test_setup(test_reproducible_ignores_pool, setup),
		cmocka_unit_test_setup(test_random_start_boot, setup),
		cmocka_unit_test_setup(test_random_start_no_counter, setup),
		cmocka_unit_test_setup(test_random_start_big_mb2, setup),
		cmocka_unit_test_setup(test_save_restore, setup),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
