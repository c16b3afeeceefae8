/*
 * kernel/dev_cons.c: the console as a character device vnode, the file
 * behind /dev/console (OpenBSD's dev/cons.c, cnread/cnwrite).
 *
 * Writing prints on every console.  Reading takes what has been typed:
 * it waits for the first character, then takes the rest of the line up
 * to the count asked for.  FIXME (issue 6): a tty with a real line
 * discipline (echo, erase, ^C, ^Z, ^D) replaces this.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/param.h>
#include <sys/cons.h>
#include <sys/uio.h>
#include <sys/vnode.h>
#include <lib/libkern/libkern.h>

#define CONS_CHUNK	64	/* bytes moved at a time */

static int
cons_vop_write(struct vnode *vp __unused, struct uio *uio,
    int ioflag __unused)
{
	char buf[CONS_CHUNK];
	size_t n, i;
	int error;

	while (uio->uio_resid > 0) {
		n = MIN(uio->uio_resid, sizeof(buf));
		if ((error = uiomove(buf, n, uio)) != 0)
			return error;
		for (i = 0; i < n; i++)
			cnputc(buf[i]);
	}
	return 0;
}

static int
cons_vop_read(struct vnode *vp __unused, struct uio *uio,
    int ioflag __unused)
{
	char c;
	int error;

	while (uio->uio_resid > 0) {
		c = cngetc();
		if ((error = uiomove(&c, 1, uio)) != 0)
			return error;
		if (c == '\n')
			break;
	}
	return 0;
}

static const struct vops cons_vops = {
	.vop_read = cons_vop_read,
	.vop_write = cons_vop_write,
};

static struct vnode cons_vnode = {
	.v_usecount = 1,	/* the kernel's, for ever */
	.v_type = VCHR,
	.v_op = &cons_vops,
};

struct vnode *consvp = &cons_vnode;
