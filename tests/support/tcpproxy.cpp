#include "tcpproxy.h"

namespace TestSupport {

TcpProxy::TcpProxy(quint16 targetPort, QObject *parent)
    : QObject(parent)
    , m_target(targetPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, &TcpProxy::accept);
}

bool TcpProxy::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl TcpProxy::url(const QString &scheme) const
{
    QUrl url;
    url.setScheme(scheme);
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port());
    return url;
}

int TcpProxy::connectionCount() const
{
    int n = 0;
    for (const Pair &pair : m_pairs)
        n += pair.client ? 1 : 0;
    return n;
}

void TcpProxy::closeAll()
{
    for (const Pair &pair : qAsConst(m_pairs)) {
        if (pair.client)
            pair.client->abort();
        if (pair.server)
            pair.server->abort();
    }
    m_pairs.clear();
}

void TcpProxy::setMode(Mode mode)
{
    m_mode = mode;
    if (mode == Mode::Refuse) {
        closeAll();
        m_server.pauseAccepting();
    } else {
        m_server.resumeAccepting();
    }
    if (mode == Mode::Forward) {
        // Connections held during a blackhole are dropped, as after a partition.
        closeAll();
    }
}

void TcpProxy::accept()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        client->setParent(this);
        if (m_mode == Mode::Refuse) {
            client->abort();
            client->deleteLater();
            continue;
        }
        auto *server = new QTcpSocket(this);
        m_pairs.append(Pair { client, server });
        const auto pipe = [this](QTcpSocket *from, QPointer<QTcpSocket> to) {
            connect(from, &QTcpSocket::readyRead, this, [this, from, to] {
                if (m_mode != Mode::Forward)
                    return; // held: read later (or never)
                if (to)
                    to->write(from->readAll());
            });
            connect(from, &QTcpSocket::disconnected, this, [from, to] {
                if (to)
                    to->disconnectFromHost();
                from->deleteLater();
            });
        };
        pipe(client, server);
        pipe(server, client);
        connect(server, &QTcpSocket::connected, this, [client, server, this] {
            if (m_mode == Mode::Forward && client->bytesAvailable())
                server->write(client->readAll());
        });
        server->connectToHost(QHostAddress::LocalHost, m_target);
    }
}

} // namespace TestSupport
