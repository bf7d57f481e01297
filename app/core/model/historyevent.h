// One event in an instance's history: started, lock taken, stop requested,
// stopped, exited, crashed, restart scheduled or given up, duplicate attempt or
// running, lock missing, stale lock found, cleaned. As JSON (one line of the
// history file, and `lockwatch history --json`): never translated.
#pragma once

#include "core/system/exitstatus.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace LockWatch {

struct HistoryEvent
{
    Q_DECLARE_TR_FUNCTIONS(HistoryEvent)

public:
    enum class Type {
        Started,
        LockTaken,
        StopRequested,
        Stopped,
        Exited,
        Crashed,
        RestartScheduled,
        RestartGivenUp,
        DuplicateAttempt,
        DuplicateRunning,
        LockMissing,
        StaleLock,
        Cleaned,
    };
    // Who did it: a LockWatch presenter, a supervised restart, or someone else.
    enum class By { None, Tray, Cli, Agent, Restart, Other };

    qint64 timeMs = 0; // ms since the epoch
    QString name;
    Type type = Type::Started;
    qint64 pid = 0; // 0: none or unknown
    By by = By::None;
    ExitStatus exit; // Exited and Crashed only
    int attempt = 0; // RestartScheduled: which restart (1, 2, ...); RestartGivenUp: restarts made
    qint64 delayMs = -1; // RestartScheduled

    static HistoryEvent make(Type type, const QString &name, qint64 pid = 0, By by = By::None);

    static QString typeId(Type type);
    static QString byId(By by);
    static bool typeFromId(const QString &id, Type *type);
    static bool byFromId(const QString &id, By *by);

    // time as ISO 8601 with milliseconds and the local UTC offset.
    QString timeIso() const;
    QJsonObject toJson() const;
    // False when `object` is not an event (unknown id, no time, no name...).
    static bool fromJson(const QJsonObject &object, HistoryEvent *event);

    // For people, translated: "crashed (signal 9 (SIGKILL))", "started by the tray".
    QString describe() const;
    // Whether the exit status belongs in the JSON and the text.
    bool hasExit() const { return type == Type::Exited || type == Type::Crashed; }
};

} // namespace LockWatch
