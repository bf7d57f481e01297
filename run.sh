#!/usr/bin/env bash
# Installs what is missing, builds, and starts LockWatch on the bundled demo
# configuration.
set -euo pipefail
cd "$(dirname "$0")"

installer/deps.sh run
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j"$(nproc)"

demo=$(mktemp -d "${TMPDIR:-/tmp}/lockwatch-demo.XXXXXX")
sed "s|@DEMO_DIR@|$demo|g" resources/demo/lockwatch.conf.in > "$demo/lockwatch.conf"
chmod 600 "$demo/lockwatch.conf"
echo "Demo configuration: $demo/lockwatch.conf"
exec build/app/lockwatch --config "$demo/lockwatch.conf" status
