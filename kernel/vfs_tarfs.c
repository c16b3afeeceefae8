/*
 * kernel/vfs_tarfs.c: the ramdisk's file system: a ustar archive (the
 * Makefile's build/ramdisk.tar, loaded by GRUB as a module), read-only,
 * every file's bytes where GRUB put them.
 *
 *   module:  [512-byte header][file bytes, padded to 512][header]...
 *   header:  name (100), mode, uid, gid, size (octal, 12), mtime, chksum,
 *            typeflag ('0' file, '5' directory), ..., "ustar", prefix (155)
 *
 * tarfs_mount() walks the archive once and makes a node (with its vnode)
 * for each file and directory, plus "/", "/dev" and its three devices,
 * whose nodes name the device vnodes (consvp, nullvp, cttydevvp).  The
 * vnodes live as long as the system: each holds a reference of the file
 * system's own.
 *
 * namei() walks a path a component at a time from "/" or from the
 * process's current directory (fd_cdir); tarfs_readdir() lists a
 * directory's children, the nodes whose path is the directory's plus
 * one component; tarfs_path() gives __getcwd(2) a directory's path.
 * XXX every lookup is a linear search of the nodes (a few dozen).
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/param.h>
#include <sys/errno.h>
#include <sys/malloc.h>
#include <sys/uio.h>
#include <sys/vnode.h>
#include <sys/proc.h>
#include <sys/filedesc.h>
#include <sys/dirent.h>
#include <lib/libkern/libkern.h>

#define TAR_BLOCK	512
#define TARFS_MAXNODES	256

struct tarfs_node {
	char	tn_path[MAXPATHLEN];	/* "/bin/hello", no trailing '/' */
	const char *tn_data;		/* a file's bytes */
	size_t	tn_size;
	mode_t	tn_mode;		/* permissions, from the header */
	uid_t	tn_uid;
	gid_t	tn_gid;
	time_t	tn_mtime;
	struct	vnode *tn_devvp;	/* a device's vnode, or NULL */
	struct	vnode tn_vnode;
};

static struct tarfs_node *tarfs_nodes;
static int tarfs_nnodes;
struct vnode *rootvnode;

/* A node's file number: its index, from 1 ("/" is 1, as ino 0 is none). */
static ino_t
tarfs_ino(struct tarfs_node *tn)
{
	return tn - tarfs_nodes + 1;
}

/* An octal field of a ustar header. */
static size_t
tar_octal(const char *p, int len)
{
	size_t v = 0;

	for (; len > 0 && (*p == ' ' || *p == '0'); p++, len--)
		if (*p == '0')
			break;
	for (; len > 0 && *p >= '0' && *p <= '7'; p++, len--)
		v = v * 8 + (*p - '0');
	return v;
}

static int
tarfs_read(struct vnode *vp, struct uio *uio, int ioflag __unused)
{
	struct tarfs_node *tn = vp->v_data;

	if (vp->v_type == VDIR)
		return EISDIR;
	if (uio->uio_offset < 0)
		return EINVAL;
	if (uio->uio_offset >= (off_t)tn->tn_size)	/* 64-bit: no wrap */
		return 0;
	return uiomove((void *)(tn->tn_data + uio->uio_offset),
	    MIN(uio->uio_resid, tn->tn_size - (size_t)uio->uio_offset), uio);
}

static int
tarfs_write(struct vnode *vp __unused, struct uio *uio __unused,
    int ioflag __unused)
{
	return EROFS;
}

static int
tarfs_image(struct vnode *vp, const char **data, size_t *size)
{
	struct tarfs_node *tn = vp->v_data;

	if (vp->v_type != VREG)
		return EACCES;
	*data = tn->tn_data;
	*size = tn->tn_size;
	return 0;
}

static int
tarfs_getattr(struct vnode *vp, struct vattr *vap)
{
	struct tarfs_node *tn = vp->v_data;

	memset(vap, 0, sizeof(*vap));
	vap->va_type = vp->v_type;
	vap->va_mode = tn->tn_mode;
	vap->va_nlink = vp->v_type == VDIR ? 2 : 1;
	vap->va_uid = tn->tn_uid;
	vap->va_gid = tn->tn_gid;
	vap->va_fsid = TARFS_FSID;
	vap->va_fileid = tarfs_ino(tn);
	vap->va_size = tn->tn_size;
	vap->va_blocksize = TAR_BLOCK;
	vap->va_mtime.tv_sec = tn->tn_mtime;
	return 0;
}

static int tarfs_readdir(struct vnode *, struct uio *);

static const struct vops tarfs_vops = {
	.vop_read = tarfs_read,
	.vop_write = tarfs_write,
	.vop_image = tarfs_image,
	.vop_getattr = tarfs_getattr,
	.vop_readdir = tarfs_readdir,
};

/* The node called path exactly, or NULL. */
static struct tarfs_node *
tarfs_find(const char *path)
{
	int i;

	for (i = 0; i < tarfs_nnodes; i++)
		if (strcmp(tarfs_nodes[i].tn_path, path) == 0)
			return &tarfs_nodes[i];
	return NULL;
}

/* A new node: path (made absolute, without a trailing '/'), its type. */
static struct tarfs_node *
tarfs_add(const char *prefix, const char *name, enum vtype type)
{
	struct tarfs_node *tn;
	size_t len;

	if (tarfs_nnodes == TARFS_MAXNODES)
		return NULL;
	tn = &tarfs_nodes[tarfs_nnodes++];
	while (name[0] == '.' && name[1] == '/')
		name += 2;
	snprintf(tn->tn_path, sizeof(tn->tn_path), "/%s%s%s", prefix,
	    prefix[0] != '\0' ? "/" : "", name);
	len = strlen(tn->tn_path);
	while (len > 1 && tn->tn_path[len - 1] == '/')
		tn->tn_path[--len] = '\0';
	tn->tn_mode = type == VDIR ? 0755 : 0644;
	tn->tn_vnode.v_usecount = 1;
	tn->tn_vnode.v_type = type;
	tn->tn_vnode.v_op = &tarfs_vops;
	tn->tn_vnode.v_data = tn;
	return tn;
}

/* "/dev" (unless the archive has it) with its devices in it. */
static void
tarfs_add_devices(void)
{
	struct tarfs_node *tn;

	if (tarfs_find("/dev") == NULL && tarfs_add("", "dev", VDIR) == NULL)
		return;
	/* Their attributes are the devices' own (VOP_GETATTR). */
	if ((tn = tarfs_add("dev", "console", VCHR)) != NULL)
		tn->tn_devvp = consvp;
	if ((tn = tarfs_add("dev", "null", VCHR)) != NULL)
		tn->tn_devvp = nullvp;
	if ((tn = tarfs_add("dev", "tty", VCHR)) != NULL)
		tn->tn_devvp = cttydevvp;
}

/*
 * Walk the archive at [start, start + len): a node per file and
 * directory, as far as the archive is sound (a bad header ends it).
 */
void
tarfs_mount(const char *start, size_t len)
{
	const char *h = start, *end = start + len;
	char name[101], prefix[156];
	struct tarfs_node *tn;
	size_t size;

	tarfs_nodes = mallocarray(TARFS_MAXNODES, sizeof(*tarfs_nodes),
	    M_MOUNT, M_WAITOK | M_ZERO);
	rootvnode = &tarfs_add("", "", VDIR)->tn_vnode;
	while (h + TAR_BLOCK <= end && h[0] != '\0' &&
	    memcmp(h + 257, "ustar", 5) == 0) {
		size = tar_octal(h + 124, 12);
		if (size > (size_t)(end - h - TAR_BLOCK))
			break;
		strlcpy(name, h, sizeof(name));
		strlcpy(prefix, h + 345, sizeof(prefix));
		if (strcmp(name, "./") != 0 && (h[156] == '0' ||
		    h[156] == '\0' || h[156] == '5')) {
			tn = tarfs_add(prefix, name,
			    h[156] == '5' ? VDIR : VREG);
			if (tn == NULL)
				break;
			tn->tn_data = h + TAR_BLOCK;
			tn->tn_size = h[156] == '5' ? 0 : size;
			tn->tn_mode = tar_octal(h + 100, 8) & 07777;
			tn->tn_uid = tar_octal(h + 108, 8);
			tn->tn_gid = tar_octal(h + 116, 8);
			tn->tn_mtime = tar_octal(h + 136, 12);
		}
		h += TAR_BLOCK + roundup(size, TAR_BLOCK);
	}
	tarfs_add_devices();
	printf("tarfs: %d files and directories in the ramdisk\n",
	    tarfs_nnodes - 1);
}

/* The vnode a name finds at node tn: the device's, or tn's own. */
static struct vnode *
tarfs_vnode(struct tarfs_node *tn)
{
	return tn->tn_devvp != NULL ? tn->tn_devvp : &tn->tn_vnode;
}

/*
 * Walk path one component at a time from the node dir: each step must
 * start at a directory (ENOTDIR), "." stays, ".." goes up (not above
 * "/"), a name must be there (ENOENT).  buf (MAXPATHLEN) holds the path
 * walked so far.  Returns 0 and the node in *tnp, or the error.
 */
static int
tarfs_lookup(struct tarfs_node *dir, const char *path, char *buf,
    struct tarfs_node **tnp)
{
	struct tarfs_node *tn = dir;
	const char *c = path, *e;
	size_t n, len;

	strlcpy(buf, dir->tn_path, MAXPATHLEN);
	n = strcmp(buf, "/") == 0 ? 0 : strlen(buf);
	for (; *c != '\0'; c = e) {
		while (*c == '/')
			c++;
		for (e = c; *e != '\0' && *e != '/'; e++)
			continue;
		if ((len = e - c) == 0)
			break;
		if (tarfs_vnode(tn)->v_type != VDIR)
			return ENOTDIR;
		if (len == 1 && c[0] == '.')
			continue;
		if (len == 2 && c[0] == '.' && c[1] == '.') {
			while (n > 0 && buf[--n] != '/')
				continue;
			buf[n] = '\0';
		} else {
			if (len > MAXNAMLEN || n + 1 + len + 1 > MAXPATHLEN)
				return ENAMETOOLONG;
			buf[n++] = '/';
			memcpy(buf + n, c, len);
			n += len;
			buf[n] = '\0';
		}
		if ((tn = tarfs_find(n == 0 ? "/" : buf)) == NULL)
			return ENOENT;
	}
	/* "file/" names a directory that is not there. */
	if (c > path && c[-1] == '/' && tarfs_vnode(tn)->v_type != VDIR)
		return ENOTDIR;
	*tnp = tn;
	return 0;
}

/*
 * Look up path, from "/" if it is absolute, else from the current
 * process's current directory (fd_cdir; "/" if it has none), and return
 * its vnode with a reference for the caller.  ENOENT, ENOTDIR (a
 * component on the way is a file), ENAMETOOLONG.
 */
int
namei(const char *path, struct vnode **vpp)
{
	struct tarfs_node *dir, *tn;
	struct proc *p = curproc;
	char *buf;
	int error;

	if (path[0] == '\0')
		return ENOENT;
	if (strnlen(path, MAXPATHLEN) == MAXPATHLEN)
		return ENAMETOOLONG;
	if (rootvnode == NULL)
		return ENOENT;
	dir = rootvnode->v_data;
	if (path[0] != '/' && p != NULL && p->p_fd != NULL &&
	    p->p_fd->fd_cdir != NULL)
		dir = p->p_fd->fd_cdir->v_data;
	buf = malloc(MAXPATHLEN, M_TEMP, M_WAITOK);
	error = tarfs_lookup(dir, path, buf, &tn);
	free(buf, M_TEMP, MAXPATHLEN);
	if (error != 0)
		return error;
	*vpp = tarfs_vnode(tn);
	vref(*vpp);
	return 0;
}

/*
 * The path of directory vp (a tarfs vnode, or NULL for "/") into buf,
 * NUL included.  ERANGE if it does not fit in len bytes.
 */
int
tarfs_path(struct vnode *vp, char *buf, size_t len)
{
	const char *path = "/";

	if (vp != NULL)
		path = ((struct tarfs_node *)vp->v_data)->tn_path;
	if (strlcpy(buf, path, len) >= len)
		return ERANGE;
	return 0;
}

/*
 * The references held on the ramdisk's vnodes and the devices', all
 * told: the self-tests compare it before and after, so a lost vrele
 * (a current directory, an open file, a text vnode) shows.
 */
u_int
tarfs_refs(void)
{
	u_int n = consvp->v_usecount + nullvp->v_usecount +
	    cttydevvp->v_usecount;
	int i;

	for (i = 0; i < tarfs_nnodes; i++)
		n += tarfs_nodes[i].tn_vnode.v_usecount;
	return n;
}

/*
 * Is tn a child of directory dir?  Then *namep is its last component.
 */
static int
tarfs_is_child(struct tarfs_node *dir, struct tarfs_node *tn,
    const char **namep)
{
	size_t n = strcmp(dir->tn_path, "/") == 0 ? 0 : strlen(dir->tn_path);

	if (tn == dir || strncmp(tn->tn_path, dir->tn_path, n) != 0 ||
	    tn->tn_path[n] != '/' || strchr(tn->tn_path + n + 1, '/') != NULL)
		return 0;
	*namep = tn->tn_path + n + 1;
	return 1;
}

/* The DT_* type of a vnode type. */
static u_int8_t
tarfs_dtype(int type)
{
	switch (type) {
	case VREG:
		return DT_REG;
	case VDIR:
		return DT_DIR;
	case VCHR:
		return DT_CHR;
	default:
		return DT_UNKNOWN;
	}
}

/*
 * One directory entry out to uio: EINVAL (the caller's "does not fit")
 * if it would not fit in what is left.
 */
static int
tarfs_dirent(struct uio *uio, ino_t ino, int type, const char *name,
    off_t next)
{
	struct dirent d;
	size_t len = strlen(name);

	memset(&d, 0, sizeof(d));
	d.d_fileno = ino;
	d.d_off = next;
	d.d_reclen = DIRENT_RECSIZE(len);
	d.d_type = tarfs_dtype(type);
	d.d_namlen = len;
	memcpy(d.d_name, name, len);
	if (uio->uio_resid < d.d_reclen)
		return EINVAL;
	return uiomove(&d, d.d_reclen, uio);
}

/*
 * VOP_READDIR: entry number uio_offset onwards, "." and ".." first,
 * then the children in archive order, as many as fit.  EINVAL if not
 * even the first fits.
 */
static int
tarfs_readdir(struct vnode *vp, struct uio *uio)
{
	struct tarfs_node *dir = vp->v_data, *tn, *parent;
	off_t idx = 0, off = uio->uio_offset;
	size_t start = uio->uio_resid;
	const char *name;
	char *buf;
	int i, error = 0;

	buf = malloc(MAXPATHLEN, M_TEMP, M_WAITOK);
	if (tarfs_lookup(dir, "..", buf, &parent) != 0)
		parent = dir;
	free(buf, M_TEMP, MAXPATHLEN);
	for (i = -2; i < tarfs_nnodes && error == 0; i++) {
		if (i == -2)
			tn = dir, name = ".";
		else if (i == -1)
			tn = parent, name = "..";
		else if (!tarfs_is_child(dir, tn = &tarfs_nodes[i], &name))
			continue;
		if (idx++ < off)
			continue;
		error = tarfs_dirent(uio, tarfs_ino(tn),
		    tarfs_vnode(tn)->v_type, name, idx);
		if (error == 0)
			uio->uio_offset = idx;
	}
	if (error == EINVAL && uio->uio_resid != start)
		error = 0;		/* a full buffer, not a short one */
	return error;
}
