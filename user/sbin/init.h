/*
 * init.h - the parts of /sbin/init (user/sbin/init.c).
 */
#ifndef _INIT_H_
#define _INIT_H_

/*
 * init_run_tests: init -t [FILTER], the user test runner
 * (user/sbin/init_test.c): run the programs in /tests and /extra whose
 * names contain FILTER (all if NULL or ""), each in a child with a
 * timeout, print one TAP stream with a leak check after each, and end
 * with "N passed, N failed".  Returns the exit status for init: 0 if
 * nothing failed, else 1.  Call it before anything else in init: the
 * leak check needs a quiet system.
 */
int	init_run_tests(const char *filter);

#endif /* !_INIT_H_ */
