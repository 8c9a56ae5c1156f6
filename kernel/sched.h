/*
 * sched.h - the scheduler: which thread runs (kernel/kern_switch.c).
 *
 * Round robin over one run queue with a time slice of SCHED_SLICE
 * ticks; the clock interrupt takes the CPU from a thread whose slice is
 * used up, on the way out of the interrupt (preemption).  The idle
 * thread runs when nothing else can.  Everything here runs with
 * interrupts disabled (that is the scheduler's lock on one CPU).
 */
#ifndef _KERNEL_SCHED_H_
#define _KERNEL_SCHED_H_

#include <kernel/proc.h>

#define SCHED_SLICE	10	/* ticks: 100 ms at HZ = 100 */

/*
 * sched_init: make the boot code thread0 of proc0 and start the idle
 * thread.  Once, after the VM (kernel stacks need kmem).
 */
void	sched_init(void);

/*
 * sched_add: make `td` runnable (TDS_RUNQ, at the tail of the run
 * queue).  Interrupts disabled; any context, including interrupts.
 */
void	sched_add(struct thread *td);

/*
 * mi_switch: give the CPU to the next runnable thread (or the idle
 * thread).  The caller has set curthread's state: TDS_RUNQ threads are
 * queued here, TDS_SLEEPING and TDS_DEAD ones are not.  Interrupts
 * disabled; returns when curthread runs again, interrupts still
 * disabled.  Never with a spin mutex held.
 */
void	mi_switch(void);

/*
 * sched_yield: put curthread at the tail of the run queue and run the
 * next one.  Any thread context; interrupts may be on or off.
 */
void	sched_yield(void);

/*
 * sched_clock: the clock interrupt's share: charge the tick to
 * curthread (user or system time, by td_intr_frame), count down its
 * slice and ask for a switch when it is used up.  Interrupts disabled.
 */
void	sched_clock(void);

/*
 * sched_preempt: called on the way out of an interrupt that came while
 * interrupts were enabled: switch if a switch was asked for.
 */
void	sched_preempt(void);

/*
 * sched_others: whether any thread but curthread and the idle thread
 * exists, i.e. whether anybody else could ever release what curthread
 * waits for.  sx locks use it to turn a certain deadlock into a panic.
 */
bool	sched_others(void);

#endif /* !_KERNEL_SCHED_H_ */
