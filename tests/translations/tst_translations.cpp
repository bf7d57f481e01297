// The embedded .qm files say the right things in Czech and Italian (every
// plural form included, English plurals too), Translation::install switches core's texts,
// and Qt's own strings (qtbase_*) follow. The binary's behaviour: tst_translationscli.
//
// After a merge brings new strings (tray menu, watch, run...), add rows to Strings
// (and to Plurals for %n strings) in translationrows.h; every %n string in the .ts files is also checked
// form by form by plurals() without being listed.
#include "core/model/lockstate.h"
#include "core/i18n/translation.h"
#include "translationrows.h"

#include <QCoreApplication>
#include <QFile>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace LockWatch;

namespace {

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
