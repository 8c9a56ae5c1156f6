# tests/host/vmem.mk - the vmem host test: kernel/subr_vmem.c against
# tests/host/vmem_shim.c (page allocator, mutexes, panic).  Included by
# tests/host/host-tests.mk, before its rules.

HOST_TESTS	+= build/host/test_vmem

test_vmem_SRCS := kernel/subr_vmem.c tests/host/vmem_shim.c

# The shim's <machine/param.h> and <machine/vmparam.h>, KASSERTs on, and
# a boot supply of only 4 boundary tags, so that tag pages come and go.
$(HOST_BUILD)/kernel/subr_vmem.o $(HOST_BUILD)/tests/host/vmem_shim.o \
$(HOST_BUILD)/tests/host/test_vmem.o: HOST_CFLAGS += \
	-Itests/host/vmem_shim -DINVARIANTS -DVMEM_BOOT_BTAGS=4
