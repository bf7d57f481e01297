// Executable: the one rule for finding the program a command names (`add`, the
// instance dialog, Start, `run`): a bare name on the PATH the program will run
// with, a name with a '/' as it is (a relative one against its working directory),
// and only an executable regular file counts.
#include "core/system/executable.h"

#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace LockWatch;
using namespace TestSupport;

class TestExecutable : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_first; // bin1: tool (executable), data (not executable), sub/ (a directory)
    QString m_second; // bin2: tool and other (both executable)

    QString makeProgram(const QString &path, QFile::Permissions permissions) const
    {
        if (!writeFile(path, "#!/bin/sh\nexit 0\n") || !QFile::setPermissions(path, permissions))
            return QString();
        return path;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_first = m_dir.filePath(QStringLiteral("bin1"));
        m_second = m_dir.filePath(QStringLiteral("bin2"));
        const auto exec = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
        QVERIFY(QDir().mkpath(m_first + QStringLiteral("/sub")));
        QVERIFY(QDir().mkpath(m_second));
        QVERIFY(!makeProgram(m_first + QStringLiteral("/tool"), exec).isEmpty());
        QVERIFY(!makeProgram(m_first + QStringLiteral("/data"),
                             QFile::ReadOwner | QFile::WriteOwner)
                         .isEmpty());
        QVERIFY(!makeProgram(m_second + QStringLiteral("/tool"), exec).isEmpty());
        QVERIFY(!makeProgram(m_second + QStringLiteral("/other"), exec).isEmpty());
        QVERIFY(QFile::link(m_second + QStringLiteral("/other"),
                            m_first + QStringLiteral("/linked")));
        QVERIFY(QFile::link(m_dir.filePath(QStringLiteral("nowhere")),
                            m_first + QStringLiteral("/dangling")));
    }

    void searchPath_data()
    {
        QTest::addColumn<QString>("ours");
        QTest::addColumn<QStringList>("environment");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("ours") << "/a:/b" << QStringList { QStringLiteral("HOME=/x") }
                              << QStringList { QStringLiteral("/a"), QStringLiteral("/b") };
        QTest::newRow("the program's own")
                << "/a" << QStringList { QStringLiteral("PATH=/c:/d") }
                << QStringList { QStringLiteral("/c"), QStringLiteral("/d") };
        QTest::newRow("the last PATH= wins")
                << "/a" << QStringList { QStringLiteral("PATH=/c"), QStringLiteral("PATH=/e") }
                << QStringList { QStringLiteral("/e") };
        QTest::newRow("empty entries skipped")
                << "::/a::" << QStringList() << QStringList { QStringLiteral("/a") };
        QTest::newRow("set empty: nothing")
                << "/a" << QStringList { QStringLiteral("PATH=") } << QStringList();
        QTest::newRow("not PATH") << "/a" << QStringList { QStringLiteral("MYPATH=/c") }
                                  << QStringList { QStringLiteral("/a") };
    }

    void searchPath()
    {
        QFETCH(QString, ours);
        QFETCH(QStringList, environment);
        QFETCH(QStringList, expected);
        const QByteArray saved = qgetenv("PATH");
        qputenv("PATH", ours.toLocal8Bit());
        const QStringList path = Executable::searchPath(environment);
        qputenv("PATH", saved);
        QCOMPARE(path, expected);
    }

    void find_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QStringList>("dirs"); // under the temporary directory
        QTest::addColumn<QString>("baseDir"); // under the temporary directory, "" for none
        QTest::addColumn<QString>("expected"); // under the temporary directory, "" for none
        const QStringList both { QStringLiteral("bin1"), QStringLiteral("bin2") };
        QTest::newRow("bare name, first directory wins") << "tool" << both << ""
                                                         << "bin1/tool";
        QTest::newRow("bare name, in the second") << "other" << both << ""
                                                  << "bin2/other";
        QTest::newRow("bare name, only on the order given")
                << "tool" << QStringList { QStringLiteral("bin2"), QStringLiteral("bin1") } << ""
                << "bin2/tool";
        QTest::newRow("bare name, not on the path")
                << "other" << QStringList { QStringLiteral("bin1") } << ""
                << "";
        QTest::newRow("bare name, not executable, later one missing") << "data" << both << ""
                                                                      << "";
        QTest::newRow("bare name, a directory") << "sub" << both << ""
                                                << "";
        QTest::newRow("bare name, symlink to a program") << "linked" << both << ""
                                                         << "bin1/linked";
        QTest::newRow("bare name, dangling symlink") << "dangling" << both << ""
                                                     << "";
        // Not LockWatch's own PATH either (where "sh" is).
        QTest::newRow("bare name, empty path finds nothing") << "sh" << QStringList() << ""
                                                             << "";
        QTest::newRow("bare name, the base directory is not searched")
                << "tool" << QStringList { QStringLiteral("bin2") } << "bin1"
                << "bin2/tool";
        QTest::newRow("relative path against the base directory")
                << "./tool" << QStringList() << "bin1"
                << "bin1/tool";
        QTest::newRow("relative path with a directory") << "bin2/other" << both << "."
                                                        << "bin2/other";
        QTest::newRow("relative path, not executable") << "./data" << both << "bin1"
                                                       << "";
        QTest::newRow("relative path, a directory") << "./sub" << both << "bin1"
                                                    << "";
        QTest::newRow("relative path, missing") << "./other" << both << "bin1"
                                                << "";
        QTest::newRow("empty") << "" << both << ""
                               << "";
    }

    void find()
    {
        QFETCH(QString, command);
        QFETCH(QStringList, dirs);
        QFETCH(QString, baseDir);
        QFETCH(QString, expected);
        QStringList path;
        for (const QString &dir : dirs)
            path << m_dir.filePath(dir);
        const QString base = baseDir.isEmpty() ? QString() : m_dir.filePath(baseDir);
        const QString found = Executable::find(command, path, base);
        if (expected.isEmpty())
            QCOMPARE(found, QString());
        else
            QCOMPARE(QDir::cleanPath(found), m_dir.filePath(expected));
    }

    void absolutePathIgnoresTheBaseDirectory()
    {
        const QString tool = m_second + QStringLiteral("/tool");
        QCOMPARE(Executable::find(tool, {}, m_first), tool);
        QCOMPARE(Executable::find(m_first + QStringLiteral("/data"), {}, m_first), QString());
    }

    void relativePathWithoutBaseIsTheCurrentDirectory()
    {
        const QString saved = QDir::currentPath();
        QVERIFY(QDir::setCurrent(m_first));
        const QString found = Executable::find(QStringLiteral("./tool"), {});
        const QString foundFile = QFileInfo(found).canonicalFilePath();
        const QString missing = Executable::find(QStringLiteral("./other"), {});
        QVERIFY(QDir::setCurrent(saved));
        QCOMPARE(foundFile, QFileInfo(m_first + QStringLiteral("/tool")).canonicalFilePath());
        QCOMPARE(missing, QString());
    }
};

QTEST_GUILESS_MAIN(TestExecutable)
#include "tst_executable.moc"
