#!/usr/bin/env bash
# Installs what is missing, builds, and starts the LockWatch tray on the bundled demo
# configuration: one running instance (started through `lockwatch run`), one stale
# lock (a .scheduler.lock holding the bare PID of a process that is gone) and one stopped.
# Without a display it starts its own: Xvfb, trayer as the system tray, a D-Bus
# session with dunst for notifications.
set -euo pipefail
cd "$(dirname "$0")"

installer/deps.sh run
if [[ -n "${LOCKWATCH_DEMO_BINARY:-}" ]]; then
    lockwatch=$LOCKWATCH_DEMO_BINARY # an executable built elsewhere (the demo's own test)
else
    # Only what the demo needs: the lockwatch executable, in its own build directory
    # with the tests and benchmarks switched off.
    cmake -S . -B build-run -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DLOCKWATCH_BUILD_TESTS=OFF -DLOCKWATCH_BUILD_BENCHMARKS=OFF >/dev/null
    cmake --build build-run -j"$(nproc)" --target lockwatch
    lockwatch="$PWD/build-run/app/lockwatch"
fi

demo=$(mktemp -d "${TMPDIR:-/tmp}/lockwatch-demo.XXXXXX")
chmod 700 "$demo"
helpers=()
cleanup() {
    local pid name
    # Whatever the demo started (also from the tray's menu) ends with it.
    for name in demo-worker nightly-report; do
        "$lockwatch" --config "$demo/lockwatch.conf" stop "$name" >/dev/null 2>&1 || true
    done
    for pid in "${helpers[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${helpers[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$demo"
}
trap cleanup EXIT

sed -e "s|@DEMO_DIR@|$demo|g" -e "s|@LOCKWATCH@|$lockwatch|g" \
    resources/demo/lockwatch.conf.in > "$demo/lockwatch.conf"
chmod 600 "$demo/lockwatch.conf"
# Keep the demo's logs, journal and socket out of the user's own.
export XDG_STATE_HOME="$demo/state" XDG_RUNTIME_DIR="$demo/runtime"
mkdir -p -m 700 "$XDG_STATE_HOME" "$XDG_RUNTIME_DIR"

# A stale lock: the PID of a process that has just exited.
dead=$(sh -c 'echo $$')
echo "$dead" > "$demo/.scheduler.lock"

if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
    # -noreset: a client connecting while the server resets (after its last
    # client left) is refused.
    Xvfb -displayfd 3 -nopn -noreset -screen 0 1280x800x24 -nolisten tcp 3>"$demo/display" 2>/dev/null &
    helpers+=("$!")
    for _ in $(seq 100); do [[ -s "$demo/display" ]] && break; sleep 0.1; done
    export DISPLAY=":$(head -n1 "$demo/display")"
    trayer --edge top --align right --widthtype request --height 28 --transparent false \
        --tint 0x303030 --SetDockType true >/dev/null 2>&1 &
    helpers+=("$!")
    eval "$(dbus-launch --sh-syntax)"; helpers+=("$DBUS_SESSION_BUS_PID")
    if command -v dunst >/dev/null; then dunst >/dev/null 2>&1 & helpers+=("$!"); fi
    echo "No display found: started Xvfb on $DISPLAY with trayer as the system tray and dunst"
    echo "for notifications. To see it, take a screenshot from another terminal:"
    echo "    DISPLAY=$DISPLAY import -window root shot.png"
    echo "or click the tray icon (top right):  DISPLAY=$DISPLAY xdotool mousemove 1268 14 click 3"
fi

"$lockwatch" --config "$demo/lockwatch.conf" start demo-worker
echo "Demo configuration: $demo/lockwatch.conf (press Ctrl+C to end the demo)"
"$lockwatch" --config "$demo/lockwatch.conf" status || true
"$lockwatch" --config "$demo/lockwatch.conf"
