/*
 * uart.c - the 16550 UART on COM1 as a polled console.  It is attached
 * first, so it shows everything from the first message on; the test
 * harness reads the kernel's output from it.
 */
#include <kernel/systm.h>
#include <kernel/cons.h>
#include <x86/cpufunc.h>
#include <x86/x86_var.h>

#define COM1		0x3f8
#define UART_DATA	0	/* receive / transmit holding (DLAB=0) */
#define UART_IER	1	/* interrupt enable (DLAB=0) */
#define UART_DLL	0	/* divisor latch low (DLAB=1) */
#define UART_DLM	1	/* divisor latch high (DLAB=1) */
#define UART_FCR	2	/* FIFO control */
#define UART_LCR	3	/* line control */
#define UART_MCR	4	/* modem control */
#define UART_LSR	5	/* line status */
#define  LCR_8N1	0x03
#define  LCR_DLAB	0x80
#define  LSR_DR		0x01	/* data ready */
#define  LSR_THRE	0x20	/* transmit holding register empty */
#define  MCR_DTR_RTS	0x03

#define UART_BAUD_BASE	115200
/* Bounded wait for the transmitter: a missing UART must not hang the boot. */
#define UART_TX_SPINS	100000

static void
uart_putc_raw(int c)
{
	int spins;

	for (spins = 0; spins < UART_TX_SPINS; spins++)
		if (inb(COM1 + UART_LSR) & LSR_THRE)
			break;
	outb(COM1 + UART_DATA, c);
}

static void
uart_cnputc(struct consdev *cp, int c)
{
	if (c == '\n')
		uart_putc_raw('\r');
	uart_putc_raw(c);
}

static int
uart_cngetc(struct consdev *cp)
{
	if ((inb(COM1 + UART_LSR) & LSR_DR) == 0)
		return (-1);
	return (inb(COM1 + UART_DATA));
}

static struct consdev uart_cons = {
	.cn_name = "uart0",
	.cn_putc = uart_cnputc,
	.cn_getc = uart_cngetc,
};

/*
 * uart_cons_attach: program COM1 for 115200 8N1 with FIFOs, interrupts
 * off (polled), and attach it as a console.  Boot only; never sleeps.
 */
void
uart_cons_attach(void)
{
	unsigned divisor = UART_BAUD_BASE / 115200;

	outb(COM1 + UART_IER, 0);
	outb(COM1 + UART_LCR, LCR_DLAB);
	outb(COM1 + UART_DLL, divisor & 0xff);
	outb(COM1 + UART_DLM, divisor >> 8);
	outb(COM1 + UART_LCR, LCR_8N1);
	outb(COM1 + UART_FCR, 0x07);	/* enable and clear both FIFOs */
	outb(COM1 + UART_MCR, MCR_DTR_RTS);
	cons_attach(&uart_cons);
}
