#include "tray/trayavailability.h"

#include <QDBusConnection>
#include <QDBusServiceWatcher>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QSystemTrayIcon>
#include <QTimer>

Q_LOGGING_CATEGORY(lcTray, "lockwatch.tray")

namespace LockWatch {

TrayAvailability::TrayAvailability(QObject *parent)
    : QObject(parent), m_available(QSystemTrayIcon::isSystemTrayAvailable())
{
    m_watcher = new QDBusServiceWatcher(QStringLiteral("org.kde.StatusNotifierWatcher"),
                                        QDBusConnection::sessionBus(),
                                        QDBusServiceWatcher::WatchForOwnerChange, this);
    connect(m_watcher, &QDBusServiceWatcher::serviceOwnerChanged, this, [this] {
        // The watcher's host needs a moment to be ready for items.
        QTimer::singleShot(0, this, &TrayAvailability::recheck);
    });
    // QPlatformNativeInterface is a QObject (its only base) whose header is private;
    // Qt's own QSystemTrayIcon connects to this signal the same way, by name.
    if (auto *native = reinterpret_cast<QObject *>(QGuiApplication::platformNativeInterface())) {
        if (native->metaObject()->indexOfSignal("systemTrayWindowChanged(QScreen*)") >= 0)
            connect(native, SIGNAL(systemTrayWindowChanged(QScreen *)), this, SLOT(recheck()));
    }
}

void TrayAvailability::recheck()
{
    const bool available = QSystemTrayIcon::isSystemTrayAvailable();
    if (available == m_available)
        return;
    m_available = available;
    qCInfo(lcTray) << (available ? "a system tray appeared" : "the system tray went away");
    emit availabilityChanged(available);
}

} // namespace LockWatch
