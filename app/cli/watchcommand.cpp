// `lockwatch watch [--json] [--initial]`: one line per change, as it happens,
// until SIGINT or SIGTERM (then exit 0).
#include "cli/cli.h"
#include "cli/watchsession.h"
#include "cli/clustercommands.h"
#include "cli/output.h"

#include "core/i18n/datetimetext.h"
#include "core/monitor/announcements.h"
#include "core/model/isotime.h"
#include "core/monitor/monitor.h"
#include "core/system/errnotext.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <cerrno>

namespace LockWatch::Cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

// ISO 8601 with milliseconds and the local UTC offset: 2025-07-20T12:30:00.123+02:00.
QString now()
{
    return IsoTime::now(IsoTime::Milliseconds::Always);
}

QString clock()
{
    return Translation::dateTimeText(QDateTime::currentMSecsSinceEpoch(),
                                     Translation::Precision::Milliseconds);
}

class Printer
{
public:
    Printer(WatchSession &session, bool json)
        : m_session(session)
        , m_json(json)
    { }

    void state(const InstanceStatus *previous, const InstanceStatus &current)
    {
        if (m_json) {
            QJsonObject obj = current.toJson();
            obj.insert(QLatin1String("time"), now());
            obj.insert(QLatin1String("previous"),
                       previous ? QJsonValue(stateId(previous->state)) : QJsonValue());
            line(obj);
            return;
        }
        QString text;
        if (!previous) {
            //: `lockwatch watch`: the current state of an instance. %1 time, %2 instance name, %3
            //: state
            text = Tr::tr("%1  %2: %3").arg(clock(), current.name, describeState(current));
        } else {
            //: `lockwatch watch`: a state change. %1 time, %2 instance name, %3 old state, %4 new
            //: state
            text = Tr::tr("%1  %2: %3 → %4")
                           .arg(clock(), current.name, describeState(*previous),
                                describeState(current));
        }
        if (current.copies.size() > 1)
            //: `lockwatch watch`: the process IDs of every copy of a program that runs.
            text += QLatin1String(", ") + Tr::tr("PIDs %1").arg(describePids(current));
        else if (current.pid > 0)
            text += QLatin1String(", ") + Tr::tr("PID %1").arg(current.pid);
        for (Warning w : current.warnings)
            text += QLatin1String(" [") + warningText(w) + QLatin1Char(']');
        print(text);
    }

    void duplicateRunning(const QString &name, qint64 previousPid, qint64 currentPid)
    {
        event(QLatin1String("duplicate-running"), name,
              { { QLatin1String("previous_pid"), previousPid },
                { QLatin1String("pid"), currentPid } },
              //: `lockwatch watch`: a program took over a lock older than an hour; two copies of the program run now.
              Tr::tr("%1  %2: DUPLICATE RUNNING: the lock passed from PID %3 to PID %4 while "
                     "PID %3 still runs")
                      .arg(clock(), name)
                      .arg(previousPid)
                      .arg(currentPid));
    }

    void copyRunning(const QString &name, qint64 runningPid, qint64 copyPid)
    {
        event(QLatin1String("duplicate-running"), name,
              { { QLatin1String("running_pid"), runningPid }, { QLatin1String("pid"), copyPid } },
              //: `lockwatch watch`: a second copy of a program runs beside the first one.
              Tr::tr("%1  %2: DUPLICATE RUNNING: PID %3 runs beside PID %4")
                      .arg(clock(), name)
                      .arg(copyPid)
                      .arg(runningPid));
    }

    void unexpectedStop(const QString &name, qint64 pid)
    {
        event(QLatin1String("unexpected-stop"), name, { { QLatin1String("pid"), pid } },
              //: `lockwatch watch`: a running program ended without anyone asking it to (a crash).
              Tr::tr("%1  %2: UNEXPECTED STOP: PID %3 ended without a stop request")
                      .arg(clock(), name)
                      .arg(pid));
    }

    void duplicateAttempt(const QString &name, qint64 attemptPid, qint64 holderPid)
    {
        QJsonObject fields { { QLatin1String("pid"), attemptPid } };
        if (holderPid > 0)
            fields.insert(QLatin1String("holder_pid"), holderPid);
        event(QLatin1String("duplicate-attempt"), name, fields,
              //: `lockwatch watch`: a second copy of a running program checked its lock.
              Tr::tr("%1  %2: duplicate start attempt by PID %3 (running as PID %4)")
                      .arg(clock(), name)
                      .arg(attemptPid)
                      .arg(holderPid));
    }

    void removed(const QString &name)
    {
        event(QLatin1String("removed"), name, QJsonObject(),
              //: `lockwatch watch`: an instance was removed from the configuration.
              Tr::tr("%1  %2: no longer watched (removed from the configuration)")
                      .arg(clock(), name));
    }

private:
    // One event of an instance: as JSON, {"event", "name", "time"} and `fields`; as
    // text, the line `text`.
    void event(QLatin1String id, const QString &name, QJsonObject fields, const QString &text)
    {
        if (!m_json) {
            print(text);
            return;
        }
        fields.insert(QLatin1String("event"), id);
        fields.insert(QLatin1String("name"), name);
        fields.insert(QLatin1String("time"), now());
        line(fields);
    }

    void line(const QJsonObject &obj) { m_session.print(obj); }
    void print(const QString &text) { m_session.print(text); }

    WatchSession &m_session;
    bool m_json;
};

} // namespace

QString isoTimeNow()
{
    return now();
}

QString clockNow()
{
    return clock();
}

int watch(Context &context)
{
    if (context.parser.isSet(QStringLiteral("cluster")) && context.arguments.isEmpty())
        return watchCluster(context);
    if (!context.arguments.isEmpty())
        return context.fail(Tr::tr("watch takes no arguments."), Usage);
    if (const int rc = context.refuseMissingConfig())
        return rc;
    WatchSession session(context.out, context.err);
    if (!session.ok())
        return context.fail(Tr::tr("Cannot install signal handlers: %1").arg(errnoText(errno)));
    Monitor monitor;
    QString error;
    if (!monitor.watchConfig(context.configPath, &error))
        return context.fail(error);

    Printer printer(session, context.parser.isSet(QStringLiteral("json")));
    if (context.parser.isSet(QStringLiteral("initial"))) {
        for (const InstanceStatus &s : monitor.statuses())
            printer.state(nullptr, s);
    }

    QSet<QString> known;
    for (const InstanceConfig &instance : monitor.instances())
        known.insert(instance.name);

    QObject::connect(&monitor, &Monitor::statusChanged, &monitor,
                     [&printer](const InstanceStatus &previous, const InstanceStatus &current) {
                         printer.state(&previous, current);
                     });
    // What is worth announcing, as the tray decides it (every kind: no notification
    // switches here). After the state line above, so a change comes before its news.
    Announcements announcements(monitor);
    QObject::connect(&announcements, &Announcements::unexpectedStop, &monitor,
                     [&printer](const QString &name, qint64 pid, bool) {
                         printer.unexpectedStop(name, pid);
                     });
    QObject::connect(&announcements, &Announcements::duplicateRunning, &monitor,
                     [&printer](const QString &name, qint64 previousPid, qint64 currentPid) {
                         printer.duplicateRunning(name, previousPid, currentPid);
                     });
    QObject::connect(&announcements, &Announcements::copyRunning, &monitor,
                     [&printer](const QString &name, qint64 runningPid, qint64 copyPid) {
                         printer.copyRunning(name, runningPid, copyPid);
                     });
    QObject::connect(&announcements, &Announcements::duplicateAttempt, &monitor,
                     [&printer](const QString &name, const DuplicateAttempt &attempt) {
                         printer.duplicateAttempt(name, attempt.attemptPid, attempt.holderPid);
                     });
    // Instances added to the configuration are shown with their current state,
    // removed ones with a "removed" line.
    QObject::connect(&monitor, &Monitor::instancesChanged, &monitor, [&printer, &monitor, &known] {
        QSet<QString> now;
        for (const InstanceStatus &s : monitor.statuses()) {
            now.insert(s.name);
            if (!known.contains(s.name))
                printer.state(nullptr, s);
        }
        for (const QString &name : qAsConst(known)) {
            if (!now.contains(name))
                printer.removed(name);
        }
        known = now;
    });
    QObject::connect(&monitor, &Monitor::configError, &monitor,
                     [&session](const QString &message) { session.printError(message); });
    return session.exec();
}

} // namespace LockWatch::Cli
