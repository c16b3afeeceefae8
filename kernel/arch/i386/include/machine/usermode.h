/* machine/usermode.h: ring 3 without processes yet (usermode.c). */
#ifndef _MACHINE_USERMODE_H_
#define _MACHINE_USERMODE_H_

#include <sys/types.h>

int	cpu_run_user(vaddr_t eip, vaddr_t esp);
int	cpu_user_active(void);
__dead void cpu_user_exit(int status, const char *why);
extern char user_end_reason[];

#endif /* _MACHINE_USERMODE_H_ */
