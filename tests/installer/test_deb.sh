#!/usr/bin/env bash
# Builds the .deb and the .tar.gz with CPack from the existing build tree into a
# temporary directory and checks what apt would see: package name, version,
# architecture, the file list, and a Depends line that pulls in the Qt 6 runtime
# (libraries found by dpkg-shlibdeps, plugins and translations listed by hand).
#   test_deb.sh BUILD_DIR APP_ID VERSION
set -euo pipefail

kind=deb
# shellcheck source=common.sh
source "$(dirname "$0")/common.sh"

command -v dpkg-shlibdeps >/dev/null || fail "dpkg-shlibdeps missing (apt install dpkg-dev)"
(cd "$build" && cpack -G "DEB;TGZ" -B "$work") >"$work/cpack.log" 2>&1 \
    || { cat "$work/cpack.log"; fail "cpack failed"; }

arch=$(dpkg --print-architecture)
deb=$work/lockwatch_${version}_${arch}.deb
[[ -f $deb ]] || { ls "$work"; fail "no $(basename "$deb")"; }

field() { dpkg-deb -f "$deb" "$1"; }
[[ $(field Package) == lockwatch ]] || fail "Package is '$(field Package)'"
[[ $(field Version) == "$version" ]] || fail "Version is '$(field Version)'"
[[ $(field Architecture) == "$arch" ]] || fail "Architecture is '$(field Architecture)'"
for name in Maintainer Section Description; do
    [[ -n $(field "$name") ]] || fail "no $name field"
done

# --- file list --------------------------------------------------------------------
listing=$(dpkg-deb -c "$deb")
for path in ./usr/bin/lockwatch \
            "./usr/share/applications/$appid.desktop" \
            "./usr/share/metainfo/$appid.metainfo.xml" \
            "./usr/share/icons/hicolor/scalable/apps/$appid.svg" \
            ./usr/share/man/man1/lockwatch.1 \
            ./usr/lib/systemd/user/lockwatch-agent.service \
            ./usr/share/doc/lockwatch/copyright; do
    grep -q -- " $path\$" <<<"$listing" || { echo "$listing"; fail "not in the package: $path"; }
done
grep -Eq '^-rwxr-xr-x root/root .* \./usr/bin/lockwatch$' <<<"$listing" \
    || fail "usr/bin/lockwatch is not 0755 root/root"
outside=$(awk '{print $6}' <<<"$listing" | grep -Ev '^\./$|^\./usr(/|$)' || true)
[[ -z $outside ]] || fail "files outside /usr: $outside"

# --- dependencies -------------------------------------------------------------------
depends=$(field Depends)
note "Depends: $depends"
names=$(tr ',|' '\n\n' <<<"$depends" | sed -E 's/\(.*\)//; s/:any//; s/[[:space:]]//g' | grep -v '^$' | sort -u)
for package in libqt6core6 libqt6widgets6 libqt6network6 libqt6dbus6 libqt6svg6 \
               qt6-qpa-plugins qt6-translations-l10n libc6 libstdc++6; do
    grep -qx "$package" <<<"$names" || fail "Depends lacks $package"
done
# Every dependency must be a package this distribution has (no typos, no names from
# another release); skipped when apt has no package lists.
if apt-cache show libc6 >/dev/null 2>&1; then
    for package in $names; do
        apt-cache show "$package" >/dev/null 2>&1 || fail "Depends names unknown package '$package'"
    done
else
    note "apt has no package lists: package names not checked"
fi

# --- tarball ------------------------------------------------------------------------
tarball=$(find "$work" -maxdepth 1 -name "lockwatch-$version-*.tar.gz" | head -n1)
[[ -n $tarball ]] || { ls "$work"; fail "no tar.gz"; }
contents=$(tar -tzf "$tarball")
for path in bin/lockwatch "share/applications/$appid.desktop" "share/man/man1/lockwatch.1"; do
    grep -q "/$path\$" <<<"$contents" || fail "not in the tar.gz: $path"
done

note "$(basename "$deb") $(stat -c %s "$deb") bytes; $(basename "$tarball") OK"
