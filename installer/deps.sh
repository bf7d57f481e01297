#!/usr/bin/env bash
# Installs the Debian packages LockWatch needs, only those missing.
#   installer/deps.sh build   - to build
#   installer/deps.sh test    - to build and run every test
#   installer/deps.sh run     - to build and run the tray (with a virtual display if none)
set -euo pipefail

build=(g++ cmake ninja-build pkg-config
       qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev
       qt6-translations-l10n qt6-qpa-plugins libqt6svg6 libgl-dev)
test=(xvfb xauth trayer dunst dbus dbus-bin dbus-x11 python3 python3-lockfile xdotool imagemagick
      etcd-server etcd-client openssl
      x11-utils appstream desktop-file-utils dpkg dpkg-dev file util-linux procps iproute2
      clang libclang-rt-14-dev fonts-dejavu-core man-db groff-base
      xfce4-panel libglib2.0-bin sway grim qt6-wayland systemd)
run=(xvfb xauth trayer dbus-x11 dunst fonts-dejavu-core)

case "${1:-build}" in
    build) wanted=("${build[@]}") ;;
    test) wanted=("${build[@]}" "${test[@]}") ;;
    run) wanted=("${build[@]}" "${run[@]}") ;;
    *) echo "usage: $0 build|test|run" >&2; exit 2 ;;
esac

missing=()
for package in "${wanted[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || missing+=("$package")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "Installing: ${missing[*]}"
sudo=""
[[ $(id -u) -eq 0 ]] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
