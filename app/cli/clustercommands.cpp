// The cluster side of the verbs: `status --cluster`, `watch --cluster` and
// `start|stop|clean NODE/NAME`. Every node's instances come from etcd (what the
// nodes' agents publish); an action on another node is a request its agent
// carries out.
#include "cli/clustercommands.h"
#include "cli/cli.h"
#include "cli/output.h"
#include "cli/watchsession.h"

#include "core/cluster/clusterview.h"
#include "core/cluster/etcdclient.h"
#include "core/cluster/publishedstatus.h"
#include "core/cluster/remoteaction.h"
#include "core/model/config.h"
#include "core/system/errnotext.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

#include <cerrno>

namespace LockWatch::Cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

constexpr int StatusUnknown = 4;

// The [cluster] section, or an exit code.
int loadCluster(Context &context, ClusterConfig *cluster, int failCode)
{
    Config config;
    if (const int rc = context.loadConfig(&config, failCode))
        return rc;
    if (!config.cluster.enabled())
        return context.fail(
                Tr::tr("No [cluster] section with etcd=URL in %1.").arg(context.configPath),
                failCode);
    *cluster = config.cluster;
    return Success;
}

// The [cluster] section and a client of its etcd, or an exit code.
int connectCluster(Context &context, ClusterConfig *cluster, EtcdClient *client, int failCode)
{
    if (const int rc = loadCluster(context, cluster, failCode))
        return rc;
    QString error;
    if (!client->configure(*cluster, &error))
        return context.fail(error, failCode);
    return Success;
}

QString describe(const PublishedStatus &p)
{
    return p.unreachable ? unreachableText() : describeState(p.status);
}

// Waits until the view has its first picture; false after `timeoutMs`.
bool waitReady(ClusterView &view, int timeoutMs, QString *problem)
{
    QEventLoop loop;
    QObject::connect(&view, &ClusterView::ready, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    view.start();
    if (!view.isReady())
        loop.exec();
    if (!view.isReady() && problem->isEmpty())
        *problem = Tr::tr("no answer from etcd");
    return view.isReady();
}

} // namespace

int statusCluster(Context &context)
{
    ClusterConfig cluster;
    EtcdClient client;
    if (const int rc = connectCluster(context, &cluster, &client, StatusUnknown))
        return rc;
    ClusterView view(&client, cluster);
    QString problem;
    if (!waitReady(view, 3 * client.settings().timeoutMs, &problem))
        return context.fail(Tr::tr("Cluster unreachable: %1").arg(problem), StatusUnknown);

    QList<PublishedStatus> all;
    int worst = 0;
    int code = 3; // no instance: as status does with none
    for (const QJsonObject &json : view.instances()) {
        const PublishedStatus p = PublishedStatus::fromJson(json);
        if (!context.arguments.isEmpty() && !context.arguments.contains(p.node)
            && !context.arguments.contains(p.node + QLatin1Char('/') + p.status.name))
            continue;
        all << p;
        if (all.size() == 1 || p.severity() > worst) {
            worst = p.severity();
            code = p.lsbExitCode();
        }
    }
    if (context.parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const QJsonObject &json : view.instances()) {
            const QString node = json.value(QLatin1String("node")).toString();
            const QString name = json.value(QLatin1String("name")).toString();
            if (context.arguments.isEmpty() || context.arguments.contains(node)
                || context.arguments.contains(node + QLatin1Char('/') + name))
                array.append(json);
        }
        printJson(context.out, array);
        return code;
    }
    //: Column heading of `lockwatch status --cluster`: the machine in the cluster.
    QList<QStringList> rows { { Tr::tr("NODE"), Tr::tr("NAME"), Tr::tr("STATE"), Tr::tr("PID"),
                                Tr::tr("SINCE"), Tr::tr("LOCKFILE") } };
    for (const PublishedStatus &p : qAsConst(all)) {
        const InstanceStatus &s = p.status;
        rows << QStringList {
            p.node,
            s.name,
            describe(p),
            s.pid > 0 && !p.unreachable ? QString::number(s.pid) : QStringLiteral("-"),
            s.hasSince && !p.unreachable ? describeTime(s.sinceMs) : QStringLiteral("-"),
            s.lockfile
        };
        for (Warning w : s.warnings)
            rows << QStringList { QString(), QString(), QLatin1String("! ") + warningText(w) };
    }
    printTable(context.out, rows);
    return code;
}

int watchCluster(Context &context)
{
    ClusterConfig cluster;
    EtcdClient client;
    if (const int rc = connectCluster(context, &cluster, &client, Failure))
        return rc;
    WatchSession session(context.out, context.err);
    if (!session.ok())
        return context.fail(Tr::tr("Cannot install signal handlers: %1").arg(errnoText(errno)));

    const bool json = context.parser.isSet(QStringLiteral("json"));
    const auto line = [&session](const QJsonObject &obj) { session.print(obj); };
    const auto print = [&](const QJsonObject &previous, const QJsonObject &current) {
        const QJsonObject shown = current.isEmpty() ? previous : current;
        const PublishedStatus now = PublishedStatus::fromJson(shown);
        if (json) {
            QJsonObject obj = current.isEmpty()
                    ? QJsonObject { { QLatin1String("event"), QLatin1String("removed") },
                                    { QLatin1String("node"), now.node },
                                    { QLatin1String("name"), now.status.name } }
                    : current;
            obj.insert(QLatin1String("time"), isoTimeNow());
            obj.insert(QLatin1String("previous"),
                       previous.isEmpty() ? QJsonValue() : previous.value(QLatin1String("state")));
            line(obj);
            return;
        }
        const QString clock = clockNow();
        const QString who = now.node + QLatin1Char('/') + now.status.name;
        QString text;
        if (current.isEmpty())
            //: `lockwatch watch --cluster`: an instance was removed from its node's configuration.
            text = Tr::tr("%1  %2: no longer watched (removed from the configuration)")
                           .arg(clock, who);
        else if (previous.isEmpty())
            text = Tr::tr("%1  %2: %3").arg(clock, who, describe(now));
        else
            text = Tr::tr("%1  %2: %3 → %4")
                           .arg(clock, who, describe(PublishedStatus::fromJson(previous)),
                                describe(now));
        if (!current.isEmpty() && now.status.pid > 0 && !now.unreachable)
            text += QLatin1String(", ") + Tr::tr("PID %1").arg(now.status.pid);
        session.print(text);
    };

    ClusterView view(&client, cluster);
    QString problem;
    if (!waitReady(view, 3 * client.settings().timeoutMs, &problem))
        return context.fail(Tr::tr("Cluster unreachable: %1").arg(problem));
    if (context.parser.isSet(QStringLiteral("initial"))) {
        for (const QJsonObject &current : view.instances())
            print(QJsonObject(), current);
    }
    QObject::connect(&view, &ClusterView::instanceChanged, &view, print);
    QObject::connect(&view, &ClusterView::connectedChanged, &view, [&](bool connected) {
        if (json) {
            line({ { QLatin1String("event"),
                     connected ? QLatin1String("cluster-reachable")
                               : QLatin1String("cluster-unreachable") },
                   { QLatin1String("time"), isoTimeNow() } });
            return;
        }
        //: `lockwatch watch --cluster`: etcd does not answer (or answers again).
        session.printError(connected ? Tr::tr("cluster reachable again")
                                     : Tr::tr("cluster unreachable"));
    });
    return session.exec();
}

int remoteAction(Context &context, RemoteAction::Kind kind, bool *handled)
{
    *handled = false;
    if (context.arguments.size() != 1 || !context.arguments.first().contains(QLatin1Char('/')))
        return Success;
    const QString target = context.arguments.first();
    const QString node = target.section(QLatin1Char('/'), 0, 0);
    const QString name = target.section(QLatin1Char('/'), 1);
    if (!ClusterConfig::isValidNode(node) || !Config::isValidName(name)) {
        *handled = true;
        return context.fail(Tr::tr("\"%1\" is not NODE/NAME.").arg(target), Usage);
    }
    ClusterConfig cluster;
    if (const int rc = loadCluster(context, &cluster, Failure)) {
        *handled = true;
        return rc;
    }
    if (node == cluster.node) {
        context.arguments = QStringList { name }; // this node: done here, as any local action
        return Success;
    }
    *handled = true;
    EtcdClient client;
    QString error;
    if (!client.configure(cluster, &error))
        return context.fail(error);
    RemoteAction::Request request;
    request.kind = kind;
    request.node = node;
    request.name = name;
    request.cleanFirst = context.parser.isSet(QStringLiteral("clean"));
    if (context.parser.isSet(QStringLiteral("timeout")))
        request.timeoutSeconds = context.parser.value(QStringLiteral("timeout")).toInt();
    RemoteAction action(&client, cluster);
    RemoteAction::Outcome outcome;
    QEventLoop loop;
    QObject::connect(&action, &RemoteAction::finished, &loop, [&](const RemoteAction::Outcome &o) {
        outcome = o;
        loop.quit();
    });
    action.run(request);
    loop.exec();
    if (!outcome.ok)
        return context.fail(outcome.message);
    if (!outcome.message.isEmpty())
        context.out << outcome.message << Qt::endl;
    return Success;
}

} // namespace LockWatch::Cli
