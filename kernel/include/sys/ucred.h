/*
 * sys/ucred.h: credentials, refcounted and shared until changed
 * (kern_prot.c).  A thread's p_ucred and its process's ps_ucred are
 * references to the same object until a set*id call gives the process a
 * new one.
 */
#ifndef _SYS_UCRED_H_
#define _SYS_UCRED_H_

#include <sys/types.h>
#include <sys/param.h>
#include <sys/refcnt.h>

struct proc;

struct ucred {
	struct	refcnt cr_refcnt;	/* references */
	uid_t	cr_uid;			/* effective user id */
	uid_t	cr_ruid;		/* real user id */
	uid_t	cr_svuid;		/* saved user id */
	gid_t	cr_gid;			/* effective group id */
	gid_t	cr_rgid;		/* real group id */
	gid_t	cr_svgid;		/* saved group id */
	short	cr_ngroups;		/* supplementary groups */
	gid_t	cr_groups[NGROUPS_MAX];
};

struct ucred *crget(void);
struct ucred *crcopy(struct ucred *);
struct ucred *crdup(struct ucred *);
void	crset(struct ucred *, const struct ucred *);
void	crfree(struct ucred *);
void	crhold(struct ucred *);
int	suser(struct proc *);
void	prot_init(void);

#endif /* _SYS_UCRED_H_ */
