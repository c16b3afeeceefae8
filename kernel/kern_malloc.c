/*
 * kernel/kern_malloc.c: the kernel memory allocator, malloc(9) and
 * free(9): OpenBSD's interface, flags, types and checks, written afresh
 * for Tine.  Entry points: malloc(), mallocarray(), free(),
 * malloc_printit(); the statistics are kmemstats[] and bucket[]
 * (<sys/malloc.h>).  Pages come from uvm_km_alloc() (mm/uvm_km.c);
 * fixed-size objects have their own allocator, pool(9) (subr_pool.c).
 *
 * A request of up to MAXALLOCSAVE (PAGE_SIZE / 2) bytes is rounded up to
 * a power of two, 16 to 2048 bytes, and served from that size's bucket:
 * pages cut into equal chunks.  A larger request gets whole pages of its
 * own, a "large block".  Every page malloc holds (for a large block, its
 * first page) has a record, struct kmempage, found by the page's address
 * in the hash table kmemhash[].  That is how free() learns the size of
 * what it is given, and how it knows a pointer malloc never returned:
 *
 *   bucket page, chunks of 16..256 bytes    bucket page, chunks of 512..2048
 *   +--------+-------+-------+-------+--    +-------------+-------------+--
 *   | record | chunk | chunk | chunk |...   |    chunk    |    chunk    |...
 *   +--------+-------+-------+-------+--    +-------------+-------------+--
 *    the record takes the page's first       the record is a chunk of the
 *    chunk (two of 16 bytes)                 record-sized bucket (32 bytes);
 *                                            large blocks' records too
 *
 * Each bucket page keeps its own list of free chunks (last freed, first
 * reused), and each bucket a list of its pages that have one (kb_partial).
 * A page whose chunks are all free again goes back to uvm_km_free() at
 * once, as does a freed large block: malloc keeps no memory nobody uses,
 * so a leak shows in uvmexp.free and the tests can check for one.  The
 * price is a page allocation when a bucket goes from empty to one chunk.
 * (OpenBSD keeps bucket pages for ever.)
 *
 * DIAGNOSTIC (Tine's kernel always has it) adds OpenBSD's checks, with
 * panics that name the address, the type and the sizes:
 *  - free() of a pointer that is not the start of a chunk or a block
 *    malloc returned, or of a size that does not fit what malloc gave
 *    (size 0 means "unknown" and is not checked);
 *  - free() of a chunk that is already free;
 *  - a freed chunk's first POISON_SIZE bytes are filled with
 *    POISON_VALUE, and malloc checks the pattern before it hands the
 *    chunk out again: a write through a stale pointer panics with
 *    "malloc: modified free chunk".
 *
 * M_WAITOK: OpenBSD's malloc sleeps until memory is freed.  Tine has no
 * scheduler to sleep on yet (tsleep comes with it), so when memory is
 * short an M_WAITOK request panics ("malloc: out of memory ...");
 * M_NOWAIT, or M_WAITOK | M_CANFAIL, returns NULL instead.
 *
 * All of malloc's state is guarded by splvm(): interrupt handlers up to
 * IPL_VM may call malloc(M_NOWAIT) and free().
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/malloc.h>
#include <lib/libkern/libkern.h>
#include <uvm/uvm_extern.h>
#include <machine/intr.h>
#include <machine/param.h>

/*
 * What malloc knows about one of its pages: a bucket page (kp_indx is
 * the bucket, 4..11), or the first page of a large block (kp_indx 0).
 */
struct kmempage {
	struct kmempage	*kp_hnext;	/* next in its kmemhash[] chain */
	struct kmempage	*kp_next;	/* bucket page: its neighbours in */
	struct kmempage	*kp_prev;	/*   the bucket's kb_partial list */
	struct kmem_freelist *kp_free;	/* bucket page: its free chunks */
	vaddr_t		kp_va;		/* the page */
	u_int32_t	kp_magic;	/* KMEMPAGE_MAGIC */
	u_short		kp_indx;	/* bucket index; 0: a large block */
	u_short		kp_freecnt;	/* bucket page: free chunks */
	u_short		kp_pagecnt;	/* large block: its pages */
};

#define KMEMPAGE_MAGIC	0x6b6d7067	/* "kmpg" */

/*
 * A free chunk starts with this; the rest of it holds POISON_VALUE.  As
 * upstream, the link is not in the first word, the one a stale pointer
 * most likely writes, and the type it was freed as is kept to name in
 * the "modified" panic.
 */
struct kmem_freelist {
	int32_t		kf_spare0;	/* POISON_VALUE */
	int16_t		kf_type;	/* the type it was freed as */
	int16_t		kf_spare1;
	struct kmem_freelist *kf_next;	/* next free chunk of its page */
};

CTASSERT(sizeof(struct kmem_freelist) <= MINALLOCSIZE);

/*
 * Buckets up to KMEM_ONPAGE_MAX keep a page's record in its first
 * chunk(s); bigger ones, whose first chunk would be a big loss, and
 * large blocks take a chunk of bucket KMEM_RECINDX for it.  That bucket
 * keeps its records on its pages, so getting a record never recurses.
 */
#define KMEM_ONPAGE_MAX	8		/* 256 bytes */
#define KMEM_RECINDX	BUCKETINDX(sizeof(struct kmempage))
#define KMEM_ONPAGE(i)	((i) <= KMEM_ONPAGE_MAX)

CTASSERT(sizeof(struct kmempage) <= (1 << KMEM_ONPAGE_MAX));

#define KMEM_NHASH	256		/* a power of two */
#define KMEM_HASH(va)	(((va) >> PGSHIFT) & (KMEM_NHASH - 1))

struct kmemstats kmemstats[M_LAST];
struct kmembuckets bucket[MAXBUCKET + 1];
static struct kmempage *kmemhash[KMEM_NHASH];

const char *const memname[M_LAST] = {
	[M_FREE] = "free",		[M_DEVBUF] = "devbuf",
	[M_PCB] = "pcb",		[M_RTABLE] = "rtable",
	[M_ZOMBIE] = "zombie",		[M_IFADDR] = "ifaddr",
	[M_SYSCTL] = "sysctl",		[M_COUNTERS] = "counters",
	[M_IOCTLOPS] = "ioctlops",	[M_CRED] = "cred",
	[M_PGRP] = "pgrp",		[M_SESSION] = "session",
	[M_IOV] = "iov",		[M_MOUNT] = "mount",
	[M_VNODE] = "vnodes",		[M_SHM] = "shm",
	[M_VMMAP] = "VM map",		[M_SEM] = "sem",
	[M_ACPI] = "ACPI",		[M_VMPMAP] = "VM pmap",
	[M_FILEDESC] = "file desc",	[M_SIGIO] = "sigio",
	[M_PROC] = "proc",		[M_SUBPROC] = "subproc",
	[M_TTYS] = "ttys",		[M_EXEC] = "exec",
	[M_UVMAMAP] = "UVM amap",	[M_UVMAOBJ] = "UVM aobj",
	[M_PINSYSCALL] = "pinsyscall",	[M_TEMP] = "temp",
	[M_KEVENT] = "kqueue",		[M_SIGACTS] = "sigacts",
	[M_PLIMIT] = "plimit",		[M_UAREA] = "uarea",
};

static struct kmempage *kmem_page_new(int);
static void	kmem_page_free(struct kmempage *);

/*
 * The bucket for a request of size bytes: the smallest i >= MINBUCKET
 * with 2^i >= size (upstream's name).
 * => size <= MAXALLOCSAVE
 */
static int
BUCKETINDX(size_t size)
{
	int indx = MINBUCKET;

	while (((size_t)1 << indx) < size)
		indx++;
	return indx;
}

/* A type's name for messages; never NULL. */
static const char *
kmem_typename(int type)
{
	if (type < 0 || type >= M_LAST)
		return "(bogus type)";
	return memname[type] != NULL ? memname[type] : "(unnamed type)";
}

/* Offset of the first chunk in a page of bucket indx. */
static size_t
kmem_first(int indx)
{
	if (!KMEM_ONPAGE(indx))
		return 0;
	return roundup(sizeof(struct kmempage), (size_t)1 << indx);
}

/* ---- the records: hash table and bucket lists ---------------------- */

/*
 * The record of the page at va (page-aligned), or NULL if malloc has no
 * such page.
 * => at splvm
 */
static struct kmempage *
kmem_lookup(vaddr_t va)
{
	struct kmempage *kp;

	for (kp = kmemhash[KMEM_HASH(va)]; kp != NULL; kp = kp->kp_hnext) {
		if (kp->kp_magic != KMEMPAGE_MAGIC)
			panic("malloc: page record %p overwritten (magic 0x%x)",
			    kp, kp->kp_magic);
		if (kp->kp_va == va)
			return kp;
	}
	return NULL;
}

static void
kmem_hash_insert(struct kmempage *kp)
{
	struct kmempage **head = &kmemhash[KMEM_HASH(kp->kp_va)];

	kp->kp_magic = KMEMPAGE_MAGIC;
	kp->kp_hnext = *head;
	*head = kp;
}

static void
kmem_hash_remove(struct kmempage *kp)
{
	struct kmempage **kpp = &kmemhash[KMEM_HASH(kp->kp_va)];

	while (*kpp != kp)
		kpp = &(*kpp)->kp_hnext;
	*kpp = kp->kp_hnext;
	kp->kp_magic = 0;
}

/* Put bucket page kp first on its bucket's list of pages to use. */
static void
kmem_partial_insert(struct kmembuckets *kbp, struct kmempage *kp)
{
	kp->kp_prev = NULL;
	kp->kp_next = kbp->kb_partial;
	if (kp->kp_next != NULL)
		kp->kp_next->kp_prev = kp;
	kbp->kb_partial = kp;
}

static void
kmem_partial_remove(struct kmembuckets *kbp, struct kmempage *kp)
{
	if (kp->kp_prev != NULL)
		kp->kp_prev->kp_next = kp->kp_next;
	else
		kbp->kb_partial = kp->kp_next;
	if (kp->kp_next != NULL)
		kp->kp_next->kp_prev = kp->kp_prev;
	kp->kp_next = kp->kp_prev = NULL;
}

/* ---- poison ---------------------------------------------------------- */

/* Fill len bytes at v (a multiple of 4, aligned) with POISON_VALUE. */
void
poison_mem(void *v, size_t len)
{
	uint32_t *ip = v;
	size_t i;

	if (len > POISON_SIZE)
		len = POISON_SIZE;
	for (i = 0; i < len / sizeof(*ip); i++)
		ip[i] = POISON_VALUE;
}

/*
 * Does len bytes at v still hold POISON_VALUE?  Returns 0 if so; else 1,
 * with the index of the first changed 32-bit word in *pidx and the value
 * it should have in *pval.
 */
int
poison_check(void *v, size_t len, size_t *pidx, uint32_t *pval)
{
	uint32_t *ip = v;
	size_t i;

	if (len > POISON_SIZE)
		len = POISON_SIZE;
	for (i = 0; i < len / sizeof(*ip); i++) {
		if (ip[i] != POISON_VALUE) {
			*pidx = i;
			*pval = POISON_VALUE;
			return 1;
		}
	}
	return 0;
}

/* ---- chunks ---------------------------------------------------------- */

/*
 * Make the chunk at kf, of size bytes, free: poisoned (DIAGNOSTIC),
 * marked with the type it was freed as, first on its page's free list.
 */
static void
kmem_chunk_mkfree(struct kmempage *kp, struct kmem_freelist *kf,
    size_t size, int type)
{
#ifdef DIAGNOSTIC
	poison_mem(kf, size);
#else
	(void)size;
#endif
	kf->kf_type = type;
	kf->kf_next = kp->kp_free;
	kp->kp_free = kf;
}

#ifdef DIAGNOSTIC
/* Is va the start of a chunk of bucket page kp? */
static int
kmem_is_chunk(struct kmempage *kp, vaddr_t va)
{
	vaddr_t off = va - kp->kp_va;

	return va >= kp->kp_va && off < PAGE_SIZE &&
	    off >= kmem_first(kp->kp_indx) &&
	    (off & (((vaddr_t)1 << kp->kp_indx) - 1)) == 0;
}

/*
 * Is the free chunk kf of page kp as free() left it?  If not, something
 * wrote to it after it was freed: panic, before anything is changed.
 * The header's link and type are checked for sense, the rest for the
 * pattern.
 */
static void
kmem_check_free(struct kmempage *kp, struct kmem_freelist *kf)
{
	size_t size = (size_t)1 << kp->kp_indx, hdr = sizeof(*kf), idx;
	vaddr_t next = (vaddr_t)kf->kf_next;
	uint32_t want;

	if ((uint32_t)kf->kf_spare0 != POISON_VALUE)
		panic("malloc: modified free chunk %p (%zu bytes, freed as "
		    "%s): offset 0 holds 0x%08x, not 0x%08x", kf, size,
		    kmem_typename(kf->kf_type), (uint32_t)kf->kf_spare0,
		    POISON_VALUE);
	if (poison_check((char *)kf + hdr, MIN(size, POISON_SIZE) - hdr, &idx,
	    &want))
		panic("malloc: modified free chunk %p (%zu bytes, freed as "
		    "%s): offset %zu holds 0x%08x, not 0x%08x", kf, size,
		    kmem_typename(kf->kf_type), hdr + idx * 4,
		    ((uint32_t *)((char *)kf + hdr))[idx], want);
	if (kf->kf_type < 0 || kf->kf_type >= M_LAST ||
	    (next != 0 && !kmem_is_chunk(kp, next)) ||
	    (next == 0) != (kp->kp_freecnt == 1))
		panic("malloc: modified free chunk %p (%zu bytes): its header "
		    "(type %d, next %p) is not what free() wrote", kf, size,
		    kf->kf_type, kf->kf_next);
}

/* Is chunk addr of page kp on the page's free list? */
static int
kmem_is_free(struct kmempage *kp, void *addr)
{
	struct kmem_freelist *kf;

	if ((uint32_t)((struct kmem_freelist *)addr)->kf_spare0 !=
	    POISON_VALUE)
		return 0;		/* quick: it is not poisoned */
	for (kf = kp->kp_free; kf != NULL; kf = kf->kf_next)
		if (kf == addr)
			return 1;
	return 0;
}
#endif /* DIAGNOSTIC */

/*
 * A chunk of bucket indx, from the first page on the bucket's list, or
 * from a new page.
 * => at splvm
 * => returns NULL if a new page was needed and memory is short
 */
static void *
kmem_chunk_get(int indx)
{
	struct kmembuckets *kbp = &bucket[indx];
	struct kmempage *kp;
	struct kmem_freelist *kf;

	if ((kp = kbp->kb_partial) == NULL &&
	    (kp = kmem_page_new(indx)) == NULL)
		return NULL;
	if ((kf = kp->kp_free) == NULL || kp->kp_freecnt == 0)
		panic("malloc: lost data: page 0x%lx of the %d-byte bucket "
		    "is listed, but has no free chunk", kp->kp_va, 1 << indx);
#ifdef DIAGNOSTIC
	kmem_check_free(kp, kf);
#endif
	kp->kp_free = kf->kf_next;
	if (--kp->kp_freecnt == 0)
		kmem_partial_remove(kbp, kp);
	kbp->kb_totalfree--;
	kbp->kb_calls++;
	return kf;
}

/*
 * Give chunk addr back to its page kp, and the page back to uvm if that
 * made it all free.
 * => at splvm; addr checked by the caller
 */
static void
kmem_chunk_put(struct kmempage *kp, void *addr, int type)
{
	struct kmembuckets *kbp = &bucket[kp->kp_indx];

	kmem_chunk_mkfree(kp, addr, (size_t)1 << kp->kp_indx, type);
	if (kp->kp_freecnt++ == 0)
		kmem_partial_insert(kbp, kp);
	kbp->kb_totalfree++;
	if (kp->kp_freecnt == kbp->kb_elmpercl)
		kmem_page_free(kp);
}

/* A record for an off-page bucket page or a large block. */
static struct kmempage *
kmem_record_get(void)
{
	return kmem_chunk_get(KMEM_RECINDX);
}

static void
kmem_record_put(struct kmempage *rec)
{
	struct kmempage *kp = kmem_lookup(trunc_page((vaddr_t)rec));

	if (kp == NULL)
		panic("malloc: lost the page of record %p", rec);
	kmem_chunk_put(kp, rec, M_FREE);
}

/* ---- pages ----------------------------------------------------------- */

/*
 * A new page for bucket indx, cut into poisoned free chunks (the lowest
 * first on its list), recorded, and first on the bucket's list.
 * => at splvm
 * => returns NULL if memory is short, having given back what it took
 */
static struct kmempage *
kmem_page_new(int indx)
{
	struct kmembuckets *kbp = &bucket[indx];
	struct kmempage *kp = NULL;
	size_t size = (size_t)1 << indx, first = kmem_first(indx);
	u_int i, n = (PAGE_SIZE - first) >> indx;
	vaddr_t va;

	if (!KMEM_ONPAGE(indx) && (kp = kmem_record_get()) == NULL)
		return NULL;
	if ((va = uvm_km_alloc(PAGE_SIZE, 0)) == 0) {
		if (kp != NULL)
			kmem_record_put(kp);
		return NULL;
	}
	if (kp == NULL)
		kp = (struct kmempage *)va;
	kp->kp_va = va;
	kp->kp_indx = indx;
	kp->kp_pagecnt = 1;
	kp->kp_free = NULL;
	for (i = n; i-- > 0; )
		kmem_chunk_mkfree(kp, (struct kmem_freelist *)(va + first +
		    i * size), size, M_FREE);
	kp->kp_freecnt = n;
	kmem_hash_insert(kp);
	kmem_partial_insert(kbp, kp);
	kbp->kb_elmpercl = n;
	kbp->kb_total += n;
	kbp->kb_totalfree += n;
	kbp->kb_pages++;
	return kp;
}

/*
 * Give back bucket page kp, all of whose chunks are free.
 * => at splvm
 */
static void
kmem_page_free(struct kmempage *kp)
{
	struct kmembuckets *kbp = &bucket[kp->kp_indx];
	vaddr_t va = kp->kp_va;

	kmem_partial_remove(kbp, kp);
	kmem_hash_remove(kp);
	kbp->kb_total -= kp->kp_freecnt;
	kbp->kb_totalfree -= kp->kp_freecnt;
	kbp->kb_pages--;
	if (!KMEM_ONPAGE(kp->kp_indx))
		kmem_record_put(kp);
	uvm_km_free(va, PAGE_SIZE);
}

/*
 * A large block: size bytes rounded up to whole pages, zeroed if flags
 * has M_ZERO.
 * => at splvm
 * => returns NULL if memory is short
 */
static void *
kmem_large_alloc(size_t size, int flags)
{
	struct kmempage *kp;
	vsize_t len = round_page(size);
	vaddr_t va;

	if ((kp = kmem_record_get()) == NULL)
		return NULL;
	va = uvm_km_alloc(len, (flags & M_ZERO) ? UVM_KMF_ZERO : 0);
	if (va == 0) {
		kmem_record_put(kp);
		return NULL;
	}
	kp->kp_va = va;
	kp->kp_indx = 0;
	kp->kp_freecnt = 0;
	kp->kp_pagecnt = len >> PGSHIFT;
	kp->kp_free = NULL;
	kp->kp_next = kp->kp_prev = NULL;
	kmem_hash_insert(kp);
	return (void *)va;
}

static void
kmem_large_free(struct kmempage *kp)
{
	vaddr_t va = kp->kp_va;
	vsize_t len = (vsize_t)kp->kp_pagecnt << PGSHIFT;

	kmem_hash_remove(kp);
	kmem_record_put(kp);
	uvm_km_free(va, len);
}

/* ---- malloc and free ------------------------------------------------- */

/* Panic on a type no caller may pass; fn names the caller. */
static void
kmem_check_type(const char *fn, int type)
{
	if (type <= M_FREE || type >= M_LAST)
		panic("%s: bogus type %d", fn, type);
}

/*
 * malloc cannot have the memory now (why: "out of memory", or the type
 * is over its limit).  OpenBSD's M_WAITOK would sleep until somebody
 * frees some; Tine has nothing to sleep on yet, so an M_WAITOK request
 * panics.  FIXME: tsleep() on the type once there is a scheduler.
 * => returns NULL for M_NOWAIT and M_CANFAIL
 */
static void *
malloc_short(size_t size, int type, int flags, const char *why)
{
	if (flags & (M_NOWAIT | M_CANFAIL))
		return NULL;
	panic("malloc: %s: %zu bytes of type %s, M_WAITOK, and Tine cannot "
	    "sleep for memory yet", why, size, kmem_typename(type));
}

/*
 * Allocate size bytes of memory of the given type (M_*), aligned to its
 * bucket's size (16 bytes at least), or to a page if larger than
 * MAXALLOCSAVE.  flags: one of M_WAITOK and M_NOWAIT, and M_ZERO to
 * zero it, M_CANFAIL to have NULL rather than a panic.
 * => at any level up to IPL_VM (M_NOWAIT in an interrupt handler)
 * => returns NULL only with M_NOWAIT or M_CANFAIL, when memory is short
 *    or the type over its limit (and M_CANFAIL: when size is too large)
 */
void *
malloc(size_t size, int type, int flags)
{
	struct kmemstats *ksp;
	long allocsize;
	int indx, s;
	void *va;

	kmem_check_type("malloc", type);
	if (((flags & M_WAITOK) != 0) == ((flags & M_NOWAIT) != 0))
		panic("malloc: flags 0x%x: need exactly one of M_WAITOK and "
		    "M_NOWAIT", flags);
	if (size > MALLOC_MAX) {
		if (flags & M_CANFAIL)
			return NULL;
		panic("malloc: allocation too large, type %s, size %zu",
		    kmem_typename(type), size);
	}
	indx = size > MAXALLOCSAVE ? 0 : BUCKETINDX(size);
	allocsize = indx != 0 ? 1L << indx : (long)round_page(size);
	ksp = &kmemstats[type];

	s = splvm();
	if (ksp->ks_limit != 0 && ksp->ks_memuse + allocsize > ksp->ks_limit) {
		if (ksp->ks_limblocks < 65535)
			ksp->ks_limblocks++;
		splx(s);
		return malloc_short(size, type, flags, "over the type's limit");
	}
	va = indx != 0 ? kmem_chunk_get(indx) : kmem_large_alloc(size, flags);
	if (va == NULL) {
		splx(s);
		return malloc_short(size, type, flags, "out of memory");
	}
	ksp->ks_memuse += allocsize;
	ksp->ks_inuse++;
	ksp->ks_calls++;
	if (ksp->ks_memuse > ksp->ks_maxused)
		ksp->ks_maxused = ksp->ks_memuse;
	ksp->ks_size |= 1L << (indx != 0 ? indx : PGSHIFT);
	splx(s);

	if ((flags & M_ZERO) && indx != 0)	/* large blocks come zeroed */
		memset(va, 0, size);
	return va;
}

/*
 * malloc() for an array of nmemb elements of size bytes.  If the product
 * overflows: NULL with M_CANFAIL, else a panic, as upstream (M_NOWAIT
 * alone does not make an overflow return NULL: it is a bug, not a
 * shortage).
 */
void *
mallocarray(size_t nmemb, size_t size, int type, int flags)
{
	if (size != 0 && nmemb > SIZE_MAX / size) {
		if (flags & M_CANFAIL)
			return NULL;
		panic("mallocarray: overflow %zu * %zu, type %s", nmemb, size,
		    kmem_typename(type));
	}
	return malloc(nmemb * size, type, flags);
}

#ifdef DIAGNOSTIC
/*
 * Is free(addr, type, freedsize) right about page kp's chunk or block?
 * Panics if addr is not where a chunk or block starts, if freedsize
 * (unless 0) would not have been served by it, or if the chunk is
 * already free.
 */
static void
kmem_check_arg(struct kmempage *kp, void *addr, int type, size_t freedsize)
{
	const char *what = kp->kp_indx != 0 ? "chunk" : "block";
	size_t have, lo;
	int ok;

	if (kp->kp_indx != 0) {
		have = (size_t)1 << kp->kp_indx;
		lo = kp->kp_indx == MINBUCKET ? 1 : have / 2 + 1;
		ok = kmem_is_chunk(kp, (vaddr_t)addr);
	} else {
		have = (size_t)kp->kp_pagecnt << PGSHIFT;
		lo = MAX(have - PAGE_SIZE, (size_t)MAXALLOCSAVE) + 1;
		ok = (vaddr_t)addr == kp->kp_va;
	}
	if (!ok)
		panic("free: %p, type %s, size %zu: not the start of a %s "
		    "malloc returned (page 0x%lx holds %zu-byte %ss)", addr,
		    kmem_typename(type), freedsize, what, kp->kp_va, have,
		    what);
	if (freedsize != 0 && (freedsize < lo || freedsize > have))
		panic("free: %p, type %s: wrong size %zu for a %zu-byte %s "
		    "(sizes %zu..%zu)", addr, kmem_typename(type), freedsize,
		    have, what, lo, have);
	if (kp->kp_indx != 0 && kmem_is_free(kp, addr))
		panic("free: duplicated free of %p, type %s, size %zu: the "
		    "%zu-byte chunk is already free", addr,
		    kmem_typename(type), freedsize, have);
}
#endif /* DIAGNOSTIC */

/*
 * Free addr, which malloc() or mallocarray() returned for type and size
 * bytes.  size 0 means the caller does not know it.  free(NULL, ...) does
 * nothing.
 * => at any level up to IPL_VM
 */
void
free(void *addr, int type, size_t size)
{
	struct kmemstats *ksp;
	struct kmempage *kp;
	long allocsize;
	int s;

	if (addr == NULL)
		return;
	kmem_check_type("free", type);
	ksp = &kmemstats[type];

	s = splvm();
	if ((kp = kmem_lookup(trunc_page((vaddr_t)addr))) == NULL)
		panic("free: %p, type %s, size %zu: not allocated by malloc "
		    "(never, or already freed)", addr, kmem_typename(type),
		    size);
#ifdef DIAGNOSTIC
	kmem_check_arg(kp, addr, type, size);
#endif
	if (kp->kp_indx != 0) {
		allocsize = 1L << kp->kp_indx;
		kmem_chunk_put(kp, addr, type);
	} else {
		allocsize = (long)kp->kp_pagecnt << PGSHIFT;
		kmem_large_free(kp);
	}
	ksp->ks_memuse -= allocsize;
	ksp->ks_inuse--;
	splx(s);
}

/*
 * Print the statistics of each type that was ever used, then of each
 * bucket, with pr (printf, or a debugger's).
 */
void
malloc_printit(int (*pr)(const char *, ...))
{
	struct kmemstats *ksp;
	struct kmembuckets *kbp;
	int i;

	(*pr)("%14s %6s %7s %8s %7s %9s\n", "Type", "InUse", "MemUse",
	    "HighUse", "Limit", "Requests");
	for (i = 0; i < M_LAST; i++) {
		ksp = &kmemstats[i];
		if (ksp->ks_calls == 0)
			continue;
		(*pr)("%14s %6ld %6ldK %7ldK %6ldK %9ld\n",
		    kmem_typename(i), ksp->ks_inuse, ksp->ks_memuse / 1024,
		    ksp->ks_maxused / 1024, ksp->ks_limit / 1024,
		    ksp->ks_calls);
	}
	(*pr)("%14s %6s %7s %8s %9s\n", "Bucket", "Pages", "Chunks", "Free",
	    "Requests");
	for (i = MINBUCKET; i <= MAXBUCKET; i++) {
		kbp = &bucket[i];
		(*pr)("%14d %6lu %7lu %8lu %9lu\n", 1 << i, kbp->kb_pages,
		    kbp->kb_total, kbp->kb_totalfree, kbp->kb_calls);
	}
}
