<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
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
