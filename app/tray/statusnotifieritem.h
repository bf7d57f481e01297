// The tray icon as a StatusNotifierItem (org.kde.StatusNotifierItem on the session
// bus), the way KDE Plasma, Xfce, GNOME's AppIndicator extension, Cinnamon, waybar
// and swaybar show tray icons, with its menu exported over DBusMenu.
//
// Qt has an implementation of its own behind QSystemTrayIcon, but it cannot serve
// here: Qt decides once per process, the first time anything asks, whether the
// tray is StatusNotifierItem or XEmbed, so a tray host that starts after the
// application (the autostart race) is never used; its Id and Title are the
// application name ("lockwatch"); ContextMenu (what hosts without DBusMenu, such as
// swaybar, send on right click) does nothing; and a message shown without a
// notification server puts the item into NeedsAttention, hiding the state icon.
//
// This item registers with org.kde.StatusNotifierWatcher whenever one appears on
// the bus (QDBusServiceWatcher: no polling) and tells whether a host shows it.
#pragma once

#include "tray/dbustraytypes.h"

#include <QDBusConnection>
#include <QIcon>
#include <QObject>
#include <QPoint>

class QDBusServiceWatcher;
class QMenu;

namespace LockWatch {

class DBusMenuExporter;

class StatusNotifierItem : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.kde.StatusNotifierItem")
    Q_PROPERTY(QString Category READ category)
    Q_PROPERTY(QString Id READ id)
    Q_PROPERTY(QString Title READ title)
    Q_PROPERTY(QString Status READ status)
    Q_PROPERTY(int WindowId READ windowId)
    Q_PROPERTY(QString IconThemePath READ emptyString)
    Q_PROPERTY(QString IconName READ emptyString)
    Q_PROPERTY(QList<LockWatch::SniIconPixmap> IconPixmap READ iconPixmap)
    Q_PROPERTY(QString OverlayIconName READ emptyString)
    Q_PROPERTY(QList<LockWatch::SniIconPixmap> OverlayIconPixmap READ noPixmaps)
    Q_PROPERTY(QString AttentionIconName READ emptyString)
    Q_PROPERTY(QList<LockWatch::SniIconPixmap> AttentionIconPixmap READ noPixmaps)
    Q_PROPERTY(QString AttentionMovieName READ emptyString)
    Q_PROPERTY(LockWatch::SniToolTip ToolTip READ toolTip)
    Q_PROPERTY(bool ItemIsMenu READ itemIsMenu)
    Q_PROPERTY(QDBusObjectPath Menu READ menuPath)

public:
    static constexpr const char *WatcherService = "org.kde.StatusNotifierWatcher";
    static constexpr const char *ItemPath = "/StatusNotifierItem";
    static constexpr const char *MenuPath = "/MenuBar";

    // `menu`: exported over DBusMenu and shown on ContextMenu.
    explicit StatusNotifierItem(QMenu *menu, QObject *parent = nullptr);
    ~StatusNotifierItem() override;

    // Whether a StatusNotifierItem host is there to show this item: a watcher on
    // the bus that says a host is registered.
    bool isHosted() const { return m_hosted; }
    QString serviceName() const { return m_serviceName; }
    DBusMenuExporter *menuExporter() const { return m_exporter; }

    void setIcon(const QIcon &icon);
    // The first line is the title, the rest the description.
    void setToolTip(const QString &toolTip);

    QString category() const { return QStringLiteral("ApplicationStatus"); }
    QString id() const { return QStringLiteral("LockWatch"); }
    QString title() const { return QStringLiteral("LockWatch"); }
    // Always Active: the state is in the icon, which nothing may hide.
    QString status() const { return QStringLiteral("Active"); }
    int windowId() const { return 0; }
    QString emptyString() const { return QString(); }
    SniIconPixmaps iconPixmap() const;
    SniIconPixmaps noPixmaps() const { return {}; }
    SniToolTip toolTip() const;
    bool itemIsMenu() const { return false; }
    QDBusObjectPath menuPath() const { return QDBusObjectPath(QLatin1String(MenuPath)); }

public Q_SLOTS: // the StatusNotifierItem methods
    Q_SCRIPTABLE void ContextMenu(int x, int y);
    Q_SCRIPTABLE void Activate(int x, int y);
    Q_SCRIPTABLE void SecondaryActivate(int x, int y);
    Q_SCRIPTABLE void Scroll(int delta, const QString &orientation);

Q_SIGNALS:
    Q_SCRIPTABLE void NewTitle();
    Q_SCRIPTABLE void NewIcon();
    Q_SCRIPTABLE void NewAttentionIcon();
    Q_SCRIPTABLE void NewOverlayIcon();
    Q_SCRIPTABLE void NewToolTip();
    Q_SCRIPTABLE void NewStatus(const QString &status);

    // What the host asked for, for the application to act on.
    void contextMenuRequested(const QPoint &position);
    void activateRequested();
    void secondaryActivateRequested();
    void hostedChanged(bool hosted);

private Q_SLOTS:
    // A host came or went: asks the watcher whether one is registered now.
    void onHostChanged();

private:
    void onWatcherOwnerChanged(const QString &newOwner);
    void registerWithWatcher();
    void setHosted(bool hosted);

    QDBusConnection m_bus;
    QString m_serviceName;
    QDBusServiceWatcher *m_watcher = nullptr;
    DBusMenuExporter *m_exporter = nullptr;
    QIcon m_icon;
    mutable SniIconPixmaps m_pixmaps; // drawn on the first read after setIcon
    QString m_toolTipTitle;
    QString m_toolTipText;
    bool m_exported = false;
    bool m_hosted = false;
};

} // namespace LockWatch
