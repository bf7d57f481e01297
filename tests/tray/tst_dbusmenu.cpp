// The tray menu as DBusMenu exports it (what a StatusNotifierItem host reads): the
// whole tree current before anyone opens it, only what changed announced on a state
// change, a new layout when instances come or go, a submenu refreshed on
// AboutToShow, and "clicked" running the action. Called directly, without a bus;
// the tests with real hosts (test_sni_*.sh) go over D-Bus.
#include "tray/dbusmenuexporter.h"
#include "tray/traymenu.h"

#include "isolatedtest.h"
#include "menufixture.h"
#include "testsupport.h"

#include <QAction>
#include <QSignalSpy>
#include <QTest>

using namespace LockWatch;
using namespace TestSupport;

namespace {

// label -> (id, properties), depth first.
void collect(const DBusMenuLayoutItem &item, QHash<QString, DBusMenuLayoutItem> &byLabel)
{
    const QString label = item.properties.value(QStringLiteral("label")).toString();
    if (!label.isEmpty() && !byLabel.contains(label))
        byLabel.insert(label, item);
    for (const DBusMenuLayoutItem &child : item.children)
        collect(child, byLabel);
}

QHash<QString, DBusMenuLayoutItem> layout(DBusMenuExporter &exporter, int parent = 0)
{
    DBusMenuLayoutItem root;
    exporter.GetLayout(parent, -1, {}, root);
    QHash<QString, DBusMenuLayoutItem> byLabel;
    collect(root, byLabel);
    return byLabel;
}

bool enabled(const DBusMenuLayoutItem &item)
{
    return item.properties.value(QStringLiteral("enabled")).toBool();
}

} // namespace

class TestDBusMenu : public IsolatedTest
{
    Q_OBJECT

private slots:
    void currentBeforeAnyoneOpensIt()
    {
        MenuFixture fixture;
        fixture.statuses = { makeStatus(QStringLiteral("alpha"), State::Running, 4242),
                             makeStatus(QStringLiteral("beta"), State::Stopped) };
        TrayMenu &menu = fixture.menu(); // refreshed as the tray does at start; nobody opens it
        DBusMenuExporter exporter(&menu);
        const auto items = layout(exporter);
        QVERIFY(items.contains(QStringLiteral("alpha - running")));
        QVERIFY(items.contains(QStringLiteral("beta - stopped")));
        QCOMPARE(items.value(QStringLiteral("alpha - running"))
                         .properties.value(QStringLiteral("children-display")),
                 QVariant(QStringLiteral("submenu")));
        QVERIFY(!items.value(QStringLiteral("No instances configured"))
                         .properties.value(QStringLiteral("visible"))
                         .toBool());
        // Mnemonics the DBusMenu way; the submenu's items with the state's enablement.
        const int alpha = items.value(QStringLiteral("alpha - running")).id;
        const auto sub = layout(exporter, alpha);
        QVERIFY2(sub.contains(QStringLiteral("running, PID 4242")),
                 qPrintable(sub.keys().join(QLatin1Char(','))));
        QVERIFY(enabled(sub.value(QStringLiteral("S_top"))));
        QVERIFY(!enabled(sub.value(QStringLiteral("_Start"))));
        QVERIFY(items.contains(QStringLiteral("_Quit")));
        // The state's icon goes along as a PNG.
        QVERIFY(items.value(QStringLiteral("alpha - running"))
                        .properties.value(QStringLiteral("icon-data"))
                        .toByteArray()
                        .startsWith("\x89PNG"));
    }

    void aStateChangeAnnouncesOnlyWhatChanged()
    {
        MenuFixture fixture;
        fixture.statuses = { makeStatus(QStringLiteral("alpha"), State::Running, 4242),
                             makeStatus(QStringLiteral("beta"), State::Stopped) };
        TrayMenu &menu = fixture.menu();
        DBusMenuExporter exporter(&menu);
        const auto before = layout(exporter);
        QSignalSpy properties(&exporter, &DBusMenuExporter::ItemsPropertiesUpdated);
        QSignalSpy layouts(&exporter, &DBusMenuExporter::LayoutUpdated);

        fixture.statuses[0] = makeStatus(QStringLiteral("alpha"), State::Stale, 4242);
        menu.instanceChanged(QStringLiteral("alpha"));
        exporter.flush();
        QCOMPARE(layouts.count(), 0);
        QCOMPARE(properties.count(), 1);
        const auto updated = properties.at(0).at(0).value<QList<DBusMenuItemProperties>>();
        QHash<int, QVariantMap> byId;
        for (const DBusMenuItemProperties &item : updated)
            byId.insert(item.id, item.properties);
        const int alpha = before.value(QStringLiteral("alpha - running")).id;
        QCOMPARE(byId.value(alpha).value(QStringLiteral("label")).toString(),
                 QStringLiteral("alpha - stale"));
        const auto sub = layout(exporter, alpha);
        QVERIFY(byId.contains(sub.value(QStringLiteral("S_top")).id));
        QVERIFY(!byId.value(sub.value(QStringLiteral("S_top")).id)
                         .value(QStringLiteral("enabled"))
                         .toBool());
        QVERIFY(byId.value(sub.value(QStringLiteral("_Clean up")).id)
                        .value(QStringLiteral("enabled"))
                        .toBool());
        // Nothing of beta's, nothing of the fixed entries.
        for (const QString &unchanged :
             { QStringLiteral("beta - stopped"), QStringLiteral("_Quit"),
               QStringLiteral("Status _window"), QStringLiteral("_Start") })
            QVERIFY2(!byId.contains(before.value(unchanged).id), qPrintable(unchanged));
        QVERIFY(!byId.contains(sub.value(QStringLiteral("Copy _PID")).id));

        // The same state again: nothing to announce.
        menu.instanceChanged(QStringLiteral("alpha"));
        exporter.flush();
        QCOMPARE(properties.count(), 1);
    }

    void instancesComingAndGoingChangeTheLayout()
    {
        MenuFixture fixture;
        fixture.statuses = { makeStatus(QStringLiteral("alpha"), State::Running, 4242) };
        TrayMenu &menu = fixture.menu();
        DBusMenuExporter exporter(&menu);
        DBusMenuLayoutItem root;
        const uint revision = exporter.GetLayout(0, -1, {}, root);
        QSignalSpy layouts(&exporter, &DBusMenuExporter::LayoutUpdated);
        fixture.statuses << makeStatus(QStringLiteral("gamma"), State::Stopped);
        menu.refresh();
        exporter.flush();
        QCOMPARE(layouts.count(), 1);
        QVERIFY(layouts.at(0).at(0).toUInt() > revision);
        QCOMPARE(layouts.at(0).at(1).toInt(), 0);
        QVERIFY(layout(exporter).contains(QStringLiteral("gamma - stopped")));
        QCOMPARE(exporter.GetLayout(0, -1, {}, root), layouts.at(0).at(0).toUInt());
    }

    void aboutToShowRefreshesTheSubmenu()
    {
        MenuFixture fixture;
        fixture.statuses = { makeStatus(QStringLiteral("logged"), State::Running, 77) };
        TrayMenu &menu = fixture.menu();
        DBusMenuExporter exporter(&menu);
        const int logged = layout(exporter).value(QStringLiteral("logged - running")).id;
        QVERIFY(!enabled(layout(exporter, logged).value(QStringLiteral("Open _log"))));
        QVERIFY(!exporter.AboutToShow(logged)); // nothing new
        // A log appears (no state change): the submenu shows it when it opens.
        QVERIFY(createLog(QStringLiteral("logged")));
        QSignalSpy properties(&exporter, &DBusMenuExporter::ItemsPropertiesUpdated);
        QVERIFY(exporter.AboutToShow(logged));
        QCOMPARE(properties.count(), 1); // sent before the answer
        QVERIFY(enabled(layout(exporter, logged).value(QStringLiteral("Open _log"))));
    }

    void clickedRunsTheActionWhenItIsEnabled()
    {
        MenuFixture fixture;
        fixture.statuses = { makeStatus(QStringLiteral("alpha"), State::Stale, 5) };
        TrayMenu &menu = fixture.menu();
        DBusMenuExporter exporter(&menu);
        QSignalSpy requested(&menu, &TrayMenu::actionRequested);
        const int alpha = layout(exporter).value(QStringLiteral("alpha - stale")).id;
        const auto sub = layout(exporter, alpha);
        exporter.Event(sub.value(QStringLiteral("S_top")).id, QStringLiteral("clicked"),
                       QDBusVariant(0), 0);
        exporter.Event(sub.value(QStringLiteral("_Clean up")).id, QStringLiteral("clicked"),
                       QDBusVariant(0), 0);
        QTRY_COMPARE(requested.count(), 1);
        QTest::qWait(50);
        QCOMPARE(requested.count(), 1); // Stop was greyed out: nothing
        QCOMPARE(requested.at(0).at(1).value<InstanceAction>(), InstanceAction::Clean);
        QSignalSpy quit(&menu, &TrayMenu::quitRequested);
        exporter.Event(layout(exporter).value(QStringLiteral("_Quit")).id,
                       QStringLiteral("clicked"), QDBusVariant(0), 0);
        QTRY_COMPARE(quit.count(), 1);
    }
};

QTEST_MAIN(TestDBusMenu)
#include "tst_dbusmenu.moc"
