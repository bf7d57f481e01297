#include "tray/dbusmenuexporter.h"
#include "tray/logging.h"

#include <QAction>
#include <QActionEvent>
#include <QActionGroup>
#include <QBuffer>
#include <QDBusMessage>
#include <QGuiApplication>
#include <QIcon>
#include <QLoggingCategory>
#include <QMenu>

namespace LockWatch {

namespace {

// "S&top" -> "S_top", "a && b" -> "a & b", "snake_case" -> "snake__case".
QString dbusLabel(const QString &text)
{
    QString label;
    label.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('&')) {
            if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('&')) {
                label += QLatin1Char('&');
                ++i;
            } else {
                label += QLatin1Char('_');
            }
        } else if (c == QLatin1Char('_')) {
            label += QLatin1String("__");
        } else {
            label += c;
        }
    }
    return label;
}

constexpr int IconSize = 16;

} // namespace

DBusMenuExporter::DBusMenuExporter(QMenu *menu, QObject *parent)
    : QObject(parent)
    , m_root(menu)
    , m_connection(QString())
{
    registerDBusTrayTypes();
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(0);
    connect(&m_flushTimer, &QTimer::timeout, this, &DBusMenuExporter::flush);
    watchTree(menu);
}

DBusMenuExporter::~DBusMenuExporter()
{
    unregister();
}

bool DBusMenuExporter::registerOn(const QDBusConnection &connection, const QString &path)
{
    unregister();
    m_connection = connection;
    m_path = path;
    if (!m_connection.registerObject(path, this,
                                     QDBusConnection::ExportScriptableContents
                                             | QDBusConnection::ExportAllProperties)) {
        qCWarning(lcDBusMenu) << "cannot export the menu at" << path << m_connection.lastError();
        m_path.clear();
        return false;
    }
    return true;
}

void DBusMenuExporter::unregister()
{
    if (!m_path.isEmpty() && m_connection.isConnected())
        m_connection.unregisterObject(m_path);
    m_path.clear();
}

QString DBusMenuExporter::textDirection() const
{
    return QGuiApplication::layoutDirection() == Qt::RightToLeft ? QStringLiteral("rtl")
                                                                 : QStringLiteral("ltr");
}

int DBusMenuExporter::idFor(QAction *action)
{
    const auto found = m_ids.constFind(action);
    if (found != m_ids.constEnd())
        return found.value();
    const int id = m_nextId++;
    m_ids.insert(action, id);
    m_actions.insert(id, action);
    connect(action, &QObject::destroyed, this, [this, action, id] {
        m_ids.remove(action);
        m_actions.remove(id);
        m_icons.remove(id);
        m_dirtyProperties.remove(id);
    });
    return id;
}

QMenu *DBusMenuExporter::menuOf(int id) const
{
    if (id == 0)
        return m_root;
    const QPointer<QAction> action = m_actions.value(id);
    return action ? action->menu() : nullptr;
}

void DBusMenuExporter::watchTree(QMenu *menu)
{
    if (!menu)
        return;
    if (!m_watched.contains(menu)) {
        m_watched.insert(menu);
        menu->installEventFilter(this);
        connect(menu, &QObject::destroyed, this, [this, menu] { m_watched.remove(menu); });
    }
    for (QAction *action : menu->actions()) {
        idFor(action);
        if (action->menu())
            watchTree(action->menu());
    }
}

bool DBusMenuExporter::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::ActionChanged: {
        QAction *action = static_cast<QActionEvent *>(event)->action();
        m_dirtyProperties.insert(idFor(action));
        // A submenu set on an existing action changes the layout, not just properties.
        if (action->menu() && !m_watched.contains(action->menu()))
            m_dirtyLayout.insert(idFor(action));
        m_flushTimer.start();
        break;
    }
    case QEvent::ActionAdded:
    case QEvent::ActionRemoved: {
        auto *menu = qobject_cast<QMenu *>(watched);
        m_dirtyLayout.insert(menu == m_root || !menu ? 0 : idFor(menu->menuAction()));
        m_flushTimer.start();
        break;
    }
    default: break;
    }
    return QObject::eventFilter(watched, event);
}

void DBusMenuExporter::flush()
{
    m_flushTimer.stop();
    if (!m_dirtyLayout.isEmpty()) {
        watchTree(m_root);
        ++m_revision;
        const int parent = m_dirtyLayout.size() == 1 ? *m_dirtyLayout.cbegin() : 0;
        m_dirtyLayout.clear();
        qCDebug(lcDBusMenu) << "layout updated" << m_revision << parent;
        emit LayoutUpdated(m_revision, parent);
    }
    if (!m_dirtyProperties.isEmpty()) {
        DBusMenuItemPropertiesList updated;
        for (int id : qAsConst(m_dirtyProperties)) {
            if (QAction *action = m_actions.value(id))
                updated.append({ id, properties(action, {}) });
        }
        m_dirtyProperties.clear();
        qCDebug(lcDBusMenu) << "properties updated for" << updated.size() << "items";
        if (!updated.isEmpty())
            emit ItemsPropertiesUpdated(updated, {});
    }
}

QByteArray DBusMenuExporter::iconPng(int id, const QIcon &icon)
{
    const auto cached = m_icons.constFind(id);
    if (cached != m_icons.constEnd() && cached->first == icon.cacheKey())
        return cached->second;
    const qreal dpr = qGuiApp ? qGuiApp->devicePixelRatio() : 1.0;
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    icon.pixmap(QSize(IconSize, IconSize), dpr).toImage().save(&buffer, "PNG");
    m_icons.insert(id, { icon.cacheKey(), png });
    return png;
}

QVariantMap DBusMenuExporter::properties(QAction *action, const QStringList &names)
{
    QVariantMap all;
    const int id = idFor(action);
    if (action->isSeparator()) {
        all.insert(QStringLiteral("type"), QStringLiteral("separator"));
    } else {
        all.insert(QStringLiteral("label"), dbusLabel(action->text()));
        all.insert(QStringLiteral("enabled"), action->isEnabled());
        if (action->menu())
            all.insert(QStringLiteral("children-display"), QStringLiteral("submenu"));
        if (action->isCheckable()) {
            const bool radio = action->actionGroup() && action->actionGroup()->isExclusive();
            all.insert(QStringLiteral("toggle-type"),
                       radio ? QStringLiteral("radio") : QStringLiteral("checkmark"));
            all.insert(QStringLiteral("toggle-state"), action->isChecked() ? 1 : 0);
        }
        if (!action->icon().isNull())
            all.insert(QStringLiteral("icon-data"), iconPng(id, action->icon()));
    }
    all.insert(QStringLiteral("visible"), action->isVisible());
    if (names.isEmpty())
        return all;
    QVariantMap wanted;
    for (const QString &name : names)
        if (all.contains(name))
            wanted.insert(name, all.value(name));
    return wanted;
}

DBusMenuLayoutItem DBusMenuExporter::layoutOf(int id, QMenu *menu, int depth,
                                              const QStringList &names)
{
    DBusMenuLayoutItem item;
    item.id = id;
    if (id == 0)
        item.properties.insert(QStringLiteral("children-display"), QStringLiteral("submenu"));
    else
        item.properties = properties(m_actions.value(id), names);
    if (!menu || depth == 0)
        return item;
    for (QAction *action : menu->actions()) {
        const int childId = idFor(action);
        item.children << layoutOf(childId, action->menu(), depth < 0 ? -1 : depth - 1, names);
        if (action->menu())
            watchTree(action->menu());
    }
    return item;
}

bool DBusMenuExporter::unknownId(int id)
{
    if (id == 0 || m_actions.value(id))
        return false;
    if (calledFromDBus())
        sendErrorReply(QDBusError::InvalidArgs, QStringLiteral("unknown menu item %1").arg(id));
    return true;
}

uint DBusMenuExporter::GetLayout(int parentId, int recursionDepth, const QStringList &propertyNames,
                                 DBusMenuLayoutItem &layout)
{
    if (unknownId(parentId))
        return 0;
    // What changed but was not announced yet is read as it is now; announcing it
    // later would only make the host ask again.
    layout = layoutOf(parentId, menuOf(parentId), recursionDepth, propertyNames);
    return m_revision;
}

DBusMenuItemPropertiesList DBusMenuExporter::GetGroupProperties(const QList<int> &ids,
                                                                const QStringList &propertyNames)
{
    DBusMenuItemPropertiesList result;
    for (int id : ids) {
        if (id == 0)
            result.append(
                    { 0, { { QStringLiteral("children-display"), QStringLiteral("submenu") } } });
        else if (QAction *action = m_actions.value(id))
            result.append({ id, properties(action, propertyNames) });
    }
    return result;
}

QDBusVariant DBusMenuExporter::GetProperty(int id, const QString &name)
{
    if (unknownId(id))
        return QDBusVariant(QVariant());
    const QVariantMap all = id == 0
            ? QVariantMap { { QStringLiteral("children-display"), QStringLiteral("submenu") } }
            : properties(m_actions.value(id), { name });
    return QDBusVariant(all.value(name, QString()));
}

void DBusMenuExporter::Event(int id, const QString &eventId, const QDBusVariant &data,
                             uint timestamp)
{
    Q_UNUSED(data)
    Q_UNUSED(timestamp)
    if (unknownId(id))
        return;
    qCDebug(lcDBusMenu) << "event" << eventId << "on" << id;
    if (eventId == QLatin1String("clicked")) {
        QPointer<QAction> action = m_actions.value(id);
        if (!action || action->menu() || !action->isEnabled() || !action->isVisible())
            return;
        // After the reply: an action may quit, or open a modal dialog.
        QTimer::singleShot(0, this, [action] {
            if (action && action->isEnabled())
                action->trigger();
        });
    } else if (eventId == QLatin1String("opened")) {
        // Hosts that send "opened" without AboutToShow get a current submenu too.
        if (QMenu *menu = menuOf(id))
            emit menu->aboutToShow();
    }
}

QList<int> DBusMenuExporter::EventGroup(const DBusMenuEventList &events)
{
    QList<int> errors;
    for (const DBusMenuEvent &event : events) {
        if (event.id != 0 && !m_actions.value(event.id))
            errors << event.id;
        else
            Event(event.id, event.eventId, event.data, event.timestamp);
    }
    return errors;
}

bool DBusMenuExporter::AboutToShow(int id)
{
    if (unknownId(id))
        return false;
    QMenu *menu = menuOf(id);
    if (!menu)
        return false;
    emit menu->aboutToShow();
    // Whatever the refresh changed goes out before this reply, and the host reads
    // the layout again.
    const bool changed = !m_dirtyLayout.isEmpty() || !m_dirtyProperties.isEmpty();
    flush();
    return changed;
}

QList<int> DBusMenuExporter::AboutToShowGroup(const QList<int> &ids, QList<int> &idErrors)
{
    QList<int> updatesNeeded;
    for (int id : ids) {
        QMenu *menu = menuOf(id);
        if (!menu) {
            idErrors << id;
            continue;
        }
        emit menu->aboutToShow();
        if (!m_dirtyLayout.isEmpty() || !m_dirtyProperties.isEmpty())
            updatesNeeded << id;
    }
    flush();
    return updatesNeeded;
}

} // namespace LockWatch
