#include "tray/notifier.h"
#include "tray/logging.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusReply>
#include <QDBusVariant>
#include <QLoggingCategory>
#include <QSystemTrayIcon>

#ifdef LOCKWATCH_APP_ID
#define LOCKWATCH_DESKTOP_ID LOCKWATCH_APP_ID
#else
#define LOCKWATCH_DESKTOP_ID "io.github.lockwatch.LockWatch"
#endif

namespace LockWatch {

namespace {

const QString Service = QStringLiteral("org.freedesktop.Notifications");
const QString Path = QStringLiteral("/org/freedesktop/Notifications");
const QString Interface = QStringLiteral("org.freedesktop.Notifications");
constexpr int MaxNamesInBody = 5;

// "a, b, c and 7 more"
QString listNames(const QStringList &names)
{
    if (names.size() <= MaxNamesInBody)
        return names.join(QLatin1String(", "));
    const QStringList first = names.mid(0, MaxNamesInBody);
    return Notifier::tr("%1 and %n more", nullptr, int(names.size() - MaxNamesInBody))
            .arg(first.join(QLatin1String(", ")));
}

// How a merged notification of each kind is titled: one instance by its name, several
// by their number; and whether it is critical. In the order a burst sends them, the
// most serious first. (Error messages bring their own title and are not merged.)
struct Title
{
    Notifier::Kind kind;
    const char *one;
    const char *several;
    bool critical;
};

const Title Titles[] = {
    { Notifier::Kind::RestartGivenUp,
      //: Notification title: LockWatch stopped restarting a program that kept crashing.
      QT_TRANSLATE_NOOP("LockWatch::Notifier", "Restarts of \"%1\" given up"),
      //: An "instance" is one monitored program (one configured lockfile).
      QT_TRANSLATE_N_NOOP("LockWatch::Notifier", "Restarts of %n instance(s) given up"), true },
    { Notifier::Kind::DuplicateRunning,
      QT_TRANSLATE_NOOP("LockWatch::Notifier", "\"%1\" is running twice"),
      //: An "instance" is one monitored program (one configured lockfile).
      QT_TRANSLATE_N_NOOP("LockWatch::Notifier", "%n instance(s) running twice"), true },
    { Notifier::Kind::UnexpectedStop,
      QT_TRANSLATE_NOOP("LockWatch::Notifier", "\"%1\" stopped unexpectedly"),
      //: An "instance" is one monitored program (one configured lockfile).
      QT_TRANSLATE_N_NOOP("LockWatch::Notifier", "%n instance(s) stopped unexpectedly"), false },
    { Notifier::Kind::StaleLock,
      //: Notification title; a stale lock is a lockfile left behind by a program that is gone.
      QT_TRANSLATE_NOOP("LockWatch::Notifier", "Stale lock found: \"%1\""),
      QT_TRANSLATE_N_NOOP("LockWatch::Notifier", "%n stale lock(s) found"), false },
    { Notifier::Kind::DuplicateAttempt,
      //: Notification title: someone tried to start a program that already runs; %1 is
      //: the instance's name.
      QT_TRANSLATE_NOOP("LockWatch::Notifier", "Second start of \"%1\" refused"),
      QT_TRANSLATE_N_NOOP("LockWatch::Notifier", "%n duplicate start(s) refused"), false },
};

} // namespace

Notifier::Notifier(QSystemTrayIcon *fallback, QObject *parent)
    : QObject(parent), m_fallback(fallback)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(DefaultCoalesceMs);
    connect(&m_timer, &QTimer::timeout, this, &Notifier::flush);

    QDBusConnection bus = QDBusConnection::sessionBus();
    if (bus.isConnected()) {
        bus.connect(Service, Path, Interface, QStringLiteral("ActionInvoked"), this,
                    SLOT(onActionInvoked(uint, QString)));
        bus.connect(Service, Path, Interface, QStringLiteral("NotificationClosed"), this,
                    SLOT(onNotificationClosed(uint, uint)));
        if (dbusAvailable())
            queryCapabilities();
    }
}

Notifier::~Notifier() = default;

bool Notifier::dbusAvailable() const
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface())
        return false;
    if (bus.interface()->isServiceRegistered(Service))
        return true;
    // A server started on demand by the bus counts too.
    const QDBusReply<QStringList> activatable = bus.interface()->call(
            QStringLiteral("ListActivatableNames"));
    return activatable.isValid() && activatable.value().contains(Service);
}

void Notifier::queryCapabilities()
{
    m_capabilitiesAsked = true;
    QDBusMessage call = QDBusMessage::createMethodCall(Service, Path, Interface,
                                                       QStringLiteral("GetCapabilities"));
    auto *watcher = new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
        const QDBusPendingReply<QStringList> reply = *w;
        if (reply.isValid()) {
            m_actions = reply.value().contains(QLatin1String("actions"));
            qCDebug(lcNotifier) << "notification server capabilities" << reply.value();
        } else {
            m_capabilitiesAsked = false; // ask again next time
        }
        w->deleteLater();
    });
}

void Notifier::notify(Kind kind, const QString &name, const QString &detail, bool cleanable)
{
    m_pending.append({kind, Event{name, detail, cleanable}});
    if (!m_timer.isActive())
        m_timer.start();
}

Notifier::Message Notifier::compose(Kind kind, const QStringList &names, const QStringList &details,
                                    const QStringList &cleanable)
{
    Message message{kind, QString(), QString(), names, cleanable, false};
    const int count = int(names.size());
    for (const Title &title : Titles) {
        if (title.kind != kind)
            continue;
        message.summary = count == 1 ? tr(title.one).arg(names.constFirst())
                                     : tr(title.several, nullptr, count);
        message.critical = title.critical;
    }
    if (count == 1 && !details.value(0).isEmpty())
        message.body = details.constFirst();
    else if (count > 1)
        message.body = listNames(names);
    return message;
}

void Notifier::flush()
{
    m_timer.stop();
    const auto pending = std::exchange(m_pending, {});
    for (const Title &title : Titles) {
        const Kind kind = title.kind;
        QStringList names, details, cleanable;
        for (const auto &[eventKind, event] : pending) {
            if (eventKind != kind)
                continue;
            if (names.contains(event.name)) {
                // The same instance twice in one burst: keep the newest detail.
                details[names.indexOf(event.name)] = event.detail;
            } else {
                names << event.name;
                details << event.detail;
            }
            if (event.cleanable && !cleanable.contains(event.name))
                cleanable << event.name;
        }
        if (!names.isEmpty())
            send(compose(kind, names, details, cleanable));
    }
}

void Notifier::showError(const QString &summary, const QString &body)
{
    send(Message{Kind::Error, summary, body, {}, {}, false});
}

void Notifier::send(const Message &message)
{
    emit sent(message);
    qCDebug(lcNotifier) << "notify:" << message.summary << message.body;
    if (dbusAvailable()) {
        if (!m_capabilitiesAsked)
            queryCapabilities();
        QStringList actions;
        if (m_actions) {
            actions << QStringLiteral("default") << tr("Show");
            if (!message.cleanable.isEmpty())
                //: Notification button: remove the stale lockfile(s).
                actions << QStringLiteral("clean") << tr("Clean up");
            if (message.kind == Kind::RestartGivenUp)
                //: Notification button: start the program again (restarts were given up).
                actions << QStringLiteral("retry") << tr("Retry");
            actions << QStringLiteral("show") << tr("Show");
        }
        QVariantMap hints;
        hints.insert(QStringLiteral("urgency"), QVariant::fromValue(uchar(message.critical ? 2 : 1)));
        hints.insert(QStringLiteral("desktop-entry"), QStringLiteral(LOCKWATCH_DESKTOP_ID));
        QDBusMessage call = QDBusMessage::createMethodCall(Service, Path, Interface,
                                                           QStringLiteral("Notify"));
        call << QStringLiteral("LockWatch") << uint(0) << QStringLiteral(LOCKWATCH_DESKTOP_ID)
             << message.summary << message.body.toHtmlEscaped() << actions << hints
             << int(message.critical ? 0 : -1);
        auto *watcher = new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(call),
                                                    this);
        connect(watcher, &QDBusPendingCallWatcher::finished, this,
                [this, message](QDBusPendingCallWatcher *w) {
                    const QDBusPendingReply<uint> reply = *w;
                    if (reply.isValid()) {
                        m_shown.insert(reply.value(), message);
                    } else {
                        qCWarning(lcNotifier) << "notification server failed:"
                                              << reply.error().message();
                        if (m_fallback)
                            m_fallback->showMessage(message.summary, message.body,
                                                    message.critical ? QSystemTrayIcon::Critical
                                                                     : QSystemTrayIcon::Warning);
                    }
                    w->deleteLater();
                });
        return;
    }
    if (m_fallback) {
        m_fallback->showMessage(message.summary, message.body,
                                message.critical ? QSystemTrayIcon::Critical
                                                 : QSystemTrayIcon::Warning);
    }
}

void Notifier::onActionInvoked(uint id, const QString &key)
{
    const auto found = m_shown.constFind(id);
    if (found == m_shown.constEnd())
        return; // another application's notification
    if (key == QLatin1String("clean"))
        emit cleanRequested(found->cleanable);
    else if (key == QLatin1String("retry"))
        emit retryRequested(found->names);
    else
        emit showRequested(found->names.size() == 1 ? found->names.constFirst() : QString());
}

void Notifier::onNotificationClosed(uint id, uint reason)
{
    Q_UNUSED(reason)
    m_shown.remove(id);
}

} // namespace LockWatch
