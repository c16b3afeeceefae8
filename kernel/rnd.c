/*
 * kernel/rnd.c: the kernel's random numbers, arc4random(9).
 *
 * OpenBSD keeps these in sys/dev/rnd.c; this is a smaller generator of
 * our own with the same entry points and meanings (written from RFC 8439
 * and the arc4random(9) manual, not from OpenBSD's code).
 *
 * A ChaCha20 keystream is the output.  Each refill of the buffer makes
 * RND_BLOCKS blocks under the current key; its first 44 bytes become the
 * next key and nonce and are wiped at once ("fast key erasure"), so a
 * later look at memory cannot rebuild output already handed out.  Bytes
 * are handed out from the rest and wiped as they go:
 *
 *   boot entropy ---absorb---> +-----------------+
 *   (or seed=N alone)          | key[8] nonce[3] | <------------------+
 *                              +-----------------+                    |
 *   interrupt timings              |  ChaCha20, counters 0..7         |
 *   enqueue_randomness()           v                                  |
 *     -> pool[8], 64 samples   +------------+-------------------------+
 *        then XORed into  ---> | next key   | 468 bytes for callers   |
 *        the key at the        | (44 bytes) | arc4random*(), wiped as |
 *        next refill           +------------+ they are read ----------+
 *
 * So the key changes every 468 bytes of output.  Interrupt timings go
 * into a small pool (a rotate and an XOR each, no ChaCha work in the
 * interrupt); once it holds RND_STIR_SAMPLES of them, the next call
 * refills at once and folds the pool into the key first.  Folding only
 * many samples at a time means a reader who once learnt the key cannot
 * follow it by guessing each new sample alone.
 *
 * Seeding: absorb() XORs material into key and nonce 44 bytes at a time,
 * running a ChaCha20 block after each chunk to take the next key from.
 * With "seed=N" the material is N alone and the pool is ignored, so a run
 * is reproducible; otherwise it is the cycle counter, timing jitter
 * between that counter and the PIT (delay()), and the multiboot
 * information the loader left (memory map, command line, loader name).
 *
 * Entry points: random_start() (main), enqueue_randomness() (intr.c),
 * arc4random(), arc4random_buf(), arc4random_uniform().  Tests:
 * kernel/tests/ktest_rnd.c and tests/host/test_rnd.c.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <lib/libkern/libkern.h>
#include <dev/rndvar.h>
#include <machine/cpu.h>
#include <machine/intr.h>
#include <machine/multiboot2.h>

#define CHACHA_BLOCKSZ	64		/* bytes per block */
#define CHACHA_KEYWORDS	8		/* 256-bit key */
#define CHACHA_NONCEWORDS 3		/* 96-bit nonce (RFC 8439) */
#define RND_KNWORDS	(CHACHA_KEYWORDS + CHACHA_NONCEWORDS)
#define RND_KNSZ	(RND_KNWORDS * 4)	/* 44: key and nonce */
#define RND_BLOCKS	8		/* per refill: short at splhigh */
#define RND_BUFSZ	(RND_BLOCKS * CHACHA_BLOCKSZ)
#define RND_POOLWORDS	8		/* 256 bits, the key's size */
#define RND_STIR_SAMPLES 64		/* samples that force a refill */
#define RND_JITTER_ROUNDS 32		/* boot: counter across delay() */
#define RND_JITTER_USEC	30

/*
 * The generator.  rs_kn holds the key (words 0-7) and the nonce (8-10);
 * rs_have bytes at the end of rs_buf are still unread.
 */
struct rnd_state {
	uint32_t rs_kn[RND_KNWORDS];
	uint8_t	rs_buf[RND_BUFSZ];
	size_t	rs_have;
	int	rs_reproducible;	/* seed=N: ignore the pool */
};

static struct rnd_state rs;
static struct rnd_state rs_saved;	/* rnd_save(), for the self-tests */

/* Written by interrupt handlers; read and cleared at splhigh. */
static volatile uint32_t rnd_pool[RND_POOLWORDS];
static volatile u_int rnd_pool_samples;	/* since the last fold */

#define ROTL32(v, n)	((uint32_t)((v) << (n) | (v) >> (32 - (n))))

#define QUARTERROUND(x, a, b, c, d) do {				\
	x[a] += x[b]; x[d] = ROTL32(x[d] ^ x[a], 16);			\
	x[c] += x[d]; x[b] = ROTL32(x[b] ^ x[c], 12);			\
	x[a] += x[b]; x[d] = ROTL32(x[d] ^ x[a], 8);			\
	x[c] += x[d]; x[b] = ROTL32(x[b] ^ x[c], 7);			\
} while (0)

static inline void
le32enc(uint8_t *p, uint32_t v)
{
	p[0] = v;
	p[1] = v >> 8;
	p[2] = v >> 16;
	p[3] = v >> 24;
}

static inline uint32_t
le32dec(const uint8_t *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Wipe secrets; through a volatile pointer, so no store is optimized out. */
static void
rnd_zero(void *p, size_t len)
{
	volatile uint8_t *q = p;

	while (len-- > 0)
		*q++ = 0;
}

/*
 * One ChaCha20 block (RFC 8439 section 2.3): the state is the four
 * constants "expand 32-byte k", the key, the block counter and the
 * nonce; ten double rounds (a column round, then a diagonal round) mix
 * it, the input is added back, and the 16 words go out little-endian.
 */
static void
chacha20_block(const uint32_t key[CHACHA_KEYWORDS], uint32_t counter,
    const uint32_t nonce[CHACHA_NONCEWORDS], uint8_t out[CHACHA_BLOCKSZ])
{
	uint32_t in[16], x[16];
	int i;

	in[0] = 0x61707865;
	in[1] = 0x3320646e;
	in[2] = 0x79622d32;
	in[3] = 0x6b206574;
	for (i = 0; i < CHACHA_KEYWORDS; i++)
		in[4 + i] = key[i];
	in[12] = counter;
	for (i = 0; i < CHACHA_NONCEWORDS; i++)
		in[13 + i] = nonce[i];
	memcpy(x, in, sizeof(x));
	for (i = 0; i < 10; i++) {
		QUARTERROUND(x, 0, 4, 8, 12);
		QUARTERROUND(x, 1, 5, 9, 13);
		QUARTERROUND(x, 2, 6, 10, 14);
		QUARTERROUND(x, 3, 7, 11, 15);
		QUARTERROUND(x, 0, 5, 10, 15);
		QUARTERROUND(x, 1, 6, 11, 12);
		QUARTERROUND(x, 2, 7, 8, 13);
		QUARTERROUND(x, 3, 4, 9, 14);
	}
	for (i = 0; i < 16; i++)
		le32enc(out + 4 * i, x[i] + in[i]);
	rnd_zero(x, sizeof(x));
	rnd_zero(in, sizeof(in));
}

/* Take the next key and nonce from the first RND_KNSZ bytes of p. */
static void
rnd_setkey(const uint8_t *p)
{
	int i;

	for (i = 0; i < RND_KNWORDS; i++)
		rs.rs_kn[i] = le32dec(p + 4 * i);
}

/*
 * XOR the pool into the key and empty it.
 * => at splhigh (interrupt handlers write the pool).
 */
static void
rnd_fold(void)
{
	int i;

	for (i = 0; i < RND_POOLWORDS; i++) {
		rs.rs_kn[i] ^= rnd_pool[i];
		rnd_pool[i] = 0;
	}
	rnd_pool_samples = 0;
}

/*
 * Fill the buffer with fresh keystream: fold the pool in if it is full
 * enough, make RND_BLOCKS blocks, take the next key from the first 44
 * bytes and wipe them.
 * => at splhigh.
 */
static void
rnd_refill(void)
{
	int i;

	if (!rs.rs_reproducible && rnd_pool_samples >= RND_STIR_SAMPLES)
		rnd_fold();
	for (i = 0; i < RND_BLOCKS; i++)
		chacha20_block(rs.rs_kn, i, rs.rs_kn + CHACHA_KEYWORDS,
		    rs.rs_buf + i * CHACHA_BLOCKSZ);
	rnd_setkey(rs.rs_buf);
	rnd_zero(rs.rs_buf, RND_KNSZ);
	rs.rs_have = RND_BUFSZ - RND_KNSZ;
}

/*
 * Mix len bytes of seed material into the key and nonce: XOR in 44 bytes
 * at a time, and after each chunk replace key and nonce by the first 44
 * bytes of a block under them.  Whatever was there before still counts.
 * => at splhigh, or before anything else uses the generator.
 */
static void
rnd_absorb(const void *material, size_t len)
{
	const uint8_t *p = material;
	uint8_t block[CHACHA_BLOCKSZ];
	size_t i, n;

	while (len > 0) {
		n = MIN(len, RND_KNSZ);
		for (i = 0; i < n; i++)
			rs.rs_kn[i / 4] ^= (uint32_t)p[i] << (8 * (i % 4));
		chacha20_block(rs.rs_kn, 0, rs.rs_kn + CHACHA_KEYWORDS, block);
		rnd_setkey(block);
		p += n;
		len -= n;
	}
	rnd_zero(block, sizeof(block));
}

/* Forget everything: key, buffer and pool.  => at splhigh. */
static void
rnd_reset(int reproducible)
{
	int i;

	rnd_zero(&rs, sizeof(rs));
	rs.rs_reproducible = reproducible;
	for (i = 0; i < RND_POOLWORDS; i++)
		rnd_pool[i] = 0;
	rnd_pool_samples = 0;
}

/*
 * Time RND_JITTER_ROUNDS short delay()s on the cycle counter.  delay()
 * counts on the PIT, a different oscillator from the CPU's, so the low
 * bits of each count wander.  Without a TSC, cpu_counter() is the PIT's
 * own count before the clock starts, timed against itself: it adds
 * little (interrupt timings make up for it later).  Returns how many of
 * the timings were not 0.
 */
static int
rnd_boot_jitter(void)
{
	uint32_t d[RND_JITTER_ROUNDS];
	uint64_t t0, t1;
	int i, moved = 0;

	for (i = 0; i < RND_JITTER_ROUNDS; i++) {
		t0 = cpu_counter();
		delay(RND_JITTER_USEC);
		t1 = cpu_counter();
		d[i] = (uint32_t)(t1 - t0);
		moved += d[i] != 0;
	}
	rnd_absorb(d, sizeof(d));
	return moved;
}

/* Absorb a 64-bit value as 8 little-endian bytes. */
static void
rnd_absorb64(uint64_t v)
{
	uint8_t b[8];

	le32enc(b, (uint32_t)v);
	le32enc(b + 4, (uint32_t)(v >> 32));
	rnd_absorb(b, sizeof(b));
}

/*
 * Reseed from seed alone.  stirred: let interrupt timings in afterwards
 * (the self-tests use that to see them change the stream).
 */
void
rnd_seed(u_int seed, int stirred)
{
	uint8_t b[4];
	int s = splhigh();

	rnd_reset(!stirred);
	le32enc(b, seed);
	rnd_absorb(b, sizeof(b));
	rnd_refill();
	splx(s);
}

/*
 * Seed the generator at boot.  With reproducible set (boot option
 * seed=N) from seed alone, ignoring interrupts ever after, so the same
 * seed gives the same numbers on every run.  Otherwise from the cycle
 * counter, the counter's jitter against the PIT and the multiboot
 * information, stirred by interrupts from then on.
 * => after cpu_startup() (cpu_counter() needs cpu_ident), before
 *    interrupts are on.
 */
void
random_start(int reproducible, u_int seed)
{
	int s, moved;

	if (reproducible) {
		rnd_seed(seed, 0);
		printf("random: seed=%u: reproducible, interrupts not mixed "
		    "in\n", seed);
		return;
	}
	s = splhigh();
	rnd_reset(0);
	rnd_absorb64(cpu_counter());
	moved = rnd_boot_jitter();
	rnd_absorb(mb2_copy, mb2_copied);
	rnd_absorb64(cpu_counter());
	rnd_refill();
	splx(s);
	printf("random: seeded (%s%u bytes of boot info), stirred by IRQs\n",
	    moved > 0 ? "counter jitter, " : "", (u_int)mb2_copied);
}

/*
 * Add one sample, typically a cycle count XOR an IRQ number, to the
 * pool: rotate one pool word and XOR the sample in.  No ChaCha work:
 * the next refill after RND_STIR_SAMPLES samples folds the pool in.
 * Ignored after seed=N.
 * => any context; interrupt handlers call it with interrupts off.  A
 *    sample racing an interrupt's may be lost, which costs only that
 *    sample.
 */
void
enqueue_randomness(u_int val)
{
	u_int n;
	uint32_t w;

	if (rs.rs_reproducible)
		return;
	n = rnd_pool_samples++ % RND_POOLWORDS;
	w = rnd_pool[n];
	rnd_pool[n] = ROTL32(w, 7) ^ val;
}

/*
 * Fill buf with len random bytes.  A full pool forces a refill first,
 * which folds it in.
 * => any context; runs at splhigh.
 */
void
arc4random_buf(void *buf, size_t len)
{
	uint8_t *out = buf, *p;
	size_t n;
	int s = splhigh();

	if (!rs.rs_reproducible && rnd_pool_samples >= RND_STIR_SAMPLES)
		rs.rs_have = 0;
	while (len > 0) {
		if (rs.rs_have == 0)
			rnd_refill();
		n = MIN(len, rs.rs_have);
		p = rs.rs_buf + RND_BUFSZ - rs.rs_have;
		memcpy(out, p, n);
		rnd_zero(p, n);
		rs.rs_have -= n;
		out += n;
		len -= n;
	}
	splx(s);
}

/* 32 random bits.  => any context. */
uint32_t
arc4random(void)
{
	uint32_t v;

	arc4random_buf(&v, sizeof(v));
	return v;
}

/*
 * A random number in [0, upper_bound), every value equally likely; 0
 * when upper_bound < 2.  Plain arc4random() % upper_bound would favour
 * small results whenever upper_bound does not divide 2^32.  So words
 * below min = 2^32 mod upper_bound are drawn again: the accepted range
 * [min, 2^32) then holds a whole number of copies of every residue.
 * In 32-bit arithmetic -upper_bound is 2^32 - upper_bound, which has the
 * same remainder as 2^32.  Each draw is accepted with probability above 1/2, so
 * the loop is short.
 * => any context.
 */
uint32_t
arc4random_uniform(uint32_t upper_bound)
{
	uint32_t r, min;

	if (upper_bound < 2)
		return 0;
	min = -upper_bound % upper_bound;
	do
		r = arc4random();
	while (r < min);
	return r % upper_bound;
}

/* Fold the pool into the key now and refill.  => for the self-tests. */
void
rnd_stir(void)
{
	int s = splhigh();

	if (!rs.rs_reproducible)
		rnd_fold();
	rnd_refill();
	splx(s);
}

/*
 * Keep a copy of the generator, for rnd_restore() to put back: a self-
 * test that reseeds leaves the kernel's stream (and a seed=N run's
 * reproducibility) as it found it.  The test's own draws are thrown
 * away, so handing the same bytes out again later is harmless.
 */
void
rnd_save(void)
{
	int s = splhigh();

	rs_saved = rs;
	splx(s);
}

void
rnd_restore(void)
{
	int s = splhigh();

	rs = rs_saved;
	rnd_zero(&rs_saved, sizeof(rs_saved));
	splx(s);
}

/* Was the generator seeded from a number, deaf to interrupts? */
int
rnd_reproducible(void)
{
	return rs.rs_reproducible;
}
