#!/usr/bin/env bash
# No system tray: LockWatch says so and shows its status window; when a
# tray appears later (trayer started afterwards), the icon docks into it and the
# window that stood in for it goes away.
source "$(dirname "$0")/xsession.sh"
config="$work/lockwatch.conf"
printf '[held]\nlockfile=%s\n' "$work/held.pid" > "$config"
chmod 600 "$config"
"$binary" --config "$config" >"$work/tray.log" 2>&1 &
pids+=("$!")
wait_for 15 xdotool search --onlyvisible --name '^Status$' \
    || { cat "$work/tray.log"; fail "no status window without a tray"; }
grep -q "no system tray" "$work/tray.log" || fail "the tray's absence was not reported"

start_trayer
panel=$(xdotool search --classname panel | head -n1)
wait_for 15 bash -c "xwininfo -id $panel -tree | grep -qi '\"lockwatch\"'" \
    || { cat "$work/tray.log"; fail "the icon did not move into the tray that appeared"; }
gone() { ! xdotool search --onlyvisible --name '^Status$' >/dev/null; }
wait_for 10 gone || fail "the status window stayed after moving into the tray"
echo "PASS"
