// SPEC §8: the embedded .qm files say the right things in Czech and Italian (every
// plural form included, English plurals too), Translation::install switches core's texts,
// and Qt's own strings (qtbase_*) follow. The binary's behaviour: tst_translationscli.
//
// After a merge brings new strings (tray menu, watch, run...), add rows to Strings
// (and to Plurals for %n strings); every %n string in the .ts files is also checked
// form by form by plurals() without being listed.
#include "core/model/lockstate.h"
#include "core/i18n/translation.h"

#include <QCoreApplication>
#include <QFile>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace LockWatch;

namespace {

// (context, source, disambiguation, Czech, Italian)
struct StringRow
{
    const char *context;
    const char *source;
    const char *disambiguation;
    const char *cs;
    const char *it;
};

const StringRow Strings[] = {
        {"LockState", "running", nullptr, "běží", "in esecuzione"},
        {"LockState", "stopped", nullptr, "neběží", "non in esecuzione"},
        {"LockState", "stale", nullptr, "zastaralý zámek", "lockfile orfano"},
        {"LockState", "remote", nullptr, "vzdálený", "remoto"},
        {"LockState", "invalid", nullptr, "neplatný", "non valido"},
        {"LockState", "starting", nullptr, "spouští se", "in avvio"},
        {"LockState", "stopping", nullptr, "zastavuje se", "in arresto"},
        {"LockState", "holder is dead", nullptr, "proces skončil",
         "processo terminato"},
        {"LockState", "lock predates the current boot", nullptr,
         "starší než poslední start systému", "anteriore all'ultimo avvio del sistema"},
        {"LockState", "PID now belongs to another process", nullptr, "PID teď patří jinému procesu",
         "il PID ora appartiene a un altro processo"},
        {"LockState", "is a symbolic link", nullptr, "je symbolický odkaz",
         "è un collegamento simbolico"},
        {"Cli", "NAME", nullptr, "NÁZEV", "NOME"},
        {"Cli", "STATE", nullptr, "STAV", "STATO"},
        {"Cli", "SINCE", nullptr, "OD", "DAL"},
        {"Cli", "LOCKFILE", nullptr, "SOUBOR ZÁMKU", "LOCKFILE"},
        {"Cli", "State:", nullptr, "Stav:", "Stato:"},
        {"Cli", "Unknown command \"%1\"; see lockwatch --help.", nullptr,
         "Neznámý příkaz „%1“; viz lockwatch --help.",
         "Comando «%1» sconosciuto; vedi lockwatch --help."},
        {"Cli", "No instance named \"%1\" in %2.", nullptr,
         "V %2 není žádná instance s názvem „%1“.", "Nessuna istanza di nome «%1» in %2."},
        {"Config",
         "Configuration %1 is writable by other users; refusing to use it (fix with: chmod go-w "
         "%1).",
         nullptr,
         "Do konfigurace %1 mohou zapisovat jiní uživatelé; nebude použita (opravte příkazem: "
         "chmod go-w %1).",
         "La configurazione %1 è scrivibile da altri utenti; non viene usata (correggere con: "
         "chmod go-w %1)."},
        // The tray menu (TrayMenu), an instance's submenu (InstanceActions), the status
        // window: accelerators unique within each menu.
        {"LockWatch::TrayMenu", "Status &window", nullptr, "&Okno stavu", "&Finestra di stato"},
        {"LockWatch::TrayMenu", "S&ettings...", nullptr, "Nas&tavení...", "Impo&stazioni..."},
        {"LockWatch::TrayMenu", "Start at &login", nullptr, "Spouštět po při&hlášení",
         "Avvia all'a&ccesso"},
        {"LockWatch::TrayMenu", "&Quit", nullptr, "U&končit", "&Esci"},
        {"LockWatch::TrayMenu", "No instances configured", nullptr,
         "Nejsou nastaveny žádné instance", "Nessuna istanza configurata"},
        {"LockWatch::TrayMenu", "Host: %1", nullptr, "Počítač: %1", "Host: %1"},
        {"InstanceActions", "&Start", nullptr, "&Spustit", "&Avvia"},
        {"InstanceActions", "S&top", nullptr, "&Zastavit", "Arre&sta"},
        {"InstanceActions", "&Kill now", nullptr, "&Násilně ukončit", "Termina &forzatamente"},
        {"InstanceActions", "&Clean up", nullptr, "&Odstranit zámek", "&Rimuovi lockfile"},
        {"InstanceActions", "Clean up &and start", nullptr, "Odstranit zámek &a spustit",
         "Rimuovi lockfile e a&vvia"},
        {"InstanceActions", "Open &log", nullptr, "Otevřít &protokol", "Apri il &log"},
        {"InstanceActions", "Copy &PID", nullptr, "Kopírovat P&ID", "Copia il P&ID"},
        {"InstanceActions", "up %1 h %2 min", nullptr, "běží %1 h %2 min", "attivo da %1 h %2 min"},
        {"LockWatch::StatusWindow", "&Quit LockWatch", nullptr, "U&končit LockWatch",
         "&Esci da LockWatch"},
        {"LockWatch::StatusWindow", "S&ettings...", nullptr, "Nas&tavení...", "Impo&stazioni..."},
        {"LockWatch::Notifier", "Clean up", nullptr, "Odstranit", "Rimuovi"},
        {"StatusIcon", "Stale lock found", nullptr, "Nalezen zastaralý zámek",
         "Trovato un lockfile orfano"},
};

// (context, source, disambiguation, n, Czech, Italian, English) with %n already
// replaced. Czech: 1 / 2-4 / 0 and 5+ (also 21, 22); Italian and English: 1 / other.
struct PluralRow
{
    const char *context;
    const char *source;
    const char *disambiguation;
    int n;
    const char *cs;
    const char *it;
    const char *en;
};

const QList<PluralRow> Plurals = {
        // Every %n string, at each Czech form (1 / 2-4 / 5+) and both Italian and English.
        {"LockWatch::Notifier", "%1 and %n more", nullptr, 1, "%1 a 1 další", "%1 e 1 altra",
         "%1 and 1 more"},
        {"LockWatch::Notifier", "%1 and %n more", nullptr, 3, "%1 a 3 další", "%1 e altre 3",
         "%1 and 3 more"},
        {"LockWatch::Notifier", "%1 and %n more", nullptr, 5, "%1 a 5 dalších", "%1 e altre 5",
         "%1 and 5 more"},
        {"LockWatch::Notifier", "%n duplicate start(s) refused", nullptr, 1,
         "Odmítnut 1 pokus o druhé spuštění", "Rifiutato 1 tentativo di secondo avvio",
         "1 duplicate start refused"},
        {"LockWatch::Notifier", "%n duplicate start(s) refused", nullptr, 3,
         "Odmítnuty 3 pokusy o druhé spuštění", "Rifiutati 3 tentativi di secondo avvio",
         "3 duplicate starts refused"},
        {"LockWatch::Notifier", "%n duplicate start(s) refused", nullptr, 5,
         "Odmítnuto 5 pokusů o druhé spuštění", "Rifiutati 5 tentativi di secondo avvio",
         "5 duplicate starts refused"},
        {"LockWatch::Notifier", "%n instance(s) running twice", nullptr, 1,
         "1 instance běží dvakrát", "1 istanza in esecuzione due volte",
         "1 instance running twice"},
        {"LockWatch::Notifier", "%n instance(s) running twice", nullptr, 4,
         "4 instance běží dvakrát", "4 istanze in esecuzione due volte",
         "4 instances running twice"},
        {"LockWatch::Notifier", "%n instance(s) running twice", nullptr, 5,
         "5 instancí běží dvakrát", "5 istanze in esecuzione due volte",
         "5 instances running twice"},
        {"LockWatch::Notifier", "%n instance(s) stopped unexpectedly", nullptr, 1,
         "1 instance neočekávaně skončila", "1 istanza si è arrestata in modo imprevisto",
         "1 instance stopped unexpectedly"},
        {"LockWatch::Notifier", "%n instance(s) stopped unexpectedly", nullptr, 2,
         "2 instance neočekávaně skončily", "2 istanze si sono arrestate in modo imprevisto",
         "2 instances stopped unexpectedly"},
        {"LockWatch::Notifier", "%n instance(s) stopped unexpectedly", nullptr, 7,
         "7 instancí neočekávaně skončilo", "7 istanze si sono arrestate in modo imprevisto",
         "7 instances stopped unexpectedly"},
        {"LockWatch::Notifier", "%n stale lock(s) found", nullptr, 1, "Nalezen 1 zastaralý zámek",
         "Trovato 1 lockfile orfano", "1 stale lock found"},
        {"LockWatch::Notifier", "%n stale lock(s) found", nullptr, 3,
         "Nalezeny 3 zastaralé zámky", "Trovati 3 lockfile orfani", "3 stale locks found"},
        {"LockWatch::Notifier", "%n stale lock(s) found", nullptr, 5,
         "Nalezeno 5 zastaralých zámků", "Trovati 5 lockfile orfani", "5 stale locks found"},
        {"LockWatch::TrayMenu", "%n more in the status window...", nullptr, 1,
         "1 další v okně stavu...", "1 altra nella finestra di stato...",
         "1 more in the status window..."},
        {"LockWatch::TrayMenu", "%n more in the status window...", nullptr, 3,
         "3 další v okně stavu...", "altre 3 nella finestra di stato...",
         "3 more in the status window..."},
        {"LockWatch::TrayMenu", "%n more in the status window...", nullptr, 25,
         "25 dalších v okně stavu...", "altre 25 nella finestra di stato...",
         "25 more in the status window..."},
        {"StatusIcon", "%n instance(s)", nullptr, 1, "1 instance", "1 istanza", "1 instance"},
        {"StatusIcon", "%n instance(s)", nullptr, 3, "3 instance", "3 istanze", "3 instances"},
        {"StatusIcon", "%n instance(s)", nullptr, 5, "5 instancí", "5 istanze", "5 instances"},
        {"StatusIcon", "%n running", nullptr, 1, "běží: 1", "1 in esecuzione", "1 running"},
        {"StatusIcon", "%n running", nullptr, 3, "běží: 3", "3 in esecuzione", "3 running"},
        {"StatusIcon", "%n running", nullptr, 5, "běží: 5", "5 in esecuzione", "5 running"},
        {"StatusIcon", "%n running twice", nullptr, 1, "běží dvakrát: 1",
         "1 in esecuzione due volte", "1 running twice"},
        {"StatusIcon", "%n running twice", nullptr, 2, "běží dvakrát: 2",
         "2 in esecuzione due volte", "2 running twice"},
        {"StatusIcon", "%n running twice", nullptr, 5, "běží dvakrát: 5",
         "5 in esecuzione due volte", "5 running twice"},
        {"StatusIcon", "%n stale", nullptr, 1, "1 zastaralý zámek", "1 lockfile orfano", "1 stale"},
        {"StatusIcon", "%n stale", nullptr, 3, "3 zastaralé zámky", "3 lockfile orfani", "3 stale"},
        {"StatusIcon", "%n stale", nullptr, 5, "5 zastaralých zámků", "5 lockfile orfani",
         "5 stale"},
        {"StatusIcon", "%n starting, stopping, remote or invalid", nullptr, 1,
         "spouští se, zastavuje se, vzdálené nebo neplatné: 1",
         "1 in avvio, in arresto, remota o non valida", "1 starting, stopping, remote or invalid"},
        {"StatusIcon", "%n starting, stopping, remote or invalid", nullptr, 3,
         "spouští se, zastavuje se, vzdálené nebo neplatné: 3",
         "3 in avvio, in arresto, remote o non valide", "3 starting, stopping, remote or invalid"},
        {"StatusIcon", "%n starting, stopping, remote or invalid", nullptr, 5,
         "spouští se, zastavuje se, vzdálené nebo neplatné: 5",
         "5 in avvio, in arresto, remote o non valide", "5 starting, stopping, remote or invalid"},
        {"StatusIcon", "%n stopped", nullptr, 1, "neběží: 1", "1 non in esecuzione", "1 stopped"},
        {"StatusIcon", "%n stopped", nullptr, 3, "neběží: 3", "3 non in esecuzione", "3 stopped"},
        {"StatusIcon", "%n stopped", nullptr, 5, "neběží: 5", "5 non in esecuzione", "5 stopped"},
};

int czechForm(int n)
{
    return n == 1 ? 0 : (n >= 2 && n <= 4) ? 1 : 2;
}

struct NumerusMessage
{
    QString context;
    QString source;
    QString comment;
    QStringList forms;
};

// The plural messages of a .ts file, as committed.
QList<NumerusMessage> numerusMessages(const QString &path)
{
    QList<NumerusMessage> result;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return result;
    QXmlStreamReader xml(&file);
    QString context;
    NumerusMessage current;
    bool numerus = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
                current = {context, {}, {}, {}};
            } else if (name == QLatin1String("source")) {
                current.source = xml.readElementText();
            } else if (name == QLatin1String("comment")) {
                current.comment = xml.readElementText();
            } else if (name == QLatin1String("numerusform")) {
                current.forms << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message") && numerus) {
            result << current;
        }
    }
    return result;
}

QString translationsDir()
{
    return QStringLiteral(LOCKWATCH_TRANSLATIONS_DIR);
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();

    void embeddedTranslations();
    void strings_data();
    void strings();
    void plurals_data();
    void plurals();
    void coreTextsFollowInstall();
    void qtOwnStrings();
};

void TestTranslations::cleanup()
{
    Translation::install(QStringLiteral("en"));
}

void TestTranslations::embeddedTranslations()
{
    for (const char *language : {"cs", "it", "en"}) {
        const QString path = QStringLiteral(":/i18n/lockwatch_%1.qm").arg(QLatin1String(language));
        QVERIFY2(QFile::exists(path), qPrintable(path));
    }
}

void TestTranslations::strings_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("disambiguation");
    QTest::addColumn<QString>("expected");
    for (const StringRow &row : Strings) {
        for (const char *language : {"cs", "it"}) {
            const QString expected
                    = QString::fromUtf8(qstrcmp(language, "cs") == 0 ? row.cs : row.it);
            QTest::addRow("%s %s: %s", language, row.context, row.source)
                    << QString::fromLatin1(language) << QString::fromLatin1(row.context)
                    << QString::fromUtf8(row.source) << QString::fromUtf8(row.disambiguation)
                    << expected;
        }
    }
}

void TestTranslations::strings()
{
    QFETCH(QString, language);
    QFETCH(QString, context);
    QFETCH(QString, source);
    QFETCH(QString, disambiguation);
    QFETCH(QString, expected);
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/i18n/lockwatch_") + language));
    const QByteArray disambiguationUtf8 = disambiguation.toUtf8();
    QCOMPARE(translator.translate(context.toUtf8().constData(), source.toUtf8().constData(),
                                  disambiguation.isEmpty() ? nullptr
                                                           : disambiguationUtf8.constData()),
             expected);
}

void TestTranslations::plurals_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("disambiguation");
    QTest::addColumn<int>("n");
    QTest::addColumn<QString>("expected");

    // Listed expectations.
    for (const PluralRow &row : Plurals) {
        const struct
        {
            const char *language;
            const char *text;
        } expected[] = {{"cs", row.cs}, {"it", row.it}, {"en", row.en}};
        for (const auto &e : expected) {
            QTest::addRow("%s %s: %s n=%d", e.language, row.context, row.source, row.n)
                    << QString::fromLatin1(e.language) << QString::fromLatin1(row.context)
                    << QString::fromUtf8(row.source) << QString::fromUtf8(row.disambiguation)
                    << row.n << QString::fromUtf8(e.text);
        }
    }

    // Every plural message of the committed .ts files, each form chosen by its rule.
    int rows = Plurals.size();
    for (const char *language : {"cs", "it", "en"}) {
        const QString lang = QString::fromLatin1(language);
        const QList<NumerusMessage> messages
                = numerusMessages(translationsDir() + QStringLiteral("/lockwatch_%1.ts").arg(lang));
        for (const NumerusMessage &m : messages) {
            for (int n : {1, 2, 3, 4, 5, 11, 21, 22}) {
                const int form = lang == QLatin1String("cs") ? czechForm(n) : (n == 1 ? 0 : 1);
                QString expected = m.forms.value(form);
                expected.replace(QLatin1String("%n"), QString::number(n));
                QTest::addRow("%s %s: %s n=%d", language, qPrintable(m.context),
                              qPrintable(m.source), n)
                        << lang << m.context << m.source << m.comment << n << expected;
                ++rows;
            }
        }
    }
    if (rows == 0)
        QTest::newRow("none") << QString() << QString() << QString() << QString() << 0 << QString();
}

void TestTranslations::plurals()
{
    QFETCH(QString, language);
    QFETCH(QString, context);
    QFETCH(QString, source);
    QFETCH(QString, disambiguation);
    QFETCH(int, n);
    QFETCH(QString, expected);
    if (context.isEmpty())
        QSKIP("no %n strings in the sources yet");
    QVERIFY(!Translation::install(language).name().isEmpty());
    const QByteArray disambiguationUtf8 = disambiguation.toUtf8();
    QCOMPARE(QCoreApplication::translate(
                     context.toUtf8().constData(), source.toUtf8().constData(),
                     disambiguation.isEmpty() ? nullptr : disambiguationUtf8.constData(), n),
             expected);
}

void TestTranslations::coreTextsFollowInstall()
{
    QCOMPARE(Translation::install(QStringLiteral("cs")).language(), QLocale::Czech);
    QCOMPARE(stateText(State::Stale), QString::fromUtf8("zastaralý zámek"));
    QCOMPARE(reasonText(Reason::Dead), QString::fromUtf8("proces skončil"));
    QCOMPARE(warningText(Warning::BadTimestamp),
             QString::fromUtf8("nesrozumitelné časové razítko; použije se čas změny souboru"));
    QCOMPARE(stateId(State::Stale), QStringLiteral("stale"));

    QCOMPARE(Translation::install(QStringLiteral("it_IT")).language(), QLocale::Italian);
    QCOMPARE(stateText(State::Stale), QString::fromUtf8("lockfile orfano"));
    QCOMPARE(reasonText(Reason::Reused),
             QString::fromUtf8("il PID ora appartiene a un altro processo"));

    QCOMPARE(Translation::install(QStringLiteral("de")).language(), QLocale::English);
    QCOMPARE(stateText(State::Stale), QStringLiteral("stale"));
}

void TestTranslations::qtOwnStrings()
{
    Translation::install(QStringLiteral("cs"));
    QCOMPARE(QCoreApplication::translate("QCommandLineParser", "Usage: %1"),
             QString::fromUtf8("Použití: %1"));
    Translation::install(QStringLiteral("it"));
    QCOMPARE(QCoreApplication::translate("QCommandLineParser", "Usage: %1"),
             QStringLiteral("Utilizzo: %1"));
    Translation::install(QStringLiteral("en"));
    QCOMPARE(QCoreApplication::translate("QCommandLineParser", "Usage: %1"),
             QStringLiteral("Usage: %1"));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
