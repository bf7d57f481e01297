// InstanceCheck: one set of rules for an instance's settings. Each rule refuses
// what it should and nothing else; a configuration file breaking a rule is refused
// by Config::load for the same reason; the checks against this system find
// programs as Start will (the instance's own PATH, relative paths against its
// working directory), with real files in a temporary directory.
#include "core/model/config.h"
#include "core/model/instancecheck.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace LockWatch;
using namespace TestSupport;

using Field = InstanceCheck::Field;
Q_DECLARE_METATYPE(InstanceCheck::Field)

namespace {

InstanceConfig valid()
{
    return lockInstance(QStringLiteral("worker"), QStringLiteral("/run/worker.lock"));
}

} // namespace

class TestInstanceCheck : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // An executable script at `path`.
    static bool makeProgram(const QString &path, bool executable = true)
    {
        if (!writeFile(path, "#!/bin/sh\nexit 0\n"))
            return false;
        return QFile::setPermissions(path,
                                     executable ? QFile::ReadOwner | QFile::WriteOwner
                                                     | QFile::ExeOwner
                                                : QFile::ReadOwner | QFile::WriteOwner);
    }

    // `content` written to NAME in the test's directory, private to the user as a
    // configuration must be; its path (empty when it could not be written).
    QString configFile(const QString &name, const QByteArray &content) const
    {
        const QString path = m_dir.filePath(name);
        const bool written = writeFile(path, content)
                && QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        return written ? path : QString();
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void settingsRules_data()
    {
        QTest::addColumn<QString>("key"); // as in the configuration file
        QTest::addColumn<QString>("value");
        QTest::addColumn<Field>("field"); // Field::None: accepted
        QTest::newRow("valid") << QString() << QString() << Field::None;
        QTest::newRow("relative lockfile") << "lockfile"
                                           << "run/x.lock" << Field::LockFile;
        QTest::newRow("stop 0") << "stop-timeout"
                                << "0" << Field::None;
        QTest::newRow("stop at the limit")
                << "stop-timeout" << QString::number(InstanceConfig::MaxTimeout) << Field::None;
        QTest::newRow("stop past the limit")
                << "stop-timeout" << QString::number(InstanceConfig::MaxTimeout + 1)
                << Field::StopTimeout;
        QTest::newRow("stop negative") << "stop-timeout"
                                       << "-1" << Field::StopTimeout;
        QTest::newRow("stop not a number") << "stop-timeout"
                                           << "soon" << Field::StopTimeout;
        QTest::newRow("start 0") << "start-timeout"
                                 << "0" << Field::StartTimeout;
        QTest::newRow("start 1") << "start-timeout"
                                 << "1" << Field::None;
        QTest::newRow("environment") << "environment"
                                     << "NOEQUALS" << Field::Environment;
        QTest::newRow("environment, empty key") << "environment"
                                                << "=x" << Field::Environment;
        QTest::newRow("environment fine") << "environment"
                                          << "A=b" << Field::None;
        QTest::newRow("arguments without program") << "arguments"
                                                   << "-v" << Field::Arguments;
    }

    void settingsRules()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(Field, field);
        // The rule, applied to settings...
        InstanceConfig instance = valid();
        if (key == QLatin1String("lockfile"))
            instance.lockFile = value;
        bool ok = true;
        if (key == QLatin1String("stop-timeout"))
            instance.stopTimeout = value.toInt(&ok);
        if (key == QLatin1String("start-timeout"))
            instance.startTimeout = value.toInt(&ok);
        if (!ok)
            instance.stopTimeout = -1; // what a parser makes of a non-number
        if (key == QLatin1String("environment"))
            instance.environment = QStringList { value };
        if (key == QLatin1String("arguments"))
            instance.arguments = QStringList { value };
        const InstanceCheck::Problem problem = InstanceCheck::settings(instance);
        QCOMPARE(problem.field, field);
        QCOMPARE(problem.text.isEmpty(), field == Field::None);

        // ...and to the same setting in a real configuration file.
        QByteArray content = "[worker]\n";
        if (key != QLatin1String("lockfile"))
            content += "lockfile=/run/worker.lock\n";
        if (!key.isEmpty())
            content += key.toUtf8() + '=' + value.toUtf8() + '\n';
        const QString path = configFile(QStringLiteral("check.conf"), content);
        QVERIFY(!path.isEmpty());
        Config config;
        QString error;
        QCOMPARE(config.load(path, &error), field == Field::None);
        if (field != Field::None) {
            QVERIFY2(error.contains(problem.text), qPrintable(error));
            QVERIFY2(error.contains(path), qPrintable(error));
        }
    }

    // The restart keys: refused in the file with the rule's reason, and the rule on
    // the settings themselves (the dialog and `add` apply it to what was entered).
    void restartRules_data()
    {
        QTest::addColumn<QByteArray>("lines"); // besides lockfile= and program=
        QTest::addColumn<bool>("accepted");
        QTest::newRow("all keys") << QByteArray("restart=on-crash\nrestart-delay=0.5\n"
                                                "restart-max-delay=30\nmin-uptime=10\n"
                                                "max-restarts=3\n")
                                  << true;
        QTest::newRow("always") << QByteArray("restart=always\n") << true;
        QTest::newRow("never, no program needed") << QByteArray("restart=never\n") << true;
        QTest::newRow("unknown policy") << QByteArray("restart=sometimes\n") << false;
        QTest::newRow("negative delay") << QByteArray("restart=on-crash\nrestart-delay=-1\n")
                                        << false;
        QTest::newRow("delay not a number")
                << QByteArray("restart=on-crash\nrestart-delay=soon\n") << false;
        QTest::newRow("delay past the limit")
                << QByteArray("restart=on-crash\nrestart-delay=")
                        + QByteArray::number(InstanceConfig::MaxTimeout + 1) + '\n'
                << false;
        QTest::newRow("longest shorter than first")
                << QByteArray("restart=on-crash\nrestart-delay=10\nrestart-max-delay=5\n")
                << false;
        QTest::newRow("uptime negative") << QByteArray("restart=on-crash\nmin-uptime=-3\n")
                                         << false;
        QTest::newRow("max-restarts 0") << QByteArray("restart=on-crash\nmax-restarts=0\n")
                                        << true;
        QTest::newRow("max-restarts fraction")
                << QByteArray("restart=on-crash\nmax-restarts=1.5\n") << false;
        QTest::newRow("max-restarts past the limit")
                << QByteArray("restart=on-crash\nmax-restarts=")
                        + QByteArray::number(InstanceConfig::MaxRestartsLimit + 1) + '\n'
                << false;
        QTest::newRow("restart without program") << QByteArray("restart=always\nprogram=\n")
                                                 << false;
    }

    void restartRules()
    {
        QFETCH(QByteArray, lines);
        QFETCH(bool, accepted);
        // An explicit "program=" in `lines` comes after, and wins.
        const QString path
                = configFile(QStringLiteral("restart.conf"),
                             "[worker]\nlockfile=/run/worker.lock\nprogram=/bin/true\n" + lines);
        QVERIFY(!path.isEmpty());
        Config config;
        QString error;
        QCOMPARE(config.load(path, &error), accepted);
        if (accepted) {
            QCOMPARE(InstanceCheck::settings(config.instances.value(0)).field, Field::None);
            return;
        }
        QVERIFY2(error.contains(path) && error.contains(QLatin1String("worker")),
                 qPrintable(error));
    }

    // A delay out of range is told by its key, as a timeout is.
    void restartDelayErrorNamesItsKey_data()
    {
        QTest::addColumn<QString>("key");
        QTest::newRow("restart-delay") << QStringLiteral("restart-delay");
        QTest::newRow("restart-max-delay") << QStringLiteral("restart-max-delay");
        QTest::newRow("min-uptime") << QStringLiteral("min-uptime");
    }

    void restartDelayErrorNamesItsKey()
    {
        QFETCH(QString, key);
        const QString path = configFile(QStringLiteral("delay.conf"),
                                        "[worker]\nlockfile=/run/worker.lock\nprogram=/bin/true\n"
                                        "restart=on-crash\n"
                                                + key.toLatin1() + "=soon\n");
        QVERIFY(!path.isEmpty());
        Config config;
        QString error;
        QVERIFY(!config.load(path, &error));
        QVERIFY2(error.contains(QLatin1Char('"') + key + QLatin1Char('"')), qPrintable(error));
    }

    void restartSettingsRules()
    {
        InstanceConfig instance = valid();
        instance.program = QStringLiteral("/bin/true");
        instance.restart = RestartPolicy::OnCrash;
        QCOMPARE(InstanceCheck::settings(instance).field, Field::None);
        InstanceConfig bad = instance;
        bad.restartMaxDelayMs = bad.restartDelayMs - 1;
        QCOMPARE(InstanceCheck::settings(bad).field, Field::Restart);
        bad = instance;
        bad.minUptimeMs = (qint64(InstanceConfig::MaxTimeout) + 1) * 1000;
        QCOMPARE(InstanceCheck::settings(bad).field, Field::Restart);
        bad = instance;
        bad.maxRestarts = -1;
        QCOMPARE(InstanceCheck::settings(bad).field, Field::Restart);
        bad = instance;
        bad.program.clear();
        const InstanceCheck::Problem problem = InstanceCheck::settings(bad);
        QCOMPARE(problem.field, Field::Restart);
        QVERIFY(!problem.text.isEmpty());
        // Never restarting needs no program.
        bad = instance;
        bad.restart = RestartPolicy::Never;
        bad.program.clear();
        QCOMPARE(InstanceCheck::settings(bad).field, Field::None);
    }

    void namesFollowConfigNames()
    {
        InstanceConfig instance = valid();
        for (const QString &bad : { QString(), QStringLiteral("a b"), QStringLiteral("General") }) {
            instance.name = bad;
            const InstanceCheck::Problem problem = InstanceCheck::settings(instance);
            QCOMPARE(problem.field, Field::Name);
            QCOMPARE(problem.text, Config::nameProblem(bad));
        }
    }

    void programsAreFoundAsStartFindsThem()
    {
        const QString bin = m_dir.filePath(QStringLiteral("bin"));
        const QString work = m_dir.filePath(QStringLiteral("work"));
        QVERIFY(QDir().mkpath(bin));
        QVERIFY(QDir().mkpath(work + QLatin1String("/scripts")));
        QVERIFY(makeProgram(bin + QLatin1String("/lockwatch-test-tool")));
        QVERIFY(makeProgram(work + QLatin1String("/scripts/bot")));
        QVERIFY(makeProgram(work + QLatin1String("/scripts/data"), false));

        InstanceConfig instance = valid();
        // A bare name: on the instance's own PATH, not only LockWatch's.
        instance.program = QStringLiteral("lockwatch-test-tool");
        QCOMPARE(InstanceCheck::withSystem(instance).field, Field::Program);
        instance.environment = QStringList { QLatin1String("PATH=") + bin };
        QCOMPARE(InstanceCheck::withSystem(instance).field, Field::None);
        // A relative path: against the working directory.
        instance.environment.clear();
        instance.program = QStringLiteral("scripts/bot");
        QCOMPARE(InstanceCheck::withSystem(instance).field, Field::Program);
        instance.workDir = work;
        QCOMPARE(InstanceCheck::withSystem(instance).field, Field::None);
        // There, but not executable: said so.
        instance.program = QStringLiteral("scripts/data");
        const InstanceCheck::Problem data = InstanceCheck::withSystem(instance);
        QCOMPARE(data.field, Field::Program);
        QVERIFY2(data.text.contains(QLatin1String("not an executable")), qPrintable(data.text));
        // A working directory that is not there.
        instance.program = QStringLiteral("/bin/sh");
        instance.workDir = m_dir.filePath(QStringLiteral("nowhere"));
        QCOMPARE(InstanceCheck::withSystem(instance).field, Field::WorkDir);
        // The settings alone do not look at the system.
        instance.program = QStringLiteral("no-such-program-anywhere");
        QCOMPARE(InstanceCheck::settings(instance).field, Field::None);
    }
};

QTEST_MAIN(TestInstanceCheck)
#include "tst_instancecheck.moc"
