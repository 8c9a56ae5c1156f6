# sh_test.sh - the shell (user/bin/sh.c) checks itself inside Vise: the
# user test runner runs /bin/sh /tests/sh_test.sh; the files it
# names (/ktest/motd, /ktest/noexec, /ktest/bin/notelf) are the
# initrd's fixtures (scripts/stage-ktest).
#
# There is no writable file system and no command substitution, so
# output is checked by feeding it to another shell: "echo 'exit 7' |
# sh" says through its status that the text came through.  Each check
# that fails adds its name to $failed and prints it; the script exits
# 0 only if none did.
PATH=/ktest/bin:/bin
failed=

# Quoting and variables.
x='a  b'
test "$x" = 'a  b' || failed="$failed single-quotes"
test "a\"b" = 'a"b' || failed="$failed double-quotes"
test a\ b = 'a b' || failed="$failed backslash"
test "${x}c" = 'a  bc' || failed="$failed braces"
test '$x' = \$x || failed="$failed no-expansion-in-single-quotes"
sh -c 'exit $#' sh $x
test $? -eq 2 || failed="$failed field-splitting"
sh -c 'exit $#' sh "$x" ''
test $? -eq 2 || failed="$failed quoted-fields"
test -n "$$" || failed="$failed pid"

# Exit statuses.
true
test $? -eq 0 || failed="$failed true-status"
false
test $? -eq 1 || failed="$failed false-status"
no-such-command 2>/dev/null
test $? -eq 127 || failed="$failed not-found-127"
/ktest/noexec 2>/dev/null
test $? -eq 126 || failed="$failed no-exec-bit-126"
/ktest/bin/notelf 2>/dev/null
test $? -eq 126 || failed="$failed not-elf-126"
sh -c 'exit 3'
test $? -eq 3 || failed="$failed exit-3-in-sh-c"
sh -c 'echo |' 2>/dev/null
test $? -eq 2 || failed="$failed syntax-error-2"
false && failed="$failed and-if"
true || failed="$failed or-if"
false || true && v=ok
test "$v" = ok || failed="$failed and-or-chain"

# Pipelines: the text must reach the last command.
echo 'exit 7' | sh
test $? -eq 7 || failed="$failed pipe"
echo 'exit 8' | cat | cat | sh
test $? -eq 8 || failed="$failed pipeline-of-4"
false | true
test $? -eq 0 || failed="$failed pipeline-status-is-last"

# Redirections.
echo hidden > /dev/null
test $? -eq 0 || failed="$failed to-dev-null"
echo hidden >> /dev/null
test $? -eq 0 || failed="$failed append-dev-null"
echo x 2>/dev/null > /ktest/new-file
test $? -eq 1 || failed="$failed read-only-fs"
echo 'exit 9' > /dev/null | sh
test $? -eq 0 || failed="$failed redirect-before-pipe"
cat < /ktest/motd | sh 2>/dev/null
test $? -eq 127 || failed="$failed input-redirect"
no-such-command 2>&1 | sh 2>/dev/null
test $? -eq 127 || failed="$failed stderr-to-pipe"

# Variables and the environment of commands.
NOTEXP=1
sh -c 'test -z "$NOTEXP"' || failed="$failed unexported"
export EXP=42
sh -c 'exit $EXP'
test $? -eq 42 || failed="$failed export"
ONE=5 sh -c 'exit $ONE'
test $? -eq 5 || failed="$failed prefix-assignment"
test -z "$ONE" || failed="$failed prefix-assignment-stays"

# sysctl and vmstat (user/bin): the kernel's values by name.
sysctl kern.ostype > /dev/null || failed="$failed sysctl-name"
sysctl -n vm.stats.vm.v_wire_count > /dev/null || failed="$failed sysctl-n"
sysctl no.such.name 2>/dev/null && failed="$failed sysctl-unknown"
sysctl -a > /dev/null || failed="$failed sysctl-a"
sysctl debug.inject.wire_delay_ms=0 > /dev/null || failed="$failed sysctl-set"
sysctl kern.ostype=1 2>/dev/null && failed="$failed sysctl-set-read-only"
sysctl debug.inject.pid=x 2>/dev/null && failed="$failed sysctl-set-not-a-number"
# Setting (as root): the same value back, so nothing changes.
sysctl debug.debugger_on_panic=-1 > /dev/null || failed="$failed sysctl-set"
sysctl kern.hz=1 2>/dev/null && failed="$failed sysctl-set-readonly"
sysctl debug.debugger_on_panic=x 2>/dev/null && failed="$failed sysctl-set-nonnumber"
vmstat > /dev/null || failed="$failed vmstat"
ps > /dev/null || failed="$failed ps"
procstat -v $$ > /dev/null || failed="$failed procstat-v"
procstat -v 99999 2>/dev/null && failed="$failed procstat-no-such-pid"

# kill and sleep (user/bin).
sleep 0.1 || failed="$failed sleep-fraction"
sleep 0 || failed="$failed sleep-0"
sleep x 2>/dev/null && failed="$failed sleep-bad-argument"
kill -0 $$ || failed="$failed kill-0-self"
sh -c 'kill $$; exit 0'
test $? -eq 143 || failed="$failed kill-default-TERM"
sh -c 'kill -s KILL $$; exit 0'
test $? -eq 137 || failed="$failed kill-s-KILL"
sh -c 'kill -usr1 $$; exit 0'
test $? -eq 158 || failed="$failed kill-lowercase-name"
sh -c 'kill -SIGINT $$; exit 0'
test $? -eq 130 || failed="$failed kill-SIG-prefix"
kill -NOSUCH $$ 2>/dev/null
test $? -eq 2 || failed="$failed kill-unknown-signal"
kill -0 999999 2>/dev/null && failed="$failed kill-no-such-process"
kill 2>/dev/null
test $? -eq 2 || failed="$failed kill-usage"
kill -l > /dev/null || failed="$failed kill-l"
kill -l 143 > /dev/null || failed="$failed kill-l-status"
kill -l 99 2>/dev/null && failed="$failed kill-l-unknown"

# Builtins.
pwd > /dev/null || failed="$failed pwd"
cd / || failed="$failed cd-root"
cd /ktest || failed="$failed cd-elsewhere"
test -f motd || failed="$failed cd-relative-path"
sh -c 'test -f motd' || failed="$failed cd-inherited"
test "$PWD" = /ktest || failed="$failed cd-sets-PWD"
cd /ktest/motd 2>/dev/null && failed="$failed cd-not-a-directory"
cd || failed="$failed cd-home"
test -f ktest/motd || failed="$failed cd-home-is-root"

# su (user/bin): root only, no passwords.
su student -c 'exit 5'
test $? -eq 5 || failed="$failed su-status"
su -c 'test "$USER" = student && test "$HOME" = /' student || failed="$failed su-environment"
su student -c 'su -c true' 2>/dev/null && failed="$failed su-by-non-root"
su nosuchuser -c true 2>/dev/null && failed="$failed su-unknown-user"
sh -c 'exit' || failed="$failed exit-status-of-last"
true &
test -n "$!" || failed="$failed background"
# Leave no child behind: an orphan would stay a zombie of the kernel's.
wait || failed="$failed wait"

test -z "$failed" && exit 0
echo "sh_test: failed:$failed" >&2
exit 1
