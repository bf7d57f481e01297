// Settings: the list of instances (add, edit, remove) and the language.
// Saves through Config::save - the same code `lockwatch add/remove` use - and the
// monitor picks the file up from there.
#pragma once

#include "core/model/config.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace LockWatch {

class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    SettingsDialog(const Config &config, const QString &configPath, QWidget *parent = nullptr);

    Config config() const { return m_config; }

    // The editing steps, also used by tests (the buttons call these).
    void addInstance(const InstanceConfig &instance);
    void replaceInstance(int row, const InstanceConfig &instance);
    void removeInstance(int row);
    void setLanguage(const QString &code);
    QListWidget *instanceList() const { return m_list; }

    // Writes the configuration; on failure shows why and stays open.
    void accept() override;
    // The last save error (empty after a successful save).
    QString lastError() const { return m_lastError; }

signals:
    void saved(const LockWatch::Config &config);

private:
    void add();
    void edit();
    void remove();
    void fillList();
    void updateButtons();
    QStringList namesExcept(int row) const;

    Config m_config;
    QString m_path;
    QString m_lastError;
    QListWidget *m_list;
    QPushButton *m_edit;
    QPushButton *m_remove;
    QComboBox *m_language;
    QLabel *m_error;
};

} // namespace LockWatch
