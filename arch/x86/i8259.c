/*
 * i8259.c - the two cascaded 8259A interrupt controllers of the PC.
 * IRQ 0..15 are remapped to vectors 32..47 (below 32 are the CPU's
 * exceptions) and start masked; intr_establish() unmasks what it needs.
 */
#include <kernel/systm.h>
#include <x86/cpufunc.h>
#include <x86/x86_var.h>

#define PIC1_CMD	0x20
#define PIC1_DATA	0x21
#define PIC2_CMD	0xa0
#define PIC2_DATA	0xa1
#define ICW1_INIT_ICW4	0x11	/* edge triggered, cascade, ICW4 follows */
#define ICW4_8086	0x01
#define OCW2_EOI	0x20
#define OCW3_READ_ISR	0x0b
#define IRQ_CASCADE	2	/* the slave is wired to the master's IRQ 2 */

static uint16_t irq_mask = 0xffff & ~(1 << IRQ_CASCADE);

static void
i8259_write_mask(void)
{
	outb(PIC1_DATA, irq_mask & 0xff);
	outb(PIC2_DATA, irq_mask >> 8);
}

/* i8259_init: remap and mask every IRQ.  Boot only, interrupts off. */
void
i8259_init(void)
{
	outb(PIC1_CMD, ICW1_INIT_ICW4);
	outb(PIC2_CMD, ICW1_INIT_ICW4);
	outb(PIC1_DATA, IRQ_BASE);		/* ICW2: vector base */
	outb(PIC2_DATA, IRQ_BASE + 8);
	outb(PIC1_DATA, 1 << IRQ_CASCADE);	/* ICW3: slave on IRQ 2 */
	outb(PIC2_DATA, IRQ_CASCADE);
	outb(PIC1_DATA, ICW4_8086);
	outb(PIC2_DATA, ICW4_8086);
	i8259_write_mask();
}

/* i8259_unmask: let `irq` through.  Interrupts off. */
void
i8259_unmask(int irq)
{
	KASSERT(irq >= 0 && irq < NIRQ, ("i8259_unmask: irq %d", irq));
	irq_mask &= ~(1 << irq);
	i8259_write_mask();
}

/*
 * i8259_spurious: IRQ 7 and 15 also arrive when a request went away
 * before the CPU acknowledged it; then the in-service bit is clear, the
 * interrupt must not be handled and no EOI is owed (except to the master
 * for a spurious IRQ 15, which it did deliver).  Interrupts off.
 */
int
i8259_spurious(int irq)
{
	uint16_t cmd = irq < 8 ? PIC1_CMD : PIC2_CMD;

	if ((irq & 7) != 7)
		return (0);
	outb(cmd, OCW3_READ_ISR);
	if (inb(cmd) & 0x80)
		return (0);
	if (irq == 15)
		outb(PIC1_CMD, OCW2_EOI);
	return (1);
}

/* i8259_eoi: acknowledge `irq` at the end of its handler.  Interrupts off. */
void
i8259_eoi(int irq)
{
	if (irq >= 8)
		outb(PIC2_CMD, OCW2_EOI);
	outb(PIC1_CMD, OCW2_EOI);
}
