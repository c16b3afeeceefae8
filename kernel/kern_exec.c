/*
 * kernel/kern_exec.c: execve(2) for static ELF32 i386 programs (OpenBSD's
 * kern_exec.c and exec_elf.c, the part a static program needs).
 *
 *   0. in a threaded process, the other threads hold still at the user
 *      boundary (single_thread_set SINGLE_UNWIND, kern_sig.c): if exec
 *      fails they go on; past step 3 they exit (SINGLE_EXIT)
 *   1. look the path up; it must be a regular file with an ELF32 i386
 *      executable header (else EACCES, ENOEXEC)
 *   2. copy argv and envp in (E2BIG past ARG_MAX)
 *   3. build a new address space: each PT_LOAD segment mapped from the
 *      file's bytes (copy-on-write: a written page becomes the process's
 *      own), zero-filled past p_filesz, and a stack below USRSTACK
 *   -- from here exec cannot fail --
 *   4. switch to it and free the old one; the arguments onto the stack:
 *
 *        USRSTACK ->  strings (argv's, then envp's)
 *                     ...
 *                     envp[0] ... NULL
 *                     argv[0] ... NULL
 *        esp      ->  argc
 *
 *   5. the process's exec state: text vnode, name, close-on-exec
 *      descriptors, a vfork parent woken, registers (setregs), and
 *      SIGTRAP for a traced process, which stops for its tracer there
 *
 * Files are mapped from memory (the ramdisk's bytes, VOP_IMAGE) because
 * UVM-lite has no vnode pager.  FIXME (issue 6): signal actions reset,
 * set-id programs, #! scripts.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/param.h>
#include <sys/errno.h>
#include <sys/malloc.h>
#include <sys/proc.h>
#include <sys/file.h>
#include <sys/filedesc.h>
#include <sys/vnode.h>
#include <sys/exec_elf.h>
#include <sys/acct.h>
#include <sys/syscallargs.h>
#include <sys/signalvar.h>
#include <lib/libkern/libkern.h>
#include <uvm/uvm.h>
#include <machine/cpu.h>
#include <machine/pcb.h>
#include <machine/pmap.h>

#define ARG_MAX		(64 * 1024)	/* argv and envp strings, and pointers */
#define USRSTACK	VM_MAXUSER_ADDRESS
#define STACKSIZE	(256 * 1024)	/* the stack mapped at exec */
#define MAXPHNUM	16
#define SIGCODE_VA	(USRSTACK - STACKSIZE - PAGE_SIZE)

extern char sigcode[], esigcode[];	/* sigcode.asm */

/* What exec collects before the point of no return. */
struct exec_args {
	char	*buf;			/* argv's strings, then envp's */
	size_t	len;			/* bytes used in buf */
	int	argc, envc;
};

/*
 * Copy a user NULL-terminated vector of strings into ea.  Returns the
 * count in *n, or EFAULT, E2BIG.
 */
static int
exec_copyvec(char *const *uvec, struct exec_args *ea, int *n)
{
	char *s;
	size_t done;
	int error;

	*n = 0;
	if (uvec == NULL)
		return 0;
	for (;;) {
		if ((error = copyin(uvec + *n, &s, sizeof(s))) != 0)
			return error;
		if (s == NULL)
			return 0;
		error = copyinstr(s, ea->buf + ea->len, ARG_MAX - ea->len,
		    &done);
		if (error == ENAMETOOLONG)
			return E2BIG;
		if (error != 0)
			return error;
		ea->len += done;
		/* room for the pointers too: argc + both vectors + NULLs */
		if (ea->len + (*n + 4) * sizeof(char *) > ARG_MAX)
			return E2BIG;
		(*n)++;
	}
}

/* Is hdr an executable we can run?  => 0 or ENOEXEC. */
static int
exec_elf_check(const char *file, size_t size)
{
	const Elf32_Ehdr *eh = (const Elf32_Ehdr *)file;

	if (size < sizeof(*eh) || memcmp(eh->e_ident, ELFMAG, SELFMAG) != 0 ||
	    eh->e_ident[EI_CLASS] != ELFCLASS32 ||
	    eh->e_ident[EI_DATA] != ELFDATA2LSB || eh->e_type != ET_EXEC ||
	    eh->e_machine != EM_386 ||
	    eh->e_phentsize != sizeof(Elf32_Phdr) || eh->e_phnum == 0 ||
	    eh->e_phnum > MAXPHNUM ||
	    eh->e_phoff > size - eh->e_phnum * sizeof(Elf32_Phdr))
		return ENOEXEC;
	return 0;
}

/* Map one PT_LOAD segment into vm.  => 0 or ENOEXEC. */
static int
exec_map_segment(struct vmspace *vm, const char *file, size_t size,
    const Elf32_Phdr *ph)
{
	vaddr_t start = trunc_page(ph->p_vaddr), lead = ph->p_vaddr - start;
	vaddr_t end;
	vm_prot_t prot = 0;

	if (ph->p_filesz > ph->p_memsz || ph->p_offset > size ||
	    ph->p_filesz > size - ph->p_offset || ph->p_offset < lead ||
	    ph->p_vaddr < VM_MIN_ADDRESS ||
	    ph->p_memsz > SIGCODE_VA - ph->p_vaddr)
		return ENOEXEC;
	end = round_page(ph->p_vaddr + ph->p_memsz);
	if (ph->p_flags & PF_R)
		prot |= PROT_READ;
	if (ph->p_flags & PF_W)
		prot |= PROT_WRITE;
	if (ph->p_flags & PF_X)
		prot |= PROT_EXEC;
	if (uvm_map(&vm->vm_map, &start, end - start, prot,
	    PROT_READ | PROT_WRITE | PROT_EXEC, MAP_INHERIT_COPY,
	    ph->p_filesz != 0 ? file + ph->p_offset - lead : NULL,
	    ph->p_filesz != 0 ? ph->p_filesz + lead : 0) != 0)
		return ENOEXEC;
	if (ph->p_flags & PF_X)
		vm->vm_tsize += atop(end - start);
	else
		vm->vm_dsize += atop(end - start);
	if (end > (vaddr_t)vm->vm_daddr)
		vm->vm_daddr = (caddr_t)end;
	return 0;
}

/*
 * The new address space for the program in file: its segments and an
 * empty stack.  => NULL with *error set on failure, nothing left over.
 */
static struct vmspace *
exec_new_vmspace(const char *file, size_t size, int *error)
{
	const Elf32_Ehdr *eh = (const Elf32_Ehdr *)file;
	const Elf32_Phdr *ph = (const Elf32_Phdr *)(file + eh->e_phoff);
	struct vmspace *vm;
	vaddr_t stack = USRSTACK - STACKSIZE, sigva;
	int i;

	if ((vm = uvmspace_alloc()) == NULL) {
		*error = ENOMEM;
		return NULL;
	}
	for (i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_LOAD &&
		    (*error = exec_map_segment(vm, file, size, &ph[i])) != 0)
			goto bad;
	*error = uvm_map(&vm->vm_map, &stack, STACKSIZE,
	    PROT_READ | PROT_WRITE, PROT_READ | PROT_WRITE, MAP_INHERIT_COPY,
	    NULL, 0);
	if (*error != 0)
		goto bad;
	/* The signal trampoline, read-only, a page below the stack. */
	sigva = SIGCODE_VA;
	*error = uvm_map(&vm->vm_map, &sigva, PAGE_SIZE,
	    PROT_READ | PROT_EXEC, PROT_READ | PROT_EXEC, MAP_INHERIT_COPY,
	    sigcode, esigcode - sigcode);
	if (*error != 0)
		goto bad;
	vm->vm_ssize = atop(STACKSIZE);
	vm->vm_maxsaddr = (caddr_t)stack;
	return vm;
bad:
	uvmspace_free(vm);
	return NULL;
}

/*
 * Lay argc, argv[], envp[] and their strings out below USRSTACK in the
 * running (new) address space; returns the stack pointer, or 0 if the
 * copy faulted.
 */
static vaddr_t
exec_copyargs(struct exec_args *ea)
{
	vaddr_t strings = USRSTACK - roundup(ea->len, 16), sp;
	int n = ea->argc + ea->envc, i;
	char **vec, *s;
	size_t vlen = (1 + n + 2) * sizeof(char *);

	sp = (strings - vlen) & ~(vaddr_t)15;
	vec = malloc(vlen, M_EXEC, M_WAITOK);
	((register_t *)vec)[0] = ea->argc;
	for (i = 0, s = (char *)strings; i < n; i++) {
		vec[1 + i + (i >= ea->argc)] = s;
		s += strlen(ea->buf + (s - (char *)strings)) + 1;
	}
	vec[1 + ea->argc] = NULL;
	vec[1 + n + 1] = NULL;
	if (copyout(ea->buf, (void *)strings, ea->len) != 0 ||
	    copyout(vec, (void *)sp, vlen) != 0)
		sp = 0;
	free(vec, M_EXEC, vlen);
	return sp;
}

/* Close the descriptors marked close-on-exec. */
static void
fdcloseexec(struct proc *p)
{
	struct filedesc *fdp = p->p_fd;
	struct file *fp;
	int fd;

	for (fd = 0; fd <= fdp->fd_lastfile; fd++)
		if ((fp = fdp->fd_ofiles[fd]) != NULL &&
		    (fdp->fd_ofileflags[fd] & UF_EXCLOSE)) {
			fdremove(fdp, fd);
			(void)FRELE(fp, p);
		}
}

/*
 * Past the point of no return: p runs the new image vm, its arguments on
 * the stack, from entry.
 */
static void
exec_commit(struct proc *p, struct vmspace *vm, struct exec_args *ea,
    struct vnode *vp, const char *path, vaddr_t entry)
{
	struct process *pr = p->p_p;
	struct vmspace *old = pr->ps_vmspace;
	const char *base = strrchr(path, '/');
	vaddr_t sp;

	pr->ps_vmspace = p->p_vmspace = vm;
	pmap_activate(p);
	uvmspace_free(old);
	if ((sp = exec_copyargs(ea)) == 0)
		exit1(p, 0, SIGSEGV, EXIT_NORMAL);

	if (pr->ps_textvp != NULL)
		vrele(pr->ps_textvp);
	pr->ps_textvp = vp;		/* namei's reference */
	strlcpy(pr->ps_comm, base != NULL ? base + 1 : path,
	    sizeof(pr->ps_comm));
	atomic_setbits_int(&pr->ps_flags, PS_EXEC);
	KNOTE(&pr->ps_klist, NOTE_EXEC);
	pr->ps_acflag &= ~AFORK;
	pr->ps_sigcode = SIGCODE_VA;
	pr->ps_sigcookie = arc4random();
	execsigs(pr);
	fdcloseexec(p);
	/* A vfork parent waits for this (seed: fork1's PS_PPWAIT). */
	if (pr->ps_flags & PS_PPWAIT) {
		atomic_clearbits_int(&pr->ps_flags, PS_PPWAIT);
		atomic_clearbits_int(&pr->ps_pptr->ps_flags, PS_ISPWAIT);
		wakeup(pr->ps_pptr);
	}
	cpu_exec(p);
	setregs(p, entry, sp);
	/* A traced process stops before the new image's first instruction. */
	if (pr->ps_flags & PS_TRACED)
		psignal(p, SIGTRAP);
}

/* execve(2). */
int
sys_execve(struct proc *p, void *v, register_t *retval __unused)
{
	struct sys_execve_args /* {
		syscallarg(const char *) path;
		syscallarg(char *const *) argp;
		syscallarg(char *const *) envp;
	} */ *uap = v;
	struct exec_args ea = { NULL, 0, 0, 0 };
	struct vmspace *vm = NULL;
	struct vnode *vp = NULL;
	const char *file;
	size_t size;
	char *path;
	int error;

	/* The other threads hold still while we look (kern_sig.c). */
	if (P_HASSIBLING(p) && single_thread_set(p, SINGLE_UNWIND) != 0)
		return ERESTART;	/* another thread single-threads us */
	path = malloc(MAXPATHLEN, M_EXEC, M_WAITOK);
	ea.buf = malloc(ARG_MAX, M_EXEC, M_WAITOK);
	if ((error = copyinstr(SCARG(uap, path), path, MAXPATHLEN,
	    NULL)) != 0 || (error = namei(path, &vp)) != 0)
		goto out;
	if (vp->v_type != VREG || vp->v_op->vop_image == NULL ||
	    vp->v_op->vop_image(vp, &file, &size) != 0) {
		error = EACCES;
		goto out;
	}
	if ((error = exec_elf_check(file, size)) != 0 ||
	    (error = exec_copyvec(SCARG(uap, argp), &ea, &ea.argc)) != 0 ||
	    (error = exec_copyvec(SCARG(uap, envp), &ea, &ea.envc)) != 0 ||
	    (vm = exec_new_vmspace(file, size, &error)) == NULL)
		goto out;
	/*
	 * The point of no return: the other threads exit first, unless a
	 * sibling has taken over (it is ending the process): then we give
	 * way, and exit on our way out (single_thread_check).
	 */
	if (P_HASSIBLING(p) && (p->p_p->ps_single != p ||
	    (p->p_p->ps_flags & PS_EXITING) ||
	    single_thread_set(p, SINGLE_EXIT) != 0)) {
		uvmspace_free(vm);
		error = ERESTART;
		goto out;
	}
	exec_commit(p, vm, &ea, vp, path,
	    ((const Elf32_Ehdr *)file)->e_entry);
	vp = NULL;			/* the process holds it now */
	error = EJUSTRETURN;
out:
	if (p->p_p->ps_single == p)
		single_thread_clear(p);
	if (vp != NULL)
		vrele(vp);
	free(ea.buf, M_EXEC, ARG_MAX);
	free(path, M_EXEC, MAXPATHLEN);
	return error;
}
