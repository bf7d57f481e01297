// The status window: a table of every instance that follows real state
// changes live, sortable, with the same actions as the menu. Driven through the
// whole tray (TrayApplication) on a temporary configuration; there is no system
// tray on the offscreen platform, so the window shows itself with its notice.
#include "core/model/config.h"
#include "tray/instanceactions.h"
#include "tray/statusmodel.h"
#include "tray/statuswindow.h"
#include "testsupport.h"
#include "tray/trayapplication.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QLabel>
#include <QProcess>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace LockWatch;

class TestStatusWindow : public QObject
{
    Q_OBJECT

    // The text of one column in the row of `name` (as the user sees it).
    static QString cell(QTableView *table, const QString &name, int column)
    {
        QAbstractItemModel *model = table->model();
        for (int row = 0; row < model->rowCount(); ++row)
            if (model->index(row, StatusModel::NameColumn).data().toString() == name)
                return model->index(row, column).data().toString();
        return QStringLiteral("<no row>");
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        for (const char *variable : {"XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR"}) {
            const QString dir = m_dir.path() + QLatin1Char('/') + QLatin1String(variable);
            QVERIFY(QDir().mkpath(dir));
            QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
            qputenv(variable, QFile::encodeName(dir));
        }
    }

    void rowsFollowRealStateChanges()
    {
        const QString lock = m_dir.path() + QLatin1String("/worker.pid");
        const QString other = m_dir.path() + QLatin1String("/other.pid");
        Config config;
        InstanceConfig worker;
        worker.name = QStringLiteral("worker");
        worker.lockFile = lock;
        worker.program = QStringLiteral("/bin/sleep");
        worker.arguments = {QStringLiteral("300")};
        InstanceConfig idle;
        idle.name = QStringLiteral("another");
        idle.lockFile = other;
        config.instances = {worker, idle};
        const QString path = m_dir.path() + QLatin1String("/lockwatch.conf");
        QString error;
        QVERIFY2(config.save(path, &error), qPrintable(error));

        // A real holder: a sleeping process whose PID is in a pid-format lock.
        QProcess holder;
        const qint64 pid = TestSupport::startSleeper(holder);
        QVERIFY(pid > 0);
        QVERIFY(TestSupport::writeFile(lock, QByteArray::number(pid) + '\n'));

        TrayApplication tray(path, true);
        QVERIFY2(tray.start(&error), qPrintable(error));
        StatusWindow *window = tray.statusWindow();
        QTRY_VERIFY(window->isVisible()); // no tray here: the window stands in
        QVERIFY(window->findChild<QLabel *>(QStringLiteral("noTrayNotice"))->isVisible());
        QTableView *table = window->table();
        QCOMPARE(table->model()->rowCount(), 2);
        QTRY_COMPARE(cell(table, QStringLiteral("worker"), StatusModel::StateColumn),
                     stateText(State::Running));
        QCOMPARE(cell(table, QStringLiteral("worker"), StatusModel::PidColumn), QString::number(pid));
        QCOMPARE(cell(table, QStringLiteral("another"), StatusModel::StateColumn),
                 stateText(State::Stopped));

        // Sorted by name: "another" first; by state, the stopped one is worse... and
        // sorting follows the header.
        QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("another"));
        table->sortByColumn(StatusModel::NameColumn, Qt::DescendingOrder);
        QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("worker"));

        // Actions follow the selected row.
        window->selectInstance(QStringLiteral("worker"));
        QVERIFY(window->action(InstanceAction::Stop)->isEnabled());
        QVERIFY(!window->action(InstanceAction::Start)->isEnabled());

        // The holder dies (SIGKILL: the lock stays behind): the row turns stale.
        holder.kill();
        holder.waitForFinished();
        QTRY_VERIFY_WITH_TIMEOUT(cell(table, QStringLiteral("worker"), StatusModel::StateColumn)
                                         .startsWith(stateText(State::Stale)),
                                 5000);
        QVERIFY(window->action(InstanceAction::Clean)->isEnabled());
        QVERIFY(window->action(InstanceAction::CleanAndStart)->isEnabled());
        QVERIFY(!window->action(InstanceAction::Stop)->isEnabled());

        // The lock goes away: stopped, and Start makes sense again.
        QVERIFY(QFile::remove(lock));
        QTRY_COMPARE_WITH_TIMEOUT(cell(table, QStringLiteral("worker"), StatusModel::StateColumn),
                                  stateText(State::Stopped), 5000);
        QVERIFY(window->action(InstanceAction::Start)->isEnabled());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestStatusWindow)
#include "tst_statuswindow.moc"
