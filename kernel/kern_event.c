/*
 * kernel/kern_event.c: knote lists (struct klist), the part of kqueue(2)
 * that fork and exit post events to: OpenBSD's interface written afresh
 * for Tine.  Entry points: klist_init(), klist_insert(), klist_remove(),
 * klist_empty(), knote() and knote_locked().  <sys/event.h> has the
 * structures.
 *
 * An object others may watch (a process, later a file) keeps a klist;
 * each watcher hangs a knote on it.  Posting an event with a hint (for a
 * process: NOTE_FORK | the child's pid, NOTE_EXIT, ...) asks each
 * knote's filter, kn_event, whether the event concerns it; a knote whose
 * filter says yes is activated.
 *
 * FIXME: kqueue(2), which makes knotes and collects the active ones,
 * arrives with issue 8: until then kn_active is just set.
 * PORT: upstream's klists have a lock of their own (klist_lock);
 * knote() here raises to splhigh, which on one CPU keeps out anyone else
 * walking the list, interrupt handlers included.
 */

#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/queue.h>
#include <sys/event.h>
#include <machine/intr.h>

/* An empty list. */
void
klist_init(struct klist *list)
{
	SLIST_INIT(&list->kl_list);
}

/* Hang kn on list. */
void
klist_insert(struct klist *list, struct knote *kn)
{
	int s;

	s = splhigh();
	SLIST_INSERT_HEAD(&list->kl_list, kn, kn_selnext);
	splx(s);
}

/*
 * Take kn off list.
 * => kn is on list
 */
void
klist_remove(struct klist *list, struct knote *kn)
{
	struct knote **knp;
	int s;

	s = splhigh();
	for (knp = &SLIST_FIRST(&list->kl_list); *knp != NULL;
	    knp = &SLIST_NEXT(*knp, kn_selnext)) {
		if (*knp == kn) {
			*knp = SLIST_NEXT(kn, kn_selnext);
			splx(s);
			return;
		}
	}
	panic("klist_remove: knote %p not on klist %p", kn, list);
}

/* Does anyone watch? */
int
klist_empty(struct klist *list)
{
	return SLIST_EMPTY(&list->kl_list);
}

/*
 * Post event hint to every knote on list: each whose filter accepts it
 * becomes active.  A filter may take its own knote off the list.
 * => list is "locked": splhigh, or nothing else can touch it
 */
void
knote_locked(struct klist *list, long hint)
{
	struct knote *kn, *next;

	for (kn = SLIST_FIRST(&list->kl_list); kn != NULL; kn = next) {
		next = SLIST_NEXT(kn, kn_selnext);
		if (kn->kn_event(kn, hint))
			kn->kn_active = 1;	/* FIXME: knote_activate */
	}
}

/* knote_locked(), taking the list's "lock" (splhigh) around it. */
void
knote(struct klist *list, long hint)
{
	int s;

	s = splhigh();
	knote_locked(list, hint);
	splx(s);
}
