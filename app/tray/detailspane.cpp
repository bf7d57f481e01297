#include "tray/detailspane.h"

#include "core/control/logfollower.h"
#include "core/ipc/history.h"
#include "core/model/paths.h"
#include "tray/instanceactions.h"
#include "tray/timelinestrip.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace LockWatch {

namespace {

QTreeWidgetItem *rowOf(const HistoryEvent &e)
{
    QString what = e.describe();
    if (e.pid > 0)
        what += QLatin1String(", ") + DetailsPane::tr("PID %1").arg(e.pid);
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(e.timeMs);
    auto *item = new QTreeWidgetItem({ QLocale().toString(time, QLocale::ShortFormat), what });
    item->setToolTip(0, e.timeIso());
    item->setToolTip(1, what);
    return item;
}

} // namespace

DetailsPane::DetailsPane(QWidget *parent)
    : QWidget(parent)
    , m_follower(new LogFollower(this))
{
    setObjectName(QStringLiteral("details"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("detailsSummary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);
    m_timeline = new TimelineStrip(this);

    m_history = new QTreeWidget(this);
    m_history->setObjectName(QStringLiteral("history"));
    //: The list of what happened to the selected program, newest first.
    m_history->setAccessibleName(tr("History"));
    //: Column headers of the history list.
    m_history->setHeaderLabels({ tr("Time"), tr("Event") });
    m_history->setRootIsDecorated(false);
    m_history->setUniformRowHeights(true);
    m_history->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_history->header()->setStretchLastSection(true);

    m_log = new QPlainTextEdit(this);
    m_log->setObjectName(QStringLiteral("logTail"));
    //: The last lines of the selected program's output log, following it live.
    m_log->setAccessibleName(tr("Log"));
    m_log->setReadOnly(true);
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_log->setMaximumBlockCount(MaxLogLines);
    m_log->setFont(QFont(QStringLiteral("monospace")));
    //: Shown in the log view when the program has written nothing (yet).
    m_log->setPlaceholderText(tr("No output yet."));

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_history);
    split->addWidget(m_log);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_timeline);
    layout->addWidget(split, 1);
    layout->addStretch(0); // keeps the summary on top while the rest is hidden

    connect(m_follower, &LogFollower::reset, this, [this](QString text) {
        if (text.endsWith(QLatin1Char('\n')))
            text.chop(1);
        m_log->setPlainText(text);
        m_log->verticalScrollBar()->setValue(m_log->verticalScrollBar()->maximum());
    });
    connect(m_follower, &LogFollower::appended, this, &DetailsPane::appendLog);
    m_clock.setInterval(60 * 1000);
    connect(&m_clock, &QTimer::timeout, this, &DetailsPane::refresh);
    setInstance(InstanceStatus());
}

DetailsPane::~DetailsPane() = default;

void DetailsPane::setInstance(const InstanceStatus &status)
{
    const bool same = status.name == m_status.name && m_node.isEmpty();
    m_node.clear();
    m_unreachable = false;
    m_status = status;
    if (same && !status.name.isEmpty()) {
        refresh();
        return;
    }
    m_events.clear();
    m_history->clear();
    if (status.name.isEmpty()) {
        m_follower->follow(QString());
        refresh();
        return;
    }
    const qint64 since = QDateTime::currentMSecsSinceEpoch() - HistoryDays * 24 * 3600 * 1000;
    m_events = History().read(since, { status.name }).events;
    if (m_events.size() > MaxHistoryRows)
        m_events = m_events.mid(m_events.size() - MaxHistoryRows);
    QList<QTreeWidgetItem *> rows;
    for (auto it = m_events.crbegin(); it != m_events.crend(); ++it)
        rows << rowOf(*it);
    m_history->addTopLevelItems(rows);
    m_follower->follow(Paths::logFile(status.name));
    refresh();
}

void DetailsPane::setRemote(const PublishedStatus &status)
{
    if (status.node != m_node || status.status.name != m_status.name)
        setInstance(InstanceStatus()); // no local history, no log
    m_node = status.node;
    m_unreachable = status.unreachable;
    m_status = status.status;
    refresh();
}

void DetailsPane::setStatus(const InstanceStatus &status)
{
    if (status.name != m_status.name || !m_node.isEmpty())
        return;
    m_status = status;
    refresh();
}

void DetailsPane::addEvents(const QList<HistoryEvent> &events)
{
    bool added = false;
    for (const HistoryEvent &e : events) {
        if (e.name != m_status.name || m_status.name.isEmpty() || !m_node.isEmpty())
            continue;
        m_events << e;
        m_history->insertTopLevelItem(0, rowOf(e));
        added = true;
    }
    while (m_history->topLevelItemCount() > MaxHistoryRows)
        delete m_history->takeTopLevelItem(m_history->topLevelItemCount() - 1);
    if (m_events.size() > MaxHistoryRows)
        m_events = m_events.mid(m_events.size() - MaxHistoryRows);
    if (added)
        refresh();
}

void DetailsPane::refresh()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // Another node's instance: no strip, history or log here (they are on that node).
    const bool local = m_node.isEmpty();
    m_timeline->setVisible(local);
    m_history->parentWidget()->setVisible(local);
    if (m_status.name.isEmpty()) {
        //: Shown in the details pane while no instance is selected.
        m_summary->setText(tr("Select an instance to see its history and log."));
        m_timeline->setEvents({}, now);
        return;
    }
    if (!local) {
        const QString state = m_unreachable
                //: Details pane: another node's instance while that node does not answer.
                ? tr("state unknown, the node does not answer")
                : InstanceActions::describe(m_status);
        //: Details pane: an instance on another cluster node; %1 its name, %2 the node, %3 its state.
        m_summary->setText(tr("%1 on node %2: %3").arg(m_status.name, m_node, state)
                           + QStringLiteral(" \u00b7 ")
                           //: Details pane: why no history or log is shown for another node's instance.
                           + tr("its history and log are kept on that node"));
        m_timeline->setEvents({}, now);
        return;
    }
    QStringList parts { m_status.name + QLatin1String(": ") + InstanceActions::describe(m_status) };
    const QString uptime = InstanceActions::uptime(m_status, now);
    if (!uptime.isEmpty())
        parts << uptime;
    if (m_status.restarts >= 0)
        //: Details pane: restarts LockWatch made within the last 10 minutes.
        parts << tr("%n restart(s) in the last 10 minutes", nullptr, m_status.restarts);
    m_summary->setText(parts.join(QStringLiteral(" \u00b7 ")));
    // Waiting to restart: the time left counts down each second.
    m_clock.setInterval(m_status.state == State::Backoff ? 1000 : 60 * 1000);
    m_timeline->setEvents(m_events, now);
}

void DetailsPane::appendLog(const QString &text)
{
    QScrollBar *bar = m_log->verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 2;
    QString chunk = text;
    if (chunk.endsWith(QLatin1Char('\n')))
        chunk.chop(1);
    m_log->appendPlainText(chunk);
    if (atEnd)
        bar->setValue(bar->maximum());
}

void DetailsPane::showEvent(QShowEvent *event)
{
    refresh();
    m_clock.start();
    QWidget::showEvent(event);
}

void DetailsPane::hideEvent(QHideEvent *event)
{
    m_clock.stop();
    QWidget::hideEvent(event);
}

} // namespace LockWatch
