#!/usr/bin/env bash
# Installs the build tree into a temporary DESTDIR (prefix /usr) and checks what a
# distribution would: the desktop entry and AppStream metainfo validate, carry the
# Czech and Italian translations and name each other, the icon and the man page are
# there and the man page renders without warnings, and the installed executable runs.
#   test_install.sh BUILD_DIR APP_ID VERSION
set -euo pipefail

kind=install
# shellcheck source=common.sh
source "$(dirname "$0")/common.sh"

DESTDIR="$work/root" cmake --install "$build" --prefix /usr >"$work/install.log" \
    || { cat "$work/install.log"; fail "cmake --install failed"; }
usr=$work/root/usr

desktop=$usr/share/applications/$appid.desktop
metainfo=$usr/share/metainfo/$appid.metainfo.xml
icon=$usr/share/icons/hicolor/scalable/apps/$appid.svg
manpage=$usr/share/man/man1/lockwatch.1
binary=$usr/bin/lockwatch
for file in "$binary" "$desktop" "$metainfo" "$icon" "$manpage" "$usr/share/doc/lockwatch/copyright"; do
    [[ -f $file ]] || fail "not installed: ${file#"$work/root"}"
done
[[ -x $binary ]] || fail "bin/lockwatch is not executable"
# Nothing outside the prefix.
outside=$(cd "$work/root" && find . -mindepth 1 -maxdepth 1 ! -name usr)
[[ -z $outside ]] || fail "installed outside /usr: $outside"

# --- desktop entry ------------------------------------------------------------------
output=$(desktop-file-validate "$desktop" 2>&1) || { echo "$output"; fail "desktop-file-validate: errors"; }
[[ -z $output ]] && note "desktop-file-validate: clean" || echo "$output"

key() { { grep -m1 "^$1=" "$desktop" || true; } | cut -d= -f2-; }
[[ $(key Exec) == lockwatch ]] || fail "Exec is not 'lockwatch': $(key Exec)"
[[ $(key Icon) == "$appid" ]] || fail "Icon is not the app id: $(key Icon)"
[[ $(key Type) == Application ]] || fail "Type is not Application"
for lang in cs it; do
    for name in Name GenericName Comment Keywords; do
        value=$(key "$name\\[$lang\\]")
        [[ -n $value ]] || fail "desktop entry has no $name[$lang]"
    done
    [[ $(key "Comment\\[$lang\\]") != "$(key Comment)" ]] || fail "Comment[$lang] is the English text"
    [[ $(key "GenericName\\[$lang\\]") != "$(key GenericName)" ]] || fail "GenericName[$lang] is the English text"
done

# The autostart template the tray fills in must validate once Exec is set.
autostart_template=$build/resources/$appid-autostart.desktop.in
[[ -f $autostart_template ]] || fail "no autostart template in the build tree"
grep -q '^Exec=\${EXEC}$' "$autostart_template" || fail "autostart template has no Exec=\${EXEC} line"
sed 's|\${EXEC}|/usr/bin/lockwatch|' "$autostart_template" >"$work/$appid.desktop"
output=$(desktop-file-validate "$work/$appid.desktop" 2>&1) || { echo "$output"; fail "autostart entry: errors"; }
[[ -z $output ]] || echo "$output"

# --- AppStream ----------------------------------------------------------------------
output=$(appstreamcli validate --no-net "$metainfo" 2>&1) || { echo "$output"; fail "appstreamcli validate: errors"; }
echo "$output"
output=$(appstreamcli validate-tree --no-net "$work/root" 2>&1) || { echo "$output"; fail "appstreamcli validate-tree: errors"; }

python3 - "$metainfo" "$appid" <<'EOF' || fail "metainfo content"
import sys
import xml.etree.ElementTree as ET

path, appid = sys.argv[1:]
LANG = '{http://www.w3.org/XML/1998/namespace}lang'
root = ET.parse(path).getroot()
problems = []
def need(cond, what):
    if not cond:
        problems.append(what)

need(root.findtext('id') == appid, 'id is not ' + appid)
need(root.findtext('launchable') == appid + '.desktop', 'launchable is not the desktop id')
need('lockwatch' in [b.text for b in root.iter('binary')], 'provides/binary lockwatch missing')
need(root.find('content_rating') is not None, 'no content_rating')
need(root.findtext('metadata_license') == 'CC0-1.0', 'metadata_license is not CC0-1.0')
need(root.findtext('project_license'), 'no project_license')
need(root.findtext("url[@type='homepage']"), 'no homepage url')
need(root.find('developer/name') is not None, 'no developer/name')
need(root.find("screenshots/screenshot/image") is not None, 'no screenshot image')
need(root.find("releases/release[@version='0.1.0']") is not None, 'no 0.1.0 release')

# Every translatable text has a cs and an it twin under the same parent.
for parent in root.iter():
    for tag in ('summary', 'caption', 'p', 'li'):
        english = [e for e in parent.findall(tag) if LANG not in e.attrib]
        for lang in ('cs', 'it'):
            translated = [e for e in parent.findall(tag) if e.attrib.get(LANG) == lang]
            need(len(translated) == len(english),
                 '<%s> under <%s>: %d English, %d %s' % (tag, parent.tag, len(english), len(translated), lang))
            need(all((e.text or '').strip() for e in translated), 'empty %s <%s>' % (lang, tag))
for lang in ('cs', 'it'):
    need(root.find("summary[@{http://www.w3.org/XML/1998/namespace}lang='%s']" % lang) is not None,
         'no %s summary' % lang)
for p in problems:
    print('metainfo:', p, file=sys.stderr)
sys.exit(1 if problems else 0)
EOF

# --- icon ---------------------------------------------------------------------------
python3 - "$icon" <<'EOF' || fail "icon is not a usable SVG"
import sys
import xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == '{http://www.w3.org/2000/svg}svg', root.tag
assert root.get('viewBox'), 'no viewBox'
assert not any(e.tag.endswith('}image') or e.tag.endswith('}script') for e in root.iter()), 'raster image or script inside'
EOF

# --- man page -----------------------------------------------------------------------
warnings=$(groff -ww -mandoc -z "$manpage" 2>&1)
[[ -z $warnings ]] || { echo "$warnings"; fail "groff warns about the man page"; }
rendered=$(MANWIDTH=80 MAN_DISABLE_SECCOMP=1 man --warnings -l "$manpage" 2>"$work/man.err") \
    || { cat "$work/man.err"; fail "man -l failed"; }
[[ ! -s $work/man.err ]] || { cat "$work/man.err"; fail "man --warnings reports problems"; }
for section in NAME SYNOPSIS DESCRIPTION COMMANDS OPTIONS 'EXIT STATUS' FILES EXAMPLES; do
    grep -q "^$section" <<<"$rendered" || fail "man page has no $section section"
done
for verb in status inspect watch start stop clean run add remove; do
    grep -Eq "^ +lockwatch $verb( |$)" <<<"$rendered" || fail "man page SYNOPSIS lacks '$verb'"
done
for option in --config --lang --json --lock --name --timeout --workdir --help --version; do
    grep -q -- "$option" <<<"$rendered" || fail "man page does not mention $option"
done
# The version in the footer comes from CMake (installer/lockwatch.1.in).
grep -q "^LockWatch $version " <<<"$rendered" || fail "man page footer does not name version $version"
if grep -q '@[A-Z_]*@' "$manpage"; then fail "man page has an unreplaced @VARIABLE@"; fi

# --- systemd user unit for `lockwatch agent` -----------------------------------------
unit=$usr/lib/systemd/user/lockwatch-agent.service
[[ -f $unit ]] || fail "not installed: /usr/lib/systemd/user/lockwatch-agent.service"
grep -qx 'ExecStart=/usr/bin/lockwatch agent' "$unit" || fail "unit: ExecStart is not '/usr/bin/lockwatch agent'"
grep -qx 'KillMode=process' "$unit" || fail "unit: stopping the agent would kill the programs it started (no KillMode=process)"
grep -qx 'WantedBy=default.target' "$unit" || fail "unit: not installable for a user session"
command -v systemd-analyze >/dev/null || fail "systemd-analyze missing (apt install systemd)"
# Verified as installed, with ExecStart pointing into the temporary tree.
mkdir -p "$work/unit"
sed "s|^ExecStart=/usr/bin/lockwatch|ExecStart=$binary|" "$unit" >"$work/unit/lockwatch-agent.service"
output=$(SYSTEMD_LOG_LEVEL=warning systemd-analyze verify --man=no "$work/unit/lockwatch-agent.service" 2>&1) \
    || { echo "$output"; fail "systemd-analyze verify: errors"; }
[[ -z $output ]] || { echo "$output"; fail "systemd-analyze verify: warnings"; }

# --- the installed executable ---------------------------------------------------------
if readelf -d "$binary" | grep -Eq 'RPATH|RUNPATH'; then
    fail "installed binary has an RPATH: $(readelf -d "$binary" | grep -E 'RPATH|RUNPATH')"
fi
mkdir -p "$work/home/config" "$work/home/state"
got=$(HOME=$work/home XDG_CONFIG_HOME=$work/home/config XDG_STATE_HOME=$work/home/state \
      QT_QPA_PLATFORM=offscreen "$binary" --version) || fail "installed lockwatch --version failed"
[[ $got == "lockwatch $version" ]] || fail "lockwatch --version printed '$got', expected 'lockwatch $version'"

note "installed tree OK ($(cd "$work/root" && find . -type f | wc -l) files)"
