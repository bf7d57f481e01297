// One simulated machine of a cluster on this host: its own configuration (with a
// [cluster] section naming it), its own XDG directories (state, runtime: its
// private lockfiles, journal and socket), and an etcd user of its own.
#pragma once

#include "etcdserver.h"

#include <QByteArray>
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

    bool isValid() const { return m_valid; }
    QString error() const { return m_error; }
    QString name() const { return m_name; }
    QString dir() const { return m_dir; }
    QString configPath() const
    {
        return m_dir + QStringLiteral("/config/lockwatch/lockwatch.conf");
    }
    // The [cluster] section plus `extra` (instance sections), written 0600.
    bool writeConfig(const QByteArray &extra = {}, const QString &endpoint = {});
    QProcessEnvironment environment() const;
    // Added to environment(), e.g. QT_LOGGING_RULES for a test's diagnostics.
    void setEnvironment(const QString &key, const QString &value)
    {
        m_extraEnvironment.insert(key, value);
    }
    // lockwatch --config CONFIG ARGUMENTS, in this node's environment.
    void start(QProcess &process, const QStringList &arguments) const;

private:
    QString m_name;
    QString m_dir;
    QString m_passwordFile;
    QString m_endpoint;
    QString m_prefix;
    int m_ttl;
    QMap<QString, QString> m_extraEnvironment;
    bool m_valid = false;
    QString m_error;
};

} // namespace TestSupport
