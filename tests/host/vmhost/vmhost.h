/*
 * vmhost.h - the host tests' pretend machine (see vmhost.c).
 */
#ifndef _TESTS_HOST_VMHOST_H_
#define _TESTS_HOST_VMHOST_H_

#include <stddef.h>

/* vmhost_phys_alloc: reserve `bytes` of pretend physical memory at 0. */
void	vmhost_phys_alloc(size_t bytes);

#endif
