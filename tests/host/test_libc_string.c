/*
 * test_libc_string.c - libc's <string.h> (libc/string/) against the
 * host's: every alignment and length for the memory functions, the
 * overlap cases of memmove, and the edge cases C and POSIX name for the
 * string functions.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "libc_host.h"
#include "tap.h"

#define BUF	160

static int
sign(int x)
{
	return ((x > 0) - (x < 0));
}

static void
fill_pattern(unsigned char *p, size_t len, unsigned seed)
{
	size_t i;

	for (i = 0; i < len; i++)
		p[i] = (unsigned char)(seed * 31 + i * 7 + 1);
}

static void
memcpy_all_alignments_and_lengths(void)
{
	unsigned char src[BUF], got[BUF], want[BUF];
	size_t so, dof, len;

	fill_pattern(src, sizeof(src), 1);
	for (so = 0; so < 16; so++)
		for (dof = 0; dof < 16; dof++)
			for (len = 0; len <= 100; len++) {
				memset(got, 0xee, sizeof(got));
				memset(want, 0xee, sizeof(want));
				memcpy(want + dof, src + so, len);
				CHECK(vise_memcpy(got + dof, src + so, len) ==
				    got + dof);
				if (!CHECK(memcmp(got, want, sizeof(got)) == 0,
				    "src+%zu dst+%zu len %zu", so, dof, len))
					return;
			}
}

static void
memmove_overlap_both_directions(void)
{
	unsigned char got[BUF], want[BUF];
	size_t so, dof, len;

	for (so = 0; so < 40; so++)
		for (dof = 0; dof < 40; dof++)
			for (len = 0; len <= 100; len++) {
				fill_pattern(got, sizeof(got), 2);
				fill_pattern(want, sizeof(want), 2);
				memmove(want + dof, want + so, len);
				CHECK(vise_memmove(got + dof, got + so, len) ==
				    got + dof);
				if (!CHECK(memcmp(got, want, sizeof(got)) == 0,
				    "src+%zu dst+%zu len %zu", so, dof, len))
					return;
			}
}

static void
memset_all_alignments_lengths_and_values(void)
{
	static const int values[] = { 0, 0x5a, 0xff, -1, 0x1ab, -129 };
	unsigned char got[BUF], want[BUF];
	size_t off, len, v;

	for (v = 0; v < nitems(values); v++)
		for (off = 0; off < 16; off++)
			for (len = 0; len <= 100; len++) {
				memset(got, 0xee, sizeof(got));
				memset(want, 0xee, sizeof(want));
				memset(want + off, values[v], len);
				CHECK(vise_memset(got + off, values[v], len) ==
				    got + off);
				if (!CHECK(memcmp(got, want, sizeof(got)) == 0,
				    "value %d off %zu len %zu", values[v], off,
				    len))
					return;
			}
}

static void
memcmp_compares_as_unsigned_char(void)
{
	unsigned char a[BUF], b[BUF];
	size_t i, len;

	CHECK(vise_memcmp("\x80", "\x01", 1) > 0);
	CHECK(vise_memcmp("\x01", "\x80", 1) < 0);
	CHECK(vise_memcmp("abc", "abd", 0) == 0, "length 0 compares equal");
	fill_pattern(a, sizeof(a), 3);
	for (i = 0; i < 64; i++)
		for (len = i + 1; len < 64; len += 7) {
			memcpy(b, a, sizeof(b));
			b[i] ^= 0x81;
			CHECK(sign(vise_memcmp(a + 1, b + 1, len)) ==
			    sign(memcmp(a + 1, b + 1, len)), "diff at %zu", i);
		}
}

static void
memchr_finds_first_byte_and_converts_c(void)
{
	const char s[] = "ab\xff" "cb\0b";

	CHECK(vise_memchr(s, 'b', sizeof(s)) == s + 1);
	CHECK(vise_memchr(s, -1, sizeof(s)) == s + 2, "c is converted");
	CHECK(vise_memchr(s, 'b' + 256, sizeof(s)) == s + 1);
	CHECK(vise_memchr(s, '\0', sizeof(s)) == s + 5);
	CHECK(vise_memchr(s, 'z', sizeof(s)) == NULL);
	CHECK(vise_memchr(s, 'a', 0) == NULL);
}

static void
strlen_and_strnlen_stop_at_nul_or_limit(void)
{
	/* Not terminated: strnlen must not read past the limit. */
	char unterminated[4] = { 'a', 'b', 'c', 'd' };

	CHECK(vise_strlen("") == 0);
	CHECK(vise_strlen("hello") == 5);
	CHECK(vise_strnlen("hello", 3) == 3);
	CHECK(vise_strnlen("hello", 99) == 5);
	CHECK(vise_strnlen("hello", 0) == 0);
	CHECK(vise_strnlen(unterminated, sizeof(unterminated)) == 4);
}

static void
strcmp_and_strncmp_match_host_order(void)
{
	static const char *const s[] = { "", "a", "ab", "abc", "abd", "b",
	    "\x80", "\x7f", "A", "ab\x90" };
	size_t i, j, n;

	for (i = 0; i < nitems(s); i++)
		for (j = 0; j < nitems(s); j++) {
			CHECK(sign(vise_strcmp(s[i], s[j])) ==
			    sign(strcmp(s[i], s[j])), "\"%s\" \"%s\"", s[i],
			    s[j]);
			for (n = 0; n < 5; n++)
				CHECK(sign(vise_strncmp(s[i], s[j], n)) ==
				    sign(strncmp(s[i], s[j], n)),
				    "\"%s\" \"%s\" %zu", s[i], s[j], n);
		}
}

static void
strcpy_copies_with_nul(void)
{
	char buf[8];

	memset(buf, 'x', sizeof(buf));
	CHECK(vise_strcpy(buf, "abc") == buf);
	CHECK(memcmp(buf, "abc\0xxxx", 8) == 0);
	CHECK(vise_strcpy(buf, "") == buf && buf[0] == '\0');
}

static void
strncpy_pads_with_nul_and_may_not_terminate(void)
{
	char buf[8];

	memset(buf, 'x', sizeof(buf));
	CHECK(vise_strncpy(buf, "ab", 6) == buf);
	CHECK(memcmp(buf, "ab\0\0\0\0xx", 8) == 0, "padded to 6");
	memset(buf, 'x', sizeof(buf));
	vise_strncpy(buf, "abcdef", 4);
	CHECK(memcmp(buf, "abcdxxxx", 8) == 0, "no terminator when cut");
	vise_strncpy(buf, "abc", 0);
	CHECK(memcmp(buf, "abcdxxxx", 8) == 0, "len 0 writes nothing");
}

static void
strcat_and_strncat_append_and_terminate(void)
{
	char buf[16] = "ab";

	CHECK(vise_strcat(buf, "cd") == buf && strcmp(buf, "abcd") == 0);
	CHECK(vise_strncat(buf, "efgh", 2) == buf &&
	    strcmp(buf, "abcdef") == 0);
	vise_strncat(buf, "", 5);
	CHECK(strcmp(buf, "abcdef") == 0);
	vise_strncat(buf, "gh", 10);
	CHECK(strcmp(buf, "abcdefgh") == 0);
	vise_strncat(buf, "zz", 0);
	CHECK(strcmp(buf, "abcdefgh") == 0, "len 0 appends nothing");
}

static void
strchr_and_strrchr_find_the_terminator(void)
{
	const char *s = "abcabc";

	CHECK(vise_strchr(s, 'b') == s + 1);
	CHECK(vise_strrchr(s, 'b') == s + 4);
	CHECK(vise_strchr(s, '\0') == s + 6, "the NUL is part of s");
	CHECK(vise_strrchr(s, '\0') == s + 6);
	CHECK(vise_strchr(s, 'z') == NULL && vise_strrchr(s, 'z') == NULL);
	CHECK(vise_strchr(s, 'a' + 256) == s, "c converted to char");
	CHECK(vise_strchr("\xe9t\xe9", 0xe9) != NULL, "high bytes");
}

static void
strstr_matches_host(void)
{
	static const char *const hay[] = { "", "a", "aaab", "abcabcabd",
	    "hello world", "ababab" };
	static const char *const needle[] = { "", "a", "ab", "aab", "abd",
	    "world", "x", "hello world!", "bab" };
	size_t i, j;
	char *want, *got;

	for (i = 0; i < nitems(hay); i++)
		for (j = 0; j < nitems(needle); j++) {
			want = strstr(hay[i], needle[j]);
			got = vise_strstr(hay[i], needle[j]);
			CHECK(got == want, "\"%s\" in \"%s\"", needle[j],
			    hay[i]);
		}
}

static void
strspn_strcspn_strpbrk_match_host(void)
{
	static const char *const s[] = { "", "abc", "  \tx y", "xyz",
	    "a,b;c" };
	static const char *const set[] = { "", "a", "cba", " \t", ",;",
	    "xyz" };
	size_t i, j;

	for (i = 0; i < nitems(s); i++)
		for (j = 0; j < nitems(set); j++) {
			CHECK(vise_strspn(s[i], set[j]) == strspn(s[i], set[j]),
			    "strspn \"%s\" \"%s\"", s[i], set[j]);
			CHECK(vise_strcspn(s[i], set[j]) ==
			    strcspn(s[i], set[j]), "strcspn \"%s\" \"%s\"",
			    s[i], set[j]);
			CHECK(vise_strpbrk(s[i], set[j]) ==
			    strpbrk(s[i], set[j]), "strpbrk \"%s\" \"%s\"",
			    s[i], set[j]);
		}
}

static void
strtok_r_skips_delimiter_runs(void)
{
	char buf[] = ",,a,,bc;d;;";
	char *save, *t;

	t = vise_strtok_r(buf, ",;", &save);
	CHECK(t != NULL && strcmp(t, "a") == 0);
	t = vise_strtok_r(NULL, ",;", &save);
	CHECK(t != NULL && strcmp(t, "bc") == 0);
	t = vise_strtok_r(NULL, ";", &save);
	CHECK(t != NULL && strcmp(t, "d") == 0, "delimiters may change");
	CHECK(vise_strtok_r(NULL, ",;", &save) == NULL);
	CHECK(vise_strtok_r(NULL, ",;", &save) == NULL, "stays at the end");
}

static void
strtok_r_of_only_delimiters_is_null(void)
{
	char buf[] = ";;;", empty[] = "";
	char *save;

	CHECK(vise_strtok_r(buf, ";", &save) == NULL);
	CHECK(vise_strtok_r(empty, ";", &save) == NULL);
}

static void
strtok_matches_host_sequence(void)
{
	char a[] = " the  quick\tbrown fox ", b[] = " the  quick\tbrown fox ";
	char *ta, *tb;

	ta = strtok(a, " \t");
	tb = vise_strtok(b, " \t");
	for (;;) {
		if (!CHECK((ta == NULL) == (tb == NULL)))
			return;
		if (ta == NULL)
			break;
		CHECK(ta - a == tb - b, "token \"%s\"", ta);
		ta = strtok(NULL, " \t");
		tb = vise_strtok(NULL, " \t");
	}
}

static void
strdup_and_strndup_copy_into_heap(void)
{
	char unterminated[3] = { 'x', 'y', 'z' };
	char *p;

	p = vise_strdup("hello");
	CHECK(p != NULL && strcmp(p, "hello") == 0);
	vise_free(p);
	p = vise_strndup("hello", 3);
	CHECK(p != NULL && strcmp(p, "hel") == 0);
	vise_free(p);
	p = vise_strndup(unterminated, sizeof(unterminated));
	CHECK(p != NULL && strcmp(p, "xyz") == 0, "source need not end");
	vise_free(p);
	p = vise_strdup("");
	CHECK(p != NULL && p[0] == '\0');
	vise_free(p);
}

static void
strlcpy_truncates_and_returns_source_length(void)
{
	char buf[4];

	memset(buf, 'x', sizeof(buf));
	CHECK(vise_strlcpy(buf, "ab", sizeof(buf)) == 2);
	CHECK(strcmp(buf, "ab") == 0);
	CHECK(vise_strlcpy(buf, "abcdef", sizeof(buf)) == 6);
	CHECK(strcmp(buf, "abc") == 0, "cut and terminated");
	memset(buf, 'x', sizeof(buf));
	CHECK(vise_strlcpy(buf, "abc", 0) == 3);
	CHECK(buf[0] == 'x', "size 0 writes nothing");
}

static void
strlcat_truncates_and_returns_total_length(void)
{
	char buf[8] = "abc";
	char full[4] = { 'w', 'x', 'y', 'z' };

	CHECK(vise_strlcat(buf, "de", sizeof(buf)) == 5);
	CHECK(strcmp(buf, "abcde") == 0);
	CHECK(vise_strlcat(buf, "fghij", sizeof(buf)) == 10);
	CHECK(strcmp(buf, "abcdefg") == 0, "cut and terminated");
	CHECK(vise_strlcat(full, "ab", sizeof(full)) == 6,
	    "dst without NUL counts as size");
	CHECK(memcmp(full, "wxyz", 4) == 0, "and is left alone");
}

static void
strerror_has_a_message_for_every_errno_value(void)
{
	size_t i;
	char *msg;

	for (i = 0; i < libc_errno_count; i++) {
		msg = vise_strerror(libc_errno_values[i]);
		CHECK(msg != NULL && msg[0] != '\0' &&
		    strncmp(msg, "Unknown error", 13) != 0, "errno %d",
		    libc_errno_values[i]);
	}
	CHECK(strcmp(vise_strerror(libc_ERANGE), "Result too large") == 0);
	CHECK(strcmp(vise_strerror(0), "No error") == 0);
}

static void
strerror_of_unknown_value_names_the_number(void)
{
	char want[32];

	vise_errno = 0;
	CHECK(strcmp(vise_strerror(1234), "Unknown error: 1234") == 0);
	CHECK(strcmp(vise_strerror(-7), "Unknown error: -7") == 0);
	snprintf(want, sizeof(want), "Unknown error: %d", INT32_MIN);
	CHECK(strcmp(vise_strerror(INT32_MIN), want) == 0);
	CHECK(vise_errno == 0, "errno untouched");
}

/* The C locale: strcoll is strcmp, strxfrm a copy. */
static void
strcoll_and_strxfrm_are_the_c_locale(void)
{
	char buf[8];

	CHECK(vise_strcoll("abc", "abd") < 0 && vise_strcoll("b", "a") > 0 &&
	    vise_strcoll("x", "x") == 0, "strcoll");
	CHECK(vise_strxfrm(buf, "hello", sizeof(buf)) == 5 &&
	    strcmp(buf, "hello") == 0, "strxfrm copies");
	CHECK(vise_strxfrm(NULL, "too long", 0) == 8, "strxfrm length");
}

int
main(void)
{
	TAP_RUN(memcpy_all_alignments_and_lengths);
	TAP_RUN(memmove_overlap_both_directions);
	TAP_RUN(memset_all_alignments_lengths_and_values);
	TAP_RUN(memcmp_compares_as_unsigned_char);
	TAP_RUN(memchr_finds_first_byte_and_converts_c);
	TAP_RUN(strlen_and_strnlen_stop_at_nul_or_limit);
	TAP_RUN(strcmp_and_strncmp_match_host_order);
	TAP_RUN(strcpy_copies_with_nul);
	TAP_RUN(strncpy_pads_with_nul_and_may_not_terminate);
	TAP_RUN(strcat_and_strncat_append_and_terminate);
	TAP_RUN(strchr_and_strrchr_find_the_terminator);
	TAP_RUN(strstr_matches_host);
	TAP_RUN(strspn_strcspn_strpbrk_match_host);
	TAP_RUN(strtok_r_skips_delimiter_runs);
	TAP_RUN(strtok_r_of_only_delimiters_is_null);
	TAP_RUN(strtok_matches_host_sequence);
	TAP_RUN(strdup_and_strndup_copy_into_heap);
	TAP_RUN(strlcpy_truncates_and_returns_source_length);
	TAP_RUN(strlcat_truncates_and_returns_total_length);
	TAP_RUN(strerror_has_a_message_for_every_errno_value);
	TAP_RUN(strerror_of_unknown_value_names_the_number);
	TAP_RUN(strcoll_and_strxfrm_are_the_c_locale);
	return (tap_exit_status());
}
