#include "fakehttpserver.h"

#include <QTcpSocket>

namespace TestSupport {

FakeHttpServer::FakeHttpServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakeHttpServer::accept);
}

bool FakeHttpServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl FakeHttpServer::url() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_server.serverPort());
    return url;
}

void FakeHttpServer::answer(int status, const QByteArray &body, bool keepOpen)
{
    m_hang = false;
    m_keepOpen = keepOpen;
    QByteArray raw = "HTTP/1.1 " + QByteArray::number(status)
            + " Whatever\r\n"
              "Content-Type: application/json\r\n";
    if (keepOpen) {
        raw += "Transfer-Encoding: chunked\r\n\r\n";
        raw += QByteArray::number(body.size(), 16) + "\r\n" + body + "\r\n";
    } else {
        raw += "Content-Length: " + QByteArray::number(body.size())
                + "\r\nConnection: close\r\n\r\n" + body;
    }
    m_raw = raw;
}

void FakeHttpServer::answerRaw(const QByteArray &bytes)
{
    m_hang = false;
    m_keepOpen = false;
    m_raw = bytes;
}

void FakeHttpServer::hang()
{
    m_hang = true;
}

void FakeHttpServer::accept()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        auto *received = new QByteArray;
        connect(socket, &QObject::destroyed, this, [received] { delete received; });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, received] {
            *received += socket->readAll();
            const qsizetype end = received->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            qsizetype length = 0;
            for (const QByteArray &line : received->left(end).split('\n')) {
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            }
            if (received->size() < end + 4 + length)
                return;
            ++m_requests;
            m_lastRequest = *received;
            received->clear();
            if (m_hang)
                return;
            socket->write(m_raw);
            if (!m_keepOpen)
                socket->disconnectFromHost();
        });
    }
}

} // namespace TestSupport
