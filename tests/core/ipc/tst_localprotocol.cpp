// The local socket protocol: encoding, limits, and a LocalServer
// receiving from real clients; notifying when no tray runs.
#include "core/ipc/localprotocol.h"
#include "core/ipc/localserver.h"

#include "attemptsample.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace LockWatch;
using namespace TestSupport;

class TestLocalProtocol : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void roundTrip();
    void oneVersionedLine();
    void rejects_data();
    void rejects();
    void oversizedAttemptIsNotEncoded();
    void serverReceivesAttemptAndActivate();
    void serverSurvivesABadClient_data();
    void serverSurvivesABadClient();
    void notifyWithoutTrayFailsFast();
    void secondServerSeesTheFirst();
    void leftoverSocketIsReplaced();

private:
    QString socketName(const QString &base) const { return m_dir.filePath(base); }
    // `server` listening at `name`, and `socket` (a raw client) connected to it.
    void listenAndConnect(LocalServer &server, QLocalSocket &socket, const QString &name);
    QTemporaryDir m_dir;
};

void TestLocalProtocol::listenAndConnect(LocalServer &server, QLocalSocket &socket,
                                         const QString &name)
{
    QVERIFY(server.listen(name));
    socket.connectToServer(name);
    QVERIFY(socket.waitForConnected(1000));
}

void TestLocalProtocol::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestLocalProtocol::roundTrip()
{
    const DuplicateAttempt a = sampleAttempt();
    const LocalProtocol::Message m = LocalProtocol::decode(LocalProtocol::encode(a));
    QCOMPARE(m.type, LocalProtocol::Type::DuplicateAttempt);
    QVERIFY(sameAttempt(m.attempt, a));
    QCOMPARE(LocalProtocol::decode(LocalProtocol::encodeActivate()).type, LocalProtocol::Type::Activate);

    DuplicateAttempt unnamed = sampleAttempt();
    unnamed.name.clear();
    unnamed.source = DuplicateAttempt::Source::Foreign;
    QVERIFY(sameAttempt(LocalProtocol::decode(LocalProtocol::encode(unnamed)).attempt, unnamed));
}

void TestLocalProtocol::oneVersionedLine()
{
    const QByteArray line = LocalProtocol::encode(sampleAttempt());
    QVERIFY(line.endsWith('\n'));
    QCOMPARE(line.count('\n'), 1);
    QVERIFY(line.contains("\"v\":1"));
    QVERIFY(line.contains("\"type\":\"duplicate-attempt\""));
}

void TestLocalProtocol::rejects_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not json") << QByteArray("hello\n");
    QTest::newRow("array") << QByteArray("[1,2]\n");
    QTest::newRow("no version") << QByteArray("{\"type\":\"activate\"}\n");
    QTest::newRow("version 2") << QByteArray("{\"v\":2,\"type\":\"activate\"}\n");
    QTest::newRow("unknown type") << QByteArray("{\"v\":1,\"type\":\"format-disk\"}\n");
    QTest::newRow("attempt without lockfile")
            << QByteArray("{\"v\":1,\"type\":\"duplicate-attempt\",\"source\":\"run\",\"timeMs\":1}\n");
    QTest::newRow("attempt with unknown source")
            << QByteArray("{\"v\":1,\"type\":\"duplicate-attempt\",\"source\":\"x\",\"lockfile\":\"/a\",\"timeMs\":1}\n");
    QTest::newRow("negative pid")
            << QByteArray("{\"v\":1,\"type\":\"duplicate-attempt\",\"source\":\"run\",\"lockfile\":\"/a\","
                          "\"timeMs\":1,\"holderPid\":-5}\n");
    QByteArray huge = "{\"v\":1,\"type\":\"activate\",\"pad\":\"" + QByteArray(5000, 'x') + "\"}\n";
    QTest::newRow("over 4 KiB") << huge;
}

void TestLocalProtocol::rejects()
{
    QFETCH(QByteArray, line);
    QCOMPARE(LocalProtocol::decode(line).type, LocalProtocol::Type::Invalid);
}

void TestLocalProtocol::oversizedAttemptIsNotEncoded()
{
    DuplicateAttempt a = sampleAttempt();
    a.lockfile = QString(5000, QLatin1Char('a'));
    QVERIFY(LocalProtocol::encode(a).isEmpty());
    QVERIFY(!notifyTray(a, 100, socketName(QStringLiteral("none.sock"))));
}

void TestLocalProtocol::serverReceivesAttemptAndActivate()
{
    LocalServer server;
    const QString name = socketName(QStringLiteral("tray.sock"));
    QString error;
    QVERIFY2(server.listen(name, &error), qPrintable(error));
    QSignalSpy attempts(&server, &LocalServer::attemptReceived);
    QSignalSpy activations(&server, &LocalServer::activateRequested);
    QVERIFY(notifyTray(sampleAttempt(), 1000, name));
    QVERIFY(requestActivation(1000, name));
    QTRY_COMPARE(attempts.count(), 1);
    QTRY_COMPARE(activations.count(), 1);
    QVERIFY(sameAttempt(attempts.first().first().value<DuplicateAttempt>(), sampleAttempt()));
    // Only the user may connect.
    QFile::Permissions perms = QFile::permissions(name);
    QVERIFY(!(perms & (QFile::ReadOther | QFile::WriteOther | QFile::ReadGroup | QFile::WriteGroup)));
}

void TestLocalProtocol::serverSurvivesABadClient_data()
{
    QTest::addColumn<QByteArray>("bytes"); // what a raw client writes
    QTest::addColumn<int>("received"); // the attempts among them
    QTest::addColumn<bool>("dropped"); // the server closes that connection
    QTest::newRow("malformed lines")
            << "garbage\n{\"v\":9,\"type\":\"activate\"}\n" + LocalProtocol::encode(sampleAttempt()) << 1
            << false;
    // No newline, far over the limit: the attempt after it is not read.
    QTest::newRow("oversized message")
            << QByteArray(64 * 1024, 'x') + LocalProtocol::encode(sampleAttempt()) << 0 << true;
}

void TestLocalProtocol::serverSurvivesABadClient()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, received);
    QFETCH(bool, dropped);
    LocalServer server;
    QLocalSocket socket;
    const QString name
            = socketName(QLatin1String(QTest::currentDataTag()) + QLatin1String(".sock"));
    listenAndConnect(server, socket, name);
    if (QTest::currentTestFailed())
        return;
    QSignalSpy attempts(&server, &LocalServer::attemptReceived);
    socket.write(bytes);
    QVERIFY(socket.waitForBytesWritten(1000));
    if (dropped)
        QTRY_COMPARE(socket.state(), QLocalSocket::UnconnectedState);
    QTRY_COMPARE(attempts.count(), received);
    socket.disconnectFromServer();
    // The server keeps listening: others are still served.
    QVERIFY(notifyTray(sampleAttempt(), 1000, name));
    QTRY_COMPARE(attempts.count(), received + 1);
}

void TestLocalProtocol::notifyWithoutTrayFailsFast()
{
    QElapsedTimer timer;
    timer.start();
    QVERIFY(!notifyTray(sampleAttempt(), 250, socketName(QStringLiteral("nobody.sock"))));
    QVERIFY(!requestActivation(250, socketName(QStringLiteral("nobody.sock"))));
}

void TestLocalProtocol::secondServerSeesTheFirst()
{
    LocalServer first;
    const QString name = socketName(QStringLiteral("single.sock"));
    QVERIFY(first.listen(name));
    LocalServer second;
    bool otherRunning = false;
    QString error;
    QVERIFY(!second.listen(name, &error, &otherRunning));
    QVERIFY(otherRunning);
    QVERIFY(!error.isEmpty());
    QSignalSpy activations(&first, &LocalServer::activateRequested);
    QVERIFY(requestActivation(1000, name));
    QTRY_COMPARE(activations.count(), 1);
}

void TestLocalProtocol::leftoverSocketIsReplaced()
{
    const QString name = socketName(QStringLiteral("leftover.sock"));
    // A tray that crashed leaves its socket file behind, with nobody listening.
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    QVERIFY(fd >= 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const QByteArray path = QFile::encodeName(name);
    QVERIFY(size_t(path.size()) < sizeof address.sun_path);
    std::memcpy(address.sun_path, path.constData(), size_t(path.size()));
    QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
    ::close(fd);
    QVERIFY(QFile::exists(name));
    LocalServer server;
    bool otherRunning = true;
    QVERIFY(server.listen(name, nullptr, &otherRunning));
    QVERIFY(!otherRunning);
    QSignalSpy attempts(&server, &LocalServer::attemptReceived);
    QVERIFY(notifyTray(sampleAttempt(), 1000, name));
    QTRY_COMPARE(attempts.count(), 1);
}

QTEST_GUILESS_MAIN(TestLocalProtocol)
#include "tst_localprotocol.moc"
