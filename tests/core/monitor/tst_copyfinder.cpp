// CopyFinder: the copies of an instance are its live holder plus every process
// running its program - not a copy's fork()ed workers, not LockWatch itself, not
// another program - and they change what the status says (duplicate-running,
// lock-missing). Real processes for the scans; statuses built by hand for the rules.
#include "core/monitor/copyfinder.h"
#include "core/monitor/copyscan.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QProcess>
#include <QTest>

#include <csignal>

using namespace LockWatch;
using namespace TestSupport;

namespace {

// A shell that waits on stdin; `marker` makes its command line one of its own.
void startShell(QProcess &process, const QString &marker, const QString &script = QStringLiteral("read x; :"))
{
    process.start(QStringLiteral("sh"), {QStringLiteral("-c"), script, marker});
    QVERIFY(process.waitForStarted(5000));
}

QList<qint64> pidsOf(const QList<ProcessCopy> &copies)
{
    QList<qint64> pids;
    for (const ProcessCopy &copy : copies)
        pids << copy.pid;
    std::sort(pids.begin(), pids.end());
    return pids;
}

ProcessCopy copyOf(qint64 pid, quint64 start)
{
    ProcessCopy copy;
    copy.pid = pid;
    copy.startKnown = true;
    copy.startToken = start;
    copy.uidKnown = true;
    return copy;
}

InstanceStatus holding(qint64 pid)
{
    InstanceStatus status;
    status.name = QStringLiteral("a");
    status.state = State::Running;
    status.pid = pid;
    status.holderId.startKnown = true;
    status.holderId.startToken = 500;
    status.hasSince = true;
    status.sinceMs = 1000;
    status.host = QStringLiteral("here");
    return status;
}

} // namespace

class TestCopyFinder : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ProcessProbe> m_probe = ProcessProbe::create();
    std::unique_ptr<ProcessTable> m_table = ProcessTable::create(*m_probe);
    CopyFinder m_finder{*m_table};

private slots:
    void initTestCase() { QVERIFY(becomeSubreaper()); }

    void everyProcessOfTheProgramAndNoOther()
    {
        const QString marker = uniqueSeconds();
        ScopedProcess holder, copy, other;
        startShell(holder, marker);
        startShell(other, marker + QLatin1String("-other"));
        startShell(copy, marker);
        const ProgramIdentity identity = m_table->identity(holder.processId());
        QVERIFY(!identity.isEmpty());
        QTRY_COMPARE(m_table->identity(copy.processId()), identity); // sh has exec'd
        const QList<CopyFinder::Found> found =
                m_finder.scan({identity, ProgramIdentity(), m_table->identity(other.processId()), identity});
        QCOMPARE(found.size(), 4);
        QCOMPARE(pidsOf(found.at(0).copies),
                 (QList<qint64>{qMin(holder.processId(), copy.processId()),
                                qMax(holder.processId(), copy.processId())}));
        QVERIFY(found.at(1).copies.isEmpty()); // no identity, nothing found
        QCOMPARE(pidsOf(found.at(2).copies), QList<qint64>{other.processId()});
        QCOMPARE(pidsOf(found.at(3).copies), pidsOf(found.at(0).copies));

        // Applied to the lock's status: the holder first, then the other copy.
        InstanceStatus status = holding(holder.processId());
        CopyFinder::apply(status, found.at(0));
        QCOMPARE(status.copyPids(), (QList<qint64>{holder.processId(), copy.processId()}));
        QVERIFY(status.copies.first().holder);
        QVERIFY(status.warnings.contains(Warning::DuplicateRunning));
        QCOMPARE(status.state, State::Running);
        QCOMPARE(status.pid, holder.processId());

        // The copy ends: one copy, no warning.
        copy.kill();
        QVERIFY(copy.waitForFinished());
        status = holding(holder.processId());
        CopyFinder::apply(status, m_finder.scan({identity}).at(0));
        QCOMPARE(status.copyPids(), QList<qint64>{holder.processId()});
        QVERIFY(status.warnings.isEmpty());
    }

    // The Monitor looks a few processes at a time between its events: the same
    // copies as one look, and never more processes per step than asked.
    void aLookInStepsFindsWhatOneLookFinds()
    {
        const QString marker = uniqueSeconds();
        ScopedProcess first, second, other;
        startShell(first, marker);
        startShell(second, marker);
        startShell(other, marker + QLatin1String("-other"));
        const ProgramIdentity identity = m_table->identity(first.processId());
        QTRY_COMPARE(m_table->identity(second.processId()), identity);
        const ProgramIdentity otherIdentity = m_table->identity(other.processId());
        const QList<ProgramIdentity> identities{identity, otherIdentity, ProgramIdentity()};

        CopyScan scan(*m_table, identities);
        const qsizetype processes = m_table->pids().size();
        QVERIFY(processes > 3);
        int steps = 0;
        while (!scan.step(1))
            ++steps;
        // One process per step: as many steps as processes (give or take those
        // that started or ended since the list was taken).
        QVERIFY2(steps >= processes / 2, qPrintable(QString::number(steps)));
        const QList<CopyFinder::Found> stepped = scan.result();
        const QList<CopyFinder::Found> once = m_finder.scan(identities);
        QCOMPARE(stepped.size(), 3);
        QCOMPARE(pidsOf(stepped.at(0).copies),
                 (QList<qint64>{qMin(first.processId(), second.processId()),
                                qMax(first.processId(), second.processId())}));
        QCOMPARE(pidsOf(stepped.at(0).copies), pidsOf(once.at(0).copies));
        QCOMPARE(pidsOf(stepped.at(1).copies), QList<qint64>{other.processId()});
        QVERIFY(stepped.at(2).copies.isEmpty());
        QVERIFY(scan.step(1)); // done stays done
    }

    void forkedWorkersAreTheirCopysOwn()
    {
        // The holder forks a subshell (same program, no exec): it belongs to the
        // holder's copy.
        const QString marker = uniqueSeconds();
        ScopedProcess holder;
        // (A background job's stdin is /dev/null: the subshell waits for a sleeper.)
        startShell(holder, marker, QStringLiteral("( sleep %1; : ) & read x").arg(uniqueSeconds()));
        const qint64 pid = holder.processId();
        QTRY_VERIFY_WITH_TIMEOUT(!childrenOf(pid).isEmpty(), 10000);
        const qint64 subshell = childrenOf(pid).constFirst();
        QTRY_VERIFY_WITH_TIMEOUT(!childrenOf(subshell).isEmpty(), 10000);
        const qint64 sleeper = childrenOf(subshell).constFirst();
        const ProgramIdentity identity = m_table->identity(pid);
        QCOMPARE(m_table->identity(subshell).toString(), identity.toString());
        const CopyFinder::Found found = m_finder.scan({identity}).at(0);
        QCOMPARE(pidsOf(found.copies), QList<qint64>{pid});
        QCOMPARE(found.copyFor(subshell), pid);
        // Even when the worker holds the lock, the program runs once.
        InstanceStatus status = holding(subshell);
        CopyFinder::apply(status, found);
        QCOMPARE(status.copyPids(), QList<qint64>{subshell});
        QVERIFY(!status.warnings.contains(Warning::DuplicateRunning));
        for (const qint64 child : { sleeper, subshell })
            killHard(child);
    }

    void aWrappersProgramHoldingTheLockRunsOnce()
    {
        // The configured program is a wrapper (`sh -c`, `lockwatch run`) that starts
        // the program holding the lock: one running instance, not two copies.
        const QString marker = uniqueSeconds();
        ScopedProcess wrapper;
        startShell(wrapper, marker, QStringLiteral("sleep %1; :").arg(uniqueSeconds()));
        QTRY_VERIFY_WITH_TIMEOUT(!childrenOf(wrapper.processId()).isEmpty(), 10000);
        const qint64 program = childrenOf(wrapper.processId()).constFirst();
        CopyFinder::Found found = m_finder.scan({m_table->identity(wrapper.processId())}).at(0);
        QCOMPARE(pidsOf(found.copies), QList<qint64>{wrapper.processId()});
        m_finder.adoptHolder(found, program);
        QCOMPARE(found.copyFor(program), wrapper.processId());
        InstanceStatus status = holding(program);
        CopyFinder::apply(status, found);
        QCOMPARE(status.copyPids(), QList<qint64>{program});
        QVERIFY(status.warnings.isEmpty());
        // A holder that no copy started stays apart.
        CopyFinder::Found other = m_finder.scan({m_table->identity(wrapper.processId())}).at(0);
        m_finder.adoptHolder(other, QCoreApplication::applicationPid());
        QCOMPARE(other.copyFor(QCoreApplication::applicationPid()), QCoreApplication::applicationPid());
        killHard(program);
    }

    void lockWatchItselfIsNoCopy()
    {
        const ProgramIdentity self = m_table->identity(QCoreApplication::applicationPid());
        QVERIFY(!self.isEmpty());
        QVERIFY(m_finder.scan({self}).at(0).copies.isEmpty());
    }

    void copiesWithoutAHolderRunWithoutTheirLock()
    {
        CopyFinder::Found found;
        found.copies = {copyOf(4343, 900), copyOf(4242, 700)};
        for (State state : {State::Stopped, State::Stale}) {
            InstanceStatus status;
            status.name = QStringLiteral("a");
            status.state = state;
            status.reason = state == State::Stale ? Reason::Dead : Reason::None;
            status.hasSince = true;
            status.host = QStringLiteral("here");
            CopyFinder::apply(status, found);
            QCOMPARE(status.state, State::Running);
            QCOMPARE(status.reason, Reason::None);
            // The oldest copy stands for the instance; the lock's time says nothing now.
            QCOMPARE(status.pid, qint64(4242));
            QCOMPARE(status.holderId.startToken, quint64(700));
            QCOMPARE(status.copyPids(), (QList<qint64>{4242, 4343}));
            QVERIFY(!status.hasSince);
            QVERIFY(status.host.isEmpty());
            QCOMPARE(status.warnings, (QList<Warning>{Warning::DuplicateRunning, Warning::LockMissing}));
            QCOMPARE(status.toJson().value(QLatin1String("copies")).toArray().size(), 2);
        }
        // An invalid lock says more than "missing": its state stays, its copies show.
        InstanceStatus invalid;
        invalid.state = State::Invalid;
        invalid.reason = Reason::Malformed;
        CopyFinder::apply(invalid, found);
        QCOMPARE(invalid.state, State::Invalid);
        QCOMPARE(invalid.copies.size(), 2);
        QVERIFY(!invalid.warnings.contains(Warning::LockMissing));
        // No copy: nothing changes, no "copies" in JSON.
        InstanceStatus stopped;
        CopyFinder::apply(stopped, CopyFinder::Found());
        QCOMPARE(stopped.state, State::Stopped);
        QVERIFY(!stopped.toJson().contains(QLatin1String("copies")));
    }

    void anotherInstancesHolderIsNotACopy()
    {
        // Two instances run the same program; each holds its own lock.
        CopyFinder::Found found;
        found.copies = {copyOf(100, 1), copyOf(200, 2)};
        const QList<InstanceStatus> statuses{holding(100), holding(200)};
        const QHash<qint64, int> holders = CopyFinder::holderCopies(statuses, {found, found});
        for (const InstanceStatus &lock : statuses) {
            InstanceStatus status = lock;
            CopyFinder::apply(status, found, CopyFinder::takenByOthers(found, holders, lock.pid));
            QCOMPARE(status.copyPids(), QList<qint64>{lock.pid});
            QVERIFY(status.warnings.isEmpty());
        }
    }
};

QTEST_MAIN(TestCopyFinder)
#include "tst_copyfinder.moc"
