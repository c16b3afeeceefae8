/*
 * kernel/sys_futex.c: futex(2), the "fast user-space mutex" sleep and
 * wake-up that the thread library builds its locks on (OpenBSD's
 * sys/kern/sys_futex.c, written afresh for Tine).
 *
 * A futex is any 32-bit word of user memory.  User code changes the word
 * with atomic instructions and enters the kernel only to sleep until the
 * word changes (FUTEX_WAIT) or to wake sleepers (FUTEX_WAKE,
 * FUTEX_REQUEUE).  The kernel keeps a struct futex only while someone
 * sleeps on the word:
 *
 *   pr->ps_ftlist  -> futex { off = va }      -> thread -> thread
 *   ftlist_shared  -> futex { amap, off }     -> thread
 *
 * A word is named by the process and its address, except in memory
 * shared with other processes (minherit MAP_INHERIT_SHARE), where it is
 * named by the memory itself (the amap and the offset in it) so that
 * every process sharing it finds the same futex.  FUTEX_PRIVATE_FLAG
 * skips that lookup: the caller promises the word is its own.
 *
 * WAIT's check of the word and its going to sleep cannot be split by a
 * wakeup: both happen under the kernel lock without sleeping between
 * (the struct futex is allocated before the word is read).
 */

#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/pool.h>
#include <sys/proc.h>
#include <sys/time.h>
#include <sys/futex.h>
#include <sys/syscallargs.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_map.h>

struct futex {
	LIST_ENTRY(futex) ft_list;	/* on ps_ftlist or ftlist_shared */
	TAILQ_HEAD(, proc) ft_threads;	/* sleepers, through p_fut_link */
	struct	vm_amap *ft_amap;	/* shared memory, or NULL */
	vaddr_t	ft_off;			/* offset in it, or the address */
};

static struct pool futex_pool;
static struct futex_list ftlist_shared = LIST_HEAD_INITIALIZER(ftlist_shared);

/* Set up the pool futexes come from.  => once, from main(). */
void
futex_init(void)
{
	pool_init(&futex_pool, sizeof(struct futex), 0, IPL_NONE, PR_WAITOK,
	    "futexpl", NULL);
}

/*
 * The name of the word at uaddr in p's process: *amap and *off.  Shared
 * memory is named by its amap unless the caller said FUTEX_PRIVATE_FLAG.
 * => EFAULT if nothing is mapped there, EINVAL if it is not aligned
 */
static int
futex_key(struct proc *p, vaddr_t uaddr, int private, struct vm_amap **amap,
    vaddr_t *off)
{
	struct vm_map_entry *e;

	if (uaddr & (sizeof(uint32_t) - 1))
		return EINVAL;
	*amap = NULL;
	*off = uaddr;
	if (private)
		return 0;
	e = uvm_map_lookup(&p->p_vmspace->vm_map, uaddr);
	if (e == NULL)
		return EFAULT;
	if (e->inheritance == MAP_INHERIT_SHARE && e->aref != NULL) {
		*amap = e->aref;
		*off = uaddr - e->start;
	}
	return 0;
}

/* The list futexes named like this live on. */
static struct futex_list *
futex_list(struct proc *p, struct vm_amap *amap)
{
	return amap != NULL ? &ftlist_shared : &p->p_p->ps_ftlist;
}

/* The futex named (amap, off), or NULL if nobody sleeps on it. */
static struct futex *
futex_lookup(struct proc *p, struct vm_amap *amap, vaddr_t off)
{
	struct futex *f;

	LIST_FOREACH(f, futex_list(p, amap), ft_list)
		if (f->ft_amap == amap && f->ft_off == off)
			return f;
	return NULL;
}

/* Free f once its last sleeper has left. */
static void
futex_release(struct futex *f)
{
	if (f != NULL && TAILQ_EMPTY(&f->ft_threads)) {
		LIST_REMOVE(f, ft_list);
		pool_put(&futex_pool, f);
	}
}

/* Queue curproc on the futex (amap, off), using spare if it is new. */
static struct futex *
futex_enqueue(struct proc *p, struct vm_amap *amap, vaddr_t off,
    struct futex **spare)
{
	struct futex *f;

	if ((f = futex_lookup(p, amap, off)) == NULL) {
		f = *spare;
		*spare = NULL;
		TAILQ_INIT(&f->ft_threads);
		f->ft_amap = amap;
		f->ft_off = off;
		LIST_INSERT_HEAD(futex_list(p, amap), f, ft_list);
	}
	TAILQ_INSERT_TAIL(&f->ft_threads, p, p_fut_link);
	p->p_futex = f;
	return f;
}

/* Take q off the futex it sleeps on (a waker's, or its own doing). */
static void
futex_dequeue(struct proc *q)
{
	struct futex *f = q->p_futex;

	TAILQ_REMOVE(&f->ft_threads, q, p_fut_link);
	q->p_futex = NULL;
}

/* The relative timeout at *timeout, in nanoseconds (INFSLP if none). */
static int
futex_timeout(const struct timespec *timeout, uint64_t *nsecs)
{
	struct timespec ts;
	int error;

	*nsecs = INFSLP;
	if (timeout == NULL)
		return 0;
	if ((error = copyin(timeout, &ts, sizeof(ts))) != 0)
		return error;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000L)
		return EINVAL;
	if ((*nsecs = TIMESPEC_TO_NSEC(&ts)) == 0)
		return ETIMEDOUT;
	return 0;
}

/*
 * FUTEX_WAIT: sleep while *uaddr == val, at most the relative timeout.
 * => 0 when woken; EAGAIN if the word differs, ETIMEDOUT, EINTR for a
 *    signal (ECANCELED where the signal's action restarts calls, as
 *    upstream: the caller, not the kernel, decides whether to retry)
 */
static int
futex_wait(struct proc *p, const uint32_t *uaddr, uint32_t val,
    const struct timespec *timeout, int private)
{
	struct futex *spare, *f;
	struct vm_amap *amap;
	uint64_t nsecs;
	uint32_t cur;
	vaddr_t off;
	int error;

	if ((error = futex_timeout(timeout, &nsecs)) != 0)
		return error;
	spare = pool_get(&futex_pool, PR_WAITOK);
	if ((error = copyin(uaddr, &cur, sizeof(cur))) != 0)
		goto out;
	/* From here to the sleep nothing sleeps: no wakeup falls between. */
	if ((error = futex_key(p, (vaddr_t)uaddr, private, &amap,
	    &off)) != 0)
		goto out;
	if (cur != val) {
		error = EAGAIN;
		goto out;
	}
	futex_enqueue(p, amap, off, &spare);
	error = tsleep_nsec(&p->p_futex, PWAIT | PCATCH, "fsleep", nsecs);
	if ((f = p->p_futex) == NULL)
		error = 0;		/* a waker took us off: woken */
	else {
		futex_dequeue(p);
		futex_release(f);
		if (error == EWOULDBLOCK)
			error = ETIMEDOUT;
		else if (error == ERESTART)
			error = ECANCELED;
		else if (error == 0)
			error = EINTR;	/* woken for single-threading */
	}
out:
	if (spare != NULL)
		pool_put(&futex_pool, spare);
	return error;
}

/*
 * Wake up to n threads sleeping on f, and move up to m of those left to
 * the futex (gamap, goff).  Returns how many were woken.
 */
static int
futex_wake_requeue(struct proc *p, struct futex *f, int n, int m,
    struct vm_amap *gamap, vaddr_t goff)
{
	struct futex *g = NULL, *spare = NULL;
	struct proc *q;
	int woken = 0;

	while (woken < n && (q = TAILQ_FIRST(&f->ft_threads)) != NULL) {
		futex_dequeue(q);
		wakeup(&q->p_futex);
		woken++;
	}
	while (m-- > 0 && (q = TAILQ_FIRST(&f->ft_threads)) != NULL) {
		if (g == NULL && (g = futex_lookup(p, gamap, goff)) == NULL) {
			/* No sleep here: a pool item kept for this. */
			if ((spare = pool_get(&futex_pool, PR_NOWAIT)) == NULL)
				break;
		}
		futex_dequeue(q);
		g = futex_enqueue(q, gamap, goff, &spare);
	}
	if (spare != NULL)
		pool_put(&futex_pool, spare);
	futex_release(f);
	return woken;
}

/* FUTEX_WAKE and FUTEX_REQUEUE (m sleepers moved to g). */
static int
futex_wake(struct proc *p, const uint32_t *uaddr, int n, int m,
    const uint32_t *g, int private, register_t *retval)
{
	struct vm_amap *amap, *gamap = NULL;
	vaddr_t off, goff = 0;
	struct futex *f;
	int error;

	*retval = 0;
	if ((error = futex_key(p, (vaddr_t)uaddr, private, &amap, &off)) != 0)
		return error;
	if (m > 0 && (error = futex_key(p, (vaddr_t)g, private, &gamap,
	    &goff)) != 0)
		return error;
	if (n < 0 || (f = futex_lookup(p, amap, off)) == NULL)
		return 0;
	*retval = futex_wake_requeue(p, f, n, m, gamap, goff);
	return 0;
}

/*
 * Wake every thread sleeping on the word at uaddr (__threxit: a join
 * sleeps on the exiting thread's tid word).
 */
int
futex_wake_all(struct proc *p, const volatile void *uaddr)
{
	register_t woken;

	return futex_wake(p, (const uint32_t *)uaddr, __INT_MAX__, 0, NULL, 0,
	    &woken);
}

/*
 * futex(2): futex(f, op, val, timeout, g).  REQUEUE passes in timeout's
 * place how many sleepers to move to g.  An unknown op is ENOSYS.
 */
int
sys_futex(struct proc *p, void *v, register_t *retval)
{
	struct sys_futex_args /* {
		syscallarg(uint32_t *) f;
		syscallarg(int) op;
		syscallarg(int) val;
		syscallarg(const struct timespec *) timeout;
		syscallarg(uint32_t *) g;
	} */ *uap = v;
	int op = SCARG(uap, op), private = op & FUTEX_PRIVATE_FLAG;

	*retval = 0;
	switch (op & ~FUTEX_PRIVATE_FLAG) {
	case FUTEX_WAIT:
		return futex_wait(p, SCARG(uap, f), SCARG(uap, val),
		    SCARG(uap, timeout), private);
	case FUTEX_WAKE:
		return futex_wake(p, SCARG(uap, f), SCARG(uap, val), 0, NULL,
		    private, retval);
	case FUTEX_REQUEUE:
		return futex_wake(p, SCARG(uap, f), SCARG(uap, val),
		    (int)(vaddr_t)SCARG(uap, timeout), SCARG(uap, g), private,
		    retval);
	}
	return ENOSYS;
}
