/*
 * dev/rndvar.h: the kernel's random numbers, arc4random(9) (kernel/rnd.c).
 *
 * OpenBSD's header of this name declares random_start() and
 * enqueue_randomness(); its sys/systm.h declares the arc4random family.
 * Here both sets are in this one header.
 */
#ifndef _DEV_RNDVAR_H_
#define _DEV_RNDVAR_H_

#include <sys/types.h>

/*
 * Seed the generator at boot.  reproducible: from seed alone, never
 * stirred by interrupts (the "seed=N" boot option); otherwise from the
 * machine's boot-time entropy, then stirred.  PORT: OpenBSD's
 * random_start(int goodrandom) has no seed argument.
 */
void	random_start(int reproducible, u_int seed);

/* Add a timing sample to the pool; cheap, for interrupt handlers. */
void	enqueue_randomness(u_int val);

uint32_t arc4random(void);
void	arc4random_buf(void *buf, size_t len);
uint32_t arc4random_uniform(uint32_t upper_bound);

/*
 * For the self-tests (kernel/tests/ktest_rnd.c) only: reseed from a
 * number, stirred by interrupts or not; fold the pool in now; save the
 * generator and put it back afterwards, so that a test leaves the
 * kernel's stream as it found it.
 */
void	rnd_seed(u_int seed, int stirred);
void	rnd_stir(void);
void	rnd_save(void);
void	rnd_restore(void);
int	rnd_reproducible(void);

#endif /* _DEV_RNDVAR_H_ */
