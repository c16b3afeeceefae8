/*
 * user/lib/malloc.c: malloc(3) over the break (sbrk).  Blocks carry
 * their size in a header; freed blocks go on a list that malloc searches
 * first (first fit, splitting what is much too big); adjacent free
 * blocks are not merged yet.  One lock guards the heap once a second
 * thread exists (thread_private.h); fork() holds it across the system
 * call, so the child never inherits a heap in the middle of a change.
 */

#include <sys/types.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "thread_private.h"

#define ALIGN		16
#define HDR		ALIGN		/* the header keeps blocks aligned */

struct block {
	size_t	size;			/* bytes after the header */
	struct	block *next;		/* on the free list */
};

extern char end[];			/* the linker's: the end of bss */
static char *curbrk;			/* the break, as far as we know */
static struct block *freelist;
static volatile uint32_t malloc_lock = _LOCK_INITIALIZER;

int	__sys_obreak(char *);

int
brk(void *addr)
{
	if (__sys_obreak(addr) == -1)
		return -1;
	curbrk = addr;
	return 0;
}

void *
sbrk(int incr)
{
	char *old;

	if (curbrk == NULL)
		curbrk = (char *)(((unsigned long)end + 4095) & ~4095UL);
	old = curbrk;
	if (incr != 0 && brk(curbrk + incr) == -1)
		return (void *)-1;
	return old;
}

/* Take a big enough block off the free list, or NULL. */
static struct block *
freelist_take(size_t size)
{
	struct block **bp, *b, *rest;

	for (bp = &freelist; (b = *bp) != NULL; bp = &b->next) {
		if (b->size < size)
			continue;
		*bp = b->next;
		if (b->size >= size + HDR + 64) {	/* split it */
			rest = (struct block *)((char *)b + HDR + size);
			rest->size = b->size - size - HDR;
			rest->next = freelist;
			freelist = rest;
			b->size = size;
		}
		return b;
	}
	return NULL;
}

void
_thread_malloc_lock(void)
{
	_THREAD_LOCK(&malloc_lock);
}

void
_thread_malloc_unlock(void)
{
	_THREAD_UNLOCK(&malloc_lock);
}

/* malloc with the lock held. */
static void *
malloc_locked(size_t size)
{
	struct block *b;

	if (size == 0)
		size = 1;
	if (size > 0x40000000) {
		errno = ENOMEM;
		return NULL;
	}
	size = (size + ALIGN - 1) & ~(size_t)(ALIGN - 1);
	if ((b = freelist_take(size)) == NULL) {
		if ((b = sbrk(HDR + size)) == (void *)-1) {
			errno = ENOMEM;
			return NULL;
		}
		b->size = size;
	}
	return (char *)b + HDR;
}

/* free with the lock held. */
static void
free_locked(void *ptr)
{
	struct block *b;

	if (ptr == NULL)
		return;
	b = (struct block *)((char *)ptr - HDR);
	b->next = freelist;
	freelist = b;
}

void *
malloc(size_t size)
{
	void *p;

	_THREAD_LOCK(&malloc_lock);
	p = malloc_locked(size);
	_THREAD_UNLOCK(&malloc_lock);
	return p;
}

void
free(void *ptr)
{
	_THREAD_LOCK(&malloc_lock);
	free_locked(ptr);
	_THREAD_UNLOCK(&malloc_lock);
}

void *
calloc(size_t n, size_t size)
{
	void *p;

	if (size != 0 && n > 0x40000000 / size) {
		errno = ENOMEM;
		return NULL;
	}
	if ((p = malloc(n * size)) != NULL)
		memset(p, 0, n * size);
	return p;
}

/* realloc with the lock held. */
static void *
realloc_locked(void *ptr, size_t size)
{
	struct block *b;
	void *p;

	if (ptr == NULL)
		return malloc_locked(size);
	b = (struct block *)((char *)ptr - HDR);
	if (b->size >= size)
		return ptr;
	if ((p = malloc_locked(size)) == NULL)
		return NULL;
	memcpy(p, ptr, b->size);
	free_locked(ptr);
	return p;
}

void *
realloc(void *ptr, size_t size)
{
	void *p;

	_THREAD_LOCK(&malloc_lock);
	p = realloc_locked(ptr, size);
	_THREAD_UNLOCK(&malloc_lock);
	return p;
}
