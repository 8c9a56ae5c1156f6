/*
 * vfsnode.h - struct vfsnode, a node of a mounted file system (see
 * kernel/mount.h), on its own so that struct proc (kernel/proc.h) can
 * hold one (p_cwd) without the rest of the VFS's headers.
 */
#ifndef _KERNEL_VFSNODE_H_
#define _KERNEL_VFSNODE_H_

struct mount;

/* A node of a mounted file system. */
struct vfsnode {
	struct mount	*vn_mount;
	void		*vn_data;	/* the file system's node */
};

#endif /* !_KERNEL_VFSNODE_H_ */
