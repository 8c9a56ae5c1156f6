/*
 * x86_var.h - interfaces between the code shared by i386 and amd64
 * (arch/x86) and each ARCH's own machdep.c.
 */
#ifndef _X86_X86_VAR_H_
#define _X86_X86_VAR_H_

#include <stdint.h>

struct trapframe;

/* Exception vectors (Intel SDM vol. 3, chapter 6). */
#define T_DIVIDE	0
#define T_DEBUG		1
#define T_NMI		2
#define T_BPTFLT	3
#define T_OFLOW		4
#define T_BOUND		5
#define T_PRIVINFLT	6	/* invalid opcode */
#define T_DNA		7
#define T_DOUBLEFLT	8
#define T_FPOPFLT	9
#define T_TSSFLT	10
#define T_SEGNPFLT	11
#define T_STKFLT	12
#define T_PROTFLT	13
#define T_PAGEFLT	14
#define T_ARITHTRAP	16
#define T_ALIGNFLT	17
#define T_MCHK		18
#define T_XMMFLT	19
#define T_VIRTFLT	20
#define T_CPFLT		21
#define T_NEXCEPTIONS	32

#define IRQ_BASE	32	/* the PICs deliver IRQ n at vector 32 + n */
#define T_SYSCALL	0x80	/* i386: int $0x80; amd64: syscall's frames */
#define NIRQ		16

/* locore.asm -> x86_machdep.c: the shared boot sequence.  Never returns. */
void	x86_boot(uint32_t magic, uint32_t mbi_pa) __attribute__((__noreturn__));

/*
 * ARCH machdep.c: load the GDT, TSS and IDT (every vector points at its
 * stub in vector_table).  Boot only, interrupts off.
 */
void	cpu_init_tables(void);

/*
 * ARCH machdep.c: x86_set_kstack: the stack top the CPU switches to on
 * an interrupt or system call from user mode.  Interrupts off.
 */
void	x86_set_kstack(uintptr_t top);

/*
 * ARCH sys_machdep.c: cpu_load_user_tls: load user thread td's TLS
 * base into the CPU (amd64: the %fs base MSR; i386: the descriptor
 * GUGS_SEL, which %gs is loaded from on the way to user mode).
 * Interrupts off.
 */
struct thread;
void	cpu_load_user_tls(struct thread *td);

/* amd64 vector.asm: the syscall instruction's entry point. */
void	syscall_entry(void);
/* ARCH vector.asm: a new user thread's way out to user mode. */
void	fork_trampoline(void);

/* ARCH machdep.c: print a trap frame's registers on the console. */
void	trapframe_print(const struct trapframe *tf);

/* vectors.inc: the entry stub of each vector. */
extern const uintptr_t vector_table[256];

/* trap.c: the C entry for every vector (called from alltraps). */
void	trap(struct trapframe *tf);

/* trap.c: name of an exception vector, for messages. */
const char *trap_name(unsigned trapno);

/*
 * trap.c: interrupt handlers.  intr_establish makes `handler` run for
 * IRQ `irq` (with interrupts off) and unmasks it at the PIC.  Boot only.
 */
void	intr_establish(int irq, void (*handler)(void *), void *arg);

/* i8259.c */
void	i8259_init(void);
void	i8259_unmask(int irq);
void	i8259_eoi(int irq);
int	i8259_spurious(int irq);
/* i8254.c: program the PIT for `hz` interrupts a second on IRQ 0. */
void	i8254_init(unsigned hz);
/* uart.c: attach COM1 as a console (115200 8N1, polled). */
void	uart_cons_attach(void);
/* atkbd.c: the i8042 keyboard as console input (polled), if present. */
void	atkbd_cons_attach(void);
/* debug_exit.c: QEMU isa-debug-exit; returns if not under the harness. */
void	debug_exit(int status);

#endif /* !_X86_X86_VAR_H_ */
