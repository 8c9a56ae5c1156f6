/*
 * vm_page_ddb.c - `show page <pa>`: the vm_page of a physical page
 * (vm_page.c owns them).
 */
#include <kernel/systm.h>
#include <kernel/ddb/ddb.h>
#include <vm/vm.h>
#include <vm/vm_page.h>

DB_SHOW_COMMAND(page, db_show_page, "page <pa>",
    "the page at a physical address: owner, wirings and why, flags");
static void
db_show_page(int argc, char **argv)
{
	uintptr_t pa;
	vm_page_t m;

	if (argc < 2 || db_strtoul(argv[1], &pa) != 0) {
		db_printf("usage: show page <physical address>\n");
		return;
	}
	if ((m = PHYS_TO_VM_PAGE((vm_paddr_t)pa)) == NULL ||
	    !db_kaddr_ok(m, sizeof(*m))) {
		db_printf("show page: %#lx is not managed RAM\n",
		    (unsigned long)pa);
		return;
	}
	db_printf("page %p pa %#llx: object %p pindex %lu\n", (void *)m,
	    (unsigned long long)m->phys_addr, (void *)m->object,
	    (unsigned long)m->pindex);
	db_printf("  wire_count %u reason %s; flags %#x%s%s%s oflags %#x "
	    "aflags %#x busy %u\n", m->wire_count,
	    m->wire_reason < VM_WIRE_NREASONS ?
	    vm_wire_reason_names[m->wire_reason] : "?", m->flags,
	    (m->flags & PG_FREE) != 0 ? " (free)" : "",
	    (m->flags & PG_FICTITIOUS) != 0 ? " (fictitious)" : "",
	    (m->flags & PG_BOOT) != 0 ? " (boot)" : "",
	    m->oflags, m->aflags, m->busy);
	db_printf("  valid %#x dirty %#x; %smapped\n", m->valid, m->dirty,
	    m->pv_list != NULL ? "" : "not ");
}
