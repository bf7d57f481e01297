// One tray following a large cluster: 100 simulated nodes x 100 instances published
// in a real etcd on loopback (auth on), followed by the tray's cluster part
// (ClusterTray: a view of etcd and a submenu per node) in this process, offscreen.
// Reported: the time until every node's submenu is there, the memory (RSS) it costs,
// its CPU while nothing changes and while 100 instances a second change state.
// With --window, the status window is open too (its table holds every node's rows).
// The nodes are written by a second process (this program with --writer), so that
// the CPU figures are the tray's own. Run by hand:
//   bench_cluster_tray [--nodes 100] [--instances 100] [--changes 1000] [--window]
#include "benchoptions.h"
#include "clusterfixture.h"
#include "menufixture.h"

#include "core/cluster/clusterkeys.h"
#include "core/cluster/etcdclient.h"
#include "core/cluster/publisher.h"
#include "core/model/instancestatus.h"
#include "tray/clustertray.h"
#include "tray/statusmodel.h"
#include "tray/statuswindow.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMenu>
#include <QProcess>
#include <QRandomGenerator>
#include <QTimer>

#include <cstdio>
#include <sys/resource.h>

using namespace LockWatch;
using namespace TestSupport;

namespace {

QString nodeName(int n)
{
    return QStringLiteral("node%1").arg(n, 3, 10, QLatin1Char('0'));
}

QByteArray statusJson(const QString &node, int instance, bool running)
{
    InstanceStatus s;
    s.name = QStringLiteral("bot%1").arg(instance);
    s.lockfile = QStringLiteral("/srv/%1/%2.lock").arg(node, s.name);
    s.state = running ? State::Running : State::Stopped;
    s.pid = running ? 10000 + instance : 0;
    return QJsonDocument(Publisher::instanceJson(s, node)).toJson(QJsonDocument::Compact);
}

// Runs `call` with a handler that ends the loop; false when etcd said no.
bool await(const std::function<void(EtcdClient::Handler)> &call, EtcdAnswer *out = nullptr)
{
    QEventLoop loop;
    EtcdAnswer answer;
    call([&](const EtcdAnswer &a) {
        answer = a;
        loop.quit();
    });
    loop.exec();
    if (!answer.ok())
        std::fprintf(stderr, "writer: %s\n", qPrintable(answer.error));
    if (out)
        *out = answer;
    return answer.ok();
}

int writer(const QStringList &args)
{
    ClusterConfig cluster;
    cluster.endpoints = { optionText(args, "--endpoint") };
    cluster.user = optionText(args, "--user");
    cluster.passwordFile = optionText(args, "--password-file");
    EtcdClient client;
    QString error;
    if (!client.configure(cluster, &error)) {
        std::fprintf(stderr, "writer: %s\n", qPrintable(error));
        return 1;
    }
    const int nodes = option(args, "--nodes", 100);
    const int instances = option(args, "--instances", 100);
    const int changes = option(args, "--changes", 0);
    const QString prefix = cluster.prefix;
    if (changes == 0) {
        for (int n = 0; n < nodes; ++n) {
            const QString node = nodeName(n);
            EtcdAnswer lease;
            if (!await([&](EtcdClient::Handler h) { client.grantLease(600, nullptr, h); }, &lease))
                return 1;
            QJsonArray names, ops;
            for (int i = 0; i < instances; ++i)
                names.append(QStringLiteral("bot%1").arg(i));
            ops.append(EtcdClient::putOperation(
                    ClusterKeys::member(prefix, node),
                    QJsonDocument(QJsonObject { { QLatin1String("node"), node },
                                                { QLatin1String("instances"), names } })
                            .toJson(QJsonDocument::Compact),
                    0));
            ops.append(EtcdClient::putOperation(ClusterKeys::agent(prefix, node),
                                                QByteArray("{\"node\":\"") + node.toUtf8() + "\"}",
                                                lease.leaseId));
            for (int i = 0; i < instances; ++i)
                ops.append(EtcdClient::putOperation(
                        ClusterKeys::instance(prefix, node, QStringLiteral("bot%1").arg(i)),
                        statusJson(node, i, i % 2 == 0), lease.leaseId));
            if (!await([&](EtcdClient::Handler h) {
                    client.txn(QJsonObject { { QLatin1String("success"), ops } }, nullptr, h);
                }))
                return 1;
        }
        return 0;
    }
    // Changes at 100 a second, each one instance of one node flipping its state.
    QElapsedTimer timer;
    timer.start();
    for (int c = 0; c < changes; ++c) {
        const int n = QRandomGenerator::global()->bounded(nodes);
        const int i = QRandomGenerator::global()->bounded(instances);
        const QString node = nodeName(n);
        const bool running = c % 2 == 0;
        if (!await([&](EtcdClient::Handler h) {
                client.put(ClusterKeys::instance(prefix, node, QStringLiteral("bot%1").arg(i)),
                           statusJson(node, i, running), 0, nullptr, h);
            }))
            return 1;
        const qint64 due = qint64(c + 1) * 10;
        if (timer.elapsed() < due) {
            QEventLoop wait;
            QTimer::singleShot(int(due - timer.elapsed()), &wait, &QEventLoop::quit);
            wait.exec();
        }
    }
    return 0;
}

qint64 rssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

double cpuSeconds()
{
    rusage usage {};
    ::getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace

int main(int argc, char **argv)
{
    if (argc > 1 && QByteArray(argv[1]) == "--writer") {
        QCoreApplication app(argc, argv);
        return writer(app.arguments());
    }
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int nodes = option(args, "--nodes", 100);
    const int instances = option(args, "--instances", 100);
    const int changes = option(args, "--changes", 1000);
    const bool withWindow = args.contains(QStringLiteral("--window"));

    ClusterFixture fixture;
    QString error;
    if (!fixture.start(&error)) {
        std::fprintf(stderr, "etcd: %s\n", qPrintable(error));
        return 1;
    }
    const ClusterConfig cluster = fixture.memberCluster(QStringLiteral("viewer"), 10);
    const QStringList writerArgs { QStringLiteral("--writer"),
                                   QStringLiteral("--endpoint"),
                                   cluster.endpoints.first(),
                                   QStringLiteral("--user"),
                                   cluster.user,
                                   QStringLiteral("--password-file"),
                                   cluster.passwordFile,
                                   QStringLiteral("--nodes"),
                                   QString::number(nodes),
                                   QStringLiteral("--instances"),
                                   QString::number(instances) };
    QElapsedTimer fill;
    fill.start();
    if (QProcess::execute(app.applicationFilePath(), writerArgs) != 0)
        return 1;
    std::printf("published %d nodes x %d instances in %.1f s\n", nodes, instances,
                double(fill.elapsed()) / 1000);

    QMenu menu;
    QAction *statusWindow = menu.addAction(QStringLiteral("Status window"));
    menu.ensurePolished();
    const qint64 rssBefore = rssKb();
    const double cpuBefore = cpuSeconds();
    QElapsedTimer ready;
    ready.start();
    ClusterTray tray(&menu, statusWindow);
    StatusModel model;
    std::unique_ptr<StatusWindow> window;
    if (withWindow) {
        tray.setStatusModel(&model);
        window = std::make_unique<StatusWindow>(&model, TestSupport::noLocalInstances(QString()));
        window->show();
    }
    if (!tray.setCluster(cluster, &error)) {
        std::fprintf(stderr, "tray: %s\n", qPrintable(error));
        return 1;
    }
    {
        // Looked at every 10 ms (a timer, not a busy loop: its CPU would be counted).
        QEventLoop loop;
        QTimer check;
        QObject::connect(&check, &QTimer::timeout, &loop, [&] {
            const bool rows = !withWindow || model.rowCount() == nodes * instances;
            if ((tray.nodeMenu(nodeName(nodes - 1)) && rows) || ready.elapsed() > 120000)
                loop.quit();
        });
        check.start(10);
        loop.exec();
    }
    const qint64 readyMs = ready.elapsed();
    spin(500);
    const qint64 rssReady = rssKb();
    const double cpuReady = cpuSeconds();
    std::printf("every node's submenu%s after %lld ms; CPU %.2f s; RSS %lld -> %lld KiB (+%lld)\n",
                withWindow ? " and status window row" : "", readyMs, cpuReady - cpuBefore,
                rssBefore, rssReady, rssReady - rssBefore);

    spin(10000);
    const double cpuIdle = cpuSeconds() - cpuReady;
    std::printf("idle 10 s: CPU %.3f s (%.2f %% of a core)\n", cpuIdle, cpuIdle * 10);

    QProcess churn;
    QEventLoop churning;
    QObject::connect(&churn, &QProcess::finished, &churning, &QEventLoop::quit);
    churn.start(app.applicationFilePath(),
                writerArgs + QStringList { QStringLiteral("--changes"), QString::number(changes) });
    const double cpuChurnStart = cpuSeconds();
    QElapsedTimer churnTimer;
    churnTimer.start();
    churning.exec();
    spin(500);
    const double cpuChurn = cpuSeconds() - cpuChurnStart;
    const double seconds = double(churnTimer.elapsed()) / 1000;
    std::printf("%d changes in %.1f s: CPU %.2f s (%.1f %% of a core); RSS %lld KiB\n", changes,
                seconds, cpuChurn, 100 * cpuChurn / seconds, rssKb());
    return 0;
}
