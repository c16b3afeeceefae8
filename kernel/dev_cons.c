/*
 * kernel/dev_cons.c: the console as a character device vnode, the file
 * behind /dev/console (OpenBSD's dev/cons.c, cnread/cnwrite).
 *
 * Writing prints on every console.  Reading is canonical: a typed line,
 * echoed and editable, goes to readers once it ends (cons_getline).
 * FIXME (issue 6): a tty (termios, ^C and ^Z to the foreground process
 * group, job control) replaces this.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/param.h>
#include <sys/cons.h>
#include <sys/uio.h>
#include <sys/vnode.h>
#include <sys/poll.h>
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

/*
 * The line being typed and the part of a finished line not yet read.
 * Canonical input, as a tty's line discipline does it: characters are
 * echoed, backspace (or DEL) erases one, ^U the whole line, and a line
 * is handed to readers only once it ends with a newline; ^D at the start
 * of a line is end of file (a read of 0 bytes).
 */
static char cons_line[256];
static size_t cons_linelen, cons_lineoff;
static int cons_eof;

/* Collect a line from the console (the caller has none waiting). */
static void
cons_getline(void)
{
	int c;

	cons_linelen = cons_lineoff = 0;
	for (;;) {
		c = cngetc();
		if (c == '\n' || c == '\r') {
			cnputc('\n');
			cons_line[cons_linelen++] = '\n';
			return;
		} else if (c == 0x04 && cons_linelen == 0) {	/* ^D */
			cons_eof = 1;
			return;
		} else if (c == '\b' || c == 0x7f) {
			if (cons_linelen > 0) {
				cons_linelen--;
				cnputs("\b \b");
			}
		} else if (c == 0x15) {				/* ^U */
			for (; cons_linelen > 0; cons_linelen--)
				cnputs("\b \b");
		} else if (c >= ' ' && cons_linelen < sizeof(cons_line) - 1) {
			cons_line[cons_linelen++] = c;
			cnputc(c);
		}
	}
}

static int
cons_vop_read(struct vnode *vp __unused, struct uio *uio,
    int ioflag __unused)
{
	size_t n;
	int error;

	if (cons_lineoff == cons_linelen && !cons_eof)
		cons_getline();
	if (cons_eof) {
		cons_eof = 0;
		return 0;			/* end of file, once */
	}
	n = MIN(uio->uio_resid, cons_linelen - cons_lineoff);
	error = uiomove(cons_line + cons_lineoff, n, uio);
	if (error == 0)
		cons_lineoff += n;
	return error;
}

/*
 * Readable once a line is waiting, or any typed input (which a read
 * would then collect into a line); always writable.
 */
static int
cons_vop_poll(struct vnode *vp __unused, int events)
{
	int revents = events & (POLLOUT | POLLWRNORM);

	if (cons_lineoff < cons_linelen || cons_eof || cn_input_pending())
		revents |= events & (POLLIN | POLLRDNORM);
	return revents;
}

/* VOP_GETATTR: a character device, OpenBSD/i386's cdev 0, minor 0. */
static int
cons_vop_getattr(struct vnode *vp, struct vattr *vap)
{
	memset(vap, 0, sizeof(*vap));
	vap->va_type = vp->v_type;
	vap->va_mode = 0600;
	vap->va_nlink = 1;
	vap->va_fsid = TARFS_FSID;
	vap->va_blocksize = CONS_CHUNK;
	vap->va_rdev = makedev(0, 0);
	return 0;
}

static const struct vops cons_vops = {
	.vop_read = cons_vop_read,
	.vop_write = cons_vop_write,
	.vop_poll = cons_vop_poll,
	.vop_getattr = cons_vop_getattr,
};

static struct vnode cons_vnode = {
	.v_usecount = 1,	/* the kernel's, for ever */
	.v_type = VCHR,
	.v_op = &cons_vops,
};

struct vnode *consvp = &cons_vnode;
