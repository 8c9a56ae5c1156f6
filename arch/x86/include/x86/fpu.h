/*
 * fpu.h - the x87/SSE registers of user threads (arch/x86/fpu.c).
 *
 * The state is what fxsave stores: 512 bytes, 16-byte aligned.  Only
 * user threads have one (kernel code is built without x87 and SSE and
 * never touches those registers); while a user thread runs, or is in
 * the kernel, its state is in the CPU, and while it is switched out,
 * in its struct mdthread (machine/proc.h).
 */
#ifndef _X86_FPU_H_
#define _X86_FPU_H_

#include <stdint.h>

/* The fxsave image (Intel SDM vol. 1, 10.5.1); the fields we read. */
struct savefpu {
	uint16_t	sv_fcw;		/* x87 control word */
	uint16_t	sv_fsw;		/* x87 status word */
	uint8_t		sv_ftw;		/* abridged tag word: 1 bit a register */
	uint8_t		sv_pad0;
	uint16_t	sv_fop;
	uint8_t		sv_fip_fdp[16];	/* last instruction and operand */
	uint32_t	sv_mxcsr;	/* SSE control and status */
	uint32_t	sv_mxcsr_mask;
	uint8_t		sv_st[8][16];	/* st0-st7 (10 bytes used in each) */
	uint8_t		sv_xmm[16][16];	/* xmm0-xmm15 (xmm0-xmm7 on i386) */
	uint8_t		sv_pad1[96];
} __attribute__((__aligned__(16)));

/* The state after fninit, and SSE's power-on MXCSR (all masked). */
#define FPU_INIT_FCW	0x037f
#define FPU_INIT_MXCSR	0x1f80

struct thread;

/*
 * fpu_init: turn the x87 and SSE on for user code (CR0.MP and NE,
 * CR4.OSFXSR and OSXMMEXCPT) and build the clean state new programs
 * start with.  Panics if the CPU has no fxsave.  Boot only, once.
 */
void	fpu_init(void);

/*
 * fpu_thread_init: user thread `td`, not yet run, starts with the clean
 * state.  Thread context.
 */
void	fpu_thread_init(struct thread *td);

/*
 * fpu_fork: child thread `td`, not yet run, starts with a copy of
 * curthread's state (a user thread's, in the CPU).  Thread context.
 */
void	fpu_fork(struct thread *td);

/*
 * fpu_exec: curthread `td` (execve) gets the clean state, in the CPU.
 * Thread context.
 */
void	fpu_exec(struct thread *td);

/*
 * fpu_switch: the CPU is about to run `td`: save the state of the user
 * thread that ran last into its mdthread, and load td's if it is a
 * user thread.  Called by cpu_switchin; interrupts off.
 */
void	fpu_switch(struct thread *td);

/*
 * fpu_save: store the FPU/SSE registers in *sv (for the self tests:
 * what a user thread would see).  Any context; interrupts off if the
 * answer must belong to one thread.
 */
void	fpu_save(struct savefpu *sv);
/* fpu_load: load the CPU's x87/SSE registers from `sv` (fxrstor). */
void	fpu_load(const struct savefpu *sv);

#endif /* !_X86_FPU_H_ */
