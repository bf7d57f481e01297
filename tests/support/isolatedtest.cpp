#include "isolatedtest.h"

#include "testsupport.h"

#include <QDir>
#include <QTest>

namespace TestSupport {

void IsolatedTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    isolateXdgDirectories(m_dir.path());
}

bool IsolatedTest::createLog(const QString &name) const
{
    const QString logs = m_dir.path() + QLatin1String("/state/lockwatch/logs");
    return QDir().mkpath(logs)
            && writeFile(logs + QLatin1Char('/') + name + QLatin1String(".log"), {});
}

} // namespace TestSupport
