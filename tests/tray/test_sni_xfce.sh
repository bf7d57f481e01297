#!/usr/bin/env bash
# StatusNotifierItem in Xfce's panel (xfce4-panel under Xvfb, private D-Bus session):
# the item registers with the panel's watcher as "LockWatch", and its DBusMenu menu,
# read with gdbus as the panel reads it, is current before anyone opens it, follows
# a state change while open (ItemsPropertiesUpdated, seen on the bus), shows a
# submenu current on AboutToShow, and a "clicked" event runs the action.
source "$(dirname "$0")/xsession.sh"
source "$(dirname "$0")/xfcepanel.sh"
command -v dbus-monitor >/dev/null || { echo "SKIP: dbus-monitor is not installed"; exit 77; }
start_xfce_panel

sleep "$seconds" &
holder=$!
pids+=("$holder")
echo "$holder" >"$work/held.pid"
config="$work/lockwatch.conf"
printf '[held]\nlockfile=%s\nprogram=/bin/sleep\narguments=%s\n[idle]\nlockfile=%s\n' \
    "$work/held.pid" "$seconds" "$work/idle.pid" >"$config"
chmod 600 "$config"

"$binary" --config "$config" >"$work/tray.log" 2>&1 &
tray=$!
pids+=("$tray")
wait_for 20 item_registered "$tray" || { cat "$work/tray.log"; registered_items; fail "the item was not registered"; }
grep -q 'tray: .*StatusNotifier' "$work/tray.log" || fail "not shown as a StatusNotifierItem: $(cat "$work/tray.log")"
# has_property NAME TEXT: the item's property NAME contains TEXT.
has_property() {
    local value
    value=$(item_property "$tray" "$1") && [[ $value == *"$2"* ]] || fail "$1: $value"
}
has_property Id "'LockWatch'"
has_property Title "'LockWatch'"
has_property Status "'Active'"
has_property Menu "'/MenuBar'"
has_property ToolTip "held: running (PID $holder)"

# Before anyone opened it: every instance with its state and the right actions.
menu "$tray" 0 >"$work/menu0"
grep -q '^[0-9]*|held - running|true|true$' "$work/menu0" || fail "top level: $(cat "$work/menu0")"
grep -q '^[0-9]*|idle - stopped|true|true$' "$work/menu0" || fail "top level: $(cat "$work/menu0")"
grep -q '|No instances configured|false|false$' "$work/menu0" || fail "empty entry shown: $(cat "$work/menu0")"
held=$(menu_id "$tray" 0 'held - running')
menu "$tray" "$held" >"$work/menu1"
grep -q "^[0-9]*|running, PID $holder|false|true\$" "$work/menu1" || fail "held submenu: $(cat "$work/menu1")"
grep -q '^[0-9]*|S_top|true|true$' "$work/menu1" || fail "Stop not enabled: $(cat "$work/menu1")"
grep -q '^[0-9]*|_Clean up|false|true$' "$work/menu1" || fail "Clean up enabled: $(cat "$work/menu1")"
grep -q '^[0-9]*|Open _log|false|true$' "$work/menu1" || fail "Open log enabled: $(cat "$work/menu1")"

# Opened as the panel opens it, then the holder is killed: the host is told.
dbus-monitor --session "interface='com.canonical.dbusmenu',member='ItemsPropertiesUpdated'" \
    >"$work/monitor.log" 2>&1 &
pids+=("$!")
wait_for 10 grep -q NameAcquired "$work/monitor.log" || fail "dbus-monitor did not start"
menu_call "$tray" AboutToShow 0 >/dev/null
menu_call "$tray" Event 0 opened '<int32 0>' 0 >/dev/null
kill -9 "$holder"
wait "$holder" 2>/dev/null || true
told() { grep -q "held - stale" "$work/monitor.log"; }
wait_for 20 told || { cat "$work/monitor.log"; fail "no ItemsPropertiesUpdated saying held is stale"; }
menu_has "$tray" 0 "^$held\|held - stale\|true\|true\$" || fail "top level not current: $(menu "$tray" 0)"
# The unexpected stop was announced; the item stays Active, its icon showing the state.
has_property Status "'Active'"

# The submenu on AboutToShow: current, also in what moves without a state change
# (a log that appeared since).
mkdir -p "$XDG_STATE_HOME/lockwatch/logs"
: >"$XDG_STATE_HOME/lockwatch/logs/held.log"
menu_call "$tray" AboutToShow "$held" >"$work/abouttoshow"
grep -q true "$work/abouttoshow" || fail "AboutToShow did not ask for an update: $(cat "$work/abouttoshow")"
menu "$tray" "$held" >"$work/menu2"
grep -q "^[0-9]*|stale (holder is dead), PID $holder|false|true\$" "$work/menu2" || fail "held submenu: $(cat "$work/menu2")"
grep -q '^[0-9]*|S_top|false|true$' "$work/menu2" || fail "Stop still enabled: $(cat "$work/menu2")"
grep -q '^[0-9]*|_Clean up|true|true$' "$work/menu2" || fail "Clean up not enabled: $(cat "$work/menu2")"
grep -q '^[0-9]*|Open _log|true|true$' "$work/menu2" || fail "Open log not enabled: $(cat "$work/menu2")"

# "clicked" on Clean up: the stale lock goes, the instance is stopped.
clean=$(menu_id "$tray" "$held" '_Clean up')
menu_call "$tray" Event "$clean" clicked '<int32 0>' 0 >/dev/null
stopped() { "$binary" --config "$config" status held >/dev/null; [[ $? == 3 ]]; }
wait_for 20 stopped || fail "Clean up did not run: $("$binary" --config "$config" status held)"
[[ ! -e "$work/held.pid" ]] || fail "the lockfile is still there"
wait_for 20 menu_has "$tray" 0 "^$held\|held - stopped\|true\|true\$" || fail "menu not current: $(menu "$tray" 0)"
kill -0 "$tray" || fail "the tray is gone"
echo "PASS"
