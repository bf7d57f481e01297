# Sourced after xsession.sh: Xfce's panel (xfce4-panel) with only its systray plugin,
# which hosts StatusNotifierItems (it owns org.kde.StatusNotifierWatcher and shows
# their menus over DBusMenu) and XEmbed icons. Its configuration is generated in
# the test's private XDG_CONFIG_HOME, where xfconfd (started by the private bus)
# reads it. Also the gdbus helpers the StatusNotifierItem tests share.
for tool in xfce4-panel gdbus python3; do
    command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
done

# start_xfce_panel [R G B]: a 32 px panel along the top, solid background colour
# (0..1 per channel; dark grey by default).
start_xfce_panel() {
    local dir="$XDG_CONFIG_HOME/xfce4/xfconf/xfce-perchannel-xml"
    mkdir -p "$dir"
    cat >"$dir/xfce4-panel.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<channel name="xfce4-panel" version="1.0">
  <property name="configver" type="int" value="2"/>
  <property name="panels" type="array">
    <value type="int" value="1"/>
    <property name="panel-1" type="empty">
      <property name="position" type="string" value="p=6;x=0;y=0"/>
      <property name="length" type="uint" value="100"/>
      <property name="position-locked" type="bool" value="true"/>
      <property name="size" type="uint" value="32"/>
      <property name="background-style" type="uint" value="1"/>
      <property name="background-rgba" type="array">
        <value type="double" value="${1:-0.15}"/>
        <value type="double" value="${2:-0.15}"/>
        <value type="double" value="${3:-0.15}"/>
        <value type="double" value="1"/>
      </property>
      <property name="plugin-ids" type="array">
        <value type="int" value="1"/>
      </property>
    </property>
  </property>
  <property name="plugins" type="empty">
    <property name="plugin-1" type="string" value="systray">
      <property name="square-icons" type="bool" value="true"/>
    </property>
  </property>
</channel>
XML
    xfce4-panel --disable-wm-check >"$work/panel.log" 2>&1 &
    pids+=("$!")
    wait_for 30 watcher_up || { cat "$work/panel.log"; fail "xfce4-panel's systray did not take org.kde.StatusNotifierWatcher"; }
    # xfconfd, started by the bus for the panel, writes its channels when it ends:
    # it must be gone before the work directory is removed.
    local owner
    owner=$(gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
        --method org.freedesktop.DBus.GetConnectionUnixProcessID org.xfce.Xfconf 2>/dev/null || true)
    # "(uint32 1234,)": only a process that really is xfconfd is ever signalled.
    if [[ $owner =~ ^\(uint32\ ([0-9]+),\)$ ]] \
        && [[ $(cat "/proc/${BASH_REMATCH[1]}/comm" 2>/dev/null) == xfconfd ]]; then
        xfconfd=${BASH_REMATCH[1]}
    fi
}

xfconfd=
xfconfd_gone() { [[ ! -e /proc/$xfconfd ]] || [[ $(awk '{ print $3 }' "/proc/$xfconfd/stat" 2>/dev/null) == Z ]]; }
end_xfconfd() {
    if [[ -n $xfconfd && $(cat "/proc/$xfconfd/comm" 2>/dev/null) == xfconfd ]] \
        && kill "$xfconfd" 2>/dev/null; then
        wait_for 10 xfconfd_gone || echo "xfconfd $xfconfd did not end" >&2
    fi
    cleanup
}
trap end_xfconfd EXIT

watcher_up() {
    [[ $(gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
        --method org.freedesktop.DBus.NameHasOwner org.kde.StatusNotifierWatcher) == "(true,)" ]]
}
# The items the watcher knows, e.g. "org.kde.StatusNotifierItem-123-1/StatusNotifierItem".
registered_items() {
    gdbus call --session --dest org.kde.StatusNotifierWatcher --object-path /StatusNotifierWatcher \
        --method org.freedesktop.DBus.Properties.Get org.kde.StatusNotifierWatcher \
        RegisteredStatusNotifierItems
}
# item_registered PID: the item of that LockWatch process is registered.
item_registered() {
    local items
    items=$(registered_items) && grep -q "org.kde.StatusNotifierItem-$1-1" <<<"$items"
}
# item_property PID NAME: one property of the StatusNotifierItem, as gdbus prints it.
item_property() {
    gdbus call --session --dest "org.kde.StatusNotifierItem-$1-1" --object-path /StatusNotifierItem \
        --method org.freedesktop.DBus.Properties.Get org.kde.StatusNotifierItem "$2"
}
# menu PID PARENT: the DBusMenu subtree, one "ID|LABEL|ENABLED|VISIBLE" line per item.
menu() { python3 "$(dirname "${BASH_SOURCE[0]}")/dbusmenu.py" "org.kde.StatusNotifierItem-$1-1" "$2"; }
# menu_id PID PARENT LABEL
menu_id() { python3 "$(dirname "${BASH_SOURCE[0]}")/dbusmenu.py" "org.kde.StatusNotifierItem-$1-1" "$2" --id "$3"; }
# menu_has PID PARENT LINE-REGEX
menu_has() {
    local lines
    lines=$(menu "$1" "$2") && grep -Eq "$3" <<<"$lines"
}
# menu_call PID METHOD ARGS...: a DBusMenu method, as the host calls it.
menu_call() {
    local pid=$1 method=$2; shift 2
    gdbus call --session --dest "org.kde.StatusNotifierItem-$pid-1" --object-path /MenuBar \
        --method "com.canonical.dbusmenu.$method" -- "$@"
}
