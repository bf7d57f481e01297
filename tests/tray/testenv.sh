# Sourced by the tray tests: a private work directory with private HOME and XDG
# directories, a list of started PIDs that a trap ends (newest first), and the
# helpers fail and wait_for. KEEP=1 leaves the work directory for inspection.
set -euo pipefail

work=$(mktemp -d "${TMPDIR:-/tmp}/lockwatch-traytest.XXXXXX")
chmod 700 "$work"
pids=()
cleanup() {
    local pid
    for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill "${pids[i]}" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    [[ -n ${KEEP:-} ]] || rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
# A duration for `sleep` that no other test's process uses: LockWatch counts every
# process running an instance's program with the same arguments as a copy of it.
seconds=300.$$
# wait_for SECONDS COMMAND...: retries COMMAND until it succeeds or time runs out.
wait_for() {
    local deadline=$((SECONDS + $1)); shift
    until "$@" >/dev/null 2>&1; do
        ((SECONDS < deadline)) || return 1
        sleep 0.1
    done
}

binary=${LOCKWATCH_BINARY:?LOCKWATCH_BINARY must point at the lockwatch binary}
export HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state" \
    XDG_RUNTIME_DIR="$work/runtime" XDG_CACHE_HOME="$work/cache"
mkdir -p -m 700 "$HOME" "$XDG_CONFIG_HOME" "$XDG_STATE_HOME" "$XDG_RUNTIME_DIR" "$XDG_CACHE_HOME"
unset WAYLAND_DISPLAY SESSION_MANAGER
