/* sys/mman.h: memory protections, with OpenBSD's values. */
#ifndef _SYS_MMAN_H_
#define _SYS_MMAN_H_

#define PROT_NONE	0x00
#define PROT_READ	0x01
#define PROT_WRITE	0x02
#define PROT_EXEC	0x04

typedef int vm_prot_t;

#endif /* _SYS_MMAN_H_ */
