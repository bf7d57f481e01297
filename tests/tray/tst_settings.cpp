// The settings dialog: add, edit and remove instances with validation,
// and the language; saved through Config::save and read back by Config::load.
#include "core/model/config.h"
#include "isolatedtest.h"
#include "tray/instancedialog.h"
#include "tray/settingsdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QTest>

using namespace LockWatch;

class TestSettings : public TestSupport::IsolatedTest
{
    Q_OBJECT

    template<typename T>
    static T *field(QWidget *dialog, const char *name)
    {
        T *widget = dialog->findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("no field %s", name);
        return widget;
    }

    void fill(InstanceDialog &dialog, const QString &name, const QString &lock,
              const QString &program, const QString &arguments, const QString &workDir)
    {
        field<QLineEdit>(&dialog, "name")->setText(name);
        field<QLineEdit>(&dialog, "lockFile")->setText(lock);
        field<QLineEdit>(&dialog, "program")->setText(program);
        field<QPlainTextEdit>(&dialog, "arguments")->setPlainText(arguments);
        field<QLineEdit>(&dialog, "workDir")->setText(workDir);
    }

private slots:
    void validationSaysWhatIsWrong_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("lock");
        QTest::addColumn<QString>("program");
        QTest::addColumn<QString>("arguments");
        QTest::addColumn<QString>("workDir");
        QTest::addColumn<QString>("message");
        const QString lock = QStringLiteral("/run/x.lock");
        QTest::newRow("no name") << QString() << lock << QString() << QString() << QString()
                                 << QStringLiteral("Enter a name");
        QTest::newRow("bad name") << QStringLiteral("a b") << lock << QString() << QString()
                                  << QString() << QStringLiteral("use ASCII letters");
        QTest::newRow("taken name") << QStringLiteral("taken") << lock << QString() << QString()
                                    << QString() << QStringLiteral("already an instance");
        QTest::newRow("no lock") << QStringLiteral("ok") << QString() << QString() << QString()
                                 << QString() << QStringLiteral("Enter the lockfile");
        QTest::newRow("relative lock") << QStringLiteral("ok") << QStringLiteral("x.lock")
                                       << QString() << QString() << QString()
                                       << QStringLiteral("absolute");
        QTest::newRow("missing program") << QStringLiteral("ok") << lock
                                         << QStringLiteral("/nonexistent/prog") << QString()
                                         << QString() << QStringLiteral("does not exist");
        const QString plain = m_dir.path() + QLatin1String("/plain.txt");
        QFile file(plain);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot create %s", qPrintable(plain));
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        QTest::newRow("not executable") << QStringLiteral("ok") << lock << plain << QString()
                                        << QString() << QStringLiteral("not an executable");
        QTest::newRow("arguments without program")
                << QStringLiteral("ok") << lock << QString() << QStringLiteral("-v") << QString()
                << QStringLiteral("need a program");
        QTest::newRow("missing workdir") << QStringLiteral("ok") << lock << QStringLiteral("sleep")
                                         << QString() << QStringLiteral("/nonexistent/dir")
                                         << QStringLiteral("working directory");
        QTest::newRow("fine") << QStringLiteral("ok") << lock << QStringLiteral("sleep")
                              << QStringLiteral("10") << QStringLiteral("/") << QString();
    }

    void validationSaysWhatIsWrong()
    {
        QFETCH(QString, name);
        QFETCH(QString, lock);
        QFETCH(QString, program);
        QFETCH(QString, arguments);
        QFETCH(QString, workDir);
        QFETCH(QString, message);
        InstanceDialog dialog(InstanceConfig(), {QStringLiteral("taken")});
        fill(dialog, name, lock, program, arguments, workDir);
        const QString problem = dialog.validate();
        if (message.isEmpty()) {
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
            dialog.accept();
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        } else {
            QVERIFY2(problem.contains(message), qPrintable(problem + QLatin1String(" / expected: ") + message));
            dialog.accept(); // refused: stays open with the message shown
            QCOMPARE(dialog.result(), int(QDialog::Rejected));
            QCOMPARE(field<QLabel>(&dialog, "error")->text(), problem);
        }
    }

    void roundTripThroughConfig()
    {
        const QString path = m_dir.path() + QLatin1String("/lockwatch/lockwatch.conf");
        Config initial;
        InstanceConfig old;
        old.name = QStringLiteral("old");
        old.lockFile = QStringLiteral("/run/old.lock");
        old.environment = {QStringLiteral("KEY=value")};
        InstanceConfig keep;
        keep.name = QStringLiteral("keep");
        keep.lockFile = QStringLiteral("/run/keep.lock");
        initial.instances = {old, keep};
        QString error;
        QVERIFY2(initial.save(path, &error), qPrintable(error));

        Config loaded;
        QVERIFY2(loaded.load(path, &error), qPrintable(error));
        SettingsDialog settings(loaded, path);
        QCOMPARE(settings.instanceList()->count(), 2);

        // Add one through the instance dialog, arguments one per line (spaces kept).
        InstanceDialog add(InstanceConfig(), {QStringLiteral("old"), QStringLiteral("keep")});
        fill(add, QStringLiteral("worker"), QStringLiteral("/run/worker.lock"),
             QStringLiteral("/bin/sleep"), QStringLiteral("3600\n\nan argument with spaces\n"),
             m_dir.path());
        field<QSpinBox>(&add, "startTimeout")->setValue(30);
        field<QSpinBox>(&add, "stopTimeout")->setValue(7);
        // Restarted when it crashes: the waits are editable only then.
        auto *delay = field<QDoubleSpinBox>(&add, "restartDelay");
        QVERIFY(!delay->isEnabled());
        auto *policy = field<QComboBox>(&add, "restart");
        policy->setCurrentIndex(policy->findData(int(RestartPolicy::OnCrash)));
        QVERIFY(delay->isEnabled());
        delay->setValue(2.5);
        field<QDoubleSpinBox>(&add, "restartMaxDelay")->setValue(1);
        QVERIFY2(add.validate().startsWith(QLatin1String("Restart: ")), qPrintable(add.validate()));
        field<QDoubleSpinBox>(&add, "restartMaxDelay")->setValue(120);
        field<QDoubleSpinBox>(&add, "minUptime")->setValue(45);
        field<QSpinBox>(&add, "maxRestarts")->setValue(3);
        QVERIFY2(add.validate().isEmpty(), qPrintable(add.validate()));
        const QList<QCheckBox *> boxes = add.findChildren<QCheckBox *>();
        QCOMPARE(boxes.size(), 4);
        boxes.at(1)->setChecked(false); // no "running twice" notification
        add.accept();
        QCOMPARE(add.result(), int(QDialog::Accepted));
        settings.addInstance(add.instance());

        // Edit the first: its environment is shown, checked and edited.
        const auto indexOf = [&settings](const QString &name) {
            const QList<InstanceConfig> instances = settings.config().instances;
            for (int i = 0; i < instances.size(); ++i)
                if (instances.at(i).name == name)
                    return i;
            return -1;
        };
        InstanceDialog edit(settings.config().instances.at(indexOf(QStringLiteral("old"))),
                            {QStringLiteral("keep"), QStringLiteral("worker")});
        field<QLineEdit>(&edit, "lockFile")->setText(QStringLiteral("/run/renamed.lock"));
        auto *environment = field<QPlainTextEdit>(&edit, "environment");
        QCOMPARE(environment->toPlainText(), QStringLiteral("KEY=value"));
        environment->setPlainText(QStringLiteral("KEY=value\nnot an entry\n"));
        QVERIFY2(edit.validate().contains(QLatin1String("\"not an entry\" is not an environment entry")),
                 qPrintable(edit.validate()));
        environment->setPlainText(QStringLiteral("KEY=value\n\nTZ=Europe/Rome\n"));
        QVERIFY2(edit.validate().isEmpty(), qPrintable(edit.validate()));
        edit.accept();
        QCOMPARE(edit.result(), int(QDialog::Accepted));
        settings.replaceInstance(indexOf(QStringLiteral("old")), edit.instance());

        settings.removeInstance(indexOf(QStringLiteral("keep")));
        settings.setLanguage(QStringLiteral("cs"));
        QCOMPARE(field<QComboBox>(&settings, "language")->currentData().toString(),
                 QStringLiteral("cs"));
        settings.accept();
        QVERIFY2(settings.lastError().isEmpty(), qPrintable(settings.lastError()));
        QCOMPARE(settings.result(), int(QDialog::Accepted));

        Config saved;
        QVERIFY2(saved.load(path, &error), qPrintable(error));
        QCOMPARE(saved.language, QStringLiteral("cs"));
        QCOMPARE(saved.instances.size(), 2);
        const InstanceConfig *renamed = saved.find(QStringLiteral("old"));
        QVERIFY(renamed);
        QCOMPARE(renamed->lockFile, QStringLiteral("/run/renamed.lock"));
        QCOMPARE(renamed->environment,
                 (QStringList{QStringLiteral("KEY=value"), QStringLiteral("TZ=Europe/Rome")}));
        QVERIFY(!saved.find(QStringLiteral("keep")));
        const InstanceConfig *worker = saved.find(QStringLiteral("worker"));
        QVERIFY(worker);
        QCOMPARE(worker->program, QStringLiteral("/bin/sleep"));
        QCOMPARE(worker->arguments,
                 (QStringList{QStringLiteral("3600"), QStringLiteral("an argument with spaces")}));
        QCOMPARE(worker->workDir, m_dir.path());
        QCOMPARE(worker->startTimeout, 30);
        QCOMPARE(worker->stopTimeout, 7);
        QCOMPARE(worker->notifications, unsigned(NotifyAll & ~NotifyDuplicateRunning));
        QCOMPARE(worker->restart, RestartPolicy::OnCrash);
        QCOMPARE(worker->restartDelayMs, 2500);
        QCOMPARE(worker->restartMaxDelayMs, 120000);
        QCOMPARE(worker->minUptimeMs, 45000);
        QCOMPARE(worker->maxRestarts, 3);
        QCOMPARE(renamed->restart, RestartPolicy::Never);

        // Reopened, the dialog shows what was saved.
        InstanceDialog reopened(*worker, {QStringLiteral("old")});
        QCOMPARE(field<QComboBox>(&reopened, "restart")->currentData().toInt(),
                 int(RestartPolicy::OnCrash));
        QCOMPARE(field<QDoubleSpinBox>(&reopened, "restartDelay")->value(), 2.5);
        QCOMPARE(field<QSpinBox>(&reopened, "maxRestarts")->value(), 3);
        SettingsDialog again(saved, path);
        QCOMPARE(again.instanceList()->count(), 2);
        QCOMPARE(field<QComboBox>(&again, "language")->currentData().toString(),
                 QStringLiteral("cs"));
    }

    void saveFailureIsShown()
    {
        // A directory where the file should be: Config::save must fail, and say so.
        const QString path = m_dir.path() + QLatin1String("/blocked.conf");
        QVERIFY(QDir().mkpath(path + QLatin1String("/x")));
        SettingsDialog settings(Config(), path);
        settings.accept();
        QVERIFY(!settings.lastError().isEmpty());
        QCOMPARE(settings.result(), int(QDialog::Rejected));
        QVERIFY(field<QLabel>(&settings, "error")->text().contains(settings.lastError()));
    }
};

QTEST_MAIN(TestSettings)
#include "tst_settings.moc"
