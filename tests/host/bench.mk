# tests/host/bench.mk - make bench-host: tests/host/bench_vm_map.c, the
# cost of a map lookup and of a fault with 10 to 10,000 map entries.
# The same sources as the host build of vm/ (tests/host/host-tests.mk),
# compiled again into build/host-bench/ with -O2 and without sanitizers
# or INVARIANTS, so that the figures are what the code costs.
# Included by the top-level Makefile after tests/host/host.mk.

BENCH_BUILD	:= build/host-bench
# Without INVARIANTS some parameters are used only in KASSERTs.
BENCH_CFLAGS	:= $(filter-out $(HOST_SANITIZE) -O1,$(HOST_CFLAGS)) -O2 \
		   -Itests/host/vmhost -Wno-unused-parameter
BENCH_OBJS	:= $(patsubst %.c,$(BENCH_BUILD)/%.o,$(VMHOST_SRCS) \
		   tests/host/bench_vm_map.c)

.PHONY: bench-host
bench-host: $(BENCH_BUILD)/bench_vm_map
	./$(BENCH_BUILD)/bench_vm_map

$(BENCH_BUILD)/bench_vm_map: $(BENCH_OBJS)
	$(HOSTCC) -o $@ $^ -lm

$(BENCH_BUILD)/%.o: %.c tests/host/compat/host_cdefs.h include/sys/cdefs.h
	@mkdir -p $(dir $@)
	$(HOSTCC) $(BENCH_CFLAGS) \
		$(if $(filter vm/% kernel/%,$<),$(VMHOST_KFLAGS)) -c $< -o $@

-include $(BENCH_OBJS:.o=.d)
