#include "tray/settingsdialog.h"

#include "tray/dialogparts.h"
#include "tray/instancedialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace LockWatch {

SettingsDialog::SettingsDialog(const Config &config, const QString &configPath, QWidget *parent)
    : QDialog(parent), m_config(config), m_path(configPath)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings")); // Qt appends " — LockWatch" (applicationDisplayName)

    //: Group title: the programs LockWatch watches ("instances").
    auto *instances = new QGroupBox(tr("Watched instances"), this);
    m_list = new QListWidget(instances);
    m_list->setObjectName(QStringLiteral("instanceList"));
    //: An "instance" is one monitored program (one configured lockfile).
    m_list->setAccessibleName(tr("Watched instances"));
    auto *add = new QPushButton(tr("&Add..."), instances);
    m_edit = new QPushButton(tr("&Edit..."), instances);
    m_remove = new QPushButton(tr("&Remove"), instances);
    connect(add, &QPushButton::clicked, this, &SettingsDialog::add);
    connect(m_edit, &QPushButton::clicked, this, &SettingsDialog::edit);
    connect(m_remove, &QPushButton::clicked, this, &SettingsDialog::remove);
    connect(m_list, &QListWidget::itemActivated, this, &SettingsDialog::edit);
    connect(m_list, &QListWidget::currentRowChanged, this, &SettingsDialog::updateButtons);
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    auto *instancesLayout = new QHBoxLayout(instances);
    instancesLayout->addWidget(m_list, 1);
    instancesLayout->addLayout(buttons);

    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("language"));
    //: Language choice: follow the desktop's language.
    m_language->addItem(tr("System language"), QString());
    // Each language in its own name, so anyone can find theirs.
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Čeština"), QStringLiteral("cs"));
    m_language->addItem(QStringLiteral("Italiano"), QStringLiteral("it"));
    setLanguage(config.language);
    auto *languageNote = new QLabel(tr("A new language takes effect when LockWatch restarts."),
                                    this);
    languageNote->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    form->addRow(QString(), languageNote);

    m_error = DialogParts::errorLabel(this);
    auto *box = DialogParts::okCancelButtons(this);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(instances, 1);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(box);
    resize(560, 420);
    fillList();
}

void SettingsDialog::fillList()
{
    const int current = m_list->currentRow();
    m_list->clear();
    for (const InstanceConfig &instance : qAsConst(m_config.instances)) {
        auto *item = new QListWidgetItem(instance.name + QLatin1String("  -  ") + instance.lockFile,
                                         m_list);
        item->setToolTip(instance.program.isEmpty()
                                 ? tr("Only watched: no program to start")
                                 : instance.program + QLatin1Char(' ')
                                           + instance.arguments.join(QLatin1Char(' ')));
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(qBound(0, current, m_list->count() - 1));
    updateButtons();
}

void SettingsDialog::updateButtons()
{
    const bool selected = m_list->currentRow() >= 0;
    m_edit->setEnabled(selected);
    m_remove->setEnabled(selected);
}

QStringList SettingsDialog::namesExcept(int row) const
{
    QStringList names;
    for (int i = 0; i < m_config.instances.size(); ++i)
        if (i != row)
            names << m_config.instances.at(i).name;
    return names;
}

void SettingsDialog::addInstance(const InstanceConfig &instance)
{
    m_config.instances << instance;
    fillList();
    m_list->setCurrentRow(m_list->count() - 1);
}

void SettingsDialog::replaceInstance(int row, const InstanceConfig &instance)
{
    if (row < 0 || row >= m_config.instances.size())
        return;
    m_config.instances[row] = instance;
    fillList();
}

void SettingsDialog::removeInstance(int row)
{
    if (row < 0 || row >= m_config.instances.size())
        return;
    m_config.instances.removeAt(row);
    fillList();
}

void SettingsDialog::setLanguage(const QString &code)
{
    const int index = m_language->findData(code.left(2));
    m_language->setCurrentIndex(index < 0 ? 0 : index);
}

void SettingsDialog::add()
{
    InstanceDialog dialog(InstanceConfig(), namesExcept(-1), this);
    if (dialog.exec() == QDialog::Accepted)
        addInstance(dialog.instance());
}

void SettingsDialog::edit()
{
    const int row = m_list->currentRow();
    if (row < 0)
        return;
    InstanceDialog dialog(m_config.instances.at(row), namesExcept(row), this);
    if (dialog.exec() == QDialog::Accepted)
        replaceInstance(row, dialog.instance());
}

void SettingsDialog::remove()
{
    const int row = m_list->currentRow();
    if (row < 0)
        return;
    const QString name = m_config.instances.at(row).name;
    //: An "instance" is one monitored program (one configured lockfile).
    const auto answer = QMessageBox::question(
            this, tr("Remove Instance"),
            tr("Stop watching \"%1\"? The program itself keeps running and its files stay.")
                    .arg(name),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer == QMessageBox::Yes)
        removeInstance(row);
}

void SettingsDialog::accept()
{
    m_config.language = m_language->currentData().toString();
    if (!m_config.save(m_path, &m_lastError)) {
        m_error->setText(tr("Could not save the settings: %1").arg(m_lastError));
        m_error->setVisible(true);
        return;
    }
    m_lastError.clear();
    emit saved(m_config);
    QDialog::accept();
}

} // namespace LockWatch
