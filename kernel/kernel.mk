# kernel/: the machine-independent kernel.
KSRCS += kernel/init_main.c kernel/initrd.c kernel/initrd_attach.c \
	 kernel/kern_clock.c kernel/kern_cmdline.c \
	 kernel/kern_cons.c kernel/kern_crash.c kernel/kern_ksyms.c \
	 kernel/kern_ktest.c kernel/kern_malloc.c kernel/kern_mutex.c \
	 kernel/kern_shutdown.c kernel/kern_sx.c kernel/kern_synch.c \
	 kernel/kern_switch.c kernel/kern_thread.c kernel/kern_proc.c \
	 kernel/kern_exit.c kernel/kern_prot.c kernel/kern_syscall.c \
	 kernel/kern_priv.c kernel/kern_resource.c \
	 kernel/init_sysent.c kernel/sys_generic.c kernel/subr_copy.c \
	 kernel/kern_exec.c kernel/imgact_elf.c kernel/kern_descrip.c \
	 kernel/vfs_initrd.c kernel/vfs_lookup.c kernel/vfs_syscalls.c \
	 kernel/vfs_mount.c kernel/vfs_cwd.c kernel/tmpfs_subr.c kernel/tmpfs_vnops.c \
	 kernel/uipc_shm.c \
	 kernel/devfs.c kernel/dev_fb.c kernel/dev_devtest.c kernel/tty.c kernel/sys_pipe.c kernel/kern_time.c \
	 kernel/dev_initrd.c kernel/dev_wiretest.c \
	 kernel/kern_sysctl.c kernel/kern_sysctl_rw.c kernel/kern_sig.c \
	 kernel/libkern.c kernel/subr_vmem.c \
	 kernel/multiboot2.c kernel/subr_prf.c
# Job control: process groups and sessions.
KSRCS += kernel/kern_pgrp.c
# Threads of user processes, their futex-like waits, resource usage.
KSRCS += kernel/kern_thr.c kernel/kern_umtx.c kernel/kern_rusage.c
KSRCS += kernel/kern_vmmap.c
KSRCS += kernel/kern_sharedpage.c
# kern.proc.all and kern.proc.pid (ps).
KSRCS += kernel/kern_kinfo.c
# A debugger's access to process memory (debug.proc_poke).
KSRCS += kernel/sys_process.c
# DDB, the in-kernel debugger (docs/ddb.md); each file that owns data
# defines its own `show` command (the *_ddb.c files).
KSRCS += kernel/ddb/kdb.c kernel/ddb/db_command.c kernel/ddb/db_input.c \
	 kernel/ddb/db_lex.c kernel/ddb/db_trace.c \
	 kernel/kern_proc_ddb.c
