/*
 * sys/stat.h: what stat(2), lstat(2) and fstat(2) say about a file,
 * OpenBSD's struct stat (its i386 layout, so a program written to the
 * man page sees the same fields), the file type bits of st_mode and
 * their S_IS* tests.
 */
#ifndef _SYS_STAT_H_
#define _SYS_STAT_H_

#include <sys/types.h>
#include <sys/time.h>

struct stat {
	mode_t	  st_mode;		/* type (S_IFMT) and permissions */
	dev_t	  st_dev;		/* the device the file is on */
	ino_t	  st_ino;		/* its number there */
	nlink_t	  st_nlink;		/* hard links */
	uid_t	  st_uid;		/* owner */
	gid_t	  st_gid;		/* group */
	dev_t	  st_rdev;		/* the device, for S_IFCHR/S_IFBLK */
	struct	timespec st_atim;	/* last access */
	struct	timespec st_mtim;	/* last data modification */
	struct	timespec st_ctim;	/* last status change */
	off_t	  st_size;		/* bytes */
	blkcnt_t  st_blocks;		/* 512-byte blocks allocated */
	blksize_t st_blksize;		/* best I/O size */
	u_int32_t st_flags;		/* user flags (chflags) */
	u_int32_t st_gen;		/* generation number */
	struct	timespec __st_birthtim;	/* creation */
};

#define st_atime	st_atim.tv_sec
#define st_mtime	st_mtim.tv_sec
#define st_ctime	st_ctim.tv_sec

#define S_ISUID	0004000			/* set user id on execution */
#define S_ISGID	0002000			/* set group id on execution */
#define S_ISTXT	0001000			/* sticky bit */
#define S_ISVTX	S_ISTXT

#define S_IRWXU	0000700			/* owner: read, write, execute */
#define S_IRUSR	0000400
#define S_IWUSR	0000200
#define S_IXUSR	0000100
#define S_IRWXG	0000070			/* group */
#define S_IRGRP	0000040
#define S_IWGRP	0000020
#define S_IXGRP	0000010
#define S_IRWXO	0000007			/* others */
#define S_IROTH	0000004
#define S_IWOTH	0000002
#define S_IXOTH	0000001

#define S_IFMT	 0170000		/* type of file */
#define S_IFIFO	 0010000		/* named pipe (fifo) */
#define S_IFCHR	 0020000		/* character special */
#define S_IFDIR	 0040000		/* directory */
#define S_IFBLK	 0060000		/* block special */
#define S_IFREG	 0100000		/* regular */
#define S_IFLNK	 0120000		/* symbolic link */
#define S_IFSOCK 0140000		/* socket */

#define S_ISDIR(m)	(((m) & S_IFMT) == S_IFDIR)
#define S_ISCHR(m)	(((m) & S_IFMT) == S_IFCHR)
#define S_ISBLK(m)	(((m) & S_IFMT) == S_IFBLK)
#define S_ISREG(m)	(((m) & S_IFMT) == S_IFREG)
#define S_ISFIFO(m)	(((m) & S_IFMT) == S_IFIFO)
#define S_ISLNK(m)	(((m) & S_IFMT) == S_IFLNK)
#define S_ISSOCK(m)	(((m) & S_IFMT) == S_IFSOCK)

#define S_BLKSIZE	512		/* the unit of st_blocks */

#endif /* _SYS_STAT_H_ */
