/*
 * sys/event.h: kernel events (kqueue's knotes), the part fork needs.
 *
 * A process keeps a klist of the knotes watching it; fork posts NOTE_FORK
 * to the parent's with knote_locked().  kqueue(2) itself, which hangs
 * knotes on these lists, arrives with issue 8; until then the lists stay
 * empty, but posting walks them for real (kern_event.c).
 */
#ifndef _SYS_EVENT_H_
#define _SYS_EVENT_H_

#include <sys/queue.h>

/* EVFILT_PROC fflags */
#define NOTE_EXIT	0x80000000	/* process exited */
#define NOTE_FORK	0x40000000	/* process forked */
#define NOTE_EXEC	0x20000000	/* process exec'd */
#define NOTE_PCTRLMASK	0xf0000000
#define NOTE_PDATAMASK	0x000fffff	/* the pid in the hint */
#define NOTE_TRACK	0x00000001
#define NOTE_TRACKERR	0x00000002
#define NOTE_CHILD	0x00000004

struct knote;
SLIST_HEAD(knlist, knote);

struct klist {
	struct knlist kl_list;		/* the knotes */
};

/* One watcher; kqueue fills these in (issue 8). */
struct knote {
	SLIST_ENTRY(knote) kn_selnext;	/* in a klist */
	int	(*kn_event)(struct knote *, long hint);
	u_int	kn_fflags;		/* events seen so far */
	void	*kn_hook;
	int	kn_active;		/* kn_event said yes */
};

void	klist_init(struct klist *);
void	klist_insert(struct klist *, struct knote *);
void	klist_remove(struct klist *, struct knote *);
int	klist_empty(struct klist *);
void	knote_locked(struct klist *, long);
void	knote(struct klist *, long);

#endif /* _SYS_EVENT_H_ */
