# libc/libc.mk - the sources of the user C library and the flags they
# are compiled with.  Included by tests/host/libc.mk (host tests) and
# libc/libc-arch.mk (libc.a and crt0.o for an ARCH).
#
# LIBC_MI_SRCS is the machine-independent C that the host tests build:
# the string, ctype and stdlib core, stdio with exit(), and the
# directory functions, which reach the kernel only through the stubs
# __sys_write, __sys_read, __sys_open, __sys_close, __sys_exit,
# __sys_fstat, __sys_getdirentries and __sys_lseek (the host tests fake
# those).
# LIBC_SYS_SRCS is the rest of the C, which only makes sense on Vise:
# the other system-call wrappers, start-up, the heap's memory.
# libc-arch.mk adds the assembly: crt0 and the stubs.

LIBC_MI_SRCS	:= \
	libc/ctype/ctype.c \
	libc/gen/errno.c libc/gen/libc_lock.c libc/stdio/flockfile.c \
	libc/gen/opendir.c libc/gen/readdir.c libc/gen/closedir.c \
	libc/gen/dbline.c libc/gen/getpwent.c libc/gen/getgrent.c \
	libc/stdio/format.c libc/stdio/snprintf.c \
	libc/stdio/stdstreams.c libc/stdio/makebuf.c libc/stdio/streamalloc.c \
	libc/stdio/fflush.c libc/stdio/swrite.c libc/stdio/refill.c \
	libc/stdio/fputc.c libc/stdio/fputs.c libc/stdio/fwrite.c \
	libc/stdio/fgetc.c libc/stdio/fgets.c libc/stdio/fread.c \
	libc/stdio/ungetc.c libc/stdio/vfprintf.c libc/stdio/dprintf.c \
	libc/stdio/perror.c libc/stdio/ferror.c libc/stdio/setvbuf.c \
	libc/stdio/mode.c libc/stdio/fopen.c libc/stdio/fdopen.c \
	libc/stdio/fclose.c libc/stdio/fseek.c libc/stdio/ftell.c \
	libc/stdio/format_float.c libc/stdio/scan.c libc/stdio/sscanf.c \
	libc/stdio/fscanf.c libc/stdio/getdelim.c \
	libc/stdlib/abs.c libc/stdlib/atexit.c libc/stdlib/atoi.c \
	libc/stdlib/bsearch.c libc/stdlib/exit.c libc/stdlib/getenv.c \
	libc/stdlib/malloc.c libc/stdlib/qsort.c libc/stdlib/rand.c \
	libc/stdlib/strtol.c libc/stdlib/strtol_core.c libc/stdlib/strtoul.c \
	libc/stdlib/dtoa.c libc/stdlib/strtod.c libc/stdlib/strtod_core.c \
	libc/sys/_exit.c \
	libc/string/memchr.c libc/string/memcmp.c libc/string/memcpy.c \
	libc/string/memmove.c libc/string/memset.c libc/string/strcat.c \
	libc/string/strchr.c libc/string/strcmp.c libc/string/strcpy.c \
	libc/string/strdup.c libc/string/strerror.c libc/string/strlcpy.c \
	libc/string/strlen.c libc/string/strspn.c libc/string/strstr.c \
	libc/string/strtok.c libc/string/strcoll.c

LIBC_SYS_SRCS	:= \
	libc/gen/execv.c libc/gen/libc_start.c \
	libc/stdlib/morecore.c \
	libc/sys/execve.c libc/sys/fork.c libc/sys/getpid.c libc/sys/mmap.c \
	libc/sys/wait.c libc/sys/write.c libc/sys/read.c libc/sys/open.c \
	libc/sys/close.c libc/sys/dup.c libc/sys/fcntl.c libc/sys/lseek.c \
	libc/sys/pipe.c libc/sys/stat.c libc/sys/getdirentries.c \
	libc/sys/unlink.c libc/sys/chmod.c libc/sys/truncate.c libc/sys/shm.c \
	libc/sys/chdir.c libc/gen/getcwd.c \
	libc/stdlib/mkstemp.c libc/stdio/tmpfile.c \
	libc/sys/signal.c libc/sys/time.c libc/sys/__vdso_gettime.c \
	libc/gen/sysctlbyname.c \
	libc/stdlib/abort.c libc/gen/assert.c libc/gen/sleep.c \
	libc/gen/sysconf.c libc/sys/ucred.c libc/sys/rlimit.c libc/sys/brk.c
# Job control: process groups, sessions, the terminal's foreground.
LIBC_SYS_SRCS	+= libc/sys/mlock.c
LIBC_SYS_SRCS	+= libc/sys/pgrp.c libc/sys/ioctl.c libc/gen/tcgetpgrp.c
# Threads (libc/thr/: pthreads over thr_new and _umtx_op), getrusage.
LIBC_SYS_SRCS	+= libc/thr/pthread.c libc/thr/pthread_attr.c \
		   libc/thr/pthread_mutex.c libc/thr/pthread_cond.c \
		   libc/thr/pthread_once.c libc/thr/pthread_kill.c \
		   libc/thr/thr_tls.c libc/sys/thr.c libc/sys/getrusage.c

# Our headers only, then the compiler's freestanding ones (stddef.h,
# stdint.h, stdarg.h, stdbool.h); include/ for the ABI headers shared
# with the kernel (<sys/errno.h>); libc/ for libc_private.h.
# -fno-builtin and -fno-tree-loop-distribute-patterns: gcc must neither
# treat our memcpy as its builtin nor turn the loop inside memset into a
# call to memset.  (gcc still emits memcpy/memset calls for large struct
# copies; libc defines them, so that is fine.)
LIBC_CC_INCLUDE	= $(shell $(LIBC_CC) -print-file-name=include)
LIBC_CFLAGS	= -std=gnu11 -ffreestanding -fno-builtin \
		  -fno-tree-loop-distribute-patterns -fno-stack-protector \
		  -nostdinc -Ilibc/include -isystem $(LIBC_CC_INCLUDE) \
		  -Iinclude -Ilibc \
		  -Wall -Wextra -Werror -Wstrict-prototypes \
		  -Wmissing-prototypes -MMD -MP
