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
 * for each file and directory, plus "/" and "/dev/console".  namei()
 * looks a path up among them.  The vnodes live as long as the system:
 * each holds a reference of the file system's own.
 * FIXME (issue 6): a real name cache and directories read by getdents.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/param.h>
#include <sys/errno.h>
#include <sys/malloc.h>
#include <sys/uio.h>
#include <sys/vnode.h>
#include <lib/libkern/libkern.h>

#define TAR_BLOCK	512
#define TARFS_MAXNODES	256

struct tarfs_node {
	char	tn_path[MAXPATHLEN];	/* "/bin/hello", no trailing '/' */
	const char *tn_data;		/* a file's bytes */
	size_t	tn_size;
	struct	vnode tn_vnode;
};

static struct tarfs_node *tarfs_nodes;
static int tarfs_nnodes;
struct vnode *rootvnode;

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

static const struct vops tarfs_vops = {
	.vop_read = tarfs_read,
	.vop_write = tarfs_write,
	.vop_image = tarfs_image,
};

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
	tn->tn_vnode.v_usecount = 1;
	tn->tn_vnode.v_type = type;
	tn->tn_vnode.v_op = &tarfs_vops;
	tn->tn_vnode.v_data = tn;
	return tn;
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
		}
		h += TAR_BLOCK + roundup(size, TAR_BLOCK);
	}
	printf("tarfs: %d files and directories in the ramdisk\n",
	    tarfs_nnodes - 1);
}

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

/*
 * Clean an absolute path: no empty or "." components, ".." taken back,
 * no trailing '/'.  Returns 0 or ENAMETOOLONG.
 */
static int
namei_clean(const char *path, char *out)
{
	const char *c = path, *e;
	size_t n = 0, len;

	out[0] = '\0';
	while (*c != '\0') {
		while (*c == '/')
			c++;
		for (e = c; *e != '\0' && *e != '/'; e++)
			continue;
		len = e - c;
		if (len == 0 || (len == 1 && c[0] == '.')) {
			/* nothing */
		} else if (len == 2 && c[0] == '.' && c[1] == '.') {
			while (n > 0 && out[--n] != '/')
				continue;
			out[n] = '\0';
		} else {
			if (n + 1 + len + 1 > MAXPATHLEN)
				return ENAMETOOLONG;
			out[n++] = '/';
			memcpy(out + n, c, len);
			n += len;
			out[n] = '\0';
		}
		c = e;
	}
	if (n == 0)
		strlcpy(out, "/", MAXPATHLEN);
	return 0;
}

/*
 * Look up path (absolute; a relative one is taken from "/" until
 * processes have a current directory, FIXME issue 6) and return its
 * vnode with a reference for the caller.  ENOENT, ENOTDIR (a component
 * on the way is a file), ENAMETOOLONG.
 */
int
namei(const char *path, struct vnode **vpp)
{
	struct tarfs_node *tn;
	char *clean, *slash;
	int error;

	if (path[0] == '\0')
		return ENOENT;
	if (strnlen(path, MAXPATHLEN) == MAXPATHLEN)
		return ENAMETOOLONG;
	if (rootvnode == NULL)
		return ENOENT;
	clean = malloc(MAXPATHLEN, M_TEMP, M_WAITOK);
	if ((error = namei_clean(path, clean)) != 0)
		goto out;
	if (strcmp(clean, "/dev/console") == 0) {
		vref(consvp);
		*vpp = consvp;
		goto out;
	}
	if ((tn = tarfs_find(clean)) == NULL) {
		/* ENOTDIR if the parent exists and is not a directory. */
		error = ENOENT;
		while ((slash = strrchr(clean, '/')) != NULL && slash != clean) {
			*slash = '\0';
			if ((tn = tarfs_find(clean)) != NULL) {
				if (tn->tn_vnode.v_type != VDIR)
					error = ENOTDIR;
				break;
			}
		}
		goto out;
	}
	vref(&tn->tn_vnode);
	*vpp = &tn->tn_vnode;
out:
	free(clean, M_TEMP, MAXPATHLEN);
	return error;
}
