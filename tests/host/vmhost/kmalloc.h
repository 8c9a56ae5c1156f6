/*
 * kmalloc.h - kernel/malloc.h for host test programs of vm/: the host
 * build renames the kernel's malloc, free and malloc_usable_size to
 * kern_malloc, kern_free and kern_malloc_usable_size (see
 * tests/host/host-tests.mk), so that they do not replace the C
 * library's.  Include this after <stdlib.h>; call the kern_ names.
 */
#ifndef _TESTS_HOST_VMHOST_KMALLOC_H_
#define _TESTS_HOST_VMHOST_KMALLOC_H_

#define malloc			kern_malloc
#define free			kern_free
#define malloc_usable_size	kern_malloc_usable_size
#include <kernel/malloc.h>
#undef malloc
#undef free
#undef malloc_usable_size

#endif
