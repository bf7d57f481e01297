// What a new user trips over on the command line, with the real lockwatch binary:
// a --config that names no file, a language LockWatch does not have, a mistyped
// command, a timeout out of range. Each answer is one translated line on stderr,
// with the exit code a script can rely on, and nothing is created or changed.
#include "core/model/config.h"
#include "testsupport.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace LockWatch;
using namespace TestSupport;

class TestFirstUse : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }
    QStringList environment() const
    {
        return { QStringLiteral("XDG_CONFIG_HOME=") + path(QStringLiteral("xdg/config")),
                 QStringLiteral("XDG_STATE_HOME=") + path(QStringLiteral("xdg/state")),
                 QStringLiteral("XDG_RUNTIME_DIR=") + path(QStringLiteral("xdg/runtime")),
                 QStringLiteral("LANG=C"),
                 QStringLiteral("LC_ALL="),
                 QStringLiteral("LANGUAGE="),
                 QStringLiteral("DISPLAY="),
                 QStringLiteral("WAYLAND_DISPLAY="),
                 QStringLiteral("QT_QPA_PLATFORM=") };
    }
    Result lockwatch(const QStringList &arguments) const
    {
        return runLockwatch(arguments, 30000, environment());
    }
    QString configWith(const QString &file, const QByteArray &content) const
    {
        const QString config = path(file);
        if (!writeFile(config, content)
            || !QFile::setPermissions(config, QFile::ReadOwner | QFile::WriteOwner))
            qWarning("cannot write %s", qPrintable(config));
        return config;
    }
    static QStringList lines(const QByteArray &text)
    {
        return QString::fromUtf8(text).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir().mkpath(path(QStringLiteral("xdg/runtime"))));
        QVERIFY(QFileInfo::exists(lockwatchBinary()));
    }

    void missingConfig_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        const QString lock = path(QStringLiteral("some.lock"));
        const QString marker = path(QStringLiteral("program-ran"));
        QTest::newRow("status") << QStringList { QStringLiteral("status") } << 4;
        QTest::newRow("status NAME")
                << QStringList { QStringLiteral("status"), QStringLiteral("x") } << 4;
        QTest::newRow("inspect") << QStringList { QStringLiteral("inspect"), lock } << 4;
        QTest::newRow("watch") << QStringList { QStringLiteral("watch") } << 1;
        QTest::newRow("start") << QStringList { QStringLiteral("start"), QStringLiteral("x") } << 1;
        QTest::newRow("stop") << QStringList { QStringLiteral("stop"), QStringLiteral("x") } << 1;
        QTest::newRow("clean") << QStringList { QStringLiteral("clean"), QStringLiteral("x") } << 1;
        QTest::newRow("remove") << QStringList { QStringLiteral("remove"), QStringLiteral("x") }
                                << 1;
        QTest::newRow("run") << QStringList {
            QStringLiteral("run"), QStringLiteral("--lock"), lock,
            QStringLiteral("--"),  QStringLiteral("touch"),  marker
        } << 1;
    }

    // A typo in --config must not look like an empty, healthy configuration.
    void missingConfig()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        const QString config = path(QStringLiteral("typo/lockwatch.conf"));
        const Result r = lockwatch(QStringList { QStringLiteral("--config"), config } + arguments);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.out.isEmpty(), r.out.constData());
        QCOMPARE(lines(r.err).size(), 1);
        QVERIFY2(r.err.contains(config.toUtf8()) && r.err.contains("does not exist"),
                 r.err.constData());
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("typo"))));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("some.lock"))));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("program-ran"))));

        // The same line in Czech and in Italian.
        const Result cs = lockwatch(QStringList { QStringLiteral("--lang"), QStringLiteral("cs"),
                                                  QStringLiteral("--config"), config }
                                    + arguments);
        QCOMPARE(cs.exitCode, exitCode);
        QVERIFY2(cs.err.contains(config.toUtf8()) && cs.err.contains("neexistuje"),
                 cs.err.constData());
        const Result it = lockwatch(QStringList { QStringLiteral("--lang"), QStringLiteral("it"),
                                                  QStringLiteral("--config"), config }
                                    + arguments);
        QVERIFY2(it.err.contains(config.toUtf8()) && it.err.contains("non esiste"),
                 it.err.constData());
    }

    void addCreatesMissingConfig()
    {
        const QString config = path(QStringLiteral("new/lockwatch.conf"));
        const Result r = lockwatch({ QStringLiteral("--config"), config, QStringLiteral("add"),
                                     QStringLiteral("w"), QStringLiteral("--lock"),
                                     path(QStringLiteral("w.lock")) });
        QCOMPARE(r.exitCode, 0);
        QVERIFY(QFileInfo(config).isFile());
        const Result status
                = lockwatch({ QStringLiteral("--config"), config, QStringLiteral("status") });
        QCOMPARE(status.exitCode, 3); // stopped: the lockfile does not exist
    }

    // Without --config, a user who has configured nothing yet gets the hint, exit 0.
    void defaultConfigMissingIsEmpty()
    {
        const Result r = lockwatch({ QStringLiteral("status") });
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("No instances configured"), r.out.constData());
    }

    void unknownLanguage_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("status") << QStringList { QStringLiteral("--lang"), QStringLiteral("de"),
                                                 QStringLiteral("status") };
        QTest::newRow("after the verb")
                << QStringList { QStringLiteral("status"), QStringLiteral("--lang=xx") };
        // Without a verb (the tray) the language is checked before the display.
        QTest::newRow("tray") << QStringList { QStringLiteral("--lang"), QStringLiteral("de") };
    }

    void unknownLanguage()
    {
        QFETCH(QStringList, arguments);
        const Result r = lockwatch(arguments);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(lines(r.err).size(), 1);
        QVERIFY2(r.err.contains("cs, en, it"), r.err.constData());
    }

    // The line itself is in the language the configuration asks for.
    void unknownLanguageSaidInConfiguredLanguage()
    {
        const QString config
                = configWith(QStringLiteral("italian.conf"), "[General]\nlanguage=it\n");
        const Result r = lockwatch({ QStringLiteral("--config"), config, QStringLiteral("--lang"),
                                     QStringLiteral("de"), QStringLiteral("status") });
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("\xc2\xab"
                                "de"
                                "\xc2\xbb")
                         && r.err.contains("cs, en, it"),
                 r.err.constData());
    }

    void knownLanguageVariants()
    {
        const QString config = configWith(QStringLiteral("empty.conf"), "");
        for (const char *language : { "cs", "cs_CZ", "it_IT", "en" }) {
            const Result r
                    = lockwatch({ QStringLiteral("--config"), config, QStringLiteral("--lang"),
                                  QLatin1String(language), QStringLiteral("status") });
            QVERIFY2(r.exitCode == 0, language);
            QVERIFY2(r.err.isEmpty(), r.err.constData());
        }
    }

    void mistypedCommand_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("suggested"); // empty: no suggestion
        QTest::newRow("swapped letters") << QStringLiteral("stauts") << QStringLiteral("status");
        QTest::newRow("missing letter") << QStringLiteral("stat") << QStringLiteral("start");
        QTest::newRow("extra letter") << QStringLiteral("cleann") << QStringLiteral("clean");
        QTest::newRow("capitals") << QStringLiteral("Watch") << QStringLiteral("watch");
        QTest::newRow("another swap") << QStringLiteral("inspcet") << QStringLiteral("inspect");
        QTest::newRow("far from all") << QStringLiteral("frobnicate") << QString();
    }

    void mistypedCommand()
    {
        QFETCH(QString, typed);
        QFETCH(QString, suggested);
        const QString config = configWith(QStringLiteral("empty.conf"), "");
        const Result r = lockwatch({ QStringLiteral("--config"), config, typed });
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(lines(r.err).size(), 1);
        QVERIFY2(r.err.contains(typed.toUtf8()), r.err.constData());
        if (suggested.isEmpty()) {
            QVERIFY2(!r.err.contains("Did you mean"), r.err.constData());
        } else {
            const QByteArray expected = "Did you mean \"" + suggested.toUtf8() + "\"?";
            QVERIFY2(r.err.contains(expected), r.err.constData());
            const Result cs = lockwatch({ QStringLiteral("--lang"), QStringLiteral("cs"),
                                          QStringLiteral("--config"), config, typed });
            QCOMPARE(cs.exitCode, 2);
            QVERIFY2(cs.err.contains(
                             QByteArray("\xe2\x80\x9e" + suggested.toUtf8() + "\xe2\x80\x9c?")),
                     cs.err.constData());
        }
    }

    // Every timeout error names the key it is about.
    void timeoutErrorsNameTheKey_data()
    {
        QTest::addColumn<QByteArray>("config");
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("key");
        const QByteArray lock = path(QStringLiteral("t.lock")).toUtf8();
        const QStringList status { QStringLiteral("status") };
        QTest::newRow("stop-timeout not a number")
                << QByteArray("[t]\nlockfile=" + lock + "\nstop-timeout=ten\n") << status << 4
                << QByteArray("\"stop-timeout\"");
        QTest::newRow("stop-timeout too long")
                << QByteArray("[t]\nlockfile=" + lock + "\nstop-timeout=86401\n") << status << 4
                << QByteArray("\"stop-timeout\"");
        QTest::newRow("start-timeout zero")
                << QByteArray("[t]\nlockfile=" + lock + "\nstart-timeout=0\n") << status << 4
                << QByteArray("\"start-timeout\"");
        QTest::newRow("start-timeout in start")
                << QByteArray("[t]\nlockfile=" + lock + "\nstart-timeout=-3\n")
                << QStringList { QStringLiteral("start"), QStringLiteral("t") } << 1
                << QByteArray("\"start-timeout\"");
        QTest::newRow("add --timeout")
                << QByteArray()
                << QStringList { QStringLiteral("add"),       QStringLiteral("n"),
                                 QStringLiteral("--lock"),    QString::fromUtf8(lock),
                                 QStringLiteral("--timeout"), QStringLiteral("99999") }
                << 2 << QByteArray("stop-timeout");
        QTest::newRow("stop --timeout")
                << QByteArray("[t]\nlockfile=" + lock + "\n")
                << QStringList { QStringLiteral("stop"), QStringLiteral("t"),
                                 QStringLiteral("--timeout"), QStringLiteral("-1") }
                << 2 << QByteArray("stop-timeout");
    }

    void timeoutErrorsNameTheKey()
    {
        QFETCH(QByteArray, config);
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, key);
        const QString file = configWith(QStringLiteral("timeouts.conf"), config);
        const QByteArray before = readFile(file);
        const Result r = lockwatch(QStringList { QStringLiteral("--config"), file } + arguments);
        QCOMPARE(r.exitCode, exitCode);
        QCOMPARE(lines(r.err).size(), 1);
        QVERIFY2(r.err.contains(key), r.err.constData());
        QCOMPARE(readFile(file), before);
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("t.lock"))));
    }
};

QTEST_GUILESS_MAIN(TestFirstUse)
#include "tst_firstuse.moc"
