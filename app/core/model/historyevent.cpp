#include "core/model/historyevent.h"

#include "core/model/enumids.h"
#include "core/model/isotime.h"

#include <QDateTime>
#include <QJsonValue>
#include <QLocale>

namespace LockWatch {

namespace {

constexpr EnumId<HistoryEvent::Type> TypeNames[] = {
    { HistoryEvent::Type::Started, "started" },
    { HistoryEvent::Type::LockTaken, "lock-taken" },
    { HistoryEvent::Type::StopRequested, "stop-requested" },
    { HistoryEvent::Type::Stopped, "stopped" },
    { HistoryEvent::Type::Exited, "exited" },
    { HistoryEvent::Type::Crashed, "crashed" },
    { HistoryEvent::Type::RestartScheduled, "restart-scheduled" },
    { HistoryEvent::Type::RestartGivenUp, "restart-given-up" },
    { HistoryEvent::Type::DuplicateAttempt, "duplicate-attempt" },
    { HistoryEvent::Type::DuplicateRunning, "duplicate-running" },
    { HistoryEvent::Type::LockMissing, "lock-missing" },
    { HistoryEvent::Type::StaleLock, "stale-lock" },
    { HistoryEvent::Type::Cleaned, "cleaned" },
};

constexpr EnumId<HistoryEvent::By> ByNames[] = {
    { HistoryEvent::By::Tray, "tray" },   { HistoryEvent::By::Cli, "cli" },
    { HistoryEvent::By::Agent, "agent" }, { HistoryEvent::By::Restart, "restart" },
    { HistoryEvent::By::Other, "other" },
};

const QLatin1String KeyTime("time");
const QLatin1String KeyName("name");
const QLatin1String KeyEvent("event");
const QLatin1String KeyPid("pid");
const QLatin1String KeyBy("by");
const QLatin1String KeyExitCode("exit_code");
const QLatin1String KeySignal("signal");
const QLatin1String KeyAttempt("attempt");
const QLatin1String KeyDelay("delay_ms");

} // namespace

HistoryEvent HistoryEvent::make(Type type, const QString &name, qint64 pid, By by)
{
    HistoryEvent event;
    event.timeMs = QDateTime::currentMSecsSinceEpoch();
    event.type = type;
    event.name = name;
    event.pid = pid;
    event.by = by;
    return event;
}

QString HistoryEvent::typeId(Type type)
{
    return idOf(TypeNames, type);
}

QString HistoryEvent::byId(By by)
{
    return idOf(ByNames, by);
}

bool HistoryEvent::typeFromId(const QString &id, Type *type)
{
    return valueOf(TypeNames, id, type);
}

bool HistoryEvent::byFromId(const QString &id, By *by)
{
    return valueOf(ByNames, id, by);
}

QString HistoryEvent::timeIso() const
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(timeMs);
    return IsoTime::format(timeMs, time.offsetFromUtc(), IsoTime::Milliseconds::Always);
}

QJsonObject HistoryEvent::toJson() const
{
    QJsonObject object;
    object.insert(KeyTime, timeIso());
    object.insert(KeyName, name);
    object.insert(KeyEvent, typeId(type));
    object.insert(KeyPid, pid > 0 ? QJsonValue(pid) : QJsonValue());
    if (by != By::None)
        object.insert(KeyBy, byId(by));
    if (hasExit() && exit.kind == ExitStatus::Kind::Code)
        object.insert(KeyExitCode, exit.value);
    if (hasExit() && exit.kind == ExitStatus::Kind::Signal)
        object.insert(KeySignal, exit.value);
    if (type == Type::RestartScheduled || type == Type::RestartGivenUp)
        object.insert(KeyAttempt, attempt);
    if (type == Type::RestartScheduled && delayMs >= 0)
        object.insert(KeyDelay, delayMs);
    return object;
}

bool HistoryEvent::fromJson(const QJsonObject &object, HistoryEvent *event)
{
    HistoryEvent e;
    const QDateTime time
            = QDateTime::fromString(object.value(KeyTime).toString(), Qt::ISODateWithMs);
    const QJsonValue name = object.value(KeyName);
    if (!time.isValid() || !name.isString() || name.toString().isEmpty()
        || !typeFromId(object.value(KeyEvent).toString(), &e.type))
        return false;
    e.timeMs = time.toMSecsSinceEpoch();
    e.name = name.toString();
    const QJsonValue pid = object.value(KeyPid);
    if (pid.isDouble())
        e.pid = qMax<qint64>(0, pid.toInteger());
    const QJsonValue by = object.value(KeyBy);
    if (by.isString() && !byFromId(by.toString(), &e.by))
        return false;
    const QJsonValue code = object.value(KeyExitCode);
    const QJsonValue signo = object.value(KeySignal);
    if (code.isDouble())
        e.exit = ExitStatus::code(int(code.toInteger()));
    else if (signo.isDouble())
        e.exit = ExitStatus::signal(int(signo.toInteger()));
    e.attempt = int(object.value(KeyAttempt).toInteger());
    e.delayMs = object.value(KeyDelay).isDouble() ? object.value(KeyDelay).toInteger() : -1;
    *event = e;
    return true;
}

QString HistoryEvent::describe() const
{
    switch (type) {
    case Type::Started:
        switch (by) {
        //: History event: the program was started from LockWatch's tray.
        case By::Tray: return tr("started from the tray");
        //: History event: the program was started with `lockwatch start`.
        case By::Cli: return tr("started from the command line");
        //: History event: the program was started by the LockWatch agent.
        case By::Agent: return tr("started by the agent");
        //: History event: LockWatch restarted the program after it crashed.
        case By::Restart: return tr("restarted");
        //: History event: the program was started outside LockWatch.
        case By::Other: return tr("started outside LockWatch");
        case By::None: break;
        }
        return tr("started");
    //: History event: the program took its lockfile. "lock": the lockfile.
    case Type::LockTaken: return tr("took its lock");
    case Type::StopRequested:
        switch (by) {
        //: History event: the user asked LockWatch's tray to stop the program.
        case By::Tray: return tr("stop requested from the tray");
        //: History event: someone ran `lockwatch stop`.
        case By::Cli: return tr("stop requested from the command line");
        //: History event: the LockWatch agent was asked to stop the program.
        case By::Agent: return tr("stop requested through the agent");
        default: break;
        }
        return tr("stop requested");
    //: History event: the program ended after a stop was requested.
    case Type::Stopped: return tr("stopped");
    //: History event: the program's process ended; %1 is "exit code 1", "signal 9 (SIGKILL)" or
    //: "exit status unknown".
    case Type::Exited: return tr("exited (%1)").arg(exit.text());
    //: History event: the program ended without anyone asking it to; %1 as for "exited".
    case Type::Crashed: return tr("crashed (%1)").arg(exit.text());
    case Type::RestartScheduled: {
        // The delay with the language's decimal separator ("0,2" in Czech and Italian).
        QLocale locale;
        locale.setNumberOptions(QLocale::OmitGroupSeparator);
        //: History event: %1 is which restart this is (1, 2, ...), %2 the delay in seconds ("0.2").
        return tr("restart %1 scheduled in %2 s")
                .arg(attempt)
                .arg(locale.toString(double(qMax<qint64>(0, delayMs)) / 1000.0, 'g', 6));
    }
    //: History event: LockWatch stopped restarting the program.
    case Type::RestartGivenUp:
        return tr("restarts given up after %n restart(s) within 10 minutes", nullptr, attempt);
    //: History event: someone tried to start a second copy, and it was refused.
    case Type::DuplicateAttempt: return tr("second start refused");
    //: History event: two copies of the program run at the same time.
    case Type::DuplicateRunning: return tr("running twice");
    //: History event: the program runs but does not hold its lockfile.
    case Type::LockMissing: return tr("runs without its lock");
    //: History event: the program is gone and its lockfile was left behind.
    case Type::StaleLock: return tr("stale lock found");
    //: History event: the stale lockfile was removed.
    case Type::Cleaned: return tr("stale lock removed");
    }
    return QString();
}

} // namespace LockWatch
