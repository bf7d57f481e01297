// Through the real binary: the language follows LANGUAGE, LC_ALL,
// LC_MESSAGES and LANG; --lang and the configuration's language= override it; `status`,
// `inspect` and usage errors are translated; --json output never is. (The .qm contents and
// Qt's own strings: tst_translations; every line of --help and of each verb's errors:
// tst_translationsverbs.)
#include "core/model/config.h"
#include "core/system/processprobe.h"
#include "testsupport.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace LockWatch;

class TestTranslationsCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void languageSelection_data();
    void languageSelection();
    void helpLanguage_data();
    void helpLanguage();
    void statusColumns_data();
    void statusColumns();
    void inspectStaleLock_data();
    void inspectStaleLock();
    void usageError_data();
    void usageError();
    void jsonNeverTranslated();
    void trayWithoutDisplay_data();
    void trayWithoutDisplay();

private:
    // Runs the real binary with no locale variables but `environment`.
    TestSupport::Result run(const QStringList &arguments, const QStringList &environment = {});
    QString writeConfig(const QString &fileName, const QString &language);

    QTemporaryDir m_dir;
    QString m_config; // one instance "seed" (stale lock), one "idle" (stopped)
    QString m_staleLock;
};

void TestTranslationsCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    for (const char *sub : {"config", "state", "runtime"})
        QVERIFY(QDir(m_dir.path()).mkpath(QLatin1String(sub)));
    QFile::setPermissions(m_dir.filePath(QStringLiteral("runtime")),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    const auto processes = ProcessProbe::create();
    m_staleLock = m_dir.filePath(QStringLiteral("seed.lock"));
    QVERIFY(TestSupport::writeFile(
            m_staleLock,
            TestSupport::seedJsonLock(TestSupport::unusedPid(),
                                      QDateTime::currentMSecsSinceEpoch() - 60000,
                                      processes->hostName())));
    m_config = writeConfig(QStringLiteral("lockwatch.conf"), QString());
    QVERIFY(!m_config.isEmpty());
}

QString TestTranslationsCli::writeConfig(const QString &fileName, const QString &language)
{
    Config config;
    config.language = language;
    InstanceConfig seed;
    seed.name = QStringLiteral("seed");
    seed.lockFile = m_staleLock;
    InstanceConfig idle;
    idle.name = QStringLiteral("idle");
    idle.lockFile = m_dir.filePath(QStringLiteral("idle.lock"));
    config.instances << seed << idle;
    const QString path = m_dir.filePath(QStringLiteral("config/") + fileName);
    QString error;
    if (!config.save(path, &error)) {
        qWarning() << error;
        return QString();
    }
    return path;
}

TestSupport::Result TestTranslationsCli::run(const QStringList &arguments,
                                             const QStringList &environment)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &key : env.keys()) {
        if (key == QLatin1String("LANG") || key == QLatin1String("LANGUAGE")
            || key.startsWith(QLatin1String("LC_")))
            env.remove(key);
    }
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_STATE_HOME"), m_dir.filePath(QStringLiteral("state")));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir.filePath(QStringLiteral("runtime")));
    for (const QString &entry : environment)
        env.insert(entry.section(QLatin1Char('='), 0, 0), entry.section(QLatin1Char('='), 1));

    return TestSupport::runLockwatch(arguments, env);
}

void TestTranslationsCli::languageSelection_data()
{
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("configLanguage"); // language= in the configuration
    QTest::addColumn<QString>("heading");        // first column heading of `status`

    const QString cs = QString::fromUtf8("NÁZEV");
    const QString it = QStringLiteral("NOME");
    const QString en = QStringLiteral("NAME");
    const QString csLang = QStringLiteral("LANG=cs_CZ.UTF-8");
    const QString itLang = QStringLiteral("LANG=it_IT.UTF-8");
    const QStringList none;
    QTest::newRow("no locale") << none << none << QString() << en;
    QTest::newRow("LANG=C.UTF-8") << QStringList{QStringLiteral("LANG=C.UTF-8")} << none
                                  << QString() << en;
    QTest::newRow("LANG cs") << QStringList{csLang} << none << QString() << cs;
    QTest::newRow("LANG it") << QStringList{itLang} << none << QString() << it;
    QTest::newRow("LANG=cs") << QStringList{QStringLiteral("LANG=cs")} << none << QString() << cs;
    QTest::newRow("LANG unsupported")
            << QStringList{QStringLiteral("LANG=de_DE.UTF-8")} << none << QString() << en;
    QTest::newRow("LC_ALL it") << QStringList{QStringLiteral("LC_ALL=it_IT.UTF-8")} << none
                               << QString() << it;
    QTest::newRow("LC_MESSAGES cs")
            << QStringList{QStringLiteral("LC_MESSAGES=cs_CZ.UTF-8")} << none << QString() << cs;
    QTest::newRow("LANGUAGE it") << QStringList{QStringLiteral("LANGUAGE=it")} << none << QString()
                                 << it;
    QTest::newRow("LC_ALL over LANG")
            << QStringList{QStringLiteral("LC_ALL=it_IT.UTF-8"), csLang} << none << QString() << it;
    QTest::newRow("LC_MESSAGES over LANG")
            << QStringList{QStringLiteral("LC_MESSAGES=cs_CZ.UTF-8"), itLang} << none << QString()
            << cs;
    QTest::newRow("LC_ALL over LC_MESSAGES")
            << QStringList{QStringLiteral("LC_ALL=cs_CZ.UTF-8"),
                           QStringLiteral("LC_MESSAGES=it_IT.UTF-8")}
            << none << QString() << cs;
    QTest::newRow("LANGUAGE over LANG")
            << QStringList{QStringLiteral("LANGUAGE=it"), csLang} << none << QString() << it;
    QTest::newRow("LANGUAGE list skips unavailable")
            << QStringList{QStringLiteral("LANGUAGE=de:it:cs")} << none << QString() << it;
    QTest::newRow("LANGUAGE en first")
            << QStringList{QStringLiteral("LANGUAGE=en_GB:cs"), csLang} << none << QString() << en;
    QTest::newRow("--lang over LANG")
            << QStringList{csLang} << QStringList{QStringLiteral("--lang"), QStringLiteral("it")}
            << QString() << it;
    QTest::newRow("--lang= over LANGUAGE")
            << QStringList{QStringLiteral("LANGUAGE=it")}
            << QStringList{QStringLiteral("--lang=cs")} << QString() << cs;
    QTest::newRow("--lang en over LANG")
            << QStringList{csLang} << QStringList{QStringLiteral("--lang"), QStringLiteral("en")}
            << QString() << en;
    QTest::newRow("config over LANG") << QStringList{csLang} << none << QStringLiteral("it") << it;
    QTest::newRow("config over LANGUAGE")
            << QStringList{QStringLiteral("LANGUAGE=it")} << none << QStringLiteral("cs") << cs;
    QTest::newRow("config en over LANG")
            << QStringList{csLang} << none << QStringLiteral("en") << en;
    QTest::newRow("--lang over config")
            << QStringList{itLang} << QStringList{QStringLiteral("--lang"), QStringLiteral("cs")}
            << QStringLiteral("it") << cs;
}

void TestTranslationsCli::languageSelection()
{
    QFETCH(QStringList, environment);
    QFETCH(QStringList, arguments);
    QFETCH(QString, configLanguage);
    QFETCH(QString, heading);

    QString config = m_config;
    if (!configLanguage.isEmpty()) {
        config = writeConfig(QStringLiteral("language-%1.conf").arg(configLanguage),
                             configLanguage);
        QVERIFY(!config.isEmpty());
    }
    const auto result = run(
            QStringList{QStringLiteral("status"), QStringLiteral("--config"), config} + arguments,
            environment);
    QCOMPARE(result.exitCode, 1); // worst instance is stale
    const QString firstLine = QString::fromUtf8(result.out).section(QLatin1Char('\n'), 0, 0);
    QCOMPARE(firstLine.section(QLatin1Char(' '), 0, 0), heading);
}

// --help is LockWatch's own text (tst_translationsverbs checks every line of it), in the
// language chosen the same way as everything else.
void TestTranslationsCli::helpLanguage_data()
{
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QString>("usage");
    QTest::addColumn<QString>("ours");
    QTest::newRow("cs") << QStringList{QStringLiteral("LANG=cs_CZ.UTF-8")}
                        << QString::fromUtf8("Použití:") << QString::fromUtf8("Příkazy:");
    QTest::newRow("it") << QStringList{QStringLiteral("LC_ALL=it_IT.UTF-8")}
                        << QStringLiteral("Uso:") << QStringLiteral("Comandi:");
    QTest::newRow("en") << QStringList{QStringLiteral("LANG=C")} << QStringLiteral("Usage:")
                        << QStringLiteral("Commands:");
    // German first, but LockWatch has no German: Czech, the next one it has.
    QTest::newRow("de before cs") << QStringList{QStringLiteral("LANGUAGE=de:cs")}
                                  << QString::fromUtf8("Použití:") << QString::fromUtf8("Příkazy:");
    // English chosen before Czech: nothing Czech.
    QTest::newRow("en before cs") << QStringList{QStringLiteral("LANGUAGE=en:cs"),
                                                 QStringLiteral("LANG=cs_CZ.UTF-8")}
                                  << QStringLiteral("Usage:") << QStringLiteral("Commands:");
}

void TestTranslationsCli::helpLanguage()
{
    QFETCH(QStringList, environment);
    QFETCH(QString, usage);
    QFETCH(QString, ours);
    const auto result = run({QStringLiteral("--help")}, environment);
    QCOMPARE(result.exitCode, 0);
    const QString out = QString::fromUtf8(result.out);
    QVERIFY2(out.startsWith(usage + QLatin1Char(' ')), qPrintable(out));
    QVERIFY2(out.contains(QLatin1Char('\n') + ours + QLatin1Char('\n')), qPrintable(out));
}

void TestTranslationsCli::statusColumns_data()
{
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("headings");
    QTest::addColumn<QString>("stale");
    QTest::addColumn<QString>("stopped");
    QTest::newRow("cs") << QStringList{QStringLiteral("LANG=cs_CZ.UTF-8")} << QStringList()
                        << QStringList{QString::fromUtf8("NÁZEV"), QStringLiteral("STAV"),
                                       QStringLiteral("PID"), QStringLiteral("OD"),
                                       QString::fromUtf8("SOUBOR ZÁMKU")}
                        << QString::fromUtf8("zastaralý zámek (proces skončil)")
                        << QString::fromUtf8("neběží");
    QTest::newRow("it") << QStringList()
                        << QStringList{QStringLiteral("--lang"), QStringLiteral("it")}
                        << QStringList{QStringLiteral("NOME"), QStringLiteral("STATO"),
                                       QStringLiteral("PID"), QStringLiteral("DAL"),
                                       QStringLiteral("LOCKFILE")}
                        << QStringLiteral(
                                   "lockfile orfano (processo terminato)")
                        << QStringLiteral("non in esecuzione");
}

void TestTranslationsCli::statusColumns()
{
    QFETCH(QStringList, environment);
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, headings);
    QFETCH(QString, stale);
    QFETCH(QString, stopped);
    const auto result = run(
            QStringList{QStringLiteral("status"), QStringLiteral("--config"), m_config} + arguments,
            environment);
    QCOMPARE(result.exitCode, 1);
    const QStringList lines
            = QString::fromUtf8(result.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY2(lines.size() >= 3, result.out.constData());
    const QRegularExpression columns(QStringLiteral("\\s{2,}"));
    QCOMPARE(lines.at(0).split(columns), headings);
    QStringList rows = lines.mid(1);
    rows.sort();
    // "idle" (stopped) sorts before "seed" (stale).
    QCOMPARE(rows.at(0).split(columns).value(1), stopped);
    QCOMPARE(rows.at(1).split(columns).value(1), stale);
}

void TestTranslationsCli::inspectStaleLock_data()
{
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("stateLabel");
    QTest::addColumn<QString>("state");
    QTest::newRow("cs") << QStringList{QStringLiteral("LANG=cs_CZ.UTF-8")} << QStringList()
                        << QStringLiteral("Stav:")
                        << QString::fromUtf8("zastaralý zámek (proces skončil)");
    QTest::newRow("it") << QStringList{QStringLiteral("LANG=cs_CZ.UTF-8")}
                        << QStringList{QStringLiteral("--lang"), QStringLiteral("it")}
                        << QStringLiteral("Stato:")
                        << QStringLiteral(
                                   "lockfile orfano (processo terminato)");
    QTest::newRow("en") << QStringList() << QStringList() << QStringLiteral("State:")
                        << QStringLiteral("stale (holder is dead)");
}

void TestTranslationsCli::inspectStaleLock()
{
    QFETCH(QStringList, environment);
    QFETCH(QStringList, arguments);
    QFETCH(QString, stateLabel);
    QFETCH(QString, state);
    const auto result
            = run(QStringList{QStringLiteral("inspect"), m_staleLock} + arguments, environment);
    QCOMPARE(result.exitCode, 1);
    const QStringList lines = QString::fromUtf8(result.out).split(QLatin1Char('\n'));
    QVERIFY2(lines.size() >= 2, result.out.constData());
    const QStringList stateRow = lines.at(1).split(QRegularExpression(QStringLiteral("\\s{2,}")));
    QCOMPARE(stateRow, (QStringList{stateLabel, state}));
}

void TestTranslationsCli::usageError_data()
{
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("cs unknown command")
            << QStringList{QStringLiteral("LANG=cs_CZ.UTF-8")}
            << QStringList{QStringLiteral("bogus")}
            << QString::fromUtf8("lockwatch: Neznámý příkaz „bogus“; viz lockwatch --help.\n");
    QTest::newRow("it unknown command")
            << QStringList{QStringLiteral("LANG=cs_CZ.UTF-8")}
            << QStringList{QStringLiteral("bogus"), QStringLiteral("--lang"), QStringLiteral("it")}
            << QString::fromUtf8(
                       "lockwatch: Comando «bogus» sconosciuto; vedi lockwatch --help.\n");
    QTest::newRow("cs inspect without file")
            << QStringList{QStringLiteral("LC_ALL=cs_CZ.UTF-8")}
            << QStringList{QStringLiteral("inspect")}
            << QString::fromUtf8("lockwatch: Příkaz inspect vyžaduje právě jeden soubor.\n");
    QTest::newRow("it option not for verb")
            << QStringList{QStringLiteral("LANGUAGE=it")}
            << QStringList{QStringLiteral("inspect"), QStringLiteral("x"), QStringLiteral("--lock"),
                           QStringLiteral("y")}
            << QStringLiteral("lockwatch: L'opzione --lock non si applica al comando «inspect».\n");
}

void TestTranslationsCli::usageError()
{
    QFETCH(QStringList, environment);
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const auto result = run(arguments, environment);
    QCOMPARE(result.exitCode, 2);
    QCOMPARE(QString::fromUtf8(result.err), message);
    QVERIFY(result.out.isEmpty());
}

void TestTranslationsCli::jsonNeverTranslated()
{
    const QList<QStringList> commands = {
            {QStringLiteral("status"), QStringLiteral("--json"), QStringLiteral("--config"),
             m_config},
            {QStringLiteral("inspect"), QStringLiteral("--json"), m_staleLock},
    };
    for (const QStringList &command : commands) {
        const auto english = run(command);
        QCOMPARE(english.exitCode, 1);
        const auto czech = run(command, {QStringLiteral("LANG=cs_CZ.UTF-8")});
        const auto italian
                = run(command + QStringList{QStringLiteral("--lang"), QStringLiteral("it")});
        QCOMPARE(czech.exitCode, 1);
        QCOMPARE(italian.exitCode, 1);
        QCOMPARE(czech.out, english.out);
        QCOMPARE(italian.out, english.out);
        QVERIFY(czech.err.isEmpty());

        const QJsonDocument doc = QJsonDocument::fromJson(czech.out);
        QJsonObject seed = doc.object();
        if (doc.isArray()) {
            QCOMPARE(doc.array().size(), 2);
            for (const QJsonValue &value : doc.array()) {
                const QJsonObject object = value.toObject();
                if (object.value(QLatin1String("name")).toString() == QLatin1String("seed"))
                    seed = object;
                else
                    QCOMPARE(object.value(QLatin1String("state")).toString(),
                             QStringLiteral("stopped"));
            }
        }
        QCOMPARE(seed.value(QLatin1String("state")).toString(), QStringLiteral("stale"));
        QCOMPARE(seed.value(QLatin1String("reason")).toString(), QStringLiteral("dead"));
    }
}

// The tray with no display to connect to: one translated line and exit 1, where Qt's
// platform plugin would abort the process.
void TestTranslationsCli::trayWithoutDisplay_data()
{
    QTest::addColumn<QString>("lang");
    QTest::addColumn<QString>("message");
    QTest::newRow("en") << QStringLiteral("LANG=C.UTF-8")
                        << QStringLiteral("lockwatch: No graphical display for the tray (neither "
                                          "DISPLAY nor WAYLAND_DISPLAY is set); the commands work "
                                          "without one, see lockwatch --help.\n");
    QTest::newRow("cs") << QStringLiteral("LANG=cs_CZ.UTF-8")
                        << QString::fromUtf8("lockwatch: Pro ikonu v oznamovací oblasti chybí "
                                             "grafický displej (není nastaveno DISPLAY ani "
                                             "WAYLAND_DISPLAY); příkazy fungují i bez něj, viz "
                                             "lockwatch --help.\n");
    QTest::newRow("it") << QStringLiteral("LANG=it_IT.UTF-8")
                        << QString::fromUtf8("lockwatch: Nessun display grafico per l'icona "
                                             "nell'area di notifica (né DISPLAY né WAYLAND_DISPLAY "
                                             "sono impostati); i comandi funzionano anche senza, "
                                             "vedi lockwatch --help.\n");
}

void TestTranslationsCli::trayWithoutDisplay()
{
    QFETCH(QString, lang);
    QFETCH(QString, message);
    const auto result = run({QStringLiteral("--config"), m_config},
                            {lang, QStringLiteral("DISPLAY="), QStringLiteral("WAYLAND_DISPLAY="),
                             QStringLiteral("QT_QPA_PLATFORM=")});
    QCOMPARE(result.exitCode, 1); // -1 if the platform plugin had aborted the process
    QCOMPARE(QString::fromUtf8(result.err), message);
    QVERIFY(result.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestTranslationsCli)
#include "tst_translationscli.moc"
