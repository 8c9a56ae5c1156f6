# tests/host/fuzz.mk - make fuzz: the randomized model tests of vm/
# run long: FUZZ_RUNS seeds in a row from FUZZ_SEED (default: the time),
# FUZZ_STEPS steps each, of the object/fork/fault model
# (tests/host/test_vm_model.c; a failing seed is printed with its
# shortest failing prefix and the command that replays it) and of the
# wiring model (tests/host/test_vm_wire_model.c: random user and system
# wirings against a reference; a failing seed is printed with the
# variables that replay it).  make test-host runs the same programs
# briefly (fixed seeds).  Included by the top-level Makefile.
#
#	make fuzz
#	make fuzz FUZZ_SEED=1234 FUZZ_STEPS=200000 FUZZ_RUNS=10

FUZZ_SEED	?= $(shell date +%s)
FUZZ_STEPS	?= 50000
FUZZ_RUNS	?= 40

.PHONY: fuzz
fuzz: build/host/test_vm_model build/host/test_vm_wire_model
	VM_MODEL_SEED=$(FUZZ_SEED) VM_MODEL_STEPS=$(FUZZ_STEPS) \
	VM_MODEL_RUNS=$(FUZZ_RUNS) ./build/host/test_vm_model
	VM_WIRE_MODEL_SEED=$(FUZZ_SEED) VM_WIRE_MODEL_STEPS=$(FUZZ_STEPS) \
	VM_WIRE_MODEL_RUNS=$(FUZZ_RUNS) ./build/host/test_vm_wire_model
