#include "core/cluster/etcdclient.h"
#include "core/logging.h"

#include "core/logging.h"
#include "core/model/clusterconfig.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>

namespace LockWatch {

struct EtcdClient::Request
{
    QString path;
    QByteArray body;
    EtcdParse::Kind kind = EtcdParse::Kind::Range;
    bool hasContext = false;
    QPointer<QObject> context;
    Handler done;
    int timeoutMs = 0;
    int endpointsTried = 0;
    bool authRetried = false;
    bool tooLarge = false;
    QByteArray tokenUsed;
    QByteArray answer;
};

class EtcdClient::Private
{
public:
    Settings settings;
    QNetworkAccessManager *nam = nullptr;
    QSslConfiguration ssl;
    int current = 0;
    QByteArray token;
    bool authenticating = false;
    EtcdAnswer::Error authFailure = EtcdAnswer::Error::None; // why the last authentication failed
    struct Waiter
    {
        bool hasContext;
        QPointer<QObject> context;
        std::function<void(const QString &)> ready;
    };
    QList<Waiter> waiters;
};

EtcdClient::EtcdClient(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->nam = new QNetworkAccessManager(this);
    // Only the configured endpoints: never through a proxy from the environment.
    d->nam->setProxy(QNetworkProxy::NoProxy);
}

EtcdClient::~EtcdClient() = default;

bool EtcdClient::configure(const Settings &settings, QString *error)
{
    if (settings.endpoints.isEmpty()) {
        *error = tr("No etcd endpoint is configured.");
        return false;
    }
    bool anyTls = false;
    for (const QUrl &url : settings.endpoints) {
        const QString scheme = url.scheme();
        if (!url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
            || url.host().isEmpty() || (!url.path().isEmpty() && url.path() != QLatin1String("/"))
            || url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty()) {
            *error = tr("\"%1\" is not an etcd endpoint (http://HOST:PORT or https://HOST:PORT).")
                             .arg(url.toString());
            return false;
        }
        anyTls = anyTls || scheme == QLatin1String("https");
    }
    d->ssl = QSslConfiguration::defaultConfiguration();
    if (anyTls && !QSslSocket::supportsSsl()) {
        *error = tr("TLS is not available (no TLS backend for Qt Network).");
        return false;
    }
    if (!settings.caFile.isEmpty()) {
        QFile file(settings.caFile);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = tr("Cannot read the CA file %1: %2").arg(settings.caFile, file.errorString());
            return false;
        }
        const QList<QSslCertificate> certificates
                = QSslCertificate::fromData(file.read(1024 * 1024));
        if (certificates.isEmpty()) {
            *error = tr("The CA file %1 holds no PEM certificate.").arg(settings.caFile);
            return false;
        }
        d->ssl.setCaCertificates(certificates); // only these: not the system's
    }
    d->ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
    d->settings = settings;
    d->current = 0;
    d->token.clear();
    return true;
}

bool EtcdClient::configure(const ClusterConfig &cluster, QString *error)
{
    Settings settings;
    for (const QString &endpoint : cluster.endpoints)
        settings.endpoints << QUrl(endpoint);
    settings.user = cluster.user;
    settings.caFile = cluster.caFile;
    if (!cluster.passwordFile.isEmpty() && !cluster.readPassword(&settings.password, error))
        return false;
    // Keepalives have their own, shorter timeout (LeaseKeeper).
    settings.timeoutMs = qBound(2000, cluster.ttl * 1000 / 2, 5000);
    return configure(settings, error);
}

const EtcdClient::Settings &EtcdClient::settings() const
{
    return d->settings;
}

QString EtcdClient::currentEndpoint() const
{
    if (d->settings.endpoints.isEmpty())
        return QString();
    return d->settings.endpoints.at(d->current % d->settings.endpoints.size()).toString();
}

void EtcdClient::call(const QString &path, const QJsonObject &body, EtcdParse::Kind kind,
                      QObject *context, Handler done, int timeoutMs)
{
    auto request = std::make_shared<Request>();
    request->path = path;
    request->body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request->kind = kind;
    request->hasContext = context != nullptr;
    request->context = context;
    request->done = std::move(done);
    request->timeoutMs = timeoutMs > 0 ? timeoutMs : d->settings.timeoutMs;
    send(request);
}

QByteArray EtcdClient::token() const
{
    return d->token;
}

void EtcdClient::tokenRejected(const QByteArray &token)
{
    if (!token.isEmpty() && token == d->token)
        d->token.clear();
}

void EtcdClient::endpointFailed()
{
    if (!d->settings.endpoints.isEmpty())
        d->current = (d->current + 1) % d->settings.endpoints.size();
}

void EtcdClient::withToken(QObject *context, std::function<void(const QString &)> ready)
{
    if (d->settings.user.isEmpty() || !d->token.isEmpty()) {
        ready(QString());
        return;
    }
    d->waiters.append({ context != nullptr, context, std::move(ready) });
    if (!d->authenticating)
        authenticate();
}

void EtcdClient::authenticate()
{
    d->authenticating = true;
    auto request = std::make_shared<Request>();
    request->path = QStringLiteral("/v3/auth/authenticate");
    request->body = QJsonDocument(QJsonObject { { QLatin1String("name"), d->settings.user },
                                                { QLatin1String("password"),
                                                  QString::fromUtf8(d->settings.password) } })
                            .toJson(QJsonDocument::Compact);
    request->kind = EtcdParse::Kind::Authenticate;
    request->timeoutMs = d->settings.timeoutMs;
    request->done = [this](const EtcdAnswer &answer) {
        d->authenticating = false;
        QString error;
        d->authFailure = answer.kind;
        if (answer.ok()) {
            d->token = answer.token;
        } else if (answer.kind == EtcdAnswer::Error::Server
                   || answer.kind == EtcdAnswer::Error::Auth) {
            error = tr("etcd did not accept user \"%1\": %2").arg(d->settings.user, answer.error);
        } else {
            error = answer.error;
        }
        const QList<Private::Waiter> waiters = std::exchange(d->waiters, {});
        for (const Private::Waiter &waiter : waiters) {
            if (!waiter.hasContext || waiter.context)
                waiter.ready(error);
        }
    };
    send(request);
}

QNetworkReply *EtcdClient::postStream(const QString &path, const QJsonObject &body)
{
    QUrl url = d->settings.endpoints.at(d->current % d->settings.endpoints.size());
    url.setPath(path);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    if (!d->token.isEmpty())
        request.setRawHeader("Authorization", d->token);
    if (url.scheme() == QLatin1String("https"))
        request.setSslConfiguration(d->ssl);
    return d->nam->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

void EtcdClient::send(const std::shared_ptr<Request> &request)
{
    const bool needsToken = request->kind != EtcdParse::Kind::Authenticate;
    if (needsToken && !d->settings.user.isEmpty() && d->token.isEmpty()) {
        withToken(nullptr, [this, request](const QString &error) {
            if (!error.isEmpty()) {
                EtcdAnswer answer;
                answer.kind = d->authFailure == EtcdAnswer::Error::None ? EtcdAnswer::Error::Auth
                                                                        : d->authFailure;
                answer.error = error;
                deliver(request, answer);
                return;
            }
            send(request);
        });
        return;
    }
    if (d->settings.endpoints.isEmpty()) {
        EtcdAnswer answer;
        answer.kind = EtcdAnswer::Error::Unreachable;
        answer.error = tr("No etcd endpoint is configured.");
        deliver(request, answer);
        return;
    }
    QUrl url = d->settings.endpoints.at(d->current % d->settings.endpoints.size());
    url.setPath(request->path);
    QNetworkRequest http(url);
    http.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    http.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    http.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                      QNetworkRequest::ManualRedirectPolicy);
    http.setTransferTimeout(request->timeoutMs);
    request->tokenUsed = needsToken ? d->token : QByteArray();
    if (!request->tokenUsed.isEmpty())
        http.setRawHeader("Authorization", request->tokenUsed);
    if (url.scheme() == QLatin1String("https"))
        http.setSslConfiguration(d->ssl);
    request->answer.clear();
    request->tooLarge = false;
    QNetworkReply *reply = d->nam->post(http, request->body);
    const qint64 cap = d->settings.maxAnswerBytes;
    connect(reply, &QNetworkReply::readyRead, this, [request, reply, cap] {
        request->answer += reply->read(cap + 1 - request->answer.size());
        if (request->answer.size() > cap) {
            request->tooLarge = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, request, reply] {
        reply->deleteLater();
        finish(request, reply);
    });
}

EtcdAnswer EtcdClient::networkError(QNetworkReply *reply) const
{
    EtcdAnswer answer;
    answer.kind = EtcdAnswer::Error::Unreachable;
    const QString endpoint = reply->url().adjusted(QUrl::RemovePath).toString();
    switch (reply->error()) {
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TimeoutError:
        answer.error = tr("etcd at %1 did not answer in time.").arg(endpoint);
        break;
    default:
        answer.error = tr("Cannot reach etcd at %1: %2")
                               .arg(endpoint, EtcdParse::printable(reply->errorString()));
    }
    return answer;
}

void EtcdClient::finish(const std::shared_ptr<Request> &request, QNetworkReply *reply)
{
    if (request->tooLarge) {
        EtcdAnswer answer;
        answer.kind = EtcdAnswer::Error::TooLarge;
        answer.error
                = tr("etcd's answer exceeded %1 bytes; ignored.").arg(d->settings.maxAnswerBytes);
        deliver(request, answer);
        return;
    }
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid()) {
        EtcdAnswer answer = networkError(reply);
        endpointFailed();
        // Retried on the next endpoint only when the request surely was not
        // processed (no connection); after a timeout it may have been.
        const bool notSent = reply->error() == QNetworkReply::ConnectionRefusedError
                || reply->error() == QNetworkReply::HostNotFoundError
                || reply->error() == QNetworkReply::SslHandshakeFailedError;
        if (notSent && ++request->endpointsTried < d->settings.endpoints.size()) {
            qCInfo(lcEtcd) << "trying the next endpoint after" << answer.error;
            send(request);
            return;
        }
        deliver(request, answer);
        return;
    }
    request->answer += reply->readAll();
    const int http = status.toInt();
    EtcdAnswer answer;
    if (http == 200) {
        QByteArray body = request->answer;
        if (request->kind == EtcdParse::Kind::LeaseKeepAlive) {
            const qsizetype newline = body.indexOf('\n');
            if (newline >= 0)
                body.truncate(newline); // a stream: its first line is the answer
        }
        answer = EtcdParse::parse(request->kind, body);
    } else {
        answer = EtcdParse::parseError(http, request->answer);
        if (request->kind == EtcdParse::Kind::Authenticate
            && answer.kind == EtcdAnswer::Error::Server)
            answer.kind = EtcdAnswer::Error::Auth;
    }
    answer.httpStatus = http;
    const bool tokenRefused = http == 401 || answer.grpcCode == 16;
    if (tokenRefused && !request->tokenUsed.isEmpty() && !request->authRetried) {
        // Expired or revoked token (etcd restarted, or its TTL passed): once more with a new one.
        request->authRetried = true;
        tokenRejected(request->tokenUsed);
        send(request);
        return;
    }
    deliver(request, answer);
}

void EtcdClient::deliver(const std::shared_ptr<Request> &request, const EtcdAnswer &answer)
{
    if (request->hasContext && !request->context)
        return;
    if (!answer.ok())
        qCInfo(lcEtcd) << request->path << answer.error;
    if (request->done)
        request->done(answer);
}

} // namespace LockWatch
