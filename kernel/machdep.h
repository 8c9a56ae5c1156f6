/*
 * machdep.h - what machine-independent code may ask of the machine
 * during boot and shutdown.  Implemented in arch/.
 */
#ifndef _KERNEL_MACHDEP_H_
#define _KERNEL_MACHDEP_H_

#include <stddef.h>
#include <stdint.h>

/*
 * pmap_mapdev_early: map `len` bytes of physical memory at `pa` (device
 * memory or firmware tables) into kernel virtual space before the real
 * pmap exists; returns the virtual address of `pa`, or NULL if it cannot
 * be mapped.  Boot only (single CPU, no locks); the mapping is permanent.
 */
void	*pmap_mapdev_early(uint64_t pa, size_t len);

/* cpu_ticks: a free-running cycle counter (the TSC); any context. */
uint64_t cpu_ticks(void);

/*
 * intr_disable: mask interrupts on this CPU and return the previous
 * state for intr_restore().  Any context.
 */
unsigned long intr_disable(void);
void	intr_restore(unsigned long saved);

/* cpu_disable_intr / cpu_enable_intr: mask / unmask interrupts here. */
void	cpu_disable_intr(void);
void	cpu_enable_intr(void);

/* cpu_idle: wait for the next interrupt (interrupts enabled). */
void	cpu_idle(void);

/* cpu_halt_forever: stop this CPU with interrupts off. Never returns. */
void	cpu_halt_forever(void) __attribute__((__noreturn__));

/*
 * cpu_poweroff: turn the machine off.  Under QEMU with the harness's
 * isa-debug-exit device the status reaches the host (see
 * scripts/run-qemu); otherwise ACPI S5 is tried, then the CPU halts.
 */
void	cpu_poweroff(int status) __attribute__((__noreturn__));

/*
 * rtc_gettime: the battery-backed clock's time, in seconds since the
 * Epoch (0 if it makes no sense).  Boot only.
 */
int64_t	rtc_gettime(void);

/* The boot stack (locore.asm): thread0's kernel stack. */
extern char boot_kstack[], boot_kstack_top[];

/* The TSC value read by the first instruction after the boot loader. */
extern uint64_t boot_tsc;

#endif /* !_KERNEL_MACHDEP_H_ */
