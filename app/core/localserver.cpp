#include "localserver.h"

#include "localprotocol.h"
#include "paths.h"

#include <QCoreApplication>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QTimer>

Q_LOGGING_CATEGORY(lcLocalServer, "lockwatch.socket", QtWarningMsg)

namespace LockWatch {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(LocalServer)
};

// A client that neither finishes nor disconnects is dropped after this long.
constexpr int ClientTimeoutMs = 5000;
// At most this many messages per connection.
constexpr int MaxMessagesPerConnection = 64;

QString resolve(const QString &name)
{
    return name.isEmpty() ? Paths::socketName() : name;
}

bool send(const QByteArray &line, int timeoutMs, const QString &name)
{
    if (line.isEmpty())
        return false;
    QLocalSocket socket;
    socket.connectToServer(resolve(name), QIODevice::WriteOnly);
    if (!socket.waitForConnected(timeoutMs))
        return false;
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
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    connect(m_server, &QLocalServer::newConnection, this, &LocalServer::onNewConnection);
    if (m_server->listen(path))
        return true;
    if (m_server->serverError() == QAbstractSocket::AddressInUseError) {
        QLocalSocket probe;
        probe.connectToServer(path);
        if (probe.waitForConnected(500)) {
            probe.disconnectFromServer();
            if (otherRunning)
                *otherRunning = true;
            if (error)
                *error = Tr::tr("LockWatch already runs for this user.");
            close();
            return false;
        }
        QLocalServer::removeServer(path); // a leftover of a crashed tray
        if (m_server->listen(path))
            return true;
    }
    if (error)
        *error = Tr::tr("Cannot listen on %1: %2").arg(path, m_server->errorString());
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
}

void LocalServer::onNewConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
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
