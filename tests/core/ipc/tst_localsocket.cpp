// The per-user local socket: only the same user can
// reach it (file mode, and SO_PEERCRED when the mode was loosened), and garbage,
// oversized lines and floods of messages or connections never take it down: a
// valid message is still accepted afterwards.
#include "core/ipc/localprotocol.h"
#include "core/ipc/localserver.h"
#include "core/model/paths.h"
#include "testsupport.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLocalSocket>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <sys/stat.h>
#include <unistd.h>

using namespace LockWatch;

namespace {

DuplicateAttempt sampleAttempt(const QString &name)
{
    DuplicateAttempt attempt;
    attempt.source = DuplicateAttempt::Source::Run;
    attempt.name = name;
    attempt.lockfile = QStringLiteral("/tmp/x.lock");
    attempt.attemptPid = 4242;
    attempt.holderPid = 4343;
    attempt.holderHost = QStringLiteral("here");
    attempt.timeMs = QDateTime::currentMSecsSinceEpoch();
    return attempt;
}

// A client from a python3 process (optionally as user nobody via setpriv) that
// connects and sends one valid message; prints "connected" or the error.
QByteArray pythonClient(const QString &socketPath, const QByteArray &line, bool asNobody, int *exitCode)
{
    const QString script = QStringLiteral(
            "import socket,sys\n"
            "s=socket.socket(socket.AF_UNIX)\n"
            "try:\n"
            "    s.connect(sys.argv[1])\n"
            "except OSError as e:\n"
            "    print('refused', e.errno); sys.exit(3)\n"
            "print('connected', flush=True)\n"
            "try:\n"
            "    s.sendall(sys.argv[2].encode())\n"
            "    s.settimeout(2); s.recv(1)\n"
            "except OSError as e:\n"
            "    print('dropped', e.errno)\n");
    QStringList args;
    if (asNobody)
        args << QStringLiteral("--reuid=65534") << QStringLiteral("--regid=65534") << QStringLiteral("--clear-groups");
    args << QStringLiteral("/usr/bin/python3") << QStringLiteral("-c") << script << socketPath
         << QString::fromUtf8(line);
    QProcess process;
    process.start(asNobody ? QStringLiteral("setpriv") : QStringLiteral("/usr/bin/python3"),
                  asNobody ? args : args.mid(1));
    // Let the event loop run so the server (in this process) can accept.
    if (!QTest::qWaitFor([&]() { return process.state() == QProcess::NotRunning; }, 10000)) {
        process.kill();
        process.waitForFinished();
    }
    *exitCode = process.exitCode();
    return process.readAllStandardOutput() + process.readAllStandardError();
}

} // namespace

class TestLocalSocket : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_runtime;
    std::unique_ptr<LocalServer> m_server;
    QString m_name;
    // A valid message over a fresh connection is received.
    bool stillAccepts(const QString &tag);
    // A client of user nobody (pythonClient) sends a valid message, the runtime
    // directory opened up (0755) meanwhile, and the socket's mode loosened to 0777
    // when `loosenSocket`; the modes are put back afterwards.
    struct NobodyClient
    {
        QByteArray out; // what it printed
        int exitCode = -1;
        qsizetype received = 0; // its messages the server took
    };
    NobodyClient nobodySends(bool loosenSocket);

private slots:
    void initTestCase();
    void cleanupTestCase();
    void onlyTheUserCanOpenTheSocket();
    void otherUserIsRefused();
    void otherUserIsIgnoredEvenIfModeLoosened();
    void garbageIsIgnored();
    void oversizedLineDropsOnlyThatConnection();
    void floodOfMessages();
    void floodOfConnections();
};

void TestLocalSocket::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Traversable by others, so that only the runtime directory's and the
    // socket's own modes decide who gets in.
    QVERIFY(TestSupport::makeDir(m_dir.path(), 0755));
    m_runtime = m_dir.filePath(QStringLiteral("runtime"));
    QVERIFY(TestSupport::makeDir(m_runtime, 0700));
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_runtime));
    m_server = std::make_unique<LocalServer>();
    QString error;
    QVERIFY2(m_server->listen(QString(), &error), qPrintable(error));
    m_name = m_server->serverName();
    QCOMPARE(m_name, Paths::socketName());
}

void TestLocalSocket::cleanupTestCase()
{
    m_server.reset();
}

bool TestLocalSocket::stillAccepts(const QString &tag)
{
    QSignalSpy received(m_server.get(), &LocalServer::attemptReceived);
    if (!notifyTray(sampleAttempt(tag), 2000, m_name))
        return false;
    if (!QTest::qWaitFor([&]() { return !received.isEmpty(); }, 5000))
        return false;
    return received.last().first().value<DuplicateAttempt>().name == tag;
}

TestLocalSocket::NobodyClient TestLocalSocket::nobodySends(bool loosenSocket)
{
    const QByteArray runtime = QFile::encodeName(m_runtime);
    const QByteArray socket = QFile::encodeName(m_name);
    QSignalSpy received(m_server.get(), &LocalServer::attemptReceived);
    NobodyClient client;
    [&] {
        QVERIFY(::chmod(runtime.constData(), 0755) == 0);
        if (loosenSocket)
            QVERIFY(::chmod(socket.constData(), 0777) == 0);
        client.out = pythonClient(m_name,
                                  LocalProtocol::encode(sampleAttempt(QStringLiteral("nobody"))),
                                  true, &client.exitCode);
        if (loosenSocket)
            QVERIFY(::chmod(socket.constData(), 0700) == 0);
        QVERIFY(::chmod(runtime.constData(), 0700) == 0);
    }();
    QTest::qWait(200); // (a message, if accepted, would be emitted by now: it was sent before)
    client.received = received.size();
    return client;
}

void TestLocalSocket::onlyTheUserCanOpenTheSocket()
{
    struct stat st{};
    QVERIFY(::lstat(QFile::encodeName(m_name).constData(), &st) == 0);
    QVERIFY(S_ISSOCK(st.st_mode));
    QCOMPARE(st.st_uid, ::geteuid());
    QCOMPARE(st.st_mode & 077, mode_t(0)); // no group or other permission bits
    // The directory it lives in is private too.
    QVERIFY(::stat(QFile::encodeName(QFileInfo(m_name).path()).constData(), &st) == 0);
    QCOMPARE(st.st_mode & 077, mode_t(0));
    // The ownership lock beside it as well.
    QVERIFY(::lstat(QFile::encodeName(m_name + QStringLiteral(".lock")).constData(), &st) == 0);
    QCOMPARE(st.st_mode & 077, mode_t(0));
    QVERIFY(stillAccepts(QStringLiteral("baseline")));
}

void TestLocalSocket::otherUserIsRefused()
{
    if (::geteuid() != 0)
        QSKIP("needs root to connect as user nobody");
    // Even with the directory opened up, the socket itself (no permission for
    // others) refuses nobody.
    const NobodyClient nobody = nobodySends(false);
    QVERIFY2(nobody.exitCode == 3 && nobody.out.contains("refused 13"),
             nobody.out.constData()); // EACCES
    QCOMPARE(nobody.received, 0);
    QVERIFY(stillAccepts(QStringLiteral("after-nobody")));
}

void TestLocalSocket::otherUserIsIgnoredEvenIfModeLoosened()
{
    if (::geteuid() != 0)
        QSKIP("needs root to connect as user nobody");
    // Someone loosened the modes: nobody can connect now, but the server checks
    // the peer's uid (SO_PEERCRED) and drops the connection unread.
    QSignalSpy received(m_server.get(), &LocalServer::attemptReceived); // nobody's and ours
    const NobodyClient nobody = nobodySends(true);
    QVERIFY2(nobody.out.contains("connected"), nobody.out.constData());
    QCOMPARE(nobody.received, 0);
    // The same client as ourselves is heard (and nobody's message never is).
    int exitCode = -1;
    const QByteArray mine = pythonClient(
            m_name, LocalProtocol::encode(sampleAttempt(QStringLiteral("root"))), false, &exitCode);
    QTRY_COMPARE(received.size(), 1);
    QVERIFY(stillAccepts(QStringLiteral("after-loosened")));
}

void TestLocalSocket::garbageIsIgnored()
{
    QSignalSpy received(m_server.get(), &LocalServer::attemptReceived);
    QSignalSpy activate(m_server.get(), &LocalServer::activateRequested);
    QLocalSocket socket;
    socket.connectToServer(m_name);
    QVERIFY(socket.waitForConnected(2000));
    const QList<QByteArray> garbage{
            QByteArray("\n"), QByteArray("hello\n"), QByteArray("{\n"), QByteArray("[1,2,3]\n"),
            QByteArray("{\"v\":2,\"type\":\"activate\"}\n"), QByteArray("{\"v\":1,\"type\":\"reboot\"}\n"),
            QByteArray("{\"v\":1,\"type\":\"duplicate-attempt\"}\n"), QByteArray("\xff\xfe\x00\x01\n", 5),
            QByteArray("{\"v\":1e400,\"type\":\"activate\"}\n"),
            QByteArray(QByteArray(2000, '[') + "\n")};
    for (const QByteArray &line : garbage)
        socket.write(line);
    QVERIFY(socket.waitForBytesWritten(2000));
    QTest::qWait(100);
    QCOMPARE(received.size(), 0);
    QCOMPARE(activate.size(), 0);
    // Garbage does not cost the connection: a valid line on it is still read.
    socket.write(LocalProtocol::encode(sampleAttempt(QStringLiteral("same-connection"))));
    QTRY_COMPARE(received.size(), 1);
    socket.disconnectFromServer();
    QVERIFY(stillAccepts(QStringLiteral("after-garbage")));
}

void TestLocalSocket::oversizedLineDropsOnlyThatConnection()
{
    QSignalSpy received(m_server.get(), &LocalServer::attemptReceived);
    QLocalSocket socket;
    socket.connectToServer(m_name);
    QVERIFY(socket.waitForConnected(2000));
    // 1 MiB without a newline, then a valid message that must not be accepted.
    socket.write(QByteArray(1024 * 1024, 'x'));
    socket.write(LocalProtocol::encode(sampleAttempt(QStringLiteral("after-oversized"))));
    socket.flush();
    QTRY_VERIFY_WITH_TIMEOUT(socket.state() == QLocalSocket::UnconnectedState, 5000);
    QCOMPARE(received.size(), 0);
    QVERIFY(stillAccepts(QStringLiteral("fresh-after-oversized")));
}

void TestLocalSocket::floodOfMessages()
{
    // 10,000 valid messages on one connection: at most 64 per connection are
    // read, then it is dropped; the server stays up.
    QTest::qWait(1100); // a fresh rate window
    QSignalSpy received(m_server.get(), &LocalServer::attemptReceived);
    QLocalSocket socket;
    socket.connectToServer(m_name);
    QVERIFY(socket.waitForConnected(2000));
    const QByteArray line = LocalProtocol::encode(sampleAttempt(QStringLiteral("flood")));
    QByteArray all;
    for (int i = 0; i < 10000; ++i)
        all += line;
    socket.write(all);
    socket.flush();
    QTRY_VERIFY_WITH_TIMEOUT(socket.state() == QLocalSocket::UnconnectedState, 10000);
    QVERIFY2(received.size() <= 64, qPrintable(QString::number(received.size())));
    QVERIFY(received.size() > 0);
    QTest::qWait(1100);
    QVERIFY(stillAccepts(QStringLiteral("after-flood")));
}

void TestLocalSocket::floodOfConnections()
{
    // 40 connections each sending 20 messages at once: the total taken in one
    // second is bounded (MaxMessagesPerSecond = 100), the server survives.
    QTest::qWait(1100);
    QSignalSpy received(m_server.get(), &LocalServer::attemptReceived);
    const QByteArray line = LocalProtocol::encode(sampleAttempt(QStringLiteral("many")));
    QByteArray twenty;
    for (int i = 0; i < 20; ++i)
        twenty += line;
    std::vector<std::unique_ptr<QLocalSocket>> sockets;
    for (int i = 0; i < 40; ++i) {
        auto socket = std::make_unique<QLocalSocket>();
        socket->connectToServer(m_name);
        if (socket->waitForConnected(1000)) {
            socket->write(twenty);
            socket->flush();
        }
        sockets.push_back(std::move(socket));
    }
    QTest::qWait(500);
    qInfo("%lld of 800 messages from 40 simultaneous clients accepted within 0.5 s",
          (long long)received.size());
    QVERIFY2(received.size() <= 200, qPrintable(QString::number(received.size()))); // 2 windows at most
    sockets.clear();
    QTest::qWait(1100);
    QVERIFY(stillAccepts(QStringLiteral("after-connection-flood")));
}

QTEST_GUILESS_MAIN(TestLocalSocket)
#include "tst_localsocket.moc"
