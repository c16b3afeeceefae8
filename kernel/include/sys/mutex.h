/*
 * sys/mutex.h: mutex(9), spinning locks that raise the interrupt level.
 *
 * PORT: one CPU, so nothing ever spins: mtx_enter raises cpl to the
 * mutex's level (keeping out every interrupt that could take it too),
 * records the owning CPU and panics if it already owns it.  That is the
 * whole of a mutex on a uniprocessor; the checks keep code honest for a
 * second CPU.  The owner is the CPU, not the thread, as in OpenBSD:
 * sched_lock is taken by one thread and released by the next one after
 * cpu_switchto.
 */
#ifndef _SYS_MUTEX_H_
#define _SYS_MUTEX_H_

#include <machine/intr.h>

struct cpu_info;

struct mutex {
	struct cpu_info *volatile mtx_owner;
	int	mtx_wantipl;		/* the level it raises to */
	int	mtx_oldipl;		/* the level before mtx_enter */
	const char *mtx_name;
};

#define MUTEX_INITIALIZER(ipl)	{ NULL, (ipl), 0, NULL }

void	mtx_init(struct mutex *, int);
void	mtx_enter(struct mutex *);
int	mtx_enter_try(struct mutex *);
void	mtx_leave(struct mutex *);
int	mtx_owned(struct mutex *);

#define MUTEX_ASSERT_LOCKED(m) do {					\
	if (!mtx_owned(m))						\
		panic("mutex %p not held in %s", (m), __func__);	\
} while (0)
#define MUTEX_ASSERT_UNLOCKED(m) do {					\
	if (mtx_owned(m))						\
		panic("mutex %p held in %s", (m), __func__);		\
} while (0)
#define MUTEX_OLDIPL(m)		((m)->mtx_oldipl)

#endif /* _SYS_MUTEX_H_ */
