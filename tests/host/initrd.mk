# tests/host/initrd.mk - the initrd host test: kernel/initrd.c against
# archives made by scripts/mkinitrd (the real tar) at test time and by
# hand-built ustar headers.  Included at the end of
# tests/host/host-tests.mk, after its generic link rule was made, so it
# has its own.
#
# initrd.c gets the kernel's names out of the C library's way, as vm/
# does (host-tests.mk): malloc and free become kern_malloc and
# kern_free, which the test defines over the C library with a switch
# to make the n-th allocation fail; printf becomes initrd_test_printf,
# so the test can check the line that names a bad header.

INITRD_TEST	:= $(HOST_BUILD)/test_initrd
INITRD_OBJS	:= $(HOST_BUILD)/tests/host/test_initrd.o \
		   $(HOST_BUILD)/kernel/initrd.o
HOST_TESTS	+= $(INITRD_TEST)

$(INITRD_OBJS): HOST_CFLAGS += -Itests/host/vmhost -DINVARIANTS
$(HOST_BUILD)/kernel/initrd.o: HOST_CFLAGS += -Dmalloc=kern_malloc \
	-Dfree=kern_free -Dprintf=initrd_test_printf

$(INITRD_TEST): $(INITRD_OBJS)
	$(HOSTCC) $(HOST_SANITIZE) -o $@ $^

-include $(INITRD_OBJS:.o=.d)
