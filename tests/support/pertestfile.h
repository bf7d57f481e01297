// A QTest object whose test functions each get a file of their own to work on:
// m_path, named after the function, in a temporary directory (m_dir), chosen in
// init() before each test function.
#pragma once

#include <QObject>
#include <QString>
#include <QTemporaryDir>

namespace TestSupport {

class PerTestFile : public QObject
{
    Q_OBJECT

protected slots:
    void init();

protected:
    QTemporaryDir m_dir;
    QString m_path;
};

} // namespace TestSupport
