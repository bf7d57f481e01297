#!/usr/bin/env bash
# ./run.sh as a new user runs it, on a machine without a display: it starts its own
# X server, tray host and notification server, starts the demo worker and the tray;
# Ctrl+C (SIGINT to its process group) ends the demo and leaves nothing behind: no
# demo directory, no demo program running, no X server.
source "$(dirname "$0")/../tray/testenv.sh"
for tool in Xvfb trayer dbus-launch setsid; do
    command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
done
repo=$(cd "$(dirname "$0")/../.." && pwd)
unset DISPLAY QT_QPA_PLATFORM
export TMPDIR="$work/tmp"
mkdir -m 700 "$TMPDIR"

# Its own session and process group, as a terminal would give it; $! is run.sh's bash.
LOCKWATCH_DEMO_BINARY=$binary setsid bash "$repo/run.sh" >"$work/run.log" 2>&1 &
runner=$!
pids+=("$runner")
wait_for 60 grep -q '^Demo configuration: ' "$work/run.log" || { cat "$work/run.log"; fail "the demo did not start"; }
demo=$(sed -n 's|^Demo configuration: \(.*\)/lockwatch.conf .*|\1|p' "$work/run.log")
[[ -d $demo && $demo == "$TMPDIR"/lockwatch-demo.* ]] || fail "demo directory '$demo' not in TMPDIR"
# run.sh prints `lockwatch status` after that line.
wait_for 30 grep -Eq '^demo-worker +running' "$work/run.log" || { cat "$work/run.log"; fail "demo-worker is not running"; }
worker=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["pid"])' "$demo/demo-worker.lock")
xvfb=$(pgrep -s "$runner" -x Xvfb) || fail "run.sh started no X server"
# The tray is up when its socket exists.
wait_for 30 test -S "$demo/runtime/lockwatch.socket" || { cat "$work/run.log"; fail "the tray did not start"; }

kill -INT -- "-$runner"
wait_for 60 bash -c '! kill -0 "$0" 2>/dev/null' "$runner" || fail "run.sh did not end on SIGINT"

dead() { [[ ! -e /proc/$1 ]] || grep -q '^State:[[:space:]]*Z' "/proc/$1/status"; }
[[ ! -e $demo ]] || { ls -la "$demo"; fail "the demo directory was left behind"; }
wait_for 10 dead "$worker" || fail "the demo worker (PID $worker) still runs"
wait_for 10 dead "$xvfb" || fail "the demo's X server (PID $xvfb) still runs"
[[ -z $(ls -A "$TMPDIR") ]] || { ls -la "$TMPDIR"; fail "run.sh left files in TMPDIR"; }
echo "PASS"
