/*
 * sys/dirent.h: a directory entry as getdents(2) returns it, OpenBSD's
 * struct dirent.  Records are packed one after another, each d_reclen
 * bytes long (DIRENT_RECSIZE: the name and its NUL, rounded up to 8).
 * d_off is the offset of the next entry: lseek(2) to it, or to 0 to
 * read the directory again.
 */
#ifndef _SYS_DIRENT_H_
#define _SYS_DIRENT_H_

#include <sys/types.h>

#define MAXNAMLEN	255

struct dirent {
	ino_t	  d_fileno;		/* the file's number */
	off_t	  d_off;		/* offset of the next entry */
	u_int16_t d_reclen;		/* length of this record */
	u_int8_t  d_type;		/* DT_* */
	u_int8_t  d_namlen;		/* length of d_name, without NUL */
	u_int8_t  __d_padding[4];
	char	  d_name[MAXNAMLEN + 1];
};

#define DT_UNKNOWN	 0
#define DT_FIFO		 1
#define DT_CHR		 2
#define DT_DIR		 4
#define DT_BLK		 6
#define DT_REG		 8
#define DT_LNK		10
#define DT_SOCK		12

/* The bytes a record with a namelen-byte name takes. */
#define DIRENT_RECSIZE(namelen) \
    ((offsetof(struct dirent, d_name) + (namelen) + 1 + 7) & ~7)

#endif /* _SYS_DIRENT_H_ */
