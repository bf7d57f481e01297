// The icon in the system tray: its look and tooltip sum up every instance. It
// changes when a status changes - never on a timer.
//
// It lives in whichever tray is there (TrayAvailability): as a StatusNotifierItem
// with its menu over DBusMenu where a host shows one, otherwise, on X11, as an
// XEmbed icon (QSystemTrayIcon), and it moves when that changes. Clicks:
// left (Activate) toggles the status window; right opens the menu (the host shows
// it from DBusMenu, or asks with ContextMenu and the menu opens at the pointer);
// middle (SecondaryActivate) is not used.
#pragma once

#include "tray/statusicon.h"
#include "tray/trayavailability.h"

#include <QPointer>
#include <QSet>

class QSystemTrayIcon;

namespace LockWatch {

class StatusNotifierItem;
class TrayMenu;

class TrayIcon : public QObject
{
    Q_OBJECT

public:
    using Kind = TrayAvailability::Kind;

    explicit TrayIcon(TrayMenu *menu, QObject *parent = nullptr);
    ~TrayIcon() override;

    // Offers the icon to the trays from now on (after the single-instance check:
    // a second copy that is about to exit must not flash an icon).
    void enable();
    Kind kind() const { return m_availability ? m_availability->kind() : Kind::None; }
    bool isAvailable() const { return kind() != Kind::None; }

    // Shows the summary of these statuses.
    void showStatuses(const QList<InstanceStatus> &statuses, const QSet<QString> &duplicates);
    StatusIcon::Look look() const { return m_look; }
    QString toolTip() const { return m_toolTip; }

    // The XEmbed icon while it is the one shown (it can show messages next to the
    // icon); null otherwise.
    QSystemTrayIcon *xembedIcon() const;
    StatusNotifierItem *statusNotifierItem() const { return m_item; }

signals:
    // Left click: show or hide the status window.
    void statusWindowRequested();
    void messageClicked();
    void kindChanged(LockWatch::TrayAvailability::Kind kind);

private:
    void apply(Kind kind);
    void popupMenu();

    TrayMenu *m_menu;
    StatusNotifierItem *m_item = nullptr;
    TrayAvailability *m_availability = nullptr;
    QPointer<QSystemTrayIcon> m_xembed;
    QIcon m_icon;
    QString m_toolTip;
    StatusIcon::Look m_look = StatusIcon::Look::Empty;
    bool m_hasLook = false;
    qreal m_dpr = 0;
};

} // namespace LockWatch
