#!/usr/bin/env bash
# Supervision as the user sees it, through a real notification server: dunst on a
# private D-Bus session under Xvfb, dbus-monitor recording, the real tray as the
# supervisor (no agent runs).
# - A supervised program killed with SIGKILL: one notification naming it, saying
#   "signal 9" and quoting the last lines of its log; then it is restarted.
# - A program that always exits 1: after its restarts are given up, a critical
#   notification (urgency 2) with a Retry button. Retry is clicked through dunst
#   itself (its context menu, answered by a stand-in for dmenu): the tray starts the
#   program again, recorded as the tray's start.
source "$(dirname "$0")/xsession.sh"
for tool in dunst dunstctl dbus-monitor; do
    command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
done
export LANG=C.UTF-8 LC_ALL=C.UTF-8

start_trayer
# dunst's context menu hands its entries to "dmenu" and invokes the one printed
# back: this one keeps the menu and picks the Retry button.
cat >"$work/pick-retry" <<EOF
#!/bin/sh
tee "$work/menu.txt" | grep -m1 'Retry'
EOF
chmod +x "$work/pick-retry"
start_notification_server "dmenu = \"$work/pick-retry\""

# The configuration's section for a supervised program NAME: `sh -c` writes its PID
# into its lockfile $work/NAME.pid, then runs SCRIPT; restarted after a crash in
# DELAY seconds. Further arguments are further lines of the section.
supervised() {
    local name=$1 delay=$2 script=$3
    shift 3
    cat <<EOF
[$name]
lockfile=$work/$name.pid
program=/bin/sh
arguments=-c, "echo \$\$ > '$work/$name.pid'; $script"
restart=on-crash
restart-delay=$delay
EOF
    [[ $# == 0 ]] || printf '%s\n' "$@"
}
config="$work/lockwatch.conf"
{
    supervised crashy 0.5 "echo 'connecting to the exchange'; echo 'order book synced by' \$\$; exec sleep $seconds"
    echo
    supervised doomed 0.1 "echo 'no route to host'; sleep 0.2; exit 1" max-restarts=1
} >"$config"
chmod 600 "$config"
lw() { "$binary" --config "$config" "$@"; }
# How often EVENT (by BY, if given) is in NAME's history.
count() {
    lw history "$1" --json | grep "\"event\":\"$2\"" | grep -c "${3:+\"by\":\"$3\"}" || true
}
# count_is NAME EVENT BY N (BY may be "")
count_is() { [[ $(count "$1" "$2" "$3") == "$4" ]]; }
# Whether one Notify call (with its arguments) mentions every given text.
notifies() {
    awk -v texts="$(printf '%s\n' "$@")" '
        function check(   n, t, i) {
            if (call == "") return
            n = split(texts, t, "\n")
            for (i = 1; i <= n; i++) if (t[i] != "" && index(call, t[i]) == 0) return
            found = 1
        }
        /^(method call|method return|signal|error) time=/ { check(); call = ($0 ~ /member=Notify/) ? $0 "\n" : ""; next }
        call != "" { call = call $0 "\n" }
        END { check(); exit !found }' "$work/monitor.log"
}
supervisor_is_tray() { grep -q " tray$" "$XDG_STATE_HOME/lockwatch/supervisor.lock"; }

lw >"$work/tray.log" 2>&1 &
pids+=("$!")
wait_for 15 test -S "$XDG_RUNTIME_DIR/lockwatch.socket" || { cat "$work/tray.log"; fail "tray not listening"; }
wait_for 15 supervisor_is_tray || fail "the tray did not become the supervisor"

# --- a crash: told with its signal and its last log lines, then restarted -----------
# Started through the command line, the program is not the tray's child: its first
# end has no status. The restart is the tray's child: its end is "signal 9".
lw start crashy >/dev/null || fail "start crashy failed"
first=$(cat "$work/crashy.pid")
kill -0 "$first" || fail "crashy does not run"
kill -9 "$first"
wait_for 20 notifies 'crashy' 'exit status unknown' 'LockWatch restarts it in 0.5 s' 'order book synced' \
    || { cat "$work/monitor.log" "$work/tray.log"; fail "no notification of the first crash"; }
wait_for 20 count_is crashy started restart 1 || fail "crashy was not restarted"
wait_for 10 lw status crashy
second=$(cat "$work/crashy.pid")
[[ $second != "$first" ]] && kill -0 "$second" || fail "the restarted crashy does not hold its lock"
kill -9 "$second"
wait_for 20 notifies 'crashy' "PID $second ended: signal 9" "order book synced by $second" \
    || { cat "$work/monitor.log" "$work/tray.log"; fail "no notification of the crash with signal 9 and the log's last lines"; }
wait_for 20 count_is crashy started restart 2 || fail "crashy was not restarted twice"
wait_for 10 lw status crashy
pids+=("$(cat "$work/crashy.pid")") # the restarted program ends with the test
# Started through the command line and restarted: never "started outside LockWatch".
count_is crashy started other 0 || fail "a start through LockWatch was recorded as someone else's"
# One notification per crash: the lock each left is the restart's to remove.
notes=$(grep -c 'member=Notify' "$work/monitor.log")
[[ $notes == 2 ]] || { cat "$work/monitor.log"; fail "two crashes, $notes notifications"; }

# --- restarts given up: critical, with Retry; Retry clicked through dunst ------------
lw start doomed >/dev/null || true # it may exit before its start is confirmed
wait_for 30 count_is doomed restart-given-up "" 1 || fail "doomed's restarts were not given up"
set +e
status=$(lw status doomed --json)
code=$?
set -e
[[ $code == 1 && $status == *'"state":"failed"'* && $status == *'"reason":"restart-limit"'* ]] \
    || fail "doomed is not failed (exit $code): $status"
wait_for 20 notifies 'doomed' 'string "retry"' 'string "Retry"' 'string "urgency"' 'byte 2' || { cat "$work/monitor.log"; fail "no critical notification with Retry for doomed"; }
starts=$(count doomed started tray)
dunstctl context || fail "dunstctl context failed"
wait_for 10 grep -q 'Retry' "$work/menu.txt" \
    || fail "dunst's menu has no Retry: $(cat "$work/menu.txt" "$work/dunst.log")"
wait_for 20 count_is doomed started tray "$((starts + 1))" \
    || { cat "$work/menu.txt" "$work/tray.log"; fail "Retry did not start doomed again"; }
lw stop crashy >/dev/null || fail "stop crashy failed"
echo "PASS"
