/* sys/reboot.h: how boot() ends the system (OpenBSD's RB_* flags). */
#ifndef _SYS_REBOOT_H_
#define _SYS_REBOOT_H_

#define RB_AUTOBOOT	0x0000	/* reboot */
#define RB_HALT		0x0008	/* halt: stop the CPU, leave power on */
#define RB_NOSYNC	0x0004	/* nothing to sync (always, for now) */
#define RB_POWERDOWN	0x1000	/* power off (with RB_HALT) */

#ifdef _KERNEL
__dead void boot(int howto);
void	db_stack_dump(void);
#endif

#endif /* _SYS_REBOOT_H_ */
