/*
 * kernel/sys_futex.c: futex(2), the "fast user-space mutex" sleep and
 * wake-up that the thread library builds its locks on (OpenBSD's
 * sys/kern/sys_futex.c, written afresh for Tine).
 *
 * A futex is any 32-bit word of user memory.  User code changes the word
 * with atomic instructions and enters the kernel only to sleep until the
 * word changes (FUTEX_WAIT) or to wake sleepers (FUTEX_WAKE,
 * FUTEX_REQUEUE).  The kernel keeps nothing for a word nobody sleeps on:
 * a sleeping thread carries the word's name in its struct proc
 * (p_futex) and hangs on one of a few hash chains, in the order the
 * threads went to sleep:
 *
 *   futex_hash[hash(owner, off)] -> thread -> thread -> thread
 *                                   (pr, va)  (pr, va)  (amap, off)
 *
 * A word is named by the process and its address, except in memory
 * shared with other processes (minherit MAP_INHERIT_SHARE), where it is
 * named by the memory itself (the amap and the offset in it) so that
 * every process sharing it finds the same sleepers.  FUTEX_PRIVATE_FLAG
 * skips that lookup: the caller promises the word is its own.
 * PORT: upstream keeps a struct futex per word from a pool; here nothing
 * is allocated, so a wait costs no pool traffic (futex_pingpong in
 * docs/performance.md).
 *
 * WAIT's check of the word and its going to sleep cannot be split by a
 * wakeup: both happen under the kernel lock with nothing that sleeps in
 * between (the read of the word comes first).
 */

#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/proc.h>
#include <sys/time.h>
#include <sys/futex.h>
#include <sys/syscallargs.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_map.h>

#define FUTEX_HASH	64		/* chains; a power of two */

static TAILQ_HEAD(futex_chain, proc) futex_hash[FUTEX_HASH];

/* Empty chains.  => once, from main(). */
void
futex_init(void)
{
	int i;

	for (i = 0; i < FUTEX_HASH; i++)
		TAILQ_INIT(&futex_hash[i]);
}

/* The chain the sleepers on the word named f hang on. */
static struct futex_chain *
futex_chain(const struct futex *f)
{
	u_long h = (f->ft_off >> 2) ^ ((u_long)f->ft_owner >> 6);

	return &futex_hash[h & (FUTEX_HASH - 1)];
}

static int
futex_same(const struct futex *a, const struct futex *b)
{
	return a->ft_owner == b->ft_owner && a->ft_off == b->ft_off;
}

/*
 * The name of the word at uaddr in p's process, in *f.  Shared memory
 * is named by its amap unless the caller said FUTEX_PRIVATE_FLAG.
 * => EFAULT if nothing is mapped there, EINVAL if it is not aligned
 */
static int
futex_key(struct proc *p, vaddr_t uaddr, int private, struct futex *f)
{
	struct vm_map_entry *e;

	if (uaddr & (sizeof(uint32_t) - 1))
		return EINVAL;
	f->ft_owner = p->p_p;
	f->ft_off = uaddr;
	if (private)
		return 0;
	e = uvm_map_lookup(&p->p_vmspace->vm_map, uaddr);
	if (e == NULL)
		return EFAULT;
	if (e->inheritance == MAP_INHERIT_SHARE && e->aref != NULL) {
		f->ft_owner = e->aref;
		f->ft_off = uaddr - e->start;
	}
	return 0;
}

/* Hang q on the chain of the word named f. */
static void
futex_enqueue(struct proc *q, const struct futex *f)
{
	q->p_futex = *f;
	TAILQ_INSERT_TAIL(futex_chain(f), q, p_fut_link);
}

/* Take q off its chain (a waker's doing, or its own). */
static void
futex_dequeue(struct proc *q)
{
	TAILQ_REMOVE(futex_chain(&q->p_futex), q, p_fut_link);
	q->p_futex.ft_owner = NULL;
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
	if (ts.tv_sec == 0 && ts.tv_nsec == 0)
		return ETIMEDOUT;
	/* A huge timeout is "forever enough" (tsleep caps it), not a wrap. */
	*nsecs = (uint64_t)ts.tv_sec > MAXTSLP / 2000000000ULL ? MAXTSLP / 2 :
	    TIMESPEC_TO_NSEC(&ts);
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
	struct futex f;
	uint64_t nsecs;
	uint32_t cur;
	int error;

	if ((error = futex_timeout(timeout, &nsecs)) != 0)
		return error;
	if ((error = copyin(uaddr, &cur, sizeof(cur))) != 0)
		return error;
	/* From here to the sleep nothing sleeps: no wakeup falls between. */
	if ((error = futex_key(p, (vaddr_t)uaddr, private, &f)) != 0)
		return error;
	if (cur != val)
		return EAGAIN;
	futex_enqueue(p, &f);
	error = tsleep_nsec(&p->p_futex, PWAIT | PCATCH, "fsleep", nsecs);
	if (p->p_futex.ft_owner == NULL)
		return 0;		/* a waker took us off: woken */
	futex_dequeue(p);
	if (error == EWOULDBLOCK)
		return ETIMEDOUT;
	if (error == ERESTART)
		return ECANCELED;
	return error != 0 ? error : EINTR;	/* 0: for single-threading */
}

/*
 * Wake up to n threads sleeping on the word named f, and move up to m of
 * those left to the word named g.  Returns how many were woken.
 */
static int
futex_wake_requeue(const struct futex *f, int n, int m,
    const struct futex *g)
{
	struct futex_chain *chain = futex_chain(f);
	struct proc *q, *nq;
	int woken = 0;

	TAILQ_FOREACH_SAFE(q, chain, p_fut_link, nq) {
		if (!futex_same(&q->p_futex, f))
			continue;
		if (woken < n) {
			futex_dequeue(q);
			wakeup(&q->p_futex);
			woken++;
		} else if (m-- > 0) {
			futex_dequeue(q);
			futex_enqueue(q, g);
		} else
			break;
	}
	return woken;
}

/* FUTEX_WAKE and FUTEX_REQUEUE (m sleepers moved to g). */
static int
futex_wake(struct proc *p, const uint32_t *uaddr, int n, int m,
    const uint32_t *g, int private, register_t *retval)
{
	struct futex f, fg = { NULL, 0 };
	int error;

	*retval = 0;
	if ((error = futex_key(p, (vaddr_t)uaddr, private, &f)) != 0)
		return error;
	if (m > 0 && (error = futex_key(p, (vaddr_t)g, private, &fg)) != 0)
		return error;
	if (m > 0 && futex_same(&f, &fg))
		m = 0;		/* onto itself: would only go round again */
	if (n < 0)
		n = __INT_MAX__;	/* upstream's count is unsigned: all */
	*retval = futex_wake_requeue(&f, n, m, &fg);
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

	return futex_wake(p, (const uint32_t *)uaddr, __INT_MAX__, 0, NULL,
	    0, &woken);
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
