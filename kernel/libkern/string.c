/*
 * kernel/libkern/string.c: memory and string functions for the kernel, with
 * the C standard's meanings.  Plain C but for memcpy's and memset's string
 * instructions; the kernel build passes -fno-tree-loop-distribute-patterns
 * so gcc cannot turn the loops back into calls to themselves.
 */

#include <sys/types.h>
#include <lib/libkern/libkern.h>

/*
 * The bulk of memcpy and memset is one rep movsl / rep stosl: the CPU
 * moves a word per step with no loop around it (and QEMU counts the
 * whole string instruction as one per word, a third of a C loop's).
 */
void *
memcpy(void *dst, const void *src, size_t n)
{
	u_char *d = dst;
	const u_char *s = src;
	size_t words;

	if ((((uintptr_t)d | (uintptr_t)s) & 3) == 0 && n >= 4) {
		words = n / 4;
		n %= 4;
		__asm volatile("rep movsl" : "+D" (d), "+S" (s), "+c" (words)
		    : : "memory");
	}
	while (n-- > 0)
		*d++ = *s++;
	return dst;
}

void *
memmove(void *dst, const void *src, size_t n)
{
	u_char *d = dst;
	const u_char *s = src;

	if (d <= s || d >= s + n)
		return memcpy(dst, src, n);
	while (n-- > 0)		/* overlapping, dst above src: copy down */
		d[n] = s[n];
	return dst;
}

void *
memset(void *dst, int c, size_t n)
{
	u_char *d = dst;
	uint32_t w = (u_char)c * 0x01010101U;
	size_t words;

	while (n > 0 && ((uintptr_t)d & 3) != 0) {
		*d++ = (u_char)c;
		n--;
	}
	if (n >= 4) {
		words = n / 4;
		n %= 4;
		__asm volatile("rep stosl" : "+D" (d), "+c" (words) : "a" (w)
		    : "memory");
	}
	while (n-- > 0)
		*d++ = (u_char)c;
	return dst;
}

int
memcmp(const void *a, const void *b, size_t n)
{
	const u_char *p = a, *q = b;

	for (; n > 0; n--, p++, q++)
		if (*p != *q)
			return *p - *q;
	return 0;
}

size_t
strlen(const char *s)
{
	const char *p = s;

	while (*p != '\0')
		p++;
	return p - s;
}

size_t
strnlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n] != '\0')
		n++;
	return n;
}

int
strcmp(const char *a, const char *b)
{
	while (*a != '\0' && *a == *b)
		a++, b++;
	return (u_char)*a - (u_char)*b;
}

int
strncmp(const char *a, const char *b, size_t n)
{
	for (; n > 0; n--, a++, b++) {
		if (*a != *b)
			return (u_char)*a - (u_char)*b;
		if (*a == '\0')
			break;
	}
	return 0;
}

char *
strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (*s == '\0')
			return NULL;
	}
}

/* The last c in s (c may be '\0'), or NULL. */
char *
strrchr(const char *s, int c)
{
	const char *last = NULL;

	for (;; s++) {
		if (*s == (char)c)
			last = s;
		if (*s == '\0')
			return (char *)last;
	}
}

/* Copy with truncation, always NUL-terminated; returns strlen(src). */
size_t
strlcpy(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size > 0) {
		size_t n = len < size - 1 ? len : size - 1;

		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}

char *
strstr(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay != '\0'; hay++)
		if (strncmp(hay, needle, n) == 0)
			return (char *)hay;
	return n == 0 ? (char *)hay : NULL;
}
