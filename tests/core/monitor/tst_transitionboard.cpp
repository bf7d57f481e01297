// TransitionBoard: the Starting/Stopping markers LockWatch processes of one user
// share, as real files in a private runtime directory, written and read by this
// process and by real other processes.
#include "core/monitor/transitionboard.h"
#include "testsupport.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace LockWatch;
using namespace TestSupport;

class TestTransitionBoard : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_runtime;

    QString lock(const QString &name) const { return m_runtime.filePath(name); }

    // A marker written as another LockWatch process would.
    static QByteArray markerOf(const char *state, qint64 pid, quint64 token)
    {
        return QByteArray(state) + ' ' + QByteArray::number(pid) + ' ' + QByteArray::number(token)
                + '\n';
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_runtime.isValid());
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_runtime.path()));
    }

    void markerPathIsPrivatePerLockfile()
    {
        const QString a = TransitionBoard::markerPath(lock(QStringLiteral("a.lock")));
        const QString b = TransitionBoard::markerPath(lock(QStringLiteral("b.lock")));
        QVERIFY(a.startsWith(m_runtime.path() + QLatin1String("/lockwatch-transitions/")));
        QCOMPARE(TransitionBoard::markerPath(lock(QStringLiteral("a.lock"))), a);
        QVERIFY(a != b);

        // No runtime directory: no shared markers (and no fallback under /tmp).
        const QByteArray saved = qgetenv("XDG_RUNTIME_DIR");
        qunsetenv("XDG_RUNTIME_DIR");
        QVERIFY(TransitionBoard::markerPath(lock(QStringLiteral("a.lock"))).isEmpty());
        QVERIFY(!TransitionBoard::post(lock(QStringLiteral("a.lock")), State::Starting));
        qputenv("XDG_RUNTIME_DIR", saved);
    }

    void postedMarkerNamesThisProcess()
    {
        const QString file = lock(QStringLiteral("posted.lock"));
        const QString marker = TransitionBoard::markerPath(file);
        QVERIFY(TransitionBoard::post(file, State::Stopping));
        const TransitionMarker read = TransitionBoard::read(marker);
        QVERIFY(read.present);
        QCOMPARE(read.state, State::Stopping);
        QCOMPARE(read.pid, qint64(::getpid()));
        QCOMPARE(read.startToken, startTokenOf(::getpid()));
        // Its directory is private.
        struct stat st
        {
        };
        QVERIFY(::stat(QFile::encodeName(QFileInfo(marker).path()).constData(), &st) == 0);
        QCOMPARE(st.st_mode & 0777, mode_t(0700));

        // A new post replaces it; any other state withdraws it.
        QVERIFY(TransitionBoard::post(file, State::Starting));
        QCOMPARE(TransitionBoard::read(marker).state, State::Starting);
        QVERIFY(TransitionBoard::post(file, State::Running));
        QVERIFY(!QFile::exists(marker));
        QVERIFY(!TransitionBoard::read(marker).present);
        // Withdrawing what is not there is fine.
        QVERIFY(TransitionBoard::post(file, State::Stopped));
    }

    void anotherLiveProcessesMarkerStays()
    {
        const QString file = lock(QStringLiteral("theirs.lock"));
        const QString marker = TransitionBoard::markerPath(file);
        ScopedProcess other;
        const qint64 pid = startSleeper(other);
        QVERIFY(pid > 0);
        const quint64 token = startTokenOf(pid);
        QVERIFY(QDir().mkpath(QFileInfo(marker).path()));
        QVERIFY(writeFile(marker, markerOf("stopping", pid, token)));

        // Not ours to withdraw while its writer runs...
        QVERIFY(!TransitionBoard::post(file, State::Stopped));
        QCOMPARE(TransitionBoard::read(marker).pid, pid);
        // ...nor when the PID now belongs to a process that started later.
        QVERIFY(writeFile(marker, markerOf("stopping", pid, token + 1)));
        QVERIFY(TransitionBoard::post(file, State::Stopped));
        QVERIFY(!QFile::exists(marker));

        // A writer that is gone (here: a zombie, dead for LockWatch) leaves nothing
        // that counts.
        const pid_t zombie = makeZombie();
        QVERIFY(writeFile(marker, markerOf("starting", zombie, 1)));
        QVERIFY(TransitionBoard::post(file, State::Stopped));
        QVERIFY(!QFile::exists(marker));
        reapZombie(zombie);
    }

    void malformedMarkersAreAbsent_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("two fields") << QByteArray("stopping 1234\n");
        QTest::newRow("unknown state") << QByteArray("pausing 1234 5\n");
        QTest::newRow("pid 1") << QByteArray("stopping 1 5\n");
        QTest::newRow("negative pid") << QByteArray("stopping -5 5\n");
        QTest::newRow("not a number") << QByteArray("stopping abc 5\n");
        QTest::newRow("no token") << QByteArray("stopping 1234 x\n");
    }

    void malformedMarkersAreAbsent()
    {
        QFETCH(QByteArray, content);
        const QString marker = TransitionBoard::markerPath(lock(QStringLiteral("bad.lock")));
        QVERIFY(QDir().mkpath(QFileInfo(marker).path()));
        QVERIFY(writeFile(marker, content));
        QVERIFY(!TransitionBoard::read(marker).present);
        QVERIFY(!TransitionBoard::read(marker + QLatin1String(".missing")).present);
        QVERIFY(!TransitionBoard::read(QString()).present);
    }
};

QTEST_MAIN(TestTransitionBoard)
#include "tst_transitionboard.moc"
