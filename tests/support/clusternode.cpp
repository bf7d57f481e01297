#include "clusternode.h"

#include "testsupport.h"

#include <QDir>
#include <QFile>

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
    process.setProcessEnvironment(environment());
    process.start(lockwatchBinary(),
                  QStringList { QStringLiteral("--config"), configPath() } + arguments);
}

} // namespace TestSupport
