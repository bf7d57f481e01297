#!/usr/bin/env bash
# Merges the draft translations in translations/drafts/ (strings of branches not yet
# merged when they were written) into translations/lockwatch_{cs,it,en}.ts. Run it after
# merging those branches, then `cmake --build build --target update_translations`, which
# drops drafts whose strings did not arrive; `ctest -R test_ts_complete` lists the rest.
# usage: translations/drafts/merge.sh [LCONVERT]
set -euo pipefail
cd "$(dirname "$0")/.."
lconvert=${1:-$(command -v lconvert6 || echo /usr/lib/qt6/bin/lconvert)}
for lang in cs it en; do
    # Later input wins: only entries the draft has are taken from it.
    "$lconvert" -i "lockwatch_$lang.ts" -i "drafts/lockwatch_$lang.ts" -o "lockwatch_$lang.ts"
done
echo "merged; now run: cmake --build build --target update_translations"
