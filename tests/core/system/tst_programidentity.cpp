// ProgramIdentity: what a configured program runs as - the executable with its
// symlinks resolved, file arguments made canonical against the working directory,
// scripts as their interpreter. Real files in a temporary directory.
#include "core/system/programidentity.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace LockWatch;
using namespace TestSupport;

class TestProgramIdentity : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString real(const QString &name) const { return ProgramIdentity::canonical(path(name)); }

    void makeScript(const QString &name, const QByteArray &firstLine)
    {
        QVERIFY(writeFile(path(name), firstLine + "\nprint('hi')\n"));
        QVERIFY(QFile::setPermissions(path(name), QFile::ReadOwner | QFile::WriteOwner
                                                          | QFile::ExeOwner));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir().mkpath(path(QStringLiteral("bot"))));
        QVERIFY(writeFile(path(QStringLiteral("bot/bot.py")), "print('bot')\n"));
        QVERIFY(writeFile(path(QStringLiteral("bot/other.py")), "print('other')\n"));
        QVERIFY(QFile::link(path(QStringLiteral("bot")), path(QStringLiteral("link"))));
    }

    void relativeArgumentIsTheSameFileAsTheAbsoluteOne()
    {
        const QStringList searchPath{QStringLiteral("/usr/bin"), QStringLiteral("/bin")};
        const ProgramIdentity relative = ProgramIdentity::ofCommand(
                QStringLiteral("python3"), {QStringLiteral("bot.py")}, path(QStringLiteral("bot")),
                searchPath);
        const ProgramIdentity absolute = ProgramIdentity::ofCommand(
                QStringLiteral("/usr/bin/python3"), {path(QStringLiteral("bot/bot.py"))}, QString(),
                searchPath);
        // Through a symlinked directory too.
        const ProgramIdentity linked = ProgramIdentity::ofCommand(
                QStringLiteral("/usr/bin/python3"), {path(QStringLiteral("link/bot.py"))}, QString(),
                searchPath);
        QVERIFY(!relative.isEmpty());
        QCOMPARE(relative, absolute);
        QCOMPARE(linked, absolute);
        // The executable with its symlinks resolved (python3 -> python3.X).
        QCOMPARE(relative.executable, ProgramIdentity::canonical(QStringLiteral("/usr/bin/python3")));
        QCOMPARE(relative.arguments, QStringList{real(QStringLiteral("bot/bot.py"))});
        QCOMPARE(qHash(relative), qHash(absolute));
    }

    void anotherScriptIsAnotherProgram()
    {
        const QStringList searchPath{QStringLiteral("/usr/bin")};
        const QString bot = path(QStringLiteral("bot"));
        QVERIFY(ProgramIdentity::ofCommand(QStringLiteral("python3"), {QStringLiteral("bot.py")}, bot,
                                           searchPath)
                != ProgramIdentity::ofCommand(QStringLiteral("python3"),
                                              {QStringLiteral("other.py")}, bot, searchPath));
        // Options and words that name no file stay as they are, in order.
        const ProgramIdentity withOptions = ProgramIdentity::ofCommand(
                QStringLiteral("python3"),
                {QStringLiteral("-u"), QStringLiteral("bot.py"), QStringLiteral("--mode"),
                 QStringLiteral("live"), QString()},
                bot, searchPath);
        QCOMPARE(withOptions.arguments,
                 (QStringList{QStringLiteral("-u"), real(QStringLiteral("bot/bot.py")),
                              QStringLiteral("--mode"), QStringLiteral("live"), QString()}));
        QVERIFY(withOptions != ProgramIdentity::ofCommand(QStringLiteral("python3"),
                                                          {QStringLiteral("bot.py")}, bot,
                                                          searchPath));
    }

    void scriptRunsAsItsInterpreter()
    {
        // What the kernel runs for "#!": the interpreter, its one argument, the script.
        makeScript(QStringLiteral("direct.py"), "#!/usr/bin/python3 -u");
        const ProgramIdentity direct = ProgramIdentity::ofCommand(
                path(QStringLiteral("direct.py")), {QStringLiteral("bot/bot.py")}, m_dir.path(), {});
        QCOMPARE(direct.executable, ProgramIdentity::canonical(QStringLiteral("/usr/bin/python3")));
        QCOMPARE(direct.arguments,
                 (QStringList{QStringLiteral("-u"), real(QStringLiteral("direct.py")),
                              real(QStringLiteral("bot/bot.py"))}));

        // "#!/usr/bin/env NAME": NAME found on the search path given.
        makeScript(QStringLiteral("env.py"), "#!/usr/bin/env python3");
        const ProgramIdentity viaEnv = ProgramIdentity::ofCommand(
                QStringLiteral("./env.py"), {}, m_dir.path(), {QStringLiteral("/usr/bin")});
        QCOMPARE(viaEnv.executable, ProgramIdentity::canonical(QStringLiteral("/usr/bin/python3")));
        QCOMPARE(viaEnv.arguments, QStringList{real(QStringLiteral("env.py"))});
    }

    void programNotFoundHasNoIdentity()
    {
        QVERIFY(ProgramIdentity::ofCommand(QStringLiteral("no-such-program-here"), {}, QString(),
                                           {m_dir.path()})
                        .isEmpty());
        QVERIFY(ProgramIdentity::ofCommand(path(QStringLiteral("missing")), {}, QString(), {})
                        .isEmpty());
        QVERIFY(ProgramIdentity::ofCommand(QString(), {}, QString(), {}).isEmpty());
        // A script whose interpreter is missing cannot run: no identity either.
        makeScript(QStringLiteral("broken.sh"), "#!/nonexistent/interpreter");
        QVERIFY(ProgramIdentity::ofCommand(path(QStringLiteral("broken.sh")), {}, QString(), {})
                        .isEmpty());
    }

    void resolveArgumentLeavesNonFilesAlone()
    {
        const QString bot = path(QStringLiteral("bot"));
        QCOMPARE(ProgramIdentity::resolveArgument(QStringLiteral("bot.py"), bot),
                 real(QStringLiteral("bot/bot.py")));
        QCOMPARE(ProgramIdentity::resolveArgument(QStringLiteral("."), bot), real(QStringLiteral("bot")));
        QCOMPARE(ProgramIdentity::resolveArgument(QStringLiteral("nothing.py"), bot),
                 QStringLiteral("nothing.py"));
        QCOMPARE(ProgramIdentity::resolveArgument(QStringLiteral("300"), bot), QStringLiteral("300"));
    }
};

QTEST_MAIN(TestProgramIdentity)
#include "tst_programidentity.moc"
