#include "core/model/clusterconfig.h"

#include "core/system/errnotext.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QSysInfo>
#include <QUrl>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace LockWatch {

namespace {

const QLatin1String KeyEtcd("cluster/etcd");
const QLatin1String KeyPrefix("cluster/prefix");
const QLatin1String KeyUser("cluster/user");
const QLatin1String KeyPasswordFile("cluster/password-file");
const QLatin1String KeyCaFile("cluster/ca-file");
const QLatin1String KeyNode("cluster/node");
const QLatin1String KeyTtl("cluster/ttl");

bool validPrefix(const QString &prefix)
{
    if (!prefix.startsWith(QLatin1Char('/')) || prefix.size() < 2 || prefix.size() > 128
        || prefix.endsWith(QLatin1Char('/')))
        return false;
    for (QChar c : prefix) {
        if (c.unicode() <= 0x20 || c.unicode() >= 0x7f)
            return false;
    }
    return true;
}

} // namespace

bool ClusterConfig::operator==(const ClusterConfig &o) const
{
    return endpoints == o.endpoints && prefix == o.prefix && user == o.user
            && passwordFile == o.passwordFile && caFile == o.caFile && node == o.node
            && ttl == o.ttl;
}

bool ClusterConfig::isValidNode(const QString &node)
{
    if (node.isEmpty() || node.size() > 64)
        return false;
    for (qsizetype i = 0; i < node.size(); ++i) {
        const char16_t u = node.at(i).unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z')
                || (u >= u'0' && u <= u'9') || u == u'_' || (i > 0 && (u == u'.' || u == u'-'));
        if (!ok)
            return false;
    }
    return true;
}

bool ClusterConfig::load(const QSettings &settings, const QString &path, QString *error)
{
    *this = ClusterConfig();
    const QString where = tr("Configuration %1, section [cluster]").arg(path);
    const auto text = [&settings](QLatin1String key) {
        const QVariant v = settings.value(key);
        // "etcd=a,b" reads as a list.
        return v.userType() == QMetaType::QStringList ? v.toStringList().join(QLatin1Char(','))
                                                      : v.toString();
    };
    for (const QString &url : text(KeyEtcd).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QUrl parsed(url.trimmed(), QUrl::StrictMode);
        if (!parsed.isValid() || parsed.host().isEmpty() || parsed.port() <= 0
            || (parsed.scheme() != QLatin1String("http")
                && parsed.scheme() != QLatin1String("https"))
            || (!parsed.path().isEmpty() && parsed.path() != QLatin1String("/"))) {
            *error = tr("%1: \"%2\" is not an etcd URL (http://HOST:PORT or https://HOST:PORT).")
                             .arg(where, url.trimmed());
            return false;
        }
        endpoints << parsed.adjusted(QUrl::RemovePath).toString();
    }
    if (settings.contains(KeyPrefix))
        prefix = text(KeyPrefix);
    user = text(KeyUser);
    passwordFile = text(KeyPasswordFile);
    caFile = text(KeyCaFile);
    node = text(KeyNode);
    if (node.isEmpty())
        node = QSysInfo::machineHostName();
    if (settings.contains(KeyTtl)) {
        bool ok = false;
        ttl = text(KeyTtl).toInt(&ok);
        if (!ok || ttl < MinTtl || ttl > MaxTtl) {
            *error = tr("%1: \"ttl\" must be whole seconds from %2 to %3.")
                             .arg(where)
                             .arg(MinTtl)
                             .arg(MaxTtl);
            return false;
        }
    }
    const bool anyKey = !settings.value(KeyEtcd).isNull() || settings.contains(KeyUser)
            || settings.contains(KeyPasswordFile) || settings.contains(KeyNode);
    if (!enabled()) {
        if (anyKey) {
            *error = tr("%1: \"etcd\" names no URL.").arg(where);
            return false;
        }
        return true;
    }
    if (!validPrefix(prefix)) {
        *error = tr("%1: \"prefix\" must start with '/', not end with it, and hold no spaces.")
                         .arg(where);
        return false;
    }
    if (!isValidNode(node)) {
        *error = tr("%1: \"%2\" is not a valid node name: use ASCII letters (a-z, A-Z), digits and "
                    "'_', and after the first character also '.' and '-' (at most 64 characters).")
                         .arg(where, node);
        return false;
    }
    if (user.isEmpty() != passwordFile.isEmpty()) {
        *error = tr("%1: \"user\" and \"password-file\" go together.").arg(where);
        return false;
    }
    for (const QString &file : { passwordFile, caFile }) {
        if (!file.isEmpty() && !QDir::isAbsolutePath(file)) {
            *error = tr("%1: \"%2\" must be an absolute path.").arg(where, file);
            return false;
        }
    }
    QByteArray ignored;
    QString why;
    if (!passwordFile.isEmpty() && !readPassword(&ignored, &why)) {
        //: %1 says where in the configuration, %2 what is wrong there.
        *error = tr("%1: %2").arg(where, why);
        return false;
    }
    return true;
}

void ClusterConfig::save(QSettings &settings) const
{
    if (!enabled())
        return;
    settings.setValue(KeyEtcd, endpoints.join(QLatin1Char(',')));
    if (prefix != QLatin1String("/lockwatch"))
        settings.setValue(KeyPrefix, prefix);
    if (!user.isEmpty()) {
        settings.setValue(KeyUser, user);
        settings.setValue(KeyPasswordFile, passwordFile);
    }
    if (!caFile.isEmpty())
        settings.setValue(KeyCaFile, caFile);
    if (node != QSysInfo::machineHostName())
        settings.setValue(KeyNode, node);
    if (ttl != DefaultTtl)
        settings.setValue(KeyTtl, ttl);
}

bool ClusterConfig::readPassword(QByteArray *password, QString *error) const
{
    // Checked and read through one descriptor: the file judged is the file read.
    const QByteArray native = QFile::encodeName(passwordFile);
    const int fd
            = ::open(native.constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) {
        *error = tr("Cannot read the etcd password file %1: %2")
                         .arg(passwordFile, errnoText(errno));
        return false;
    }
    struct stat st
    {
    };
    bool ok = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
    if (ok && (st.st_uid != ::getuid() || (st.st_mode & 0077))) {
        ::close(fd);
        *error = tr("The etcd password file %1 must be private (owned by you, mode 0600); refusing "
                    "to use it (fix with: chmod 600 %1).")
                         .arg(passwordFile);
        return false;
    }
    QByteArray content;
    if (ok) {
        content.resize(4097);
        const ssize_t n = ::read(fd, content.data(), size_t(content.size()));
        ok = n >= 0 && n <= 4096;
        content.truncate(qMax<ssize_t>(n, 0));
    }
    ::close(fd);
    if (!ok) {
        *error = tr("The etcd password file %1 is not a small regular file.").arg(passwordFile);
        return false;
    }
    // The first line; a trailing newline is not part of the password.
    const qsizetype newline = content.indexOf('\n');
    if (newline >= 0)
        content.truncate(newline);
    if (content.endsWith('\r'))
        content.chop(1);
    if (content.isEmpty()) {
        *error = tr("The etcd password file %1 is empty.").arg(passwordFile);
        return false;
    }
    *password = content;
    return true;
}

} // namespace LockWatch
