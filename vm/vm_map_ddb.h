/*
 * vm_map_ddb.h - what the debugger's VM commands share
 * (vm/vm_map_ddb.c).
 */
#ifndef _VM_VM_MAP_DDB_H_
#define _VM_VM_MAP_DDB_H_

#include <stdbool.h>

struct vm_map;
struct vm_object;

/* vm_object_ddb_print: one line about a VM object (vm_object_ddb.c). */
void	vm_object_ddb_print(const struct vm_object *obj);

/*
 * vm_map_ddb_wired: the pages of `map`'s entries that are user-wired
 * (mlock, mlockall: MAP_ENTRY_USER_WIRED) and those with system
 * wirings (wired_count above the user's one).  false if the entry list
 * looks damaged.  Debugger only: no locks.
 */
bool	vm_map_ddb_wired(const struct vm_map *map, u_long *userp,
	    u_long *systemp);

#endif /* !_VM_VM_MAP_DDB_H_ */
