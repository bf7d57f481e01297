// The status window's details of the selected instance: its state, uptime and
// restarts; a strip of its last 24 hours; its history, newest first; and the live
// tail of its log (bounded, follows the log across rotations).
#pragma once

#include "core/cluster/publishedstatus.h"
#include "core/model/historyevent.h"
#include "core/model/instancestatus.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTreeWidget;

namespace LockWatch {

class LogFollower;
class TimelineStrip;

class DetailsPane : public QWidget
{
    Q_OBJECT

public:
    static constexpr int MaxHistoryRows = 500;
    static constexpr int MaxLogLines = 1000;
    // How far back the history is read for one instance.
    static constexpr qint64 HistoryDays = 30;

    explicit DetailsPane(QWidget *parent = nullptr);
    ~DetailsPane() override;

    // Shows `status`'s instance (an empty name: nothing), reading its history and
    // following its log.
    void setInstance(const InstanceStatus &status);
    // The shown instance changed state (others are ignored).
    void setStatus(const InstanceStatus &status);
    // Another node's instance: what it published; its history and log stay on
    // that node.
    void setRemote(const PublishedStatus &status);
    // Events just recorded (of any instance).
    void addEvents(const QList<HistoryEvent> &events);

    QString name() const { return m_status.name; }
    // The shown instance's node: empty for this node's.
    QString node() const { return m_node; }
    QLabel *summary() const { return m_summary; }
    TimelineStrip *timeline() const { return m_timeline; }
    QTreeWidget *history() const { return m_history; }
    QPlainTextEdit *log() const { return m_log; }

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void refresh();
    void appendLog(const QString &text);

    InstanceStatus m_status;
    QString m_node; // another node's instance (m_status as it published it); empty: this node's
    bool m_unreachable = false; // that node does not answer
    QList<HistoryEvent> m_events; // the shown instance's, oldest first
    QLabel *m_summary;
    TimelineStrip *m_timeline;
    QTreeWidget *m_history;
    QPlainTextEdit *m_log;
    LogFollower *m_follower;
    QTimer m_clock; // while shown: uptime and the strip move on once a minute (the
                    // time left before a restart, each second)
};

} // namespace LockWatch
