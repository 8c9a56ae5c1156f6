/*
 * test_cmdline.c - kernel command line parsing (kernel/kern_cmdline.c).
 */
#include <string.h>

#include "tap.h"
#include <kernel/cmdline.h>

static void
cmdline_names_and_values(void)
{
	const char *v;

	CHECK(cmdline_init("  test=kernel  init=/sbin/init verbose ") == 3,
	    "option count");
	v = kern_getenv("test");
	CHECK(v != NULL && strcmp(v, "kernel") == 0, "test=%s", v);
	v = kern_getenv("init");
	CHECK(v != NULL && strcmp(v, "/sbin/init") == 0, "init=%s", v);
	v = kern_getenv("verbose");
	CHECK(v != NULL && v[0] == '\0', "bare word gives \"\"");
	CHECK(kern_getenv("tes") == NULL, "prefix must not match");
	CHECK(kern_getenv("missing") == NULL, "absent option");
}

static void
cmdline_last_wins_and_empty(void)
{
	const char *v;

	cmdline_init("a=1 a=2 b= c=x=y");
	v = kern_getenv("a");
	CHECK(v != NULL && strcmp(v, "2") == 0, "a=%s", v);
	v = kern_getenv("b");
	CHECK(v != NULL && v[0] == '\0', "b=%s", v);
	v = kern_getenv("c");
	CHECK(v != NULL && strcmp(v, "x=y") == 0, "c=%s", v);
	CHECK(cmdline_init("") == 0, "empty line");
	CHECK(kern_getenv("a") == NULL, "old options forgotten");
}

static void
cmdline_long_line_truncated_safely(void)
{
	char line[2000];

	memset(line, 'x', sizeof(line) - 1);
	line[sizeof(line) - 1] = '\0';
	memcpy(line, "k=v ", 4);
	CHECK(cmdline_init(line) == 2, "two options");
	CHECK(kern_getenv("k") != NULL, "first option kept");
}

int
main(void)
{
	TAP_RUN(cmdline_names_and_values);
	TAP_RUN(cmdline_last_wins_and_empty);
	TAP_RUN(cmdline_long_line_truncated_safely);
	return (tap_exit_status());
}
