// DuplicateFinder: a second copy of a running program is another process with the
// holder's exact command line. Real processes: a copy is found; a different
// program, the holder's own forked children and copies already known are not; a
// holder that is gone has no copy.
#include "core/system/duplicatefinder.h"
#include "testsupport.h"

#include <QProcess>
#include <QTest>
#include <QUuid>

#include <csignal>
#include <sys/prctl.h>
#include <sys/wait.h>

using namespace LockWatch;
using namespace TestSupport;

namespace {

// A shell that waits on stdin; `marker` makes its command line unique to the test.
void startShell(QProcess &process, const QString &marker)
{
    process.start(QStringLiteral("sh"),
                  { QStringLiteral("-c"), QStringLiteral("read x; :"), marker });
    QVERIFY(process.waitForStarted(5000));
}

// The direct children of a process.
QList<qint64> childrenOf(qint64 pid)
{
    QList<qint64> children;
    const QByteArray text = readFile(QStringLiteral("/proc/%1/task/%1/children").arg(pid));
    for (const QByteArray &part : text.simplified().split(' '))
        if (part.toLongLong() > 0)
            children << part.toLongLong();
    return children;
}

// The command line of a process as the kernel shows it.
QByteArray commandLine(qint64 pid)
{
    return readFile(QStringLiteral("/proc/%1/cmdline").arg(pid));
}

} // namespace

class TestDuplicateFinder : public QObject
{
    Q_OBJECT

private:
    QString m_marker;

private slots:
    void initTestCase() { QVERIFY(::prctl(PR_SET_CHILD_SUBREAPER, 1) == 0); }

    void init() { m_marker = QUuid::createUuid().toString(QUuid::WithoutBraces); }

    void secondCopyIsFound()
    {
        ScopedProcess holder, copy, other;
        startShell(holder, m_marker);
        startShell(other, m_marker + QLatin1String("-other"));
        QCOMPARE(DuplicateFinder::find(holder.processId()), qint64(0));

        startShell(copy, m_marker);
        // sh has exec'd by the time its command line is the script's.
        QTRY_COMPARE_WITH_TIMEOUT(commandLine(copy.processId()), commandLine(holder.processId()),
                                  10000);
        QCOMPARE(DuplicateFinder::find(holder.processId()), copy.processId());
        // Known copies (already reported) are not found again.
        QCOMPARE(DuplicateFinder::find(holder.processId(), { copy.processId() }), qint64(0));
        // The same from the copy's side.
        QCOMPARE(DuplicateFinder::find(copy.processId()), holder.processId());
    }

    void holdersOwnChildrenAreNoCopy()
    {
        // The holder forks a subshell (a copy of itself, same command line) that
        // runs a sleeper; both are the holder's own, not a second copy.
        ScopedProcess holder;
        holder.start(
                QStringLiteral("sh"),
                { QStringLiteral("-c"), QStringLiteral("( sleep 300; : ) & read y"), m_marker });
        QVERIFY(holder.waitForStarted(5000));
        const qint64 pid = holder.processId();
        QTRY_VERIFY_WITH_TIMEOUT(!childrenOf(pid).isEmpty(), 10000);
        const qint64 subshell = childrenOf(pid).constFirst();
        QTRY_VERIFY_WITH_TIMEOUT(!childrenOf(subshell).isEmpty(), 10000);
        const qint64 sleeper = childrenOf(subshell).constFirst();
        QCOMPARE(commandLine(subshell), commandLine(pid));
        QCOMPARE(DuplicateFinder::find(pid), qint64(0));

        // They would outlive the holder: end them, and reap them where they became
        // ours (a subreaper; nothing else here reaps orphans) until they are gone.
        for (const qint64 child : { sleeper, subshell })
            QVERIFY(::kill(pid_t(child), SIGKILL) == 0);
        holder.kill();
        QVERIFY(holder.waitForFinished(10000));
        for (const qint64 child : { subshell, sleeper })
            QTRY_VERIFY_WITH_TIMEOUT(::waitpid(pid_t(child), nullptr, WNOHANG) == pid_t(child)
                                             || ::kill(pid_t(child), 0) != 0,
                                     10000);
    }

    void nothingForAHolderThatIsGoneOrNoHolder()
    {
        QCOMPARE(DuplicateFinder::find(unusedPid()), qint64(0));
        QCOMPARE(DuplicateFinder::find(1), qint64(0));
        QCOMPARE(DuplicateFinder::find(0), qint64(0));
        QCOMPARE(DuplicateFinder::find(-5), qint64(0));
    }
};

QTEST_MAIN(TestDuplicateFinder)
#include "tst_duplicatefinder.moc"
