#!/usr/bin/env bash
# Not a test: screenshots of a real tray (Xvfb + trayer) with an instance running
# twice - a bot that takes over its lock, started by LockWatch, then once more by
# hand - in English, Czech and Italian: the open menu with the instance's submenu,
# and the status window. For the documentation and for looking at them.
#   LOCKWATCH_BINARY=build/app/lockwatch tests/tray/shot_copies.sh OUTPUT_DIR
# Writes OUTPUT_DIR/copies-{menu,status}-{en,cs,it}.png.
out=$(realpath -m "${1:?usage: shot_copies.sh OUTPUT_DIR}")
XSESSION_SCREEN=${XSESSION_SCREEN:-1280x720x24}
source "$(dirname "$0")/xsession.sh"
command -v import >/dev/null || { echo "SKIP: imagemagick is not installed"; exit 77; }
mkdir -p "$out"
start_trayer
panel=$(xdotool search --classname panel | head -n1)

# The bot takes over any lock older than BOT_MAX_AGE seconds, even a live one's.
cp "$(dirname "$0")/../support/copybot.py" "$work/bot.py"
lock="$work/binance.lock"
config="$work/lockwatch.conf"
sleep "$seconds" &
pids+=("$!")
echo "$!" > "$work/scheduler.lock"
cat > "$config" <<CONF
[binance]
lockfile=$lock
program=/usr/bin/python3
arguments=$work/bot.py, $lock
environment=BOT_MAX_AGE=0
workdir=$work

[scheduler]
lockfile=$work/scheduler.lock

[reports]
lockfile=$work/reports.lock
CONF
chmod 600 "$config"

"$binary" --config "$config" start binance || fail "start failed"
first=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["pid"])' "$lock")
pids+=("$first")
sleep 1
(cd "$work" && BOT_MAX_AGE=0 exec /usr/bin/python3 bot.py "$lock" >"$work/second.log" 2>&1) &
pids+=("$!")
twice() { "$binary" --config "$config" status --json binance | grep -q duplicate-running; }
wait_for 20 twice || fail "not running twice"
"$binary" --config "$config" status || true # 3: one is stopped

icon_line() { xwininfo -id "$panel" -tree | grep -i '"lockwatch"' | head -n1; }
for lang in en cs it; do
    LANGUAGE=$lang "$binary" --config "$config" >"$work/tray-$lang.log" 2>&1 &
    tray=$!
    pids+=("$tray")
    wait_for 15 icon_line || { cat "$work/tray-$lang.log"; fail "the icon did not dock"; }
    read -r width height x y < <(icon_line | sed -E 's/.* ([0-9]+)x([0-9]+)\+-?[0-9]+\+-?[0-9]+ +\+(-?[0-9]+)\+(-?[0-9]+).*/\1 \2 \3 \4/')
    sleep 1
    # The menu, with the instance's submenu open (the first entry).
    xdotool mousemove $((x + width / 2)) $((y + height / 2)) click 3
    wait_for 10 xdotool search --onlyvisible --class lockwatch
    sleep 0.5
    xdotool key Down Right
    sleep 0.8
    import -window root "$out/copies-menu-$lang.png"
    xdotool key Escape Escape Escape
    sleep 0.5
    # The status window: a second launch raises it.
    LANGUAGE=$lang timeout 10 "$binary" --config "$config" >/dev/null 2>&1 || true
    wait_for 10 xdotool search --onlyvisible --name 'LockWatch|Status|Stav|Stato'
    window=$(xdotool search --onlyvisible --name 'LockWatch|Status|Stav|Stato' | tail -n1)
    xdotool windowmove "$window" 10 40 windowactivate "$window" 2>/dev/null || true
    sleep 1
    import -window root "$out/copies-status-$lang.png"
    kill "$tray"
    wait "$tray" 2>/dev/null || true
    wait_for 10 bash -c '! xwininfo -id "$0" -tree | grep -qi "\"lockwatch\""' "$panel"
done
"$binary" --config "$config" stop binance
echo "written: $out/copies-{menu,status}-{en,cs,it}.png"
