/*
 * kernel/kern_tc.c: time since boot, from the timecounter.
 *
 * tc_count_to_time() turns the timecounter's cycle count into time
 * exactly, without 128-bit arithmetic: count / freq whole seconds, then
 * the remainder (< freq, so remainder * 10^9 fits in 64 bits).  That is
 * two 64-bit divisions, too slow for nanouptime(), which the scheduler
 * and the tracepoints call on every switch.  So, in the spirit of
 * OpenBSD's timehands, each clock tick converts its own count exactly
 * (tc_ticktock) and nanouptime() adds the cycles since then, scaled by a
 * multiplication: tc_scale is 2^32 nanoseconds per cycle, rounded down,
 * so the sum never runs ahead of the exact figure and the clock never
 * goes back when the next tick resets the base.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/time.h>

static struct timecounter *timecounter;
static uint64_t tc_scale;		/* 2^32 ns per cycle, rounded down */

/* The last tick's base, and a generation count for reading it whole. */
static volatile uint64_t tc_tick_count;	/* the counter at the last tick */
static volatile uint64_t tc_tick_sec;	/* ... in whole seconds */
static volatile uint32_t tc_tick_nsec;	/* ... and nanoseconds */
static volatile u_int tc_gen;		/* odd while they change */

/* Half a second of cycles: beyond, do it the exact, slow way. */
static uint64_t tc_maxdelta;
#define NSEC_PER_SEC	1000000000U

static void tc_count_to_time(uint64_t, uint64_t *, uint32_t *);

void
tc_init(struct timecounter *tc)
{
	timecounter = tc;
	tc_scale = ((uint64_t)NSEC_PER_SEC << 32) / tc->tc_frequency;
	tc_maxdelta = tc->tc_frequency / 2;
}

/*
 * The time since boot now: the last tick's plus the nanoseconds since,
 * with no division unless that tick is long ago.
 */
static void
tc_uptime(uint64_t *psec, uint32_t *pnsec)
{
	uint64_t base_count, sec, count;
	uint32_t nsec, delta;
	u_int gen;

	do {
		gen = tc_gen;
		__asm volatile("" ::: "memory");
		base_count = tc_tick_count;
		sec = tc_tick_sec;
		nsec = tc_tick_nsec;
		__asm volatile("" ::: "memory");
	} while ((gen & 1) != 0 || gen != tc_gen);
	count = timecounter->tc_get_timecount(timecounter);
	if (count < base_count || count - base_count >= tc_maxdelta) {
		tc_count_to_time(count, psec, pnsec);
		return;
	}
	/*
	 * delta * tc_scale >> 32 as two 32 x 32-bit products: the whole
	 * nanoseconds per cycle, and the fraction.  nsec stays below 2^32:
	 * under 10^9 from the tick, under 10^9 / 2 more within tc_maxdelta.
	 */
	delta = count - base_count;
	nsec += delta * (uint32_t)(tc_scale >> 32) +
	    (uint32_t)(((uint64_t)delta * (uint32_t)tc_scale) >> 32);
	while (nsec >= NSEC_PER_SEC) {		/* once at most */
		nsec -= NSEC_PER_SEC;
		sec++;
	}
	*psec = sec;
	*pnsec = nsec;
}

void
nanouptime(struct timespec *ts)
{
	uint64_t sec;
	uint32_t nsec;

	if (timecounter == NULL) {
		ts->tv_sec = 0;
		ts->tv_nsec = 0;
		return;
	}
	tc_uptime(&sec, &nsec);
	ts->tv_sec = sec;
	ts->tv_nsec = nsec;
}

uint64_t
getnsecuptime(void)
{
	uint64_t sec;
	uint32_t nsec;

	if (timecounter == NULL)
		return 0;
	tc_uptime(&sec, &nsec);
	return sec * NSEC_PER_SEC + nsec;
}

/* A timecounter count since boot, in seconds and nanoseconds: exact. */
static void
tc_count_to_time(uint64_t count, uint64_t *psec, uint32_t *pnsec)
{
	uint64_t freq = timecounter->tc_frequency;

	*psec = count / freq;
	*pnsec = (count % freq) * NSEC_PER_SEC / freq;
}

/*
 * The clock interrupt's counter reading: the count at the tick it
 * answers.  => from the clock interrupt, before hardclock().
 */
void
tc_ticktock(uint64_t count)
{
	uint64_t sec = 0;
	uint32_t nsec = 0;

	if (timecounter != NULL)
		tc_count_to_time(count, &sec, &nsec);
	tc_gen++;
	__asm volatile("" ::: "memory");
	tc_tick_count = count;
	tc_tick_sec = sec;
	tc_tick_nsec = nsec;
	__asm volatile("" ::: "memory");
	tc_gen++;
}

/*
 * The uptime of the last clock tick, for code that runs in the clock
 * interrupt (the uptime timeouts' scan): exact, and it needs no read of
 * the hardware counter, which Bochs's PIT answers by losing ticks when
 * it is read inside its own interrupt (docs/time.md).
 */
uint64_t
getnsecuptime_tick(void)
{
	return tc_tick_sec * NSEC_PER_SEC + tc_tick_nsec;
}
