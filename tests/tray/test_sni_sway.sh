#!/usr/bin/env bash
# Wayland: sway (headless, pixman) with swaybar as the StatusNotifierItem host, and
# LockWatch on Qt's Wayland platform. swaybar starts after LockWatch (the autostart
# race): LockWatch shows its status window, then the item is registered and the
# window goes away. swaybar has no DBusMenu: ContextMenu (its right click) opens
# the menu as a window, Activate (left click) shows and hides the status window.
# A grim screenshot with the menu open is kept in $work (KEEP=1 keeps $work;
# SWAYBAR_BACKGROUND=#eeeeee for a light bar).
#
# sway refuses to run as root: as root, everything on the Wayland side (bus, sway,
# swaybar, LockWatch, grim) runs as "nobody" (setpriv), in a directory of its own.
source "$(dirname "$0")/testenv.sh"
for tool in sway swaybar swaymsg grim gdbus dbus-launch python3; do
    command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
done
unset DISPLAY DBUS_SESSION_BUS_ADDRESS

wl="$work/wayland"
mkdir -p "$wl/run" "$wl/home" "$wl/config" "$wl/state" "$wl/cache"
chmod 700 "$wl/run"
user=() # the command prefix that runs a command as that user (execs: same PID)
own() { :; }
if [[ $(id -u) == 0 ]]; then
    command -v setpriv >/dev/null || { echo "SKIP: setpriv is not installed"; exit 77; }
    chmod 711 "$work"
    user=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
    own() { chown -R nobody:nogroup "$@"; }
fi
as_user() { "${user[@]}" "$@"; }
export HOME="$wl/home" XDG_CONFIG_HOME="$wl/config" XDG_STATE_HOME="$wl/state" \
    XDG_CACHE_HOME="$wl/cache" XDG_RUNTIME_DIR="$wl/run" \
    WLR_BACKENDS=headless WLR_RENDERER=pixman WLR_LIBINPUT_NO_DEVICES=1

# swaybar waits on a FIFO until the test lets it start.
mkfifo "$wl/go"
printf '#!/bin/sh\nread -r _ <"%s"\nexec swaybar "$@"\n' "$wl/go" >"$wl/late-swaybar"
chmod 755 "$wl/late-swaybar"
printf '%s\n' 'xwayland disable' \
    'output HEADLESS-1 resolution 640x240 bg #dddddd solid_color' \
    'bar {' '    id bar-0' '    position top' '    height 30' \
    "    swaybar_command $wl/late-swaybar" \
    '    colors {' "        background ${SWAYBAR_BACKGROUND:-#202020}" '    }' \
    '    tray_output *' '    tray_padding 4' '}' >"$wl/sway.conf"
config="$wl/lockwatch.conf"
printf '[idle]\nlockfile=%s\nprogram=/bin/sleep\narguments=%s\n' "$wl/idle.pid" "$seconds" >"$config"
chmod 600 "$config"
own "$wl"

as_user dbus-launch --sh-syntax >"$work/bus.sh"
source "$work/bus.sh"
pids+=("$DBUS_SESSION_BUS_PID")
"${user[@]}" sway -c "$wl/sway.conf" >"$work/sway.log" 2>&1 &
pids+=("$!")
wait_for 30 test -S "$wl/run/wayland-1" || { cat "$work/sway.log"; fail "sway did not start"; }
export WAYLAND_DISPLAY=wayland-1
wait_for 10 compgen -G "$wl/run/sway-ipc.*.sock" || fail "no sway IPC socket"
SWAYSOCK=$(compgen -G "$wl/run/sway-ipc.*.sock" | head -n1)
export SWAYSOCK

# windows: "APP_ID TITLE tiled|floating", one line per window.
windows() {
    as_user swaymsg -t get_tree | python3 -c '
import json, sys
def walk(node, floating):
    for child in node.get("nodes", []):
        walk(child, floating)
    for child in node.get("floating_nodes", []):
        walk(child, True)
    if node.get("app_id"):
        print(node["app_id"], node.get("name"), "floating" if floating else "tiled")
walk(json.load(sys.stdin), False)'
}
has_window() {
    local all
    all=$(windows) && grep -Eq "$1" <<<"$all"
}

"${user[@]}" env QT_QPA_PLATFORM=wayland "$binary" --config "$config" >"$work/tray.log" 2>&1 &
tray=$!
pids+=("$tray")
wait_for 20 has_window ' Status ' || { cat "$work/tray.log"; windows; fail "no status window without a tray"; }

go=$(date +%s%N)
echo go >"$wl/go" # swaybar starts now
service="org.kde.StatusNotifierItem-$tray-1"
registered() {
    local items
    items=$(as_user gdbus call --session --dest org.kde.StatusNotifierWatcher \
        --object-path /StatusNotifierWatcher --method org.freedesktop.DBus.Properties.Get \
        org.kde.StatusNotifierWatcher RegisteredStatusNotifierItems) && [[ $items == *"$service"* ]]
}
wait_for 20 registered || { cat "$work/tray.log" "$work/sway.log"; fail "the item was not registered with swaybar"; }
echo "registered $((($(date +%s%N) - go) / 1000000)) ms after swaybar was let start (0.1 s polls)"
no_status() { ! has_window ' Status '; }
wait_for 20 no_status || { windows; fail "the status window stayed"; }
grep -q 'tray now: .*StatusNotifier' "$work/tray.log" || fail "not a StatusNotifierItem: $(cat "$work/tray.log")"

item() {
    as_user gdbus call --session --dest "$service" --object-path /StatusNotifierItem \
        --method "org.kde.StatusNotifierItem.$1" 600 15 >/dev/null
}
# Right click on swaybar: ContextMenu. The menu opens, floating.
item ContextMenu
wait_for 20 has_window '^io.github.lockwatch.LockWatch LockWatch floating$' \
    || { windows; cat "$work/tray.log"; fail "ContextMenu did not open the menu"; }
as_user grim "$wl/menu.png"
[[ -s "$wl/menu.png" ]] || fail "grim took no screenshot"
cp "$wl/menu.png" "$work/menu.png"
echo "screenshot: $work/menu.png"

# Left click: Activate shows the status window, and hides it again.
item Activate
wait_for 20 has_window ' Status ' || { windows; fail "Activate did not show the status window"; }
item Activate
wait_for 20 no_status || { windows; fail "Activate did not hide the status window"; }
kill -0 "$tray" || fail "the tray is gone"
echo "PASS"
