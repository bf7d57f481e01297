// LogFollower: the status window's tail of a started program's log. The first look
// shows the newest part, from a whole line; complete lines are added as a real
// writer appends them (told by file notifications, no poll() needed); a line is
// shown once finished; a rotation (renamed to .1, a new file begun) shows the old
// file's last lines before the new file's, a truncated log starts over, a burst is
// cut to its newest part, a symlink is not followed, another log starts afresh.
#include "core/control/logfollower.h"

#include "pertestfile.h"
#include "testsupport.h"

#include <QFile>
#include <QProcess>
#include <QTest>

#include <unistd.h>

using namespace LockWatch;
using namespace TestSupport;

namespace {

// What a view of the log would show: reset() replaces it, appended() adds to it.
struct Shown
{
    explicit Shown(LogFollower &follower)
    {
        QObject::connect(&follower, &LogFollower::reset, &follower, [this](const QString &t) {
            text = t;
            ++resets;
        });
        QObject::connect(&follower, &LogFollower::appended, &follower,
                         [this](const QString &t) { text += t; });
    }
    QString text;
    int resets = 0;
};

bool append(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::Append) && file.write(data) == data.size();
}

// `count` numbered lines ("line N\n") from `first`.
QByteArray lines(int first, int count)
{
    QByteArray data;
    for (int i = first; i < first + count; ++i)
        data += "line " + QByteArray::number(i) + '\n';
    return data;
}

} // namespace

class TestLogFollower : public PerTestFile
{
    Q_OBJECT

private slots:
    void nothingToFollow()
    {
        LogFollower follower;
        Shown shown(follower);
        shown.text = QStringLiteral("old");
        follower.follow(QString());
        QCOMPARE(shown.resets, 1);
        QCOMPARE(shown.text, QString());
        follower.poll();
        QCOMPARE(shown.text, QString());
    }

    void existingLogShowsItsCompleteLines()
    {
        QVERIFY(writeFile(m_path, "one\ntwo\nthree, unfinished"));
        LogFollower follower;
        Shown shown(follower);
        follower.follow(m_path);
        QCOMPARE(follower.path(), m_path);
        QCOMPARE(shown.text, QStringLiteral("one\ntwo\n"));
        QVERIFY(append(m_path, " now finished\n"));
        follower.poll();
        QCOMPARE(shown.text, QStringLiteral("one\ntwo\nthree, unfinished now finished\n"));
    }

    // A long log: only its newest part, from the first whole line in it.
    void firstLookIsTheNewestPart()
    {
        const QByteArray all = lines(1, 10000);
        QVERIFY(all.size() > 4 * LogFollower::InitialBytes);
        QVERIFY(writeFile(m_path, all));
        LogFollower follower;
        Shown shown(follower);
        follower.follow(m_path);
        QVERIFY(shown.text.size() <= LogFollower::InitialBytes);
        QVERIFY(shown.text.size() > LogFollower::InitialBytes - 100);
        QVERIFY(shown.text.startsWith(QLatin1String("line ")));
        QVERIFY(QString::fromLatin1(all).endsWith(shown.text));
    }

    // A real program writing: its lines come through file notifications alone.
    void linesOfAWriterComeByThemselves()
    {
        LogFollower follower;
        Shown shown(follower);
        follower.follow(m_path); // not there yet
        QCOMPARE(shown.text, QString());
        ScopedProcess writer;
        QVERIFY(startCopy(writer, QStringLiteral("/bin/sh"),
                          { QStringLiteral("-c"),
                            QStringLiteral("echo first >> \"$0\"; echo second >> \"$0\"; "
                                           "printf 'third' >> \"$0\"; exec sleep %1")
                                    .arg(uniqueSeconds()),
                            m_path },
                          {}));
        // A log begun after follow() is shown from its start.
        QTRY_COMPARE_WITH_TIMEOUT(shown.text, QStringLiteral("first\nsecond\n"), 30000);
        QVERIFY(append(m_path, "\n"));
        QTRY_COMPARE_WITH_TIMEOUT(shown.text, QStringLiteral("first\nsecond\nthird\n"), 30000);
        QCOMPARE(shown.resets, 1);
    }

    // The log pump's rotation: the old file's last lines, its unfinished last line
    // too, then the new file's.
    void rotation()
    {
        QVERIFY(writeFile(m_path, "a1\n"));
        LogFollower follower;
        Shown shown(follower);
        follower.follow(m_path);
        QCOMPARE(shown.text, QStringLiteral("a1\n"));
        const int resets = shown.resets; // none more: the log goes on
        QVERIFY(append(m_path, "a2\na3 cut"));
        QCOMPARE(::rename(QFile::encodeName(m_path).constData(),
                          QFile::encodeName(m_path + QLatin1String(".1")).constData()),
                 0);
        follower.poll(); // between the rename and the new file
        QCOMPARE(shown.text, QStringLiteral("a1\na2\n"));
        QVERIFY(writeFile(m_path, "b1\nb2\n"));
        QTRY_COMPARE_WITH_TIMEOUT(shown.text, QStringLiteral("a1\na2\na3 cut\nb1\nb2\n"), 30000);
        QVERIFY(append(m_path, "b3\n"));
        QVERIFY(append(m_path + QLatin1String(".1"), "late, to the old file\n"));
        QTRY_COMPARE_WITH_TIMEOUT(shown.text, QStringLiteral("a1\na2\na3 cut\nb1\nb2\nb3\n"),
                                  30000);
        QCOMPARE(shown.resets, resets);
    }

    void truncatedLogStartsOver()
    {
        QVERIFY(writeFile(m_path, lines(1, 3)));
        LogFollower follower;
        Shown shown(follower);
        follower.follow(m_path);
        QCOMPARE(shown.text, QString::fromLatin1(lines(1, 3)));
        QCOMPARE(::truncate(QFile::encodeName(m_path).constData(), 0), 0);
        QVERIFY(append(m_path, "again\n"));
        follower.poll();
        QCOMPARE(shown.text, QString::fromLatin1(lines(1, 3)) + QStringLiteral("again\n"));
    }

    // More than MaxReadBytes at once: the newest part, from a whole line.
    void burstIsCutToItsNewestPart()
    {
        QVERIFY(writeFile(m_path, "start\n"));
        LogFollower follower;
        Shown shown(follower);
        follower.follow(m_path);
        QVERIFY(append(m_path, "unfinished"));
        follower.poll();
        const QByteArray burst = lines(1, 20000);
        QVERIFY(burst.size() > 2 * LogFollower::MaxReadBytes);
        QVERIFY(append(m_path, burst));
        follower.poll();
        QVERIFY(shown.text.startsWith(QLatin1String("start\nline ")));
        const QString added = shown.text.mid(6);
        QVERIFY(added.size() <= LogFollower::MaxReadBytes);
        QVERIFY(added.size() > LogFollower::MaxReadBytes - 100);
        QVERIFY(QString::fromLatin1(burst).endsWith(added));
        QVERIFY(!shown.text.contains(QLatin1String("unfinished")));
    }

    void symlinkIsNotFollowed()
    {
        const QString target = m_path + QLatin1String(".target");
        QVERIFY(writeFile(target, "secret\n"));
        QVERIFY(QFile::link(target, m_path));
        LogFollower follower;
        Shown shown(follower);
        follower.follow(m_path);
        QVERIFY(append(target, "more secret\n"));
        follower.poll();
        QCOMPARE(shown.text, QString());
    }

    void anotherLogStartsAfresh()
    {
        const QString other = m_path + QLatin1String(".other");
        QVERIFY(writeFile(m_path, "first log\n"));
        QVERIFY(writeFile(other, "second log\n"));
        LogFollower follower;
        Shown shown(follower);
        follower.follow(m_path);
        follower.follow(other);
        QCOMPARE(shown.text, QStringLiteral("second log\n"));
        QCOMPARE(shown.resets, 4); // each follow() clears, then shows its tail
        QVERIFY(append(m_path, "not shown\n"));
        QVERIFY(append(other, "shown\n"));
        QTRY_COMPARE_WITH_TIMEOUT(shown.text, QStringLiteral("second log\nshown\n"), 30000);
        follower.poll();
        QCOMPARE(shown.text, QStringLiteral("second log\nshown\n"));
    }
};

QTEST_GUILESS_MAIN(TestLogFollower)
#include "tst_logfollower.moc"
