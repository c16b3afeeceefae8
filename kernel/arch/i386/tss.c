/*
 * kernel/arch/i386/tss.c: the GDT's per-thread TSS descriptors.
 *
 * A hardware task switch names its target by a GDT selector, so every
 * thread needs a TSS descriptor of its own.  Slots GTSS_FIRST .. NGDT-1
 * (8183 of them) are handed out here, one per thread, by cpu_fork() and
 * taken back by the reaper once the thread has switched away for the last
 * time.  8192 descriptors is the architecture's limit (a selector has 13
 * index bits), which is why maxthread must stay below NTSS_SLOTS; see
 * docs/task-switching.md.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <lib/libkern/libkern.h>
#include <machine/segments.h>
#include <machine/tss.h>
#include <machine/intr.h>

static uint32_t tss_used[(NTSS_SLOTS + 31) / 32];
static int tss_nused;
static int tss_hint;		/* where the next search starts */

/*
 * Give tss a descriptor (available, not busy) and return its selector,
 * or 0 when every slot is taken.
 * => any IPL; the bitmap is changed at splhigh.
 */
int
tss_alloc(struct i386tss *tss)
{
	int i, n, s, sel = 0;

	s = splhigh();
	for (n = 0; n < NTSS_SLOTS; n++) {
		i = (tss_hint + n) % NTSS_SLOTS;
		if ((tss_used[i / 32] & (1U << (i % 32))) == 0) {
			tss_used[i / 32] |= 1U << (i % 32);
			tss_nused++;
			tss_hint = i + 1;
			setsegment(&gdt[GTSS_FIRST + i], (uint32_t)tss,
			    sizeof(*tss) - 1, SDT_SYS386TSS, SEL_KPL, 0, 0);
			sel = GSEL(GTSS_FIRST + i, SEL_KPL);
			break;
		}
	}
	splx(s);
	return sel;
}

/*
 * Take back a selector from tss_alloc().  The task must not be running
 * or busy: a thread's last switch away clears the busy bit.
 */
void
tss_free(int sel)
{
	int i = (sel >> 3) - GTSS_FIRST;
	int s;

	KASSERT(i >= 0 && i < NTSS_SLOTS);
	KASSERT(gdt[sel >> 3].sd_type == SDT_SYS386TSS);	/* not busy */
	s = splhigh();
	KASSERT(tss_used[i / 32] & (1U << (i % 32)));
	tss_used[i / 32] &= ~(1U << (i % 32));
	tss_nused--;
	memset(&gdt[sel >> 3], 0, sizeof(gdt[0]));
	splx(s);
}

/* How many per-thread descriptors are in use (tests check for leaks). */
int
tss_slots_used(void)
{
	return tss_nused;
}
