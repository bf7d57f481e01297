// A loopback HTTP server that answers every request with whatever the test says:
// a forged or broken etcd. It can also answer nothing at all (a hung server).
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

namespace TestSupport {

class FakeHttpServer : public QObject
{
public:
    explicit FakeHttpServer(QObject *parent = nullptr);
    bool listen();
    QUrl url() const;

    // The next answers: status line and body; "chunked" streams the body and keeps
    // the connection open when `keepOpen`.
    void answer(int status, const QByteArray &body, bool keepOpen = false);
    // Raw bytes, written as they are.
    void answerRaw(const QByteArray &bytes);
    // Answers nothing, keeps the connection.
    void hang();

    int requestCount() const { return m_requests; }
    QByteArray lastRequest() const { return m_lastRequest; }

private:
    void accept();

    QTcpServer m_server;
    QByteArray m_raw;
    bool m_hang = false;
    bool m_keepOpen = false;
    int m_requests = 0;
    QByteArray m_lastRequest;
};

} // namespace TestSupport
