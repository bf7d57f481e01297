#!/usr/bin/env bash
# Not a test: screenshots of a real tray (Xvfb + trayer) on node "laptop" of a
# cluster with a real etcd (auth on, loopback ports of its own): node "ec2" whose agent
# runs (a bot running, a report stopped) and node "backup" whose agent was SIGKILLed
# (unreachable once its lease ran out). In English, Czech and Italian: the open menu
# with ec2's submenu and its bot's actions, the menu with backup's submenu, and the
# status window with every node. For the documentation and for looking.
#   LOCKWATCH_BINARY=build/app/lockwatch tests/tray/shot_cluster.sh OUTPUT_DIR
# Writes OUTPUT_DIR/cluster-{menu-ec2,menu-backup,status}-{en,cs,it}.png.
out=$(realpath -m "${1:?usage: shot_cluster.sh OUTPUT_DIR}")
XSESSION_SCREEN=${XSESSION_SCREEN:-1280x720x24}
source "$(dirname "$0")/xsession.sh"
command -v import >/dev/null || { echo "SKIP: imagemagick is not installed"; exit 77; }
command -v etcd >/dev/null || { echo "SKIP: etcd is not installed"; exit 77; }
mkdir -p "$out"

port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
client=$(port) peer=$(port)
endpoint="http://127.0.0.1:$client"
etcd --name shot --data-dir "$work/etcd" --listen-client-urls "$endpoint" \
    --advertise-client-urls "$endpoint" --listen-peer-urls "http://127.0.0.1:$peer" \
    --initial-advertise-peer-urls "http://127.0.0.1:$peer" \
    --initial-cluster "shot=http://127.0.0.1:$peer" >"$work/etcd.log" 2>&1 &
pids+=("$!")
ctl() { ETCDCTL_API=3 etcdctl --endpoints="$endpoint" --dial-timeout=5s "$@" >/dev/null; }
wait_for 30 ctl endpoint health || fail "etcd did not start"
ctl user add root:root-secret
ctl user grant-role root root
ctl auth enable
ctl --user=root:root-secret role add lockwatch
ctl --user=root:root-secret role grant-permission lockwatch --prefix=true readwrite /lockwatch/

# node NAME [TTL]: its user, password file, XDG directories and [cluster] section.
node() {
    local name=$1 dir="$work/$1"
    mkdir -p "$dir/config/lockwatch" "$dir/state" "$dir/runtime"
    chmod 700 "$dir" "$dir/state" "$dir/runtime"
    ctl --user=root:root-secret user add "$name:pw-$name"
    ctl --user=root:root-secret user grant-role "$name" lockwatch
    install -m 600 /dev/null "$dir/password" && echo "pw-$name" >"$dir/password"
    cat >"$dir/config/lockwatch/lockwatch.conf" <<CONF
[cluster]
etcd=$endpoint
user=$name
password-file=$dir/password
node=$name
ttl=${2:-3}
CONF
    chmod 600 "$dir/config/lockwatch/lockwatch.conf"
}
# as_node NAME COMMAND...: in the node's environment.
as_node() {
    local dir="$work/$1"
    shift
    env XDG_CONFIG_HOME="$dir/config" XDG_STATE_HOME="$dir/state" XDG_RUNTIME_DIR="$dir/runtime" "$@"
}
instance() { # instance NODE NAME: a program that writes its PID into its lockfile
    cat >>"$work/$1/config/lockwatch/lockwatch.conf" <<CONF

[$2]
lockfile=$work/$1/$2.pid
program=/bin/sh
arguments=-c, "echo \$\$ > \$0; exec sleep $seconds", $work/$1/$2.pid
CONF
}
node laptop
node ec2
node backup
instance laptop scheduler
instance ec2 binance
instance ec2 reports
instance backup binance

as_node ec2 "$binary" agent >"$work/ec2-agent.log" 2>&1 &
pids+=("$!")
env XDG_CONFIG_HOME="$work/backup/config" XDG_STATE_HOME="$work/backup/state" \
    XDG_RUNTIME_DIR="$work/backup/runtime" "$binary" agent >"$work/backup-agent.log" 2>&1 &
backup=$! # env execs the agent: its PID
pids+=("$backup")
wait_for 20 grep -q "Publishing to etcd as node ec2" "$work/ec2-agent.log" || fail "ec2 did not publish"
wait_for 20 grep -q "Publishing to etcd as node backup" "$work/backup-agent.log" || fail "backup did not publish"
as_node laptop "$binary" start ec2/binance || fail "remote start failed"
as_node laptop "$binary" start scheduler || fail "local start failed"
pids+=("$(cat "$work/ec2/binance.pid")" "$(cat "$work/laptop/scheduler.pid")")
kill -KILL "$backup"
unreachable() { { as_node laptop "$binary" status --cluster 2>&1 || true; } | grep backup | grep -q unreachable; }
wait_for 20 unreachable || { as_node laptop "$binary" status --cluster; fail "backup did not become unreachable"; }
as_node laptop "$binary" status --cluster || true

start_trayer
panel=$(xdotool search --classname panel | head -n1)
icon_line() { xwininfo -id "$panel" -tree | grep -i '"lockwatch"' | head -n1; }
# shot NAME KEYS...: open the menu, walk it with the keys, take the screen.
shot() {
    local name=$1
    shift
    xdotool mousemove $((x + width / 2)) $((y + height / 2)) click 3
    wait_for 10 xdotool search --onlyvisible --class lockwatch
    sleep 0.5
    for key in "$@"; do
        xdotool key "$key"
        sleep 0.4
    done
    sleep 0.5
    import -window root "$out/cluster-menu-$name.png"
    xdotool key Escape Escape Escape Escape
    sleep 0.5
}
for lang in en cs it; do
    # env execs the tray: $! is its PID.
    LANGUAGE=$lang env XDG_CONFIG_HOME="$work/laptop/config" XDG_STATE_HOME="$work/laptop/state" \
        XDG_RUNTIME_DIR="$work/laptop/runtime" "$binary" >"$work/tray-$lang.log" 2>&1 &
    tray=$!
    pids+=("$tray")
    wait_for 15 icon_line || { cat "$work/tray-$lang.log"; fail "the icon did not dock"; }
    read -r width height x y < <(icon_line | sed -E 's/.* ([0-9]+)x([0-9]+)\+-?[0-9]+\+-?[0-9]+ +\+(-?[0-9]+)\+(-?[0-9]+).*/\1 \2 \3 \4/')
    sleep 2
    # The menu: This node (laptop) / scheduler / Other nodes / backup / ec2 ...
    shot "ec2-$lang" Down Down Down Right Down Right
    shot "backup-$lang" Down Down Right Down Right
    # The status window (a second launch raises it), ec2's bot selected.
    LANGUAGE=$lang as_node laptop timeout 10 "$binary" >/dev/null 2>&1 || true
    wait_for 10 xdotool search --onlyvisible --name 'LockWatch|Status|Stav|Stato'
    window=$(xdotool search --onlyvisible --name 'LockWatch|Status|Stav|Stato' | tail -n1)
    xdotool windowmove "$window" 10 40 windowactivate "$window" 2>/dev/null || true
    sleep 1
    xdotool key Down Down
    sleep 1
    import -window root "$out/cluster-status-$lang.png"
    kill "$tray"
    wait "$tray" 2>/dev/null || true
    wait_for 10 bash -c '! xwininfo -id "$0" -tree | grep -qi "\"lockwatch\""' "$panel"
done
echo "written: $out/cluster-{menu-ec2,menu-backup,status}-{en,cs,it}.png"
