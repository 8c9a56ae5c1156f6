# tap-merge.awk - renumber one TAP stream so that several can be joined
# into one (host test programs, kernel test runs in QEMU).
#
#	awk -v prefix='host/test_tree: ' -v start=1 -v counts=FILE \
#	    -f scripts/tap-merge.awk < output
#
# Reads test output on stdin and writes TAP on stdout:
#
#	ok [N] [- ]name		->  ok <number> - <prefix>name
#	not ok [N] [- ]name	->  not ok <number> - <prefix>name
#	# text			->  copied unchanged
#
# Numbers count up from start (default 1) in input order; every other
# line (plans, console noise) is dropped, and a trailing CR (from a
# serial console) is ignored.  At the end the file counts, if given,
# gets one line "passed failed", so the caller can add up the totals and
# compute the next start.  TAP directives (# SKIP, # TODO) are not
# interpreted: ok passes and not ok fails.

BEGIN {
	number = start == "" ? 1 : start + 0
	passed = 0
	failed = 0
}

{ sub(/\r$/, "") }

/^ok( |$)/ {
	result("ok", substr($0, 3))
	passed++
	next
}

/^not ok( |$)/ {
	result("not ok", substr($0, 7))
	failed++
	next
}

/^#/ { print }

END {
	if (counts != "")
		print passed, failed > counts
}

# Print a result line, renumbered; rest is what followed "ok"/"not ok".
function result(status, rest) {
	sub(/^ *[0-9]* */, "", rest)
	sub(/^- */, "", rest)
	print status, number++, "-", prefix rest
}
