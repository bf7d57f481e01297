// Which system tray there is to dock into, and when that changes (without one,
// the status window stands in; when one appears, the icon moves into it).
//
// A StatusNotifierItem host comes first: the item says so when a watcher on the
// session bus reports a registered host (QDBusServiceWatcher and the watcher's
// signals: no polling), also when it starts after LockWatch. Otherwise, on X11,
// an XEmbed tray: Qt's xcb plugin reports the tray selection owner
// (_NET_SYSTEM_TRAY_S0) changing through its native interface signal
// systemTrayWindowChanged(QScreen*).
//
// QSystemTrayIcon is asked about XEmbed only while no StatusNotifierItem host is
// there: Qt decides once per process, the first time it is asked, whether its
// tray icons are StatusNotifierItems, so asking then fixes that answer to "no"
// and its QSystemTrayIcon stays an XEmbed icon for good.
#pragma once

#include <QObject>

namespace LockWatch {

class StatusNotifierItem;

class TrayAvailability : public QObject
{
    Q_OBJECT

public:
    enum class Kind { None, StatusNotifier, XEmbed };
    Q_ENUM(Kind)

    explicit TrayAvailability(StatusNotifierItem *item, QObject *parent = nullptr);

    Kind kind() const { return m_kind; }
    bool isAvailable() const { return m_kind != Kind::None; }

signals:
    void kindChanged(LockWatch::TrayAvailability::Kind kind);

private Q_SLOTS:
    void recheck();

private:
    Kind current() const;

    StatusNotifierItem *m_item;
    Kind m_kind;
};

} // namespace LockWatch
