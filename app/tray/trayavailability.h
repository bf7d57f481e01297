// Whether a system tray is there to dock into, and when that changes:
// without one, show the status window; when one appears, move into it.
//
// No polling: Qt's xcb plugin reports the X11 tray selection owner
// (_NET_SYSTEM_TRAY_S0) changing through its native interface signal
// systemTrayWindowChanged(QScreen*), and a StatusNotifierItem host announces
// itself by registering org.kde.StatusNotifierWatcher on the session bus, which
// QDBusServiceWatcher reports.
#pragma once

#include <QObject>

class QDBusServiceWatcher;

namespace LockWatch {

class TrayAvailability : public QObject
{
    Q_OBJECT

public:
    explicit TrayAvailability(QObject *parent = nullptr);

    bool isAvailable() const { return m_available; }

signals:
    void availabilityChanged(bool available);

private Q_SLOTS:
    void recheck();

private:
    QDBusServiceWatcher *m_watcher;
    bool m_available;
};

} // namespace LockWatch
