# tests/host/host-tests.mk - host test programs: machine-independent code
# (and its tests) compiled for the build machine with ASan and UBSan.
# Included by tests/host/host.mk; make test-host runs them.
#
# A test is one line below:
#
#	HOST_TESTS += build/host/test_foo
#
# build/host/test_foo is linked from tests/host/test_foo.c; a test of
# kernel code also names the sources it needs, before the rules below:
#
#	test_foo_SRCS := kernel/subr_foo.c
#
# Objects go to build/host/, mirroring the source tree.

HOSTCC		?= cc
HOST_BUILD	:= build/host
HOST_SANITIZE	:= -fsanitize=address,undefined -fno-sanitize-recover=all
# -include host_cdefs.h: glibc and Vise both have <sys/cdefs.h>; see
# tests/host/compat/host_cdefs.h.
HOST_CFLAGS	:= -std=gnu11 -g -O1 $(HOST_SANITIZE) -fno-omit-frame-pointer \
		   -Wno-format-zero-length \
		   -Wall -Wextra -Werror -I. -Iinclude \
		   -isystem tests/host/compat -include host_cdefs.h -MMD -MP

HOST_TESTS	+= build/host/test_queue
HOST_TESTS	+= build/host/test_tree
HOST_TESTS	+= build/host/test_printf
HOST_TESTS	+= build/host/test_mb2
HOST_TESTS	+= build/host/test_cmdline
HOST_TESTS	+= build/host/test_acpi

HOST_TESTS	+= build/host/test_vm_phys

test_printf_SRCS := kernel/subr_prf.c
test_mb2_SRCS := kernel/multiboot2.c
test_cmdline_SRCS := kernel/kern_cmdline.c
test_acpi_SRCS := arch/x86/acpi_tables.c

# The kernel's snprintf would replace the C library's in the test
# program; renamed, both can be compared.
$(HOST_BUILD)/kernel/subr_prf.o: HOST_CFLAGS += -Dsnprintf=kern_snprintf \
	-Dvsnprintf=kern_vsnprintf
# <x86/acpi.h> is under arch/x86/include.
$(HOST_BUILD)/arch/x86/acpi_tables.o $(HOST_BUILD)/tests/host/test_acpi.o: \
	HOST_CFLAGS += -Iarch/x86/include

# vm/ on a pretend machine (tests/host/vmhost/): its machine/ headers
# come first.
VMHOST_SRCS := vm/vm_phys.c vm/vm_page.c vm/vm_meter.c \
	       kernel/kern_mutex.c tests/host/vmhost/vmhost.c
test_vm_phys_SRCS := $(VMHOST_SRCS)
$(patsubst %.c,$(HOST_BUILD)/%.o,$(VMHOST_SRCS) tests/host/test_vm_phys.c): \
	HOST_CFLAGS += -Itests/host/vmhost -DINVARIANTS

-include tests/host/vmem.mk

# The objects of test program $(1): its .c and its _SRCS.
host_test_objs = $(patsubst %.c,$(HOST_BUILD)/%.o,\
		 tests/host/$(notdir $(1)).c $($(notdir $(1))_SRCS))

$(foreach t,$(HOST_TESTS),$(eval $(t): $(call host_test_objs,$(t))))
$(HOST_TESTS):
	$(HOSTCC) $(HOST_SANITIZE) -o $@ $^

# -MMD leaves out what the forced header pulls in: name it here.
$(HOST_BUILD)/%.o: %.c tests/host/compat/host_cdefs.h include/sys/cdefs.h
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOST_CFLAGS) -c $< -o $@

-include $(patsubst %.o,%.d,$(foreach t,$(HOST_TESTS),\
	 $(call host_test_objs,$(t))))
