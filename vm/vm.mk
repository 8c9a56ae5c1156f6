# vm/: the machine-independent virtual memory system.
KSRCS += vm/vm_phys.c vm/vm_page.c vm/vm_meter.c vm/vm_init.c \
	 vm/vm_kern.c vm/uma_core.c
