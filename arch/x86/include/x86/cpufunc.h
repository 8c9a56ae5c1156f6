/*
 * cpufunc.h - inline wrappers for x86 instructions shared by i386 and
 * amd64 (port I/O, interrupts flag, TSC, control registers).
 */
#ifndef _X86_CPUFUNC_H_
#define _X86_CPUFUNC_H_

#include <stdint.h>

static inline void
outb(uint16_t port, uint8_t val)
{
	__asm__ volatile("outb %0, %1" : : "a"(val), "Nd"(port));
}

static inline void
outw(uint16_t port, uint16_t val)
{
	__asm__ volatile("outw %0, %1" : : "a"(val), "Nd"(port));
}

static inline void
outl(uint16_t port, uint32_t val)
{
	__asm__ volatile("outl %0, %1" : : "a"(val), "Nd"(port));
}

static inline uint8_t
inb(uint16_t port)
{
	uint8_t val;

	__asm__ volatile("inb %1, %0" : "=a"(val) : "Nd"(port));
	return (val);
}

static inline uint16_t
inw(uint16_t port)
{
	uint16_t val;

	__asm__ volatile("inw %1, %0" : "=a"(val) : "Nd"(port));
	return (val);
}

static inline uint32_t
inl(uint16_t port)
{
	uint32_t val;

	__asm__ volatile("inl %1, %0" : "=a"(val) : "Nd"(port));
	return (val);
}

static inline void
disable_intr(void)
{
	__asm__ volatile("cli" : : : "memory");
}

static inline void
enable_intr(void)
{
	__asm__ volatile("sti" : : : "memory");
}

static inline void
halt(void)
{
	__asm__ volatile("hlt" : : : "memory");
}

/* Enable interrupts and halt in one step: an IRQ cannot slip in between. */
static inline void
enable_intr_and_halt(void)
{
	__asm__ volatile("sti; hlt" : : : "memory");
}

static inline void
cpu_pause(void)
{
	__asm__ volatile("pause");
}

static inline uint64_t
rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32 | lo);
}

static inline void
do_cpuid(uint32_t leaf, uint32_t regs[4])
{
	__asm__ volatile("cpuid"
	    : "=a"(regs[0]), "=b"(regs[1]), "=c"(regs[2]), "=d"(regs[3])
	    : "a"(leaf), "c"(0));
}

static inline unsigned long
rcr2(void)
{
	unsigned long val;

	__asm__ volatile("mov %%cr2, %0" : "=r"(val));
	return (val);
}

static inline unsigned long
rcr3(void)
{
	unsigned long val;

	__asm__ volatile("mov %%cr3, %0" : "=r"(val));
	return (val);
}

static inline unsigned long
rcr0(void)
{
	unsigned long val;

	__asm__ volatile("mov %%cr0, %0" : "=r"(val));
	return (val);
}

static inline unsigned long
rcr4(void)
{
	unsigned long val;

	__asm__ volatile("mov %%cr4, %0" : "=r"(val));
	return (val);
}

static inline void
invlpg(unsigned long va)
{
	__asm__ volatile("invlpg (%0)" : : "r"(va) : "memory");
}

static inline unsigned long
read_flags(void)
{
	unsigned long flags;

	__asm__ volatile("pushf; pop %0" : "=r"(flags));
	return (flags);
}

static inline void
load_cr0(unsigned long val)
{
	__asm__ volatile("mov %0, %%cr0" : : "r"(val) : "memory");
}

static inline void
load_cr3(unsigned long pa)
{
	__asm__ volatile("mov %0, %%cr3" : : "r"(pa) : "memory");
}

static inline void
load_cr4(unsigned long val)
{
	__asm__ volatile("mov %0, %%cr4" : : "r"(val) : "memory");
}

static inline uint64_t
rdmsr(uint32_t msr)
{
	uint32_t lo, hi;

	__asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((uint64_t)hi << 32 | lo);
}

static inline void
wrmsr(uint32_t msr, uint64_t val)
{
	__asm__ volatile("wrmsr" : : "c"(msr), "a"((uint32_t)val),
	    "d"((uint32_t)(val >> 32)) : "memory");
}

#define PSL_C	0x001		/* carry: a system call failed */
#define PSL_T	0x100		/* single step */
#define PSL_I	0x200		/* interrupt enable flag */
#define PSL_D	0x400		/* string direction */
#define PSL_AC	0x40000		/* alignment check; SMAP's user-access override */
#define PSL_USER_SET	0x2	/* bit 1 is always set */

/* Page-fault error code bits. */
#define PGEX_P		0x01	/* protection violation (else not present) */
#define PGEX_W		0x02	/* write */
#define PGEX_U		0x04	/* from user mode */
#define PGEX_I		0x10	/* instruction fetch */

#define MSR_EFER	0xc0000080
#define EFER_SCE	0x00000001	/* syscall/sysret enabled */
#define MSR_STAR	0xc0000081	/* syscall and sysret selectors */
#define MSR_LSTAR	0xc0000082	/* syscall entry, 64-bit mode */
#define MSR_SFMASK	0xc0000084	/* rflags bits syscall clears */
#define MSR_FSBASE	0xc0000100	/* the %fs base, 64-bit mode */
#define CR0_MP	0x00000002	/* wait/fwait honour TS */
#define CR0_EM	0x00000004	/* x87 instructions trap (#NM): emulation */
#define CR0_TS	0x00000008	/* task switched: FPU instructions trap */
#define CR0_NE	0x00000020	/* x87 errors as #MF, not the old IRQ 13 */
#define CR0_WP	0x00010000	/* supervisor writes honour read-only PTEs */
#define CR4_PGE	0x00000080	/* global pages */
#define CR4_OSFXSR	0x00000200	/* fxsave/fxrstor and SSE allowed */
#define CR4_OSXMMEXCPT	0x00000400	/* SIMD FP errors as #XM, not #UD */
#define CR4_SMEP	0x00100000	/* ring 0 cannot execute user pages */
#define CR4_SMAP	0x00200000	/* ring 0 cannot access user pages
					   unless EFLAGS.AC is set */

#endif /* !_X86_CPUFUNC_H_ */
