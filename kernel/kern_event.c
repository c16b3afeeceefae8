/*
 * kernel/kern_event.c: kqueue(2) and kevent(2), OpenBSD's interface and
 * names (sys/kern/kern_event.c) written afresh for Tine.  Entry points:
 * kqueue_init() (from main()), sys_kqueue(), sys_kevent(); for the rest
 * of the kernel, klists and knote() (an object says something happened),
 * knote_fdclose() (a descriptor closes), knote_processexit() (the
 * reaper).  The filters live beside their objects: kern_event_filt.c
 * (processes, signals, timers), sys_pipe.c, dev_cons.c.  Read
 * docs/kqueue.md first: it draws the structures.
 *
 * A kqueue is an open file (DTYPE_KQUEUE).  Each (ident, filter) a
 * program registers is a knote, from knote_pool, on two lists at once:
 *
 *   the kqueue's kq_knlist (every knote it owns: for lookup and close)
 *   the watched object's klist (a process's ps_klist, a pipe's ...)
 *
 * The object posts events to its klist with knote(list, hint); each
 * knote's filter (f_event) says whether the hint concerns it, updating
 * the knote's data and fflags, and if so knote_activate() queues the
 * knote on its kqueue's kq_head and wakes a kevent(2) sleeping there.
 * kevent collects the queued knotes (kqueue_scan), copies out their
 * struct kevent and then: deletes a one-shot knote, resets an EV_CLEAR
 * one, and puts a level-triggered one back at the tail, to be asked
 * again (f_event with hint 0) next time.
 *
 * Everything here that touches a kqueue's or a klist's lists does it at
 * splhigh: on one CPU that keeps out the clock (EVFILT_TIMER's timeouts
 * at IPL_SOFTCLOCK, psignal() at IPL_CLOCK) and any other thread.
 * PORT: upstream has a mutex per kqueue and a lock per klist.
 */

#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/queue.h>
#include <sys/pool.h>
#include <sys/proc.h>
#include <sys/file.h>
#include <sys/filedesc.h>
#include <sys/stat.h>
#include <sys/ucred.h>
#include <sys/poll.h>
#include <sys/time.h>
#include <sys/event.h>
#include <sys/syscallargs.h>
#include <lib/libkern/libkern.h>
#include <machine/intr.h>

#define KQ_NEVENTS	8	/* kevents copied in or out at a time */

struct pool knote_pool;
struct pool kqueue_pool;

/* Every kqueue, for knote_fdclose(). PORT: upstream's fd_kqlist. */
static LIST_HEAD(, kqueue) kqueue_list = LIST_HEAD_INITIALIZER(kqueue_list);

static int	filt_fileattach(struct knote *);
static void	knote_drop(struct knote *, struct proc *);

/* EVFILT_READ and EVFILT_WRITE: the file's fo_kqfilter picks the ops. */
static const struct filterops file_filtops = {
	.f_flags = FILTEROP_ISFD,
	.f_attach = filt_fileattach,
};

/* By ~filter: EVFILT_READ (-1) is [0].  NULL: not supported, EINVAL. */
static const struct filterops *const sysfilt_ops[EVFILT_SYSCOUNT] = {
	&file_filtops,			/* EVFILT_READ */
	&file_filtops,			/* EVFILT_WRITE */
	NULL,				/* EVFILT_AIO */
	NULL,				/* EVFILT_VNODE */
	&proc_filtops,			/* EVFILT_PROC */
	&sig_filtops,			/* EVFILT_SIGNAL */
	&timer_filtops,			/* EVFILT_TIMER */
	NULL,				/* EVFILT_DEVICE */
	NULL,				/* EVFILT_EXCEPT */
};

/*
 * The pools knotes and kqueues come from, so that kern.pool and the
 * self-tests' leak checks count them.
 * => once, from main()
 */
void
kqueue_init(void)
{
	pool_init(&kqueue_pool, sizeof(struct kqueue), 0, IPL_NONE,
	    PR_WAITOK, "kqueuepl", NULL);
	pool_init(&knote_pool, sizeof(struct knote), 0, IPL_HIGH,
	    PR_WAITOK, "knotepl", NULL);
}

/* ---- klists: the watched object's side ------------------------------- */

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
 * The object behind list is going away: every knote still on it is
 * taken off, marked detached (its f_detach must not touch the list
 * again) and delivered once more with EV_EOF, then deleted.
 */
void
klist_invalidate(struct klist *list)
{
	struct knote *kn;
	int s;

	s = splhigh();
	while ((kn = SLIST_FIRST(&list->kl_list)) != NULL) {
		SLIST_REMOVE_HEAD(&list->kl_list, kn_selnext);
		kn->kn_status |= KN_DETACHED;
		kn->kn_flags |= EV_EOF | EV_ONESHOT;
		knote_activate(kn);
	}
	splx(s);
}

/* ---- posting events --------------------------------------------------- */

/* Put kn at the tail of its kqueue's queue.  => splhigh */
static void
knote_enqueue(struct knote *kn)
{
	struct kqueue *kq = kn->kn_kq;

	TAILQ_INSERT_TAIL(&kq->kq_head, kn, kn_tqe);
	kn->kn_status |= KN_QUEUED;
	kq->kq_count++;
}

/* Take kn off its kqueue's queue.  => splhigh, kn queued */
static void
knote_dequeue(struct knote *kn)
{
	struct kqueue *kq = kn->kn_kq;

	TAILQ_REMOVE(&kq->kq_head, kn, kn_tqe);
	kn->kn_status &= ~KN_QUEUED;
	kq->kq_count--;
}

/*
 * kn's event happened: queue it, unless it is queued already or
 * disabled (EV_ENABLE queues it then), and wake its kqueue's kevent and
 * anyone polling the kqueue.  A knote with no kqueue (the self-tests'
 * bare knotes) is only marked.
 * => any context, interrupt handlers included
 */
void
knote_activate(struct knote *kn)
{
	struct kqueue *kq = kn->kn_kq;
	int s;

	s = splhigh();
	kn->kn_status |= KN_ACTIVE;
	if (kq != NULL &&
	    (kn->kn_status & (KN_QUEUED | KN_DISABLED | KN_DROPPING)) == 0) {
		knote_enqueue(kn);
		if (kq->kq_state & KQ_SLEEP) {
			kq->kq_state &= ~KQ_SLEEP;
			wakeup(kq);
		}
		selwakeup();
	}
	splx(s);
}

/*
 * Post event hint to every knote on list: each whose filter accepts it
 * becomes active.  A filter may take its own knote off the list (EVFILT_
 * PROC's, on NOTE_EXIT), or register a knote on another list (NOTE_TRACK).
 * => list is "locked": nothing else changes it meanwhile (the caller is
 *    at splhigh, or list is changed only from thread context)
 */
void
knote_locked(struct klist *list, long hint)
{
	struct knote *kn, *next;

	for (kn = SLIST_FIRST(&list->kl_list); kn != NULL; kn = next) {
		next = SLIST_NEXT(kn, kn_selnext);
		if (kn->kn_fop->f_event(kn, hint))
			knote_activate(kn);
	}
}

/*
 * knote_locked(), taking the list's "lock" (splhigh) around it.  Most
 * lists are empty (nobody watches this pipe or process): they cost one
 * test (KNOTE() makes it before the call).
 */
void
knote(struct klist *list, long hint)
{
	int s;

	if (SLIST_EMPTY(&list->kl_list))
		return;
	s = splhigh();
	knote_locked(list, hint);
	splx(s);
}

/* ---- knote lifetime --------------------------------------------------- */

/* Take kn off its kqueue's lists.  => splhigh */
static void
knote_unlink(struct knote *kn)
{
	/*
	 * Until knote_drop detaches it, kn is still on its object's klist
	 * (or its timer armed): an interrupt may post to it once splhigh is
	 * dropped, and knote_activate must not queue it again.
	 */
	kn->kn_status |= KN_DROPPING;
	LIST_REMOVE(kn, kn_link);
	if (kn->kn_status & KN_QUEUED)
		knote_dequeue(kn);
}

/*
 * Free kn: off its object (f_detach), its file reference dropped.
 * => kn off its kqueue's lists (knote_unlink); not at splhigh, since
 *    dropping the reference may close a file
 */
static void
knote_drop(struct knote *kn, struct proc *p)
{
	kn->kn_fop->f_detach(kn);
	if (kn->kn_fp != NULL)
		(void)FRELE(kn->kn_fp, p);
	pool_put(&knote_pool, kn);
}

/*
 * Descriptor fd of fdp is closing: every knote any kqueue of that table
 * has on it goes (upstream's knote_fdclose).
 * => the descriptor's slot still holds its reference, so dropping the
 *    knotes' references closes nothing
 */
void
knote_fdclose(struct filedesc *fdp, int fd)
{
	struct kqueue *kq;
	struct knote *kn;
	int s;

	if (LIST_EMPTY(&kqueue_list))
		return;			/* usual: a close costs a test */
	s = splhigh();
	LIST_FOREACH(kq, &kqueue_list, kq_next) {
		if (kq->kq_fdp != fdp)
			continue;
again:
		LIST_FOREACH(kn, &kq->kq_knlist, kn_link) {
			if (kn->kn_fp == NULL || kn->kn_id != (u_int)fd)
				continue;
			knote_unlink(kn);
			splx(s);
			knote_drop(kn, curproc);
			s = splhigh();
			goto again;
		}
	}
	splx(s);
}

/*
 * pr has died (the reaper): NOTE_EXIT to its watchers, whose EVFILT_PROC
 * knotes take themselves off; anything left on its klist (an EVFILT_
 * SIGNAL knote of a kqueue that outlived it) is detached, so that
 * nothing points into pr when process_zap() frees it.
 */
void
knote_processexit(struct process *pr)
{
	if (klist_empty(&pr->ps_klist))
		return;
	knote(&pr->ps_klist, NOTE_EXIT);
	klist_invalidate(&pr->ps_klist);
}

/* ---- registering: EV_ADD, EV_DELETE, EV_ENABLE, EV_DISABLE ------------ */

/* kq's knote for (ident, filter), or NULL.  => splhigh */
static struct knote *
knote_find(struct kqueue *kq, __uintptr_t ident, short filter)
{
	struct knote *kn;

	LIST_FOREACH(kn, &kq->kq_knlist, kn_link)
		if (kn->kn_id == ident && kn->kn_filter == filter)
			return kn;
	return NULL;
}

/*
 * A new knote in kq for kev, fp its file (FILTEROP_ISFD) or NULL:
 * attached to its object, then asked at once whether its event is
 * already true (a pipe with data, a NOTE_CHILD registration).
 * => never sleeps (NOTE_TRACK registers from inside fork1's knote walk):
 *    ENOMEM when the pool has no item at hand
 */
static int
knote_new(struct kqueue *kq, struct kevent *kev,
    const struct filterops *fops, struct file *fp)
{
	struct knote *kn;
	int error, s;

	if ((kn = pool_get(&knote_pool, PR_NOWAIT | PR_ZERO)) == NULL)
		return ENOMEM;
	kn->kn_kq = kq;
	kn->kn_fop = fops;
	kn->kn_kevent = *kev;
	kn->kn_flags &= ~(EV_ADD | EV_DELETE | EV_ENABLE | EV_DISABLE |
	    EV_RECEIPT);
	kn->kn_sfflags = kev->fflags;
	kn->kn_sdata = kev->data;
	kn->kn_fflags = 0;
	kn->kn_data = 0;
	if ((kn->kn_fp = fp) != NULL)
		FREF(fp);
	if ((error = kn->kn_fop->f_attach(kn)) != 0) {
		if (fp != NULL)
			(void)FRELE(fp, curproc);
		pool_put(&knote_pool, kn);
		return error;
	}
	s = splhigh();
	LIST_INSERT_HEAD(&kq->kq_knlist, kn, kn_link);
	if (kev->flags & EV_DISABLE)
		kn->kn_status |= KN_DISABLED;
	if (kn->kn_fop->f_event(kn, 0))
		knote_activate(kn);
	splx(s);
	return 0;
}

/*
 * EV_ADD to a knote that exists: the new fflags, data and udata (the
 * filter's f_modify applies them, a timer's period for one), and the
 * event asked again.
 */
static int
knote_modify(struct kevent *kev, struct knote *kn)
{
	int error = 0, s;

	s = splhigh();
	kn->kn_sfflags = kev->fflags;
	kn->kn_sdata = kev->data;
	kn->kn_udata = kev->udata;
	if (kn->kn_fop->f_modify != NULL)
		error = kn->kn_fop->f_modify(kev, kn);
	if (error == 0 && kn->kn_fop->f_event(kn, 0))
		knote_activate(kn);
	splx(s);
	return error;
}

/* EV_ENABLE and EV_DISABLE on kn.  => splhigh */
static void
knote_enable(struct knote *kn, int flags)
{
	if (flags & EV_DISABLE)
		kn->kn_status |= KN_DISABLED;
	if (flags & EV_ENABLE) {
		kn->kn_status &= ~KN_DISABLED;
		if ((kn->kn_status & (KN_ACTIVE | KN_QUEUED)) == KN_ACTIVE)
			knote_enqueue(kn);
	}
}

/*
 * Apply one change, kev, to kq; p's table names the descriptors (p is
 * NULL for the kernel's own NOTE_TRACK registrations, which are never of
 * a descriptor).  EINVAL for a filter Tine does not have, EBADF for a
 * descriptor that is not open, ENOENT for a change to a knote that does
 * not exist, or the filter's attach error (ESRCH for a process).
 * => kev->flags without EV_SYSFLAGS, unless from the kernel
 */
int
kqueue_register(struct kqueue *kq, struct kevent *kev, struct proc *p)
{
	const struct filterops *fops;
	struct file *fp = NULL;
	struct knote *kn;
	int error = 0, s;

	if (kev->filter >= 0 || kev->filter + EVFILT_SYSCOUNT < 0)
		return EINVAL;
	if ((fops = sysfilt_ops[~kev->filter]) == NULL)
		return EINVAL;
	if (fops->f_flags & FILTEROP_ISFD) {
		if (p == NULL || kev->ident > INT32_MAX ||
		    (fp = fd_getfile(p->p_fd, kev->ident)) == NULL)
			return EBADF;
	}

	s = splhigh();
	kn = knote_find(kq, kev->ident, kev->filter);
	splx(s);
	if (kn == NULL) {
		if ((kev->flags & EV_ADD) == 0)
			return ENOENT;
		if ((error = knote_new(kq, kev, fops, fp)) != 0)
			return error;
		s = splhigh();
		kn = knote_find(kq, kev->ident, kev->filter);
		splx(s);
		KASSERT(kn != NULL);
	} else if (kev->flags & EV_ADD) {
		if ((error = knote_modify(kev, kn)) != 0)
			return error;
	}

	s = splhigh();
	if (kev->flags & EV_DELETE) {
		knote_unlink(kn);
		splx(s);
		knote_drop(kn, p != NULL ? p : curproc);
		return 0;
	}
	knote_enable(kn, kev->flags);
	splx(s);
	return 0;
}

/* ---- collecting events ------------------------------------------------ */

/*
 * Sleep until kq has something queued, the deadline passes or a signal
 * comes.  => splhigh; returns 0 (look again), EWOULDBLOCK (time is up)
 *    or EINTR: kevent is not restarted after a handler, as upstream.
 */
static int
kqueue_sleep(struct kqueue *kq, uint64_t deadline)
{
	uint64_t now = getnsecuptime();
	int error;

	if (deadline != INFSLP && now >= deadline)
		return EWOULDBLOCK;
	kq->kq_state |= KQ_SLEEP;
	/* Only a waker clears KQ_SLEEP: another thread may sleep here too. */
	error = tsleep_nsec(kq, PSOCK | PCATCH, "kqread",
	    deadline == INFSLP ? INFSLP : deadline - now);
	if (error == ERESTART)
		error = EINTR;
	return error;
}

/*
 * What one queued knote hands kevent: its struct kevent in *kev, and
 * what becomes of it.  1 if there is an event, 0 if a level-triggered
 * knote is no longer true or kn is disabled; *dropp says that kn is now
 * off the kqueue (one-shot) for the caller to free.
 * => splhigh; kn just dequeued
 */
static int
kqueue_deliver(struct knote *kn, struct kevent *kev, int *dropp)
{
	*dropp = 0;
	if (kn->kn_status & KN_DISABLED)
		return 0;
	if ((kn->kn_flags & EV_ONESHOT) == 0 &&
	    kn->kn_fop->f_event(kn, 0) == 0) {
		kn->kn_status &= ~KN_ACTIVE;
		return 0;
	}
	*kev = kn->kn_kevent;
	if (kn->kn_flags & EV_ONESHOT) {
		knote_unlink(kn);
		*dropp = 1;
		return 1;
	}
	if (kn->kn_flags & EV_DISPATCH)
		kn->kn_status |= KN_DISABLED;
	if (kn->kn_flags & (EV_CLEAR | EV_DISPATCH)) {
		kn->kn_data = 0;
		kn->kn_fflags = 0;
		kn->kn_status &= ~KN_ACTIVE;
	} else
		knote_enqueue(kn);	/* level-triggered: ask again later */
	return 1;
}

/*
 * Take up to KQ_NEVENTS events (and no more than max) from the head of
 * kq's queue into kev[] and the one-shot knotes delivered into drop[],
 * stopping at marker; another scanner's marker is stepped over.
 * => splhigh; returns how many events, *ndrop how many to free
 */
static int
kqueue_take(struct kqueue *kq, struct knote *marker, int max,
    struct kevent *kev, struct knote **drop, int *ndrop)
{
	struct knote *kn;
	int n = 0, d;

	*ndrop = 0;
	while (n < KQ_NEVENTS && n < max) {
		kn = TAILQ_FIRST(&kq->kq_head);
		while (kn != marker && (kn->kn_status & KN_MARKER))
			kn = TAILQ_NEXT(kn, kn_tqe);
		if (kn == marker)
			break;
		knote_dequeue(kn);
		if (kqueue_deliver(kn, &kev[n], &d))
			n++;
		if (d)
			drop[(*ndrop)++] = kn;
	}
	return n;
}

/*
 * Copy out the events queued before marker, up to max, KQ_NEVENTS at a
 * time at the caller's level s (copyout may fault), freeing the one-shot
 * knotes delivered.  *count: how many.
 * => splhigh, and back at splhigh on return
 */
static int
kqueue_collect(struct kqueue *kq, struct knote *marker, int max,
    struct kevent *ulistp, struct proc *p, int *count, int s)
{
	struct kevent kev[KQ_NEVENTS];
	struct knote *drop[KQ_NEVENTS];
	int n, ndrop, i, error = 0;

	for (;;) {
		n = kqueue_take(kq, marker, max - *count, kev, drop, &ndrop);
		splx(s);
		if (n > 0)
			error = copyout(kev, ulistp + *count,
			    n * sizeof(kev[0]));
		for (i = 0; i < ndrop; i++)
			knote_drop(drop[i], p);
		*count += n;
		(void)splhigh();
		if (error != 0 || n < KQ_NEVENTS || *count == max)
			return error;
	}
}

/*
 * Move up to max events of kq to ulistp, waiting until deadline
 * (INFSLP: no limit; 0: do not wait) for the first.  A marker knote at
 * the tail stops the walk at the knotes queued when it began, so that a
 * level-triggered knote put back is not seen twice.  If every queued
 * knote turned out stale, wait again, as upstream does.
 * => *retval: how many
 */
static int
kqueue_scan(struct kqueue *kq, int max, struct kevent *ulistp,
    uint64_t deadline, struct proc *p, register_t *retval)
{
	struct knote marker;
	int count = 0, error = 0, s;

	*retval = 0;
	if (max == 0)
		return 0;
	memset(&marker, 0, sizeof(marker));
	marker.kn_status = KN_MARKER;
	s = splhigh();
	while (count == 0 && error == 0) {
		if (kq->kq_count == 0) {
			if (deadline == 0)
				break;
			error = kqueue_sleep(kq, deadline);
			continue;
		}
		TAILQ_INSERT_TAIL(&kq->kq_head, &marker, kn_tqe);
		error = kqueue_collect(kq, &marker, max, ulistp, p, &count, s);
		TAILQ_REMOVE(&kq->kq_head, &marker, kn_tqe);
	}
	splx(s);
	if (error == EWOULDBLOCK)
		error = 0;
	*retval = count;
	return error;
}

/* ---- the kqueue as an open file --------------------------------------- */

/* read(2) and write(2) of a kqueue: ENXIO, as upstream. */
static int
kqueue_rw(struct file *fp __unused, struct uio *uio __unused,
    int fflags __unused)
{
	return ENXIO;
}

/* poll(2)/select(2): readable while events wait to be collected. */
static int
kqueue_poll(struct file *fp, int events, struct proc *p __unused)
{
	struct kqueue *kq = fp->f_data;

	if (kq->kq_count > 0)
		return events & (POLLIN | POLLRDNORM);
	return 0;
}

/* fstat(2): a fifo-like object whose size is the events waiting. */
static int
kqueue_stat(struct file *fp, struct stat *sb, struct proc *p)
{
	struct kqueue *kq = fp->f_data;

	memset(sb, 0, sizeof(*sb));
	sb->st_mode = S_IFIFO;
	sb->st_size = kq->kq_count;
	sb->st_blksize = sizeof(struct kevent);
	sb->st_uid = p->p_ucred->cr_uid;
	sb->st_gid = p->p_ucred->cr_gid;
	return 0;
}

/* The last reference: every knote goes, then the kqueue. */
static int
kqueue_close(struct file *fp, struct proc *p)
{
	struct kqueue *kq = fp->f_data;
	struct knote *kn;
	int s;

	s = splhigh();
	LIST_REMOVE(kq, kq_next);
	while ((kn = LIST_FIRST(&kq->kq_knlist)) != NULL) {
		knote_unlink(kn);
		splx(s);
		knote_drop(kn, p);
		s = splhigh();
	}
	KASSERT(kq->kq_count == 0);
	splx(s);
	pool_put(&kqueue_pool, kq);
	fp->f_data = NULL;
	return 0;
}

static const struct fileops kqueueops = {
	.fo_read = kqueue_rw,
	.fo_write = kqueue_rw,
	.fo_close = kqueue_close,
	.fo_poll = kqueue_poll,
	.fo_stat = kqueue_stat,
};

/* ---- the system calls ------------------------------------------------- */

/* kqueue(2): a new, empty kqueue on the lowest free descriptor. */
int
sys_kqueue(struct proc *p, void *v __unused, register_t *retval)
{
	struct kqueue *kq;
	struct file *fp;
	int fd, error;

	/* The kqueue first: falloc's slot must not be seen half made. */
	kq = pool_get(&kqueue_pool, PR_WAITOK | PR_ZERO);
	if ((error = falloc(p, &fp, &fd)) != 0) {
		pool_put(&kqueue_pool, kq);
		return error;
	}
	TAILQ_INIT(&kq->kq_head);
	LIST_INIT(&kq->kq_knlist);
	kq->kq_fdp = p->p_fd;
	LIST_INSERT_HEAD(&kqueue_list, kq, kq_next);
	fp->f_flag = FREAD | FWRITE;
	fp->f_type = DTYPE_KQUEUE;
	fp->f_ops = &kqueueops;
	fp->f_data = kq;
	*retval = fd;
	return 0;
}

/*
 * kevent(2)'s deadline from the user's timeout: NULL waits without
 * limit (INFSLP), zero polls (0), else uptime + the timeout.
 * EINVAL for a negative time or nanoseconds out of range; EFAULT.
 */
static int
kevent_deadline(const struct timespec *uts, uint64_t *deadline)
{
	struct timespec ts;
	uint64_t ns;
	int error;

	*deadline = INFSLP;
	if (uts == NULL)
		return 0;
	if ((error = copyin(uts, &ts, sizeof(ts))) != 0)
		return error;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000)
		return EINVAL;
	if (ts.tv_sec > 100000000)	/* over three years: no limit */
		return 0;
	ns = TIMESPEC_TO_NSEC(&ts);
	*deadline = ns == 0 ? 0 : getnsecuptime() + ns;
	return 0;
}

/*
 * Apply nchanges changes from ulist.  A change that fails (or asks for
 * EV_RECEIPT) is reported as an EV_ERROR event with its errno in data
 * while there is room in the event list (*nevents, *eventlist advance;
 * *nerrors counts them); with no room the call fails with that errno.
 */
static int
kevent_changes(struct kqueue *kq, const struct kevent *ulist, int nchanges,
    struct kevent **eventlist, int *nevents, int *nerrors, struct proc *p)
{
	struct kevent kev[KQ_NEVENTS];
	int i, n, error;

	while (nchanges > 0) {
		n = MIN(nchanges, KQ_NEVENTS);
		if ((error = copyin(ulist, kev, n * sizeof(kev[0]))) != 0)
			return error;
		for (i = 0; i < n; i++) {
			kev[i].flags &= ~EV_SYSFLAGS;
			error = kqueue_register(kq, &kev[i], p);
			if (error == 0 && (kev[i].flags & EV_RECEIPT) == 0)
				continue;
			if (*nevents == 0)
				return error;
			kev[i].flags = EV_ERROR;
			kev[i].data = error;
			if ((error = copyout(&kev[i], *eventlist,
			    sizeof(kev[i]))) != 0)
				return error;
			(*eventlist)++;
			(*nevents)--;
			(*nerrors)++;
		}
		ulist += n;
		nchanges -= n;
	}
	return 0;
}

/*
 * kevent(2): apply the changes, then collect up to nevents events,
 * waiting as timeout says.  EBADF for a descriptor that is not a
 * kqueue, EINVAL for negative counts or a bad timeout, EFAULT, EINTR.
 * If any change was reported as an EV_ERROR event, those are the result
 * and nothing is collected, as upstream.
 */
int
sys_kevent(struct proc *p, void *v, register_t *retval)
{
	struct sys_kevent_args /* {
		syscallarg(int) fd;
		syscallarg(const struct kevent *) changelist;
		syscallarg(int) nchanges;
		syscallarg(struct kevent *) eventlist;
		syscallarg(int) nevents;
		syscallarg(const struct timespec *) timeout;
	} */ *uap = v;
	struct kevent *eventlist = SCARG(uap, eventlist);
	int nevents = SCARG(uap, nevents), nerrors = 0, error;
	uint64_t deadline;
	struct file *fp;

	fp = fd_getfile(p->p_fd, SCARG(uap, fd));
	if (fp == NULL || fp->f_type != DTYPE_KQUEUE)
		return EBADF;
	if (SCARG(uap, nchanges) < 0 || nevents < 0)
		return EINVAL;
	FREF(fp);		/* before a copyin may sleep and a close free it */
	if ((error = kevent_deadline(SCARG(uap, timeout), &deadline)) != 0) {
		(void)FRELE(fp, p);
		return error;
	}
	error = kevent_changes(fp->f_data, SCARG(uap, changelist),
	    SCARG(uap, nchanges), &eventlist, &nevents, &nerrors, p);
	if (error == 0 && nerrors > 0)
		*retval = nerrors;
	else if (error == 0)
		error = kqueue_scan(fp->f_data, nevents, eventlist, deadline,
		    p, retval);
	(void)FRELE(fp, p);
	return error;
}

/* ---- descriptors: EVFILT_READ, EVFILT_WRITE --------------------------- */

/*
 * Attach a read or write knote to its file: the file's fo_kqfilter
 * hangs it on the object and sets kn_fop to the object's filter.
 * EINVAL for a file that has none (a kqueue).
 */
static int
filt_fileattach(struct knote *kn)
{
	struct file *fp = kn->kn_fp;

	if (fp->f_ops->fo_kqfilter == NULL)
		return EINVAL;
	return fp->f_ops->fo_kqfilter(fp, kn);
}

static void
filt_seltruedetach(struct knote *kn __unused)
{
}

/* Always ready: a file in memory never blocks. */
static int
filt_seltrue(struct knote *kn, long hint __unused)
{
	kn->kn_data = 0;
	return 1;
}

static const struct filterops seltrue_filtops = {
	.f_flags = FILTEROP_ISFD,
	.f_attach = NULL,
	.f_detach = filt_seltruedetach,
	.f_event = filt_seltrue,
};

/*
 * fo_kqfilter for objects that are always ready (upstream's
 * seltrue_kqfilter): ramdisk files, /dev/null, /dev/tty without a
 * terminal.
 */
int
seltrue_kqfilter(struct knote *kn)
{
	switch (kn->kn_filter) {
	case EVFILT_READ:
	case EVFILT_WRITE:
		kn->kn_fop = &seltrue_filtops;
		return 0;
	default:
		return EINVAL;
	}
}
