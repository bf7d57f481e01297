#!/usr/bin/env bash
# A StatusNotifierItem host that starts after LockWatch (the autostart race), on
# X11: with no tray at all LockWatch shows its status window; Xfce's panel started
# 5 s later gets the item registered (the status window goes away), and it is a
# StatusNotifierItem, not an XEmbed icon. Prints how long after the watcher
# appeared the item was registered.
source "$(dirname "$0")/xsession.sh"
source "$(dirname "$0")/xfcepanel.sh"
command -v dbus-monitor >/dev/null || { echo "SKIP: dbus-monitor is not installed"; exit 77; }

config="$work/lockwatch.conf"
printf '[idle]\nlockfile=%s\n' "$work/idle.pid" >"$config"
chmod 600 "$config"
"$binary" --config "$config" >"$work/tray.log" 2>&1 &
tray=$!
pids+=("$tray")
started=$SECONDS
wait_for 20 xdotool search --onlyvisible --name '^Status$' \
    || { cat "$work/tray.log"; fail "no status window without a tray"; }

dbus-monitor --session "type='signal',member='NameOwnerChanged',arg0='org.kde.StatusNotifierWatcher'" \
    "type='method_call',member='RegisterStatusNotifierItem'" >"$work/monitor.log" 2>&1 &
pids+=("$!")
wait_for 10 grep -q NameAcquired "$work/monitor.log" || fail "dbus-monitor did not start"
while ((SECONDS - started < 5)); do sleep 0.2; done # the panel comes 5 s after LockWatch
start_xfce_panel
wait_for 20 item_registered "$tray" || { cat "$work/tray.log"; registered_items; fail "the item was not registered"; }
gone() { ! xdotool search --onlyvisible --name '^Status$' >/dev/null; }
wait_for 20 gone || fail "the status window stayed after the item was shown"
grep -q 'tray now: .*StatusNotifier' "$work/tray.log" || fail "not a StatusNotifierItem: $(cat "$work/tray.log")"

# The delay, from dbus-monitor's own timestamps: watcher owned -> our registration.
read -r appeared registered < <(awk '
    /member=NameOwnerChanged/ { t = $2; sub("time=", "", t); k = 0; next }
    /^ +string / { if (++k == 3 && $0 !~ /string ""/ && !a) a = t }
    /member=RegisterStatusNotifierItem/ { r = $3; sub("time=", "", r); if (a && !reg) reg = r }
    END { print a, reg }' "$work/monitor.log")
[[ -n $appeared && -n $registered ]] || { cat "$work/monitor.log"; fail "cannot time the registration"; }
echo "registered $(awk -v a="$appeared" -v r="$registered" 'BEGIN { printf "%.0f", (r - a) * 1000 }') ms after the watcher appeared"
echo "PASS"
