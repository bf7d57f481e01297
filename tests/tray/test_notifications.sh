#!/usr/bin/env bash
# A real notification server: dunst on a private D-Bus session under
# Xvfb, dbus-monitor recording. A refused duplicate `lockwatch run` on a held lock
# must reach the tray and come out as one Notify call naming the instance.
source "$(dirname "$0")/xsession.sh"
for tool in dunst dbus-monitor; do
    command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
done

start_trayer
start_notification_server

config="$work/lockwatch.conf"
printf '[nightly-job]\nlockfile=%s\n' "$work/job.lock" > "$config"
chmod 600 "$config"

# The holder: a real `lockwatch run` keeping the lock.
"$binary" run --lock "$work/job.lock" --name nightly-job -- sleep "$seconds" >"$work/holder.log" 2>&1 &
pids+=("$!")
wait_for 10 "$binary" --config "$config" status || fail "the holder did not take the lock"

"$binary" --config "$config" >"$work/tray.log" 2>&1 &
pids+=("$!")
wait_for 15 test -S "$XDG_RUNTIME_DIR/lockwatch.socket" || { cat "$work/tray.log"; fail "tray not listening"; }

set +e
"$binary" run --lock "$work/job.lock" --name nightly-job -- sleep 1 >"$work/second.log" 2>&1
code=$?
set -e
[[ $code == 75 ]] || fail "the duplicate run exited $code, expected 75 ($(cat "$work/second.log"))"

notified() { grep -A8 'member=Notify' "$work/monitor.log" | grep -q 'nightly-job'; }
wait_for 10 notified || { cat "$work/tray.log" "$work/monitor.log"; fail "no Notify call naming nightly-job"; }
count=$(grep -c 'member=Notify' "$work/monitor.log")
[[ $count == 1 ]] || fail "expected one notification, saw $count"
grep -A8 'member=Notify' "$work/monitor.log" | grep 'string "' | head -n5
echo "PASS"
