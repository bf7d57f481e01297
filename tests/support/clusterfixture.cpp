#include "clusterfixture.h"

#include "testsupport.h"

#include <QFile>

namespace TestSupport {

namespace {

const QString MemberUser = QStringLiteral("node1");
const QString MemberPassword = QStringLiteral("pw");

} // namespace

bool startEtcdForMembers(EtcdServer &etcd, QString *error)
{
    if (!etcd.start(error)
        || !etcd.addUser(MemberUser, MemberPassword, QStringLiteral("/lockwatch"), error))
        return false;
    if (etcd.writePasswordFile(MemberUser, MemberPassword).isEmpty()) {
        *error = QStringLiteral("cannot write the password file");
        return false;
    }
    return true;
}

LockWatch::ClusterConfig memberCluster(const EtcdServer &etcd, const QString &node, int ttl,
                                       const QString &prefix)
{
    LockWatch::ClusterConfig c;
    c.endpoints = { etcd.endpoint() };
    c.prefix = prefix;
    c.user = MemberUser;
    c.passwordFile = etcd.passwordFile(MemberUser);
    c.node = node;
    c.ttl = ttl;
    return c;
}

LockWatch::InstanceConfig pidfileInstance(const QString &name, const QString &lockFile)
{
    LockWatch::InstanceConfig i;
    i.name = name;
    i.lockFile = lockFile;
    i.program = QStringLiteral("/bin/sh");
    i.arguments = { QStringLiteral("-c"),
                    QStringLiteral("echo $$ > '%1'; exec sleep %2").arg(lockFile, uniqueSeconds()) };
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

QStringList overlapProgram(const QString &work, bool ignoreTerm)
{
    return { QStringLiteral("--"),
             QStringLiteral("sh"),
             QStringLiteral("-c"),
             QLatin1String(ignoreTerm ? "trap '' TERM; " : "")
                     + QStringLiteral("echo $$ >> \"$1/started\"; exec 9>>\"$1/overlap.lock\"; "
                                      "if ! flock -n 9; then echo $$ >> \"$1/overlaps\"; exit 99; "
                                      "fi; echo $$ >> \"$1/copies\"; exec sleep %1")
                               .arg(uniqueSeconds()),
             QStringLiteral("sh"),
             work };
}

QList<qint64> livePids(const QString &work, const QString &list)
{
    QList<qint64> live;
    for (const QByteArray &line : readFile(work + QLatin1Char('/') + list).split('\n')) {
        if (!line.isEmpty() && isAlive(line.toLongLong()))
            live << line.toLongLong();
    }
    return live;
}

} // namespace TestSupport
