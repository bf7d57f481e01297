#include "pertestfile.h"

#include <QTest>

namespace TestSupport {

void PerTestFile::init()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QLatin1String(QTest::currentTestFunction()));
}

} // namespace TestSupport
