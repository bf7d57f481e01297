#!/usr/bin/env python3
"""Reads a DBusMenu (com.canonical.dbusmenu) layout with gdbus, as a tray host does,
and prints one line per item: ID|LABEL|ENABLED|VISIBLE (depth-first, the root
excluded), or, with --id LABEL, the id of the first item with that label.

usage: dbusmenu.py SERVICE PARENT_ID [--id LABEL]
"""
import re
import subprocess
import sys


def layout(service, parent):
    out = subprocess.check_output(
        ["gdbus", "call", "--session", "--dest", service, "--object-path", "/MenuBar",
         "--method", "com.canonical.dbusmenu.GetLayout", "--", str(parent), "-1",
         '["label", "enabled", "visible", "type"]'],
        text=True, timeout=20)
    items = []
    # (ID, {'key': <value>, ...}, [children]) - property values hold no braces.
    for match in re.finditer(r"\((\d+), \{([^{}]*)\}", out):
        props = dict(re.findall(r"'([\w-]+)': <([^>]*)>", match.group(2)))
        label = props.get("label", "")
        if label.startswith("'") and label.endswith("'"):
            label = label[1:-1]
        if props.get("type") == "'separator'":
            label = "---"
        items.append((int(match.group(1)), label, props.get("enabled", "true"),
                      props.get("visible", "true")))
    return [item for item in items if item[0] != parent]


def main():
    service, parent = sys.argv[1], int(sys.argv[2])
    items = layout(service, parent)
    if len(sys.argv) > 4 and sys.argv[3] == "--id":
        for item in items:
            if item[1] == sys.argv[4]:
                print(item[0])
                return 0
        return 1
    for item in items:
        print("|".join(str(field) for field in item))
    return 0


if __name__ == "__main__":
    sys.exit(main())
