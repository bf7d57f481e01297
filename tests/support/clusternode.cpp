#include "clusternode.h"

#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <csignal>

#include <sys/stat.h>

namespace TestSupport {

ClusterNode::ClusterNode(const QString &root, const QString &name, EtcdServer &etcd, int ttl,
                         const QString &prefix)
    : m_name(name)
    , m_dir(root + QLatin1Char('/') + name)
    , m_endpoint(etcd.endpoint())
    , m_prefix(prefix)
    , m_ttl(ttl)
{
    for (const char *sub : { "config/lockwatch", "state", "runtime" }) {
        const QString path = m_dir + QLatin1Char('/') + QLatin1String(sub);
        QDir().mkpath(path);
        ::chmod(QFile::encodeName(path).constData(), 0700);
    }
    const QString user = QStringLiteral("user-") + name;
    const QString password = QStringLiteral("pw-") + name;
    if (!etcd.addUser(user, password, prefix + QLatin1Char('/'), &m_error))
        return;
    m_passwordFile = etcd.writePasswordFile(user, password);
    m_valid = !m_passwordFile.isEmpty() && writeConfig();
}

bool ClusterNode::writeConfig(const QByteArray &extra, const QString &endpoint)
{
    const QByteArray ini
            = "[cluster]\netcd=" + (endpoint.isEmpty() ? m_endpoint : endpoint).toUtf8()
            + "\nprefix=" + m_prefix.toUtf8() + "\nuser=user-" + m_name.toUtf8()
            + "\npassword-file=" + QFile::encodeName(m_passwordFile) + "\nnode=" + m_name.toUtf8()
            + "\nttl=" + QByteArray::number(m_ttl) + "\n" + extra;
    if (!writeFile(configPath(), ini))
        return false;
    return ::chmod(QFile::encodeName(configPath()).constData(), 0600) == 0;
}

QProcessEnvironment ClusterNode::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_STATE_HOME"), m_dir + QStringLiteral("/state"));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir + QStringLiteral("/runtime"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.remove(QStringLiteral("LANGUAGE"));
    for (auto it = m_extraEnvironment.constBegin(); it != m_extraEnvironment.constEnd(); ++it)
        env.insert(it.key(), it.value());
    return env;
}

void ClusterNode::start(QProcess &process, const QStringList &arguments) const
{
    const QStringList command = commandLine(arguments);
    process.setProcessEnvironment(environment());
    process.start(command.first(), command.mid(1));
}

Result ClusterNode::run(const QStringList &arguments, int timeoutMs) const
{
    const QStringList command = commandLine(arguments);
    return runProgram(command.first(), command.mid(1), environment(), timeoutMs);
}

QStringList ClusterNode::commandLine(const QStringList &arguments) const
{
    return m_wrapper + QStringList { lockwatchBinary(), QStringLiteral("--config"), configPath() }
            + arguments;
}

bool ClusterNode::startAgent(AgentProcess &agent, int timeoutMs) const
{
    agent.setProcessChannelMode(QProcess::SeparateChannels);
    start(agent, { QStringLiteral("agent") });
    return agent.waitForStarted(10000)
            && agent.waitForLog("Publishing to etcd as node " + m_name.toUtf8(), timeoutMs,
                                agent.log.size());
}

QString ClusterNode::pidFile(const QString &name) const
{
    return m_dir + QLatin1Char('/') + name + QStringLiteral(".pid");
}

ClusterNode::~ClusterNode()
{
    // Only processes that run exactly `sleep SECONDS` with one of our durations:
    // no other process on the machine has them (uniqueSeconds).
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        const qint64 pid = entry.toLongLong();
        if (pid <= 1)
            continue;
        const QList<QByteArray> argv
                = readFile(QStringLiteral("/proc/%1/cmdline").arg(pid)).split('\0');
        if (argv.size() >= 2 && argv.at(0) == "sleep"
            && m_sleeps.contains(QString::fromLatin1(argv.at(1))))
            ::kill(pid_t(pid), SIGKILL);
    }
}

QByteArray ClusterNode::instanceSection(const QString &name) const
{
    const QByteArray lock = QFile::encodeName(pidFile(name));
    const QString seconds = uniqueSeconds();
    m_sleeps << seconds;
    // Quoted: a ';' would start a comment in an INI value. $0: the pidfile (a
    // temporary directory's path, without spaces).
    return "[" + name.toUtf8() + "]\nlockfile=" + lock
            + "\nprogram=/bin/sh\narguments=-c, \"trap 'rm -f $0; kill $!; exit 0' TERM; "
              "echo $$ > $0; sleep "
            + seconds.toUtf8() + " & wait\", " + lock
            + "\nstop-timeout=5\nrestart=on-crash\nrestart-delay=0.2\n";
}

qint64 ClusterNode::runningPid(const QString &name) const
{
    const qint64 pid = readFile(pidFile(name)).trimmed().toLongLong();
    return pid > 0 && ::kill(pid_t(pid), 0) == 0 ? pid : 0;
}

QJsonObject ClusterNode::clusterInstance(const QByteArray &statusJson, const QString &node,
                                         const QString &name)
{
    for (const QJsonValue &v : QJsonDocument::fromJson(statusJson).array()) {
        const QJsonObject o = v.toObject();
        if (o.value(QLatin1String("node")) == node && o.value(QLatin1String("name")) == name)
            return o;
    }
    return {};
}

QList<QJsonObject> ClusterNode::watched(const QByteArray &watchJson, const QString &node,
                                        const QString &name)
{
    QList<QJsonObject> seen;
    for (const QByteArray &line : watchJson.split('\n')) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.value(QLatin1String("node")) == node && o.value(QLatin1String("name")) == name)
            seen << o;
    }
    return seen;
}

QStringList ClusterNode::watchedStates(const QByteArray &watchJson, const QString &node,
                                       const QString &name)
{
    QStringList states;
    for (const QJsonObject &o : watched(watchJson, node, name))
        states << o.value(QLatin1String("state")).toString();
    return states;
}

} // namespace TestSupport
