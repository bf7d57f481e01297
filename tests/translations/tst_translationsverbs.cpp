// Every line the real binary prints for `--help` and for each verb's errors, run with
// LANGUAGE=cs and LANGUAGE=it, is Czech or Italian: compared with the same run in
// English, no line is left in English. (Which language is chosen: tst_translationscli.)
#include "core/model/config.h"
#include "core/system/processprobe.h"
#include "testsupport.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace LockWatch;

namespace {

QStringList lines(const QByteArray &output)
{
    return QString::fromUtf8(output).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

// A line that reads the same in every language: a command synopsis ("lockwatch watch
// [--json]") or an option with nothing to translate; `sameWords` are placeholders the
// language spells as English does (Italian "FILE"). Anything else that is equal to the
// English line is English.
bool languageNeutral(const QString &line, const QStringList &sameWords)
{
    QString rest = line;
    for (const QString &word : sameWords)
        rest.remove(QRegularExpression(QStringLiteral("\\b%1\\b").arg(word)));
    rest.remove(QRegularExpression(QStringLiteral("^\\s*lockwatch \\S+")));
    rest.remove(QRegularExpression(QStringLiteral("--?[A-Za-z][\\w-]*")));
    return !rest.contains(QRegularExpression(QStringLiteral("[A-Za-z]{2,}")));
}

} // namespace

class TestTranslationsVerbs : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void help_data();
    void help();
    void verbErrors_data();
    void verbErrors();

private:
    TestSupport::Result run(const QStringList &arguments, const QString &language);

    QTemporaryDir m_dir;
    QString m_config;     // "seed" (stale lock), "idle" (stopped, no program)
    QString m_badConfig;  // writable by others
    QString m_heldLock;   // held by m_holder, a live process
    TestSupport::ScopedProcess m_holder;
};

void TestTranslationsVerbs::initTestCase()
{
    QVERIFY(m_dir.isValid());
    TestSupport::isolateXdgDirectories(m_dir.path());

    const auto processes = ProcessProbe::create();
    const QString staleLock = m_dir.filePath(QStringLiteral("seed.lock"));
    QVERIFY(TestSupport::writeFile(
            staleLock, TestSupport::seedJsonLock(TestSupport::unusedPid(),
                                                 QDateTime::currentMSecsSinceEpoch() - 60000,
                                                 processes->hostName())));
    const qint64 holder = TestSupport::startSleeper(m_holder);
    QVERIFY(holder > 0);
    m_heldLock = m_dir.filePath(QStringLiteral("held.lock"));
    QVERIFY(TestSupport::writeFile(
            m_heldLock, TestSupport::seedJsonLock(holder, QDateTime::currentMSecsSinceEpoch(),
                                                  processes->hostName())));

    Config config;
    InstanceConfig seed;
    seed.name = QStringLiteral("seed");
    seed.lockFile = staleLock;
    InstanceConfig idle;
    idle.name = QStringLiteral("idle");
    idle.lockFile = m_dir.filePath(QStringLiteral("idle.lock"));
    config.instances << seed << idle;
    m_config = m_dir.filePath(QStringLiteral("lockwatch.conf"));
    QString error;
    QVERIFY2(config.save(m_config, &error), qPrintable(error));

    m_badConfig = m_dir.filePath(QStringLiteral("shared/lockwatch.conf"));
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("shared")));
    QVERIFY(QFile::copy(m_config, m_badConfig));
    QVERIFY(QFile::setPermissions(m_badConfig, QFile::ReadOwner | QFile::WriteOwner
                                                       | QFile::ReadOther | QFile::WriteOther));
}

TestSupport::Result TestTranslationsVerbs::run(const QStringList &arguments,
                                               const QString &language)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &key : env.keys()) {
        if (key == QLatin1String("LANG") || key == QLatin1String("LANGUAGE")
            || key.startsWith(QLatin1String("LC_")))
            env.remove(key);
    }
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LANGUAGE"), language);
    QStringList expanded;
    for (QString argument : arguments) {
        argument.replace(QLatin1String("{config}"), m_config);
        argument.replace(QLatin1String("{bad-config}"), m_badConfig);
        argument.replace(QLatin1String("{held}"), m_heldLock);
        argument.replace(QLatin1String("{dir}"), m_dir.path());
        expanded << argument;
    }
    return TestSupport::runLockwatch(expanded, env);
}

void TestTranslationsVerbs::help_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QStringList>("sameWords");
    QTest::addColumn<QStringList>("expected"); // lines that must be there
    QTest::newRow("cs") << QStringLiteral("cs") << QStringList{QStringLiteral("PROGRAM")}
                        << QStringList{QString::fromUtf8("Použití: lockwatch [volby] [příkaz]"),
                                       QStringLiteral("Volby:"), QString::fromUtf8("Příkazy:"),
                                       QString::fromUtf8("  -h, --help                   Zobrazí tuto nápovědu."),
                                       QString::fromUtf8("  -v, --version                Zobrazí verzi."),
                                       QString::fromUtf8("  --lock SOUBOR                Soubor zámku."),
                                       QString::fromUtf8("  lockwatch add NÁZEV --lock SOUBOR "
                                                         "[--timeout SEKUNDY] [--workdir ADRESÁŘ] "
                                                         "[-- PROGRAM [ARGUMENT...]]")};
    QTest::newRow("it") << QStringLiteral("it")
                        << QStringList{QStringLiteral("FILE"), QStringLiteral("DIR")}
                        << QStringList{QStringLiteral("Uso: lockwatch [opzioni] [comando]"),
                                       QStringLiteral("Opzioni:"), QStringLiteral("Comandi:"),
                                       QStringLiteral("  -h, --help                   Mostra questa guida."),
                                       QStringLiteral("  -v, --version                Mostra la versione."),
                                       QStringLiteral("  --name NOME                  Il nome dell'istanza."),
                                       QStringLiteral("  lockwatch run --lock FILE [--name NOME] | "
                                                      "--cluster --name NOME [--wait] -- PROGRAMMA "
                                                      "[ARGOMENTO...]")};
}

void TestTranslationsVerbs::help()
{
    QFETCH(QString, language);
    QFETCH(QStringList, sameWords);
    QFETCH(QStringList, expected);
    const auto english = run({QStringLiteral("--help")}, QStringLiteral("en"));
    const auto translated = run({QStringLiteral("--help")}, language);
    QCOMPARE(english.exitCode, 0);
    QCOMPARE(translated.exitCode, 0);
    QVERIFY(translated.err.isEmpty());
    const QStringList englishLines = lines(english.out);
    const QStringList translatedLines = lines(translated.out);
    QVERIFY2(englishLines.size() > 20, english.out.constData());
    for (const QString &line : translatedLines)
        QVERIFY2(!englishLines.contains(line) || languageNeutral(line, sameWords),
                 qPrintable(QStringLiteral("English line in %1 --help: %2").arg(language, line)));
    for (const QString &line : expected)
        QVERIFY2(translatedLines.contains(line),
                 qPrintable(QStringLiteral("missing: ") + line + QLatin1Char('\n')
                            + QString::fromUtf8(translated.out)));
}

void TestTranslationsVerbs::verbErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    const auto row = [&](const char *name, QStringList arguments, int exitCode) {
        if (!arguments.contains(QLatin1String("--config")))
            arguments << QStringLiteral("--config={config}");
        for (const char *language : {"cs", "it"})
            QTest::addRow("%s %s", language, name) << arguments << exitCode;
    };
    row("unknown command", {QStringLiteral("bogus")}, 2);
    row("unknown option", {QStringLiteral("status"), QStringLiteral("--bogus")}, 2);
    row("option needs a value", {QStringLiteral("status"), QStringLiteral("--lock")}, 2);
    row("option takes no value", {QStringLiteral("status"), QStringLiteral("--json=yes")}, 2);
    row("option not for verb", {QStringLiteral("inspect"), QStringLiteral("x"),
                                QStringLiteral("--name"), QStringLiteral("y")}, 2);
    row("no program after --", {QStringLiteral("status"), QStringLiteral("--"),
                                QStringLiteral("true")}, 2);
    row("status unknown name", {QStringLiteral("status"), QStringLiteral("nosuch")}, 4);
    row("status unusable config", {QStringLiteral("status"), QStringLiteral("--config"),
                                   QStringLiteral("{bad-config}")}, 4);
    row("inspect without file", {QStringLiteral("inspect")}, 2);
    row("watch with arguments", {QStringLiteral("watch"), QStringLiteral("extra")}, 2);
    row("add without name", {QStringLiteral("add")}, 2);
    row("add accented name", {QStringLiteral("add"), QString::fromUtf8("plánovač"),
                              QStringLiteral("--lock"), QStringLiteral("{dir}/p.lock")}, 2);
    row("add reserved name", {QStringLiteral("add"), QStringLiteral("General"),
                              QStringLiteral("--lock"), QStringLiteral("{dir}/g.lock")}, 2);
    row("add without lock", {QStringLiteral("add"), QStringLiteral("new")}, 2);
    row("add bad timeout", {QStringLiteral("add"), QStringLiteral("new"), QStringLiteral("--lock"),
                            QStringLiteral("{dir}/n.lock"), QStringLiteral("--timeout"),
                            QStringLiteral("soon")}, 2);
    row("add missing workdir", {QStringLiteral("add"), QStringLiteral("new"),
                                QStringLiteral("--lock"), QStringLiteral("{dir}/n.lock"),
                                QStringLiteral("--workdir"), QStringLiteral("{dir}/nowhere")}, 1);
    row("add missing program", {QStringLiteral("add"), QStringLiteral("new"),
                                QStringLiteral("--lock"), QStringLiteral("{dir}/n.lock"),
                                QStringLiteral("--"), QStringLiteral("{dir}/no-program")}, 1);
    row("add existing", {QStringLiteral("add"), QStringLiteral("seed"), QStringLiteral("--lock"),
                         QStringLiteral("{dir}/s.lock")}, 1);
    row("remove without name", {QStringLiteral("remove")}, 2);
    row("remove unknown", {QStringLiteral("remove"), QStringLiteral("nosuch")}, 1);
    row("start without name", {QStringLiteral("start")}, 2);
    row("start unknown", {QStringLiteral("start"), QStringLiteral("nosuch")}, 1);
    row("start stale", {QStringLiteral("start"), QStringLiteral("seed")}, 1);
    row("start without program", {QStringLiteral("start"), QStringLiteral("idle")}, 1);
    row("stop not running", {QStringLiteral("stop"), QStringLiteral("idle")}, 0);
    row("stop stale", {QStringLiteral("stop"), QStringLiteral("seed")}, 1);
    row("stop bad timeout", {QStringLiteral("stop"), QStringLiteral("seed"),
                             QStringLiteral("--timeout"), QStringLiteral("-1")}, 2);
    row("clean nothing", {QStringLiteral("clean"), QStringLiteral("idle")}, 1);
    row("clean unknown", {QStringLiteral("clean"), QStringLiteral("nosuch")}, 1);
    row("run without lock", {QStringLiteral("run"), QStringLiteral("--"), QStringLiteral("true")},
        2);
    row("run without program", {QStringLiteral("run"), QStringLiteral("--lock"),
                                QStringLiteral("{dir}/r.lock")}, 2);
    row("run argument before --", {QStringLiteral("run"), QStringLiteral("extra"),
                                   QStringLiteral("--lock"), QStringLiteral("{dir}/r.lock"),
                                   QStringLiteral("--"), QStringLiteral("true")}, 2);
    row("run on a held lock", {QStringLiteral("run"), QStringLiteral("--lock"),
                               QStringLiteral("{held}"), QStringLiteral("--"),
                               QStringLiteral("true")}, 75);
}

// One line, on stderr for a failure (on stdout for "is not running", which is no
// failure), in the language asked for; the same exit code as in English.
void TestTranslationsVerbs::verbErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    const QString language
            = QString::fromLatin1(QTest::currentDataTag()).section(QLatin1Char(' '), 0, 0);
    const auto english = run(arguments, QStringLiteral("en"));
    const auto translated = run(arguments, language);
    QCOMPARE(english.exitCode, exitCode);
    QCOMPARE(translated.exitCode, exitCode);
    const QByteArray englishMessage = exitCode == 0 ? english.out : english.err;
    const QByteArray translatedMessage = exitCode == 0 ? translated.out : translated.err;
    QVERIFY2((exitCode == 0 ? translated.err : translated.out).isEmpty(),
             QByteArray(translated.out + translated.err).constData());
    const QStringList englishLines = lines(englishMessage);
    const QStringList translatedLines = lines(translatedMessage);
    QCOMPARE(englishLines.size(), 1);
    QCOMPARE(translatedLines.size(), 1);
    if (exitCode != 0)
        QVERIFY2(englishLines.constFirst().startsWith(QLatin1String("lockwatch: ")), english.err);
    QVERIFY2(translatedLines.constFirst() != englishLines.constFirst(),
             qPrintable(QStringLiteral("English in %1: %2").arg(language, translatedLines.constFirst())));
}

QTEST_GUILESS_MAIN(TestTranslationsVerbs)
#include "tst_translationsverbs.moc"
