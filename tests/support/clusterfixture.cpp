#include "clusterfixture.h"

#include "testsupport.h"

#include <QFile>
#include <QTest>

namespace TestSupport {

namespace {

const QString MemberUser = QStringLiteral("node1");
const QString MemberPassword = QStringLiteral("pw");

// "-FUNCTION" inside a test function, empty outside one.
QString functionSuffix()
{
    const char *function = QTest::currentTestFunction();
    return function ? QLatin1Char('-') + QLatin1String(function) : QString();
}

} // namespace

bool ClusterFixture::startEtcd(QString *error, const QString &extraAddress)
{
    if (!m_dir.isValid()) {
        *error = QStringLiteral("cannot create a temporary directory: ") + m_dir.errorString();
        return false;
    }
    isolateXdgDirectories(m_dir.path());
    m_etcd = std::make_unique<EtcdServer>(m_dir.path());
    m_etcd->setExtraAddress(extraAddress);
    return m_etcd->start(error);
}

bool ClusterFixture::start(QString *error)
{
    if (!startEtcd(error)
        || !m_etcd->addUser(MemberUser, MemberPassword, QStringLiteral("/lockwatch"), error))
        return false;
    if (m_etcd->writePasswordFile(MemberUser, MemberPassword).isEmpty()) {
        *error = QStringLiteral("cannot write the password file");
        return false;
    }
    return true;
}

void ClusterFixture::startForTest()
{
    QString error;
    QVERIFY2(start(&error), qPrintable(error));
}

bool ClusterFixture::startNodes(int ttl, QString *error, const NetworkNamespace *network)
{
    if (!startEtcd(error, network ? network->hostAddress() : QString()))
        return false;
    m_a = std::make_unique<ClusterNode>(m_dir.path(), QStringLiteral("a"), *m_etcd, ttl);
    m_b = std::make_unique<ClusterNode>(m_dir.path(), QStringLiteral("b"), *m_etcd, ttl);
    *error = m_a->error() + m_b->error();
    if (!m_a->isValid() || !m_b->isValid())
        return false;
    if (network) {
        m_b->setWrapper(network->exec());
        m_b->setEndpoint(m_etcd->extraEndpoint());
        if (!m_b->writeConfig()) {
            *error = QStringLiteral("cannot write node b's configuration");
            return false;
        }
    }
    return true;
}

void ClusterFixture::setNodeEnvironment(const QString &key, const QString &value)
{
    m_a->setEnvironment(key, value);
    m_b->setEnvironment(key, value);
}

QString ClusterFixture::prefix() const
{
    return QStringLiteral("/lockwatch") + functionSuffix();
}

QString ClusterFixture::lockFile(const QString &name) const
{
    return m_dir.filePath(name + functionSuffix() + QStringLiteral(".lock"));
}

LockWatch::EtcdClient::Settings ClusterFixture::memberSettings(const QUrl &endpoint,
                                                               int timeoutMs) const
{
    LockWatch::EtcdClient::Settings s;
    s.endpoints = { endpoint };
    s.user = MemberUser;
    s.password = MemberPassword.toUtf8();
    s.timeoutMs = timeoutMs;
    return s;
}

LockWatch::ClusterConfig ClusterFixture::memberCluster(const QString &node, int ttl,
                                                       const QString &endpoint) const
{
    LockWatch::ClusterConfig c;
    c.endpoints = { endpoint.isEmpty() ? m_etcd->endpoint() : endpoint };
    c.prefix = prefix();
    c.user = MemberUser;
    c.passwordFile = m_etcd->passwordFile(MemberUser);
    c.node = node;
    c.ttl = ttl;
    return c;
}

LockWatch::InstanceConfig ClusterFixture::pidfileInstance(const QString &name,
                                                          const QString &lockName) const
{
    LockWatch::InstanceConfig i;
    i.name = name;
    i.lockFile = lockFile(lockName.isEmpty() ? name : lockName);
    i.program = QStringLiteral("/bin/sh");
    i.arguments
            = { QStringLiteral("-c"),
                QStringLiteral("echo $$ > '%1'; exec sleep %2").arg(i.lockFile, uniqueSeconds()) };
    i.stopTimeout = 5;
    return i;
}

bool isAlive(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray line = stat.readAll();
    const qsizetype paren = line.lastIndexOf(')');
    return paren > 0 && line.size() > paren + 2 && line.at(paren + 2) != 'Z';
}

} // namespace TestSupport
