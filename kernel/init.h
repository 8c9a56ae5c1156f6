/*
 * init.h - the hand-over from machine-dependent boot to the
 * machine-independent kernel.
 */
#ifndef _KERNEL_INIT_H_
#define _KERNEL_INIT_H_

/*
 * mi_startup: called once by the ARCH's boot code with consoles,
 * traps and the clock running.  Never returns.
 */
void	mi_startup(void) __attribute__((__noreturn__));

#endif /* !_KERNEL_INIT_H_ */
