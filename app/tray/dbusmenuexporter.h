// Exports a QMenu tree over DBusMenu (com.canonical.dbusmenu), the protocol tray
// hosts (KDE Plasma, Xfce, GNOME's AppIndicator extension, waybar) use to show a
// StatusNotifierItem's menu themselves.
//
// The QMenu stays the one model: the exporter reads the tree as it is when a host
// asks, and it watches every menu of the tree, so that when an action's text,
// enablement, visibility or icon changes it tells the hosts about just that item
// (ItemsPropertiesUpdated), and when items come or go, the layout of that menu
// (LayoutUpdated) - once per event-loop pass, however many changes came in.
// AboutToShow and the "opened" event emit the QMenu's aboutToShow, so a submenu
// refreshes what moves with time; "clicked" triggers the action.
#pragma once

#include "tray/dbustraytypes.h"

#include <QDBusConnection>
#include <QDBusContext>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

class QAction;
class QMenu;

namespace LockWatch {

class DBusMenuExporter : public QObject, protected QDBusContext
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "com.canonical.dbusmenu")
    Q_PROPERTY(uint Version READ version)
    Q_PROPERTY(QString TextDirection READ textDirection)
    Q_PROPERTY(QString Status READ status)
    Q_PROPERTY(QStringList IconThemePath READ iconThemePath)

public:
    explicit DBusMenuExporter(QMenu *menu, QObject *parent = nullptr);
    ~DBusMenuExporter() override;

    // Makes the menu available at `path` on `connection`.
    bool registerOn(const QDBusConnection &connection, const QString &path);
    void unregister();

    // The id an action has in the export (0 is the root menu); -1 when unknown.
    int idOf(const QAction *action) const { return m_ids.value(action, -1); }
    // Sends what changed now instead of at the end of the event-loop pass.
    void flush();

    uint version() const { return 3; }
    QString textDirection() const;
    QString status() const { return QStringLiteral("normal"); }
    QStringList iconThemePath() const { return {}; }

public Q_SLOTS: // the DBusMenu methods
    Q_SCRIPTABLE uint GetLayout(int parentId, int recursionDepth, const QStringList &propertyNames,
                                LockWatch::DBusMenuLayoutItem &layout);
    Q_SCRIPTABLE QList<LockWatch::DBusMenuItemProperties>
    GetGroupProperties(const QList<int> &ids, const QStringList &propertyNames);
    Q_SCRIPTABLE QDBusVariant GetProperty(int id, const QString &name);
    Q_SCRIPTABLE void Event(int id, const QString &eventId, const QDBusVariant &data,
                            uint timestamp);
    Q_SCRIPTABLE QList<int> EventGroup(const QList<LockWatch::DBusMenuEvent> &events);
    Q_SCRIPTABLE bool AboutToShow(int id);
    Q_SCRIPTABLE QList<int> AboutToShowGroup(const QList<int> &ids, QList<int> &idErrors);

Q_SIGNALS:
    Q_SCRIPTABLE void
    ItemsPropertiesUpdated(const QList<LockWatch::DBusMenuItemProperties> &updated,
                           const QList<LockWatch::DBusMenuItemRemovedProperties> &removed);
    Q_SCRIPTABLE void LayoutUpdated(uint revision, int parent);
    Q_SCRIPTABLE void ItemActivationRequested(int id, uint timestamp);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    int idFor(QAction *action);
    QMenu *menuOf(int id) const;
    QVariantMap properties(QAction *action, const QStringList &names);
    QByteArray iconPng(int id, const QIcon &icon);
    DBusMenuLayoutItem layoutOf(int id, QMenu *menu, int depth, const QStringList &names);
    void watchTree(QMenu *menu);
    bool unknownId(int id);

    QPointer<QMenu> m_root;
    QDBusConnection m_connection;
    QString m_path;
    QHash<const QAction *, int> m_ids;
    QHash<int, QPointer<QAction>> m_actions;
    QHash<int, std::pair<qint64, QByteArray>> m_icons; // id -> (QIcon::cacheKey, PNG)
    QSet<QMenu *> m_watched;
    QSet<int> m_dirtyProperties;
    QSet<int> m_dirtyLayout;
    QTimer m_flushTimer;
    int m_nextId = 1;
    uint m_revision = 1;
};

} // namespace LockWatch
