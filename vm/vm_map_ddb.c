/*
 * vm_map_ddb.c - `show map <pid>`: a process's address map, entry by
 * entry, with its wirings (vm_map.c owns maps; vm_map_wire.c wires
 * them), read without the map lock (ddb.h).  Also the per-process
 * wired counts `show wired` prints.
 */
#include <kernel/systm.h>
#include <kernel/proc.h>
#include <kernel/ddb/ddb.h>
#include <vm/vm.h>
#include <vm/vm_map.h>
#include <vm/vm_map_ddb.h>
#include <vm/vm_object.h>

/* The most entries a walk visits: more means the list is damaged. */
#define DB_MAP_MAX	100000


static void
db_prot(vm_prot_t p, char *buf)
{
	buf[0] = (p & VM_PROT_READ) != 0 ? 'r' : '-';
	buf[1] = (p & VM_PROT_WRITE) != 0 ? 'w' : '-';
	buf[2] = (p & VM_PROT_EXECUTE) != 0 ? 'x' : '-';
	buf[3] = '\0';
}

/* The map of `pid`'s process, or NULL with a message. */
static struct vm_map *
db_pid_map(int argc, char **argv)
{
	struct proc *p;
	int pid;

	if ((pid = db_arg_pid(argc, argv, 1)) < 0)
		return (NULL);
	if ((p = db_pfind(pid)) == NULL) {
		db_printf("%s: no process %d\n", argv[0], pid);
		return (NULL);
	}
	if (p->p_vmspace == NULL ||
	    !db_kaddr_ok(p->p_vmspace, sizeof(*p->p_vmspace))) {
		db_printf("%s: pid %d has no address space\n", argv[0], pid);
		return (NULL);
	}
	return (&p->p_vmspace->vm_map);
}

/* vm_map_ddb_wired: see vm_map_ddb.h. */
bool
vm_map_ddb_wired(const struct vm_map *map, u_long *userp, u_long *systemp)
{
	const struct vm_map_entry *e;
	u_long pages;
	int n = 0;

	*userp = *systemp = 0;
	TAILQ_FOREACH(e, &map->entries, link) {
		if (!db_kaddr_ok(e, sizeof(*e)) || ++n > DB_MAP_MAX)
			return (false);
		pages = (u_long)((e->end - e->start) / PAGE_SIZE);
		if ((e->eflags & MAP_ENTRY_USER_WIRED) != 0)
			*userp += pages;
		if (e->wired_count >
		    ((e->eflags & MAP_ENTRY_USER_WIRED) != 0 ? 1 : 0))
			*systemp += pages;
	}
	return (true);
}

DB_SHOW_COMMAND(map, db_show_map, "map <pid>",
    "a process's map entries: wired_count, UW/IT flags, protection, object");
static void
db_show_map(int argc, char **argv)
{
	const struct vm_map_entry *e;
	struct vm_map *map;
	char prot[4], maxp[4];
	int n = 0;

	if ((map = db_pid_map(argc, argv)) == NULL)
		return;
	db_printf("map %p: %d entries, %lu KiB, flags %#x%s, busy %d\n",
	    (void *)map, map->nentries, (unsigned long)(map->size / 1024),
	    map->flags, (map->flags & MAP_WIREFUTURE) != 0 ?
	    " (wire future)" : "", map->busy);
	db_printf("%*s %*s prot/max wired flags object+offset\n",
	    (int)(2 * sizeof(void *) + 2), "start",
	    (int)(2 * sizeof(void *) + 2), "end");
	TAILQ_FOREACH(e, &map->entries, link) {
		if (!db_kaddr_ok(e, sizeof(*e)) || ++n > DB_MAP_MAX) {
			db_printf("(the entry list is damaged here)\n");
			return;
		}
		db_prot(e->protection, prot);
		db_prot(e->max_protection, maxp);
		db_printf("%#*lx %#*lx %s/%s %5d %s%s%s%s%s%s%s%s ",
		    (int)(2 * sizeof(void *) + 2), (unsigned long)e->start,
		    (int)(2 * sizeof(void *) + 2), (unsigned long)e->end,
		    prot, maxp, e->wired_count,
		    (e->eflags & MAP_ENTRY_USER_WIRED) != 0 ? "UW " : "",
		    (e->eflags & MAP_ENTRY_WIRED_SYSTEM) != 0 ? "SYS " : "",
		    (e->eflags & MAP_ENTRY_IN_TRANSITION) != 0 ? "IT " : "",
		    (e->eflags & MAP_ENTRY_NEEDS_WAKEUP) != 0 ? "NW " : "",
		    (e->eflags & MAP_ENTRY_COW) != 0 ? "COW " : "",
		    (e->eflags & MAP_ENTRY_NEEDS_COPY) != 0 ? "NC " : "",
		    (e->eflags & MAP_ENTRY_GROWS_DOWN) != 0 ? "STK " : "",
		    (e->eflags & MAP_ENTRY_GUARD) != 0 ? "GUARD " : "");
		if (e->object != NULL)
			db_printf("%p+%#llx", (void *)e->object,
			    (unsigned long long)e->offset);
		else
			db_printf("-");
		if (e->wiring_thread != NULL)
			db_printf(" (wiring tid %d)",
			    db_kaddr_ok(e->wiring_thread,
			    sizeof(struct thread)) ?
			    e->wiring_thread->td_tid : -1);
		db_printf("\n");
	}
	db_printf("flags: UW user-wired, SYS system wiring, IT in transition, "
	    "NW needs wakeup, NC needs copy\n");
}
