// The supervision part of the instance dialog: when to restart the program
// (never, after a crash, always), the first and the longest wait before a
// restart, the uptime that resets the wait, and after how many restarts within
// 10 minutes to give up. The fields other than the policy are enabled only while
// the policy restarts.
#pragma once

#include "core/model/config.h"

#include <QGroupBox>

class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace LockWatch {

class RestartPolicyEditor : public QGroupBox
{
    Q_OBJECT

public:
    explicit RestartPolicyEditor(const InstanceConfig &instance, QWidget *parent = nullptr);

    // Writes the edited settings into `instance` (restart and its four values).
    void apply(InstanceConfig *instance) const;

private:
    void updateEnabled();

    QComboBox *m_policy;
    QDoubleSpinBox *m_delay;
    QDoubleSpinBox *m_maxDelay;
    QDoubleSpinBox *m_minUptime;
    QSpinBox *m_maxRestarts;
};

} // namespace LockWatch
