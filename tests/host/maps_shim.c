/*
 * maps_shim.c - test doubles for vm/vm_map.c on the host (see
 * maps_shim.h).  The objects here keep the fields the map looks at
 * (ref_count, size, flags, backing_object, the lock) and nothing else;
 * the real object layer is tested on its own and together with the map
 * in the model test.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kernel/systm.h>
#include <kernel/clock.h>
#include <kernel/machdep.h>
#include <vm/vm.h>
#include <vm/vm_map.h>
#include <vm/vm_object.h>
#include <vm/uma.h>
#include <vm/pmap.h>
#include "maps_shim.h"

struct shim_call shim_log[SHIM_LOG_MAX];
int shim_nlog;
jmp_buf *shim_panic_jmp;
char shim_panic_msg[512];
bool shim_coalesce_ok = true;
struct pmap kernel_pmap_store;

static int uma_fail_after = -1;
static long uma_inuse;
static int object_fail_after = -1;
static long objects_live;

void
shim_log_reset(void)
{
	shim_nlog = 0;
	memset(shim_log, 0, sizeof(shim_log));
}

int
shim_log_count(enum shim_op op)
{
	int i, n = 0;

	for (i = 0; i < shim_nlog && i < SHIM_LOG_MAX; i++)
		if (shim_log[i].op == op)
			n++;
	return (n);
}

static void
shim_record(enum shim_op op, void *who, uint64_t a, uint64_t b, int arg)
{
	if (shim_nlog < SHIM_LOG_MAX)
		shim_log[shim_nlog] = (struct shim_call){ op, who, a, b, arg };
	shim_nlog++;
}

/* Count down a failure injector: true if this call must fail. */
static bool
shim_should_fail(int *after)
{
	if (*after < 0)
		return (false);
	if (*after == 0) {
		*after = -1;
		return (true);
	}
	(*after)--;
	return (false);
}

/* ---- machine and kernel ---- */

unsigned long
intr_disable(void)
{
	return (0);
}

void
intr_restore(unsigned long saved)
{
	(void)saved;
}

/* No interrupts on the host: idling means the clock ticked. */
void
cpu_idle(void)
{
	hardclock();
}

static __dead2 void
shim_panic_common(const char *prefix, const char *fmt, va_list ap)
{
	int n;

	n = snprintf(shim_panic_msg, sizeof(shim_panic_msg), "%s", prefix);
	vsnprintf(shim_panic_msg + n, sizeof(shim_panic_msg) - n, fmt, ap);
	if (shim_panic_jmp != NULL)
		longjmp(*shim_panic_jmp, 1);
	printf("# panic: %s\n", shim_panic_msg);
	fflush(stdout);
	abort();
}

void
panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	shim_panic_common("", fmt, ap);
}

void
kassert_panic(const char *file, int line, const char *expr,
    const char *fmt, ...)
{
	char prefix[256];
	va_list ap;

	snprintf(prefix, sizeof(prefix), "%s:%d: KASSERT(%s) failed: ", file,
	    line, expr);
	va_start(ap, fmt);
	shim_panic_common(prefix, fmt, ap);
}

/* ---- uma ---- */

struct uma_zone {
	const char	*name;
	size_t		size;
};

void
shim_uma_fail_after(int n)
{
	uma_fail_after = n;
}

long
shim_uma_inuse(void)
{
	return (uma_inuse);
}

uma_zone_t
uma_zcreate(const char *name, size_t size, size_t align)
{
	uma_zone_t zone;

	(void)align;
	zone = calloc(1, sizeof(*zone));
	zone->name = name;
	zone->size = size;
	return (zone);
}

void *
uma_zalloc(uma_zone_t zone, int flags)
{
	void *item;

	if (shim_should_fail(&uma_fail_after))
		return (NULL);
	item = malloc(zone->size);
	if ((flags & M_ZERO) != 0)
		memset(item, 0, zone->size);
	else
		memset(item, 0xa5, zone->size);	/* garbage, as uma gives */
	uma_inuse++;
	return (item);
}

void
uma_zfree(uma_zone_t zone, void *item)
{
	(void)zone;
	if (item == NULL)
		return;
	uma_inuse--;
	free(item);
}

/* ---- objects ---- */

void
shim_object_fail_after(int n)
{
	object_fail_after = n;
}

long
shim_objects_live(void)
{
	return (objects_live);
}

vm_object_t
vm_object_allocate(objtype_t type, vm_pindex_t size)
{
	vm_object_t object;

	if (shim_should_fail(&object_fail_after))
		return (NULL);
	object = calloc(1, sizeof(*object));
	mtx_init(&object->lock, "shim object");
	object->type = type;
	object->size = size;
	object->ref_count = 1;
	object->flags = OBJ_ANON | OBJ_ONEMAPPING;
	objects_live++;
	return (object);
}

void
vm_object_reference(vm_object_t object)
{
	if (object == NULL)
		return;
	KASSERT(object->ref_count > 0, ("shim: reference to dead object"));
	object->ref_count++;
}

void
vm_object_deallocate(vm_object_t object)
{
	vm_object_t backing;

	while (object != NULL) {
		KASSERT(object->ref_count > 0,
		    ("shim: deallocate of dead object %p", object));
		if (--object->ref_count > 0)
			return;
		backing = object->backing_object;
		free(object);
		objects_live--;
		object = backing;
	}
}

bool
vm_object_shadow(vm_object_t *object, vm_ooffset_t *offset,
    vm_size_t length)
{
	vm_object_t shadow;

	if (shim_should_fail(&object_fail_after))
		return (false);
	shadow = calloc(1, sizeof(*shadow));
	mtx_init(&shadow->lock, "shim shadow");
	shadow->type = OBJT_DEFAULT;
	shadow->size = atop(length);
	shadow->ref_count = 1;
	shadow->flags = OBJ_ANON | OBJ_ONEMAPPING;
	shadow->backing_object = *object;
	shadow->backing_object_offset = *offset;
	if (*object != NULL)
		(*object)->flags &= ~OBJ_ONEMAPPING;
	objects_live++;
	*object = shadow;
	*offset = 0;
	return (true);
}

void
vm_object_collapse(vm_object_t object)
{
	(void)object;
}

void
vm_object_page_remove(vm_object_t object, vm_pindex_t start,
    vm_pindex_t end, int options)
{
	(void)options;
	VM_OBJECT_ASSERT_WLOCKED(object);
	shim_record(SHIM_PAGE_REMOVE, object, start, end, 0);
}

/* Grow like FreeBSD: only an object nobody else maps past its end. */
bool
vm_object_coalesce(vm_object_t prev_object, vm_ooffset_t prev_offset,
    vm_size_t prev_size, vm_size_t next_size)
{
	vm_pindex_t next_pindex;

	shim_record(SHIM_COALESCE, prev_object, prev_size, next_size, 0);
	if (prev_object == NULL)
		return (true);
	if (!shim_coalesce_ok || prev_object->backing_object != NULL)
		return (false);
	next_pindex = atop(prev_offset + prev_size);
	if (prev_object->ref_count > 1 && prev_object->size != next_pindex &&
	    (prev_object->flags & OBJ_ONEMAPPING) == 0)
		return (false);
	if (next_pindex + atop(next_size) > prev_object->size)
		prev_object->size = next_pindex + atop(next_size);
	return (true);
}

/* ---- pmap and fault ---- */

void
pmap_remove(pmap_t pmap, vm_offset_t sva, vm_offset_t eva)
{
	shim_record(SHIM_PMAP_REMOVE, pmap, sva, eva, 0);
}

void
pmap_protect(pmap_t pmap, vm_offset_t sva, vm_offset_t eva, vm_prot_t prot)
{
	shim_record(SHIM_PMAP_PROTECT, pmap, sva, eva, prot);
}

void
vm_fault_unwire(vm_map_t map, vm_offset_t start, vm_offset_t end,
    enum vm_wire_reason reason)
{
	shim_record(SHIM_FAULT_UNWIRE, map, start, end, reason);
}
