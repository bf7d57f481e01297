// In the real tray menu: with Czech (or Italian) installed, the TrayMenu of
// lockwatch_tray shows translated entries, state texts and submenu actions, and the
// accelerators of each menu are unique. The tray's notifications (Announcer through
// Notifier) are translated too.
#include "tray/announcer.h"
#include "core/model/config.h"
#include "core/model/instancestatus.h"
#include "tray/notifier.h"
#include "core/i18n/translation.h"
#include "tray/traymenu.h"

#include <QApplication>
#include <QDateTime>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

Q_DECLARE_METATYPE(LockWatch::Notifier::Message)

using namespace LockWatch;

namespace {

InstanceStatus makeStatus(const QString &name, State state, qint64 pid = 0)
{
    InstanceStatus status;
    status.name = name;
    status.lockfile = QLatin1String("/run/test/") + name + QLatin1String(".lock");
    status.state = state;
    status.pid = pid;
    if (state == State::Running) {
        status.hasSince = true;
        status.sinceMs = QDateTime::currentMSecsSinceEpoch() - 2 * 3600 * 1000 - 5 * 60 * 1000;
        status.host = QStringLiteral("testhost");
    }
    if (state == State::Stale)
        status.reason = Reason::Dead;
    return status;
}

InstanceConfig makeConfig(const QString &name)
{
    InstanceConfig config;
    config.name = name;
    config.lockFile = QLatin1String("/run/test/") + name + QLatin1String(".lock");
    config.program = QStringLiteral("/bin/sleep");
    return config;
}

// The texts of a menu's visible actions (separators left out).
QStringList texts(const QMenu *menu)
{
    QStringList result;
    for (const QAction *action : menu->actions())
        if (action->isVisible() && !action->isSeparator())
            result << action->text();
    return result;
}

// The accelerator letters of the visible actions, lower-cased; fails on a duplicate.
bool acceleratorsUnique(const QMenu *menu, QString *clash)
{
    QSet<QChar> seen;
    for (const QString &text : texts(menu)) {
        const int at = int(text.indexOf(QLatin1Char('&')));
        if (at < 0 || at + 1 >= text.size())
            continue;
        const QChar key = text.at(at + 1).toLower();
        if (seen.contains(key)) {
            *clash = text;
            return false;
        }
        seen.insert(key);
    }
    return true;
}

} // namespace

class TestTranslationsTray : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { Translation::install(QStringLiteral("en")); }
    void menu_data();
    void menu();
    void announcements_data();
    void announcements();
};

void TestTranslationsTray::menu_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QStringList>("fixed");       // Status window, Settings, Start at login, Quit
    QTest::addColumn<QStringList>("running");     // submenu of a running instance
    QTest::addColumn<QStringList>("stale");       // submenu of a stale one
    QTest::addColumn<QString>("staleTitle");

    QTest::newRow("cs") << QStringLiteral("cs")
                        << QStringList{QStringLiteral("&Okno stavu"),
                                       QString::fromUtf8("Nas&tavení..."),
                                       QString::fromUtf8("Spouštět po při&hlášení"),
                                       QString::fromUtf8("U&končit")}
                        << QStringList{QString::fromUtf8("běží, PID 4242"),
                                       QString::fromUtf8("běží 2 h 5 min"),
                                       QString::fromUtf8("Počítač: testhost"),
                                       QStringLiteral("&Spustit"), QStringLiteral("&Zastavit"),
                                       QString::fromUtf8("&Odstranit zámek"),
                                       QString::fromUtf8("Otevřít &protokol"),
                                       QString::fromUtf8("Kopírovat P&ID")}
                        << QStringList{QString::fromUtf8(
                                               "zastaralý zámek (proces skončil), PID 4343"),
                                       QStringLiteral("&Spustit"), QStringLiteral("&Zastavit"),
                                       QString::fromUtf8("&Odstranit zámek"),
                                       QString::fromUtf8("Odstranit zámek &a spustit"),
                                       QString::fromUtf8("Otevřít &protokol"),
                                       QString::fromUtf8("Kopírovat P&ID")}
                        << QString::fromUtf8("beta - zastaralý zámek");
    QTest::newRow("it") << QStringLiteral("it")
                        << QStringList{QStringLiteral("&Finestra di stato"),
                                       QStringLiteral("Impo&stazioni..."),
                                       QStringLiteral("Avvia all'a&ccesso"),
                                       QStringLiteral("&Esci")}
                        << QStringList{QStringLiteral("in esecuzione, PID 4242"),
                                       QStringLiteral("attivo da 2 h 5 min"),
                                       QStringLiteral("Host: testhost"), QStringLiteral("&Avvia"),
                                       QStringLiteral("Arre&sta"), QStringLiteral("&Rimuovi lockfile"),
                                       QStringLiteral("Apri il &log"),
                                       QStringLiteral("Copia il P&ID")}
                        << QStringList{QString::fromUtf8("lockfile orfano (processo terminato), PID 4343"),
                                       QStringLiteral("&Avvia"), QStringLiteral("Arre&sta"),
                                       QStringLiteral("&Rimuovi lockfile"),
                                       QStringLiteral("Rimuovi lockfile e a&vvia"),
                                       QStringLiteral("Apri il &log"),
                                       QStringLiteral("Copia il P&ID")}
                        << QStringLiteral("beta - lockfile orfano");
}

void TestTranslationsTray::menu()
{
    QFETCH(QString, language);
    QFETCH(QStringList, fixed);
    QFETCH(QStringList, running);
    QFETCH(QStringList, stale);
    QFETCH(QString, staleTitle);
    QVERIFY(!Translation::install(language).name().isEmpty());

    const QList<InstanceStatus> statuses{makeStatus(QStringLiteral("alpha"), State::Running, 4242),
                                         makeStatus(QStringLiteral("beta"), State::Stale, 4343)};
    const QList<InstanceConfig> configs{makeConfig(QStringLiteral("alpha")),
                                        makeConfig(QStringLiteral("beta"))};
    TrayMenu::Source source;
    source.statuses = [&] { return statuses; };
    source.status = [&](const QString &name) {
        return statuses.value(name == QLatin1String("alpha") ? 0 : 1);
    };
    source.instance = [&](const QString &name) {
        return configs.value(name == QLatin1String("alpha") ? 0 : 1);
    };
    // Core's rule, with no action in progress.
    source.refusal = [](Control::Action action, const InstanceConfig &instance,
                        const InstanceStatus &status, bool cleanFirst) {
        return Control::refusal(action, instance, status, cleanFirst, Control::Circumstances());
    };
    source.autostart = [] { return false; };
    TrayMenu menu(source);
    menu.refresh();

    QCOMPARE(menu.statusWindowAction()->text(), fixed.at(0));
    QCOMPARE(menu.settingsAction()->text(), fixed.at(1));
    QCOMPARE(menu.autostartAction()->text(), fixed.at(2));
    QCOMPARE(menu.quitAction()->text(), fixed.at(3));

    QMenu *alpha = menu.instanceMenu(QStringLiteral("alpha"));
    QMenu *beta = menu.instanceMenu(QStringLiteral("beta"));
    QVERIFY(alpha && beta);
    QCOMPARE(texts(alpha), running);
    QCOMPARE(texts(beta), stale);
    QCOMPARE(beta->menuAction()->text(), staleTitle);

    QString clash;
    for (const QMenu *m : {static_cast<const QMenu *>(&menu), static_cast<const QMenu *>(alpha),
                           static_cast<const QMenu *>(beta)})
        QVERIFY2(acceleratorsUnique(m, &clash), qPrintable(clash));
}

void TestTranslationsTray::announcements_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("unexpectedStop");
    QTest::addColumn<QString>("duplicateRunning");
    QTest::newRow("cs") << QStringLiteral("cs")
                        << QString::fromUtf8("Proces 4242 skončil: signál 9 (SIGKILL). LockWatch "
                                             "ho znovu spustí za 0,2 s.")
                        << QString::fromUtf8("Zámek přešel z PID 4242 na PID 4343, ale PID 4242 "
                                             "stále běží: teď běží dvě kopie.");
    QTest::newRow("it") << QStringLiteral("it")
                        << QString::fromUtf8("Il PID 4242 è terminato: segnale 9 (SIGKILL). "
                                             "LockWatch lo riavvia tra 0,2 s.")
                        << QString::fromUtf8("Il lock è passato dal PID 4242 al PID 4343 e il PID "
                                             "4242 è ancora in esecuzione: ora ci sono due copie "
                                             "in esecuzione.");
}

void TestTranslationsTray::announcements()
{
    QFETCH(QString, language);
    QFETCH(QString, unexpectedStop);
    QFETCH(QString, duplicateRunning);
    Translation::install(language);
    qRegisterMetaType<Notifier::Message>();
    Notifier notifier(nullptr);
    QSignalSpy sent(&notifier, &Notifier::sent);
    Announcer announcer(notifier);

    // The supervisor's verdict: signal 9, restarted in 0.2 s.
    announcer.unexpectedStop(QStringLiteral("alpha"), 4242, false, ExitStatus::signal(9), 200);
    notifier.flush();
    QCOMPARE(sent.count(), 1);
    QVERIFY2(sent.last().at(0).value<Notifier::Message>().body.contains(unexpectedStop),
             qPrintable(sent.last().at(0).value<Notifier::Message>().body));

    announcer.duplicateRunning(QStringLiteral("beta"), 4242, 4343);
    notifier.flush();
    QCOMPARE(sent.count(), 2);
    QVERIFY2(sent.last().at(0).value<Notifier::Message>().body.contains(duplicateRunning),
             qPrintable(sent.last().at(0).value<Notifier::Message>().body));
}

QTEST_MAIN(TestTranslationsTray)
#include "tst_translationstray.moc"
