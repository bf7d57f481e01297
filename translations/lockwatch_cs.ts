<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cs_CZ">
<context>
    <name>Cli</name>
    <message>
        <source>Show the state of configured instances.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show what any lockfile means; no configuration needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an instance to the configuration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove an instance from the configuration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without a command, the tray starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watches lockfiles of single-instance programs: which run, which are stale, and who tries to start a second copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this configuration file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this language (cs, it, en).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LANG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print JSON instead of text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lockfile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The instance name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <extracomment>Column headings of `lockwatch status`.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop grace period (SIGTERM to SIGKILL).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working directory of the program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DIR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do (see Commands).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;; see lockwatch --help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; does not take a program after &quot;--&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Option --%1 does not apply to &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add takes exactly one NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid name: use letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; (at most 64).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add needs --lock FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--timeout takes whole seconds from 0 to 86400.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working directory %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Program &quot;%1&quot; not found or not executable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An instance named &quot;%1&quot; already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added &quot;%1&quot; watching %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove takes exactly one NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No instance named &quot;%1&quot; in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No instances configured. Add one with: lockwatch add NAME --lock FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STATE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SINCE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LOCKFILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inspect takes exactly one FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lockfile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Config</name>
    <message>
        <source>Configuration %1 belongs to another user; refusing to use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration %1 is writable by other users; refusing to use it (fix with: chmod go-w %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration directory %1 is writable by other users; refusing to use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read configuration %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration %1 is not a regular file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration %1 is malformed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration %1: &quot;%2&quot; is not a valid instance name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration %1, instance %2: unknown notification &quot;%3&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration %1, instance %2: &quot;lockfile&quot; must be an absolute path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration %1, instance %2: timeouts must be whole seconds between 0 and 86400.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration %1, instance %2: environment entry &quot;%3&quot; is not KEY=VALUE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create directory %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write configuration %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write configuration %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockState</name>
    <message>
        <source>running</source>
        <extracomment>State of a monitored program: its lock is held by a live process.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <extracomment>State of a monitored program: no lockfile, nothing runs.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stale</source>
        <extracomment>State of a lock (not of a program): the lockfile is left over, its holder is gone.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remote</source>
        <extracomment>State of a lock taken on another computer; it cannot be checked from here.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid</source>
        <extracomment>State of a lockfile whose content or type cannot be trusted.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lock predates the current boot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>holder is dead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PID now belongs to another process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nobody holds the kernel lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is a symbolic link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>larger than 64 KiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>content not understood</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a valid PID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>owned by another user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lock is older than 1 hour: a program using the 1-hour takeover rule would start a second copy now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timestamp not understood; the file time is used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>holder&apos;s start time cannot be read; PID reuse not ruled out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
