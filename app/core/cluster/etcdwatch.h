// Follows a key range in etcd: reads it once (snapshot), then streams every change
// through the gateway's /v3/watch (JSON lines). After a disconnect the stream is
// resumed from the last revision delivered, so no change is lost or repeated;
// when etcd has compacted that history away, the range is read again (a new
// snapshot). A stream that says nothing cannot be told from a dead one, so a
// heartbeat (a tiny range request) can be asked for: when it fails, the watch
// counts as disconnected and reconnects. One line of the stream is bounded like
// any answer (EtcdClient::Settings::maxAnswerBytes).
#pragma once

#include "core/cluster/etcdanswer.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkReply;

namespace LockWatch {

class EtcdClient;

class EtcdWatch : public QObject
{
    Q_OBJECT

public:
    // `rangeEnd` empty: the single key `key`.
    EtcdWatch(EtcdClient *client, const QByteArray &key, const QByteArray &rangeEnd,
              QObject *parent = nullptr);
    ~EtcdWatch() override;

    void start();
    void stop();
    // Checks the connection every `ms` (0: never, the default).
    void setHeartbeat(int ms);
    bool isConnected() const { return m_connected; }
    // Every change up to this revision has been delivered.
    qint64 revision() const { return m_revision; }

signals:
    // The whole range as it is at `revision` (at start, and after a compaction).
    void snapshot(const QList<LockWatch::EtcdKeyValue> &keyValues, qint64 revision);
    void events(const QList<LockWatch::EtcdEvent> &events, qint64 revision);
    void connectedChanged(bool connected);
    // Something went wrong; the watch retries on its own.
    void problem(const QString &error);

private:
    void next();
    void read();
    void openStream();
    void onData();
    void onFinished();
    void handleLine(const QByteArray &line);
    void restart(const QString &error, bool reread);
    void setConnected(bool connected);
    void heartbeat();

    EtcdClient *m_client;
    QByteArray m_key;
    QByteArray m_rangeEnd;
    QPointer<QNetworkReply> m_reply;
    QByteArray m_buffer;
    QByteArray m_tokenUsed;
    QTimer m_retry;
    QTimer m_heartbeat;
    qint64 m_revision = 0;
    int m_backoffMs = 0;
    int m_generation = 0;
    bool m_running = false;
    bool m_needsRead = true;
    bool m_connected = false;
    bool m_heartbeatPending = false;
};

} // namespace LockWatch
