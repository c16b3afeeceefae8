/* sys/acct.h: process accounting flags (ps_acflag). */
#ifndef _SYS_ACCT_H_
#define _SYS_ACCT_H_

#define AFORK	0x01		/* forked but not exec'd */
#define ASU	0x02		/* used super-user privileges */
#define AMAP	0x04		/* system call or stack mapping violation */
#define ACORE	0x08		/* dumped core */
#define AXSIG	0x10		/* killed by a signal */
#define APLEDGE	0x20		/* killed due to pledge violation */
#define ATRAP	0x40		/* memory access violation */
#define AUNVEIL	0x80		/* unveil access violation */

#endif /* _SYS_ACCT_H_ */
