# arch/x86/acpi.mk: ACPI table discovery and S5 power-off.
KSRCS += arch/x86/acpi.c arch/x86/acpi_tables.c
