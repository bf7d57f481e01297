# Sourced by the installer tests, with their arguments BUILD_DIR APP_ID VERSION:
# sets build, appid and version, makes a work directory inside the build tree that
# is removed at exit (named after $kind), and defines fail and note.
build=${1:?build dir}
appid=${2:?app id}
version=${3:?version}

work=$(mktemp -d "$build/tests/installer/${kind:?}.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
note() { echo "-- $*"; }
