// Core's logging categories, one per area. All are quiet below warnings unless
// enabled, e.g. QT_LOGGING_RULES="lockwatch.monitor.debug=true".
#pragma once

#include <QLoggingCategory>

namespace LockWatch {

// lockwatch.control: start, stop, clean up; launching programs; process handles;
// removing stale locks.
Q_DECLARE_LOGGING_CATEGORY(lcControl)
// lockwatch.run: the `run` wrapper.
Q_DECLARE_LOGGING_CATEGORY(lcRunner)
// lockwatch.monitor: state changes, duplicates, transitions.
Q_DECLARE_LOGGING_CATEGORY(lcMonitor)
// lockwatch.exitwatcher, lockwatch.directorywatcher: the kernel watches under it.
Q_DECLARE_LOGGING_CATEGORY(lcExit)
Q_DECLARE_LOGGING_CATEGORY(lcDirWatch)
// lockwatch.socket: the per-user local socket.
Q_DECLARE_LOGGING_CATEGORY(lcLocalServer)
// lockwatch.etcd: the etcd client, leases, watches, cluster locks.
Q_DECLARE_LOGGING_CATEGORY(lcEtcd)

} // namespace LockWatch
