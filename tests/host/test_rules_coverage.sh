#!/bin/sh
# test_rules_coverage.sh - scripts/rules-coverage on a made-up
# SEMANTICS.md and test tree: which ids it finds, which names count as
# tests, and which do not.  TAP; run from the top of the tree by make
# test-host (tests/host/host-tests.mk).  rules-coverage: skip (its ids
# are made up).

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
n=0
fail=0

check() {	# check NAME EXPECTED-LINE
	n=$((n + 1))
	if grep -qxF -- "$2" "$tmp/out"; then
		echo "ok $n - $1"
	else
		echo "not ok $n - $1"
		echo "# expected: $2"
		sed 's/^/# got: /' "$tmp/out"
		fail=1
	fi
}

cat > "$tmp/SEM.md" <<'X'
**R1 Empty range.** text; R2 is mentioned but not defined here.
**R48 Fork.** and **R66a Faults.**
* **I-PM1** the bit.  **I-E5** merges.  **R1** again (not twice).
**R9 Untested.**
X
mkdir -p "$tmp/t/kernel" "$tmp/t/user"
cat > "$tmp/t/kernel/k.c" <<'X'
/* R9 in a comment is no test; KTEST(r9_in_a_comment) neither. */
KTEST(r48_fork_copies)
KTEST(ipm1_unwire)
KTEST(fork_on_i386_r66a)
// KTEST(r9_line_comment)
	TAP_RUN(ie5_merge);
	__asm("" ::: "r9");
X
cat > "$tmp/t/user/u.c" <<'X'
	ok(x, "R66A fault at the address");
	ok(y, "r48/I-PM1: both");
	ok(z, "did not panic (R9)");
	ok(w, "R77 not a rule");
X
cat > "$tmp/t/user/s.sh" <<'X'
# "R9 in a shell comment"
ok 'R1 empty range'
X

sh scripts/rules-coverage -s "$tmp/SEM.md" "$tmp/t" |
    sed "s|$tmp/t/||g; s|$tmp/||g" > "$tmp/out"
check "R1 from a shell TAP name" 'R1     user/s.sh:"R1_empty_range"'
check "R48 from a KTEST name and a string with two ids" \
    'R48    kernel/k.c:r48_fork_copies user/u.c:"r48/I-PM1:_both"'
check "R66a from a name word and an upper-case string" \
    'R66a   kernel/k.c:fork_on_i386_r66a user/u.c:"R66A_fault_at_the_address"'
check "I-PM1 from ipm1_ and I-PM1" \
    'I-PM1  kernel/k.c:ipm1_unwire user/u.c:"r48/I-PM1:_both"'
check "I-E5 from TAP_RUN" 'I-E5   kernel/k.c:ie5_merge'
check "comments, mid-string ids and registers are no tests" 'R9     -- none'
check "an id no rule has" 'R77    ?? not in SEM.md: user/u.c:"R77_not_a_rule"'
check "summary" \
    'rules-coverage: 6 rules, 5 covered, 1 without a test, 1 unknown ids in tests'
cat > "$tmp/na.txt" <<'X'
# rules that do not apply
R9 no such feature here
R48 has tests anyway
X
sh scripts/rules-coverage -s "$tmp/SEM.md" -n "$tmp/na.txt" "$tmp/t" |
    sed "s|$tmp/t/||g; s|$tmp/||g" > "$tmp/out"
check "a rule listed as not applicable" 'R9     n/a: no such feature here'
check "a listed rule with tests shows them" \
    'R48    kernel/k.c:r48_fork_copies user/u.c:"r48/I-PM1:_both"'
check "summary with not applicable rules" \
    'rules-coverage: 6 rules, 5 covered, 1 not applicable, 0 without a test, 1 unknown ids in tests'
n=$((n + 1))
if sh scripts/rules-coverage -s "$tmp/none.md" > "$tmp/out" 2>&1; then
	echo "not ok $n - a missing SEMANTICS.md is an error"
	fail=1
else
	echo "ok $n - a missing SEMANTICS.md is an error"
fi
echo "1..$n"
exit $fail
