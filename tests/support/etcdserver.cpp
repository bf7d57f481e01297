#include "etcdserver.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTcpServer>

#include <csignal>
#include <sys/stat.h>

namespace TestSupport {

EtcdServer::EtcdServer(const QString &dir)
    : m_dir(dir)
{ }

EtcdServer::~EtcdServer()
{
    if (m_process.state() != QProcess::NotRunning) {
        resume();
        stop();
    }
}

quint16 EtcdServer::freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

QUrl EtcdServer::url() const
{
    QUrl url;
    url.setScheme(m_cert.isEmpty() ? QStringLiteral("http") : QStringLiteral("https"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_clientPort);
    return url;
}

QString EtcdServer::extraEndpoint() const
{
    QUrl extra = url();
    extra.setHost(m_extraAddress);
    return extra.toString();
}

void EtcdServer::setTls(const QString &certFile, const QString &keyFile)
{
    m_cert = certFile;
    m_key = keyFile;
}

bool EtcdServer::launch(QString *error)
{
    const QString peer = QStringLiteral("http://127.0.0.1:%1").arg(m_peerPort);
    const QString listen = m_extraAddress.isEmpty()
            ? endpoint()
            : endpoint() + QLatin1Char(',') + extraEndpoint();
    QStringList arguments {
        QStringLiteral("--name"),
        QStringLiteral("test"),
        QStringLiteral("--data-dir"),
        m_dir + QStringLiteral("/data"),
        QStringLiteral("--listen-client-urls"),
        listen,
        QStringLiteral("--advertise-client-urls"),
        endpoint(),
        QStringLiteral("--listen-peer-urls"),
        peer,
        QStringLiteral("--initial-advertise-peer-urls"),
        peer,
        QStringLiteral("--initial-cluster"),
        QStringLiteral("test=") + peer,
        // Short election timeout: the single member leads sooner, and leases
        // of 2 s are allowed.
        QStringLiteral("--heartbeat-interval"),
        QStringLiteral("50"),
        QStringLiteral("--election-timeout"),
        QStringLiteral("500"),
    };
    if (!m_cert.isEmpty())
        arguments << QStringLiteral("--cert-file") << m_cert << QStringLiteral("--key-file")
                  << m_key;
    arguments << m_extra;
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.setStandardOutputFile(m_dir + QStringLiteral("/etcd.out"), QIODevice::Append);
    m_process.start(QStringLiteral("etcd"), arguments);
    m_process.setReadChannel(QProcess::StandardError); // what waitForReadyRead() waits for
    if (!m_process.waitForStarted(10000)) {
        *error = QStringLiteral("etcd did not start: ") + m_process.errorString();
        return false;
    }
    // etcd says on stderr when it serves clients.
    QByteArray log;
    QDeadlineTimer deadline(30000);
    while (!log.contains("ready to serve client requests")) {
        if (m_process.state() != QProcess::Running || deadline.hasExpired()) {
            *error = QStringLiteral("etcd did not become ready: ")
                    + QString::fromLocal8Bit(log.right(2000));
            m_process.kill();
            m_process.waitForFinished();
            return false;
        }
        m_process.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
        log += m_process.readAllStandardError();
    }
    // Keep reading etcd's log so it never blocks on a full pipe.
    QObject::connect(&m_process, &QProcess::readyReadStandardError, &m_process,
                     [this] { m_process.readAllStandardError(); });
    return true;
}

bool EtcdServer::start(QString *error, bool auth, const QStringList &extraArguments)
{
    m_auth = auth;
    m_extra = extraArguments;
    for (int attempt = 0; attempt < 5; ++attempt) {
        m_clientPort = freePort();
        m_peerPort = freePort();
        if (m_clientPort == 0 || m_peerPort == 0 || m_clientPort == m_peerPort)
            continue;
        QDir(m_data.path() + QStringLiteral("/data")).removeRecursively();
        if (launch(error))
            break;
        if (!error->contains(QLatin1String("address already in use")))
            return false;
    }
    if (m_process.state() != QProcess::Running)
        return false;
    if (!auth)
        return true;
    QByteArray out;
    const QString root = QStringLiteral("root:") + QLatin1String(RootPassword);
    return etcdctl({ QStringLiteral("user"), QStringLiteral("add"), root }, &out, error)
            && etcdctl({ QStringLiteral("user"), QStringLiteral("grant-role"),
                         QStringLiteral("root"), QStringLiteral("root") },
                       &out, error)
            && etcdctl({ QStringLiteral("auth"), QStringLiteral("enable") }, &out, error);
}

bool EtcdServer::restart(QString *error)
{
    stop();
    return launch(error);
}

void EtcdServer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.disconnect();
    m_process.terminate();
    if (!m_process.waitForFinished(10000)) {
        m_process.kill();
        m_process.waitForFinished();
    }
}

void EtcdServer::suspend()
{
    if (m_process.state() == QProcess::Running)
        ::kill(pid_t(m_process.processId()), SIGSTOP);
}

void EtcdServer::resume()
{
    if (m_process.state() == QProcess::Running)
        ::kill(pid_t(m_process.processId()), SIGCONT);
}

bool EtcdServer::etcdctl(const QStringList &arguments, QByteArray *out, QString *error)
{
    QProcess ctl;
    QStringList all { QStringLiteral("--endpoints=") + endpoint(),
                      QStringLiteral("--dial-timeout=5s") };
    if (!m_cert.isEmpty()) {
        // The CA that signed the server's certificate sits beside it.
        all << QStringLiteral("--cacert=") + QFileInfo(m_cert).absolutePath()
                        + QStringLiteral("/ca.pem");
    }
    if (m_auth)
        all << QStringLiteral("--user=root:") + QLatin1String(RootPassword);
    all << arguments;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("ETCDCTL_API"), QStringLiteral("3"));
    ctl.setProcessEnvironment(env);
    ctl.start(QStringLiteral("etcdctl"), all);
    if (!ctl.waitForFinished(30000) || ctl.exitStatus() != QProcess::NormalExit
        || ctl.exitCode() != 0) {
        *error = QStringLiteral("etcdctl %1: %2")
                         .arg(arguments.join(QLatin1Char(' ')),
                              QString::fromLocal8Bit(ctl.readAllStandardError()));
        return false;
    }
    *out = ctl.readAllStandardOutput();
    return true;
}

bool EtcdServer::addUser(const QString &name, const QString &password, const QString &prefix,
                         QString *error)
{
    QByteArray out;
    const QString role = QStringLiteral("role-") + name;
    return etcdctl({ QStringLiteral("user"), QStringLiteral("add"),
                     name + QLatin1Char(':') + password },
                   &out, error)
            && etcdctl({ QStringLiteral("role"), QStringLiteral("add"), role }, &out, error)
            && etcdctl({ QStringLiteral("role"), QStringLiteral("grant-permission"), role,
                         QStringLiteral("--prefix=true"), QStringLiteral("readwrite"), prefix },
                       &out, error)
            && etcdctl({ QStringLiteral("user"), QStringLiteral("grant-role"), name, role }, &out,
                       error);
}

QString EtcdServer::passwordFile(const QString &name) const
{
    return m_dir + QStringLiteral("/") + name + QStringLiteral(".password");
}

QString EtcdServer::writePasswordFile(const QString &name, const QString &password) const
{
    const QString path = passwordFile(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return QString();
    ::chmod(QFile::encodeName(path).constData(), 0600);
    file.write(password.toUtf8() + '\n');
    return path;
}

} // namespace TestSupport
