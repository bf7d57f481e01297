#include "core/ipc/localserver.h"

#include "core/ipc/localprotocol.h"
#include "core/model/paths.h"
#include "core/logging.h"
#include "core/system/errnotext.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QTimer>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/file.h>
#include <unistd.h>

namespace LockWatch {

namespace {

// A client that neither finishes nor disconnects is dropped after this long.
constexpr int ClientTimeoutMs = 5000;
// At most this many messages per connection.
constexpr int MaxMessagesPerConnection = 64;
// At most this many clients at once, and this many messages per second from all
// of them together: a flood of connections cannot buy an unbounded rate.
constexpr int MaxConnections = 16;
constexpr int MaxMessagesPerSecond = 100;

// The uid of the process at the other end (SO_PEERCRED); false when unknown.
bool peerUid(QLocalSocket *socket, uid_t *uid)
{
    ucred credentials{};
    socklen_t size = sizeof credentials;
    if (::getsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_PEERCRED, &credentials, &size) != 0
        || size != sizeof credentials)
        return false;
    *uid = credentials.uid;
    return true;
}

QString resolve(const QString &name)
{
    return name.isEmpty() ? Paths::socketName() : name;
}

bool send(const QByteArray &line, int timeoutMs, const QString &name)
{
    const QString path = resolve(name);
    if (line.isEmpty() || path.isEmpty())
        return false;
    QLocalSocket socket;
    socket.connectToServer(path, QIODevice::WriteOnly);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    // Nothing is said to a server of another user (a socket put in our way): our
    // messages name lockfiles, PIDs and hosts.
    uid_t uid = 0;
    if (!peerUid(&socket, &uid) || (uid != ::geteuid() && uid != 0)) {
        qCWarning(lcLocalServer) << "not talking to" << path << "(it belongs to another user)";
        socket.abort();
        return false;
    }
    socket.write(line);
    const bool written = socket.waitForBytesWritten(timeoutMs) || socket.bytesToWrite() == 0;
    socket.disconnectFromServer();
    if (socket.state() != QLocalSocket::UnconnectedState)
        socket.waitForDisconnected(std::min(timeoutMs, 100));
    return written;
}

} // namespace

LocalServer::LocalServer(QObject *parent)
    : QObject(parent)
{
}

LocalServer::~LocalServer()
{
    close();
}

bool LocalServer::listen(const QString &name, QString *error, bool *otherRunning)
{
    if (otherRunning)
        *otherRunning = false;
    close();
    const QString path = resolve(name);
    if (path.isEmpty()) {
        if (error)
            *error = tr("No private directory for the local socket (XDG_RUNTIME_DIR, /run/user "
                            "or the state directory).");
        return false;
    }
    // QLocalServer with socket options binds aside and renames over an existing
    // socket, so listen() alone cannot tell that another tray already runs. The
    // owner of the socket is whoever holds an flock on "<socket>.lock".
    const QString lockPath = (QDir::isAbsolutePath(path) ? path : QDir::tempPath() + QLatin1Char('/') + path)
            + QLatin1String(".lock");
    m_lockFd = ::open(QFile::encodeName(lockPath).constData(),
                      O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY, 0600);
    if (m_lockFd < 0) {
        if (error)
            *error = tr("Cannot open %1: %2").arg(lockPath, errnoText(errno));
        return false;
    }
    if (::flock(m_lockFd, LOCK_EX | LOCK_NB) != 0) {
        close();
        if (otherRunning)
            *otherRunning = true;
        if (error)
            *error = tr("LockWatch already runs for this user.");
        return false;
    }
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    connect(m_server, &QLocalServer::newConnection, this, &LocalServer::onNewConnection);
    QLocalServer::removeServer(path); // a leftover of a crashed tray (we hold the lock)
    if (m_server->listen(path))
        return true;
    if (error)
        *error = tr("Cannot listen on %1: %2").arg(path, m_server->errorString());
    close();
    return false;
}

QString LocalServer::serverName() const
{
    return m_server ? m_server->fullServerName() : QString();
}

void LocalServer::close()
{
    if (m_server) {
        m_server->close();
        delete m_server;
        m_server = nullptr;
    }
    if (m_lockFd >= 0)
        ::close(m_lockFd); // releases the flock
    m_lockFd = -1;
}

void LocalServer::onNewConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        // The socket file is 0600 in a 0700 directory; check the peer too, in
        // case the file's mode was loosened (root clients are ours as well).
        uid_t uid = 0;
        if (!peerUid(socket, &uid) || (uid != ::geteuid() && uid != 0)) {
            qCWarning(lcLocalServer) << "refused a connection from another user";
            socket->abort();
            socket->deleteLater();
            continue;
        }
        if (findChildren<QLocalSocket *>(QString(), Qt::FindDirectChildrenOnly).size() > MaxConnections) {
            qCWarning(lcLocalServer) << "too many connections; one refused";
            socket->abort();
            socket->deleteLater();
            continue;
        }
        socket->setProperty("messages", 0);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket]() { onReadyRead(socket); });
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        QTimer::singleShot(ClientTimeoutMs, socket, [socket]() { socket->abort(); });
        if (socket->bytesAvailable() > 0)
            onReadyRead(socket);
    }
}

void LocalServer::onReadyRead(QLocalSocket *socket)
{
    while (socket->canReadLine()) {
        const QByteArray line = socket->readLine(LocalProtocol::MaxMessageSize + 1);
        if (!line.endsWith('\n')) { // longer than allowed
            qCWarning(lcLocalServer) << "message too long; connection dropped";
            socket->abort();
            return;
        }
        const int count = socket->property("messages").toInt() + 1;
        socket->setProperty("messages", count);
        if (count > MaxMessagesPerConnection) {
            socket->abort();
            return;
        }
        if (!m_rateWindow.isValid() || m_rateWindow.elapsed() >= 1000) {
            m_rateWindow.start();
            m_rateCount = 0;
        }
        if (++m_rateCount > MaxMessagesPerSecond) {
            if (m_rateCount == MaxMessagesPerSecond + 1)
                qCWarning(lcLocalServer) << "more than" << MaxMessagesPerSecond << "messages per second; dropping";
            socket->abort();
            return;
        }
        const LocalProtocol::Message message = LocalProtocol::decode(line);
        switch (message.type) {
        case LocalProtocol::Type::DuplicateAttempt:
            emit attemptReceived(message.attempt);
            break;
        case LocalProtocol::Type::Activate:
            emit activateRequested();
            break;
        case LocalProtocol::Type::Invalid:
            qCDebug(lcLocalServer) << "ignored a malformed message";
            break;
        }
        if (socket->state() != QLocalSocket::ConnectedState)
            return;
    }
    if (socket->bytesAvailable() > LocalProtocol::MaxMessageSize) {
        qCWarning(lcLocalServer) << "message too long; connection dropped";
        socket->abort();
    }
}

bool notifyTray(const DuplicateAttempt &attempt, int timeoutMs, const QString &name)
{
    return send(LocalProtocol::encode(attempt), timeoutMs, name);
}

bool requestActivation(int timeoutMs, const QString &name)
{
    return send(LocalProtocol::encodeActivate(), timeoutMs, name);
}

} // namespace LockWatch
