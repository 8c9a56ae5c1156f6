/*
 * vm_meter_ddb.c - `show vmstat` and `show wired`: the page counters
 * vm_meter.c keeps, and who holds the wired pages.
 */
#include <kernel/systm.h>
#include <kernel/proc.h>
#include <kernel/ddb/ddb.h>
#include <vm/vm.h>
#include <vm/vm_map.h>
#include <vm/vm_map_ddb.h>
#include <vm/vmmeter.h>
#include <vm/pmap.h>

DB_SHOW_COMMAND(vmstat, db_show_vmstat, "vmstat",
    "the page counters and free-page thresholds");
static void
db_show_vmstat(int argc, char **argv)
{
	const struct vm_thresholds *t = &vm_cnt.v_thresh;

	db_printf("pages: %lu managed, %lu free, %lu wired, "
	    "%lu kmem cached\n", vm_cnt.v_page_count, vm_cnt.v_free_count,
	    vm_cnt.v_wire_count, vm_cnt.v_cache_kmem);
	db_printf("thresholds: interrupt_free_min %lu, free_reserved %lu, "
	    "free_severe %lu, free_min %lu, free_target %lu\n",
	    t->interrupt_free_min, t->free_reserved, t->free_severe,
	    t->free_min, t->free_target);
	db_printf("state: %s\n", vm_cnt.v_free_count < t->free_severe ?
	    "severe (below free_severe)" : vm_cnt.v_free_count < t->free_min ?
	    "min (below free_min)" : "normal");
}

DB_SHOW_COMMAND(wired, db_show_wired, "wired",
    "wired pages by reason, and by process (user, system, pmap)");
static void
db_show_wired(int argc, char **argv)
{
	struct vm_map *map;
	struct proc *p;
	u_long user, sys;
	int r, n = 0;

	db_printf("wired pages: %lu of %lu\n", vm_cnt.v_wire_count,
	    vm_cnt.v_page_count);
	for (r = VM_WIRE_NONE + 1; r < VM_WIRE_NREASONS; r++)
		db_printf("  %-10s %lu\n", vm_wire_reason_names[r],
		    vm_cnt.v_wire_by_reason[r]);
	db_printf("by process (user/system: pages of wired map entries; "
	    "pmap: mappings with the wired bit; ptp: page-table pages):\n");
	db_printf("  pid user-wired system-wired pmap-wired  ptp resident  "
	    "cmd\n");
	TAILQ_FOREACH(p, &allproc, p_list) {
		if (!db_kaddr_ok(p, sizeof(*p)) || ++n > 100000)
			break;
		if (p->p_vmspace == NULL ||
		    !db_kaddr_ok(p->p_vmspace, sizeof(*p->p_vmspace)))
			continue;
		map = &p->p_vmspace->vm_map;
		if (!vm_map_ddb_wired(map, &user, &sys)) {
			db_printf("%5d (its map is damaged)\n", p->p_pid);
			continue;
		}
		db_printf("%5d %10lu %12lu %10ld %4ld %8ld  %s\n", p->p_pid,
		    user, sys,
		    (long)pmap_wired_count(vmspace_pmap(p->p_vmspace)),
		    db_md_pmap_ptpages(vmspace_pmap(p->p_vmspace)),
		    (long)pmap_resident_count(vmspace_pmap(p->p_vmspace)),
		    p->p_comm);
	}
}
