# Sourced by the tray tests: a private X server (Xvfb, display number chosen by
# the server itself), trayer as the system tray, a private D-Bus session, and a
# trap that ends all of it. Needs: Xvfb trayer dbus-launch xwininfo xdotool.
set -euo pipefail

work=$(mktemp -d "${TMPDIR:-/tmp}/lockwatch-traytest.XXXXXX")
chmod 700 "$work"
pids=()
cleanup() {
    local pid
    for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill "${pids[i]}" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
# wait_for SECONDS COMMAND...: retries COMMAND until it succeeds or time runs out.
wait_for() {
    local deadline=$((SECONDS + $1)); shift
    until "$@" >/dev/null 2>&1; do
        ((SECONDS < deadline)) || return 1
        sleep 0.1
    done
}

for tool in Xvfb trayer dbus-launch xwininfo xdotool; do
    command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
done
binary=${LOCKWATCH_BINARY:?LOCKWATCH_BINARY must point at the lockwatch binary}

export HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state" \
    XDG_RUNTIME_DIR="$work/runtime" XDG_CACHE_HOME="$work/cache"
mkdir -p -m 700 "$HOME" "$XDG_CONFIG_HOME" "$XDG_STATE_HOME" "$XDG_RUNTIME_DIR" "$XDG_CACHE_HOME"
unset WAYLAND_DISPLAY QT_QPA_PLATFORM SESSION_MANAGER

Xvfb -displayfd 3 -screen 0 "${XSESSION_SCREEN:-640x480x24}" -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
pids+=("$!")
wait_for 10 test -s "$work/display" || fail "Xvfb did not start"
export DISPLAY=":$(head -n1 "$work/display")"

eval "$(dbus-launch --sh-syntax)"
pids+=("$DBUS_SESSION_BUS_PID")

start_trayer() {
    trayer --edge top --align right --widthtype request --height 32 --transparent false \
        --tint 0xffffff --SetDockType false >"$work/trayer.log" 2>&1 &
    pids+=("$!")
    wait_for 10 xdotool search --classname panel || fail "trayer did not start"
}
