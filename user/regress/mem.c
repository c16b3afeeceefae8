/*
 * regress/mem: mmap, munmap, mprotect, minherit and the break, and what
 * fork does with each kind of mapping.  Prints each check that fails;
 * exits with how many did.
 */

#include <sys/types.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PAGE	4096

static int failures;

#define CHECK(e) do {							\
	if (!(e)) {							\
		printf("regress/mem: line %d: %s\n", __LINE__, #e);	\
		failures++;						\
	}								\
} while (0)

/* Run fn in a child; its wait status. */
static int
in_child(void (*fn)(volatile int *), volatile int *p)
{
	int status;
	pid_t pid;

	if ((pid = fork()) == 0) {
		fn(p);
		_exit(0);
	}
	waitpid(pid, &status, 0);
	return status;
}

static void
write_7(volatile int *p)
{
	*p = 7;
}

static void
read_it(volatile int *p)
{
	(void)*p;
}

#define KILLED_BY(st, sig)	(WIFSIGNALED(st) && WTERMSIG(st) == (sig))

/* Anonymous memory, private and shared, across a fork. */
static void
test_anon(void)
{
	volatile int *priv, *shared;

	priv = mmap(NULL, PAGE, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANON, -1, 0);
	shared = mmap(NULL, PAGE, PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANON, -1, 0);
	CHECK(priv != MAP_FAILED && shared != MAP_FAILED);
	CHECK((char *)priv > (char *)sbrk(0));	/* clear of the heap */
	CHECK(priv[10] == 0 && shared[10] == 0);	/* zero-filled */
	priv[0] = 1;
	CHECK(in_child(write_7, priv) == 0);
	CHECK(priv[0] == 1);		/* copy-on-write: the child's own */
	CHECK(in_child(write_7, shared) == 0);
	CHECK(shared[0] == 7);		/* shared: seen by the parent */
	CHECK(munmap((void *)priv, PAGE) == 0);
	CHECK(KILLED_BY(in_child(read_it, priv), SIGSEGV));
	CHECK(munmap((void *)shared, PAGE) == 0);
}

/* Protections and inheritance. */
static void
test_protect_inherit(void)
{
	volatile int *p = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANON, -1, 0);

	CHECK(p != MAP_FAILED);
	p[0] = 3;
	CHECK(mprotect((void *)p, PAGE, PROT_READ) == 0);
	CHECK(p[0] == 3);
	CHECK(KILLED_BY(in_child(write_7, p), SIGSEGV));
	CHECK(minherit((void *)(p + PAGE / sizeof(int)), PAGE,
	    MAP_INHERIT_NONE) == 0);
	CHECK(KILLED_BY(in_child(read_it, p + PAGE / sizeof(int)), SIGSEGV));
	CHECK(in_child(read_it, p) == 0);
	CHECK(munmap((void *)p, 2 * PAGE) == 0);
}

/* A file of the ramdisk, mapped private: its bytes, copy-on-write. */
static void
test_file(void)
{
	int fd = open("/etc/motd", O_RDONLY);
	char *m;

	CHECK(fd >= 0);
	m = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	CHECK(m != MAP_FAILED && memcmp(m, "Welcome to Tine", 15) == 0);
	if (m != MAP_FAILED) {
		m[0] = 'w';		/* our copy only */
		CHECK(munmap(m, PAGE) == 0);
	}
	m = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fd, 0);
	CHECK(m != MAP_FAILED && m[0] == 'W');
	CHECK(mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 0) == MAP_FAILED &&
	    errno == ENODEV);
	close(fd);
}

/* Bad arguments. */
static void
test_errors(void)
{
	CHECK(mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANON, -1, 0) ==
	    MAP_FAILED && errno == EINVAL);
	CHECK(mmap(NULL, PAGE, PROT_READ, MAP_ANON, -1, 0) == MAP_FAILED &&
	    errno == EINVAL);
	CHECK(mmap((void *)0x12345, PAGE, PROT_READ,
	    MAP_PRIVATE | MAP_ANON | MAP_FIXED, -1, 0) == MAP_FAILED &&
	    errno == EINVAL);
	CHECK(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, 77, 0) == MAP_FAILED &&
	    errno == EBADF);
	CHECK(munmap((void *)0x12345, PAGE) == -1 && errno == EINVAL);
	CHECK(munmap((void *)0xc0000000, PAGE) == -1 && errno == EINVAL);
	CHECK(mprotect((void *)0x20000000, PAGE, PROT_READ) == -1 &&
	    errno == ENOMEM);
	CHECK(minherit((void *)0x20000000, PAGE, 9) == -1 && errno == EINVAL);
}

/* The break and malloc. */
static void
test_break(void)
{
	char *a, *b, *c;
	int i;

	a = malloc(100);
	b = malloc(100000);
	CHECK(a != NULL && b != NULL && a != b);
	memset(b, 0x5a, 100000);
	CHECK(b[99999] == 0x5a);
	free(a);
	c = malloc(50);
	CHECK(c == a);			/* the freed block again */
	for (i = 0; i < 100; i++)
		free(malloc(1000));
	free(b);
	free(c);
	CHECK(sbrk(0) != (void *)-1);
	CHECK(sbrk(0x7fffffff) == (void *)-1 && errno == ENOMEM);
}

/*
 * A child's break is where its parent's was: it grows from there (the
 * child of a shell that had called malloc could not: fork lost the
 * heap's size, so obreak mapped over the inherited heap and failed).
 */
static void
grow_break(volatile int *ok)
{
	char *p;

	(void)ok;
	if ((p = malloc(3 * PAGE)) == NULL)
		_exit(1);
	memset(p, 1, 3 * PAGE);
	_exit(sbrk(PAGE) == (void *)-1 ? 2 : 0);
}

static void
test_break_fork(void)
{
	char *before, *p;
	int st;

	before = sbrk(0);
	p = sbrk(2 * PAGE);
	CHECK(p == before);
	p[0] = 1;
	st = in_child(grow_break, NULL);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	CHECK(sbrk(0) == before + 2 * PAGE);	/* the parent's unchanged */
}

int
main(void)
{
	test_anon();
	test_protect_inherit();
	test_file();
	test_errors();
	test_break();
	test_break_fork();
	printf("regress/mem: %d failures\n", failures);
	return failures;
}
