// A real etcd for one test: its own data directory inside the test's temporary
// directory, its own free loopback ports, and authentication on (a root user and
// node users with read-write on the LockWatch prefix), exactly as docs/cluster.md
// sets it up. Stopped (SIGTERM, then SIGKILL) when it goes out of scope. Its data
// directory is in /dev/shm where that exists.
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

namespace TestSupport {

class EtcdServer
{
public:
    static constexpr const char *RootPassword = "root-secret";

    // `dir`: an existing, empty directory of the test.
    explicit EtcdServer(const QString &dir);
    ~EtcdServer();

    // Starts etcd and waits until it serves (with auth enabled unless `auth` is
    // false). Returns false with the reason in *error.
    bool start(QString *error, bool auth = true, const QStringList &extraArguments = {});
    // The same data and ports again, after stop().
    bool restart(QString *error);
    void stop(); // SIGTERM, wait
    void suspend(); // SIGSTOP
    void resume(); // SIGCONT
    bool isRunning() const { return m_process.state() == QProcess::Running; }
    qint64 pid() const { return m_process.processId(); }

    QUrl url() const;
    QString endpoint() const { return url().toString(); }
    // Before start(): etcd listens on `address` too (same port), e.g. the host end
    // of a NetworkNamespace's link.
    void setExtraAddress(const QString &address) { m_extraAddress = address; }
    // The endpoint on that address.
    QString extraEndpoint() const;
    // A user with read-write on every key under `prefix`.
    bool addUser(const QString &name, const QString &password, const QString &prefix,
                 QString *error);
    // etcdctl as root; returns its standard output, or an empty string and *error.
    bool etcdctl(const QStringList &arguments, QByteArray *out, QString *error);
    // A file with the password, mode 0600 (what password-file= names).
    QString writePasswordFile(const QString &name, const QString &password) const;
    // Where writePasswordFile() puts user `name`'s password.
    QString passwordFile(const QString &name) const;

    // Options for https: the certificate and key (the CA is the test's).
    void setTls(const QString &certFile, const QString &keyFile);

    static quint16 freePort();

private:
    bool launch(QString *error);

    QString m_dir;
    // etcd's data: in memory (/dev/shm) where there is one, so that fsync costs
    // nothing on a machine busy writing to disk.
    QTemporaryDir m_data;
    QProcess m_process;
    quint16 m_clientPort = 0;
    quint16 m_peerPort = 0;
    QStringList m_extra;
    QString m_cert;
    QString m_key;
    QString m_extraAddress;
    bool m_auth = true;
};

} // namespace TestSupport
