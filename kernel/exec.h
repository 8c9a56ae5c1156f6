/*
 * exec.h - replacing a process's program (kernel/kern_exec.c) and the
 * ELF image activator (kernel/imgact_elf.c).
 */
#ifndef _KERNEL_EXEC_H_
#define _KERNEL_EXEC_H_

#include <kernel/systm.h>
#include <kernel/mount.h>
#include <vm/vm.h>

struct thread;
struct vmspace;

/* Bytes of arguments and environment strings exec takes (with NULs). */
#define ARG_MAX		(64 * 1024)
/* Longest path exec takes, with its NUL. */
#define EXEC_PATH_MAX	1024
/*
 * The most stack a program gets: exec reserves this much below the top
 * of user space (no segment may reach into it) and maps as much of it
 * as RLIMIT_STACK says (kernel/kern_resource.c).
 */
#define MAXSSIZ		(8L * 1024 * 1024)

/*
 * kern_execve: run the program at `path` (a kernel string) in
 * curthread's process, with `argv` and `envp` (NULL-terminated arrays,
 * user pointers when `user` is true, else kernel ones).  Returns only
 * on failure, with the old program intact: ENOENT, ENOTDIR, ELOOP,
 * ENAMETOOLONG, EACCES (not a regular file, no execute permission for
 * the caller, or no search permission on the way),
 * ENOEXEC, E2BIG, EFAULT, ENOMEM, or EINTR when another thread is
 * already ending or exec'ing the process.  The process's other threads
 * exit before its address space goes.  A failure after the old address
 * space is gone (no memory) kills the process.  Thread context; may
 * sleep.
 */
int	kern_execve(struct thread *td, const char *path, char *const *argv,
	    char *const *envp, bool user);

/*
 * The program exec runs: a regular file of any file system, read
 * through the VFS (vop_read), with a reference on its node for the
 * whole exec, so that removing it meanwhile frees nothing.
 */
struct image_params {
	struct vfsnode	ip_vn;		/* the file, referenced */
	__off_t		ip_size;	/* its size when it was looked up */
	char		*ip_hdr;	/* its first ip_hdrlen bytes ... */
	size_t		ip_hdrlen;	/* ... at most a page */
};

/*
 * exec_image_read: `len` bytes of the program from `offset` into the
 * kernel buffer `buf`; what the file no longer has (it shrank) reads as
 * zeros.  0 or ENOMEM.  Takes vfs_lock; may sleep.
 */
int	exec_image_read(struct image_params *imgp, __off_t offset, void *buf,
	    size_t len);

/*
 * exec_elf_check: whether the program is a static executable this
 * kernel runs, its header and program headers within ip_hdr, all of
 * whose segments lie in the file and end below `stack_bottom`: 0 or
 * ENOEXEC.  No side effects.
 * exec_elf_map: map a checked program's segments into `vm`, which must
 * be curthread's active address space, and fill them from the file
 * (exec_image_read); *entry gets the entry point.  0, ENOMEM or
 * EFAULT.  May sleep.
 */
int	exec_elf_check(const struct image_params *imgp,
	    vm_offset_t stack_bottom);
int	exec_elf_map(struct vmspace *vm, struct image_params *imgp,
	    vm_offset_t *entry);

/*
 * cpu_exec_setregs (arch): the user registers of a fresh program:
 * everything zero but the program counter `entry`, the stack pointer
 * `sp` and the flags (interrupts on).
 */
void	cpu_exec_setregs(struct thread *td, vm_offset_t entry, vm_offset_t sp);

#endif /* !_KERNEL_EXEC_H_ */
