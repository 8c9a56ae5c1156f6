# tests/bench/bench.mk - make bench: vmbench, the VM microbenchmark kept
# beside the repository ($(VMBENCH_DIR)/vmbench.c, compiled unchanged
# against libc), run as pid 1 (init=/bin/vmbench) in QEMU under icount
# with the machine Linux's reference figures were measured on
# ($(VMBENCH_DIR)/linux-ref-results.md), and printed next to them
# (scripts/bench; docs/bench.md).  Included by the top-level Makefile
# after user/user.mk.
#
#	make bench			both ARCHes, two boots each
#	make bench ARCH=i386		one ARCH
#	make bench BENCH_RUNS=1		one boot (no determinism check)
#	make bench VMBENCH_DIR=path	where vmbench.c and the figures are
#
# make bench-image builds what one ARCH's boot needs: $(VMBENCH_ISO),
# whose initrd holds only /bin/vmbench (and the empty /dev and /tmp
# that devfs and tmpfs are mounted on).

VMBENCH_DIR	?= ../shared/bench
VMBENCH_BUILD	:= $(BUILD)/bench
VMBENCH_BIN	:= $(VMBENCH_BUILD)/vmbench
VMBENCH_INITRD	:= $(VMBENCH_BUILD)/initrd.tar
VMBENCH_ISO	:= $(VMBENCH_BUILD)/vmbench.iso
# Both ARCHes unless ARCH= was given on the command line.
BENCH_ARCHES	?= $(if $(filter command line,$(origin ARCH)),$(ARCH),amd64 i386)
BENCH_RUNS	?= 2

.PHONY: bench bench-image
bench: deps
	@sh scripts/bench -d "$(VMBENCH_DIR)" -r $(BENCH_RUNS) $(BENCH_ARCHES)

bench-image: $(VMBENCH_ISO)

# Not ours, so no -Werror; otherwise an ordinary user program.
$(VMBENCH_BUILD)/vmbench.o: $(VMBENCH_DIR)/vmbench.c libc/libc-arch.mk \
    user/user.mk tests/bench/bench.mk
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(USER_CFLAGS) -c $< -o $@

$(VMBENCH_BIN): $(VMBENCH_BUILD)/vmbench.o $(LIBC_CRT0) $(LIBC_A) user/user.ld
	$(call user_link,$<)

$(VMBENCH_INITRD): $(VMBENCH_BIN) scripts/mkinitrd
	@echo "  INITRD  $@"
	$(Q)rm -rf $(VMBENCH_BUILD)/initrd-root
	$(Q)mkdir -p $(addprefix $(VMBENCH_BUILD)/initrd-root/,bin dev tmp)
	$(Q)cp $(VMBENCH_BIN) $(VMBENCH_BUILD)/initrd-root/bin/
	$(Q)chmod -R u=rwX,go=rX $(VMBENCH_BUILD)/initrd-root
	$(Q)chmod 0755 $(VMBENCH_BUILD)/initrd-root/bin/vmbench
	$(Q)sh scripts/mkinitrd $(VMBENCH_BUILD)/initrd-root $@

# $(KERNEL) is defined after this file is included: name it here.
$(VMBENCH_ISO): $(BUILD)/kernel.elf $(VMBENCH_INITRD) scripts/mkiso \
    boot/grub.cfg.in
	sh scripts/mkiso $(BUILD)/kernel.elf $@ "init=/bin/vmbench" 0 \
	    $(VMBENCH_INITRD)

# A missing source is said plainly, not as "no rule to make target".
$(VMBENCH_DIR)/vmbench.c:
	@echo "make bench: no $@ (VMBENCH_DIR= names the directory with" \
	    "vmbench.c and linux-ref-results.md)" >&2
	@exit 1

-include $(VMBENCH_BUILD)/vmbench.d
