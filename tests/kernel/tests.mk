# tests/kernel: in-kernel self tests, linked into every kernel and run
# with test=kernel on the command line.
KSRCS += $(wildcard tests/kernel/test_*.c)
# Helpers the VM tests share.
KSRCS += tests/kernel/ktest_vm.c
