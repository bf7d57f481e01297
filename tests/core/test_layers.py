#!/usr/bin/env python3
"""The modules of app/ depend on each other one way only.

Each module may include headers of the modules in earlier layers and of its own, never of
a module in the same or a later layer: core never includes the CLI or the tray, the model
never includes the monitor, and so on. Only core/system/linux/ includes what is in it.
A cycle between two modules (each including the other) fails here, naming the include.

Usage: test_layers.py APP_DIR
"""
import pathlib
import re
import sys

# Lowest first. A module may use the modules of any earlier layer.
LAYERS = [
    ["core/system", "core/i18n"],
    ["core/model"],
    ["core/lockfile"],
    ["core/monitor"],
    ["core/ipc"],
    ["core/control"],
    ["core/cluster"],
    ["core/agent"],
    ["cli", "tray"],
]
LAYER_OF = {module: n for n, layer in enumerate(LAYERS) for module in layer}
INCLUDE = re.compile(r'^\s*#\s*include\s+"((?:core/[a-z0-9]+|cli|tray)/[^"]+)"', re.M)


def module_of(path):
    """The module a path (relative to app/) belongs to, or None (core/logging.h, main.cpp)."""
    parts = pathlib.PurePosixPath(path).parts
    if len(parts) < 2:
        return None
    name = parts[0] if parts[0] in ("cli", "tray") else "/".join(parts[:2])
    return name if name in LAYER_OF else None


def main():
    app = pathlib.Path(sys.argv[1])
    problems = []
    files = sorted(p for p in app.rglob("*") if p.suffix in (".h", ".cpp"))
    unknown = {str(p.relative_to(app).parent) for p in files
               if len(p.relative_to(app).parts) > 2 and module_of(p.relative_to(app)) is None}
    problems += [f"{d}: a folder that is in no layer of this test" for d in sorted(unknown)]
    for path in files:
        rel = path.relative_to(app).as_posix()
        own = module_of(rel)
        for included in INCLUDE.findall(path.read_text(encoding="utf-8")):
            theirs = module_of(included)
            if theirs is None:
                problems.append(f"{rel}: includes {included}, which is in no layer")
            elif ("/linux/" in included and not rel.startswith("core/system/linux/")):
                problems.append(f"{rel}: includes {included}, a Linux-only header")
            elif own is not None and theirs != own and LAYER_OF[theirs] >= LAYER_OF[own]:
                problems.append(f"{rel} ({own}) includes {included} ({theirs}): "
                                f"{theirs} is not below {own}")
    if len(files) < 50:
        problems.append(f"only {len(files)} source files under {app}: wrong folder?")
    for problem in problems:
        print(problem)
    print(f"{len(files)} files read, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
