<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Announcer</name>
    <message numerus="yes">
        <source>It ended %n time(s) within 10 minutes; LockWatch no longer restarts it.</source>
        <extracomment>Notification text: restarts given up; the title names the program.</extracomment>
        <translation>
            <numerusform>It ended %n time within 10 minutes; LockWatch no longer restarts it.</numerusform>
            <numerusform>It ended %n times within 10 minutes; LockWatch no longer restarts it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message numerus="yes">
        <source>history %1: skipped %n damaged line(s) (%2).</source>
        <extracomment>%1 is the history file; %2 the line numbers of the damaged lines.</extracomment>
        <translation>
            <numerusform>history %1: skipped %n damaged line (%2).</numerusform>
            <numerusform>history %1: skipped %n damaged lines (%2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n restart(s)</source>
        <extracomment>After the state of a supervised instance: restarts within the last 10 minutes.</extracomment>
        <translation>
            <numerusform>%n restart</numerusform>
            <numerusform>%n restarts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryEvent</name>
    <message numerus="yes">
        <source>restarts given up after %n restart(s) within 10 minutes</source>
        <extracomment>History event: LockWatch stopped restarting the program.</extracomment>
        <translation>
            <numerusform>restarts given up after %n restart within 10 minutes</numerusform>
            <numerusform>restarts given up after %n restarts within 10 minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LockWatch::Agent</name>
    <message numerus="yes">
        <source>Supervising %n instance(s).</source>
        <extracomment>The agent has started; %n is the number of configured instances.</extracomment>
        <translation>
            <numerusform>Supervising %n instance.</numerusform>
            <numerusform>Supervising %n instances.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LockWatch::ClusterTray</name>
    <message numerus="yes">
        <source>Node %1 - %n running</source>
        <translation>
            <numerusform>Node %1 - %n running</numerusform>
            <numerusform>Node %1 - %n running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more on this node</source>
        <translation>
            <numerusform>%n more on this node</numerusform>
            <numerusform>%n more on this node</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LockWatch::Control</name>
    <message numerus="yes">
        <source>&quot;%1&quot; stopped: %n copies ended (PIDs %2).</source>
        <extracomment>%1 is an instance name, %2 a list of process IDs.</extracomment>
        <translation>
            <numerusform>&quot;%1&quot; stopped: %n copy ended (PID %2).</numerusform>
            <numerusform>&quot;%1&quot; stopped: %n copies ended (PIDs %2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Still running: PID %1.</source>
        <extracomment>%n copies of the program still run after a stop; %1 lists their process IDs.</extracomment>
        <translation>
            <numerusform>Still running: PID %1.</numerusform>
            <numerusform>Still running: PIDs %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LockWatch::DetailsPane</name>
    <message numerus="yes">
        <source>%n restart(s) in the last 10 minutes</source>
        <extracomment>Details pane: restarts LockWatch made within the last 10 minutes.</extracomment>
        <translation>
            <numerusform>%n restart in the last 10 minutes</numerusform>
            <numerusform>%n restarts in the last 10 minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LockWatch::LeaseKeeper</name>
    <message numerus="yes">
        <source>no keepalive was answered for %n second(s): the lease may have expired.</source>
        <translation>
            <numerusform>no keepalive was answered for %n second: the lease may have expired.</numerusform>
            <numerusform>no keepalive was answered for %n seconds: the lease may have expired.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LockWatch::Notifier</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate start(s) refused</source>
        <translation>
            <numerusform>%n duplicate start refused</numerusform>
            <numerusform>%n duplicate starts refused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n instance(s) running twice</source>
        <extracomment>An &quot;instance&quot; is one monitored program (one configured lockfile).</extracomment>
        <translation>
            <numerusform>%n instance running twice</numerusform>
            <numerusform>%n instances running twice</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n instance(s) stopped unexpectedly</source>
        <extracomment>An &quot;instance&quot; is one monitored program (one configured lockfile).</extracomment>
        <translation>
            <numerusform>%n instance stopped unexpectedly</numerusform>
            <numerusform>%n instances stopped unexpectedly</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stale lock(s) found</source>
        <translation>
            <numerusform>%n stale lock found</numerusform>
            <numerusform>%n stale locks found</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restarts of %n instance(s) given up</source>
        <extracomment>An &quot;instance&quot; is one monitored program (one configured lockfile).</extracomment>
        <translation>
            <numerusform>Restarts of %n instance given up</numerusform>
            <numerusform>Restarts of %n instances given up</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LockWatch::TrayMenu</name>
    <message numerus="yes">
        <source>%n more in the status window...</source>
        <translation>
            <numerusform>%n more in the status window...</numerusform>
            <numerusform>%n more in the status window...</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusIcon</name>
    <message numerus="yes">
        <source>%n instance(s)</source>
        <extracomment>An &quot;instance&quot; is one monitored program (one configured lockfile).</extracomment>
        <translation>
            <numerusform>%n instance</numerusform>
            <numerusform>%n instances</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>%n running</numerusform>
            <numerusform>%n running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running twice</source>
        <extracomment>Number of instances of which more than one copy runs.</extracomment>
        <translation>
            <numerusform>%n running twice</numerusform>
            <numerusform>%n running twice</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stale</source>
        <extracomment>Number of instances whose lockfile is stale (left over by a program that is gone).</extracomment>
        <translation>
            <numerusform>%n stale</numerusform>
            <numerusform>%n stale</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n starting, stopping, remote or invalid</source>
        <translation>
            <numerusform>%n starting, stopping, remote or invalid</numerusform>
            <numerusform>%n starting, stopping, remote or invalid</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stopped</source>
        <translation>
            <numerusform>%n stopped</numerusform>
            <numerusform>%n stopped</numerusform>
        </translation>
    </message>
</context>
</TS>
