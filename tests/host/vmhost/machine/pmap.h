/*
 * pmap.h (host) - the host build of vm/ has no page tables; struct pmap
 * only needs to exist.
 */
#ifndef _MACHINE_PMAP_H_
#define _MACHINE_PMAP_H_

#include <kernel/mutex.h>

struct pmap {
	struct pmap_statistics	pm_stats;
	struct mtx		pm_mtx;
};

#endif /* !_MACHINE_PMAP_H_ */
