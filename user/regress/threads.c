/*
 * regress/threads: <pthread.h>, <semaphore.h> and libc's thread safety
 * on Tine's __tfork/futex/__threxit/thrkill: mutex kinds, conditions,
 * rwlocks, semaphores, once, keys, per-thread errno and TCB, signals to
 * a thread and to the process, exit/exec/fork from threaded processes,
 * the kernel's error answers, and thread counters that come back.
 * Prints each check that fails; exits with how many did.
 * /regress/tfork checks the system calls without the library.  The two
 * heavy loops are programs of their own, /regress/threads-counter (8
 * threads, 100,000 increments each under a mutex; errno, TCB and tids)
 * and /regress/threads-handoff (10,000 condition-variable handoffs),
 * because the regress runner gives each program 10 s of Bochs time (10 M
 * instructions a second, less the clock's share at hz=1000).
 */

#include <sys/types.h>
#include <sys/futex.h>
#include <sys/sysctl.h>
#include <sys/wait.h>
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tib.h>
#include <time.h>
#include <unistd.h>

#include "kern_counts.h"

#define THREAD_PID_OFFSET	100000

static int failures;

#define CHECK(e) do {							\
	if (!(e)) {							\
		printf("regress/threads: line %d: %s\n", __LINE__, #e);	\
		failures++;						\
	}								\
} while (0)

/* An absolute CLOCK_REALTIME deadline ms milliseconds from now. */
static struct timespec
deadline(int ms)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += ms / 1000;
	ts.tv_nsec += (ms % 1000) * 1000000L;
	if (ts.tv_nsec >= 1000000000L) {
		ts.tv_nsec -= 1000000000L;
		ts.tv_sec++;
	}
	return ts;
}

static long
ms_since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_REALTIME, &t1);
	return (t1.tv_sec - t0->tv_sec) * 1000 +
	    (t1.tv_nsec - t0->tv_nsec) / 1000000;
}

/* ---- mutex kinds ---- */

static pthread_mutex_t held;

static void *
fn_trylock(void *arg)
{
	(void)arg;
	return (void *)(intptr_t)pthread_mutex_trylock(&held);
}

static void *
fn_unlock(void *arg)
{
	(void)arg;
	return (void *)(intptr_t)pthread_mutex_unlock(&held);
}

static int
other_thread(void *(*fn)(void *))
{
	pthread_t t;
	void *ret = (void *)-1;

	if (pthread_create(&t, NULL, fn, NULL) != 0 ||
	    pthread_join(t, &ret) != 0)
		return -1;
	return (intptr_t)ret;
}

static void
test_mutex_kinds(void)
{
	pthread_mutexattr_t ma;
	int type;

	CHECK(pthread_mutexattr_init(&ma) == 0);
	CHECK(pthread_mutexattr_settype(&ma, 12345) == EINVAL);
	CHECK(pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_RECURSIVE) == 0);
	CHECK(pthread_mutexattr_gettype(&ma, &type) == 0 &&
	    type == PTHREAD_MUTEX_RECURSIVE);
	CHECK(pthread_mutex_init(&held, &ma) == 0);
	CHECK(pthread_mutex_lock(&held) == 0);
	CHECK(pthread_mutex_lock(&held) == 0);
	CHECK(pthread_mutex_trylock(&held) == 0);
	CHECK(other_thread(fn_trylock) == EBUSY);
	CHECK(other_thread(fn_unlock) == EPERM);
	CHECK(pthread_mutex_unlock(&held) == 0);
	CHECK(pthread_mutex_unlock(&held) == 0);
	CHECK(other_thread(fn_trylock) == EBUSY);	/* still held once */
	CHECK(pthread_mutex_unlock(&held) == 0);
	CHECK(pthread_mutex_unlock(&held) == EPERM);
	CHECK(pthread_mutex_destroy(&held) == 0);

	CHECK(pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_ERRORCHECK) == 0);
	CHECK(pthread_mutex_init(&held, &ma) == 0);
	CHECK(pthread_mutex_unlock(&held) == EPERM);
	CHECK(pthread_mutex_lock(&held) == 0);
	CHECK(pthread_mutex_lock(&held) == EDEADLK);
	CHECK(pthread_mutex_trylock(&held) == EBUSY);
	CHECK(other_thread(fn_unlock) == EPERM);
	CHECK(pthread_mutex_destroy(&held) == EBUSY);
	CHECK(pthread_mutex_unlock(&held) == 0);
	CHECK(pthread_mutex_destroy(&held) == 0);
	CHECK(pthread_mutexattr_destroy(&ma) == 0);

	/* NORMAL (the default, and the static initializer) */
	held = (pthread_mutex_t)PTHREAD_MUTEX_INITIALIZER;
	CHECK(pthread_mutex_trylock(&held) == 0);
	CHECK(pthread_mutex_trylock(&held) == EBUSY);
	CHECK(other_thread(fn_trylock) == EBUSY);
	CHECK(pthread_mutex_unlock(&held) == 0);
	CHECK(other_thread(fn_trylock) == 0);	/* it exits holding it */
}

/* ---- once, keys ---- */

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int once_ran;
static pthread_key_t key1, key2;
static int dtor_sum, dtor_calls;

static void
once_fn(void)
{
	once_ran++;
	sched_yield();		/* others arrive while it runs */
}

static void
dtor(void *v)
{
	dtor_sum += (intptr_t)v;
	dtor_calls++;
}

/* A destructor that stores again: it runs a second round. */
static void
dtor_again(void *v)
{
	dtor_calls++;
	if ((intptr_t)v == 1)
		pthread_setspecific(key2, (void *)2);
}

static void *
fn_once_keys(void *arg)
{
	intptr_t n = (intptr_t)arg;

	pthread_once(&once, once_fn);
	if (pthread_getspecific(key1) != NULL)
		return (void *)1;
	pthread_setspecific(key1, (void *)n);
	pthread_setspecific(key2, (void *)1);
	sched_yield();
	return pthread_getspecific(key1) == (void *)n ? NULL : (void *)1;
}

static void
test_once_keys(void)
{
	pthread_t t[4];
	pthread_key_t k3;
	void *ret;
	int i;

	CHECK(pthread_key_create(&key1, dtor) == 0);
	CHECK(pthread_key_create(&key2, dtor_again) == 0);
	CHECK(key1 != key2);
	CHECK(pthread_setspecific(key1, (void *)1000) == 0);
	for (i = 0; i < 4; i++)
		CHECK(pthread_create(&t[i], NULL, fn_once_keys,
		    (void *)(intptr_t)(i + 1)) == 0);
	for (i = 0; i < 4; i++)
		CHECK(pthread_join(t[i], &ret) == 0 && ret == NULL);
	CHECK(once_ran == 1);
	CHECK(pthread_once(&once, once_fn) == 0 && once_ran == 1);
	/* key1: 1+2+3+4; key2: 1 then 2 in each of 4 threads */
	CHECK(dtor_sum == 10);
	CHECK(dtor_calls == 4 + 8);
	CHECK(pthread_getspecific(key1) == (void *)1000);  /* main's own */
	CHECK(pthread_key_delete(key1) == 0);
	CHECK(pthread_key_delete(key1) == EINVAL);
	CHECK(pthread_key_create(&k3, NULL) == 0);
	CHECK(pthread_getspecific(k3) == NULL);	/* a new key starts empty */
	CHECK(pthread_key_delete(k3) == 0 && pthread_key_delete(key2) == 0);
}

/* ---- rwlock ---- */

static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static volatile int rw_value, rw_bad;

static void *
fn_rw_try(void *arg)
{
	intptr_t wr = (intptr_t)arg;
	int r = wr ? pthread_rwlock_trywrlock(&rw) :
	    pthread_rwlock_tryrdlock(&rw);

	if (r == 0)
		pthread_rwlock_unlock(&rw);
	return (void *)(intptr_t)r;
}

static void *
fn_rw_mix(void *arg)
{
	intptr_t n = (intptr_t)arg;
	int i, v;

	for (i = 0; i < 300; i++) {
		if ((i + n) % 3 == 0) {
			pthread_rwlock_wrlock(&rw);
			v = rw_value;
			sched_yield();
			rw_value = v + 1;	/* lost if another wrote */
			pthread_rwlock_unlock(&rw);
		} else {
			pthread_rwlock_rdlock(&rw);
			v = rw_value;
			sched_yield();
			if (v != rw_value)
				rw_bad++;
			pthread_rwlock_unlock(&rw);
		}
	}
	return NULL;
}

static int
other_rw_try(int wr)
{
	pthread_t t;
	void *ret = (void *)-1;

	if (pthread_create(&t, NULL, fn_rw_try, (void *)(intptr_t)wr) != 0 ||
	    pthread_join(t, &ret) != 0)
		return -1;
	return (intptr_t)ret;
}

static void
test_rwlock(void)
{
	pthread_t t[4];
	int i, writes = 0;

	CHECK(pthread_rwlock_rdlock(&rw) == 0);
	CHECK(pthread_rwlock_rdlock(&rw) == 0);
	CHECK(other_rw_try(0) == 0);		/* readers share */
	CHECK(other_rw_try(1) == EBUSY);
	CHECK(pthread_rwlock_unlock(&rw) == 0);
	CHECK(pthread_rwlock_unlock(&rw) == 0);
	CHECK(pthread_rwlock_unlock(&rw) == EPERM);
	CHECK(pthread_rwlock_wrlock(&rw) == 0);
	CHECK(pthread_rwlock_wrlock(&rw) == EDEADLK);
	CHECK(other_rw_try(0) == EBUSY && other_rw_try(1) == EBUSY);
	CHECK(pthread_rwlock_destroy(&rw) == EBUSY);
	CHECK(pthread_rwlock_unlock(&rw) == 0);
	CHECK(other_rw_try(1) == 0);
	for (i = 0; i < 4; i++)
		CHECK(pthread_create(&t[i], NULL, fn_rw_mix,
		    (void *)(intptr_t)i) == 0);
	for (i = 0; i < 4; i++)
		CHECK(pthread_join(t[i], NULL) == 0);
	for (i = 0; i < 4 * 300; i++)
		writes += (i % 300 + i / 300) % 3 == 0;
	CHECK(rw_value == writes && rw_bad == 0);
	CHECK(pthread_rwlock_destroy(&rw) == 0);
}

/* ---- semaphores, timed waits ---- */

static sem_t sem_items, sem_done;

static void *
fn_sem(void *arg)
{
	int i;

	(void)arg;
	for (i = 0; i < 100; i++)
		if (sem_wait(&sem_items) == -1)
			return (void *)1;
	sem_post(&sem_done);
	return NULL;
}

static void
test_sem(void)
{
	struct timespec ts, t0;
	pthread_t t;
	void *ret;
	int v, i;

	CHECK(sem_init(&sem_items, 0, 0) == 0);
	CHECK(sem_init(&sem_done, 0, 0) == 0);
	CHECK(sem_trywait(&sem_items) == -1 && errno == EAGAIN);
	CHECK(pthread_create(&t, NULL, fn_sem, NULL) == 0);
	for (i = 0; i < 100; i++) {
		CHECK(sem_post(&sem_items) == 0);
		if (i % 7 == 0)
			sched_yield();
	}
	CHECK(sem_wait(&sem_done) == 0);
	CHECK(pthread_join(t, &ret) == 0 && ret == NULL);
	CHECK(sem_getvalue(&sem_items, &v) == 0 && v == 0);
	CHECK(sem_post(&sem_items) == 0 && sem_post(&sem_items) == 0);
	CHECK(sem_getvalue(&sem_items, &v) == 0 && v == 2);
	CHECK(sem_trywait(&sem_items) == 0);
	ts = deadline(20);
	CHECK(sem_timedwait(&sem_items, &ts) == 0);	/* one is there */
	clock_gettime(CLOCK_REALTIME, &t0);
	ts = deadline(50);
	CHECK(sem_timedwait(&sem_items, &ts) == -1 && errno == ETIMEDOUT);
	CHECK(ms_since(&t0) >= 40);
	ts.tv_nsec = 1000000000L;
	CHECK(sem_timedwait(&sem_items, &ts) == -1 && errno == EINVAL);
	CHECK(sem_destroy(&sem_items) == 0 && sem_destroy(&sem_done) == 0);
}

static void
test_cond_timedwait(void)
{
	pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
	pthread_cond_t c = PTHREAD_COND_INITIALIZER;
	pthread_condattr_t ca;
	struct timespec ts, t0;

	clock_gettime(CLOCK_REALTIME, &t0);
	ts = deadline(50);
	pthread_mutex_lock(&m);
	CHECK(pthread_cond_timedwait(&c, &m, &ts) == ETIMEDOUT);
	CHECK(ms_since(&t0) >= 40);
	CHECK(pthread_mutex_trylock(&m) == EBUSY);	/* held again */
	CHECK(pthread_cond_timedwait(&c, &m, &ts) == ETIMEDOUT);  /* past */
	ts.tv_nsec = -1;
	CHECK(pthread_cond_timedwait(&c, &m, &ts) == EINVAL);
	pthread_mutex_unlock(&m);
	CHECK(pthread_condattr_init(&ca) == 0);
	CHECK(pthread_condattr_setclock(&ca, 12345) == EINVAL);
	CHECK(pthread_condattr_setclock(&ca, CLOCK_MONOTONIC) == 0);
	CHECK(pthread_cond_init(&c, &ca) == 0);
	clock_gettime(CLOCK_MONOTONIC, &ts);
	ts.tv_nsec += 20000000L;
	if (ts.tv_nsec >= 1000000000L) {
		ts.tv_nsec -= 1000000000L;
		ts.tv_sec++;
	}
	pthread_mutex_lock(&m);
	CHECK(pthread_cond_timedwait(&c, &m, &ts) == ETIMEDOUT);
	pthread_mutex_unlock(&m);
	CHECK(pthread_cond_destroy(&c) == 0);
}

/* ---- exit, exec and fork in a threaded process ---- */

static volatile int spin_stop;
static volatile unsigned int spins;

static void *
fn_spin(void *arg)
{
	(void)arg;
	while (!spin_stop) {
		spins++;
		sched_yield();
	}
	return NULL;
}

static void *
fn_exit(void *arg)
{
	exit((intptr_t)arg);
}

static void *
fn_exec(void *arg)
{
	(void)arg;
	execl("/bin/sh", "sh", "-c", "exit 42", (char *)NULL);
	_exit(99);
}

/*
 * In a forked child with a second thread spinning, run fn in a third;
 * the main thread blocks in pthread_join.  => the child's wait status.
 */
static int
child_with_threads(void *(*fn)(void *), void *arg)
{
	pthread_t s, t;
	pid_t pid;
	int status = -1;

	fflush(stdout);
	if ((pid = fork()) == 0) {
		spin_stop = 0;
		pthread_create(&s, NULL, fn_spin, NULL);
		pthread_create(&t, NULL, fn, arg);
		pthread_join(s, NULL);
		_exit(98);		/* not reached: fn ends the process */
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

static void *
fn_late_exit(void *arg)
{
	usleep(20000);
	exit((intptr_t)arg);
}

/*
 * pthread_exit from the main thread of a forked child: the process lives
 * on until its other thread exits with 24 (not 0, as it would be if the
 * main thread's exit had ended it).  => the child's wait status.
 */
static int
child_main_pthread_exit(void)
{
	pthread_t t;
	pid_t pid;
	int status = -1;

	fflush(stdout);
	if ((pid = fork()) == 0) {
		pthread_create(&t, NULL, fn_late_exit, (void *)24);
		pthread_exit(NULL);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

static void
test_exit_exec(void)
{
	int status, nthreads = sysctl_int(KERN_NTHREADS);

	status = child_main_pthread_exit();
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 24);

	status = child_with_threads(fn_exit, (void *)23);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 23);
	status = child_with_threads(fn_exec, NULL);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 42);
	CHECK(nthreads_settles_at(nthreads));
}

/* Threads of a process, through kern.proc with KERN_PROC_SHOW_THREADS. */
static int
count_threads(pid_t pid)
{
	int mib[6] = { CTL_KERN, KERN_PROC,
	    KERN_PROC_PID | KERN_PROC_SHOW_THREADS, pid,
	    sizeof(struct kinfo_proc), 16 };
	static struct kinfo_proc kp[16];
	size_t len = sizeof(kp);

	if (sysctl(mib, 6, kp, &len, NULL, 0) == -1)
		return -1;
	return len / sizeof(kp[0]);
}

static void *
fn_child_thread(void *arg)
{
	return (void *)((intptr_t)arg + 1);
}

/*
 * The forked child of a threaded process: one thread (the caller), a
 * tid of its own in the TIB, working locks (printf and malloc while the
 * parent's spinner was busy), and threads of its own.
 */
static int
forked_child(int fd)
{
	pthread_t t;
	void *ret = NULL;
	char c, *p;
	int bad = 0;

	read(fd, &c, 1);
	bad += count_threads(getpid()) != 1;
	bad += __main_tib.tib_tid != getthrid();
	p = malloc(100);
	bad += p == NULL;
	free(p);
	printf("%s", "");
	bad += pthread_create(&t, NULL, fn_child_thread, (void *)41) != 0;
	bad += pthread_join(t, &ret) != 0 || ret != (void *)42;
	return bad;
}

static void
test_fork(void)
{
	pthread_t s;
	int p[2], status = -1;
	unsigned int before;
	char c = 0;
	pid_t pid;

	spin_stop = 0;
	CHECK(pthread_create(&s, NULL, fn_spin, NULL) == 0);
	CHECK(count_threads(getpid()) == 2);
	CHECK(pipe(p) == 0);
	fflush(stdout);
	if ((pid = fork()) == 0)
		_exit(forked_child(p[0]));
	CHECK(count_threads(pid) == 1);
	CHECK(write(p[1], &c, 1) == 1);
	CHECK(waitpid(pid, &status, 0) == pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	before = spins;
	usleep(30000);
	CHECK(spins != before);		/* the parent's thread ran on */
	spin_stop = 1;
	CHECK(pthread_join(s, NULL) == 0);
	close(p[0]);
	close(p[1]);
}

/* ---- signals to a thread, and to the process ---- */

static volatile pid_t handled_by;
static volatile int handled;

static void
on_signal(int sig)
{
	(void)sig;
	handled_by = getthrid();
	handled++;
}

static sem_t sig_ready, sig_sem;	/* "I am waiting"; never posted */

/* Wait up to a second in sem_timedwait, which a handler interrupts. */
static void *
fn_sig_waiter(void *arg)
{
	struct timespec ts = deadline(1000);
	sigset_t set;

	if (arg != NULL) {	/* the one thread that takes SIGUSR2 */
		sigemptyset(&set);
		sigaddset(&set, SIGUSR2);
		pthread_sigmask(SIG_UNBLOCK, &set, NULL);
	}
	sem_post(&sig_ready);
	while (!handled && sem_timedwait(&sig_sem, &ts) == -1 &&
	    errno == EINTR)
		;
	return (void *)(intptr_t)getthrid();
}

static void
test_signals(void)
{
	struct sigaction sa = { .sa_handler = on_signal };
	sigset_t set, old;
	pthread_t t[3];
	void *ret;
	int i;

	sigaction(SIGUSR1, &sa, NULL);
	sigaction(SIGUSR2, &sa, NULL);
	sem_init(&sig_sem, 0, 0);
	sem_init(&sig_ready, 0, 0);

	/* thread-directed: pthread_kill to one thread */
	handled = 0;
	CHECK(pthread_create(&t[0], NULL, fn_sig_waiter, NULL) == 0);
	sem_wait(&sig_ready);
	CHECK(pthread_kill(t[0], SIGUSR1) == 0);
	CHECK(pthread_join(t[0], &ret) == 0);
	CHECK(handled == 1 && handled_by == (intptr_t)ret);
	CHECK(pthread_kill(pthread_self(), SIGUSR1) == 0);
	CHECK(handled == 2 && handled_by == getthrid());
	CHECK(pthread_kill(pthread_self(), NSIG) == EINVAL);
	CHECK(raise(SIGUSR1) == 0 && handled == 3);

	/* process-directed: only t[1] does not block SIGUSR2 */
	handled = 0;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	CHECK(pthread_sigmask(SIG_BLOCK, &set, &old) == 0);
	CHECK(pthread_sigmask(12345, &set, NULL) == EINVAL);
	for (i = 0; i < 3; i++) {
		CHECK(pthread_create(&t[i], NULL, fn_sig_waiter,
		    (void *)(intptr_t)(i == 1)) == 0);
		sem_wait(&sig_ready);
	}
	CHECK(kill(getpid(), SIGUSR2) == 0);
	CHECK(pthread_join(t[1], &ret) == 0);
	CHECK(handled == 1 && handled_by == (intptr_t)ret);
	sem_post(&sig_sem);		/* let the other two go */
	sem_post(&sig_sem);
	CHECK(pthread_join(t[0], NULL) == 0 && pthread_join(t[2], NULL) == 0);
	CHECK(handled == 1);
	CHECK(pthread_sigmask(SIG_SETMASK, &old, NULL) == 0);
	sem_destroy(&sig_sem);
	sem_destroy(&sig_ready);
}

/* ---- the kernel's answers to bad calls ---- */

static void
fn_never(void *arg)
{
	(void)arg;
	for (;;)
		sched_yield();
}

static void
test_kernel_errors(void)
{
	static char stack[4096] __attribute__((aligned(16)));
	static struct tib tib;
	static volatile uint32_t word = 5;
	struct __tfork tf = { &tib, NULL, stack + sizeof(stack) };
	struct timespec ts = { 0, 20000000 }, bad = { 0, -1 }, t0;
	pid_t pid;
	int status = 0, nthreads = sysctl_int(KERN_NTHREADS);

	tib.tib_self = &tib;
	CHECK(__tfork_thread(&tf, 0, fn_never, NULL) == -1 &&
	    errno == EINVAL);
	CHECK(__tfork_thread(&tf, 13, fn_never, NULL) == -1 &&
	    errno == EINVAL);
	tf.tf_stack = NULL;
	CHECK(__tfork_thread(&tf, sizeof(tf), fn_never, NULL) == -1 &&
	    errno == EINVAL);
	CHECK(sysctl_int(KERN_NTHREADS) == nthreads);
	fflush(stdout);
	if ((pid = fork()) == 0) {	/* a bad tf_tid: SIGSEGV to us */
		tf.tf_stack = stack + sizeof(stack);
		tf.tf_tid = (pid_t *)0x10;
		__tfork_thread(&tf, sizeof(tf), fn_never, NULL);
		for (;;)
			sched_yield();
	}
	CHECK(waitpid(pid, &status, 0) == pid);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV);

	CHECK(thrkill(0, NSIG, NULL) == -1 && errno == EINVAL);
	CHECK(thrkill(0, -1, NULL) == -1 && errno == EINVAL);
	CHECK(thrkill(THREAD_PID_OFFSET + 99999, 0, NULL) == -1 &&
	    errno == ESRCH);
	CHECK(thrkill(getpid(), 0, NULL) == -1 && errno == ESRCH);
	CHECK(thrkill(0, 0, NULL) == 0);
	CHECK(thrkill(getthrid(), 0, &__main_tib) == 0);
	CHECK(thrkill(getthrid(), 0, &tib) == -1 && errno == ESRCH);

	CHECK(futex(&word, FUTEX_WAIT, 4, NULL, NULL) == -1 &&
	    errno == EAGAIN);
	clock_gettime(CLOCK_REALTIME, &t0);
	CHECK(futex(&word, FUTEX_WAIT, 5, &ts, NULL) == -1 &&
	    errno == ETIMEDOUT);
	CHECK(ms_since(&t0) >= 15);
	CHECK(futex(&word, FUTEX_WAIT, 5, &bad, NULL) == -1 &&
	    errno == EINVAL);
	CHECK(futex(&word, 99, 5, NULL, NULL) == -1 && errno == ENOSYS);
	CHECK(futex(NULL, FUTEX_WAIT, 5, NULL, NULL) == -1 &&
	    errno == EFAULT);
	CHECK(futex(&word, FUTEX_WAKE, 1, NULL, NULL) == 0);
}

/* ---- many threads: the kernel's limit, and counters that come back ---- */

#define MANY	48

static pthread_mutex_t gate_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t gate_cond = PTHREAD_COND_INITIALIZER;
static int gate_open;

static void *
fn_gate(void *arg)
{
	pthread_mutex_lock(&gate_lock);
	while (!gate_open)
		pthread_cond_wait(&gate_cond, &gate_lock);
	pthread_mutex_unlock(&gate_lock);
	return arg;
}

/*
 * Create threads that wait at a gate until pthread_create fails or max
 * are made; open the gate, join them all.  => how many were made, and
 * in *err the failure (0 if none).
 */
static int
create_many(pthread_t *t, int max, int *err)
{
	pthread_attr_t attr;
	void *ret;
	int n, i;

	pthread_attr_init(&attr);
	CHECK(pthread_attr_setstacksize(&attr, PTHREAD_STACK_MIN - 1) ==
	    EINVAL);
	CHECK(pthread_attr_setstacksize(&attr, PTHREAD_STACK_MIN) == 0);
	gate_open = 0;
	*err = 0;
	for (n = 0; n < max; n++)
		if ((*err = pthread_create(&t[n], &attr, fn_gate,
		    (void *)(intptr_t)n)) != 0)
			break;
	pthread_mutex_lock(&gate_lock);
	gate_open = 1;
	pthread_cond_broadcast(&gate_cond);
	pthread_mutex_unlock(&gate_lock);
	for (i = 0; i < n; i++)
		CHECK(pthread_join(t[i], &ret) == 0 &&
		    ret == (void *)(intptr_t)i);
	pthread_attr_destroy(&attr);
	return n;
}

static void
test_many(void)
{
	static pthread_t t[MANY];
	int nthreads = sysctl_int(KERN_NTHREADS);
	int maxthread = sysctl_int(KERN_MAXTHREAD);
	int mib[2] = { CTL_KERN, KERN_MAXTHREAD }, lowered, n, err;
	size_t len = sizeof(lowered);

	CHECK(nthreads > 0 && maxthread > nthreads);
	/* Bring the limit within reach, if the kernel lets us. */
	lowered = nthreads + MANY / 2;
	if (sysctl(mib, 2, NULL, NULL, &lowered, len) == 0) {
		n = create_many(t, MANY, &err);
		CHECK(err == EAGAIN);
		CHECK(n == lowered - nthreads);	/* root may use all */
		CHECK(sysctl(mib, 2, NULL, NULL, &maxthread, len) == 0);
	} else {
		printf("regress/threads: kern.maxthread (%d) cannot be "
		    "lowered: the loop to EAGAIN is skipped\n", maxthread);
		n = create_many(t, MANY, &err);
		CHECK(err == 0 && n == MANY);
	}
	CHECK(nthreads_settles_at(nthreads));
	CHECK(sysctl_int(KERN_MAXTHREAD) == maxthread);
	/* and the library still works */
	CHECK(create_many(t, 4, &err) == 4 && err == 0);
	CHECK(nthreads_settles_at(nthreads));
}

int
main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	test_mutex_kinds();
	test_once_keys();
	test_rwlock();
	test_sem();
	test_cond_timedwait();
	test_exit_exec();
	test_fork();
	test_signals();
	test_kernel_errors();
	test_many();
	printf("regress/threads: %d failure%s\n", failures,
	    failures == 1 ? "" : "s");
	return failures;
}
