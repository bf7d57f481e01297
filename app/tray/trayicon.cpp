#include "tray/trayicon.h"

#include "tray/traymenu.h"

#include <QGuiApplication>

namespace LockWatch {

TrayIcon::TrayIcon(TrayMenu *menu, QObject *parent) : QSystemTrayIcon(parent)
{
    setContextMenu(menu);
    connect(this, &QSystemTrayIcon::activated, this, [this](ActivationReason reason) {
        if (reason == Trigger || reason == DoubleClick)
            emit statusWindowRequested();
    });
}

void TrayIcon::showStatuses(const QList<InstanceStatus> &statuses)
{
    const StatusIcon::Look look = StatusIcon::summarize(statuses);
    // The tray may sit on a HiDPI screen: render for the highest ratio around.
    const qreal dpr = qGuiApp ? qGuiApp->devicePixelRatio() : 1.0;
    if (!m_hasLook || look != m_look || dpr != m_dpr) {
        m_look = look;
        m_dpr = dpr;
        m_hasLook = true;
        setIcon(StatusIcon::icon(look, dpr));
    }
    setToolTip(StatusIcon::toolTip(statuses));
}

} // namespace LockWatch
