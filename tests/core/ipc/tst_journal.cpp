// The duplicate-attempt journal: append, read what is new since a
// marker, stay bounded, survive concurrent writers, remember what was shown.
#include "core/ipc/journal.h"
#include "pertestfile.h"

#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <functional>

using namespace LockWatch;

namespace {

DuplicateAttempt attempt(qint64 n, const QString &lockfile = QStringLiteral("/run/app.lock"))
{
    DuplicateAttempt a;
    a.source = DuplicateAttempt::Source::Run;
    a.name = QStringLiteral("app");
    a.lockfile = lockfile;
    a.attemptPid = 1000 + n;
    a.holderPid = 77;
    a.holderHost = QStringLiteral("host");
    a.timeMs = 1700000000000 + n;
    return a;
}

// Appends attempt(n) to `journal`: the one entry past its seen marker is then it.
void expectOnlyNewAfterAppending(Journal &journal, qint64 n)
{
    QVERIFY(journal.append(attempt(n)));
    const QList<Journal::Entry> fresh = journal.readNew(journal.seenMarker());
    QCOMPARE(fresh.size(), 1);
    QCOMPARE(fresh.first().attempt.attemptPid, attempt(n).attemptPid);
}

} // namespace

class TestJournal : public TestSupport::PerTestFile
{
    Q_OBJECT

private slots:
    void appendAndReadNew();
    void boundedInLines();
    void boundedInBytes();
    void seenMarkerSurvivesRestart();
    void resetJournalIsAllNew();
    void attemptShownLiveIsNotReplayed();
    void malformedLinesAreSkipped();
    void concurrentWritersLoseNothing();
};

void TestJournal::appendAndReadNew()
{
    Journal journal(m_path);
    QVERIFY(journal.readAll().isEmpty());
    for (int i = 1; i <= 3; ++i)
        QVERIFY(journal.append(attempt(i)));
    qint64 latest = 0;
    QList<Journal::Entry> entries = journal.readNew(0, &latest);
    QCOMPARE(entries.size(), 3);
    QCOMPARE(latest, 3);
    QCOMPARE(entries.first().seq, 1);
    QCOMPARE(entries.last().attempt.attemptPid, 1003);
    entries = journal.readNew(2);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().seq, 3);
    QVERIFY(journal.readNew(3).isEmpty());
    // One JSON object per line, file private to the user.
    QCOMPARE(QFile(m_path).permissions() & (QFile::ReadOther | QFile::ReadGroup), QFile::Permissions());
}

void TestJournal::boundedInLines()
{
    Journal journal(m_path);
    const int total = Journal::MaxEntries + 300;
    for (int i = 1; i <= total; ++i)
        QVERIFY(journal.append(attempt(i)));
    QFile file(m_path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray data = file.readAll();
    QVERIFY(data.count('\n') <= Journal::MaxEntries);
    qint64 latest = 0;
    const QList<Journal::Entry> entries = journal.readNew(0, &latest);
    QCOMPARE(latest, qint64(total)); // numbering continues across rewrites
    QCOMPARE(entries.last().attempt.attemptPid, 1000 + total); // the newest are kept
    for (qsizetype i = 1; i < entries.size(); ++i)
        QCOMPARE(entries.at(i).seq, entries.at(i - 1).seq + 1);
}

void TestJournal::boundedInBytes()
{
    Journal journal(m_path);
    const QString longPath = QLatin1Char('/') + QString(2000, QLatin1Char('p'));
    for (int i = 1; i <= 300; ++i)
        QVERIFY(journal.append(attempt(i, longPath)));
    QVERIFY(QFile(m_path).size() <= Journal::MaxBytes);
    QCOMPARE(journal.readAll().last().attempt.attemptPid, 1300);
}

void TestJournal::seenMarkerSurvivesRestart()
{
    {
        Journal journal(m_path);
        QCOMPARE(journal.seenMarker(), 0);
        journal.append(attempt(1));
        journal.append(attempt(2));
        qint64 latest = 0;
        QCOMPARE(journal.readNew(journal.seenMarker(), &latest).size(), 2);
        QVERIFY(journal.setSeenMarker(latest));
    }
    // A restarted tray shows only what came after.
    Journal journal(m_path);
    QCOMPARE(journal.seenMarker(), 2);
    QVERIFY(journal.readNew(journal.seenMarker()).isEmpty());
    expectOnlyNewAfterAppending(journal, 3);
}

void TestJournal::resetJournalIsAllNew()
{
    Journal journal(m_path);
    for (int i = 1; i <= 5; ++i)
        journal.append(attempt(i));
    QVERIFY(journal.setSeenMarker(5));
    QVERIFY(QFile::remove(m_path)); // the user deleted it
    expectOnlyNewAfterAppending(journal, 6);
}

void TestJournal::attemptShownLiveIsNotReplayed()
{
    Journal journal(m_path);
    qint64 seq = 0;
    QVERIFY(journal.append(attempt(1), nullptr, &seq));
    QCOMPARE(seq, 1);
    QVERIFY(journal.append(attempt(2), nullptr, &seq));
    QCOMPARE(seq, 2);
    QCOMPARE(journal.readAll().last().attempt.journalSeq, 2);
    // The tray received #2 over the socket while running and showed it.
    QVERIFY(journal.markSeen(2));
    QVERIFY(journal.markSeen(1)); // never goes back
    QCOMPARE(journal.seenMarker(), 2);
    QVERIFY(journal.readNew(journal.seenMarker()).isEmpty());
}

void TestJournal::malformedLinesAreSkipped()
{
    Journal journal(m_path);
    journal.append(attempt(1));
    QFile file(m_path);
    QVERIFY(file.open(QIODevice::Append));
    file.write("not json\n{\"seq\": 2}\n{\"truncated\": \n");
    file.close();
    journal.append(attempt(3));
    const auto entries = journal.readAll();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.last().seq, 2);
}

void TestJournal::concurrentWritersLoseNothing()
{
    constexpr int threads = 8;
    constexpr int each = 40;
    QList<QThread *> workers;
    for (int t = 0; t < threads; ++t) {
        workers << QThread::create([this, t]() {
            Journal journal(m_path);
            for (int i = 0; i < each; ++i)
                journal.append(attempt(t * 1000 + i));
        });
        workers.last()->start();
    }
    for (QThread *w : qAsConst(workers)) {
        QVERIFY(w->wait(30000));
        delete w;
    }
    const auto entries = Journal(m_path).readAll();
    QCOMPARE(entries.size(), threads * each);
    QSet<qint64> seqs, pids;
    for (const auto &e : entries) {
        seqs.insert(e.seq);
        pids.insert(e.attempt.attemptPid);
    }
    QCOMPARE(seqs.size(), threads * each);
    QCOMPARE(pids.size(), threads * each);
}

QTEST_GUILESS_MAIN(TestJournal)
#include "tst_journal.moc"
