#include "core/agent/agent.h"

#include "core/agent/agentcluster.h"
#include "core/control/control.h"
#include "core/control/supervisor.h"
#include "core/ipc/historyfollower.h"
#include "core/logging.h"
#include "core/ipc/localserver.h"
#include "core/ipc/supervisorlock.h"
#include "core/model/paths.h"
#include "core/monitor/monitor.h"

#include <QLoggingCategory>


namespace LockWatch {

Agent::Agent(const QString &configPath, QObject *parent)
    : QObject(parent)
    , m_configPath(configPath)
    , m_monitor(new Monitor(this))
    , m_control(new Control(this))
    , m_supervisor(nullptr)
    , m_follower(new HistoryFollower(QString(), this))
    , m_lock(new SupervisorLock(SupervisorLock::Role::Agent, QString(), this))
    , m_server(new LocalServer(this))
    , m_cluster(new AgentCluster(configPath, m_monitor, m_control, this))
{
    m_control->setActor(HistoryEvent::By::Agent);
    m_supervisor = new Supervisor(m_monitor, m_control, this);
    // What happens is told in the service's log as it is recorded (by anyone).
    connect(m_follower, &HistoryFollower::appended, this,
            [this](const QList<HistoryEvent> &events) {
                for (const HistoryEvent &e : events) {
                    QString text = e.name + QLatin1String(": ") + e.describe();
                    if (e.pid > 0)
                        text += QLatin1String(", ") + tr("PID %1").arg(e.pid);
                    emit message(text);
                }
            });
    connect(m_control, &Control::transition, this,
            [this](const QString &name, State state) { m_monitor->setTransition(name, state); });
    connect(m_control, &Control::finished, this,
            [this](const QString &name, Control::Action, bool, const QString &text) {
                m_monitor->setTransition(name, State::Stopped); // ends it, re-classifies
                if (!text.isEmpty())
                    emit message(name + QLatin1String(": ") + text);
            });
    connect(m_monitor, &Monitor::configError, this, &Agent::message);
    connect(m_cluster, &AgentCluster::message, this, &Agent::message);
}

Agent::~Agent()
{
    delete m_cluster; // its member uses the monitor and control
}

bool Agent::start(QString *error, bool *interrupted)
{
    if (interrupted)
        *interrupted = false;
    if (!m_lock->tryAcquire(error)) {
        if (error && !error->isEmpty())
            return false;
        const SupervisorLock::Holder holder = m_lock->holder();
        if (holder.known && holder.role == SupervisorLock::Role::Agent) {
            if (error)
                *error = tr("A LockWatch agent already runs for this user (PID %1).")
                                 .arg(holder.pid);
            return false;
        }
        // A tray supervises: it hands over once what it is doing is done.
        if (holder.known)
            emit message(
                    tr("Waiting for the tray (PID %1) to hand supervision over.").arg(holder.pid));
        requestSupervisionRelease();
        bool stopped = false;
        if (!m_lock->acquireBlocking(&stopped, error)) {
            if (interrupted)
                *interrupted = stopped;
            return false;
        }
    }
    if (!m_monitor->watchConfig(m_configPath, error))
        return false;
    m_follower->start();
    m_supervisor->setActive(true);
    QString listenError;
    bool otherRunning = false;
    if (!m_server->listen(Paths::agentSocketName(), &listenError, &otherRunning))
        qCWarning(lcAgent) << "cannot listen on the agent socket:" << listenError;
    //: The agent has started; %n is the number of configured instances.
    emit message(tr("Supervising %n instance(s).", nullptr, int(m_monitor->instances().size())));
    // The [cluster] section is followed like the instances.
    connect(m_monitor, &Monitor::instancesChanged, m_cluster, &AgentCluster::update);
    connect(m_monitor, &Monitor::configRecovered, m_cluster, &AgentCluster::update);
    m_cluster->update();
    return true;
}

void Agent::stop(int timeoutMs, const std::function<void()> &done)
{
    m_cluster->leave(timeoutMs, done);
}

} // namespace LockWatch
