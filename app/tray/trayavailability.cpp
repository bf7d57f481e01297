#include "tray/trayavailability.h"

#include "tray/statusnotifieritem.h"
#include "tray/logging.h"

#include <QGuiApplication>
#include <QLoggingCategory>
#include <QSystemTrayIcon>
#include <QTimer>

namespace LockWatch {

TrayAvailability::TrayAvailability(StatusNotifierItem *item, QObject *parent)
    : QObject(parent)
    , m_item(item)
    , m_kind(current())
{
    connect(m_item, &StatusNotifierItem::hostedChanged, this, &TrayAvailability::recheck);
    // QPlatformNativeInterface is a QObject (its only base) whose header is private;
    // Qt's own QSystemTrayIcon connects to this signal the same way, by name.
    if (auto *native = reinterpret_cast<QObject *>(QGuiApplication::platformNativeInterface())) {
        if (native->metaObject()->indexOfSignal("systemTrayWindowChanged(QScreen*)") >= 0)
            connect(native, SIGNAL(systemTrayWindowChanged(QScreen *)), this, SLOT(recheck()));
    }
    qCInfo(lcTray) << "tray:" << m_kind;
}

TrayAvailability::Kind TrayAvailability::current() const
{
    if (m_item->isHosted())
        return Kind::StatusNotifier;
    if (QGuiApplication::platformName() == QLatin1String("xcb")
        && QSystemTrayIcon::isSystemTrayAvailable())
        return Kind::XEmbed;
    return Kind::None;
}

void TrayAvailability::recheck()
{
    const Kind kind = current();
    if (kind == m_kind)
        return;
    m_kind = kind;
    qCInfo(lcTray) << "tray now:" << kind;
    emit kindChanged(kind);
}

} // namespace LockWatch
