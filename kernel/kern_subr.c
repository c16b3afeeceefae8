/*
 * kernel/kern_subr.c: small kernel helpers, OpenBSD's names.  So far
 * tablefull(); upstream's uiomove() and the hash tables come here later.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/uio.h>
#include <lib/libkern/libkern.h>

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

/*
 * Move n bytes between kernel buffer cp and the buffers uio describes
 * (out to them for UIO_READ, in from them for UIO_WRITE), advancing the
 * uio; stops early when it runs out (resid 0).  User buffers go through
 * copyin/copyout: a bad one is EFAULT.
 */
int
uiomove(void *cp, size_t n, struct uio *uio)
{
	struct iovec *iov;
	size_t cnt;
	int error = 0;

	while (n > 0 && uio->uio_resid > 0) {
		iov = uio->uio_iov;
		if ((cnt = iov->iov_len) == 0) {
			KASSERT(uio->uio_iovcnt > 0);
			uio->uio_iov++;
			uio->uio_iovcnt--;
			continue;
		}
		cnt = MIN(cnt, n);
		if (uio->uio_segflg == UIO_USERSPACE)
			error = uio->uio_rw == UIO_READ ?
			    copyout(cp, iov->iov_base, cnt) :
			    copyin(iov->iov_base, cp, cnt);
		else if (uio->uio_rw == UIO_READ)
			memcpy(iov->iov_base, cp, cnt);
		else
			memcpy(cp, iov->iov_base, cnt);
		if (error)
			return error;
		iov->iov_base = (char *)iov->iov_base + cnt;
		iov->iov_len -= cnt;
		uio->uio_resid -= cnt;
		uio->uio_offset += cnt;
		cp = (char *)cp + cnt;
		n -= cnt;
	}
	return 0;
}
