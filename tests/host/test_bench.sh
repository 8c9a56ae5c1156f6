#!/bin/sh
# test_bench.sh - scripts/bench's comparison (bench -t) on a made-up
# linux-ref-results.md and made-up vmbench output: that it reads table A
# and the ARCH's "run 1" column, computes the ratios, marks and counts
# the lines above Linux, and says plainly when a file or column is
# missing.  TAP; run from the top of the tree by make test-host
# (tests/host/host-tests.mk).

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
n=0
fail=0

check() {	# check NAME EXPECTED-LINE FILE
	n=$((n + 1))
	if grep -qxF -- "$2" "$3"; then
		echo "ok $n - $1"
	else
		echo "not ok $n - $1"
		echo "# expected: $2"
		sed 's/^/# got: /' "$3"
		fail=1
	fi
}

check_status() {	# check_status NAME WANT GOT
	n=$((n + 1))
	if [ "$2" = "$3" ]; then
		echo "ok $n - $1"
	else
		echo "not ok $n - $1 # exit status $3, want $2"
		fail=1
	fi
}

mkdir "$tmp/ref"
cat > "$tmp/ref/linux-ref-results.md" <<'X'
# made up

### A. the anchor

| measurement | iters | per | amd64 run 1 | amd64 run 2 | i386 run 1 | i386 run 2 |
|---|---|---|---|---|---|---|
| fault_anon | 64 | page | 4000.00 | 4000.00 | 5000.00 | 5000.00 |
| getpid | 50000 | call | 300.00 | 300.00 | 400.00 | 400.00 |
| clock_gettime | 50000 | call | 80.00 | 80.00 | 200.00 | 200.00 |
| total | 1 | run | 1000.00 | 1000.00 | 2000.00 | 2000.00 |

### B. another table, with other figures

| measurement | iters | per | amd64 run 1 | amd64 run 2 | i386 run 1 | i386 run 2 |
|---|---|---|---|---|---|---|
| fault_anon | 64 | page | 1.00 | 1.00 | 1.00 | 1.00 |
X
cat > "$tmp/out.txt" <<'X'
vmbench config 1024 4096
vmbench fault_anon 64 2000.00
vmbench getpid 50000 300.00
vmbench clock_gettime 50000 160.00
vmbench newline 10 5.00
vmbench total 1 1500.00
vmbench done
X

sh scripts/bench -d "$tmp/ref" -t "$tmp/out.txt" amd64 > "$tmp/a" 2>&1
check_status "bench -t exits 0" 0 $?
check "half of Linux: ratio 0.50, not marked" \
    "fault_anon       page         2000.00        4000.00     0.50" "$tmp/a"
check "equal to Linux counts as at or below" \
    "getpid           call          300.00         300.00     1.00" "$tmp/a"
check "twice Linux: ratio 2.00, marked" \
    "clock_gettime    call          160.00          80.00     2.00  *" "$tmp/a"
check "a line Linux has no figure for" \
    "newline          ?               5.00              -        -" "$tmp/a"
check "total is shown" \
    "total            run          1500.00        1000.00     1.50  *" "$tmp/a"
check "the summary counts the lines but total" \
    "amd64: 2 of 3 lines at or below Linux (* marks the others)" "$tmp/a"

sh scripts/bench -d "$tmp/ref" -t "$tmp/out.txt" i386 > "$tmp/i" 2>&1
check "i386 reads its own column" \
    "fault_anon       page         2000.00        5000.00     0.40" "$tmp/i"
check "i386 summary" \
    "i386: 3 of 3 lines at or below Linux (* marks the others)" "$tmp/i"

sh scripts/bench -d "$tmp/nowhere" -t "$tmp/out.txt" amd64 > "$tmp/m" 2>&1
check_status "a missing linux-ref-results.md exits 2" 2 $?
check "and says which file" \
    "bench: $tmp/nowhere/linux-ref-results.md: no such file (make bench VMBENCH_DIR=path names the directory holding vmbench.c and linux-ref-results.md)" \
    "$tmp/m"

sed 's/i386 run 1/i386 first/' "$tmp/ref/linux-ref-results.md" > "$tmp/x.md"
mkdir "$tmp/ref2" && mv "$tmp/x.md" "$tmp/ref2/linux-ref-results.md"
sh scripts/bench -d "$tmp/ref2" -t "$tmp/out.txt" i386 > "$tmp/c" 2>&1
check_status "a table A without the ARCH's column fails" 1 $?

sh scripts/bench -d "$tmp/ref" -t "$tmp/out.txt" sparc > "$tmp/s" 2>&1
check_status "an unknown ARCH is a usage error" 2 $?

echo "1..$n"
exit $fail
