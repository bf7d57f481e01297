#include "networknamespace.h"

#include "clusterfixture.h"

#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

#include <unistd.h>

namespace TestSupport {

namespace {

// iproute2's `ip`, also where PATH does not look (/usr/sbin for a user); empty
// when it is not installed.
QString ipProgram()
{
    static const QString path = [] {
        const QString found = QStandardPaths::findExecutable(QStringLiteral("ip"));
        return found.isEmpty() ? QStandardPaths::findExecutable(
                       QStringLiteral("ip"),
                       { QStringLiteral("/usr/sbin"), QStringLiteral("/sbin") })
                               : found;
    }();
    return path;
}

// `ip ARGUMENTS`; false with what it said in *error.
bool ip(const QStringList &arguments, QString *error, QByteArray *out = nullptr)
{
    QProcess process;
    process.start(ipProgram(), arguments);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        if (error) {
            *error = QStringLiteral("ip %1: %2 %3")
                             .arg(arguments.join(QLatin1Char(' ')), process.errorString(),
                                  QString::fromLocal8Bit(process.readAllStandardError().trimmed()));
        }
        return false;
    }
    if (out)
        *out = process.readAllStandardOutput();
    return true;
}

// The PID in a name of ours (`pattern` captures it), or 0.
qint64 ownerOf(const QRegularExpression &pattern, const QString &name)
{
    const QRegularExpressionMatch match = pattern.match(name);
    return match.hasMatch() ? match.captured(1).toLongLong() : 0;
}

QString address(quint32 value)
{
    return QStringLiteral("%1.%2.%3.%4")
            .arg(value >> 24)
            .arg((value >> 16) & 0xff)
            .arg((value >> 8) & 0xff)
            .arg(value & 0xff);
}

} // namespace

NetworkNamespace::NetworkNamespace()
{
    const qint64 pid = ::getpid();
    m_name = QStringLiteral("lw-%1").arg(pid);
    m_hostLink = QStringLiteral("lw%1h").arg(pid);
    m_insideLink = QStringLiteral("lw%1n").arg(pid);
    // 10.192.0.0/10 holds 2^20 subnets of 4 addresses: one per PID modulo 2^20.
    const quint32 subnet = (10u << 24) + (192u << 16) + quint32(pid % (1 << 20)) * 4;
    m_host = address(subnet + 1);
    m_inside = address(subnet + 2);
}

NetworkNamespace::~NetworkNamespace()
{
    remove();
}

QStringList NetworkNamespace::exec() const
{
    return { ipProgram(), QStringLiteral("netns"), QStringLiteral("exec"), m_name };
}

bool NetworkNamespace::create(QString *error)
{
    if (ipProgram().isEmpty()) {
        *error = QStringLiteral("`ip` (iproute2) is not installed: installer/deps.sh test "
                                "installs it");
        return false;
    }
    if (::geteuid() != 0) {
        *error = QStringLiteral("network namespaces need root (ip netns add); the test suite "
                                "runs as root in CI");
        return false;
    }
    removeLeftovers();
    remove(); // a namespace of an earlier process with our PID
    const QString prefix = QStringLiteral("/30");
    const bool made = ip({ QStringLiteral("netns"), QStringLiteral("add"), m_name }, error)
            && ip({ QStringLiteral("link"), QStringLiteral("add"), m_hostLink,
                    QStringLiteral("type"), QStringLiteral("veth"), QStringLiteral("peer"),
                    QStringLiteral("name"), m_insideLink, QStringLiteral("netns"), m_name },
                  error)
            && ip({ QStringLiteral("address"), QStringLiteral("add"), m_host + prefix,
                    QStringLiteral("dev"), m_hostLink },
                  error)
            && ip({ QStringLiteral("link"), QStringLiteral("set"), m_hostLink,
                    QStringLiteral("up") },
                  error)
            && ip({ QStringLiteral("-n"), m_name, QStringLiteral("address"), QStringLiteral("add"),
                    m_inside + prefix, QStringLiteral("dev"), m_insideLink },
                  error)
            && ip({ QStringLiteral("-n"), m_name, QStringLiteral("link"), QStringLiteral("set"),
                    m_insideLink, QStringLiteral("up") },
                  error)
            && ip({ QStringLiteral("-n"), m_name, QStringLiteral("link"), QStringLiteral("set"),
                    QStringLiteral("lo"), QStringLiteral("up") },
                  error);
    if (!made)
        remove();
    return made;
}

void NetworkNamespace::remove()
{
    if (ipProgram().isEmpty())
        return;
    // Deleting one end of a veth pair deletes both. The namespace itself lives on
    // while a process is still inside; the link goes in any case.
    ip({ QStringLiteral("link"), QStringLiteral("delete"), m_hostLink }, nullptr);
    QByteArray namespaces;
    ip({ QStringLiteral("netns"), QStringLiteral("list") }, nullptr, &namespaces);
    for (const QByteArray &line : namespaces.split('\n')) {
        if (line.split(' ').first() == m_name.toUtf8())
            ip({ QStringLiteral("netns"), QStringLiteral("delete"), m_name }, nullptr);
    }
}

void NetworkNamespace::removeLeftovers()
{
    static const QRegularExpression namespacePattern(QStringLiteral("^lw-([0-9]+)$"));
    static const QRegularExpression linkPattern(QStringLiteral("^lw([0-9]+)[hn]$"));
    QByteArray namespaces;
    ip({ QStringLiteral("netns"), QStringLiteral("list") }, nullptr, &namespaces);
    for (const QByteArray &line : namespaces.split('\n')) {
        const QString name = QString::fromUtf8(line.split(' ').first());
        const qint64 pid = ownerOf(namespacePattern, name);
        if (pid > 0 && !isAlive(pid))
            ip({ QStringLiteral("netns"), QStringLiteral("delete"), name }, nullptr);
    }
    // "7: lw123h@if6: <...": links whose pair lost its namespace to a process inside.
    QByteArray links;
    ip({ QStringLiteral("-o"), QStringLiteral("link"), QStringLiteral("show") }, nullptr, &links);
    for (const QByteArray &line : links.split('\n')) {
        const QList<QByteArray> fields = line.split(':');
        if (fields.size() < 2)
            continue;
        const QString name = QString::fromUtf8(fields.at(1).trimmed().split('@').first());
        const qint64 pid = ownerOf(linkPattern, name);
        if (pid > 0 && !isAlive(pid))
            ip({ QStringLiteral("link"), QStringLiteral("delete"), name }, nullptr);
    }
}

bool NetworkNamespace::cut(QString *error)
{
    return ip({ QStringLiteral("link"), QStringLiteral("set"), m_hostLink, QStringLiteral("down") },
              error);
}

bool NetworkNamespace::heal(QString *error)
{
    return ip({ QStringLiteral("link"), QStringLiteral("set"), m_hostLink, QStringLiteral("up") },
              error);
}

} // namespace TestSupport
