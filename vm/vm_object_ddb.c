/*
 * vm_object_ddb.c - `show object <addr>`: one VM object (vm_object.c
 * owns them), its shadow chain and its resident pages.  Only an
 * address on the list of all objects is read (ddb.h).
 */
#include <kernel/systm.h>
#include <kernel/ddb/ddb.h>
#include <vm/vm.h>
#include <vm/vm_object.h>
#include <vm/vm_page.h>
#include <vm/vm_radix.h>
#include <vm/vm_map_ddb.h>

/* Pages listed at most, and backing objects followed at most. */
#define DB_OBJ_PAGES	32
#define DB_OBJ_CHAIN	16

static const char *const db_objtype[OBJT_NTYPES] = {
	[OBJT_DEFAULT] = "default", [OBJT_SWAP] = "swap",
	[OBJT_DEVICE] = "device", [OBJT_PHYS] = "phys",
	[OBJT_DEAD] = "dead", [OBJT_KBUF] = "kbuf",
};

/* vm_object_ddb_print: one line about `obj`; for `show map` too. */

void
vm_object_ddb_print(const struct vm_object *obj)
{
	db_printf("object %p: %s size %lu pages, ref %d, shadows %d, "
	    "resident %d, flags %#x", (const void *)obj,
	    obj->type < OBJT_NTYPES ? db_objtype[obj->type] : "?",
	    (unsigned long)obj->size, obj->ref_count, obj->shadow_count,
	    obj->resident_page_count, obj->flags);
	if (obj->backing_object != NULL)
		db_printf(", backing %p at +%#llx",
		    (void *)obj->backing_object,
		    (unsigned long long)obj->backing_object_offset);
	db_printf("\n");
}

DB_SHOW_COMMAND(object, db_show_object, "object <addr>",
    "a VM object, its backing chain and resident pages");
static void
db_show_object(int argc, char **argv)
{
	struct vm_object *obj;
	vm_page_t m;
	vm_pindex_t pi;
	uintptr_t addr;
	int n, depth;

	if (argc < 2 || db_strtoul(argv[1], &addr) != 0) {
		db_printf("usage: show object <addr> (as show map prints it)\n");
		return;
	}
	obj = (struct vm_object *)addr;
	if (!vm_object_ddb_exists(obj)) {
		db_printf("show object: %p is not a live VM object\n",
		    (void *)obj);
		return;
	}
	vm_object_ddb_print(obj);
	n = 0;
	for (pi = 0; n < DB_OBJ_PAGES; pi = m->pindex + 1, n++) {
		if ((m = vm_radix_lookup_ge(&obj->rtree, pi)) == NULL ||
		    !db_kaddr_ok(m, sizeof(*m)))
			break;
		db_printf("  page pindex %-6lu pa %#llx wire %u (%s)%s%s\n",
		    (unsigned long)m->pindex,
		    (unsigned long long)m->phys_addr, m->wire_count,
		    m->wire_reason < VM_WIRE_NREASONS ?
		    vm_wire_reason_names[m->wire_reason] : "?",
		    m->busy ? " busy" : "", m->pv_list != NULL ? " mapped" : "");
	}
	if (n == DB_OBJ_PAGES && n < obj->resident_page_count)
		db_printf("  ... %d pages more\n",
		    obj->resident_page_count - n);
	for (depth = 0; depth < DB_OBJ_CHAIN; depth++) {
		obj = obj->backing_object;
		if (obj == NULL || !vm_object_ddb_exists(obj))
			break;
		db_printf(" backed by ");
		vm_object_ddb_print(obj);
	}
}
