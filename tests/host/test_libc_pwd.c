/*
 * test_libc_pwd.c - libc's password and group databases
 * (libc/gen/getpwent.c, getgrent.c) over pretend /etc/passwd and
 * /etc/group files: lookups by name and id, every field, comments,
 * malformed and over-long lines, "not found" leaving errno alone, the
 * _r forms' ERANGE, the enumeration functions, and a file that cannot
 * be opened.
 */
#include <string.h>

#include "libc_host.h"
#include "tap.h"

static const char passwd[] =
    "# comment\n"
    "root:*:0:0:Charlie &:/root:/bin/sh\n"
    "\n"
    "broken:*:x:0:bad uid:/:/bin/sh\n"
    "short:*:5:5\n"
    "student:*:1001:1001:A Student:/home/student:/bin/sh\n"
    "nobody:*:65534:65534:Unprivileged user:/nonexistent:/sbin/nologin";

static const char group[] =
    "wheel:*:0:root,student\n"
    "# comment\n"
    "empty:*:5:\n"
    "student:*:1001:\n"
    "big:*:7:a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p";

/* The next open(2) of a database (descriptor 3) reads text. */
static void
database(const char *text)
{
	libc_host_fd_reset();
	libc_host_fds[3].in = text;
	libc_host_fds[3].inlen = strlen(text);
	libc_host_fds[3].chunk = 7;	/* lines span reads */
}

static void
getpwnam_finds_every_field(void)
{
	struct vise_passwd *pw;

	database(passwd);
	pw = vise_getpwnam("student");
	CHECK(pw != NULL, "student not found");
	if (pw == NULL)
		return;
	CHECK(strcmp(pw->pw_name, "student") == 0 &&
	    strcmp(pw->pw_passwd, "*") == 0 && pw->pw_uid == 1001 &&
	    pw->pw_gid == 1001 && strcmp(pw->pw_gecos, "A Student") == 0 &&
	    strcmp(pw->pw_dir, "/home/student") == 0 &&
	    strcmp(pw->pw_shell, "/bin/sh") == 0 &&
	    strcmp(pw->pw_class, "") == 0 && pw->pw_change == 0 &&
	    pw->pw_expire == 0, "fields");
	CHECK(libc_host_fds[3].open == false, "file left open");
	pw = vise_getpwnam("nobody");
	CHECK(pw != NULL && pw->pw_uid == 65534 &&
	    strcmp(pw->pw_shell, "/sbin/nologin") == 0,
	    "last line without a newline");
}

static void
getpwuid_finds_root(void)
{
	struct vise_passwd *pw;

	database(passwd);
	pw = vise_getpwuid(0);
	CHECK(pw != NULL && strcmp(pw->pw_name, "root") == 0 &&
	    strcmp(pw->pw_dir, "/root") == 0, "uid 0");
	pw = vise_getpwuid(5);
	CHECK(pw == NULL, "a line with four fields is skipped");
}

static void
not_found_leaves_errno_alone(void)
{
	database(passwd);
	vise_errno = 12345;
	CHECK(vise_getpwnam("nosuch") == NULL && vise_errno == 12345,
	    "getpwnam: errno %d", vise_errno);
	CHECK(vise_getpwnam("broken") == NULL && vise_errno == 12345,
	    "a bad uid is skipped");
	CHECK(vise_getpwuid(4242) == NULL && vise_errno == 12345,
	    "getpwuid: errno %d", vise_errno);
	database(group);
	CHECK(vise_getgrnam("nosuch") == NULL && vise_errno == 12345,
	    "getgrnam: errno %d", vise_errno);
	CHECK(vise_getgrgid(99) == NULL && vise_errno == 12345,
	    "getgrgid: errno %d", vise_errno);
}

static void
a_missing_file_sets_errno(void)
{
	/* Every descriptor taken: the open fails with EMFILE. */
	int fd;

	libc_host_fd_reset();
	for (fd = 0; fd < LIBC_HOST_NFD; fd++)
		libc_host_fds[fd].open = true;
	vise_errno = 0;
	CHECK(vise_getpwnam("root") == NULL && vise_errno == libc_EMFILE,
	    "errno %d", vise_errno);
	libc_host_fd_reset();
}

static void
reentrant_forms_report_erange(void)
{
	struct vise_passwd pw, *result;
	char small[16], big[256];

	database(passwd);
	CHECK(vise_getpwnam_r("student", &pw, small, sizeof(small),
	    &result) == libc_ERANGE && result == NULL, "small buffer");
	CHECK(vise_getpwuid_r(1001, &pw, big, sizeof(big), &result) == 0 &&
	    result == &pw && strcmp(pw.pw_name, "student") == 0,
	    "big buffer");
	CHECK(vise_getpwnam_r("nosuch", &pw, big, sizeof(big), &result) ==
	    0 && result == NULL, "not found is 0");
}

static void
getpwent_walks_the_file(void)
{
	static const char *const names[] = { "root", "student", "nobody" };
	struct vise_passwd *pw;
	size_t i;

	database(passwd);
	for (i = 0; i < 3; i++) {
		pw = vise_getpwent();
		CHECK(pw != NULL && strcmp(pw->pw_name, names[i]) == 0,
		    "entry %zu", i);
	}
	CHECK(vise_getpwent() == NULL, "past the end");
	vise_setpwent();
	pw = vise_getpwent();
	CHECK(pw != NULL && strcmp(pw->pw_name, "root") == 0, "setpwent");
	vise_endpwent();
	CHECK(!libc_host_fds[3].open, "endpwent closes");
}

static void
groups_and_members(void)
{
	struct vise_group *gr, g, *result;
	char small[40];
	size_t n;

	database(group);
	gr = vise_getgrgid(0);
	CHECK(gr != NULL && strcmp(gr->gr_name, "wheel") == 0 &&
	    gr->gr_mem[0] != NULL && strcmp(gr->gr_mem[0], "root") == 0 &&
	    strcmp(gr->gr_mem[1], "student") == 0 && gr->gr_mem[2] == NULL,
	    "wheel");
	gr = vise_getgrnam("empty");
	CHECK(gr != NULL && gr->gr_gid == 5 && gr->gr_mem[0] == NULL,
	    "no members");
	gr = vise_getgrnam("big");
	for (n = 0; gr != NULL && gr->gr_mem[n] != NULL; n++)
		;
	CHECK(gr != NULL && n == 16 && strcmp(gr->gr_mem[15], "p") == 0,
	    "%zu members", n);
	/* The line fits in 40 bytes, its 17 pointers do not. */
	CHECK(vise_getgrnam_r("big", &g, small, sizeof(small), &result) ==
	    libc_ERANGE && result == NULL, "members do not fit");
	vise_setgrent();
	for (n = 0; vise_getgrent() != NULL; n++)
		;
	CHECK(n == 4, "getgrent: %zu groups", n);
	vise_endgrent();
}

int
main(void)
{
	TAP_RUN(getpwnam_finds_every_field);
	TAP_RUN(getpwuid_finds_root);
	TAP_RUN(not_found_leaves_errno_alone);
	TAP_RUN(a_missing_file_sets_errno);
	TAP_RUN(reentrant_forms_report_erange);
	TAP_RUN(getpwent_walks_the_file);
	TAP_RUN(groups_and_members);
	return (tap_exit_status());
}
