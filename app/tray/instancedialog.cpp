#include "tray/instancedialog.h"

#include "tray/dialogparts.h"
#include "core/system/executable.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace LockWatch {

namespace {

QWidget *withBrowse(QLineEdit *edit, const QString &buttonText, const QString &accessibleName,
                    QObject *receiver, std::function<void()> browse)
{
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    auto *button = new QPushButton(buttonText, row);
    button->setAccessibleName(accessibleName);
    QObject::connect(button, &QPushButton::clicked, receiver, std::move(browse));
    layout->addWidget(button);
    return row;
}

} // namespace

InstanceDialog::InstanceDialog(const InstanceConfig &instance, const QStringList &takenNames,
                               QWidget *parent)
    : QDialog(parent), m_original(instance), m_takenNames(takenNames)
{
    setObjectName(QStringLiteral("instanceDialog"));
    //: Dialog title: add or edit one monitored program (an "instance").
    setWindowTitle(instance.name.isEmpty() ? tr("Add Instance") : tr("Edit Instance"));

    m_name = new QLineEdit(instance.name, this);
    m_name->setObjectName(QStringLiteral("name"));
    //: An example instance name: ASCII letters, digits, '.', '_' and '-' only.
    m_name->setPlaceholderText(tr("e.g. scheduler"));
    m_lockFile = new QLineEdit(instance.lockFile, this);
    m_lockFile->setObjectName(QStringLiteral("lockFile"));
    //: "lock" is the lockfile a program keeps while it runs.
    m_lockFile->setPlaceholderText(tr("/path/to/program.lock"));
    m_program = new QLineEdit(instance.program, this);
    m_program->setObjectName(QStringLiteral("program"));
    //: "lock" is the lockfile a program keeps while it runs.
    m_program->setPlaceholderText(tr("Leave empty to only watch the lock"));
    m_arguments = new QPlainTextEdit(joinArguments(instance.arguments), this);
    m_arguments->setObjectName(QStringLiteral("arguments"));
    m_arguments->setTabChangesFocus(true);
    m_arguments->setPlaceholderText(tr("One argument per line, no quoting needed"));
    m_arguments->setFixedHeight(m_arguments->fontMetrics().lineSpacing() * 5 + 12);
    m_workDir = new QLineEdit(instance.workDir, this);
    m_workDir->setObjectName(QStringLiteral("workDir"));
    m_workDir->setPlaceholderText(tr("Optional"));

    m_environment = new QPlainTextEdit(instance.environment.join(QLatin1Char('\n')), this);
    m_environment->setObjectName(QStringLiteral("environment"));
    m_environment->setTabChangesFocus(true);
    //: Environment variables for the program; keep "NAME=value" as it is.
    m_environment->setPlaceholderText(tr("One NAME=value per line, e.g. TZ=Europe/Rome"));
    m_environment->setFixedHeight(m_environment->fontMetrics().lineSpacing() * 3 + 12);

    m_startTimeout = new QSpinBox(this);
    m_startTimeout->setObjectName(QStringLiteral("startTimeout"));
    m_startTimeout->setRange(1, 3600);
    m_startTimeout->setSuffix(tr(" s"));
    m_startTimeout->setValue(instance.startTimeout);
    m_stopTimeout = new QSpinBox(this);
    m_stopTimeout->setObjectName(QStringLiteral("stopTimeout"));
    m_stopTimeout->setRange(0, 3600);
    m_stopTimeout->setSuffix(tr(" s"));
    m_stopTimeout->setValue(instance.stopTimeout);

    auto *form = new QFormLayout;
    //: Label of the instance name field.
    form->addRow(tr("&Name:"), m_name);
    //: "lock" is the lockfile a program keeps while it runs.
    form->addRow(tr("&Lockfile:"),
                 withBrowse(m_lockFile, tr("&Browse..."), tr("Choose the lockfile"), this,
                            [this] { browseLockFile(); }));
    form->addRow(tr("&Program:"),
                 withBrowse(m_program, tr("Br&owse..."), tr("Choose the program"), this,
                            [this] { browseProgram(); }));
    form->addRow(tr("&Arguments:"), m_arguments);
    form->addRow(tr("&Working directory:"),
                 withBrowse(m_workDir, tr("Bro&wse..."), tr("Choose the working directory"),
                            this, [this] { browseWorkDir(); }));
    //: Environment variables added for the program.
    form->addRow(tr("&Environment:"), m_environment);
    //: How long to wait for the lockfile to appear after starting the program.
    form->addRow(tr("Start &timeout:"), m_startTimeout);
    //: Grace period between SIGTERM and SIGKILL when stopping.
    form->addRow(tr("Sto&p timeout:"), m_stopTimeout);

    auto *notifications = new QGroupBox(tr("Notify me when"), this);
    auto *notificationsLayout = new QVBoxLayout(notifications);
    m_notifyDuplicateAttempt = new QCheckBox(tr("someone tries to start a &second copy"), this);
    m_notifyDuplicateRunning = new QCheckBox(tr("two copies &run at the same time"), this);
    m_notifyUnexpectedStop = new QCheckBox(tr("it stops &unexpectedly"), this);
    //: A lockfile left behind by a program that is gone.
    m_notifyStale = new QCheckBox(tr("a stale loc&k is found"), this);
    const std::pair<QCheckBox *, unsigned> boxes[] = {
            {m_notifyDuplicateAttempt, NotifyDuplicateAttempt},
            {m_notifyDuplicateRunning, NotifyDuplicateRunning},
            {m_notifyUnexpectedStop, NotifyUnexpectedStop},
            {m_notifyStale, NotifyStaleLock}};
    for (const auto &[box, flag] : boxes) {
        box->setChecked(instance.notifications & flag);
        notificationsLayout->addWidget(box);
    }

    m_error = DialogParts::errorLabel(this);
    auto *buttons = DialogParts::okCancelButtons(this);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(notifications);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(520);
}

QStringList InstanceDialog::splitArguments(const QString &text)
{
    QStringList arguments;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty())
            arguments << line;
    }
    return arguments;
}

QString InstanceDialog::joinArguments(const QStringList &arguments)
{
    return arguments.join(QLatin1Char('\n'));
}

InstanceConfig InstanceDialog::instance() const
{
    InstanceConfig result = m_original; // keeps what this dialog does not edit
    result.name = m_name->text().trimmed();
    result.lockFile = m_lockFile->text().trimmed();
    result.program = m_program->text().trimmed();
    result.arguments = splitArguments(m_arguments->toPlainText());
    result.workDir = m_workDir->text().trimmed();
    result.environment.clear();
    for (const QString &line : m_environment->toPlainText().split(QLatin1Char('\n')))
        if (!line.trimmed().isEmpty())
            result.environment << line.trimmed();
    result.startTimeout = m_startTimeout->value();
    result.stopTimeout = m_stopTimeout->value();
    unsigned notifications = 0;
    if (m_notifyDuplicateAttempt->isChecked())
        notifications |= NotifyDuplicateAttempt;
    if (m_notifyDuplicateRunning->isChecked())
        notifications |= NotifyDuplicateRunning;
    if (m_notifyUnexpectedStop->isChecked())
        notifications |= NotifyUnexpectedStop;
    if (m_notifyStale->isChecked())
        notifications |= NotifyStaleLock;
    result.notifications = notifications;
    return result;
}

QString InstanceDialog::validate() const
{
    const InstanceConfig entered = instance();
    if (entered.name.isEmpty())
        //: An "instance" is one monitored program (one configured lockfile).
        return tr("Enter a name for the instance.");
    if (!Config::isValidName(entered.name))
        return Config::nameProblem(entered.name);
    if (m_takenNames.contains(entered.name))
        //: An "instance" is one monitored program (one configured lockfile).
        return tr("There is already an instance called \"%1\".").arg(entered.name);
    if (entered.lockFile.isEmpty())
        //: "lock" is the lockfile a program keeps while it runs.
        return tr("Enter the lockfile the program keeps while it runs.");
    if (!QDir::isAbsolutePath(entered.lockFile))
        //: "lock" is the lockfile a program keeps while it runs.
        return tr("The lockfile must be an absolute path (starting with /).");
    if (!entered.program.isEmpty()) {
        // Looked up on the PATH it will run with (its own environment's, if set).
        const QString found = Executable::find(entered.program,
                                               Executable::searchPath(entered.environment));
        if (found.isEmpty()) {
            const bool exists = entered.program.contains(QLatin1Char('/'))
                    && QFileInfo::exists(entered.program);
            if (!exists)
                return tr("The program \"%1\" does not exist.").arg(entered.program);
            return tr("\"%1\" is not an executable program.").arg(entered.program);
        }
    } else if (!entered.arguments.isEmpty()) {
        return tr("Arguments need a program to pass them to.");
    }
    for (const QString &entry : entered.environment)
        if (entry.indexOf(QLatin1Char('=')) <= 0)
            //: Keep "NAME=value" as it is.
            return tr("\"%1\" is not an environment entry: write NAME=value.").arg(entry);
    if (!entered.workDir.isEmpty() && !QFileInfo(entered.workDir).isDir())
        return tr("The working directory \"%1\" does not exist.").arg(entered.workDir);
    return QString();
}

void InstanceDialog::accept()
{
    const QString problem = validate();
    m_error->setText(problem);
    m_error->setVisible(!problem.isEmpty());
    if (!problem.isEmpty())
        return;
    QDialog::accept();
}

void InstanceDialog::browseLockFile()
{
    // The lock need not exist now (the program may be stopped): any name will do.
    //: "lock" is the lockfile a program keeps while it runs.
    QFileDialog dialog(this, tr("Choose the Lockfile"));
    dialog.setFileMode(QFileDialog::AnyFile);
    dialog.setOption(QFileDialog::DontConfirmOverwrite);
    dialog.setAcceptMode(QFileDialog::AcceptOpen);
    dialog.setFilter(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    const QString current = m_lockFile->text().trimmed();
    dialog.setDirectory(current.isEmpty() ? QDir::tempPath() : QFileInfo(current).absolutePath());
    if (dialog.exec() == QDialog::Accepted && !dialog.selectedFiles().isEmpty())
        m_lockFile->setText(dialog.selectedFiles().constFirst());
}

void InstanceDialog::browseProgram()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Choose the Program"),
                                                      m_program->text().trimmed());
    if (!file.isEmpty())
        m_program->setText(file);
}

void InstanceDialog::browseWorkDir()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Choose the Working Directory"),
                                                          m_workDir->text().trimmed());
    if (!dir.isEmpty())
        m_workDir->setText(dir);
}

} // namespace LockWatch
