/*
 * setjmp.h - non-local jumps (C11 7.13, POSIX sigsetjmp).
 *
 * A jmp_buf holds what a function call must preserve: the callee-saved
 * registers, the stack pointer and the return address of setjmp, the
 * x87 control word (and on amd64 the SSE control word, MXCSR), and,
 * when asked for, the signal mask.  The layout is private to
 * libc/arch/<ARCH>/setjmp.asm:
 *
 *	amd64 (longs):	rip rbx rsp rbp r12 r13 r14 r15, fpcw|mxcsr<<32,
 *			mask saved?, mask
 *	i386 (longs):	eip ebx esp ebp esi edi, fpcw, mask saved?, mask
 *
 * As on FreeBSD, setjmp saves the signal mask and longjmp restores it;
 * _setjmp and _longjmp leave it alone; sigsetjmp saves it if its
 * savemask argument is not 0, and siglongjmp restores it if it was
 * saved.  Jumping with a value of 0 makes setjmp return 1.
 */
#ifndef _SETJMP_H_
#define _SETJMP_H_

#define _JBLEN	12		/* longs; room to spare on both ARCHes */

typedef struct _jmp_buf {
	long	_jb[_JBLEN];
} jmp_buf[1];

typedef struct _sigjmp_buf {
	long	_sjb[_JBLEN];
} sigjmp_buf[1];

int	setjmp(jmp_buf) __attribute__((__returns_twice__));
void	longjmp(jmp_buf, int) __attribute__((__noreturn__));
int	_setjmp(jmp_buf) __attribute__((__returns_twice__));
void	_longjmp(jmp_buf, int) __attribute__((__noreturn__));
int	sigsetjmp(sigjmp_buf, int) __attribute__((__returns_twice__));
void	siglongjmp(sigjmp_buf, int) __attribute__((__noreturn__));

#endif /* !_SETJMP_H_ */
