/*
 * host_cdefs.h - forced into every host-test compile (-include, see
 * tests/host/host-tests.mk) so that Vise headers and glibc's can be used
 * in the same file.
 *
 * Both have a <sys/cdefs.h>.  Host tests compile with -Iinclude, which
 * makes <sys/cdefs.h> Vise's even inside glibc's own headers, and glibc
 * breaks without its version.  So glibc's is read first: this directory
 * is given with -isystem, which is searched after include/ and before
 * the system directories, so #include_next here finds glibc's header.
 * Its include guard then stops glibc from asking for it again.
 *
 * Then Vise's: both define __CONCAT, and Vise code gets Vise's version.
 */
#include_next <sys/cdefs.h>
#undef __CONCAT
#include <sys/cdefs.h>
