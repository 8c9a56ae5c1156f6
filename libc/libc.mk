# libc/libc.mk - the machine-independent sources of the user C library
# and the flags they are compiled with.  Included by tests/host/libc.mk
# (host tests); the build of libc for an ARCH will include it too and
# add crt0, the system-call stubs and the rest that needs the kernel.

LIBC_MI_SRCS	:= \
	libc/ctype/ctype.c \
	libc/gen/errno.c \
	libc/stdio/format.c libc/stdio/snprintf.c \
	libc/stdlib/abs.c libc/stdlib/atexit.c libc/stdlib/atoi.c \
	libc/stdlib/bsearch.c libc/stdlib/getenv.c libc/stdlib/malloc.c \
	libc/stdlib/qsort.c libc/stdlib/rand.c libc/stdlib/strtol.c \
	libc/stdlib/strtol_core.c libc/stdlib/strtoul.c \
	libc/string/memchr.c libc/string/memcmp.c libc/string/memcpy.c \
	libc/string/memmove.c libc/string/memset.c libc/string/strcat.c \
	libc/string/strchr.c libc/string/strcmp.c libc/string/strcpy.c \
	libc/string/strdup.c libc/string/strerror.c libc/string/strlcpy.c \
	libc/string/strlen.c libc/string/strspn.c libc/string/strstr.c \
	libc/string/strtok.c

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
