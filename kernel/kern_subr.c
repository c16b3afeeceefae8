/*
 * kernel/kern_subr.c: small kernel helpers, OpenBSD's names.  So far
 * tablefull(); upstream's uiomove() and the hash tables come here later.
 */

#include <sys/types.h>
#include <sys/systm.h>

/*
 * Complain that a kernel table (processes, threads, files) is full.
 * Callers limit the rate with ratecheck().
 * PORT: upstream logs it with log(LOG_ERR, ...); Tine has no syslog
 * yet, so it goes to the console.
 */
void
tablefull(const char *tab)
{
	printf("%s: table is full\n", tab);
}
