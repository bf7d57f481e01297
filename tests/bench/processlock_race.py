#!/usr/bin/env python3
"""One round of a Python ProcessLock under a race (for bench_run_race).

ProcessLock is the kind of lock a Python background program writes for itself: a JSON
lockfile {"pid", "timestamp", "hostname"}, liveness by os.kill(pid, 0) (EPERM
counts as alive), a lock older than max_age_seconds (1 h) taken over, a corrupt
lock taken over, and a check-then-create sequence (exists -> read -> write) with
no atomicity.

Usage: processlock_race.py LOCKFILE STARTERS
Forks STARTERS processes that wait on a common barrier and then acquire() at the
same moment. Winners keep running (holding the lock) until every starter has
reported; prints "winners=K".
"""
import json
import os
import socket
import sys
from datetime import datetime, timezone


class ProcessLock:
    def __init__(self, lock_file):
        self.lock_file = lock_file

    @staticmethod
    def _is_process_running(pid):
        try:
            os.kill(pid, 0)
            return True
        except ProcessLookupError:
            return False
        except PermissionError:
            return True

    def acquire(self, max_age_seconds=3600):
        if os.path.exists(self.lock_file):
            try:
                with open(self.lock_file) as f:
                    data = json.load(f)
                pid = int(data["pid"])
                ts = datetime.fromisoformat(data["timestamp"])
                age = (datetime.now(timezone.utc) - ts).total_seconds()
                if age <= max_age_seconds and self._is_process_running(pid):
                    return False
                # stale (too old or dead holder): take it over
            except (OSError, ValueError, KeyError, TypeError):
                pass  # corrupted lock: take it over
        with open(self.lock_file, "w") as f:
            json.dump({"pid": os.getpid(),
                       "timestamp": datetime.now(timezone.utc).isoformat(),
                       "hostname": socket.gethostname()}, f)
        return True


def main():
    lock_file, starters = sys.argv[1], int(sys.argv[2])
    barrier_r, barrier_w = os.pipe()
    result_r, result_w = os.pipe()
    hold_r, hold_w = os.pipe()
    children = []
    for _ in range(starters):
        pid = os.fork()
        if pid == 0:
            os.close(barrier_w)
            os.close(result_r)
            os.close(hold_w)
            os.read(barrier_r, 1)  # EOF when the parent closes: everyone goes at once
            won = ProcessLock(lock_file).acquire()
            os.write(result_w, b"W" if won else b"L")
            if won:
                os.read(hold_r, 1)  # keep running (and holding) until the round ends
            os._exit(0 if won else 1)
        children.append(pid)
    os.close(barrier_r)
    os.close(result_w)
    os.close(hold_r)
    os.close(barrier_w)  # go
    results = b""
    while len(results) < starters:
        chunk = os.read(result_r, starters)
        if not chunk:
            break
        results += chunk
    os.close(hold_w)
    for pid in children:
        os.waitpid(pid, 0)
    try:
        os.unlink(lock_file)
    except FileNotFoundError:
        pass
    print("winners=%d" % results.count(b"W"))


if __name__ == "__main__":
    main()
