// A QTest object whose process keeps its XDG configuration, state and runtime
// directories in a temporary directory of its own (m_dir), set in initTestCase():
// the test and the lockwatch processes it starts never touch the user's own.
#pragma once

#include <QObject>
#include <QTemporaryDir>

namespace TestSupport {

class IsolatedTest : public QObject
{
    Q_OBJECT

protected slots:
    // A test with more to set up has an initTestCase() of its own that calls this first.
    void initTestCase();

protected:
    // An empty log of the instance `name` where LockWatch keeps it
    // ($XDG_STATE_HOME/lockwatch/logs/NAME.log); false when it could not be made.
    bool createLog(const QString &name) const;

    QTemporaryDir m_dir;
};

} // namespace TestSupport
