/* sys/mount.h: mounted file systems.  FIXME: the VFS arrives in issue 6. */
#ifndef _SYS_MOUNT_H_
#define _SYS_MOUNT_H_
#endif /* _SYS_MOUNT_H_ */
