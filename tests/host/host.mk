# tests/host: machine-independent code built for the host (ASan + UBSan).
# Filled in by tests/host/host-tests.mk.
HOST_TESTS :=
-include tests/host/host-tests.mk
