/* sys/sysctl.h: sysctl(2) names.  FIXME: the sysctl tree arrives in issue 6. */
#ifndef _SYS_SYSCTL_H_
#define _SYS_SYSCTL_H_
#endif /* _SYS_SYSCTL_H_ */
