#!/usr/bin/python3
# A bot that keeps itself single-instance the way Python ProcessLock classes do:
# a JSON lock {"pid", "timestamp", "hostname"}, kill(pid, 0) for liveness, and a
# lock older than BOT_MAX_AGE seconds taken over even while its holder runs.
#
#   copybot.py LOCKFILE
# Environment: BOT_MAX_AGE (seconds, default 3600), BOT_NO_LOCK=1 (never touch the
# lock: a copy that does not know about it), BOT_IGNORE_TERM=1 (survive SIGTERM),
# BOT_LINGER=1 (when refused, exit only once stdin closes: a slow shutdown).
# Prints "running PID" or "refused HOLDER" and runs until SIGTERM (or stdin closes
# when BOT_STDIN=1).
import json
import os
import signal
import socket
import sys
import time
from datetime import datetime, timezone

lock = sys.argv[1]
max_age = float(os.environ.get("BOT_MAX_AGE", "3600"))


def alive(pid):
    try:
        os.kill(pid, 0)
        return True
    except PermissionError:
        return True
    except OSError:
        return False


def stop(*_):
    # Remove the lock only while it is ours (a takeover may have replaced it).
    try:
        with open(lock) as f:
            if json.load(f).get("pid") == os.getpid():
                os.unlink(lock)
    except (OSError, ValueError):
        pass
    sys.exit(0)


if os.environ.get("BOT_NO_LOCK") != "1":
    if os.path.exists(lock):
        with open(lock) as f:
            held = json.load(f)
        age = time.time() - datetime.fromisoformat(held["timestamp"]).timestamp()
        if alive(held["pid"]) and age < max_age:
            print("refused", held["pid"], flush=True)
            if os.environ.get("BOT_LINGER") == "1":
                sys.stdin.read()
            sys.exit(1)
    with open(lock, "w") as f:
        json.dump({"pid": os.getpid(),
                   "timestamp": datetime.now(timezone.utc).isoformat(),
                   "hostname": socket.gethostname()}, f)

signal.signal(signal.SIGTERM, signal.SIG_IGN if os.environ.get("BOT_IGNORE_TERM") == "1" else stop)
print("running", os.getpid(), flush=True)
if os.environ.get("BOT_STDIN") == "1":
    sys.stdin.read()
    stop()
while True:
    time.sleep(3600)
