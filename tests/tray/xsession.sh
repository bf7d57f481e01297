# Sourced by the tray tests: a private X server (Xvfb, display number chosen by
# the server itself), trayer as the system tray, a private D-Bus session, and a
# trap that ends all of it. Needs: Xvfb trayer dbus-launch xwininfo xdotool.
source "$(dirname "${BASH_SOURCE[0]}")/testenv.sh"

for tool in Xvfb trayer dbus-launch xwininfo xdotool; do
    command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
done
unset QT_QPA_PLATFORM

# -noreset: by default an X server resets when its last client disconnects
# (dbus-launch below, every xdotool poll), and a client that connects during the
# reset is refused: "could not connect to display". -nopn: take a display only
# when every listening socket on it could be bound.
Xvfb -displayfd 3 -nopn -noreset -screen 0 "${XSESSION_SCREEN:-640x480x24}" -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
pids+=("$!")
wait_for 10 test -s "$work/display" || { cat "$work/xvfb.log"; fail "Xvfb did not start"; }
export DISPLAY=":$(head -n1 "$work/display")"

eval "$(dbus-launch --sh-syntax)"
pids+=("$DBUS_SESSION_BUS_PID")

start_trayer() {
    trayer --edge top --align right --widthtype request --height 32 --transparent false \
        --tint 0xffffff --SetDockType false >"$work/trayer.log" 2>&1 &
    pids+=("$!")
    wait_for 10 xdotool search --classname panel \
        || { cat "$work/trayer.log" "$work/xvfb.log"; fail "trayer did not start"; }
}

# start_notification_server [SETTING...]: dunst as the session's notification server
# (each SETTING an extra line of its [global] section), and dbus-monitor recording
# every call to it in $work/monitor.log. Needs: dunst dbus-monitor.
start_notification_server() {
    local setting
    {
        printf '[global]\n    monitor = 0\n    follow = none\n'
        for setting in "$@"; do printf '    %s\n' "$setting"; done
    } >"$work/dunstrc"
    dunst -config "$work/dunstrc" >"$work/dunst.log" 2>&1 &
    pids+=("$!")
    wait_for 10 dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.GetNameOwner string:org.freedesktop.Notifications \
        || fail "dunst did not take org.freedesktop.Notifications"
    dbus-monitor --session "interface='org.freedesktop.Notifications'" >"$work/monitor.log" 2>&1 &
    pids+=("$!")
    wait_for 5 test -s "$work/monitor.log" || fail "dbus-monitor did not start"
}
