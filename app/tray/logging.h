// The tray's logging categories, one per area (lockwatch.tray, lockwatch.notifier,
// lockwatch.sni, lockwatch.dbusmenu); core's are in core/logging.h.
#pragma once

#include <QLoggingCategory>

namespace LockWatch {

Q_DECLARE_LOGGING_CATEGORY(lcTray)
Q_DECLARE_LOGGING_CATEGORY(lcNotifier)
Q_DECLARE_LOGGING_CATEGORY(lcSni)
Q_DECLARE_LOGGING_CATEGORY(lcDBusMenu)

} // namespace LockWatch
