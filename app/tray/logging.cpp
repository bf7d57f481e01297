#include "tray/logging.h"

namespace LockWatch {

Q_LOGGING_CATEGORY(lcTray, "lockwatch.tray")
Q_LOGGING_CATEGORY(lcNotifier, "lockwatch.notifier", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSni, "lockwatch.sni", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDBusMenu, "lockwatch.dbusmenu", QtInfoMsg)

} // namespace LockWatch
