/*
 * kernel/kern_lock.c: mutexes and the big kernel lock, on one CPU.
 *
 * mtx_enter() is OpenBSD's mutex(9) with nothing to spin on: raising cpl
 * to the mutex's level keeps out every interrupt handler that could take
 * it, and no other CPU exists.  What remains is the bookkeeping that
 * catches bugs: the owner, recursion, releasing a mutex one does not
 * hold.  sched_lock is one of these (sched_bsd.c).
 *
 * The kernel lock is counted per thread (mi_switch hands the count over),
 * so KERNEL_ASSERT_LOCKED and _UNLOCKED mean what they mean in OpenBSD.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/param.h>
#include <sys/mutex.h>
#include <sys/proc.h>
#include <sys/sched.h>
#include <machine/cpu.h>
#include <machine/intr.h>

/* Set up mtx, free, to raise cpl to wantipl when taken. */
void
mtx_init(struct mutex *mtx, int wantipl)
{
	mtx->mtx_owner = NULL;
	mtx->mtx_wantipl = wantipl;
	mtx->mtx_oldipl = IPL_NONE;
	mtx->mtx_name = NULL;
}

/*
 * Take mtx: raise cpl to its level and own it.
 * => panics if this CPU owns it already ("locking against myself").
 */
void
mtx_enter(struct mutex *mtx)
{
	int s = splraise(mtx->mtx_wantipl);

	if (mtx->mtx_owner == curcpu())
		panic("mtx_enter: %p: locking against myself", mtx);
	KASSERT(mtx->mtx_owner == NULL);	/* one CPU: nobody else */
	mtx->mtx_owner = curcpu();
	mtx->mtx_oldipl = s;
}

/* Take mtx if it is free; 1 on success. */
int
mtx_enter_try(struct mutex *mtx)
{
	if (mtx->mtx_owner != NULL)
		return 0;
	mtx_enter(mtx);
	return 1;
}

/* Release mtx and go back to the level from before mtx_enter(). */
void
mtx_leave(struct mutex *mtx)
{
	int s;

	if (mtx->mtx_owner != curcpu())
		panic("mtx_leave: %p: not held", mtx);
	s = mtx->mtx_oldipl;
	mtx->mtx_owner = NULL;
	splx(s);
}

/* Does this CPU hold mtx? */
int
mtx_owned(struct mutex *mtx)
{
	return mtx->mtx_owner == curcpu();
}

/*
 * The big lock.  kl_count is how often the running thread holds it;
 * a thread's holds leave with it in mi_switch and come back after.
 */
static struct proc *kl_owner;
static int kl_count;

/* => at boot, before any thread takes the lock. */
void
_kernel_lock_init(void)
{
	kl_owner = NULL;
	kl_count = 0;
}

/*
 * Take the big lock (again: it counts).
 * => no other thread may hold it; on one CPU, none can while we run.
 */
void
_kernel_lock(void)
{
	KASSERT(kl_owner == NULL || kl_owner == curproc);
	kl_owner = curproc;
	kl_count++;
}

/* Drop one hold.  => the running thread holds it. */
void
_kernel_unlock(void)
{
	KASSERT(kl_owner == curproc && kl_count > 0);
	if (--kl_count == 0)
		kl_owner = NULL;
}

/* Does the running thread hold the big lock? */
int
_kernel_lock_held(void)
{
	return kl_owner == curproc && kl_count > 0;
}

/* Give up every hold; returns how many for __mp_acquire_count(). */
int
__mp_release_all(void)
{
	int n = 0;

	if (kl_owner == curproc) {
		n = kl_count;
		kl_count = 0;
		kl_owner = NULL;
	}
	return n;
}

/* Take back the n holds __mp_release_all() gave up (mi_switch). */
void
__mp_acquire_count(int n)
{
	KASSERT(kl_owner == NULL);
	if (n > 0) {
		kl_owner = curproc;
		kl_count = n;
	}
}

/*
 * Panic if the caller may not sleep: in an interrupt handler, or with
 * cpl raised (a sleep would switch away with devices masked).
 */
void
assertwaitok(void)
{
	if (curcpu()->ci_idepth != 0)
		panic("assertwaitok: in an interrupt handler");
	if (cpl != IPL_NONE)
		panic("assertwaitok: cpl %d", cpl);
}
