// The tray offers exactly what core would do: for every state, every owner of the
// holder (ours, another user's, unknown, root's), asked as a user and as root, with
// and without an action in progress, the tray menu and the status window enable an
// action exactly when Control::refusal accepts it. Then with real processes: what
// the menu offers is what Control then does.
#include "core/control/control.h"
#include "core/lockfile/classifier.h"
#include "isolatedtest.h"
#include "menufixture.h"
#include "testsupport.h"
#include "tray/instanceactions.h"
#include "tray/statusmodel.h"
#include "tray/statuswindow.h"
#include "tray/traymenu.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QSignalSpy>
#include <QTest>

#include <unistd.h>

using namespace LockWatch;
using namespace TestSupport;

namespace {

const QList<State> AllStates = { State::Stopped,  State::Running, State::Stale,  State::Starting,
                                 State::Stopping, State::Remote,  State::Invalid };
enum class Owner { Own, Other, Unknown, Root };
const QList<Owner> AllOwners = { Owner::Own, Owner::Other, Owner::Unknown, Owner::Root };
enum class Activity { Idle, Busy, Stopping, KillSent };
const QList<Activity> AllActivities
        = { Activity::Idle, Activity::Busy, Activity::Stopping, Activity::KillSent };
constexpr uint UserUid = 1000;
constexpr uint OtherUid = 4321;

const char *ownerName(Owner owner)
{
    switch (owner) {
    case Owner::Own: return "own";
    case Owner::Other: return "other user";
    case Owner::Unknown: return "unknown owner";
    case Owner::Root: return "root";
    }
    return "";
}

InstanceStatus makeStatus(State state, Owner owner, uint selfUid, bool fileExists)
{
    InstanceStatus status;
    status.name = QStringLiteral("worker");
    status.lockfile = QStringLiteral("/run/test/worker.lock");
    status.state = state;
    status.fileExists = fileExists || state != State::Stopped;
    if (state == State::Stale)
        status.reason = Reason::Dead;
    if (state == State::Invalid)
        status.reason = Reason::Malformed;
    if (state == State::Remote)
        status.host = QStringLiteral("elsewhere");
    if (state != State::Stopped && state != State::Invalid) {
        status.pid = 4242;
        status.holderId.startKnown = true;
        status.holderId.uidKnown = owner != Owner::Unknown;
        status.holderId.uid = owner == Owner::Own ? selfUid : owner == Owner::Other ? OtherUid : 0;
    }
    return status;
}

Control::Circumstances circumstances(uint selfUid, Activity activity)
{
    Control::Circumstances now;
    now.selfPid = ::getpid();
    now.selfUid = selfUid;
    now.busy = activity != Activity::Idle;
    now.stopping = activity == Activity::Stopping || activity == Activity::KillSent;
    now.killSent = activity == Activity::KillSent;
    return now;
}

// What core accepts, per tray action that core carries out.
bool coreAccepts(InstanceAction action, const InstanceConfig &config, const InstanceStatus &status,
                 const Control::Circumstances &now)
{
    const auto accepts = [&](Control::Action a, bool cleanFirst = false) {
        return Control::refusal(a, config, status, cleanFirst, now).isEmpty();
    };
    switch (action) {
    case InstanceAction::Start: return accepts(Control::Action::Start);
    case InstanceAction::Stop: return accepts(Control::Action::Stop);
    case InstanceAction::Kill: return accepts(Control::Action::Kill);
    case InstanceAction::Clean: return accepts(Control::Action::Clean);
    case InstanceAction::CleanAndStart:
        return accepts(Control::Action::Clean) && accepts(Control::Action::Start, true);
    default: return false;
    }
}

const QList<InstanceAction> CoreActions
        = { InstanceAction::Start, InstanceAction::Stop, InstanceAction::Kill,
            InstanceAction::Clean, InstanceAction::CleanAndStart };

} // namespace

class TestInstanceActions : public IsolatedTest
{
    Q_OBJECT

private slots:
    void menuAndWindowOfferWhatCoreAccepts()
    {
        // One menu and one window, fed by what the loop below sets.
        InstanceStatus status;
        InstanceConfig config;
        Control::Circumstances now;
        // One source of core's answers for both, as the tray gives them.
        InstanceActions::Source core;
        core.instance = [&](const QString &) { return config; };
        core.refusal = [&](Control::Action action, const InstanceConfig &instance,
                           const InstanceStatus &current, bool cleanFirst) {
            return Control::refusal(action, instance, current, cleanFirst, now);
        };
        TrayMenu menu({ core,
                        [&] { return QList<InstanceStatus> { status }; },
                        [&](const QString &) { return status; },
                        {} });
        StatusModel model;
        StatusWindow window(&model, core);

        int combinations = 0;
        int offeredSomewhere = 0;
        for (const uint selfUid : { UserUid, 0u })
            for (const State state : AllStates)
                for (const Owner owner : AllOwners)
                    for (const Activity activity : AllActivities)
                        for (const bool program : { true, false })
                            for (const bool fileExists : { true, false }) {
                                config = InstanceConfig();
                                config.name = QStringLiteral("worker");
                                config.lockFile = QStringLiteral("/run/test/worker.lock");
                                if (program)
                                    config.program = QStringLiteral("/bin/sleep");
                                status = makeStatus(state, owner, selfUid, fileExists);
                                now = circumstances(selfUid, activity);
                                menu.refresh();
                                model.setStatuses({ status });
                                window.selectInstance(config.name);
                                window.updateActions();
                                QMenu *sub = menu.instanceMenu(config.name);
                                QVERIFY(sub);
                                for (const InstanceAction action : CoreActions) {
                                    const bool core = coreAccepts(action, config, status, now);
                                    const QString where
                                            = QStringLiteral("action %1, state %2, holder %3, "
                                                             "asked by uid %4, "
                                                             "activity %5, program %6")
                                                      .arg(int(action))
                                                      .arg(stateId(state),
                                                           QLatin1String(ownerName(owner)))
                                                      .arg(selfUid)
                                                      .arg(int(activity))
                                                      .arg(program);
                                    QVERIFY2(offered(actionIn(sub, action)) == core,
                                             qPrintable(QLatin1String("menu: ") + where));
                                    QVERIFY2(window.action(action)->isEnabled() == core,
                                             qPrintable(QLatin1String("window: ") + where));
                                    offeredSomewhere += core;
                                }
                                ++combinations;
                            }
        QCOMPARE(combinations, 2 * 7 * 4 * 4 * 2 * 2);
        QVERIFY(offeredSomewhere > 0);
    }

    // The rule itself at the points where the tray and core used to disagree.
    void whoseProcessMayBeStopped_data()
    {
        QTest::addColumn<uint>("selfUid");
        QTest::addColumn<int>("owner");
        QTest::addColumn<bool>("stop");
        QTest::newRow("own, as a user") << UserUid << int(Owner::Own) << true;
        QTest::newRow("another user's, as a user") << UserUid << int(Owner::Other) << false;
        QTest::newRow("unknown owner, as a user") << UserUid << int(Owner::Unknown) << false;
        QTest::newRow("root's, as a user") << UserUid << int(Owner::Root) << false;
        QTest::newRow("another user's, as root") << 0u << int(Owner::Other) << true;
        QTest::newRow("unknown owner, as root") << 0u << int(Owner::Unknown) << false;
        QTest::newRow("root's, as root") << 0u << int(Owner::Root) << true;
    }

    void whoseProcessMayBeStopped()
    {
        QFETCH(uint, selfUid);
        QFETCH(int, owner);
        QFETCH(bool, stop);
        InstanceConfig config;
        config.name = QStringLiteral("worker");
        const InstanceStatus status = makeStatus(State::Running, Owner(owner), selfUid, true);
        const Control::Circumstances now = circumstances(selfUid, Activity::Idle);
        QCOMPARE(coreAccepts(InstanceAction::Stop, config, status, now), stop);
        // Kill now only hurries a stop that this Control began.
        QVERIFY(!coreAccepts(InstanceAction::Kill, config, status, now));
    }

    // Real processes: the menu, asking a real Control, offers Stop for a process
    // that Control then stops, and not for one it then refuses (with the reason
    // that refusal() gave).
    void realProcessesGetWhatTheMenuOffered()
    {
        ScopedProcess own;
        QVERIFY(startSleeper(own) > 0);
        ScopedProcess foreign;
        if (::getuid() == 0) {
            // As root another user's process may be stopped.
            foreign.start(QStringLiteral("setpriv"),
                          { QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                            QStringLiteral("--clear-groups"), QStringLiteral("sleep"),
                            QStringLiteral("300") });
            QVERIFY(foreign.waitForStarted(5000));
        }
        struct Case
        {
            QString name;
            qint64 pid;
            bool offered;
        };
        QList<Case> cases { { QStringLiteral("own"), own.processId(), true } };
        if (::getuid() == 0) {
            cases.append({ QStringLiteral("nobody"), foreign.processId(), true });
        } else {
            // As a user a root process is refused: PID 1's children are root's here.
            const qint64 rootPid = firstRootProcess();
            QVERIFY(rootPid > 1);
            cases.append({ QStringLiteral("root"), rootPid, false });
        }

        Control control;
        control.setJournalEnabled(false);
        control.setTrayNotification(false);
        Classifier classifier;
        const ProcessProbe *processes = &classifier.processes();
        for (const Case &c : qAsConst(cases)) {
            InstanceConfig config;
            config.name = c.name;
            config.lockFile = m_dir.filePath(c.name + QLatin1String(".pid"));
            config.stopTimeout = 30;
            // The process started before its lock was written: it is the holder.
            QTRY_VERIFY_WITH_TIMEOUT(processes->info(c.pid).uidKnown, 10000);
            QVERIFY(writeFile(config.lockFile, QByteArray::number(c.pid) + '\n'));
            classifier.refresh();
            const InstanceStatus status = classifier.classify(config.lockFile, config.name);
            QCOMPARE(status.state, State::Running);

            TrayMenu::Source source;
            source.statuses = [&] { return QList<InstanceStatus> { status }; };
            source.status = [&](const QString &) { return status; };
            source.instance = [&](const QString &) { return config; };
            source.refusal = [&](Control::Action action, const InstanceConfig &instance,
                                 const InstanceStatus &current, bool cleanFirst) {
                return control.refusal(action, instance, current, cleanFirst);
            };
            TrayMenu menu(source);
            menu.refresh();
            QAction *stop = actionIn(menu.instanceMenu(c.name), InstanceAction::Stop);
            QCOMPARE(offered(stop), c.offered);
            const QString refusal = control.refusal(Control::Action::Stop, config, status);

            QSignalSpy finished(&control, &Control::finished);
            control.stop(config);
            QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
            QCOMPARE(finished.at(0).at(2).toBool(), c.offered);
            if (c.offered) {
                QVERIFY(!processes->info(c.pid).exists || processes->info(c.pid).zombie);
            } else {
                QCOMPARE(finished.at(0).at(3).toString(), refusal);
                QVERIFY(processes->info(c.pid).exists);
            }
        }
    }

private:
    static qint64 firstRootProcess()
    {
        const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
        const auto processes = ProcessProbe::create();
        for (const QString &entry : entries) {
            bool ok = false;
            const qint64 pid = entry.toLongLong(&ok);
            if (!ok || pid <= 1)
                continue;
            const ProcessInfo info = processes->info(pid);
            if (info.exists && !info.zombie && info.uidKnown && info.uid == 0 && info.startKnown)
                return pid;
        }
        return 0;
    }
};

QTEST_MAIN(TestInstanceActions)
#include "tst_instanceactions.moc"
