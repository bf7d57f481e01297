// Adds or edits one instance: name, lockfile (with a file picker), program and its
// arguments (one per line), working directory, environment (NAME=value, one per
// line), start/stop timeouts and which notifications it sends. Validates before it closes, with a clear message.
#pragma once

#include "core/model/config.h"

#include <QDialog>
#include <QStringList>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace LockWatch {

class InstanceDialog : public QDialog
{
    Q_OBJECT

public:
    // `takenNames`: names of the other instances (a new name must differ).
    InstanceDialog(const InstanceConfig &instance, const QStringList &takenNames,
                   QWidget *parent = nullptr);

    InstanceConfig instance() const;
    // The first problem with what is entered, translated; empty when it is fine.
    QString validate() const;

    // Arguments as edited: one per line; empty lines are dropped.
    static QStringList splitArguments(const QString &text);
    static QString joinArguments(const QStringList &arguments);

    void accept() override;

private:
    void browseLockFile();
    void browseProgram();
    void browseWorkDir();

    InstanceConfig m_original;
    QStringList m_takenNames;
    QLineEdit *m_name;
    QLineEdit *m_lockFile;
    QLineEdit *m_program;
    QPlainTextEdit *m_arguments;
    QLineEdit *m_workDir;
    QPlainTextEdit *m_environment;
    QSpinBox *m_startTimeout;
    QSpinBox *m_stopTimeout;
    QCheckBox *m_notifyDuplicateAttempt;
    QCheckBox *m_notifyDuplicateRunning;
    QCheckBox *m_notifyUnexpectedStop;
    QCheckBox *m_notifyStale;
    QLabel *m_error;
};

} // namespace LockWatch
