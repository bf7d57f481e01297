// The [cluster] section of the configuration: which etcd to use, as whom, and this
// machine's name in the cluster. Checked when the configuration is loaded, like
// every other setting; the password file must be private (mode 0600, ours).
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

class QSettings;

namespace LockWatch {

struct ClusterConfig
{
    Q_DECLARE_TR_FUNCTIONS(ClusterConfig)

public:
    static constexpr int DefaultTtl = 10; // seconds
    static constexpr int MinTtl = 2; // etcd's own minimum with its default timing
    static constexpr int MaxTtl = 3600;
    static constexpr const char *Section = "cluster";

    QStringList endpoints; // etcd=URL[,URL...]; empty: no cluster
    QString prefix = QStringLiteral("/lockwatch");
    QString user;
    QString passwordFile;
    QString caFile;
    QString node; // this machine in the cluster; default the host name
    int ttl = DefaultTtl;

    bool enabled() const { return !endpoints.isEmpty(); }
    bool operator==(const ClusterConfig &o) const;
    bool operator!=(const ClusterConfig &o) const { return !(*this == o); }

    // Reads and checks the [cluster] group of `settings` (from the file `path`).
    bool load(const QSettings &settings, const QString &path, QString *error);
    void save(QSettings &settings) const;
    // The password, from a private file. False: a translated one-line reason.
    bool readPassword(QByteArray *password, QString *error) const;
    // Node names follow instance names: ASCII letters, digits, '_', '.', '-'.
    static bool isValidNode(const QString &node);
};

} // namespace LockWatch
