// `lockwatch run` under a race: many simultaneous starters on one lock,
// round after round - exactly one runs every time, all others exit 75.
// The winner runs `cat` on a pipe we hold open, so it keeps the lock exactly until
// every loser has exited; then we close the pipe and it ends.
#include "core/lockfile/classifier.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace LockWatch;

class TestRunRace : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void exactlyOneWinnerEveryRound();

private:
    QTemporaryDir m_dir;
};

void TestRunRace::initTestCase()
{
    QVERIFY(m_dir.isValid());
    TestSupport::isolateXdgDirectories(m_dir.path());
}

void TestRunRace::exactlyOneWinnerEveryRound()
{
    constexpr int starters = 50;
    constexpr int rounds = 30;
    const QString lock = m_dir.filePath(QStringLiteral("race.lock"));
    const QStringList arguments{QStringLiteral("run"), QStringLiteral("--lock"), lock,
                                QStringLiteral("--"), QStringLiteral("cat")};
    for (int round = 0; round < rounds; ++round) {
        std::vector<std::unique_ptr<QProcess>> processes;
        int finished = 0;
        for (int i = 0; i < starters; ++i) {
            auto process = std::make_unique<QProcess>();
            connect(process.get(), &QProcess::finished, this, [&finished]() { ++finished; });
            process->start(TestSupport::lockwatchBinary(), arguments);
            processes.push_back(std::move(process));
        }
        // Every loser exits on its own; the winner waits for its stdin to close.
        QTRY_COMPARE_WITH_TIMEOUT(finished, starters - 1, 60000);
        QCOMPARE(finished, starters - 1);
        for (auto &p : processes) {
            if (p->state() != QProcess::NotRunning)
                p->closeWriteChannel();
        }
        QTRY_COMPARE_WITH_TIMEOUT(finished, starters, 10000);
        int winners = 0, refused = 0;
        for (auto &p : processes) {
            QCOMPARE(p->exitStatus(), QProcess::NormalExit);
            if (p->exitCode() == 0)
                ++winners;
            else if (p->exitCode() == 75)
                ++refused;
            else
                QFAIL(qPrintable(QStringLiteral("round %1: exit %2: %3")
                                         .arg(round)
                                         .arg(p->exitCode())
                                         .arg(QString::fromLocal8Bit(p->readAllStandardError()))));
        }
        QCOMPARE(winners, 1);
        QCOMPARE(refused, starters - 1);
        QVERIFY(!QFile::exists(lock));
    }
}

QTEST_GUILESS_MAIN(TestRunRace)
#include "tst_runrace.moc"
