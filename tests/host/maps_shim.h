/*
 * maps_shim.h - test doubles for what vm/vm_map.c calls, so that the map
 * can be tested alone on the host (test_vm_map, bench_vm_map): uma
 * zones over calloc with failure injection, objects that only count
 * references and sizes, a pmap that records its calls, vm_fault_unwire
 * that records, panics that a test can catch, and a cpu_idle() that
 * ticks the clock (see kernel/kern_synch.c).
 *
 * Every recorded call goes into one log in call order, so a test can
 * check what happened and in which order (R45: unwire before
 * pmap_remove).
 */
#ifndef _TESTS_HOST_MAPS_SHIM_H_
#define _TESTS_HOST_MAPS_SHIM_H_

#include <setjmp.h>
#include <vm/vm.h>
#include <vm/vm_object.h>
#include <vm/vm_page.h>

/* uma: the next `n` allocations succeed, the one after fails (-1: none). */
void	shim_uma_fail_after(int n);
/* Items handed out and not given back, all zones. */
long	shim_uma_inuse(void);

/* Objects: allocate/shadow fail after `n` more successes (-1: never). */
void	shim_object_fail_after(int n);
/* vm_object_coalesce says no when false (default true). */
extern bool shim_coalesce_ok;
/* Objects alive (allocated or shadowed and not yet freed). */
long	shim_objects_live(void);

enum shim_op {
	SHIM_PMAP_REMOVE = 1,
	SHIM_PMAP_PROTECT,
	SHIM_FAULT_UNWIRE,
	SHIM_PAGE_REMOVE,
	SHIM_COALESCE,
};

struct shim_call {
	enum shim_op	op;
	void		*who;		/* pmap, map or object */
	uint64_t	a, b;		/* range (addresses or pindexes) */
	int		arg;		/* protection, wire reason */
};

#define SHIM_LOG_MAX	64
extern struct shim_call shim_log[SHIM_LOG_MAX];
extern int shim_nlog;			/* calls made (may exceed MAX) */
void	shim_log_reset(void);
/* How many logged calls of `op` there are. */
int	shim_log_count(enum shim_op op);

/*
 * Catching panics: set shim_panic_jmp to a jmp_buf; a panic or KASSERT
 * failure then longjmps there (value 1) with its message in
 * shim_panic_msg, instead of aborting.  Reset to NULL afterwards.
 */
extern jmp_buf *shim_panic_jmp;
extern char shim_panic_msg[512];

#endif /* !_TESTS_HOST_MAPS_SHIM_H_ */
