// Desktop notifications: duplicate attempt, duplicate running (critical),
// unexpected stop, stale lock found. Events arriving close together are merged
// into one notification per kind ("3 instances stopped unexpectedly"), so a hundred
// instances changing at once is one notification, not a hundred.
//
// Sent through org.freedesktop.Notifications over D-Bus when that service is there
// - with "Show" and "Clean up" buttons when the server supports actions - and
// through QSystemTrayIcon::showMessage otherwise.
#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

#include <QSystemTrayIcon>

namespace LockWatch {

class Notifier : public QObject
{
    Q_OBJECT

public:
    enum class Kind { DuplicateAttempt, DuplicateRunning, UnexpectedStop, StaleLock, Error,
                      RestartGivenUp };
    Q_ENUM(Kind)

    static constexpr int DefaultCoalesceMs = 200;

    explicit Notifier(QSystemTrayIcon *fallback, QObject *parent = nullptr);
    ~Notifier() override;

    // Queues one event. `detail` is a translated sentence about this one event
    // (shown when it is alone); `cleanable`: a stale lock the user may clean up.
    void notify(Kind kind, const QString &name, const QString &detail = QString(),
                bool cleanable = false);
    // Sends what is queued now.
    void flush();
    // An action of the user's own failed: told at once, not merged.
    void showError(const QString &summary, const QString &body);

    void setCoalesceInterval(int ms) { m_timer.setInterval(ms); }
    void setFallback(QSystemTrayIcon *fallback) { m_fallback = fallback; }
    // Whether the freedesktop service answered and supports action buttons.
    bool serverSupportsActions() const { return m_actions; }

    // The text of a merged notification (also what tests check).
    struct Message
    {
        Kind kind;
        QString summary;
        QString body;
        QStringList names;
        QStringList cleanable;
        bool critical = false;
    };
    static Message compose(Kind kind, const QStringList &names, const QStringList &details,
                           const QStringList &cleanable);

signals:
    // Every notification handed to the desktop (D-Bus or the tray fallback).
    void sent(const LockWatch::Notifier::Message &message);
    // The user clicked "Show" (or the notification itself).
    void showRequested(const QString &name);
    // The user clicked "Clean up" for these stale instances.
    void cleanRequested(const QStringList &names);
    // The user clicked "Retry" for these instances whose restarts were given up.
    void retryRequested(const QStringList &names);

private Q_SLOTS:
    void onActionInvoked(uint id, const QString &key);
    void onNotificationClosed(uint id, uint reason);

private:
    struct Event
    {
        QString name;
        QString detail;
        bool cleanable;
    };
    void send(const Message &message);
    bool dbusAvailable() const;
    void queryCapabilities();

    QPointer<QSystemTrayIcon> m_fallback;
    QTimer m_timer;
    QList<std::pair<Kind, Event>> m_pending;
    bool m_actions = false;
    bool m_capabilitiesAsked = false;
    QHash<uint, Message> m_shown; // D-Bus notification id -> what it was about
};

} // namespace LockWatch
