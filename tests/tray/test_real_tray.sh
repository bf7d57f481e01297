#!/usr/bin/env bash
# A real system tray: Xvfb with trayer as the tray host. LockWatch docks
# its icon there; when the instance's holder is killed, the icon's pixels change;
# a second `lockwatch` raises the first one's status window and exits 0.
source "$(dirname "$0")/xsession.sh"
command -v import >/dev/null && command -v compare >/dev/null \
    || { echo "SKIP: imagemagick is not installed"; exit 77; }

start_trayer
panel=$(xdotool search --classname panel | head -n1)

# One instance, held by a real process with a pid-format lock.
sleep "$seconds" &
holder=$!
pids+=("$holder")
echo "$holder" > "$work/held.pid"
config="$work/lockwatch.conf"
printf '[held]\nlockfile=%s\n' "$work/held.pid" > "$config"
chmod 600 "$config"
[[ $("$binary" --config "$config" status >/dev/null; echo $?) == 0 ]] || fail "holder not running"

"$binary" --config "$config" >"$work/tray.log" 2>&1 &
tray=$!
pids+=("$tray")

# Docked: the icon window is a child of trayer's panel.
icon_line() { xwininfo -id "$panel" -tree | grep -i '"lockwatch"' | head -n1; }
wait_for 15 icon_line || { cat "$work/tray.log"; fail "the icon did not dock into the tray"; }
line=$(icon_line)
echo "docked: $line"
# "  0x200006 "LockWatch": ("lockwatch" "lockwatch")  22x30+0+0  +617+1"
read -r width height x y < <(sed -E 's/.* ([0-9]+)x([0-9]+)\+-?[0-9]+\+-?[0-9]+ +\+(-?[0-9]+)\+(-?[0-9]+).*/\1 \2 \3 \4/' <<<"$line")
[[ $width -gt 0 && $height -gt 0 ]] || fail "cannot read the icon geometry from: $line"
crop="${width}x${height}+${x}+${y}"

shot() { import -window root -crop "$crop" +repage "$1"; }
# Let the first paint land, then take the "running" picture.
wait_for 5 shot "$work/before.png"
sleep 0.5
shot "$work/before.png"

# SIGKILL the holder: its lock stays behind, the instance turns stale.
kill -9 "$holder"
wait "$holder" 2>/dev/null || true
wait_for 10 bash -c '"$0" --config "$1" status >/dev/null; [[ $? == 1 ]]' "$binary" "$config" \
    || fail "lockwatch status did not report stale"

changed() {
    shot "$work/after.png"
    local diff
    diff=$(compare -metric AE "$work/before.png" "$work/after.png" null: 2>&1 || true)
    echo "$diff" > "$work/diff"
    [[ ${diff%%.*} -gt 20 ]]
}
wait_for 10 changed || fail "the tray icon did not change (differing pixels: $(cat "$work/diff"))"
echo "icon changed: $(cat "$work/diff") of $((width * height)) pixels differ"

# A second launch: raises the first one's status window, exits 0 quickly.
timeout 10 "$binary" --config "$config" >"$work/second.log" 2>&1 \
    || fail "second launch exited with $? ($(cat "$work/second.log"))"
wait_for 10 xdotool search --onlyvisible --name '^Status$' \
    || fail "the status window was not raised"
kill -0 "$tray" || fail "the first tray is gone"
echo "PASS"
