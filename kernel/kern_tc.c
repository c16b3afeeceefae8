/*
 * kernel/kern_tc.c: time since boot, from the timecounter.
 *
 * nanouptime() turns the timecounter's cycle count into seconds and
 * nanoseconds.  Dividing before multiplying keeps it exact without 128-bit
 * arithmetic: count / freq whole seconds, then the remainder (< freq,
 * so remainder * 10^9 fits in 64 bits) in nanoseconds.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/time.h>

static struct timecounter *timecounter;
static volatile uint64_t tc_tick_count;	/* the counter at the last tick */

void
tc_init(struct timecounter *tc)
{
	timecounter = tc;
}

void
nanouptime(struct timespec *ts)
{
	uint64_t count, freq;

	if (timecounter == NULL) {
		ts->tv_sec = 0;
		ts->tv_nsec = 0;
		return;
	}
	count = timecounter->tc_get_timecount(timecounter);
	freq = timecounter->tc_frequency;
	ts->tv_sec = count / freq;
	ts->tv_nsec = (count % freq) * 1000000000ULL / freq;
}

uint64_t
getnsecuptime(void)
{
	struct timespec ts;

	nanouptime(&ts);
	return TIMESPEC_TO_NSEC(&ts);
}

/* Nanoseconds of a timecounter count since boot. */
static uint64_t
tc_count_to_nsec(uint64_t count)
{
	uint64_t freq = timecounter->tc_frequency;

	return count / freq * 1000000000ULL +
	    (count % freq) * 1000000000ULL / freq;
}

/*
 * The clock interrupt's counter reading: the count at the tick it
 * answers.  => from the clock interrupt, before hardclock().
 */
void
tc_ticktock(uint64_t count)
{
	tc_tick_count = count;
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
	if (timecounter == NULL)
		return 0;
	return tc_count_to_nsec(tc_tick_count);
}
