/*
 * dirent.h: reading directories.  opendir() opens one, readdir() hands
 * out its entries (struct dirent, the kernel's) one at a time from a
 * buffer that getdents(2) fills, closedir() closes it.
 */
#ifndef _DIRENT_H_
#define _DIRENT_H_

#include <sys/types.h>
#include <sys/dirent.h>

#define DIRBLKSIZ	1024	/* what readdir asks getdents for */

typedef struct _dirdesc {
	int	dd_fd;			/* the open directory */
	int	dd_loc;			/* next entry in dd_buf */
	int	dd_size;		/* bytes in dd_buf */
	char	*dd_buf;		/* DIRBLKSIZ bytes */
} DIR;

DIR	*opendir(const char *);
struct dirent *readdir(DIR *);
void	rewinddir(DIR *);
int	closedir(DIR *);
int	dirfd(DIR *);
int	getdents(int, void *, size_t);

#endif /* _DIRENT_H_ */
