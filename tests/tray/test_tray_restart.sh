#!/usr/bin/env bash
# The tray killed with SIGKILL and started again, with the real
# binary (offscreen, private state and socket dirs): an attempt shown while the
# tray ran is marked seen in the duplicate-attempt journal, so it is not replayed;
# one recorded while no tray ran is shown (marked) at the next start. The restarted
# tray starts over the socket file the killed one left. What the tray shows and the
# states it rebuilds are checked in process by tst_traynotifier
# (restartedTrayRebuildsStateAndShowsTheJournalOnce).
source "$(dirname "$0")/testenv.sh"
export QT_QPA_PLATFORM=offscreen
unset DBUS_SESSION_BUS_ADDRESS DISPLAY
journal="$XDG_STATE_HOME/lockwatch/duplicate-attempts.jsonl"
seen() { cat "$journal.seen" 2>/dev/null || echo 0; }
seen_is() { [[ $(seen) == "$1" ]]; }
entries() { grep -c '"seq"' "$journal" 2>/dev/null || echo 0; }

sleep "$seconds" & holder=$!; pids+=("$holder")
echo "$holder" >"$work/app.pid"
true & dead=$!; wait "$dead" # a PID that no longer runs
echo "$dead" >"$work/gone.pid"
"$binary" add app --lock "$work/app.pid" >/dev/null
"$binary" add gone --lock "$work/gone.pid" >/dev/null

start_tray() {
    "$binary" >>"$work/tray.log" 2>&1 &
    tray=$!; pids+=("$tray")
    wait_for 15 test -S "$XDG_RUNTIME_DIR/lockwatch.socket" || { cat "$work/tray.log"; fail "no tray socket"; }
}

start_tray
"$binary" start app >/dev/null 2>&1 && fail "start of a running instance succeeded"
[[ $(entries) == 1 ]] || fail "the refused start was not journaled"
wait_for 10 seen_is 1 || fail "the attempt shown live was not marked seen ($(seen))"
kill -9 "$tray"; wait "$tray" 2>/dev/null || true

# No tray: the attempt can only go to the journal.
"$binary" start app >/dev/null 2>&1 && fail "start of a running instance succeeded"
[[ $(entries) == 2 && $(seen) == 1 ]] || fail "journal $(entries) entries, seen $(seen)"

start_tray # over the socket file the killed tray left behind
wait_for 10 seen_is 2 || fail "the attempt made with no tray was not shown at start"
status=$("$binary" status || true)
grep -Eq '^app +running' <<<"$status" || fail "app is not running after the restart: $status"
grep -Eq '^gone +stale' <<<"$status" || fail "gone is not stale after the restart: $status"
kill -9 "$tray"; wait "$tray" 2>/dev/null || true
echo "PASS"
