#include "tray/statusnotifieritem.h"

#include "tray/dbusmenuexporter.h"
#include "tray/logging.h"

#include <QCoreApplication>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusServiceWatcher>
#include <QImage>
#include <QLoggingCategory>
#include <QMenu>
#include <QtEndian>

namespace LockWatch {

namespace {

const QString WatcherPath = QStringLiteral("/StatusNotifierWatcher");
const QString WatcherInterface = QStringLiteral("org.kde.StatusNotifierWatcher");
const QString PropertiesInterface = QStringLiteral("org.freedesktop.DBus.Properties");
// The sizes hosts ask for most (panels of 16 to 48 px, and twice that on HiDPI);
// a host scales the nearest one.
constexpr int PixmapSizes[] = { 16, 22, 24, 32, 48, 64, 96 };
// A watcher that does not answer must not freeze the tray at start.
constexpr int StartupCallTimeoutMs = 2000;

SniIconPixmap toPixmap(const QIcon &icon, int size)
{
    const QImage image = icon.pixmap(QSize(size, size), 1.0)
                                 .toImage()
                                 .convertToFormat(QImage::Format_ARGB32)
                                 .scaled(size, size);
    SniIconPixmap pixmap { image.width(), image.height(), QByteArray() };
    pixmap.argb.resize(qsizetype(image.width()) * image.height() * 4);
    auto *out = reinterpret_cast<quint32 *>(pixmap.argb.data());
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const quint32 *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x)
            *out++ = qToBigEndian(line[x]); // ARGB32 in network byte order
    }
    return pixmap;
}

} // namespace

StatusNotifierItem::StatusNotifierItem(QMenu *menu, QObject *parent)
    : QObject(parent)
    , m_bus(QDBusConnection::sessionBus())
{
    registerDBusTrayTypes();
    m_exporter = new DBusMenuExporter(menu, this);
    if (!m_bus.isConnected()) {
        qCInfo(lcSni) << "no session bus: no StatusNotifierItem";
        return;
    }
    m_exporter->registerOn(m_bus, QLatin1String(MenuPath));
    m_exported = m_bus.registerObject(QLatin1String(ItemPath), this,
                                      QDBusConnection::ExportScriptableContents
                                              | QDBusConnection::ExportAllProperties);
    m_serviceName = QStringLiteral("org.kde.StatusNotifierItem-%1-1")
                            .arg(QCoreApplication::applicationPid());
    if (!m_exported || !m_bus.registerService(m_serviceName)) {
        qCWarning(lcSni) << "cannot offer a StatusNotifierItem:" << m_bus.lastError().message();
        m_exported = false;
        return;
    }
    m_watcher = new QDBusServiceWatcher(QLatin1String(WatcherService), m_bus,
                                        QDBusServiceWatcher::WatchForOwnerChange, this);
    connect(m_watcher, &QDBusServiceWatcher::serviceOwnerChanged, this,
            [this](const QString &, const QString &, const QString &newOwner) {
                onWatcherOwnerChanged(newOwner);
            });
    // From any sender: a watcher that has just taken its name may signal before
    // QtDBus knows it owns the name, and a signal filtered by that name would be
    // lost. What the signal says is asked again of the watcher itself.
    m_bus.connect(QString(), WatcherPath, WatcherInterface,
                  QStringLiteral("StatusNotifierHostRegistered"), this, SLOT(onHostChanged()));
    m_bus.connect(QString(), WatcherPath, WatcherInterface,
                  QStringLiteral("StatusNotifierHostUnregistered"), this, SLOT(onHostChanged()));

    // At start the answer is needed now: the tray decides between the icon and
    // the status window before the event loop runs.
    if (!m_bus.interface()->isServiceRegistered(QLatin1String(WatcherService)))
        return;
    QDBusMessage registration = QDBusMessage::createMethodCall(
            QLatin1String(WatcherService), WatcherPath, WatcherInterface,
            QStringLiteral("RegisterStatusNotifierItem"));
    registration << m_serviceName;
    m_bus.call(registration, QDBus::Block, StartupCallTimeoutMs);
    QDBusMessage query = QDBusMessage::createMethodCall(QLatin1String(WatcherService), WatcherPath,
                                                        PropertiesInterface, QStringLiteral("Get"));
    query << WatcherInterface << QStringLiteral("IsStatusNotifierHostRegistered");
    const QDBusMessage reply = m_bus.call(query, QDBus::Block, StartupCallTimeoutMs);
    m_hosted = reply.type() == QDBusMessage::ReplyMessage && !reply.arguments().isEmpty()
            && reply.arguments().constFirst().value<QDBusVariant>().variant().toBool();
    qCInfo(lcSni) << "registered as" << m_serviceName << (m_hosted ? "(hosted)" : "(no host yet)");
}

StatusNotifierItem::~StatusNotifierItem()
{
    if (m_exported) {
        m_bus.unregisterObject(QLatin1String(ItemPath));
        m_bus.unregisterService(m_serviceName);
    }
}

void StatusNotifierItem::onWatcherOwnerChanged(const QString &newOwner)
{
    if (newOwner.isEmpty()) {
        qCInfo(lcSni) << "the StatusNotifierWatcher went away";
        setHosted(false);
        return;
    }
    qCInfo(lcSni) << "a StatusNotifierWatcher appeared";
    registerWithWatcher();
}

void StatusNotifierItem::registerWithWatcher()
{
    QDBusMessage registration = QDBusMessage::createMethodCall(
            QLatin1String(WatcherService), WatcherPath, WatcherInterface,
            QStringLiteral("RegisterStatusNotifierItem"));
    registration << m_serviceName;
    auto *registered = new QDBusPendingCallWatcher(m_bus.asyncCall(registration), this);
    connect(registered, &QDBusPendingCallWatcher::finished, this, [](QDBusPendingCallWatcher *w) {
        if (w->isError())
            qCWarning(lcSni) << "the watcher refused the item:" << w->error().message();
        w->deleteLater();
    });
    // Asked after the registration (one connection keeps the order): a host that
    // is there already shows the item by the time the answer comes.
    onHostChanged();
}

void StatusNotifierItem::onHostChanged()
{
    QDBusMessage query = QDBusMessage::createMethodCall(QLatin1String(WatcherService), WatcherPath,
                                                        PropertiesInterface, QStringLiteral("Get"));
    query << WatcherInterface << QStringLiteral("IsStatusNotifierHostRegistered");
    auto *answered = new QDBusPendingCallWatcher(m_bus.asyncCall(query), this);
    connect(answered, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
        const QDBusPendingReply<QDBusVariant> reply = *w;
        setHosted(reply.isValid() && reply.value().variant().toBool());
        w->deleteLater();
    });
}

void StatusNotifierItem::setHosted(bool hosted)
{
    if (hosted == m_hosted)
        return;
    m_hosted = hosted;
    qCInfo(lcSni) << (hosted ? "a StatusNotifierItem host shows the item"
                             : "no StatusNotifierItem host any more");
    emit hostedChanged(hosted);
}

void StatusNotifierItem::setIcon(const QIcon &icon)
{
    // Drawn when a host asks: with no host (an XEmbed tray, none at all) nothing
    // is kept but the icon itself.
    m_icon = icon;
    m_pixmaps.clear();
    emit NewIcon();
}

SniIconPixmaps StatusNotifierItem::iconPixmap() const
{
    if (m_pixmaps.isEmpty() && !m_icon.isNull()) {
        for (int size : PixmapSizes)
            m_pixmaps << toPixmap(m_icon, size);
    }
    return m_pixmaps;
}

void StatusNotifierItem::setToolTip(const QString &toolTip)
{
    const qsizetype newline = toolTip.indexOf(QLatin1Char('\n'));
    const QString title = newline < 0 ? toolTip : toolTip.left(newline);
    const QString text = newline < 0 ? QString() : toolTip.mid(newline + 1);
    if (title == m_toolTipTitle && text == m_toolTipText)
        return;
    m_toolTipTitle = title;
    m_toolTipText = text;
    emit NewToolTip();
}

SniToolTip StatusNotifierItem::toolTip() const
{
    // Hosts read the description as markup: the names and states are escaped.
    return SniToolTip {
        QString(), {}, m_toolTipTitle.toHtmlEscaped(), m_toolTipText.toHtmlEscaped()
    };
}

void StatusNotifierItem::ContextMenu(int x, int y)
{
    qCDebug(lcSni) << "ContextMenu" << x << y;
    emit contextMenuRequested(QPoint(x, y));
}

void StatusNotifierItem::Activate(int x, int y)
{
    qCDebug(lcSni) << "Activate" << x << y;
    emit activateRequested();
}

void StatusNotifierItem::SecondaryActivate(int x, int y)
{
    qCDebug(lcSni) << "SecondaryActivate" << x << y;
    emit secondaryActivateRequested();
}

void StatusNotifierItem::Scroll(int delta, const QString &orientation)
{
    Q_UNUSED(delta)
    Q_UNUSED(orientation)
}

} // namespace LockWatch
