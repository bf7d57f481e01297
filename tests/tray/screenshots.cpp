// Renders the status window with its details pane, the tray menu of an instance
// whose restarts were given up, and the tray icons, in English, Czech and Italian,
// offscreen, for the documentation and for looking at them:
//   screenshots OUTPUT_DIR
// Not a test: a tool run by hand (QT_QPA_PLATFORM=offscreen).
#include "core/control/control.h"
#include "core/i18n/translation.h"
#include "core/ipc/history.h"
#include "core/model/paths.h"
#include "menufixture.h"
#include "testsupport.h"
#include "tray/detailspane.h"
#include "tray/statusicon.h"
#include "tray/statusmodel.h"
#include "tray/statuswindow.h"
#include "tray/traymenu.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QHeaderView>
#include <QPainter>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeWidget>

#include <unistd.h>

using namespace LockWatch;

namespace {

constexpr qint64 Minute = 60 * 1000;

void writeHistory(qint64 now)
{
    const History history;
    QFile::remove(history.path());
    qint64 pid = 41200;
    const auto add = [&](qint64 at, HistoryEvent::Type type, qint64 p,
                         HistoryEvent::By by = HistoryEvent::By::None,
                         ExitStatus exit = ExitStatus(), int attempt = 0, qint64 delay = -1) {
        HistoryEvent e = HistoryEvent::make(type, QStringLiteral("binance"), p, by);
        e.timeMs = at;
        e.exit = exit;
        e.attempt = attempt;
        e.delayMs = delay;
        history.append(e);
    };
    add(now - 23 * 60 * Minute, HistoryEvent::Type::Started, pid, HistoryEvent::By::Tray);
    add(now - 23 * 60 * Minute + 300, HistoryEvent::Type::LockTaken, pid);
    add(now - 15 * 60 * Minute, HistoryEvent::Type::StopRequested, pid, HistoryEvent::By::Cli);
    add(now - 15 * 60 * Minute + 200, HistoryEvent::Type::Exited, pid, {}, ExitStatus::code(0));
    add(now - 15 * 60 * Minute + 200, HistoryEvent::Type::Stopped, pid);
    add(now - 13 * 60 * Minute, HistoryEvent::Type::Started, ++pid, HistoryEvent::By::Cli);
    add(now - 13 * 60 * Minute + 250, HistoryEvent::Type::LockTaken, pid);
    add(now - 9 * 60 * Minute, HistoryEvent::Type::DuplicateRunning, pid + 7);
    add(now - 8 * 60 * Minute, HistoryEvent::Type::Exited, pid + 7, {}, ExitStatus::signal(15));
    add(now - 3 * 60 * Minute, HistoryEvent::Type::Exited, pid, {}, ExitStatus::signal(9));
    add(now - 3 * 60 * Minute, HistoryEvent::Type::Crashed, pid, {}, ExitStatus::signal(9));
    add(now - 3 * 60 * Minute, HistoryEvent::Type::RestartScheduled, 0, {}, {}, 1, 1000);
    add(now - 3 * 60 * Minute + 1000, HistoryEvent::Type::Cleaned, pid, HistoryEvent::By::Agent);
    add(now - 3 * 60 * Minute + 1010, HistoryEvent::Type::Started, ++pid,
        HistoryEvent::By::Restart);
    add(now - 3 * 60 * Minute + 1300, HistoryEvent::Type::LockTaken, pid);
    add(now - 2 * Minute, HistoryEvent::Type::Exited, pid, {}, ExitStatus::code(1));
    add(now - 2 * Minute, HistoryEvent::Type::Crashed, pid, {}, ExitStatus::code(1));
    add(now - 2 * Minute, HistoryEvent::Type::RestartScheduled, 0, {}, {}, 1, 1000);
    add(now - 2 * Minute + 1010, HistoryEvent::Type::Started, ++pid, HistoryEvent::By::Restart);
    add(now - 2 * Minute + 1300, HistoryEvent::Type::LockTaken, pid);
}

void writeLog()
{
    const QString log = Paths::logFile(QStringLiteral("binance"));
    Paths::makeDirectoryFor(log);
    QByteArray text;
    const char *lines[]
            = { "2026-11-30 03:10:02 INFO  fetching portfolio",
                "2026-11-30 03:10:03 INFO  BTC 0.4210  ETH 3.100  total 41 812.55 USD",
                "2026-11-30 03:11:02 WARN  rate limit: retry in 2 s",
                "2026-11-30 03:11:04 INFO  fetching portfolio",
                "2026-11-30 03:11:05 ERROR connection reset by peer",
                "Traceback (most recent call last):",
                "  File \"monitor.py\", line 88, in fetch",
                "ConnectionResetError: [Errno 104] Connection reset by peer",
                "2026-11-30 03:11:06 INFO  starting (pid 41203)",
                "2026-11-30 03:11:07 INFO  fetching portfolio",
                "2026-11-30 03:11:08 INFO  BTC 0.4210  ETH 3.100  total 41 790.10 USD" };
    for (const char *line : lines)
        text += QByteArray(line) + '\n';
    TestSupport::writeFile(log, text);
}

InstanceStatus status(const QString &name, State state, qint64 pid, qint64 sinceMs, int restarts)
{
    InstanceStatus s;
    s.name = name;
    s.lockfile = name == QLatin1String("binance")
            ? QStringLiteral("/tmp/.binance_monitor.lock")
            : QStringLiteral("/home/me/%1/.%1.lock").arg(name);
    s.format = Format::Json;
    s.state = state;
    s.pid = pid;
    s.hasSince = sinceMs > 0;
    s.sinceMs = sinceMs;
    s.host = pid > 0 ? QStringLiteral("ip-172-31-47-56") : QString();
    s.restarts = restarts;
    s.holderId.startKnown = s.holderId.uidKnown = pid > 0;
    s.holderId.uid = ::getuid();
    if (state == State::Failed)
        s.reason = Reason::RestartLimit;
    return s;
}

void shoot(const QString &language, const QString &out)
{
    Translation::install(language);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    writeHistory(now);
    writeLog();
    InstanceStatus backoff = status(QStringLiteral("backup"), State::Backoff, 0, 0, 1);
    backoff.restartAtMs = now + 3200;
    const QList<InstanceStatus> statuses {
        status(QStringLiteral("binance"), State::Running, 41203, now - 2 * Minute + 1300, 2),
        status(QStringLiteral("scheduler"), State::Failed, 0, 0, 5), backoff
    };
    // Supervised Python programs, and core's rules as for a process that is not busy.
    TestSupport::MenuFixture fixture;
    fixture.statuses = statuses;
    for (const InstanceStatus &s : statuses) {
        InstanceConfig config;
        config.name = s.name;
        config.program = QStringLiteral("/usr/bin/python3");
        config.restart = RestartPolicy::OnCrash;
        fixture.configs << config;
    }
    const TrayMenu::Source source = fixture.source();
    StatusModel model;
    model.setStatuses(statuses);
    StatusWindow window(&model, { source.instance, source.refusal });
    window.resize(980, 680);
    window.selectInstance(QStringLiteral("binance"));
    window.show();
    window.table()->horizontalHeader()->resizeSection(StatusModel::StateColumn, 300);
    QApplication::processEvents();
    window.grab().save(out + QStringLiteral("/details-%1.png").arg(language));

    TrayMenu menu(source);
    menu.refresh();
    QMenu *failed = menu.instanceMenu(QStringLiteral("scheduler"));
    menu.popup(QPoint(0, 0));
    failed->popup(QPoint(menu.sizeHint().width(), 0));
    QApplication::processEvents();
    const QPixmap left = menu.grab();
    const QPixmap right = failed->grab();
    QPixmap both(left.width() + right.width() + 64 + 8, qMax(left.height(), right.height()));
    both.fill(Qt::white);
    QPainter painter(&both);
    painter.drawPixmap(0, 0, left);
    painter.drawPixmap(left.width(), 0, right);
    painter.drawPixmap(left.width() + right.width() + 4, 4,
                       StatusIcon::icon(StatusIcon::summarize(statuses), 1.0).pixmap(64, 64));
    painter.end();
    both.save(out + QStringLiteral("/failed-menu-%1.png").arg(language));
    menu.hide();
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QString out = QDir(app.arguments().value(1, QStringLiteral("."))).absolutePath();
    QTemporaryDir dir;
    TestSupport::isolateXdgDirectories(dir.path());
    for (const QString &language :
         { QStringLiteral("en"), QStringLiteral("cs"), QStringLiteral("it") })
        shoot(language, out);
    return 0;
}
