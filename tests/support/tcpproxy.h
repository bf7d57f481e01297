// A TCP proxy on a loopback port of its own, in front of a real server: the test
// can cut every connection and refuse new ones (a broken network), or hold them
// open while forwarding nothing (a partition that looks like a hung peer).
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

namespace TestSupport {

class TcpProxy : public QObject
{
public:
    enum class Mode { Forward, Refuse, Blackhole };

    explicit TcpProxy(quint16 targetPort, QObject *parent = nullptr);
    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    QUrl url(const QString &scheme = QStringLiteral("http")) const;
    // Refuse: closes every connection and accepts none. Blackhole: keeps and accepts
    // connections but forwards nothing. Forward: normal again (new connections).
    void setMode(Mode mode);
    int connectionCount() const;

private:
    struct Pair
    {
        QPointer<QTcpSocket> client;
        QPointer<QTcpSocket> server;
    };
    void accept();
    void closeAll();

    QTcpServer m_server;
    quint16 m_target;
    Mode m_mode = Mode::Forward;
    QList<Pair> m_pairs;
};

} // namespace TestSupport
