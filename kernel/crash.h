/*
 * crash.h - crashing on purpose (command line option crash=HOW), so that
 * the panic path itself is tested: trap name, registers, backtrace.
 */
#ifndef _KERNEL_CRASH_H_
#define _KERNEL_CRASH_H_

/*
 * crash_now: crash the way `how` names (badptr: write through a bad
 * pointer; ud: execute an invalid opcode; kassert: fail an assertion;
 * hang: stop with interrupts off, so the harness's timeout must fire;
 * unwire: unwire a mapping that is not wired, which the pmap must
 * refuse with a panic, SEMANTICS I-PM1).
 * An unknown name is reported and ignored.  Returns only then.
 */
void	crash_now(const char *how);

#endif /* !_KERNEL_CRASH_H_ */
