// Without XDG_RUNTIME_DIR (su, runuser, cron, ssh without logind) the local socket
// and its lock must still live in a private directory: another user (nobody) who
// squats every name a shared directory would offer can neither make the tray
// think it already runs nor receive a single message. A client checks the
// server's uid (SO_PEERCRED) before it sends anything.
#include "core/ipc/localserver.h"
#include "core/model/paths.h"
#include "testsupport.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/file.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace LockWatch;
using namespace TestSupport;

namespace {

// nobody's server on `socketPath` (and an flock held on `lockPath`): it accepts
// every connection and counts what it is sent, until `stop` is written to.
struct Squatter
{
    pid_t pid = 0;
    int stop = -1;    // write a byte to end it
    int report = -1;  // it writes {connections, bytes} here when it ends
};

Squatter squat(const QByteArray &socketPath, const QByteArray &lockPath, const QByteArray &runtimeDir)
{
    int stopPipe[2], reportPipe[2], ready[2];
    if (::pipe(stopPipe) != 0 || ::pipe(reportPipe) != 0 || ::pipe(ready) != 0)
        return {};
    const pid_t parent = ::getpid();
    const pid_t pid = ::fork();
    if (pid == 0) {
        // The parent-death signal is set after the switch of user, which clears it.
        if (::setresgid(NobodyUid, NobodyUid, NobodyUid) != 0 || ::setresuid(NobodyUid, NobodyUid, NobodyUid) != 0
            || ::prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || ::getppid() != parent)
            ::_exit(2);
        ::mkdir(runtimeDir.constData(), 0700); // what Qt would use: ours now
        const int lock = ::open(lockPath.constData(), O_CREAT | O_RDWR, 0644);
        const int server = ::socket(AF_UNIX, SOCK_STREAM, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        std::strncpy(address.sun_path, socketPath.constData(), sizeof address.sun_path - 1);
        ::umask(0);
        const char ok = lock >= 0 && ::flock(lock, LOCK_EX) == 0 && server >= 0
                && ::bind(server, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0
                && ::listen(server, 64) == 0;
        if (::write(ready[1], &ok, 1) != 1 || !ok)
            ::_exit(3);
        int counts[2] = { 0, 0 };
        pollfd fds[2] = { { server, POLLIN, 0 }, { stopPipe[0], POLLIN, 0 } };
        for (;;) {
            if (::poll(fds, 2, -1) <= 0)
                continue;
            // Told to stop: take what is still waiting in the backlog, then end.
            const bool stop = fds[1].revents & POLLIN;
            if (stop)
                ::fcntl(server, F_SETFL, O_NONBLOCK);
            const int client = ::accept(server, nullptr, nullptr);
            if (client < 0) {
                if (stop)
                    break;
                continue;
            }
            ++counts[0];
            // Whatever a client sends comes at once; wait a little for it.
            pollfd c{client, POLLIN, 0};
            char buffer[4096];
            while (::poll(&c, 1, 300) == 1) {
                const ssize_t n = ::read(client, buffer, sizeof buffer);
                if (n <= 0)
                    break;
                counts[1] += int(n);
            }
            ::close(client);
        }
        ::_exit(::write(reportPipe[1], counts, sizeof counts) == sizeof counts ? 0 : 4);
    }
    ::close(stopPipe[0]);
    ::close(reportPipe[1]);
    ::close(ready[1]);
    char ok = 0;
    const bool started = pid > 0 && ::read(ready[0], &ok, 1) == 1 && ok == 1;
    ::close(ready[0]);
    if (!started)
        return {};
    return {pid, stopPipe[1], reportPipe[0]};
}

// Ends the squatter; {connections, bytes received}.
QPair<int, int> finish(const Squatter &s)
{
    int counts[2] = {-1, -1};
    const char byte = 1;
    if (::write(s.stop, &byte, 1) == 1)
        [[maybe_unused]] const ssize_t n = ::read(s.report, counts, sizeof counts);
    ::waitpid(s.pid, nullptr, 0);
    ::close(s.stop);
    ::close(s.report);
    return {counts[0], counts[1]};
}

DuplicateAttempt attempt(int i)
{
    DuplicateAttempt a;
    a.source = DuplicateAttempt::Source::Run;
    a.name = QStringLiteral("secret-bot");
    a.lockfile = QStringLiteral("/srv/secret/bot.lock");
    a.attemptPid = 1000 + i;
    a.holderPid = 999;
    a.holderHost = QStringLiteral("host");
    a.timeMs = QDateTime::currentMSecsSinceEpoch();
    return a;
}

} // namespace

class TestSocketSquat : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void squattedSharedNamesNeitherBlockNorListen();
    void clientTalksOnlyToItsOwnUser();

private:
    QTemporaryDir m_dir;
    QString m_shared; // plays /tmp: TMPDIR points here
};

void TestSocketSquat::initTestCase()
{
    if (::getuid() != 0)
        QSKIP("needs root to act as another user");
    QVERIFY(m_dir.isValid());
    QCOMPARE(::chmod(QFile::encodeName(m_dir.path()).constData(), 0711), 0);
    m_shared = m_dir.filePath(QStringLiteral("shared"));
    QVERIFY(QDir().mkpath(m_shared));
    QCOMPARE(::chmod(QFile::encodeName(m_shared).constData(), 01777), 0);
    isolateXdgDirectories(m_dir.path());
    qunsetenv("XDG_RUNTIME_DIR");
    qputenv("TMPDIR", QFile::encodeName(m_shared));
    qputenv("HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("home"))));
}

void TestSocketSquat::squattedSharedNamesNeitherBlockNorListen()
{
    // Every name a shared directory would give: Qt's runtime fallback
    // ($TMPDIR/runtime-USER), the socket name and its lock there.
    const QByteArray shared = QFile::encodeName(m_shared);
    const QByteArray name = shared + "/lockwatch-" + QByteArray::number(::getuid());
    const Squatter squatter = squat(name, name + ".lock", shared + "/runtime-root");
    QVERIFY(squatter.pid > 0);

    LocalServer server;
    QSignalSpy received(&server, &LocalServer::attemptReceived);
    QString error;
    bool otherRunning = true;
    const bool listening = server.listen(QString(), &error, &otherRunning);
    QVERIFY2(listening, qPrintable(error));
    QVERIFY(!otherRunning);
    const QString path = server.serverName();
    QVERIFY2(!path.startsWith(m_shared), qPrintable(path));
    struct stat st{};
    QCOMPARE(::stat(QFile::encodeName(QFileInfo(path).path()).constData(), &st), 0);
    QCOMPARE(st.st_uid, ::getuid());
    QCOMPARE(st.st_mode & 0777, mode_t(0700));

    // Messages in process and from `lockwatch run` refused by a held lock: all reach
    // our server, none the squatter. (The server takes at most 100 a second.)
    constexpr int Rounds = 90;
    for (int i = 0; i < Rounds; ++i) {
        QVERIFY(notifyTray(attempt(i), 2000));
        QTRY_COMPARE(received.size(), i + 1); // the server accepts in this event loop
    }
    ScopedProcess holder;
    const QString lock = m_dir.filePath(QStringLiteral("held.lock"));
    holder.start(lockwatchBinary(), {QStringLiteral("run"), QStringLiteral("--lock"), lock, QStringLiteral("--"),
                                     QStringLiteral("sleep"), QStringLiteral("300")});
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(lock).size() > 0, 20000);
    constexpr int Refused = 3;
    for (int i = 0; i < Refused; ++i) {
        const Result r = runLockwatch({QStringLiteral("run"), QStringLiteral("--lock"), lock, QStringLiteral("--"),
                                       QStringLiteral("true")});
        QCOMPARE(r.exitCode, 75);
    }
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), Rounds + Refused, 20000);
    const auto [connections, bytes] = finish(squatter);
    qInfo("squatter: %d connections, %d bytes received", connections, bytes);
    QCOMPARE(connections, 0);
    QCOMPARE(bytes, 0);
}

void TestSocketSquat::clientTalksOnlyToItsOwnUser()
{
    // A socket of another user where ours is expected (however it got there): the
    // client connects, sees the uid, and sends nothing.
    const QByteArray path = QFile::encodeName(m_shared) + "/theirs.socket";
    const Squatter squatter = squat(path, path + ".lock", QFile::encodeName(m_shared) + "/unused");
    QVERIFY(squatter.pid > 0);
    for (int i = 0; i < 20; ++i) {
        QVERIFY(!notifyTray(attempt(i), 1000, QFile::decodeName(path)));
        QVERIFY(!requestActivation(1000, QFile::decodeName(path)));
    }
    const auto [connections, bytes] = finish(squatter);
    qInfo("squatter: %d connections, %d bytes received", connections, bytes);
    QCOMPARE(connections, 40); // it was reached...
    QCOMPARE(bytes, 0);        // ...and told nothing
}

QTEST_GUILESS_MAIN(TestSocketSquat)
#include "tst_socketsquat.moc"
