#include "core/cluster/etcdwatch.h"

#include "core/cluster/etcdclient.h"
#include "core/logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>

namespace LockWatch {

namespace {

constexpr int FirstRetryMs = 200;
constexpr int LastRetryMs = 2000;

} // namespace

EtcdWatch::EtcdWatch(EtcdClient *client, const QByteArray &key, const QByteArray &rangeEnd,
                     QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_key(key)
    , m_rangeEnd(rangeEnd)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &EtcdWatch::next);
    connect(&m_heartbeat, &QTimer::timeout, this, &EtcdWatch::heartbeat);
}

EtcdWatch::~EtcdWatch()
{
    blockSignals(true); // nothing said while going away
    stop();
}

void EtcdWatch::start()
{
    stop();
    m_running = true;
    m_needsRead = true;
    m_backoffMs = 0;
    next();
}

void EtcdWatch::stop()
{
    m_running = false;
    ++m_generation;
    m_retry.stop();
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    m_buffer.clear();
    setConnected(false);
}

void EtcdWatch::setHeartbeat(int ms)
{
    if (ms > 0)
        m_heartbeat.start(ms);
    else
        m_heartbeat.stop();
}

void EtcdWatch::setConnected(bool connected)
{
    if (m_connected == connected)
        return;
    m_connected = connected;
    emit connectedChanged(connected);
}

void EtcdWatch::next()
{
    if (!m_running)
        return;
    if (m_needsRead)
        read();
    else
        openStream();
}

void EtcdWatch::read()
{
    const int generation = m_generation;
    m_client->range(m_key, m_rangeEnd, this, [this, generation](const EtcdAnswer &answer) {
        if (generation != m_generation || !m_running)
            return;
        if (!answer.ok()) {
            restart(answer.error, true);
            return;
        }
        m_needsRead = false;
        m_revision = answer.revision;
        emit snapshot(answer.kvs, answer.revision);
        if (m_running && generation == m_generation)
            openStream();
    });
}

void EtcdWatch::openStream()
{
    const int generation = m_generation;
    m_client->withToken(this, [this, generation](const QString &error) {
        if (generation != m_generation || !m_running)
            return;
        if (!error.isEmpty()) {
            restart(error, false);
            return;
        }
        QJsonObject create { { QLatin1String("key"), QString::fromLatin1(m_key.toBase64()) },
                             { QLatin1String("start_revision"), QString::number(m_revision + 1) },
                             { QLatin1String("prev_kv"), true } };
        if (!m_rangeEnd.isEmpty())
            create.insert(QLatin1String("range_end"), QString::fromLatin1(m_rangeEnd.toBase64()));
        m_tokenUsed = m_client->token();
        m_buffer.clear();
        m_reply = m_client->postStream(QStringLiteral("/v3/watch"),
                                       QJsonObject { { QLatin1String("create_request"), create } });
        connect(m_reply, &QNetworkReply::readyRead, this, &EtcdWatch::onData);
        connect(m_reply, &QNetworkReply::finished, this, &EtcdWatch::onFinished);
    });
}

void EtcdWatch::onData()
{
    if (!m_reply)
        return;
    const int generation = m_generation;
    m_buffer += m_reply->readAll();
    qsizetype start = 0;
    for (;;) {
        const qsizetype newline = m_buffer.indexOf('\n', start);
        if (newline < 0)
            break;
        const QByteArray line = m_buffer.mid(start, newline - start).trimmed();
        start = newline + 1;
        if (!line.isEmpty())
            handleLine(line);
        if (generation != m_generation || !m_reply)
            return; // restarted while handling the line
    }
    m_buffer.remove(0, start);
    const qint64 cap = m_client->settings().maxAnswerBytes;
    if (m_buffer.size() > cap) {
        restart(tr("etcd sent a watch answer over %1 bytes; ignored.").arg(cap), true);
        m_backoffMs = LastRetryMs;
    }
}

void EtcdWatch::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    QString error;
    if (!status.isValid()) {
        error = m_client->networkError(reply).error;
        m_client->endpointFailed();
    } else if (status.toInt() != 200) {
        const EtcdAnswer answer
                = EtcdParse::parseError(status.toInt(), m_buffer + reply->readAll());
        if (status.toInt() == 401 || answer.grpcCode == 16)
            m_client->tokenRejected(m_tokenUsed);
        error = answer.error;
    } else {
        error = tr("etcd at %1 closed the watch.").arg(m_client->currentEndpoint());
    }
    restart(error, false);
}

void EtcdWatch::handleLine(const QByteArray &line)
{
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        restart(tr("etcd sent a malformed watch answer."), false);
        return;
    }
    const QJsonObject object = doc.object();
    if (object.value(QLatin1String("error")).isObject()) {
        const EtcdAnswer answer = EtcdParse::parseError(
                500, QJsonDocument(object.value(QLatin1String("error")).toObject()).toJson());
        if (answer.grpcCode == 16)
            m_client->tokenRejected(m_tokenUsed);
        restart(answer.error, false);
        return;
    }
    const QJsonValue resultValue = object.value(QLatin1String("result"));
    if (!resultValue.isObject()) {
        restart(tr("etcd sent a malformed watch answer."), false);
        return;
    }
    const QJsonObject result = resultValue.toObject();
    QString error;
    qint64 headerRevision = 0;
    qint64 compactRevision = 0;
    if (!EtcdParse::headerOf(result, &headerRevision, &error)
        || !EtcdParse::int64Of(result, "compact_revision", &compactRevision, &error)) {
        restart(tr("etcd sent a malformed watch answer: %1").arg(error), false);
        return;
    }
    if (result.value(QLatin1String("canceled")).toBool()) {
        if (compactRevision > 0) {
            // The history we would resume from is gone: read the range again.
            qCInfo(lcEtcd) << "watch compacted at" << compactRevision << "; reading again";
            restart(QString(), true);
            m_backoffMs = 0;
            m_retry.start(0);
            return;
        }
        const QString reason
                = EtcdParse::printable(result.value(QLatin1String("cancel_reason")).toString());
        if (reason.contains(QLatin1String("Unauthenticated"))
            || reason.contains(QLatin1String("auth token")))
            m_client->tokenRejected(m_tokenUsed);
        restart(tr("etcd ended the watch: %1").arg(reason), false);
        return;
    }
    if (result.value(QLatin1String("created")).toBool()) {
        m_backoffMs = 0;
        setConnected(true);
    }
    const QJsonValue eventsValue = result.value(QLatin1String("events"));
    if (eventsValue.isUndefined() || eventsValue.isNull()) {
        // A progress notice: everything up to its revision has been sent.
        if (!result.value(QLatin1String("created")).toBool() && headerRevision > m_revision)
            m_revision = headerRevision;
        return;
    }
    if (!eventsValue.isArray() || eventsValue.toArray().size() > EtcdParse::MaxKeyValues) {
        restart(tr("etcd sent a malformed watch answer: %1").arg(tr("\"events\" is not a list")),
                false);
        return;
    }
    QList<EtcdEvent> list;
    qint64 revision = m_revision;
    for (const QJsonValue &item : eventsValue.toArray()) {
        EtcdEvent event;
        if (!EtcdParse::eventOf(item, &event, &error)) {
            restart(tr("etcd sent a malformed watch answer: %1").arg(error), false);
            return;
        }
        if (event.kv.modRevision <= m_revision)
            continue; // already delivered (a resumed stream repeats nothing, but be sure)
        revision = qMax(revision, event.kv.modRevision);
        list << event;
    }
    m_revision = revision;
    if (!list.isEmpty())
        emit events(list, revision);
}

void EtcdWatch::restart(const QString &error, bool reread)
{
    if (!error.isEmpty()) {
        qCInfo(lcEtcd) << "watch:" << error;
        emit problem(error);
    }
    const bool running = m_running;
    stop();
    m_running = running;
    m_needsRead = m_needsRead || reread;
    if (!m_running)
        return;
    m_backoffMs = m_backoffMs == 0 ? FirstRetryMs : qMin(m_backoffMs * 2, LastRetryMs);
    m_retry.start(m_backoffMs);
}

void EtcdWatch::heartbeat()
{
    if (!m_running || !m_reply || m_heartbeatPending)
        return;
    m_heartbeatPending = true;
    const int generation = m_generation;
    EtcdClient::RangeOptions options;
    options.countOnly = true;
    m_client->range(
            m_key, m_rangeEnd, this,
            [this, generation](const EtcdAnswer &answer) {
                m_heartbeatPending = false;
                if (generation != m_generation || answer.ok())
                    return;
                if (answer.kind == EtcdAnswer::Error::Unreachable)
                    restart(answer.error, false);
            },
            options);
}

} // namespace LockWatch
