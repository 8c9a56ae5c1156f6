/*
 * kern_exec.c - execve(2), and the kernel's own first exec (init).
 *
 * The order matters.  First everything that can fail with the old
 * program intact: the path is looked up through the VFS (any file
 * system exec can read: the initrd, tmpfs), the file checked (a
 * regular file the caller may execute, an ELF image this kernel runs)
 * and held by a reference until its segments are read,
 * and argv/envp copied into a kernel buffer.  Then the process's other
 * threads exit (thread_single, kern_thread.c).  Then the point of no
 * return: the address space is emptied (R27: every mapping goes, each
 * wired one unwired, MAP_WIREFUTURE cleared) or, if another process
 * shares it, replaced by a new one; the segments, a stack and the
 * shared page (kern_sharedpage.c, the last page) are mapped; argc,
 * argv, envp
 * and the auxiliary vector are written on the stack; the registers are
 * reset; the credentials' saved ids become the effective ones.  A
 * failure past that point can only be a shortage of memory, and kills
 * the process.
 *
 * The stack grows down (vm_map_stack_locked): MAXSSIZ is reserved below
 * USRSTACK, of which the top SGROWSIZ (or what the arguments need, if
 * more) is mapped; a fault in the rest, the gap, grows the stack while
 * it stays within the soft RLIMIT_STACK of that moment and one guard
 * page above the reservation's bottom (vm_map_growstack); past that
 * the access gets SIGSEGV.
 *
 * The stack, from its top down: the strings, then (16-byte aligned)
 * argc, argv[] with NULL, envp[] with NULL, auxv pairs ending AT_NULL
 * (AT_PAGESZ, AT_ENTRY, AT_TIMEKEEP: the shared page's clock record);
 * the stack pointer points at argc.  Each slot is a long (8 bytes on
 * amd64, 4 on i386).
 */
#include <sys/errno.h>
#include <sys/signal.h>
#include <sys/_wait.h>
#include <sys/_timekeep.h>
#include <kernel/systm.h>
#include <kernel/machdep.h>
#include <kernel/malloc.h>
#include <kernel/elf.h>
#include <kernel/file.h>
#include <kernel/exec.h>
#include <kernel/mount.h>
#include <kernel/proc.h>
#include <kernel/sharedpage.h>
#include <kernel/signalvar.h>
#include <kernel/syscallvar.h>
#include <vm/vm.h>
#include <vm/vm_kern.h>
#include <vm/vm_map.h>
#include <vm/pmap.h>
#include <machine/vmparam.h>

MALLOC_DEFINE(M_EXEC, "exec", "exec arguments");

/* The stack: USRSTACK below the shared page, MAXSSIZ reserved. */
#define USRSTACK	SHAREDPAGE

/* argv and envp, copied into the kernel before the old image goes. */
struct exec_args {
	char	*buf;		/* ARG_MAX bytes: the strings, back to back */
	size_t	used;
	int	argc, envc;
};

/* Copy one NULL-terminated array of strings (user or kernel). */
static int
exec_copy_strings(struct exec_args *ea, char *const *vec, bool user,
    int *count)
{
	char *str;
	size_t done;
	int error;

	*count = 0;
	if (vec == NULL)
		return (0);
	for (;; (*count)++) {
		if (user) {
			error = copyin(&vec[*count], &str, sizeof(str));
			if (error != 0)
				return (error);
		} else
			str = vec[*count];
		if (str == NULL)
			return (0);
		if (user) {
			error = copyinstr(str, ea->buf + ea->used,
			    ARG_MAX - ea->used, &done);
			if (error == ENAMETOOLONG)
				return (E2BIG);
			if (error != 0)
				return (error);
		} else {
			done = strlen(str) + 1;
			if (done > ARG_MAX - ea->used)
				return (E2BIG);
			memcpy(ea->buf + ea->used, str, done);
		}
		ea->used += done;
	}
}

/*
 * Write the strings and vectors on the new stack (through copyout: the
 * new address space is the active one); *spp gets the stack pointer.
 */
static int
exec_copyout_stack(struct exec_args *ea, vm_offset_t entry,
    vm_offset_t *spp)
{
	unsigned long *vec;
	vm_offset_t strings, sp;
	size_t nvec, i;
	char *s;
	int error, n;

	strings = (USRSTACK - ea->used) & ~(vm_offset_t)(sizeof(long) - 1);
	/* argc, argv + NULL, envp + NULL, auxv: PAGESZ, ENTRY, TIMEKEEP, NULL. */
	nvec = 1 + ea->argc + 1 + ea->envc + 1 + 4 * 2;
	sp = (strings - nvec * sizeof(long)) & ~(vm_offset_t)15;
	vec = malloc(nvec * sizeof(long), M_EXEC, M_NOWAIT);
	if (vec == NULL)
		return (ENOMEM);
	i = 0;
	vec[i++] = ea->argc;
	s = ea->buf;
	for (n = 0; n < ea->argc + ea->envc; n++) {
		vec[i++] = strings + (s - ea->buf);
		s += strlen(s) + 1;
		if (n == ea->argc - 1)
			vec[i++] = 0;		/* the end of argv */
	}
	if (ea->argc == 0)
		vec[i++] = 0;
	vec[i++] = 0;				/* the end of envp */
	vec[i++] = AT_PAGESZ;
	vec[i++] = PAGE_SIZE;
	vec[i++] = AT_ENTRY;
	vec[i++] = entry;
	vec[i++] = AT_TIMEKEEP;
	vec[i++] = SHAREDPAGE_TIMEKEEP;
	vec[i++] = AT_NULL;
	vec[i++] = 0;
	KASSERT(i == nvec, ("exec: %zu vector slots of %zu", i, nvec));
	error = copyout(ea->buf, (void *)strings, ea->used);
	if (error == 0)
		error = copyout(vec, (void *)sp, nvec * sizeof(long));
	free(vec, M_EXEC);
	*spp = sp;
	return (error);
}

/*
 * How much of the MAXSSIZ reserved for the stack to map at first:
 * SGROWSIZ, or what exec_copyout_stack writes (the strings, the vectors
 * and their alignment) and a page more for the program if that is
 * more.  The rest comes by growth, within RLIMIT_STACK; the first part
 * counts against it, but is there whatever the limit (a tiny limit
 * still runs the program).
 */
static vm_size_t
exec_stack_size(const struct exec_args *ea)
{
	vm_size_t need;

	need = round_page(ea->used + sizeof(long) +
	    (ea->argc + ea->envc + 11) * sizeof(long) + 16) + PAGE_SIZE;
	return (MIN(MAX((vm_size_t)SGROWSIZ, need),
	    (vm_size_t)MAXSSIZ - STACK_GUARD));
}

/*
 * Look `path` up for the caller (from its current directory if
 * relative): a regular file (EACCES otherwise) it may execute (EACCES:
 * root too needs one execute bit, vfs_access_stat) on a file system
 * exec can read.  On success imgp holds a reference on the node and
 * its first page, both freed by exec_image_release.
 */
static int
exec_lookup(struct thread *td, const char *path, struct image_params *imgp)
{
	struct nameidata nd;
	struct stat sb;
	size_t done;
	int error;

	if ((imgp->ip_hdr = malloc(PAGE_SIZE, M_EXEC, M_NOWAIT)) == NULL)
		return (ENOMEM);
	vfs_lock();
	error = vfs_namei(path, NAMEI_FOLLOW, &td->td_proc->p_ucred, &nd);
	if (error == 0) {
		vfs_getattr(nd.ni_vp, &sb);
		if (!S_ISREG(sb.st_mode) ||
		    nd.ni_vp.vn_mount->mnt_op->vop_read == NULL)
			error = EACCES;
		else
			error = vfs_access_stat(&sb, &td->td_proc->p_ucred,
			    VEXEC);
	}
	if (error == 0)
		error = nd.ni_vp.vn_mount->mnt_op->vop_read(nd.ni_vp.vn_data, 0,
		    imgp->ip_hdr, PAGE_SIZE, &done);
	if (error == 0) {
		imgp->ip_vn = nd.ni_vp;
		imgp->ip_size = sb.st_size;
		imgp->ip_hdrlen = done;
		vfs_ref(imgp->ip_vn);
	}
	vfs_unlock();
	if (error != 0)
		free(imgp->ip_hdr, M_EXEC);
	return (error);
}

/* Drop what exec_lookup took. */
static void
exec_image_release(struct image_params *imgp)
{
	vfs_lock();
	vfs_rele(imgp->ip_vn);
	vfs_unlock();
	free(imgp->ip_hdr, M_EXEC);
}

/* exec_image_read: see exec.h. */
int
exec_image_read(struct image_params *imgp, __off_t offset, void *buf,
    size_t len)
{
	struct vfsnode vn = imgp->ip_vn;
	size_t done;
	int error;

	vfs_lock();
	error = vn.vn_mount->mnt_op->vop_read(vn.vn_data, offset, buf, len,
	    &done);
	vfs_unlock();
	if (error == 0 && done < len)
		memset((char *)buf + done, 0, len - done);
	return (error);
}

/*
 * The point of no return: an empty address space for the new program,
 * mapped and active.  The old one is emptied when the process is its
 * only user (R27), else left to the others.  Either way the new program
 * starts without MAP_WIREFUTURE and without wirings (R27, I-M1):
 * vmspace_exec_reset clears the flag, a new vmspace never has it; a
 * vmspace left to others keeps its flag and wirings for them.
 */
static struct vmspace *
exec_new_vmspace(struct proc *p)
{
	struct vmspace *old = p->p_vmspace, *vm;
	unsigned long s;

	if (old != NULL && old->vm_refcnt == 1) {
		vmspace_exec_reset(old);
		return (old);
	}
	vm = vmspace_alloc(VM_MIN_USER_ADDRESS, VM_MAX_USER_ADDRESS);
	if (vm == NULL)
		return (NULL);
	s = intr_disable();
	p->p_vmspace = vm;
	pmap_activate(vmspace_pmap(vm));
	intr_restore(s);
	if (old != NULL)
		vmspace_free(old);
	return (vm);
}

/* kern_execve: see exec.h. */
int
kern_execve(struct thread *td, const char *path, char *const *argv,
    char *const *envp, bool user)
{
	struct proc *p = td->td_proc;
	struct image_params img;
	struct exec_args ea;
	struct vmspace *vm;
	const char *base;
	vm_offset_t entry, sp;
	vm_size_t ssiz;
	unsigned long s;
	int error, rv;

	if ((error = exec_lookup(td, path, &img)) != 0)
		return (error);
	if ((error = exec_elf_check(&img, USRSTACK - MAXSSIZ)) != 0) {
		exec_image_release(&img);
		return (error);
	}
	ea.buf = (char *)kmem_malloc(ARG_MAX, M_NOWAIT);
	if (ea.buf == NULL) {
		exec_image_release(&img);
		return (ENOMEM);
	}
	ea.used = 0;
	error = exec_copy_strings(&ea, argv, user, &ea.argc);
	if (error == 0)
		error = exec_copy_strings(&ea, envp, user, &ea.envc);
	if (error != 0) {
		kmem_free((vm_offset_t)ea.buf, ARG_MAX);
		exec_image_release(&img);
		return (error);
	}

	ssiz = exec_stack_size(&ea);

	/*
	 * The other threads go first (they would run in the new program's
	 * address space): if another thread is already ending the process
	 * or exec'ing, this one gives up and exits on the way out.
	 */
	if ((error = thread_single(td)) != 0) {
		kmem_free((vm_offset_t)ea.buf, ARG_MAX);
		exec_image_release(&img);
		return (error);
	}

	/* No way back from here. */
	vm = exec_new_vmspace(p);
	error = vm == NULL ? ENOMEM : exec_elf_map(vm, &img, &entry);
	if (error == 0) {
		vm_map_lock(&vm->vm_map);
		rv = vm_map_stack_locked(&vm->vm_map, USRSTACK - MAXSSIZ,
		    MAXSSIZ, ssiz, VM_PROT_RW, VM_PROT_ALL, 0);
		vm->vm_maxsaddr = USRSTACK - MAXSSIZ;
		vm->vm_stacktop = USRSTACK;
		vm->vm_ssize = atop(ssiz);
		if (rv == KERN_SUCCESS)
			rv = shared_page_map(vm);
		vm_map_unlock(&vm->vm_map);
		error = rv == KERN_SUCCESS ? 0 : ENOMEM;
	}
	if (error == 0)
		error = exec_copyout_stack(&ea, entry, &sp);
	kmem_free((vm_offset_t)ea.buf, ARG_MAX);
	exec_image_release(&img);
	if (error != 0) {
		printf("pid %d (%s): exec of %s failed past the point of no "
		    "return (error %d): killed\n", p->p_pid, p->p_comm, path,
		    error);
		exit1(td, W_EXITCODE(0, SIGKILL));
	}
	if (p->p_fd != NULL)
		fdcloseexec(p->p_fd);
	sigacts_exec(p);
	cred_exec(p);
	s = intr_disable();
	p->p_flag |= P_EXEC;		/* setpgid by the parent: EACCES */
	intr_restore(s);
	cpu_exec_setregs(td, entry, sp);
	base = strrchr(path, '/');
	strlcpy(p->p_comm, base != NULL ? base + 1 : path, sizeof(p->p_comm));
	thread_single_end(td);
	return (0);
}

/* sys_execve: execve(path, argv, envp). */
int
sys_execve(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	char *path;
	int error;

	(void)retval;
	path = malloc(EXEC_PATH_MAX, M_EXEC, M_NOWAIT);
	if (path == NULL)
		return (ENOMEM);
	error = copyinstr((const void *)args[0], path, EXEC_PATH_MAX, NULL);
	if (error == 0)
		error = kern_execve(td, path, (char *const *)args[1],
		    (char *const *)args[2], true);
	free(path, M_EXEC);
	return (error);
}
