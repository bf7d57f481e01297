// One simulated machine of a cluster on this host: its own configuration (with a
// [cluster] section naming it), its own XDG directories (state, runtime: its
// private lockfiles, journal and socket), and an etcd user of its own.
#pragma once

#include "agentprocess.h"
#include "etcdserver.h"
#include "testsupport.h"

#include <QByteArray>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace TestSupport {

class ClusterNode
{
public:
    // Creates `root`/NODE with a configuration for node `name`, etcd user "user-NAME"
    // (made on `etcd` with read-write on `prefix`), lease TTL `ttl`.
    ClusterNode(const QString &root, const QString &name, EtcdServer &etcd, int ttl,
                const QString &prefix = QStringLiteral("/lockwatch"));
    // Ends what its instances left behind: a holder SIGKILLed by a test leaves its
    // background sleep to PID 1.
    ~ClusterNode();
    ClusterNode(const ClusterNode &) = delete;
    ClusterNode &operator=(const ClusterNode &) = delete;

    bool isValid() const { return m_valid; }
    QString error() const { return m_error; }
    QString name() const { return m_name; }
    QString dir() const { return m_dir; }
    QString passwordFile() const { return m_passwordFile; }
    QString configPath() const
    {
        return m_dir + QStringLiteral("/config/lockwatch/lockwatch.conf");
    }
    // The [cluster] section plus `extra` (instance sections), written 0600.
    bool writeConfig(const QByteArray &extra = {}, const QString &endpoint = {});
    // What writeConfig() puts in etcd= from now on (by default the etcd's loopback
    // endpoint).
    void setEndpoint(const QString &endpoint) { m_endpoint = endpoint; }
    // Every lockwatch of this node runs through `command` (e.g. a NetworkNamespace's
    // exec(): the node is a machine of its own on the network).
    void setWrapper(const QStringList &command) { m_wrapper = command; }
    QProcessEnvironment environment() const;
    // Added to environment(), e.g. QT_LOGGING_RULES for a test's diagnostics.
    void setEnvironment(const QString &key, const QString &value)
    {
        m_extraEnvironment.insert(key, value);
    }
    // lockwatch --config CONFIG ARGUMENTS, in this node's environment.
    void start(QProcess &process, const QStringList &arguments) const;
    // The same, waited for (the test's event loop does not run meanwhile).
    Result run(const QStringList &arguments, int timeoutMs = 60000) const;
    // `lockwatch agent` of this node, waited for until it publishes (false: it
    // did not within `timeoutMs`; its log says why).
    bool startAgent(AgentProcess &agent, int timeoutMs = 30000) const;

    // An instance section for writeConfig(): a program (sh) that writes its PID
    // into NAME.pid in this node's directory, sleeps, and removes it on SIGTERM;
    // restarted after a crash.
    QByteArray instanceSection(const QString &name) const;
    QString pidFile(const QString &name) const;
    // The live PID in pidFile(name), or 0.
    qint64 runningPid(const QString &name) const;

    // One instance in the JSON array of `status --cluster --json`.
    static QJsonObject clusterInstance(const QByteArray &statusJson, const QString &node,
                                       const QString &name);
    // What `watch --cluster --json` printed about NODE/NAME, in order.
    static QList<QJsonObject> watched(const QByteArray &watchJson, const QString &node,
                                      const QString &name);
    // The states in it.
    static QStringList watchedStates(const QByteArray &watchJson, const QString &node,
                                     const QString &name);

private:
    QStringList commandLine(const QStringList &arguments) const;

    QString m_name;
    QString m_dir;
    QString m_passwordFile;
    QString m_endpoint;
    QString m_prefix;
    QStringList m_wrapper;
    int m_ttl;
    QMap<QString, QString> m_extraEnvironment;
    mutable QStringList m_sleeps; // the durations its instances' programs sleep
    bool m_valid = false;
    QString m_error;
};

} // namespace TestSupport
