// The D-Bus structures of the two protocols a desktop's tray speaks: the
// StatusNotifierItem (icon pixmaps, tooltip) and DBusMenu (com.canonical.dbusmenu:
// the menu layout, item properties, events), with their QtDBus marshalling.
#pragma once

#include <QByteArray>
#include <QDBusArgument>
#include <QDBusVariant>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace LockWatch {

// One icon size: width, height, ARGB32 pixels in network byte order. (iiay)
struct SniIconPixmap
{
    int width = 0;
    int height = 0;
    QByteArray argb;
};
using SniIconPixmaps = QList<SniIconPixmap>;

// (sa(iiay)ss): icon name, icon pixmaps, title, description.
struct SniToolTip
{
    QString iconName;
    SniIconPixmaps pixmaps;
    QString title;
    QString description;
};

// One menu item and, as deep as asked, its children. (ia{sv}av)
struct DBusMenuLayoutItem
{
    int id = 0;
    QVariantMap properties;
    QList<DBusMenuLayoutItem> children;
};

// (ia{sv}): an item's properties.
struct DBusMenuItemProperties
{
    int id = 0;
    QVariantMap properties;
};
using DBusMenuItemPropertiesList = QList<DBusMenuItemProperties>;

// (ias): the names of properties an item no longer has.
struct DBusMenuItemRemovedProperties
{
    int id = 0;
    QStringList names;
};
using DBusMenuItemRemovedPropertiesList = QList<DBusMenuItemRemovedProperties>;

// (isvu): one event of EventGroup.
struct DBusMenuEvent
{
    int id = 0;
    QString eventId;
    QDBusVariant data;
    uint timestamp = 0;
};
using DBusMenuEventList = QList<DBusMenuEvent>;

// Registers every type above with QtDBus (once; safe to call again).
void registerDBusTrayTypes();

QDBusArgument &operator<<(QDBusArgument &argument, const SniIconPixmap &pixmap);
const QDBusArgument &operator>>(const QDBusArgument &argument, SniIconPixmap &pixmap);
QDBusArgument &operator<<(QDBusArgument &argument, const SniToolTip &toolTip);
const QDBusArgument &operator>>(const QDBusArgument &argument, SniToolTip &toolTip);
QDBusArgument &operator<<(QDBusArgument &argument, const DBusMenuLayoutItem &item);
const QDBusArgument &operator>>(const QDBusArgument &argument, DBusMenuLayoutItem &item);
QDBusArgument &operator<<(QDBusArgument &argument, const DBusMenuItemProperties &item);
const QDBusArgument &operator>>(const QDBusArgument &argument, DBusMenuItemProperties &item);
QDBusArgument &operator<<(QDBusArgument &argument, const DBusMenuItemRemovedProperties &item);
const QDBusArgument &operator>>(const QDBusArgument &argument, DBusMenuItemRemovedProperties &item);
QDBusArgument &operator<<(QDBusArgument &argument, const DBusMenuEvent &event);
const QDBusArgument &operator>>(const QDBusArgument &argument, DBusMenuEvent &event);

} // namespace LockWatch

Q_DECLARE_METATYPE(LockWatch::SniIconPixmap)
Q_DECLARE_METATYPE(LockWatch::SniToolTip)
Q_DECLARE_METATYPE(LockWatch::DBusMenuLayoutItem)
Q_DECLARE_METATYPE(LockWatch::DBusMenuItemProperties)
Q_DECLARE_METATYPE(LockWatch::DBusMenuItemRemovedProperties)
Q_DECLARE_METATYPE(LockWatch::DBusMenuEvent)
