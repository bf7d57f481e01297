#include "tray/restartpolicyeditor.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QSpinBox>

namespace LockWatch {

namespace {

QDoubleSpinBox *secondsBox(QWidget *parent, const char *objectName, int ms)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setObjectName(QLatin1String(objectName));
    box->setRange(0, InstanceConfig::MaxTimeout);
    box->setDecimals(1);
    box->setSingleStep(0.5);
    //: Unit after a number of seconds in a field.
    box->setSuffix(RestartPolicyEditor::tr(" s"));
    box->setValue(double(ms) / 1000.0);
    return box;
}

} // namespace

RestartPolicyEditor::RestartPolicyEditor(const InstanceConfig &instance, QWidget *parent)
    //: Group in the instance dialog: bringing a program back after it ended.
    : QGroupBox(tr("Restart"), parent)
{
    setObjectName(QStringLiteral("restartPolicy"));
    m_policy = new QComboBox(this);
    m_policy->setObjectName(QStringLiteral("restart"));
    //: Restart policy: never restart the program.
    m_policy->addItem(tr("Never"), int(RestartPolicy::Never));
    //: Restart policy: restart after a non-zero exit code, a signal or an unknown end.
    m_policy->addItem(tr("When it crashes"), int(RestartPolicy::OnCrash));
    //: Restart policy: restart whenever it ends by itself, also with exit code 0.
    m_policy->addItem(tr("Whenever it ends"), int(RestartPolicy::Always));
    m_policy->setCurrentIndex(m_policy->findData(int(instance.restart)));
    m_delay = secondsBox(this, "restartDelay", instance.restartDelayMs);
    m_delay->setToolTip(
            tr("Wait before the first restart; each further restart waits twice as long."));
    m_maxDelay = secondsBox(this, "restartMaxDelay", instance.restartMaxDelayMs);
    m_maxDelay->setToolTip(tr("The wait before a restart never grows beyond this."));
    m_minUptime = secondsBox(this, "minUptime", instance.minUptimeMs);
    m_minUptime->setToolTip(
            tr("After running this long, the next restart waits the first delay again."));
    m_maxRestarts = new QSpinBox(this);
    m_maxRestarts->setObjectName(QStringLiteral("maxRestarts"));
    m_maxRestarts->setRange(0, 10000);
    //: After a number: restarts counted within the last 10 minutes.
    m_maxRestarts->setSuffix(tr(" restarts in 10 min"));
    m_maxRestarts->setValue(instance.maxRestarts);
    m_maxRestarts->setToolTip(tr("Then LockWatch gives up and says so, until you start it again."));

    auto *form = new QFormLayout(this);
    //: Label: when to restart the program.
    form->addRow(tr("R&estart:"), m_policy);
    form->addRow(tr("&First wait:"), m_delay);
    form->addRow(tr("Longest &wait:"), m_maxDelay);
    //: The program must run this long for the wait to go back to the first one.
    form->addRow(tr("&Minimum uptime:"), m_minUptime);
    form->addRow(tr("Gi&ve up after:"), m_maxRestarts);
    connect(m_policy, &QComboBox::currentIndexChanged, this, &RestartPolicyEditor::updateEnabled);
    updateEnabled();
}

void RestartPolicyEditor::apply(InstanceConfig *instance) const
{
    instance->restart = RestartPolicy(m_policy->currentData().toInt());
    instance->restartDelayMs = int(qRound64(m_delay->value() * 1000));
    instance->restartMaxDelayMs = int(qRound64(m_maxDelay->value() * 1000));
    instance->minUptimeMs = int(qRound64(m_minUptime->value() * 1000));
    instance->maxRestarts = m_maxRestarts->value();
}

void RestartPolicyEditor::updateEnabled()
{
    const bool restarts = RestartPolicy(m_policy->currentData().toInt()) != RestartPolicy::Never;
    for (QWidget *field :
         { static_cast<QWidget *>(m_delay), static_cast<QWidget *>(m_maxDelay),
           static_cast<QWidget *>(m_minUptime), static_cast<QWidget *>(m_maxRestarts) })
        field->setEnabled(restarts);
}

} // namespace LockWatch
