// The icon in the system tray: its look and tooltip sum up every instance.
// It changes when a status changes - never on a timer.
#pragma once

#include "tray/statusicon.h"

#include <QSet>
#include <QSystemTrayIcon>

namespace LockWatch {

class TrayMenu;

class TrayIcon : public QSystemTrayIcon
{
    Q_OBJECT

public:
    TrayIcon(TrayMenu *menu, QObject *parent = nullptr);

    // Shows the summary of these statuses.
    void showStatuses(const QList<InstanceStatus> &statuses, const QSet<QString> &duplicates);
    StatusIcon::Look look() const { return m_look; }

signals:
    // Left click / double click: the status window.
    void statusWindowRequested();

private:
    StatusIcon::Look m_look = StatusIcon::Look::Empty;
    bool m_hasLook = false;
    qreal m_dpr = 0;
};

} // namespace LockWatch
