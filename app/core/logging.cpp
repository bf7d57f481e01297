#include "core/logging.h"

namespace LockWatch {

Q_LOGGING_CATEGORY(lcControl, "lockwatch.control", QtWarningMsg)
Q_LOGGING_CATEGORY(lcRunner, "lockwatch.run", QtWarningMsg)
Q_LOGGING_CATEGORY(lcMonitor, "lockwatch.monitor", QtWarningMsg)
Q_LOGGING_CATEGORY(lcExit, "lockwatch.exitwatcher", QtWarningMsg)
Q_LOGGING_CATEGORY(lcDirWatch, "lockwatch.directorywatcher", QtWarningMsg)
Q_LOGGING_CATEGORY(lcLocalServer, "lockwatch.socket", QtWarningMsg)
Q_LOGGING_CATEGORY(lcEtcd, "lockwatch.etcd", QtWarningMsg)

} // namespace LockWatch
