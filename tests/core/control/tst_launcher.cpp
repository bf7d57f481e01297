// Launcher: a started program's stdout and stderr go
// through a log pump that keeps the log bounded while the program runs.
// The limit is made small with the test hook LOCKWATCH_LOG_LIMIT.
#include "core/model/config.h"
#include "core/control/launcher.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <poll.h>
#include <unistd.h>

using namespace LockWatch;
using namespace TestSupport;

namespace {

constexpr qint64 Limit = 4096;

bool hasExited(int pidfd)
{
    pollfd p{pidfd, POLLIN, 0};
    return ::poll(&p, 1, 0) > 0;
}

// The PID behind a pidfd (the "Pid:" line of its fdinfo).
qint64 pidOf(int pidfd)
{
    const QByteArray info = readFile(QStringLiteral("/proc/self/fdinfo/%1").arg(pidfd));
    const QRegularExpression re(QStringLiteral("Pid:\\s*(-?\\d+)"));
    return re.match(QString::fromLatin1(info)).captured(1).toLongLong();
}

} // namespace

class TestLauncher : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void logStaysBoundedWhileRunning();
    void pumpExitsAfterProgramAndKeepsNoOtherFd();

private:
    InstanceConfig shell(const QString &name, const QString &script) const;
    QTemporaryDir m_dir;
};

void TestLauncher::initTestCase()
{
    QVERIFY(m_dir.isValid());
    isolateXdgDirectories(m_dir.path());
    qputenv("LOCKWATCH_LOG_LIMIT", QByteArray::number(Limit));
    QCOMPARE(Launcher::logLimit(), Limit);
}

InstanceConfig TestLauncher::shell(const QString &name, const QString &script) const
{
    InstanceConfig i;
    i.name = name;
    i.lockFile = m_dir.filePath(name + QLatin1String(".lock"));
    i.program = QStringLiteral("/bin/sh");
    i.arguments = {QStringLiteral("-c"), script};
    return i;
}

void TestLauncher::logStaysBoundedWhileRunning()
{
    const QString log = m_dir.filePath(QStringLiteral("bounded.log"));
    // About 100 KB on stdout and stderr, then it keeps running.
    const InstanceConfig i = shell(QStringLiteral("bounded"), QStringLiteral(
        "i=0; while [ $i -lt 2000 ]; do echo \"out line $i padding padding padding\";"
        " echo \"err line $i\" >&2; i=$((i+1)); done; exec sleep 300"));
    const Launcher::Started started = Launcher::start(i, log);
    QVERIFY2(started.ok, qPrintable(started.error));
    QVERIFY(started.pidfd >= 0);
    QVERIFY(started.logPumpPidfd >= 0);
    const auto both = [&]() -> QByteArray { return readFile(log + QLatin1String(".1")) + readFile(log); };
    QTRY_VERIFY_WITH_TIMEOUT(both().contains("err line 1999\n"), 20000);

    QVERIFY(!hasExited(started.pidfd)); // still running
    QVERIFY(!hasExited(started.logPumpPidfd));
    const qint64 size = QFileInfo(log).size();
    const qint64 oldSize = QFileInfo(log + QLatin1String(".1")).size();
    QVERIFY2(size <= Limit + Launcher::LogChunk, qPrintable(QString::number(size)));
    QVERIFY2(oldSize > 0 && oldSize <= Limit + Launcher::LogChunk, qPrintable(QString::number(oldSize)));
    // The oldest output has been rotated away; the .1 holds the older part.
    QVERIFY(!both().contains("out line 0 "));
    const QRegularExpression number(QStringLiteral("line (\\d+)"));
    const auto lastLine = [&](const QByteArray &text) {
        int last = -1;
        for (auto it = number.globalMatch(QString::fromLatin1(text)); it.hasNext();)
            last = it.next().captured(1).toInt();
        return last;
    };
    const auto firstLine = [&](const QByteArray &text) {
        return number.match(QString::fromLatin1(text)).captured(1).toInt();
    };
    const QByteArray current = readFile(log);
    if (!current.isEmpty())
        QVERIFY(firstLine(current) >= lastLine(readFile(log + QLatin1String(".1"))) - 1);
    QVERIFY(both().contains("out line 1999 padding"));

    ::kill(pid_t(pidOf(started.pidfd)), SIGKILL);
    QVERIFY(Launcher::waitForLogPump(started.logPumpPidfd, 10000));
    ::close(started.pidfd);
    ::close(started.logPumpPidfd);
}

void TestLauncher::pumpExitsAfterProgramAndKeepsNoOtherFd()
{
    const QString log = m_dir.filePath(QStringLiteral("short.log"));
    // The program runs until its marker is removed, so the pump can be looked at.
    const QString marker = m_dir.filePath(QStringLiteral("marker"));
    writeFile(marker, "x");
    const InstanceConfig i = shell(QStringLiteral("short"), QStringLiteral(
        "echo to stdout; echo to stderr >&2; while [ -e '%1' ]; do sleep 0.05; done; echo bye").arg(marker));
    const Launcher::Started started = Launcher::start(i, log);
    QVERIFY2(started.ok, qPrintable(started.error));
    QVERIFY(started.logPumpPidfd >= 0);
    const qint64 pump = pidOf(started.logPumpPidfd);
    QVERIFY(pump > 0);
    QVERIFY(pump != pidOf(started.pidfd));
    QTRY_VERIFY(readFile(log).contains("to stderr"));
    QVERIFY(readFile(log).contains("to stdout"));

    // The pump: /dev/null on 0-2, the pipe, the log - nothing of ours.
    const QMap<int, QString> fds = openDescriptors(QStringLiteral("/proc/%1").arg(pump));
    QCOMPARE(fds.keys(), (QList<int> { 0, 1, 2, 3, 4 }));
    QCOMPARE(fds.value(4), log);
    QVERIFY(!hasExited(started.logPumpPidfd));

    QVERIFY(QFile::remove(marker));
    QVERIFY(Launcher::waitForLogPump(started.logPumpPidfd, 10000));
    QTRY_VERIFY(hasExited(started.pidfd));
    QVERIFY(readFile(log).endsWith("bye\n")); // everything written before the pump exited
    ::close(started.pidfd);
    ::close(started.logPumpPidfd);
}

QTEST_GUILESS_MAIN(TestLauncher)
#include "tst_launcher.moc"
