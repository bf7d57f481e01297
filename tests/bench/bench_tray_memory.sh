#!/usr/bin/env bash
# Memory: resident memory (VmRSS) of the LockWatch tray watching 1,000
# instances (400 running, 300 stale, 300 stopped) vs bench_tray_bare, both docked
# in the same real tray (Xvfb + trayer). Target: ratio <= 1.3.
#   tests/bench/bench_tray_memory.sh BUILD_DIR      (e.g. build)
set -euo pipefail
build=$(cd "${1:-build}" && pwd)
export LOCKWATCH_BINARY="$build/app/lockwatch"
source "$(dirname "$0")/../tray/xsession.sh"
start_trayer
count=${COUNT:-1000}

sleep 600 &
holder=$!
pids+=("$holder")
dead=$(sh -c 'echo $$')
mkdir -p "$work/locks"
config="$work/lockwatch.conf"
for ((i = 0; i < count; i++)); do
    lock="$work/locks/instance-$i.pid"
    if ((i % 10 < 4)); then echo "$holder" > "$lock"
    elif ((i % 10 < 7)); then echo "$dead" > "$lock"; fi
    printf '[instance-%04d]\nlockfile=%s\nprogram=/bin/sleep\narguments=600\n' "$i" "$lock"
done > "$config"
chmod 600 "$config"

rss() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }
# Starts a tray program, waits until it is docked and settled, prints its VmRSS (kB).
measure() {
    "$@" >"$work/out.log" 2>&1 &
    local pid=$!
    pids+=("$pid")
    local panel
    panel=$(xdotool search --classname panel | head -n1)
    wait_for 30 bash -c "xwininfo -id $panel -tree | grep -q ' [1-9][0-9]*x[1-9]'" || true
    sleep 3
    local kb
    kb=$(rss "$pid")
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    echo "$kb"
}

bare=$(measure "$build/tests/bench/bench_tray_bare")
tray=$(measure "$LOCKWATCH_BINARY" --config "$config")
echo "bare QSystemTrayIcon program: VmRSS ${bare} kB"
echo "lockwatch tray, $count instances: VmRSS ${tray} kB"
awk -v a="$tray" -v b="$bare" 'BEGIN { printf "ratio: %.2f (target <= 1.30)\n", a / b }'
