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

#include <tuple>
#include <utility>

namespace LockWatch {

// One icon size: width, height, ARGB32 pixels in network byte order. (iiay)
struct SniIconPixmap
{
    int width = 0;
    int height = 0;
    QByteArray argb;

    template<typename Self> static auto fields(Self &s)
    {
        return std::tie(s.width, s.height, s.argb);
    }
};
using SniIconPixmaps = QList<SniIconPixmap>;

// (sa(iiay)ss): icon name, icon pixmaps, title, description.
struct SniToolTip
{
    QString iconName;
    SniIconPixmaps pixmaps;
    QString title;
    QString description;

    template<typename Self> static auto fields(Self &s)
    {
        return std::tie(s.iconName, s.pixmaps, s.title, s.description);
    }
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

    template<typename Self> static auto fields(Self &s) { return std::tie(s.id, s.properties); }
};
using DBusMenuItemPropertiesList = QList<DBusMenuItemProperties>;

// (ias): the names of properties an item no longer has.
struct DBusMenuItemRemovedProperties
{
    int id = 0;
    QStringList names;

    template<typename Self> static auto fields(Self &s) { return std::tie(s.id, s.names); }
};
using DBusMenuItemRemovedPropertiesList = QList<DBusMenuItemRemovedProperties>;

// (isvu): one event of EventGroup.
struct DBusMenuEvent
{
    int id = 0;
    QString eventId;
    QDBusVariant data;
    uint timestamp = 0;

    template<typename Self> static auto fields(Self &s)
    {
        return std::tie(s.id, s.eventId, s.data, s.timestamp);
    }
};
using DBusMenuEventList = QList<DBusMenuEvent>;

// Registers every type above with QtDBus (once; safe to call again).
void registerDBusTrayTypes();

// Every structure above with fields() goes over D-Bus as a structure of those
// fields, in order.
template<typename T, typename = decltype(T::fields(std::declval<T &>()))>
QDBusArgument &operator<<(QDBusArgument &argument, const T &value)
{
    argument.beginStructure();
    std::apply([&argument](const auto &...field) { (argument << ... << field); }, T::fields(value));
    argument.endStructure();
    return argument;
}

template<typename T, typename = decltype(T::fields(std::declval<T &>()))>
const QDBusArgument &operator>>(const QDBusArgument &argument, T &value)
{
    argument.beginStructure();
    std::apply([&argument](auto &...field) { (argument >> ... >> field); }, T::fields(value));
    argument.endStructure();
    return argument;
}

// The layout item holds its children in variants: written by hand.
QDBusArgument &operator<<(QDBusArgument &argument, const DBusMenuLayoutItem &item);
const QDBusArgument &operator>>(const QDBusArgument &argument, DBusMenuLayoutItem &item);

} // namespace LockWatch

Q_DECLARE_METATYPE(LockWatch::SniIconPixmap)
Q_DECLARE_METATYPE(LockWatch::SniToolTip)
Q_DECLARE_METATYPE(LockWatch::DBusMenuLayoutItem)
Q_DECLARE_METATYPE(LockWatch::DBusMenuItemProperties)
Q_DECLARE_METATYPE(LockWatch::DBusMenuItemRemovedProperties)
Q_DECLARE_METATYPE(LockWatch::DBusMenuEvent)
