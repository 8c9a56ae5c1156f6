/*
 * i8254.c - the PC's programmable interval timer, channel 0, as the
 * periodic clock interrupt (IRQ 0) that drives hardclock().
 */
#include <kernel/systm.h>
#include <kernel/clock.h>
#include <x86/cpufunc.h>
#include <x86/x86_var.h>

#define PIT_FREQ	1193182	/* Hz, the PIT's input clock */
#define PIT_CH0		0x40
#define PIT_MODE	0x43
#define  PIT_CH0_RATEGEN 0x34	/* channel 0, lobyte/hibyte, mode 2 */

static void
i8254_intr(void *arg)
{
	hardclock();
}

/*
 * i8254_init: interrupt `hz` times a second on IRQ 0 and call
 * hardclock() each time.  Boot only, interrupts off.
 */
void
i8254_init(unsigned hz)
{
	unsigned divisor = (PIT_FREQ + hz / 2) / hz;

	KASSERT(divisor > 0 && divisor <= 0xffff, ("i8254: hz %u", hz));
	outb(PIT_MODE, PIT_CH0_RATEGEN);
	outb(PIT_CH0, divisor & 0xff);
	outb(PIT_CH0, divisor >> 8);
	intr_establish(0, i8254_intr, NULL);
}
