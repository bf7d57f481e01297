#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (unit, integration, GUI
# under Xvfb, translations, installer), then the unit tests again under
# AddressSanitizer and UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")"

installer/deps.sh test

jobs=$(nproc)
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLOCKWATCH_WERROR=ON
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs" --timeout 600

if [[ "${LOCKWATCH_SKIP_SANITIZERS:-0}" != 1 ]]; then
    cmake -S . -B build-sanitize -G Ninja -DCMAKE_BUILD_TYPE=Debug -DLOCKWATCH_WERROR=ON \
        -DLOCKWATCH_SANITIZE=ON -DLOCKWATCH_BUILD_BENCHMARKS=OFF
    # Only what the unit tests run (their executables and the lockwatch binary); a
    # unit test that is a script (test_layers) or runs another's binary (_portable)
    # has no target of its own.
    mapfile -t units < <(ctest --test-dir build-sanitize -N -L unit | awk '/Test +#/ {print $3}' \
        | grep '^tst_' | grep -v '_portable$')
    cmake --build build-sanitize -j"$jobs" --target lockwatch "${units[@]}"
    ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
        ctest --test-dir build-sanitize --output-on-failure -j"$jobs" --timeout 600 -L unit
fi

# A bounded fuzzing run of the lockfile parser and classifier, the configuration reader
# and the local-socket messages, a third of the time each (longer by hand: see
# CONTRIBUTING.md, "Fuzzing").
if [[ "${LOCKWATCH_SKIP_FUZZ:-0}" != 1 ]]; then
    cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DLOCKWATCH_FUZZ=ON -DLOCKWATCH_BUILD_TESTS=OFF -DLOCKWATCH_BUILD_BENCHMARKS=OFF
    cmake --build build-fuzz --target fuzz_lockfile fuzz_config fuzz_localprotocol -j"$jobs"
    seconds=$(( ${LOCKWATCH_FUZZ_SECONDS:-45} / 3 ))
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    for target in lockfile:corpus config:corpus-config localprotocol:corpus-socket; do
        name=${target%%:*}
        mkdir -p "$work/$name"
        (cd build-fuzz && "./tests/fuzz/fuzz_$name" -max_total_time="$seconds" -rss_limit_mb=4096 \
            -print_final_stats=1 "$work/$name" "../tests/fuzz/${target#*:}" 2>&1 | tail -n 4)
    done
    echo "fuzz: no crash"
fi
