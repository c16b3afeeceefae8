/*
 * sys/uio.h: scatter/gather I/O descriptions (OpenBSD's names).  A uio
 * says where data goes or comes from (user or kernel space), how much is
 * left, and at which file offset; uiomove() copies between it and a
 * kernel buffer, advancing it.
 */
#ifndef _SYS_UIO_H_
#define _SYS_UIO_H_

#include <sys/types.h>

struct iovec {
	void	*iov_base;		/* base address */
	size_t	iov_len;		/* length */
};

enum uio_rw { UIO_READ, UIO_WRITE };
enum uio_seg { UIO_USERSPACE, UIO_SYSSPACE };

struct proc;

struct uio {
	struct	iovec *uio_iov;		/* the buffers */
	int	uio_iovcnt;		/* how many */
	off_t	uio_offset;		/* file offset */
	size_t	uio_resid;		/* bytes left to move */
	enum	uio_seg uio_segflg;	/* where the buffers are */
	enum	uio_rw uio_rw;		/* UIO_READ: into the buffers */
	struct	proc *uio_procp;	/* the process, for user space */
};

int	uiomove(void *, size_t, struct uio *);

#endif /* _SYS_UIO_H_ */
