// ProcessTable (Linux): every process and what it runs, from /proc. Real processes:
// a program started by a relative name in its directory runs the same program as
// its absolute command; a fork without exec is flagged; threads are not processes;
// another user's process is still named (from its argv[0]) when /proc hides its
// executable and working directory.
#include "core/system/programidentity.h"
#include "core/system/processtable.h"
#include "testsupport.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

using namespace LockWatch;
using namespace TestSupport;

namespace {

const QString Python = QStringLiteral("/usr/bin/python3");

} // namespace

class TestProcessTable : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ProcessProbe> m_probe = ProcessProbe::create();
    std::unique_ptr<ProcessTable> m_table = ProcessTable::create(*m_probe);

    QString botDir() const { return m_dir.filePath(QStringLiteral("bot")); }

    // python3 running bot.py (it reads stdin until closed), typed as `program
    // arguments` in a shell in `workDir` (a bare name found on /usr/bin:/bin).
    void startBot(QProcess &process, const QString &program, const QStringList &arguments,
                  const QString &workDir)
    {
        QVERIFY(startTyped(process, QStringList { program } + arguments, workDir));
        // The shell has exec'd the program once /proc says so.
        QTRY_COMPARE_WITH_TIMEOUT(m_table->executable(process.processId()),
                                  ProgramIdentity::canonical(Python), 10000);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(becomeSubreaper());
        // nobody must reach the script for the other-user case.
        QVERIFY(::chmod(QFile::encodeName(m_dir.path()).constData(), 0755) == 0);
        QVERIFY(QDir().mkpath(botDir()));
        QVERIFY(writeFile(botDir() + QLatin1String("/bot.py"), "import sys\nsys.stdin.read()\n"));
        QVERIFY(writeFile(botDir() + QLatin1String("/other.py"), "import sys\nsys.stdin.read()\n"));
    }

    void processesNotThreads()
    {
        const QList<qint64> pids = m_table->pids();
        QVERIFY(pids.contains(::getpid()));
        // A thread of ours has an ID of its own, but is no process.
        std::atomic<qint64> tid{0};
        std::atomic<bool> done{false};
        QThread *thread = QThread::create([&] {
            tid = qint64(::syscall(SYS_gettid));
            while (!done)
                QThread::msleep(5);
        });
        thread->start();
        QTRY_VERIFY(tid != 0);
        QVERIFY(tid != ::getpid());
        QVERIFY(!m_table->pids().contains(tid));
        done = true;
        thread->wait();
        delete thread;
    }

    void relativeStartIsTheAbsoluteProgram()
    {
        ScopedProcess relative, absolute, other;
        startBot(relative, QStringLiteral("python3"), {QStringLiteral("bot.py")}, botDir());
        startBot(absolute, Python, {botDir() + QLatin1String("/bot.py")}, QDir::rootPath());
        startBot(other, QStringLiteral("python3"), {QStringLiteral("other.py")}, botDir());
        const ProgramIdentity wanted = ProgramIdentity::ofCommand(
                Python, {botDir() + QLatin1String("/bot.py")}, QString(), {});
        QCOMPARE(m_table->identity(relative.processId()).toString(), wanted.toString());
        QCOMPARE(m_table->identity(absolute.processId()).toString(), wanted.toString());
        QVERIFY(m_table->identity(other.processId()) != wanted);
        QCOMPARE(m_table->executable(relative.processId()), ProgramIdentity::canonical(Python));
        const ProcessTable::Process process = m_table->process(relative.processId());
        QCOMPARE(process.parent, qint64(::getpid()));
        QVERIFY(!process.forkedWithoutExec);
        QVERIFY(process.info.exists);
        QVERIFY(process.info.startKnown);
    }

    void forkWithoutExecIsFlagged()
    {
        // The shell forks a subshell (no exec) that waits for a sleeper.
        ScopedProcess shell;
        // (A background job's stdin is /dev/null: the subshell waits for a sleeper.)
        shell.start(QStringLiteral("sh"), {QStringLiteral("-c"),
                                           QStringLiteral("( sleep %1; : ) & read x").arg(uniqueSeconds())});
        QVERIFY(shell.waitForStarted(5000));
        QTRY_VERIFY_WITH_TIMEOUT(!childrenOf(shell.processId()).isEmpty(), 10000);
        const qint64 subshell = childrenOf(shell.processId()).constFirst();
        QTRY_VERIFY_WITH_TIMEOUT(!childrenOf(subshell).isEmpty(), 10000);
        const qint64 sleeper = childrenOf(subshell).constFirst();
        QVERIFY(m_table->process(subshell).forkedWithoutExec);
        QCOMPARE(m_table->process(subshell).parent, shell.processId());
        QVERIFY(!m_table->process(shell.processId()).forkedWithoutExec);
        QCOMPARE(m_table->identity(subshell).toString(), m_table->identity(shell.processId()).toString());
        // The sleeper was forked and exec'd: a program of its own.
        QTRY_VERIFY_WITH_TIMEOUT(!m_table->process(sleeper).forkedWithoutExec, 10000);
        for (const qint64 child : { sleeper, subshell })
            killHard(child);
    }

    void goneAndKernelThreadsAreUnknown()
    {
        QVERIFY(m_table->executable(unusedPid()).isEmpty());
        QVERIFY(m_table->identity(unusedPid()).isEmpty());
        QVERIFY(!m_table->process(unusedPid()).info.exists);
        // kthreadd (PID 2 outside containers) has no executable; in a container PID 2
        // may be anything, so only a kernel thread's empty command line is checked.
        for (qint64 pid : m_table->pids()) {
            if (readFile(QStringLiteral("/proc/%1/cmdline").arg(pid)).isEmpty()
                && QFile::symLinkTarget(QStringLiteral("/proc/%1/exe").arg(pid)).isEmpty()) {
                QVERIFY(m_table->identity(pid).isEmpty());
                break;
            }
        }
        QCOMPARE(m_table->ownExecutable(), QFile::symLinkTarget(QStringLiteral("/proc/self/exe")));
    }

    void anotherUsersProcessIsNamedByItsArgv0()
    {
        if (::getuid() != 0)
            QSKIP("needs root to look as another user (nobody)");
        // A program of ours, looked at by nobody: /proc hides its executable and
        // working directory, its command line is there.
        ScopedProcess ours, relative;
        startBot(ours, Python, {botDir() + QLatin1String("/bot.py")}, QDir::rootPath());
        startBot(relative, QStringLiteral("python3"), {QStringLiteral("bot.py")}, botDir());
        const QString python = ProgramIdentity::canonical(Python);
        const QString script = ProgramIdentity::canonical(botDir() + QLatin1String("/bot.py"));
        const qint64 pid = ours.processId(), relativePid = relative.processId();
        const std::vector<int> result = runAsNobody(4, [&] {
            const auto probe = ProcessProbe::create();
            const auto table = ProcessTable::create(*probe);
            const ProgramIdentity seen = table->identity(pid);
            const ProgramIdentity relativeSeen = table->identity(relativePid);
            return std::vector<int>{
                    seen.executable == python,
                    seen.arguments == QStringList{script},
                    // Relative to a working directory nobody cannot see: left as given.
                    relativeSeen.arguments == QStringList{QStringLiteral("bot.py")},
                    table->pids().contains(pid),
            };
        });
        QCOMPARE(result, (std::vector<int>{1, 1, 1, 1}));
    }
};

QTEST_MAIN(TestProcessTable)
#include "tst_processtable.moc"
