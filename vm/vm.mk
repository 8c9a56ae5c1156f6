# vm/: the machine-independent virtual memory system.
KSRCS += vm/vm_phys.c vm/vm_page.c vm/vm_meter.c vm/vm_init.c \
	 vm/vm_kern.c vm/uma_core.c \
	 vm/vm_object.c vm/vm_radix.c vm/vm_pager.c vm/default_pager.c \
	 vm/kbuf_pager.c vm/device_pager.c \
	 vm/vm_map.c vm/vm_map_wire.c vm/vm_wirefuture.c vm/vm_mlock.c vm/vm_vmspace.c vm/vm_fault.c vm/vm_glue.c vm/vm_mmap.c
# The R47 wire audit (debug.vm_wire_audit).
KSRCS += vm/vm_wire_audit.c
KSRCS += vm/vm_inject.c
# The page daemon and the OOM killer (R73-R76).
KSRCS += vm/vm_pageout.c vm/vm_oom_select.c vm/vm_severe.c
KSRCS += vm/vm_map_ddb.c vm/vm_object_ddb.c vm/vm_page_ddb.c vm/vm_meter_ddb.c
