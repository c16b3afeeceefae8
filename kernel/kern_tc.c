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
