// ExitStatus: how a process ended (an exit code, a signal, or unknown), compared,
// and said for people in each language, with the signal's name.
#include "core/i18n/translation.h"
#include "core/system/exitstatus.h"

#include <QTest>

#include <csignal>

Q_DECLARE_METATYPE(LockWatch::ExitStatus)

using namespace LockWatch;

class TestExitStatus : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { Translation::install(QStringLiteral("en")); }

    void kinds()
    {
        const ExitStatus unknown;
        QVERIFY(!unknown.isKnown());
        QVERIFY(!unknown.isSuccess());
        QVERIFY(ExitStatus::code(0).isKnown());
        QVERIFY(ExitStatus::code(0).isSuccess());
        QVERIFY(!ExitStatus::code(1).isSuccess());
        QVERIFY(ExitStatus::signal(SIGTERM).isKnown());
        // Signal 0 is not exit code 0.
        QVERIFY(!ExitStatus::signal(0).isSuccess());
        QVERIFY(ExitStatus::code(9) == ExitStatus::code(9));
        QVERIFY(!(ExitStatus::code(9) == ExitStatus::signal(9)));
        QVERIFY(!(ExitStatus::code(1) == ExitStatus::code(2)));
        QVERIFY(!(ExitStatus() == ExitStatus::code(0)));
    }

    void signalName_data()
    {
        QTest::addColumn<int>("signo");
        QTest::addColumn<QString>("expected");
        QTest::newRow("SIGKILL") << int(SIGKILL) << QStringLiteral("SIGKILL");
        QTest::newRow("SIGTERM") << int(SIGTERM) << QStringLiteral("SIGTERM");
        QTest::newRow("SIGSEGV") << int(SIGSEGV) << QStringLiteral("SIGSEGV");
        QTest::newRow("SIGHUP") << int(SIGHUP) << QStringLiteral("SIGHUP");
        // No name: the number.
        QTest::newRow("real-time") << SIGRTMIN + 3 << QString::number(SIGRTMIN + 3);
        QTest::newRow("zero") << 0 << QStringLiteral("0");
        QTest::newRow("out of range") << 200 << QStringLiteral("200");
    }

    void signalName()
    {
        QFETCH(int, signo);
        QFETCH(QString, expected);
        QCOMPARE(ExitStatus::signalName(signo), expected);
    }

    void text_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<ExitStatus>("status");
        QTest::addColumn<QString>("expected");
        const ExitStatus killed = ExitStatus::signal(SIGKILL);
        QTest::newRow("en code") << "en" << ExitStatus::code(1) << "exit code 1";
        QTest::newRow("en signal") << "en" << killed << "signal 9 (SIGKILL)";
        QTest::newRow("en unknown") << "en" << ExitStatus() << "exit status unknown";
        QTest::newRow("cs code") << "cs" << ExitStatus::code(3)
                                 << QString::fromUtf8("návratový kód 3");
        QTest::newRow("cs signal") << "cs" << killed << QString::fromUtf8("signál 9 (SIGKILL)");
        QTest::newRow("cs unknown")
                << "cs" << ExitStatus() << QString::fromUtf8("způsob ukončení neznámý");
        QTest::newRow("it code") << "it" << ExitStatus::code(0) << "codice di uscita 0";
        QTest::newRow("it signal") << "it" << ExitStatus::signal(SIGTERM) << "segnale 15 (SIGTERM)";
        QTest::newRow("it unknown") << "it" << ExitStatus() << "stato di uscita sconosciuto";
    }

    void text()
    {
        QFETCH(QString, language);
        QFETCH(ExitStatus, status);
        QFETCH(QString, expected);
        Translation::install(language);
        QCOMPARE(status.text(), expected);
    }
};

QTEST_GUILESS_MAIN(TestExitStatus)
#include "tst_exitstatus.moc"
