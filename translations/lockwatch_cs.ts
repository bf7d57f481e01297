<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cs_CZ">
<context>
    <name>Announcer</name>
    <message>
        <source>%1 is left behind (%2).</source>
        <translation>Po programu zůstal soubor zámku %1 (%2).</translation>
    </message>
    <message>
        <source>A start was refused at %1; PID %2 holds the lock.</source>
        <extracomment>&quot;lock&quot; is the lockfile a program keeps while it runs.</extracomment>
        <translation>Spuštění bylo v %1 odmítnuto; zámek drží PID %2.</translation>
    </message>
    <message>
        <source>The lock went from PID %1 to PID %2, and PID %1 still runs: two copies are running now.</source>
        <extracomment>&quot;lock&quot; is the lockfile a program keeps while it runs.</extracomment>
        <translation>Zámek přešel z PID %1 na PID %2, ale PID %1 stále běží: teď běží dvě kopie.</translation>
    </message>
    <message>
        <source>Process %1 tried a second start at %2; PID %3 still holds the lock.</source>
        <extracomment>&quot;lock&quot; is the lockfile a program keeps while it runs.</extracomment>
        <translation>Proces %1 se v %2 pokusil o druhé spuštění; zámek stále drží PID %3.</translation>
    </message>
    <message>
        <source>Action on &quot;%1&quot; failed</source>
        <extracomment>Notification title when an action (start, stop, clean up) failed; %1 is the instance&apos;s name.</extracomment>
        <translation>Akce s instancí „%1“ se nezdařila</translation>
    </message>
    <message>
        <source>PID %1 ended: %2.</source>
        <extracomment>Notification text: a program ended by itself. %1 is its PID, %2 &quot;exit code 1&quot;, &quot;signal 9 (SIGKILL)&quot; or &quot;exit status unknown&quot;.</extracomment>
        <translation>Proces %1 skončil: %2.</translation>
    </message>
    <message>
        <source>Its lock was left behind.</source>
        <extracomment>&quot;lock&quot; is the lockfile a program keeps while it runs.</extracomment>
        <translation>Jeho zámek zůstal.</translation>
    </message>
    <message>
        <source>LockWatch restarts it in %1 s.</source>
        <extracomment>%1 is a number of seconds, e.g. &quot;0.2&quot; or &quot;4&quot;.</extracomment>
        <translation>LockWatch ho znovu spustí za %1 s.</translation>
    </message>
    <message>
        <source>Last lines of its log:</source>
        <translation>Poslední řádky protokolu:</translation>
    </message>
    <message numerus="yes">
        <source>It ended %n time(s) within 10 minutes; LockWatch no longer restarts it.</source>
        <extracomment>Notification text: restarts given up; the title names the program.</extracomment>
        <translation>
            <numerusform>Během 10 minut skončil %nkrát; LockWatch ho už znovu nespouští.</numerusform>
            <numerusform>Během 10 minut skončil %nkrát; LockWatch ho už znovu nespouští.</numerusform>
            <numerusform>Během 10 minut skončil %nkrát; LockWatch ho už znovu nespouští.</numerusform>
        </translation>
    </message>
    <message>
        <source>PID %1 runs the same program beside PID %2: two copies are running now.</source>
        <translation>Vedle PID %2 běží stejný program jako PID %1: teď běží dvě kopie.</translation>
    </message>
    <message>
        <source>A second copy (PID %1) started while PID %2 holds the lock, and gave up again.</source>
        <extracomment>&quot;lock&quot; is the lockfile a program keeps while it runs.</extracomment>
        <translation>Druhá kopie (PID %1) se spustila, zatímco zámek drží PID %2, a zase skončila.</translation>
    </message>
</context>
<context>
    <name>Autostart</name>
    <message>
        <source>Could not remove %1.</source>
        <translation>%1 nelze odstranit.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Do %1 nelze zapsat: %2</translation>
    </message>
    <message>
        <source>This build of LockWatch has no autostart entry to write.</source>
        <extracomment>&quot;Start at login&quot; could not be switched on: this build lacks a file.</extracomment>
        <translation>Toto sestavení LockWatch nemá položku pro spouštění po přihlášení.</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Show the state of configured instances.</source>
        <translation>Zobrazí stav nastavených instancí.</translation>
    </message>
    <message>
        <source>Show what any lockfile means; no configuration needed.</source>
        <translation>Vysvětlí libovolný soubor zámku; konfigurace není potřeba.</translation>
    </message>
    <message>
        <source>Remove an instance from the configuration.</source>
        <translation>Odebere instanci z konfigurace.</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Příkazy:</translation>
    </message>
    <message>
        <source>Without a command, the tray starts.</source>
        <extracomment>&quot;The tray&quot;: LockWatch&apos;s icon in the desktop panel&apos;s notification area.</extracomment>
        <translation>Bez příkazu se spustí ikona v oznamovací oblasti.</translation>
    </message>
    <message>
        <source>Watches lockfiles of single-instance programs: which run, which are stale, and who tries to start a second copy.</source>
        <translation>Hlídá soubory zámků programů, které smějí běžet jen jednou: které běží, které zámky jsou zastaralé a kdo se pokouší spustit druhou kopii.</translation>
    </message>
    <message>
        <source>Use this configuration file.</source>
        <translation>Použije tento konfigurační soubor.</translation>
    </message>
    <message>
        <source>FILE</source>
        <extracomment>Placeholder in --help: a file path. Upper case, one word, no spaces.</extracomment>
        <translation>SOUBOR</translation>
    </message>
    <message>
        <source>Use this language (cs, it, en).</source>
        <translation>Použije tento jazyk (cs, it, en).</translation>
    </message>
    <message>
        <source>LANG</source>
        <extracomment>Placeholder in --help: a language code (cs, it, en). Upper case, one word.</extracomment>
        <translation>JAZYK</translation>
    </message>
    <message>
        <source>Print JSON instead of text.</source>
        <translation>Vypíše JSON místo textu.</translation>
    </message>
    <message>
        <source>The lockfile.</source>
        <translation>Soubor zámku.</translation>
    </message>
    <message>
        <source>The instance name.</source>
        <translation>Název instance.</translation>
    </message>
    <message>
        <source>NAME</source>
        <extracomment>Placeholder in --help: an instance name. Upper case, one word, no spaces.
----------
Column headings of `lockwatch status`.</extracomment>
        <translation>NÁZEV</translation>
    </message>
    <message>
        <source>Stop grace period (SIGTERM to SIGKILL).</source>
        <extracomment>Option --timeout: seconds between SIGTERM and SIGKILL when stopping.</extracomment>
        <translation>Lhůta na zastavení (od SIGTERM do SIGKILL).</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <extracomment>Placeholder in --help: a number of seconds. Upper case, one word, no spaces.</extracomment>
        <translation>SEKUNDY</translation>
    </message>
    <message>
        <source>Working directory of the program.</source>
        <translation>Pracovní adresář programu.</translation>
    </message>
    <message>
        <source>DIR</source>
        <extracomment>Placeholder in --help: a directory. Upper case, one word, no spaces.</extracomment>
        <translation>ADRESÁŘ</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;; see lockwatch --help.</source>
        <translation>Neznámý příkaz „%1“; viz lockwatch --help.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; does not take a program after &quot;--&quot;.</source>
        <translation>Příkaz „%1“ nepřijímá program za „--“.</translation>
    </message>
    <message>
        <source>Option --%1 does not apply to &quot;%2&quot;.</source>
        <translation>Volbu --%1 nelze použít s příkazem „%2“.</translation>
    </message>
    <message>
        <source>add takes exactly one NAME.</source>
        <translation>Příkaz add vyžaduje právě jeden název instance.</translation>
    </message>
    <message>
        <source>add needs --lock FILE.</source>
        <translation>Příkaz add vyžaduje volbu --lock s cestou k souboru zámku.</translation>
    </message>
    <message>
        <source>An instance named &quot;%1&quot; already exists.</source>
        <translation>Instance s názvem „%1“ už existuje.</translation>
    </message>
    <message>
        <source>Added &quot;%1&quot; watching %2.</source>
        <translation>Instance „%1“ přidána, hlídá soubor %2.</translation>
    </message>
    <message>
        <source>remove takes exactly one NAME.</source>
        <translation>Příkaz remove vyžaduje právě jeden název instance.</translation>
    </message>
    <message>
        <source>No instance named &quot;%1&quot; in %2.</source>
        <translation>V %2 není žádná instance s názvem „%1“.</translation>
    </message>
    <message>
        <source>Removed &quot;%1&quot;.</source>
        <translation>Instance „%1“ odebrána.</translation>
    </message>
    <message>
        <source>STATE</source>
        <extracomment>Column heading of `lockwatch status`; keep it short.</extracomment>
        <translation>STAV</translation>
    </message>
    <message>
        <source>PID</source>
        <extracomment>Column heading of `lockwatch status` (process ID).</extracomment>
        <translation>PID</translation>
    </message>
    <message>
        <source>SINCE</source>
        <extracomment>Column heading of `lockwatch status`: when the lock was taken.</extracomment>
        <translation>OD</translation>
    </message>
    <message>
        <source>LOCKFILE</source>
        <extracomment>Column heading of `lockwatch status`: the lockfile&apos;s path.</extracomment>
        <translation>SOUBOR ZÁMKU</translation>
    </message>
    <message>
        <source>inspect takes exactly one FILE.</source>
        <translation>Příkaz inspect vyžaduje právě jeden soubor.</translation>
    </message>
    <message>
        <source>Lockfile:</source>
        <translation>Soubor zámku:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Stav:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Formát:</translation>
    </message>
    <message>
        <source>PID:</source>
        <translation>PID:</translation>
    </message>
    <message>
        <source>Host:</source>
        <extracomment>`lockwatch inspect`: the computer named in the lock.</extracomment>
        <translation>Počítač:</translation>
    </message>
    <message>
        <source>Since:</source>
        <extracomment>`lockwatch inspect`: the time the lock was taken.</extracomment>
        <translation>Od:</translation>
    </message>
    <message>
        <source>Warning:</source>
        <translation>Varování:</translation>
    </message>
    <message>
        <source>%1  %2: %3</source>
        <extracomment>`lockwatch watch`: the current state of an instance. %1 time, %2 instance name, %3 state</extracomment>
        <translation>%1  %2: %3</translation>
    </message>
    <message>
        <source>%1  %2: %3 → %4</source>
        <extracomment>`lockwatch watch`: a state change. %1 time, %2 instance name, %3 old state, %4 new state</extracomment>
        <translation>%1  %2: %3 → %4</translation>
    </message>
    <message>
        <source>%1  %2: DUPLICATE RUNNING: the lock passed from PID %3 to PID %4 while PID %3 still runs</source>
        <extracomment>`lockwatch watch`: a program took over a lock older than an hour; two copies of the program run now.</extracomment>
        <translation>%1  %2: BĚŽÍ DVAKRÁT: zámek přešel z PID %3 na PID %4, ale PID %3 stále běží</translation>
    </message>
    <message>
        <source>%1  %2: duplicate start attempt by PID %3 (running as PID %4)</source>
        <extracomment>`lockwatch watch`: a second copy of a running program checked its lock.</extracomment>
        <translation>%1  %2: pokus o druhé spuštění procesem %3 (běží jako PID %4)</translation>
    </message>
    <message>
        <source>%1  %2: no longer watched (removed from the configuration)</source>
        <extracomment>`lockwatch watch --cluster`: an instance was removed from its node&apos;s configuration.
----------
`lockwatch watch`: an instance was removed from the configuration.</extracomment>
        <translation>%1  %2: už se nehlídá (odebráno z konfigurace)</translation>
    </message>
    <message>
        <source>%1 takes exactly one NAME.</source>
        <translation>Příkaz %1 vyžaduje právě jeden název instance.</translation>
    </message>
    <message>
        <source>Cannot install signal handlers: %1</source>
        <translation>Nelze nastavit obsluhu signálů: %1</translation>
    </message>
    <message>
        <source>PID %1</source>
        <translation>PID %1</translation>
    </message>
    <message>
        <source>Print every state change as it happens, until interrupted.</source>
        <translation>Vypisuje každou změnu stavu, jakmile nastane, dokud příkaz nepřerušíte.</translation>
    </message>
    <message>
        <source>Remove a stale lock after re-checking it.</source>
        <translation>Po opětovné kontrole odstraní zastaralý zámek.</translation>
    </message>
    <message>
        <source>Start a configured instance (--clean: remove a stale lock first).</source>
        <translation>Spustí nastavenou instanci (--clean: nejdřív odstraní zastaralý zámek).</translation>
    </message>
    <message>
        <source>Stop a running instance: SIGTERM, then SIGKILL after the grace period.</source>
        <translation>Zastaví běžící instanci: SIGTERM, po uplynutí lhůty SIGKILL.</translation>
    </message>
    <message>
        <source>run needs --lock FILE.</source>
        <translation>Příkaz run vyžaduje volbu --lock s cestou k souboru zámku.</translation>
    </message>
    <message>
        <source>run needs a program after &quot;--&quot;.</source>
        <translation>Příkaz run vyžaduje program za „--“.</translation>
    </message>
    <message>
        <source>start: remove a stale lock first.</source>
        <translation>start: nejdřív odstraní zastaralý zámek.</translation>
    </message>
    <message>
        <source>watch takes no arguments.</source>
        <translation>Příkaz watch nepřijímá žádné argumenty.</translation>
    </message>
    <message>
        <source>watch: print the current states first.</source>
        <translation>watch: nejdřív vypíše současné stavy.</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;. Did you mean &quot;%2&quot;?</source>
        <translation>Neznámý příkaz „%1“. Měli jste na mysli „%2“?</translation>
    </message>
    <message>
        <source>Configuration file %1 does not exist; only lockwatch add creates it.</source>
        <translation>Soubor konfigurace %1 neexistuje; vytvoří ho jen lockwatch add.</translation>
    </message>
    <message>
        <source>%1  %2: UNEXPECTED STOP: PID %3 ended without a stop request</source>
        <extracomment>`lockwatch watch`: a running program ended without anyone asking it to (a crash).</extracomment>
        <translation>%1  %2: NEOČEKÁVANÝ KONEC: PID %3 skončil, aniž by kdo požádal o zastavení</translation>
    </message>
    <message>
        <source>Unknown option &quot;%1&quot;; see lockwatch --help.</source>
        <translation>Neznámá volba „%1“; viz lockwatch --help.</translation>
    </message>
    <message>
        <source>Option %1 needs a value.</source>
        <translation>Volba %1 vyžaduje hodnotu.</translation>
    </message>
    <message>
        <source>Option %1 takes no value.</source>
        <translation>Volba %1 nepřijímá žádnou hodnotu.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Zobrazí tuto nápovědu.</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>Zobrazí verzi.</translation>
    </message>
    <message>
        <source>PROGRAM</source>
        <extracomment>Placeholder in --help: the program to run. Upper case, one word, no spaces.</extracomment>
        <translation>PROGRAM</translation>
    </message>
    <message>
        <source>ARG</source>
        <extracomment>Placeholder in --help: one argument of the program. Upper case, one word.</extracomment>
        <translation>ARGUMENT</translation>
    </message>
    <message>
        <source>Usage: lockwatch [options] [command]</source>
        <extracomment>The first line of --help; &quot;lockwatch&quot; is the command and stays as it is.</extracomment>
        <translation>Použití: lockwatch [volby] [příkaz]</translation>
    </message>
    <message>
        <source>Options:</source>
        <extracomment>Heading of the option list in --help.</extracomment>
        <translation>Volby:</translation>
    </message>
    <message>
        <source>run takes the program after &quot;--&quot;: %1</source>
        <extracomment>%1 is the command&apos;s synopsis, &quot;lockwatch run --lock FILE -- PROGRAM [ARG...]&quot;.</extracomment>
        <translation>Příkaz run očekává program za „--“: %1</translation>
    </message>
    <message>
        <source>No instances configured. Add one with: %1</source>
        <extracomment>%1 is a command&apos;s synopsis, &quot;lockwatch add NAME --lock FILE&quot;.</extracomment>
        <translation>Nejsou nastaveny žádné instance. Instanci přidáte příkazem: %1</translation>
    </message>
    <message>
        <source>--timeout: %1</source>
        <extracomment>%1 says which values the configuration key behind --timeout takes.</extracomment>
        <translation>--timeout: %1</translation>
    </message>
    <message>
        <source>agent takes no arguments.</source>
        <translation>Příkaz agent nepřijímá žádné argumenty.</translation>
    </message>
    <message>
        <source>Add an instance to the configuration; with --restart and the options after it, supervised.</source>
        <translation>Přidá instanci do konfigurace; s --restart a volbami za ní i s dohledem.</translation>
    </message>
    <message>
        <source>Run a program only if no other copy holds the lock (--cluster: on no other node either; --wait: stand by and take over when the holder ends).</source>
        <translation>Spustí program, jen pokud zámek nedrží jiná kopie (--cluster: ani na jiném uzlu; --wait: čekat v záloze a převzít, až držitel skončí).</translation>
    </message>
    <message>
        <source>Monitor, supervise and record without a display, until stopped (SIGTERM); for servers and a systemd user service.</source>
        <translation>Hlídá, dohlíží a zaznamenává bez grafického prostředí, dokud není zastaven (SIGTERM); pro servery a jako uživatelská služba systemd.</translation>
    </message>
    <message>
        <source>Show what happened to instances (starts, stops, crashes, restarts...), oldest first.</source>
        <translation>Zobrazí, co se s instancemi dělo (spuštění, zastavení, pády, restarty...), od nejstaršího.</translation>
    </message>
    <message>
        <source>add: restart the program when it ends: never, on-crash or always.</source>
        <extracomment>Option --restart of `add`: never, on-crash or always (keep these words).</extracomment>
        <translation>add: kdy program znovu spustit, když skončí: never, on-crash nebo always.</translation>
    </message>
    <message>
        <source>add: seconds before the first restart (doubled for each further one).</source>
        <translation>add: sekundy před prvním restartem (před každým dalším dvojnásobek).</translation>
    </message>
    <message>
        <source>add: the longest wait before a restart.</source>
        <translation>add: nejdelší prodleva před restartem.</translation>
    </message>
    <message>
        <source>add: running this long resets the wait to the first delay.</source>
        <translation>add: po takto dlouhém běhu se prodleva vrátí na první.</translation>
    </message>
    <message>
        <source>add: restarts within 10 minutes before giving up.</source>
        <translation>add: počet restartů během 10 minut, po kterém se restarty vzdají.</translation>
    </message>
    <message>
        <source>history: only what happened within this duration.</source>
        <extracomment>Option --since of `history`: only events newer than this (30m, 2h, 1d).</extracomment>
        <translation>history: jen to, co se stalo za tuto dobu.</translation>
    </message>
    <message>
        <source>Across every node of the cluster ([cluster] in the configuration).</source>
        <extracomment>Option --cluster; [cluster] is the configuration section, keep it as it is.</extracomment>
        <translation>Napříč všemi uzly clusteru ([cluster] v konfiguraci).</translation>
    </message>
    <message>
        <source>run --cluster: stand by until the lock is free, then run.</source>
        <translation>run --cluster: čekat v záloze, dokud se zámek neuvolní, pak spustit.</translation>
    </message>
    <message>
        <source>No [cluster] section with etcd=URL in %1.</source>
        <translation>V %1 chybí sekce [cluster] s etcd=URL.</translation>
    </message>
    <message>
        <source>no answer from etcd</source>
        <translation>etcd neodpovídá</translation>
    </message>
    <message>
        <source>Cluster unreachable: %1</source>
        <translation>Cluster je nedostupný: %1</translation>
    </message>
    <message>
        <source>NODE</source>
        <extracomment>Column heading of `lockwatch status --cluster`: the machine in the cluster.
----------
Placeholder in --help: a machine of the cluster ([cluster] node=). Upper case, one word.</extracomment>
        <translation>UZEL</translation>
    </message>
    <message>
        <source>cluster reachable again</source>
        <extracomment>`lockwatch watch --cluster`: etcd does not answer (or answers again).</extracomment>
        <translation>cluster je opět dostupný</translation>
    </message>
    <message>
        <source>cluster unreachable</source>
        <translation>cluster je nedostupný</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not NODE/NAME.</source>
        <translation>„%1“ není UZEL/NÁZEV.</translation>
    </message>
    <message>
        <source>--restart takes never, on-crash or always.</source>
        <translation>--restart očekává never, on-crash nebo always.</translation>
    </message>
    <message>
        <source>--%1 takes seconds from 0 to %2 (e.g. 0.5).</source>
        <extracomment>%1 is an option such as --restart-delay.</extracomment>
        <translation>--%1 očekává sekundy od 0 do %2 (např. 0.5).</translation>
    </message>
    <message>
        <source>DURATION</source>
        <extracomment>Placeholder in --help: a duration such as 30m or 2h. Upper case, one word.</extracomment>
        <translation>DOBA</translation>
    </message>
    <message>
        <source>POLICY</source>
        <extracomment>Placeholder in --help: a restart policy (never, on-crash, always). Upper case, one word.</extracomment>
        <translation>PRAVIDLO</translation>
    </message>
    <message>
        <source>COUNT</source>
        <extracomment>Placeholder in --help: a whole number. Upper case, one word.</extracomment>
        <translation>POČET</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid instance name.</source>
        <translation>„%1“ není platný název instance.</translation>
    </message>
    <message>
        <source>--since takes a duration such as 30m, 2h, 1d or 1h30m.</source>
        <extracomment>--since takes a duration such as 90s, 30m, 2h, 1d or 1h30m.</extracomment>
        <translation>--since očekává dobu, například 30m, 2h, 1d nebo 1h30m.</translation>
    </message>
    <message numerus="yes">
        <source>history %1: skipped %n damaged line(s) (%2).</source>
        <extracomment>%1 is the history file; %2 the line numbers of the damaged lines.</extracomment>
        <translation>
            <numerusform>historie %1: přeskočen %n poškozený řádek (%2).</numerusform>
            <numerusform>historie %1: přeskočeny %n poškozené řádky (%2).</numerusform>
            <numerusform>historie %1: přeskočeno %n poškozených řádků (%2).</numerusform>
        </translation>
    </message>
    <message>
        <source>No events recorded.</source>
        <translation>Nejsou zaznamenány žádné události.</translation>
    </message>
    <message>
        <source>in %1 s</source>
        <extracomment>After &quot;waiting to restart&quot;: the time left, %1 in seconds (&quot;2.5&quot;).</extracomment>
        <translation>za %1 s</translation>
    </message>
    <message numerus="yes">
        <source>%n restart(s)</source>
        <extracomment>After the state of a supervised instance: restarts within the last 10 minutes.</extracomment>
        <translation>
            <numerusform>%n restart</numerusform>
            <numerusform>%n restarty</numerusform>
            <numerusform>%n restartů</numerusform>
        </translation>
    </message>
    <message>
        <source>run --cluster needs --name NAME: the name of the cluster-wide lock.</source>
        <translation>Příkaz run --cluster potřebuje --name NÁZEV: název zámku pro celý cluster.</translation>
    </message>
    <message>
        <source>run --cluster needs a [cluster] section with etcd=URL in %1.</source>
        <translation>Příkaz run --cluster potřebuje v %1 sekci [cluster] s etcd=URL.</translation>
    </message>
    <message>
        <source>Cannot create directory %1.</source>
        <translation>Adresář %1 nelze vytvořit.</translation>
    </message>
    <message>
        <source>--wait goes with --cluster.</source>
        <translation>--wait patří k --cluster.</translation>
    </message>
    <message>
        <source>PIDs %1</source>
        <extracomment>`lockwatch watch`: the process IDs of every copy of a program that runs.</extracomment>
        <translation>PID %1</translation>
    </message>
    <message>
        <source>%1  %2: DUPLICATE RUNNING: PID %3 runs beside PID %4</source>
        <extracomment>`lockwatch watch`: a second copy of a program runs beside the first one.</extracomment>
        <translation>%1  %2: BĚŽÍ DVAKRÁT: PID %3 běží vedle PID %4</translation>
    </message>
</context>
<context>
    <name>ClusterConfig</name>
    <message>
        <source>Configuration %1, section [cluster]</source>
        <translation>Konfigurace %1, sekce [cluster]</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not an etcd URL (http://HOST:PORT or https://HOST:PORT).</source>
        <translation>%1: „%2“ není URL etcd (http://HOST:PORT nebo https://HOST:PORT).</translation>
    </message>
    <message>
        <source>%1: &quot;ttl&quot; must be whole seconds from %2 to %3.</source>
        <translation>%1: „ttl“ musí být celé sekundy od %2 do %3.</translation>
    </message>
    <message>
        <source>%1: &quot;etcd&quot; names no URL.</source>
        <translation>%1: „etcd“ neuvádí žádné URL.</translation>
    </message>
    <message>
        <source>%1: &quot;prefix&quot; must start with &apos;/&apos;, not end with it, and hold no spaces.</source>
        <translation>%1: „prefix“ musí začínat znakem &apos;/&apos;, nesmí jím končit a nesmí obsahovat mezery.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a valid node name: use ASCII letters (a-z, A-Z), digits and &apos;_&apos;, and after the first character also &apos;.&apos; and &apos;-&apos; (at most 64 characters).</source>
        <translation>%1: „%2“ není platný název uzlu: použijte písmena bez diakritiky (a–z, A–Z), číslice a &apos;_&apos;, po prvním znaku také &apos;.&apos; a &apos;-&apos; (nejvýše 64 znaků).</translation>
    </message>
    <message>
        <source>%1: &quot;user&quot; and &quot;password-file&quot; go together.</source>
        <translation>%1: „user“ a „password-file“ patří k sobě.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; must be an absolute path.</source>
        <translation>%1: „%2“ musí být absolutní cesta.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 says where in the configuration, %2 what is wrong there.</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Cannot read the etcd password file %1: %2</source>
        <translation>Soubor s heslem pro etcd %1 nelze přečíst: %2</translation>
    </message>
    <message>
        <source>The etcd password file %1 must be private (owned by you, mode 0600); refusing to use it (fix with: chmod 600 %1).</source>
        <translation>Soubor s heslem pro etcd %1 musí být soukromý (váš, práva 0600); nebude použit (opravte příkazem: chmod 600 %1).</translation>
    </message>
    <message>
        <source>The etcd password file %1 is not a small regular file.</source>
        <translation>Soubor s heslem pro etcd %1 není malý běžný soubor.</translation>
    </message>
    <message>
        <source>The etcd password file %1 is empty.</source>
        <translation>Soubor s heslem pro etcd %1 je prázdný.</translation>
    </message>
</context>
<context>
    <name>ClusterRunner</name>
    <message>
        <source>Cannot take the cluster lock %1: %2</source>
        <translation>Zámek clusteru %1 nelze získat: %2</translation>
    </message>
    <message>
        <source>an unknown time</source>
        <translation>neznámé doby</translation>
    </message>
    <message>
        <source>The cluster lock %1 is held by PID %2 on node %3 since %4; not started.</source>
        <translation>Zámek clusteru %1 drží PID %2 na uzlu %3 od %4; nespuštěno.</translation>
    </message>
    <message>
        <source>The cluster lock %1 is held by PID %2 on node %3 since %4; waiting to take over.</source>
        <translation>Zámek clusteru %1 drží PID %2 na uzlu %3 od %4; čeká se na převzetí.</translation>
    </message>
    <message>
        <source>Took over the cluster lock %1.</source>
        <translation>Zámek clusteru %1 převzat.</translation>
    </message>
    <message>
        <source>The cluster lock %1 may be lost (no answer from etcd); stopping PID %2.</source>
        <translation>Zámek clusteru %1 mohl být ztracen (etcd neodpovídá); zastavuje se PID %2.</translation>
    </message>
    <message>
        <source>The cluster lock %1 is lost (%2); stopping PID %3.</source>
        <translation>Zámek clusteru %1 je ztracen (%2); zastavuje se PID %3.</translation>
    </message>
    <message>
        <source>The cluster lock %1 was lost; waiting to take it again.</source>
        <translation>Zámek clusteru %1 byl ztracen; čeká se na jeho opětovné získání.</translation>
    </message>
    <message>
        <source>The cluster lock %1 was lost; the program was stopped.</source>
        <translation>Zámek clusteru %1 byl ztracen; program byl zastaven.</translation>
    </message>
    <message>
        <source>Cannot receive signals: %1</source>
        <translation>Nelze přijímat signály: %1</translation>
    </message>
</context>
<context>
    <name>Config</name>
    <message>
        <source>Configuration %1 belongs to another user; refusing to use it.</source>
        <translation>Konfigurace %1 patří jinému uživateli; nebude použita.</translation>
    </message>
    <message>
        <source>Configuration %1 is writable by other users; refusing to use it (fix with: chmod go-w %1).</source>
        <translation>Do konfigurace %1 mohou zapisovat jiní uživatelé; nebude použita (opravte příkazem: chmod go-w %1).</translation>
    </message>
    <message>
        <source>Configuration directory %1 is writable by other users; refusing to use it.</source>
        <translation>Do adresáře s konfigurací %1 mohou zapisovat jiní uživatelé; konfigurace nebude použita.</translation>
    </message>
    <message>
        <source>Cannot read configuration %1: %2</source>
        <translation>Konfiguraci %1 nelze přečíst: %2</translation>
    </message>
    <message>
        <source>Configuration %1 is not a regular file.</source>
        <translation>Konfigurace %1 není běžný soubor.</translation>
    </message>
    <message>
        <source>Configuration %1 is malformed.</source>
        <translation>Konfigurace %1 má chybný formát.</translation>
    </message>
    <message>
        <source>Configuration %1: &quot;%2&quot; is not a valid instance name.</source>
        <translation>Konfigurace %1: „%2“ není platný název instance.</translation>
    </message>
    <message>
        <source>Configuration %1, instance %2: unknown notification &quot;%3&quot;.</source>
        <translation>Konfigurace %1, instance %2: neznámý typ upozornění „%3“.</translation>
    </message>
    <message>
        <source>Cannot create directory %1.</source>
        <translation>Adresář %1 nelze vytvořit.</translation>
    </message>
    <message>
        <source>Cannot write configuration %1: %2</source>
        <translation>Konfiguraci %1 nelze zapsat: %2</translation>
    </message>
    <message>
        <source>Cannot write configuration %1.</source>
        <translation>Konfiguraci %1 nelze zapsat.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is reserved for the configuration file&apos;s own settings; choose another name.</source>
        <extracomment>&quot;General&quot; is the INI section of the configuration file&apos;s own settings.</extracomment>
        <translation>Název „%1“ je vyhrazen pro vlastní nastavení konfiguračního souboru; zvolte jiný.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid name: use ASCII letters (a-z, A-Z), digits and &apos;_&apos;, and after the first character also &apos;.&apos; and &apos;-&apos; (at most 64 characters).</source>
        <extracomment>An instance name is an INI section and part of file names: only a-z and A-Z, no accented letters.</extracomment>
        <translation>„%1“ není platný název: použijte písmena bez diakritiky (a–z, A–Z), číslice a „_“, od druhého znaku také „.“ a „-“ (nejvýše 64 znaků).</translation>
    </message>
    <message>
        <source>Configuration %1, instance %2: %3</source>
        <extracomment>%1 is the configuration file, %2 an instance name, %3 what is wrong with it.</extracomment>
        <translation>Konfigurace %1, instance %2: %3</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is reserved for the cluster settings; choose another name.</source>
        <extracomment>&quot;cluster&quot; is the INI section of the etcd settings.</extracomment>
        <translation>„%1“ je vyhrazeno pro nastavení clusteru; zvolte jiný název.</translation>
    </message>
    <message>
        <source>Configuration %1 is reached through %2, which belongs to another user; refusing to use it.</source>
        <extracomment>%2 is a directory or a symbolic link on the way to the configuration file.</extracomment>
        <translation>Ke konfiguraci %1 se vede přes %2, který patří jinému uživateli; konfigurace nebude použita.</translation>
    </message>
    <message>
        <source>Configuration %1 is larger than %2 MiB; refusing to read it.</source>
        <translation>Konfigurace %1 je větší než %2 MiB; nebude načtena.</translation>
    </message>
    <message>
        <source>Configuration %1, instance %2: restart must be never, on-crash or always, not &quot;%3&quot;.</source>
        <extracomment>%3 is what the file says; never, on-crash and always are the values to write.</extracomment>
        <translation>Konfigurace %1, instance %2: restart musí být never, on-crash nebo always, ne „%3“.</translation>
    </message>
</context>
<context>
    <name>EtcdParse</name>
    <message>
        <source>etcd sent a malformed answer: %1</source>
        <translation>etcd poslal poškozenou odpověď: %1</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>není to objekt JSON</translation>
    </message>
    <message>
        <source>&quot;kvs&quot; is not a list</source>
        <translation>„kvs“ není seznam</translation>
    </message>
    <message>
        <source>too many keys</source>
        <translation>příliš mnoho klíčů</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not true or false</source>
        <translation>„%1“ není true ani false</translation>
    </message>
    <message>
        <source>&quot;responses&quot; is not a list</source>
        <translation>„responses“ není seznam</translation>
    </message>
    <message>
        <source>a transaction response is not an object</source>
        <translation>odpověď transakce není objekt</translation>
    </message>
    <message>
        <source>a transaction response of unknown kind</source>
        <translation>odpověď transakce neznámého druhu</translation>
    </message>
    <message>
        <source>transactions nested too deep</source>
        <translation>transakce vnořené příliš hluboko</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an integer</source>
        <translation>„%1“ není celé číslo</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not base64 of at most %2 bytes</source>
        <translation>„%1“ není base64 o nejvýše %2 bajtech</translation>
    </message>
    <message>
        <source>a key is not an object</source>
        <translation>klíč není objekt</translation>
    </message>
    <message>
        <source>a key is empty</source>
        <translation>klíč je prázdný</translation>
    </message>
    <message>
        <source>no &quot;header&quot;</source>
        <translation>chybí „header“</translation>
    </message>
    <message>
        <source>negative revision</source>
        <translation>záporná revize</translation>
    </message>
    <message>
        <source>an event is not an object</source>
        <translation>událost není objekt</translation>
    </message>
    <message>
        <source>an event of unknown type</source>
        <translation>událost neznámého typu</translation>
    </message>
    <message>
        <source>no &quot;result&quot;</source>
        <translation>chybí „result“</translation>
    </message>
    <message>
        <source>lease time to live out of range</source>
        <translation>doba platnosti pronájmu mimo rozsah</translation>
    </message>
    <message>
        <source>no lease ID</source>
        <translation>chybí ID pronájmu</translation>
    </message>
    <message>
        <source>no token</source>
        <translation>chybí token</translation>
    </message>
    <message>
        <source>HTTP status %1</source>
        <translation>stav HTTP %1</translation>
    </message>
    <message>
        <source>etcd refused: %1</source>
        <translation>etcd odmítl: %1</translation>
    </message>
</context>
<context>
    <name>ExitStatus</name>
    <message>
        <source>exit code %1</source>
        <extracomment>How a program ended: %1 is its exit code (0 = success).</extracomment>
        <translation>návratový kód %1</translation>
    </message>
    <message>
        <source>signal %1 (%2)</source>
        <extracomment>How a program ended: %1 is the signal number, %2 its name (SIGKILL).</extracomment>
        <translation>signál %1 (%2)</translation>
    </message>
    <message>
        <source>exit status unknown</source>
        <extracomment>How a program ended is not known (LockWatch did not start it, so cannot ask).</extracomment>
        <translation>způsob ukončení neznámý</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>Cannot read the history %1: %2.</source>
        <translation>Historii %1 nelze přečíst: %2.</translation>
    </message>
    <message>
        <source>The history %1 is not a regular file of this user; it is not used.</source>
        <translation>Historie %1 není běžný soubor tohoto uživatele; nepoužije se.</translation>
    </message>
    <message>
        <source>Cannot lock the history %1: %2.</source>
        <translation>Historii %1 nelze zamknout: %2.</translation>
    </message>
    <message>
        <source>Cannot write the history %1: %2.</source>
        <translation>Do historie %1 nelze zapisovat: %2.</translation>
    </message>
    <message>
        <source>not a regular file of this user</source>
        <translation>není to běžný soubor tohoto uživatele</translation>
    </message>
    <message>
        <source>disk full</source>
        <translation>disk je plný</translation>
    </message>
    <message>
        <source>Cannot compact the history %1: %2.</source>
        <translation>Historii %1 nelze zkrátit: %2.</translation>
    </message>
</context>
<context>
    <name>HistoryEvent</name>
    <message>
        <source>started from the tray</source>
        <extracomment>History event: the program was started from LockWatch&apos;s tray.</extracomment>
        <translation>spuštěno z oznamovací oblasti</translation>
    </message>
    <message>
        <source>started from the command line</source>
        <extracomment>History event: the program was started with `lockwatch start`.</extracomment>
        <translation>spuštěno z příkazové řádky</translation>
    </message>
    <message>
        <source>started by the agent</source>
        <extracomment>History event: the program was started by the LockWatch agent.</extracomment>
        <translation>spuštěno agentem</translation>
    </message>
    <message>
        <source>restarted</source>
        <extracomment>History event: LockWatch restarted the program after it crashed.</extracomment>
        <translation>znovu spuštěno</translation>
    </message>
    <message>
        <source>started outside LockWatch</source>
        <extracomment>History event: the program was started outside LockWatch.</extracomment>
        <translation>spuštěno mimo LockWatch</translation>
    </message>
    <message>
        <source>started</source>
        <translation>spuštěno</translation>
    </message>
    <message>
        <source>took its lock</source>
        <extracomment>History event: the program took its lockfile. &quot;lock&quot;: the lockfile.</extracomment>
        <translation>získalo svůj zámek</translation>
    </message>
    <message>
        <source>stop requested from the tray</source>
        <extracomment>History event: the user asked LockWatch&apos;s tray to stop the program.</extracomment>
        <translation>zastavení vyžádáno z oznamovací oblasti</translation>
    </message>
    <message>
        <source>stop requested from the command line</source>
        <extracomment>History event: someone ran `lockwatch stop`.</extracomment>
        <translation>zastavení vyžádáno z příkazové řádky</translation>
    </message>
    <message>
        <source>stop requested through the agent</source>
        <extracomment>History event: the LockWatch agent was asked to stop the program.</extracomment>
        <translation>zastavení vyžádáno přes agenta</translation>
    </message>
    <message>
        <source>stop requested</source>
        <translation>zastavení vyžádáno</translation>
    </message>
    <message>
        <source>stopped</source>
        <extracomment>History event: the program ended after a stop was requested.</extracomment>
        <translation>zastaveno</translation>
    </message>
    <message>
        <source>exited (%1)</source>
        <extracomment>History event: the program&apos;s process ended; %1 is &quot;exit code 1&quot;, &quot;signal 9 (SIGKILL)&quot; or &quot;exit status unknown&quot;.</extracomment>
        <translation>skončilo (%1)</translation>
    </message>
    <message>
        <source>crashed (%1)</source>
        <extracomment>History event: the program ended without anyone asking it to; %1 as for &quot;exited&quot;.</extracomment>
        <translation>spadlo (%1)</translation>
    </message>
    <message>
        <source>restart %1 scheduled in %2 s</source>
        <extracomment>History event: %1 is which restart this is (1, 2, ...), %2 the delay in seconds (&quot;0.2&quot;).</extracomment>
        <translation>restart č. %1 naplánován za %2 s</translation>
    </message>
    <message numerus="yes">
        <source>restarts given up after %n restart(s) within 10 minutes</source>
        <extracomment>History event: LockWatch stopped restarting the program.</extracomment>
        <translation>
            <numerusform>restarty vzdány po %n restartu během 10 minut</numerusform>
            <numerusform>restarty vzdány po %n restartech během 10 minut</numerusform>
            <numerusform>restarty vzdány po %n restartech během 10 minut</numerusform>
        </translation>
    </message>
    <message>
        <source>second start refused</source>
        <extracomment>History event: someone tried to start a second copy, and it was refused.</extracomment>
        <translation>druhé spuštění odmítnuto</translation>
    </message>
    <message>
        <source>running twice</source>
        <extracomment>History event: two copies of the program run at the same time.</extracomment>
        <translation>běží dvakrát</translation>
    </message>
    <message>
        <source>runs without its lock</source>
        <extracomment>History event: the program runs but does not hold its lockfile.</extracomment>
        <translation>běží bez svého zámku</translation>
    </message>
    <message>
        <source>stale lock found</source>
        <extracomment>History event: the program is gone and its lockfile was left behind.</extracomment>
        <translation>nalezen zastaralý zámek</translation>
    </message>
    <message>
        <source>stale lock removed</source>
        <extracomment>History event: the stale lockfile was removed.</extracomment>
        <translation>zastaralý zámek odstraněn</translation>
    </message>
</context>
<context>
    <name>InstanceActions</name>
    <message>
        <source>&amp;Clean up</source>
        <extracomment>Remove a stale lockfile.</extracomment>
        <translation>&amp;Odstranit zámek</translation>
    </message>
    <message>
        <source>&amp;Kill now</source>
        <extracomment>Send SIGKILL at once instead of waiting for the program to stop.</extracomment>
        <translation>&amp;Násilně ukončit</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <extracomment>Start the monitored program.</extracomment>
        <translation>&amp;Spustit</translation>
    </message>
    <message>
        <source>Ask the program to stop (SIGTERM), then force it</source>
        <translation>Požádá program o zastavení (SIGTERM), pak ho ukončí násilně</translation>
    </message>
    <message>
        <source>Clean up &amp;and start</source>
        <translation>Odstranit zámek &amp;a spustit</translation>
    </message>
    <message>
        <source>Copy &amp;PID</source>
        <translation>Kopírovat P&amp;ID</translation>
    </message>
    <message>
        <source>Copy the process ID to the clipboard</source>
        <translation>Zkopíruje ID procesu do schránky</translation>
    </message>
    <message>
        <source>Open &amp;log</source>
        <translation>Otevřít &amp;protokol</translation>
    </message>
    <message>
        <source>Open the program&apos;s output log</source>
        <translation>Otevře protokol s výstupem programu</translation>
    </message>
    <message>
        <source>PID %1</source>
        <translation>PID %1</translation>
    </message>
    <message>
        <source>Remove the stale lockfile left behind</source>
        <extracomment>&quot;stale&quot;: left behind by a program that is gone.</extracomment>
        <translation>Odstraní zastaralý soubor zámku, který po programu zůstal</translation>
    </message>
    <message>
        <source>Remove the stale lockfile, then start the program</source>
        <extracomment>&quot;stale&quot;: left behind by a program that is gone.</extracomment>
        <translation>Odstraní zastaralý soubor zámku a spustí program</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>&amp;Zastavit</translation>
    </message>
    <message>
        <source>Start the program</source>
        <translation>Spustí program</translation>
    </message>
    <message>
        <source>Stop the program now (SIGKILL)</source>
        <translation>Program ihned ukončí (SIGKILL)</translation>
    </message>
    <message>
        <source>up %1 d %2 h</source>
        <extracomment>How long the program has been running: days and hours.</extracomment>
        <translation>běží %1 d %2 h</translation>
    </message>
    <message>
        <source>up %1 h %2 min</source>
        <extracomment>How long the program has been running: hours and minutes.</extracomment>
        <translation>běží %1 h %2 min</translation>
    </message>
    <message>
        <source>up %1 min</source>
        <translation>běží %1 min</translation>
    </message>
    <message>
        <source>up less than a minute</source>
        <translation>běží méně než minutu</translation>
    </message>
    <message>
        <source>No program is configured for this instance: add one in Settings.</source>
        <extracomment>Why Start is greyed out. &quot;Settings&quot; is the Settings dialog.</extracomment>
        <translation>Pro tuto instanci není nastaven žádný program: přidejte ho v Nastavení.</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <extracomment>Start again a program whose restarts LockWatch gave up.</extracomment>
        <translation>Zkusit zno&amp;vu</translation>
    </message>
    <message>
        <source>S&amp;top all copies</source>
        <extracomment>Stop every process of the program (more than one copy runs).</extracomment>
        <translation>&amp;Zastavit všechny kopie</translation>
    </message>
    <message>
        <source>Start the program again; LockWatch gave up restarting it</source>
        <translation>Spustit program znovu; LockWatch jeho restarty vzdal</translation>
    </message>
    <message>
        <source>PIDs %1</source>
        <extracomment>The process IDs of every copy of a program that runs, the lock&apos;s holder first.</extracomment>
        <translation>PID %1</translation>
    </message>
    <message>
        <source>restart in %1 s</source>
        <extracomment>Time left before LockWatch restarts a crashed program; %1 is seconds (&quot;2.5&quot;).</extracomment>
        <translation>restart za %1 s</translation>
    </message>
    <message>
        <source>Only for this node&apos;s instances</source>
        <extracomment>Why an action is greyed out for an instance on another machine of the cluster.</extracomment>
        <translation>Jen pro instance tohoto uzlu</translation>
    </message>
    <message>
        <source>Cluster unreachable</source>
        <translation>Cluster je nedostupný</translation>
    </message>
    <message>
        <source>Node %1 does not answer</source>
        <extracomment>%1 is a cluster node&apos;s name.</extracomment>
        <translation>Uzel %1 neodpovídá</translation>
    </message>
</context>
<context>
    <name>InstanceCheck</name>
    <message>
        <source>&quot;%1&quot; must be whole seconds from %2 to %3.</source>
        <extracomment>%1 is a configuration key (&quot;stop-timeout&quot; or &quot;start-timeout&quot;), %2 and %3 its limits.</extracomment>
        <translation>„%1“ musí být celé sekundy od %2 do %3.</translation>
    </message>
    <message>
        <source>The lockfile must be an absolute path (starting with /).</source>
        <extracomment>&quot;lock&quot; is the lockfile a program keeps while it runs.</extracomment>
        <translation>Soubor zámku musí být zadán absolutní cestou (začínající /).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an environment entry: write NAME=value.</source>
        <extracomment>Keep &quot;NAME=value&quot; as it is.</extracomment>
        <translation>„%1“ není proměnná prostředí: zapište NAME=value.</translation>
    </message>
    <message>
        <source>Arguments need a program to pass them to.</source>
        <translation>Argumenty mají smysl jen s programem, kterému se předají.</translation>
    </message>
    <message>
        <source>The program &quot;%1&quot; does not exist.</source>
        <translation>Program „%1“ neexistuje.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an executable program.</source>
        <translation>„%1“ není spustitelný program.</translation>
    </message>
    <message>
        <source>The working directory &quot;%1&quot; does not exist.</source>
        <translation>Pracovní adresář „%1“ neexistuje.</translation>
    </message>
    <message>
        <source>the longest restart delay must not be shorter than the first one.</source>
        <extracomment>Configuration keys: restart-max-delay must be &gt;= restart-delay.</extracomment>
        <translation>nejdelší prodleva před restartem nesmí být kratší než první.</translation>
    </message>
    <message>
        <source>the number of restarts must be a whole number from 0 to %1.</source>
        <extracomment>Configuration key max-restarts: how many restarts within 10 minutes.</extracomment>
        <translation>počet restartů musí být celé číslo od 0 do %1.</translation>
    </message>
    <message>
        <source>restarting needs a program to start.</source>
        <translation>restart vyžaduje program, který se má spustit.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be seconds from 0 to %2 (decimals allowed, e.g. 0.5).</source>
        <extracomment>%1 is a configuration key (restart-delay, restart-max-delay or min-uptime), %2 its largest value.</extracomment>
        <translation>„%1“ musí být sekundy od 0 do %2 (i s desetinnou částí, např. 0.5).</translation>
    </message>
</context>
<context>
    <name>Journal</name>
    <message>
        <source>Cannot lock the journal %1: %2.</source>
        <translation>Záznam pokusů %1 nelze zamknout: %2.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>Do %1 nelze zapsat: %2.</translation>
    </message>
    <message>
        <source>Cannot write the journal %1: %2.</source>
        <translation>Do záznamu pokusů %1 nelze zapsat: %2.</translation>
    </message>
</context>
<context>
    <name>Launcher</name>
    <message>
        <source>Cannot change to the working directory %1: %2.</source>
        <translation>Nelze přejít do pracovního adresáře %1: %2.</translation>
    </message>
    <message>
        <source>Cannot execute %1: %2.</source>
        <translation>%1 nelze spustit: %2.</translation>
    </message>
    <message>
        <source>Cannot open the log %1: %2.</source>
        <translation>Protokol %1 nelze otevřít: %2.</translation>
    </message>
    <message>
        <source>Cannot start &quot;%1&quot;: %2.</source>
        <translation>„%1“ nelze spustit: %2.</translation>
    </message>
    <message>
        <source>No program is configured for &quot;%1&quot;.</source>
        <translation>Pro „%1“ není nastaven žádný program.</translation>
    </message>
    <message>
        <source>Program &quot;%1&quot; not found.</source>
        <translation>Program „%1“ nebyl nalezen.</translation>
    </message>
</context>
<context>
    <name>LockRemoval</name>
    <message>
        <source>%1 changed while it was being removed; it was kept as %2.</source>
        <translation>%1 se během odstraňování změnil; byl ponechán jako %2.</translation>
    </message>
    <message>
        <source>%1 is already gone.</source>
        <translation>%1 už neexistuje.</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 není soubor.</translation>
    </message>
    <message>
        <source>%1 is not a regular file; left untouched.</source>
        <translation>%1 není běžný soubor; zůstává beze změny.</translation>
    </message>
    <message>
        <source>%1 was replaced by a new file; left untouched.</source>
        <translation>%1 byl nahrazen novým souborem; zůstává beze změny.</translation>
    </message>
    <message>
        <source>Cannot examine %1: %2.</source>
        <translation>%1 nelze prozkoumat: %2.</translation>
    </message>
    <message>
        <source>Cannot open the directory of %1: %2.</source>
        <translation>Adresář souboru %1 nelze otevřít: %2.</translation>
    </message>
    <message>
        <source>Cannot remove %1: %2.</source>
        <translation>%1 nelze odstranit: %2.</translation>
    </message>
</context>
<context>
    <name>LockState</name>
    <message>
        <source>running</source>
        <extracomment>State of a monitored program: its lock is held by a live process.</extracomment>
        <translation>běží</translation>
    </message>
    <message>
        <source>stopped</source>
        <extracomment>State of a monitored program: no lockfile, nothing runs.</extracomment>
        <translation>neběží</translation>
    </message>
    <message>
        <source>stale</source>
        <extracomment>State of a lock (not of a program): the lockfile is left over, its holder is gone.</extracomment>
        <translation>zastaralý zámek</translation>
    </message>
    <message>
        <source>remote</source>
        <extracomment>State of a lock taken on another computer; it cannot be checked from here.</extracomment>
        <translation>vzdálený</translation>
    </message>
    <message>
        <source>invalid</source>
        <extracomment>State of a lockfile whose content or type cannot be trusted.</extracomment>
        <translation>neplatný</translation>
    </message>
    <message>
        <source>starting</source>
        <extracomment>Transition of a monitored program: LockWatch has started it and waits for its lock.</extracomment>
        <translation>spouští se</translation>
    </message>
    <message>
        <source>stopping</source>
        <extracomment>Transition of a monitored program: LockWatch has asked it to stop and waits for it to exit.</extracomment>
        <translation>zastavuje se</translation>
    </message>
    <message>
        <source>lock predates the current boot</source>
        <extracomment>Why a lock is stale, shown in parentheses after the state: the lock was written before the computer last started.</extracomment>
        <translation>starší než poslední start systému</translation>
    </message>
    <message>
        <source>holder is dead</source>
        <extracomment>Why a lock is stale: the process that holds (took) the lock no longer exists.</extracomment>
        <translation>proces skončil</translation>
    </message>
    <message>
        <source>PID now belongs to another process</source>
        <extracomment>Why a lock is stale: the PID in the lockfile now belongs to an unrelated, newer process.</extracomment>
        <translation>PID teď patří jinému procesu</translation>
    </message>
    <message>
        <source>nobody holds the kernel lock</source>
        <extracomment>Why a lock is stale: nobody holds the kernel file lock (flock) on the lockfile.</extracomment>
        <translation>zámek v jádře nikdo nedrží</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <extracomment>Why a lockfile is invalid: the lockfile cannot be read.</extracomment>
        <translation>nelze přečíst</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <extracomment>Why a lockfile is invalid: the lockfile is a directory, device, socket...</extracomment>
        <translation>není běžný soubor</translation>
    </message>
    <message>
        <source>is a symbolic link</source>
        <extracomment>Why a lockfile is invalid: the lockfile is a symbolic link (never followed).</extracomment>
        <translation>je symbolický odkaz</translation>
    </message>
    <message>
        <source>larger than 64 KiB</source>
        <extracomment>Why a lockfile is invalid: the lockfile is larger than 64 KiB.</extracomment>
        <translation>větší než 64 KiB</translation>
    </message>
    <message>
        <source>content not understood</source>
        <extracomment>Why a lockfile is invalid: its content is in no known format.</extracomment>
        <translation>nesrozumitelný obsah</translation>
    </message>
    <message>
        <source>not a valid PID</source>
        <extracomment>Why a lockfile is invalid: the PID in it is 1 or less, negative or over the maximum.</extracomment>
        <translation>neplatný PID</translation>
    </message>
    <message>
        <source>owned by another user</source>
        <extracomment>Why a lockfile is invalid: it belongs to another user (not root).</extracomment>
        <translation>patří jinému uživateli</translation>
    </message>
    <message>
        <source>lock is older than 1 hour: a program using the 1-hour takeover rule would start a second copy now</source>
        <extracomment>Warning under a running instance: some programs treat a lock older than 1 hour as abandoned and take it over, so a second copy would start.</extracomment>
        <translation>zámek je starší než 1 hodina: program, který po hodině zámek převezme, by teď spustil druhou kopii</translation>
    </message>
    <message>
        <source>timestamp not understood; the file time is used</source>
        <extracomment>Warning: the time written in the lockfile cannot be parsed; its modification time is used.</extracomment>
        <translation>nesrozumitelné časové razítko; použije se čas změny souboru</translation>
    </message>
    <message>
        <source>waiting to restart</source>
        <extracomment>Transition of a supervised program: it ended and LockWatch waits before restarting it.</extracomment>
        <translation>čeká na restart</translation>
    </message>
    <message>
        <source>failed</source>
        <extracomment>State of a supervised program: it kept ending, and LockWatch gave up restarting it.</extracomment>
        <translation>selhalo</translation>
    </message>
    <message>
        <source>%1 ×%2</source>
        <extracomment>A state with the number of copies of the program that run, e.g. &quot;running ×2&quot;. %1 is the state, %2 the number of copies.</extracomment>
        <translation>%1 ×%2</translation>
    </message>
    <message>
        <source>too many restarts</source>
        <extracomment>Why a supervised program is &quot;failed&quot;: it ended too often within 10 minutes.</extracomment>
        <translation>příliš mnoho restartů</translation>
    </message>
    <message>
        <source>the holder&apos;s identity cannot be verified; it will not be signalled</source>
        <extracomment>Warning: LockWatch cannot prove which process holds the lock (its start time cannot be read, or no process can be proven to hold the kernel lock), so it signals nothing.</extracomment>
        <translation>totožnost držitele zámku nelze ověřit; signál mu nebude poslán</translation>
    </message>
    <message>
        <source>more than one copy is running</source>
        <extracomment>Warning: more than one process of the same program runs (for example after a program took over a lock whose holder still runs).</extracomment>
        <translation>běží více než jedna kopie</translation>
    </message>
    <message>
        <source>runs without its lock: a second start would not be refused</source>
        <extracomment>Warning: the program runs, but no live process holds its lockfile (it is missing, or its holder is gone), so nothing would stop a second copy from starting.</extracomment>
        <translation>běží bez svého zámku: druhé spuštění by nebylo odmítnuto</translation>
    </message>
    <message>
        <source>unreachable</source>
        <extracomment>State of an instance on another node whose agent does not answer (its state is unknown).</extracomment>
        <translation>nedostupný</translation>
    </message>
</context>
<context>
    <name>LockWatch::Agent</name>
    <message>
        <source>PID %1</source>
        <translation>PID %1</translation>
    </message>
    <message>
        <source>A LockWatch agent already runs for this user (PID %1).</source>
        <translation>Agent LockWatch už pro tohoto uživatele běží (PID %1).</translation>
    </message>
    <message>
        <source>Waiting for the tray (PID %1) to hand supervision over.</source>
        <translation>Čeká se, až oznamovací oblast (PID %1) předá dohled.</translation>
    </message>
    <message numerus="yes">
        <source>Supervising %n instance(s).</source>
        <extracomment>The agent has started; %n is the number of configured instances.</extracomment>
        <translation>
            <numerusform>Dohlíží se na %n instanci.</numerusform>
            <numerusform>Dohlíží se na %n instance.</numerusform>
            <numerusform>Dohlíží se na %n instancí.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LockWatch::AgentCluster</name>
    <message>
        <source>Not publishing to the cluster: %1</source>
        <extracomment>The agent cannot take part in the cluster; %1 says why.</extracomment>
        <translation>Stav se do clusteru nezveřejňuje: %1</translation>
    </message>
    <message>
        <source>Cluster member as node %1 (etcd %2).</source>
        <extracomment>%1 is this machine&apos;s node name, %2 the etcd endpoints.</extracomment>
        <translation>Člen clusteru jako uzel %1 (etcd %2).</translation>
    </message>
</context>
<context>
    <name>LockWatch::ClusterMember</name>
    <message>
        <source>Publishing to etcd as node %1.</source>
        <translation>Stav se zveřejňuje v etcd jako uzel %1.</translation>
    </message>
    <message>
        <source>Cluster unreachable; local monitoring goes on, publishing resumes when etcd answers.</source>
        <translation>Cluster je nedostupný; místní hlídání pokračuje, zveřejňování se obnoví, až etcd odpoví.</translation>
    </message>
</context>
<context>
    <name>LockWatch::ClusterTray</name>
    <message>
        <source>Other nodes</source>
        <extracomment>Heading of the other machines in the tray menu.</extracomment>
        <translation>Ostatní uzly</translation>
    </message>
    <message>
        <source>Cluster unreachable</source>
        <translation>Cluster je nedostupný</translation>
    </message>
    <message>
        <source>This node (%1)</source>
        <translation>Tento uzel (%1)</translation>
    </message>
    <message numerus="yes">
        <source>Node %1 - %n running</source>
        <translation>
            <numerusform>Uzel %1 - běží: %n</numerusform>
            <numerusform>Uzel %1 - běží: %n</numerusform>
            <numerusform>Uzel %1 - běží: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Node %1 - unreachable</source>
        <translation>Uzel %1 - nedostupný</translation>
    </message>
    <message>
        <source>Node %1 does not answer: state unknown</source>
        <translation>Uzel %1 neodpovídá: stav neznámý</translation>
    </message>
    <message numerus="yes">
        <source>%n more on this node</source>
        <translation>
            <numerusform>a %n další na tomto uzlu</numerusform>
            <numerusform>a %n další na tomto uzlu</numerusform>
            <numerusform>a %n dalších na tomto uzlu</numerusform>
        </translation>
    </message>
    <message>
        <source>No instances configured</source>
        <translation>Nejsou nastaveny žádné instance</translation>
    </message>
    <message>
        <source>Done on node %1: %2</source>
        <translation>Provedeno na uzlu %1: %2</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>Neprovedeno: %1</translation>
    </message>
    <message>
        <source>Connecting to the cluster…</source>
        <translation>Připojování ke clusteru…</translation>
    </message>
</context>
<context>
    <name>LockWatch::Control</name>
    <message>
        <source>&quot;%1&quot; cannot be stopped from here: %2.</source>
        <translation>Instanci „%1“ nelze odsud zastavit: %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; did not stop within %2 s and was killed.</source>
        <translation>Instance „%1“ se do %2 s nezastavila, a proto byla násilně ukončena.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; exited before taking its lock.</source>
        <extracomment>&quot;taking its lock&quot;: creating/locking its lockfile.</extracomment>
        <translation>Instance „%1“ skončila dřív, než získala zámek.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; had already exited.</source>
        <translation>Instance „%1“ už skončila.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has a stale lock (%2); clean it up first, or start with --clean.</source>
        <extracomment>&quot;stale lock&quot;: a lockfile left behind by a program that no longer runs.</extracomment>
        <translation>Instance „%1“ má zastaralý zámek (%2); nejdřív ho odstraňte, nebo spusťte s --clean.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no lockfile; nothing to clean.</source>
        <translation>Instance „%1“ nemá soubor zámku; není co odstranit.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is already running (PID %2); a second copy was not started.</source>
        <translation>Instance „%1“ už běží (PID %2); druhá kopie nebyla spuštěna.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is busy with another action.</source>
        <translation>Instance „%1“ právě provádí jinou akci.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not running.</source>
        <translation>Instance „%1“ neběží.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not running; its lock is stale (%2). Use clean to remove it.</source>
        <extracomment>&quot;lock&quot;: the lockfile; &quot;stale&quot;: left behind by a program that no longer runs.</extracomment>
        <translation>Instance „%1“ neběží; její zámek je zastaralý (%2). Odstraníte ho příkazem clean.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is running (PID %2); its lock is not stale.</source>
        <extracomment>%1 is an instance name. &quot;lock&quot;: the lockfile; &quot;stale&quot;: left behind by a program that no longer runs.</extracomment>
        <translation>Instance „%1“ běží (PID %2); její zámek není zastaralý.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; started (PID %2).</source>
        <translation>Instance „%1“ spuštěna (PID %2).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; stopped (PID %2).</source>
        <translation>Instance „%1“ zastavena (PID %2).</translation>
    </message>
    <message>
        <source>A process still holds a kernel lock on %1; nothing was removed.</source>
        <extracomment>&quot;kernel lock&quot;: an flock/fcntl lock held on the file by a running process.</extracomment>
        <translation>Na %1 stále drží nějaký proces zámek v jádře; nic nebylo odstraněno.</translation>
    </message>
    <message>
        <source>Cannot signal PID %1: %2.</source>
        <translation>Procesu s PID %1 nelze poslat signál: %2.</translation>
    </message>
    <message>
        <source>Its log %1 is empty.</source>
        <translation>Její protokol %1 je prázdný.</translation>
    </message>
    <message>
        <source>Last lines of %1:</source>
        <translation>Poslední řádky %1:</translation>
    </message>
    <message>
        <source>No program is configured for &quot;%1&quot;.</source>
        <translation>Pro „%1“ není nastaven žádný program.</translation>
    </message>
    <message>
        <source>PID %1 belongs to another user (uid %2); LockWatch does not signal other users&apos; processes.</source>
        <translation>PID %1 patří jinému uživateli (uid %2); LockWatch procesům jiných uživatelů signály neposílá.</translation>
    </message>
    <message>
        <source>PID %1 refused to die: it survived SIGKILL for %2 s.</source>
        <translation>Proces s PID %1 se nepodařilo ukončit: běží ještě %2 s po SIGKILL.</translation>
    </message>
    <message>
        <source>Removed the stale lock of &quot;%1&quot; (%2).</source>
        <extracomment>%2 is a lockfile path. &quot;stale&quot; = left behind by a program that no longer runs.</extracomment>
        <translation>Zastaralý zámek instance „%1“ odstraněn (%2).</translation>
    </message>
    <message>
        <source>The identity of PID %1 cannot be verified; it is not signalled.</source>
        <translation>Totožnost procesu s PID %1 nelze ověřit; signál se neposílá.</translation>
    </message>
    <message>
        <source>The lock names LockWatch itself (PID %1); it is not signalled.</source>
        <translation>Zámek uvádí samotný LockWatch (PID %1); signál se neposílá.</translation>
    </message>
    <message>
        <source>The lock names PID %1; it is never signalled.</source>
        <extracomment>&quot;lock&quot;: the lockfile.</extracomment>
        <translation>Zámek uvádí PID %1; takovému procesu se signál nikdy neposílá.</translation>
    </message>
    <message>
        <source>The lock of &quot;%1&quot; belongs to host %2; it cannot be checked from here and is not removed.</source>
        <extracomment>%1 is an instance name, %2 a host name. &quot;lock&quot;: the lockfile.</extracomment>
        <translation>Zámek instance „%1“ patří počítači %2; odsud ho nelze ověřit, a proto se neodstraní.</translation>
    </message>
    <message>
        <source>The lock of &quot;%1&quot; belongs to host %2; not started.</source>
        <extracomment>%1 is an instance name, %2 a host name. &quot;lock&quot;: the lockfile.</extracomment>
        <translation>Zámek instance „%1“ patří počítači %2; nespuštěno.</translation>
    </message>
    <message>
        <source>The lock of &quot;%1&quot; changed (now %2); nothing was removed.</source>
        <extracomment>%1 is an instance name, %2 its new state. &quot;lock&quot;: the lockfile.</extracomment>
        <translation>Zámek instance „%1“ se změnil (teď %2); nic nebylo odstraněno.</translation>
    </message>
    <message>
        <source>The lock of &quot;%1&quot; is invalid (%2); it is not removed.</source>
        <extracomment>%1 is an instance name, %2 the reason the lockfile cannot be trusted.</extracomment>
        <translation>Zámek instance „%1“ je neplatný (%2); neodstraní se.</translation>
    </message>
    <message>
        <source>The lock of &quot;%1&quot; is invalid (%2); not started.</source>
        <extracomment>%1 is an instance name, %2 the reason the lockfile cannot be trusted.</extracomment>
        <translation>Zámek instance „%1“ je neplatný (%2); nespuštěno.</translation>
    </message>
    <message>
        <source>The lock of &quot;%1&quot; is not held by anyone; nothing to clean.</source>
        <extracomment>%1 is an instance name. &quot;lock&quot;: the lockfile.</extracomment>
        <translation>Zámek instance „%1“ nikdo nedrží; není co odstranit.</translation>
    </message>
    <message>
        <source>The owner of PID %1 cannot be determined; it is not signalled.</source>
        <translation>Vlastníka procesu s PID %1 nelze zjistit; signál se neposílá.</translation>
    </message>
    <message>
        <source>The holder of the lock is not known; nothing was signalled.</source>
        <extracomment>&quot;lock&quot;: the lockfile. Its holder is a process.</extracomment>
        <translation>Není známo, který proces zámek drží; žádný signál nebyl odeslán.</translation>
    </message>
    <message>
        <source>No stop of &quot;%1&quot; is in progress here; there is nothing to kill.</source>
        <extracomment>&quot;Kill now&quot;: send SIGKILL at once during a stop.</extracomment>
        <translation>Instance „%1“ se odsud právě nezastavuje; není co násilně ukončit.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was already killed; LockWatch waits for it to exit.</source>
        <extracomment>SIGKILL was sent; the program has not exited yet.</extracomment>
        <translation>Instance „%1“ už byla násilně ukončena; LockWatch čeká, až skončí.</translation>
    </message>
    <message>
        <source>A kernel lock is held on %1, but no process could be proven to hold it (the process that took it may have exited, leaving it to another, or it belongs to another user); nothing was signalled.</source>
        <extracomment>%1 is a lockfile path. &quot;kernel lock&quot;: an flock/fcntl lock on the file.</extracomment>
        <translation>Na %1 je držen zámek v jádře, ale u žádného procesu nelze prokázat, že ho drží (proces, který ho získal, mohl skončit a zámek předat jinému, nebo patří jinému uživateli); žádný signál nebyl odeslán.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; runs without its lock (PID %2); the lock is not removed while a copy runs.</source>
        <extracomment>%1 is an instance name. &quot;lock&quot;: the lockfile.</extracomment>
        <translation>Instance „%1“ běží bez svého zámku (PID %2); dokud běží kopie, zámek se neodstraní.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is %2: start or stop it rather than removing its lock.</source>
        <extracomment>%2 is a state: &quot;waiting to restart&quot; or &quot;failed&quot;.</extracomment>
        <translation>Instance „%1“ je ve stavu „%2“: místo odstranění zámku ji spusťte nebo zastavte.</translation>
    </message>
    <message>
        <source>PID %1 belongs to another user (uid %2) and does not hold the lock; it is not signalled.</source>
        <extracomment>A process of another user runs the same program but does not hold the lockfile.</extracomment>
        <translation>PID %1 patří jinému uživateli (uid %2) a nedrží zámek; signál se mu neposílá.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; started as PID %2, but no lock appeared at %3 within %4 s; it keeps running.</source>
        <extracomment>%2 is a process ID, %3 the lockfile&apos;s path, %4 a number of seconds.</extracomment>
        <translation>Instance „%1“ byla spuštěna jako PID %2, ale zámek %3 se do %4 s neobjevil; program dál běží.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not running; its restart is cancelled.</source>
        <translation>Instance „%1“ neběží; její restart je zrušen.</translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; stopped: %n copies ended (PIDs %2).</source>
        <extracomment>%1 is an instance name, %2 a list of process IDs.</extracomment>
        <translation>
            <numerusform>Instance „%1“ zastavena: ukončena %n kopie (PID %2).</numerusform>
            <numerusform>Instance „%1“ zastavena: ukončeny %n kopie (PID %2).</numerusform>
            <numerusform>Instance „%1“ zastavena: ukončeno %n kopií (PID %2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Still running: PID %1.</source>
        <extracomment>%n copies of the program still run after a stop; %1 lists their process IDs.</extracomment>
        <translation>
            <numerusform>Stále běží: PID %1.</numerusform>
            <numerusform>Stále běží: PID %1.</numerusform>
            <numerusform>Stále běží: PID %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LockWatch::DetailsPane</name>
    <message>
        <source>PID %1</source>
        <translation>PID %1</translation>
    </message>
    <message>
        <source>History</source>
        <extracomment>The list of what happened to the selected program, newest first.</extracomment>
        <translation>Historie</translation>
    </message>
    <message>
        <source>Time</source>
        <extracomment>Column headers of the history list.</extracomment>
        <translation>Čas</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Událost</translation>
    </message>
    <message>
        <source>Log</source>
        <extracomment>The last lines of the selected program&apos;s output log, following it live.</extracomment>
        <translation>Protokol</translation>
    </message>
    <message>
        <source>No output yet.</source>
        <extracomment>Shown in the log view when the program has written nothing (yet).</extracomment>
        <translation>Zatím žádný výstup.</translation>
    </message>
    <message>
        <source>Select an instance to see its history and log.</source>
        <extracomment>Shown in the details pane while no instance is selected.</extracomment>
        <translation>Vyberte instanci a uvidíte její historii a protokol.</translation>
    </message>
    <message numerus="yes">
        <source>%n restart(s) in the last 10 minutes</source>
        <extracomment>Details pane: restarts LockWatch made within the last 10 minutes.</extracomment>
        <translation>
            <numerusform>%n restart za posledních 10 minut</numerusform>
            <numerusform>%n restarty za posledních 10 minut</numerusform>
            <numerusform>%n restartů za posledních 10 minut</numerusform>
        </translation>
    </message>
    <message>
        <source>state unknown, the node does not answer</source>
        <extracomment>Details pane: another node&apos;s instance while that node does not answer.</extracomment>
        <translation>stav neznámý, uzel neodpovídá</translation>
    </message>
    <message>
        <source>%1 on node %2: %3</source>
        <extracomment>Details pane: an instance on another cluster node; %1 its name, %2 the node, %3 its state.</extracomment>
        <translation>%1 na uzlu %2: %3</translation>
    </message>
    <message>
        <source>its history and log are kept on that node</source>
        <translation>historie a protokol zůstávají na tom uzlu</translation>
    </message>
</context>
<context>
    <name>LockWatch::EtcdClient</name>
    <message>
        <source>No etcd endpoint is configured.</source>
        <translation>Není nastaven žádný koncový bod etcd.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an etcd endpoint (http://HOST:PORT or https://HOST:PORT).</source>
        <translation>„%1“ není koncový bod etcd (http://HOST:PORT nebo https://HOST:PORT).</translation>
    </message>
    <message>
        <source>TLS is not available (no TLS backend for Qt Network).</source>
        <translation>TLS není k dispozici (Qt Network nemá žádný backend TLS).</translation>
    </message>
    <message>
        <source>Cannot read the CA file %1: %2</source>
        <translation>Soubor CA %1 nelze přečíst: %2</translation>
    </message>
    <message>
        <source>The CA file %1 holds no PEM certificate.</source>
        <translation>Soubor CA %1 neobsahuje žádný certifikát PEM.</translation>
    </message>
    <message>
        <source>etcd did not accept user &quot;%1&quot;: %2</source>
        <translation>etcd nepřijal uživatele „%1“: %2</translation>
    </message>
    <message>
        <source>etcd at %1 did not answer in time.</source>
        <translation>etcd na %1 neodpověděl včas.</translation>
    </message>
    <message>
        <source>Cannot reach etcd at %1: %2</source>
        <translation>etcd na %1 není dostupný: %2</translation>
    </message>
    <message>
        <source>etcd&apos;s answer exceeded %1 bytes; ignored.</source>
        <translation>Odpověď etcd přesáhla %1 bajtů; ignorována.</translation>
    </message>
</context>
<context>
    <name>LockWatch::EtcdWatch</name>
    <message>
        <source>etcd sent a watch answer over %1 bytes; ignored.</source>
        <translation>etcd poslal odpověď sledování delší než %1 bajtů; ignorována.</translation>
    </message>
    <message>
        <source>etcd at %1 closed the watch.</source>
        <translation>etcd na %1 ukončil sledování.</translation>
    </message>
    <message>
        <source>etcd sent a malformed watch answer.</source>
        <translation>etcd poslal poškozenou odpověď sledování.</translation>
    </message>
    <message>
        <source>etcd sent a malformed watch answer: %1</source>
        <translation>etcd poslal poškozenou odpověď sledování: %1</translation>
    </message>
    <message>
        <source>etcd ended the watch: %1</source>
        <translation>etcd ukončil sledování: %1</translation>
    </message>
    <message>
        <source>&quot;events&quot; is not a list</source>
        <translation>„events“ není seznam</translation>
    </message>
</context>
<context>
    <name>LockWatch::InstanceDialog</name>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Arguments:</source>
        <translation>&amp;Argumenty:</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>&amp;Procházet...</translation>
    </message>
    <message>
        <source>&amp;Lockfile:</source>
        <extracomment>&quot;lock&quot; is the lockfile a program keeps while it runs.</extracomment>
        <translation>Soubor &amp;zámku:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <extracomment>Label of the instance name field.</extracomment>
        <translation>&amp;Název:</translation>
    </message>
    <message>
        <source>&amp;Program:</source>
        <translation>P&amp;rogram:</translation>
    </message>
    <message>
        <source>&amp;Working directory:</source>
        <translation>Pracovní a&amp;dresář:</translation>
    </message>
    <message>
        <source>/path/to/program.lock</source>
        <extracomment>&quot;lock&quot; is the lockfile a program keeps while it runs.</extracomment>
        <translation>/cesta/k/programu.lock</translation>
    </message>
    <message>
        <source>Add Instance</source>
        <extracomment>Dialog title: add or edit one monitored program (an &quot;instance&quot;).</extracomment>
        <translation>Přidat instanci</translation>
    </message>
    <message>
        <source>Br&amp;owse...</source>
        <translation>Pr&amp;ocházet...</translation>
    </message>
    <message>
        <source>Bro&amp;wse...</source>
        <translation>Proc&amp;házet...</translation>
    </message>
    <message>
        <source>Choose the Lockfile</source>
        <extracomment>&quot;lock&quot; is the lockfile a program keeps while it runs.</extracomment>
        <translation>Vybrat soubor zámku</translation>
    </message>
    <message>
        <source>Choose the Program</source>
        <translation>Vybrat program</translation>
    </message>
    <message>
        <source>Choose the Working Directory</source>
        <translation>Vybrat pracovní adresář</translation>
    </message>
    <message>
        <source>Choose the lockfile</source>
        <translation>Vybrat soubor zámku</translation>
    </message>
    <message>
        <source>Choose the program</source>
        <translation>Vybrat program</translation>
    </message>
    <message>
        <source>Choose the working directory</source>
        <translation>Vybrat pracovní adresář</translation>
    </message>
    <message>
        <source>Edit Instance</source>
        <translation>Upravit instanci</translation>
    </message>
    <message>
        <source>Enter a name for the instance.</source>
        <extracomment>An &quot;instance&quot; is one monitored program (one configured lockfile).</extracomment>
        <translation>Zadejte název instance.</translation>
    </message>
    <message>
        <source>Enter the lockfile the program keeps while it runs.</source>
        <extracomment>&quot;lock&quot; is the lockfile a program keeps while it runs.</extracomment>
        <translation>Zadejte soubor zámku, který program drží, dokud běží.</translation>
    </message>
    <message>
        <source>Leave empty to only watch the lock</source>
        <extracomment>&quot;lock&quot; is the lockfile a program keeps while it runs.</extracomment>
        <translation>Nechte prázdné, pokud chcete zámek jen hlídat</translation>
    </message>
    <message>
        <source>Notify me when</source>
        <translation>Upozornit, když</translation>
    </message>
    <message>
        <source>One argument per line, no quoting needed</source>
        <translation>Jeden argument na řádek, bez uvozovek</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Nepovinné</translation>
    </message>
    <message>
        <source>Start &amp;timeout:</source>
        <extracomment>How long to wait for the lockfile to appear after starting the program.</extracomment>
        <translation>Čas na &amp;spuštění:</translation>
    </message>
    <message>
        <source>Sto&amp;p timeout:</source>
        <extracomment>Grace period between SIGTERM and SIGKILL when stopping.</extracomment>
        <translation>Čas na zas&amp;tavení:</translation>
    </message>
    <message>
        <source>There is already an instance called &quot;%1&quot;.</source>
        <extracomment>An &quot;instance&quot; is one monitored program (one configured lockfile).</extracomment>
        <translation>Instance s názvem „%1“ už existuje.</translation>
    </message>
    <message>
        <source>a stale loc&amp;k is found</source>
        <extracomment>A lockfile left behind by a program that is gone.</extracomment>
        <translation>se najde zastara&amp;lý zámek</translation>
    </message>
    <message>
        <source>e.g. scheduler</source>
        <extracomment>An example instance name: ASCII letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; only.</extracomment>
        <translation>např. telegram-bot</translation>
    </message>
    <message>
        <source>it stops &amp;unexpectedly</source>
        <translation>neočekávaně s&amp;končí</translation>
    </message>
    <message>
        <source>someone tries to start a &amp;second copy</source>
        <translation>se někdo pokusí spustit druhou kop&amp;ii</translation>
    </message>
    <message>
        <source>two copies &amp;run at the same time</source>
        <translation>&amp;běží dvě kopie současně</translation>
    </message>
    <message>
        <source>One NAME=value per line, e.g. TZ=Europe/Rome</source>
        <extracomment>Environment variables for the program; keep &quot;NAME=value&quot; as it is.</extracomment>
        <translation>Jedna proměnná NÁZEV=hodnota na řádek, např. TZ=Europe/Prague</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <extracomment>Environment variables added for the program.</extracomment>
        <translation>Prostř&amp;edí:</translation>
    </message>
    <message>
        <source>Restart: %1</source>
        <extracomment>%1 is a problem with the restart settings, e.g. &quot;restarting needs a program to start.&quot;</extracomment>
        <translation>Restart: %1</translation>
    </message>
</context>
<context>
    <name>LockWatch::LeaseKeeper</name>
    <message>
        <source>etcd no longer has the lease (it expired or was revoked).</source>
        <translation>etcd už pronájem nemá (vypršel nebo byl zrušen).</translation>
    </message>
    <message numerus="yes">
        <source>no keepalive was answered for %n second(s): the lease may have expired.</source>
        <translation>
            <numerusform>po %n sekundu nepřišla odpověď na žádné prodloužení: pronájem mohl vypršet.</numerusform>
            <numerusform>po %n sekundy nepřišla odpověď na žádné prodloužení: pronájem mohl vypršet.</numerusform>
            <numerusform>po %n sekund nepřišla odpověď na žádné prodloužení: pronájem mohl vypršet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LockWatch::LocalServer</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 nelze otevřít: %2</translation>
    </message>
    <message>
        <source>LockWatch already runs for this user.</source>
        <translation>LockWatch už pro tohoto uživatele běží.</translation>
    </message>
    <message>
        <source>Cannot listen on %1: %2</source>
        <translation>Nelze naslouchat na %1: %2</translation>
    </message>
    <message>
        <source>No private directory for the local socket (XDG_RUNTIME_DIR, /run/user or the state directory).</source>
        <translation>Pro místní soket není k dispozici žádný soukromý adresář (XDG_RUNTIME_DIR, /run/user ani adresář stavu).</translation>
    </message>
</context>
<context>
    <name>LockWatch::Notifier</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 a %n další</numerusform>
            <numerusform>%1 a %n další</numerusform>
            <numerusform>%1 a %n dalších</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate start(s) refused</source>
        <translation>
            <numerusform>Odmítnut %n pokus o druhé spuštění</numerusform>
            <numerusform>Odmítnuty %n pokusy o druhé spuštění</numerusform>
            <numerusform>Odmítnuto %n pokusů o druhé spuštění</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n instance(s) running twice</source>
        <extracomment>An &quot;instance&quot; is one monitored program (one configured lockfile).</extracomment>
        <translation>
            <numerusform>%n instance běží dvakrát</numerusform>
            <numerusform>%n instance běží dvakrát</numerusform>
            <numerusform>%n instancí běží dvakrát</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n instance(s) stopped unexpectedly</source>
        <extracomment>An &quot;instance&quot; is one monitored program (one configured lockfile).</extracomment>
        <translation>
            <numerusform>%n instance neočekávaně skončila</numerusform>
            <numerusform>%n instance neočekávaně skončily</numerusform>
            <numerusform>%n instancí neočekávaně skončilo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stale lock(s) found</source>
        <translation>
            <numerusform>Nalezen %n zastaralý zámek</numerusform>
            <numerusform>Nalezeny %n zastaralé zámky</numerusform>
            <numerusform>Nalezeno %n zastaralých zámků</numerusform>
        </translation>
    </message>
    <message>
        <source>Clean up</source>
        <extracomment>Notification button: remove the stale lockfile(s).</extracomment>
        <translation>Odstranit</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Zobrazit</translation>
    </message>
    <message>
        <source>Second start of &quot;%1&quot; refused</source>
        <extracomment>Notification title: someone tried to start a program that already runs; %1 is the instance&apos;s name.</extracomment>
        <translation>Odmítnuto druhé spuštění „%1“</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is running twice</source>
        <translation>„%1“ běží dvakrát</translation>
    </message>
    <message>
        <source>&quot;%1&quot; stopped unexpectedly</source>
        <translation>Instance „%1“ neočekávaně skončila</translation>
    </message>
    <message>
        <source>Stale lock found: &quot;%1&quot;</source>
        <extracomment>Notification title; a stale lock is a lockfile left behind by a program that is gone.</extracomment>
        <translation>Nalezen zastaralý zámek: „%1“</translation>
    </message>
    <message>
        <source>Restarts of &quot;%1&quot; given up</source>
        <extracomment>Notification title: LockWatch stopped restarting a program that kept crashing.</extracomment>
        <translation>Restarty instance „%1“ vzdány</translation>
    </message>
    <message numerus="yes">
        <source>Restarts of %n instance(s) given up</source>
        <extracomment>An &quot;instance&quot; is one monitored program (one configured lockfile).</extracomment>
        <translation>
            <numerusform>Restarty vzdány: %n instance</numerusform>
            <numerusform>Restarty vzdány: %n instance</numerusform>
            <numerusform>Restarty vzdány: %n instancí</numerusform>
        </translation>
    </message>
    <message>
        <source>Retry</source>
        <extracomment>Notification button: start the program again (restarts were given up).</extracomment>
        <translation>Zkusit znovu</translation>
    </message>
</context>
<context>
    <name>LockWatch::ProcessHandle</name>
    <message>
        <source>Process %1 no longer exists.</source>
        <translation>Proces %1 už neexistuje.</translation>
    </message>
    <message>
        <source>Cannot open process %1: %2.</source>
        <translation>Proces %1 nelze otevřít: %2.</translation>
    </message>
    <message>
        <source>PID %1 now belongs to another process; nothing was signalled.</source>
        <translation>PID %1 teď patří jinému procesu; žádný signál nebyl odeslán.</translation>
    </message>
</context>
<context>
    <name>LockWatch::RemoteAction</name>
    <message>
        <source>Node %1 unreachable: its agent did not answer.</source>
        <translation>Uzel %1 je nedostupný: jeho agent neodpověděl.</translation>
    </message>
</context>
<context>
    <name>LockWatch::RemoteRequests</name>
    <message>
        <source>Unknown action &quot;%1&quot;.</source>
        <translation>Neznámá akce „%1“.</translation>
    </message>
    <message>
        <source>Node %1 has no instance named &quot;%2&quot;.</source>
        <translation>Uzel %1 nemá žádnou instanci „%2“.</translation>
    </message>
    <message>
        <source>Instance &quot;%1&quot; on node %2 is busy with another request.</source>
        <translation>Instance „%1“ na uzlu %2 právě vyřizuje jiný požadavek.</translation>
    </message>
    <message>
        <source>Request from node %1 (user %2): %3 %4</source>
        <extracomment>For the agent&apos;s log: %1 node, %2 user, %3 the command (start, stop, clean), %4 instance.</extracomment>
        <translation>Požadavek z uzlu %1 (uživatel %2): %3 %4</translation>
    </message>
</context>
<context>
    <name>LockWatch::RestartPolicyEditor</name>
    <message>
        <source> s</source>
        <extracomment>Unit after a number of seconds in a field.</extracomment>
        <translation> s</translation>
    </message>
    <message>
        <source>Restart</source>
        <extracomment>Group in the instance dialog: bringing a program back after it ended.</extracomment>
        <translation>Restart</translation>
    </message>
    <message>
        <source>Never</source>
        <extracomment>Restart policy: never restart the program.</extracomment>
        <translation>Nikdy</translation>
    </message>
    <message>
        <source>When it crashes</source>
        <extracomment>Restart policy: restart after a non-zero exit code, a signal or an unknown end.</extracomment>
        <translation>Když spadne</translation>
    </message>
    <message>
        <source>Whenever it ends</source>
        <extracomment>Restart policy: restart whenever it ends by itself, also with exit code 0.</extracomment>
        <translation>Kdykoli skončí</translation>
    </message>
    <message>
        <source>Wait before the first restart; each further restart waits twice as long.</source>
        <translation>Prodleva před prvním restartem; každý další čeká dvakrát déle.</translation>
    </message>
    <message>
        <source>The wait before a restart never grows beyond this.</source>
        <translation>Prodleva před restartem nikdy nepřesáhne tuto hodnotu.</translation>
    </message>
    <message>
        <source>After running this long, the next restart waits the first delay again.</source>
        <translation>Po takto dlouhém běhu čeká další restart zase jen první prodlevu.</translation>
    </message>
    <message>
        <source> restarts in 10 min</source>
        <extracomment>After a number: restarts counted within the last 10 minutes.</extracomment>
        <translation> restartech za 10 min</translation>
    </message>
    <message>
        <source>Then LockWatch gives up and says so, until you start it again.</source>
        <translation>Pak to LockWatch vzdá a oznámí to, dokud program znovu nespustíte.</translation>
    </message>
    <message>
        <source>R&amp;estart:</source>
        <extracomment>Label: when to restart the program.</extracomment>
        <translation>R&amp;estart:</translation>
    </message>
    <message>
        <source>&amp;First wait:</source>
        <translation>Pr&amp;vní prodleva:</translation>
    </message>
    <message>
        <source>Longest &amp;wait:</source>
        <translation>Ne&amp;jdelší prodleva:</translation>
    </message>
    <message>
        <source>&amp;Minimum uptime:</source>
        <extracomment>The program must run this long for the wait to go back to the first one.</extracomment>
        <translation>&amp;Minimální doba běhu:</translation>
    </message>
    <message>
        <source>Gi&amp;ve up after:</source>
        <translation>&amp;Už nerestartovat po:</translation>
    </message>
</context>
<context>
    <name>LockWatch::SettingsDialog</name>
    <message>
        <source>&amp;Add...</source>
        <translation>&amp;Přidat...</translation>
    </message>
    <message>
        <source>&amp;Edit...</source>
        <translation>&amp;Upravit...</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Jazyk:</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Odebrat</translation>
    </message>
    <message>
        <source>A new language takes effect when LockWatch restarts.</source>
        <translation>Nový jazyk se projeví po restartu LockWatch.</translation>
    </message>
    <message>
        <source>Could not save the settings: %1</source>
        <translation>Nastavení nelze uložit: %1</translation>
    </message>
    <message>
        <source>Only watched: no program to start</source>
        <translation>Jen hlídáno: žádný program ke spuštění</translation>
    </message>
    <message>
        <source>Remove Instance</source>
        <extracomment>An &quot;instance&quot; is one monitored program (one configured lockfile).</extracomment>
        <translation>Odebrat instanci</translation>
    </message>
    <message>
        <source>Stop watching &quot;%1&quot;? The program itself keeps running and its files stay.</source>
        <translation>Přestat hlídat „%1“? Samotný program poběží dál a jeho soubory zůstanou.</translation>
    </message>
    <message>
        <source>System language</source>
        <extracomment>Language choice: follow the desktop&apos;s language.</extracomment>
        <translation>Jazyk systému</translation>
    </message>
    <message>
        <source>Watched instances</source>
        <extracomment>Group title: the programs LockWatch watches (&quot;instances&quot;).
----------
An &quot;instance&quot; is one monitored program (one configured lockfile).</extracomment>
        <translation>Hlídané instance</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Nastavení</translation>
    </message>
</context>
<context>
    <name>LockWatch::StatusModel</name>
    <message>
        <source>Host</source>
        <translation>Počítač</translation>
    </message>
    <message>
        <source>Lockfile</source>
        <extracomment>&quot;lock&quot; is the lockfile a program keeps while it runs.</extracomment>
        <translation>Soubor zámku</translation>
    </message>
    <message>
        <source>Name</source>
        <extracomment>Column header: the instance&apos;s name.</extracomment>
        <translation>Název</translation>
    </message>
    <message>
        <source>PID</source>
        <extracomment>Column header: process ID.</extracomment>
        <translation>PID</translation>
    </message>
    <message>
        <source>Since</source>
        <extracomment>Column header: the time the lock was taken.</extracomment>
        <translation>Od</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stav</translation>
    </message>
    <message>
        <source>without its lock</source>
        <extracomment>Shown after &quot;running&quot; in the status window: no process holds the lockfile.</extracomment>
        <translation>bez svého zámku</translation>
    </message>
    <message>
        <source>Node %1 does not answer: the state of %2 is unknown.</source>
        <extracomment>Tooltip of an instance on another node whose agent does not answer.</extracomment>
        <translation>Uzel %1 neodpovídá: stav instance %2 není známý.</translation>
    </message>
    <message>
        <source>%1 (this node)</source>
        <extracomment>The status window&apos;s node column for this machine&apos;s instances; %1 is its node name.</extracomment>
        <translation>%1 (tento uzel)</translation>
    </message>
    <message>
        <source>Node</source>
        <extracomment>Column header: the machine (cluster node) an instance runs on.</extracomment>
        <translation>Uzel</translation>
    </message>
</context>
<context>
    <name>LockWatch::StatusWindow</name>
    <message>
        <source>&amp;Quit LockWatch</source>
        <translation>U&amp;končit LockWatch</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Akce</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Zavřít</translation>
    </message>
    <message>
        <source>Instances</source>
        <extracomment>An &quot;instance&quot; is one monitored program (one configured lockfile).</extracomment>
        <translation>Instance</translation>
    </message>
    <message>
        <source>No system tray is available, so LockWatch shows this window instead. It moves into the tray as soon as one appears.</source>
        <translation>Oznamovací oblast není k dispozici, a tak LockWatch místo ní zobrazuje toto okno. Jakmile se oblast objeví, přesune se do ní.</translation>
    </message>
    <message>
        <source>S&amp;ettings...</source>
        <translation>Nas&amp;tavení...</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stav</translation>
    </message>
    <message>
        <source>&amp;Instance</source>
        <translation>Instan&amp;ce</translation>
    </message>
    <message>
        <source>Lock&amp;Watch</source>
        <translation>Lock&amp;Watch</translation>
    </message>
    <message>
        <source>Cluster unreachable: other nodes are shown as last seen, and nothing can be done on them until etcd answers.</source>
        <translation>Cluster je nedostupný: ostatní uzly jsou zobrazeny tak, jak byly naposledy viděny, a dokud etcd neodpoví, nelze na nich nic provést.</translation>
    </message>
</context>
<context>
    <name>LockWatch::TimelineStrip</name>
    <message>
        <source>Last 24 hours</source>
        <extracomment>Accessible name of the coloured strip showing the last 24 hours of a program.</extracomment>
        <translation>Posledních 24 hodin</translation>
    </message>
    <message>
        <source>running</source>
        <extracomment>Timeline stretch: the program ran.</extracomment>
        <translation>běží</translation>
    </message>
    <message>
        <source>down after a crash</source>
        <extracomment>Timeline stretch: the program was down after a crash.</extracomment>
        <translation>neběží po pádu</translation>
    </message>
    <message>
        <source>running twice</source>
        <extracomment>Timeline stretch: two copies of the program ran.</extracomment>
        <translation>běží dvakrát</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>neběží</translation>
    </message>
    <message>
        <source>%1-%2: %3</source>
        <extracomment>Tooltip over the timeline: %1-%2 are times of day, %3 what the program did.</extracomment>
        <translation>%1–%2: %3</translation>
    </message>
    <message>
        <source>now</source>
        <translation>teď</translation>
    </message>
</context>
<context>
    <name>LockWatch::TrayApplication</name>
    <message>
        <source>LockWatch is already running; its status window was raised.</source>
        <translation>LockWatch už běží; jeho okno stavu bylo přeneseno do popředí.</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Spouštět po přihlášení</translation>
    </message>
    <message>
        <source>The configuration could not be used</source>
        <translation>Konfiguraci nelze použít</translation>
    </message>
    <message>
        <source>LockWatch is already running.</source>
        <translation>LockWatch už běží.</translation>
    </message>
    <message>
        <source>LockWatch</source>
        <translation>LockWatch</translation>
    </message>
    <message>
        <source>The cluster settings could not be used</source>
        <translation>Nastavení clusteru nelze použít</translation>
    </message>
</context>
<context>
    <name>LockWatch::TrayMenu</name>
    <message numerus="yes">
        <source>%n more in the status window...</source>
        <translation>
            <numerusform>%n další v okně stavu...</numerusform>
            <numerusform>%n další v okně stavu...</numerusform>
            <numerusform>%n dalších v okně stavu...</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>U&amp;končit</translation>
    </message>
    <message>
        <source>Host: %1</source>
        <translation>Počítač: %1</translation>
    </message>
    <message>
        <source>No instances configured</source>
        <extracomment>An &quot;instance&quot; is one monitored program (one configured lockfile).</extracomment>
        <translation>Nejsou nastaveny žádné instance</translation>
    </message>
    <message>
        <source>S&amp;ettings...</source>
        <translation>Nas&amp;tavení...</translation>
    </message>
    <message>
        <source>Start at &amp;login</source>
        <translation>Spouštět po při&amp;hlášení</translation>
    </message>
    <message>
        <source>Status &amp;window</source>
        <translation>&amp;Okno stavu</translation>
    </message>
</context>
<context>
    <name>Runner</name>
    <message>
        <source>%1 is a symbolic link; refusing to use it as a lock.</source>
        <translation>%1 je symbolický odkaz; jako zámek se nepoužije.</translation>
    </message>
    <message>
        <source>%1 is held by PID %2 on %3 since %4; not started.</source>
        <translation>%1 drží PID %2 na počítači %3 od %4; nespuštěno.</translation>
    </message>
    <message>
        <source>%1 is not a regular file.</source>
        <translation>%1 není běžný soubor.</translation>
    </message>
    <message>
        <source>%1 keeps being replaced; giving up.</source>
        <translation>%1 je neustále nahrazován; vzdávám to.</translation>
    </message>
    <message>
        <source>Cannot execute %1: %2.</source>
        <translation>%1 nelze spustit: %2.</translation>
    </message>
    <message>
        <source>Cannot execute %1: not found.</source>
        <translation>%1 nelze spustit: nenalezeno.</translation>
    </message>
    <message>
        <source>Cannot lock %1: %2.</source>
        <translation>%1 nelze zamknout: %2.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2.</source>
        <translation>%1 nelze otevřít: %2.</translation>
    </message>
    <message>
        <source>Cannot start %1: %2.</source>
        <translation>%1 nelze spustit: %2.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>Do %1 nelze zapsat: %2.</translation>
    </message>
    <message>
        <source>No program to run.</source>
        <translation>Není zadán žádný program ke spuštění.</translation>
    </message>
    <message>
        <source>an unknown time</source>
        <translation>neznámé doby</translation>
    </message>
    <message>
        <source>%1 has %2 hard links; refusing to use it as a lock.</source>
        <extracomment>%1 is a file path, %2 how many names (hard links) it has.</extracomment>
        <translation>%1 má více pevných odkazů (%2); jako zámek se nepoužije.</translation>
    </message>
    <message>
        <source>%1 belongs to another user (uid %2); refusing to use it as a lock.</source>
        <translation>%1 patří jinému uživateli (uid %2); jako zámek se nepoužije.</translation>
    </message>
    <message>
        <source>%1 is not empty and is not a lock; refusing to overwrite it.</source>
        <translation>%1 není prázdný a není to zámek; nebude přepsán.</translation>
    </message>
</context>
<context>
    <name>StatusIcon</name>
    <message>
        <source>%1: %2</source>
        <extracomment>Tooltip line: instance name and its state.</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: %2 (PID %3)</source>
        <extracomment>Tooltip line: instance name, its state, the PID of its holder.</extracomment>
        <translation>%1: %2 (PID %3)</translation>
    </message>
    <message numerus="yes">
        <source>%n instance(s)</source>
        <extracomment>An &quot;instance&quot; is one monitored program (one configured lockfile).</extracomment>
        <translation>
            <numerusform>%n instance</numerusform>
            <numerusform>%n instance</numerusform>
            <numerusform>%n instancí</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>běží: %n</numerusform>
            <numerusform>běží: %n</numerusform>
            <numerusform>běží: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running twice</source>
        <extracomment>Number of instances of which more than one copy runs.</extracomment>
        <translation>
            <numerusform>běží dvakrát: %n</numerusform>
            <numerusform>běží dvakrát: %n</numerusform>
            <numerusform>běží dvakrát: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stale</source>
        <extracomment>Number of instances whose lockfile is stale (left over by a program that is gone).</extracomment>
        <translation>
            <numerusform>%n zastaralý zámek</numerusform>
            <numerusform>%n zastaralé zámky</numerusform>
            <numerusform>%n zastaralých zámků</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n starting, stopping, remote or invalid</source>
        <translation>
            <numerusform>spouští se, zastavuje se, vzdálené nebo neplatné: %n</numerusform>
            <numerusform>spouští se, zastavuje se, vzdálené nebo neplatné: %n</numerusform>
            <numerusform>spouští se, zastavuje se, vzdálené nebo neplatné: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stopped</source>
        <translation>
            <numerusform>neběží: %n</numerusform>
            <numerusform>neběží: %n</numerusform>
            <numerusform>neběží: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>All running</source>
        <extracomment>Tray summary: every monitored program runs.</extracomment>
        <translation>Vše běží</translation>
    </message>
    <message>
        <source>No instances configured</source>
        <extracomment>Tray summary when no instance is configured.</extracomment>
        <translation>Nejsou nastaveny žádné instance</translation>
    </message>
    <message>
        <source>Not everything is running</source>
        <translation>Neběží všechno</translation>
    </message>
    <message>
        <source>Problem: check the status window</source>
        <translation>Problém: podívejte se do okna stavu</translation>
    </message>
    <message>
        <source>Stale lock found</source>
        <extracomment>Tray summary: a lockfile is left over from a program that is gone.</extracomment>
        <translation>Nalezen zastaralý zámek</translation>
    </message>
    <message>
        <source>Starting or stopping</source>
        <translation>Spouští se nebo zastavuje</translation>
    </message>
    <message>
        <source>%1: %2 (PIDs %3)</source>
        <extracomment>Tooltip line: instance name, its state (&quot;running ×2&quot;), the PIDs of every copy.</extracomment>
        <translation>%1: %2 (PID %3)</translation>
    </message>
</context>
<context>
    <name>SupervisorLock</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 nelze otevřít: %2</translation>
    </message>
    <message>
        <source>Cannot lock %1: %2</source>
        <translation>%1 nelze zamknout: %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>No graphical display for the tray (neither DISPLAY nor WAYLAND_DISPLAY is set); the commands work without one, see lockwatch --help.</source>
        <translation>Pro ikonu v oznamovací oblasti chybí grafický displej (není nastaveno DISPLAY ani WAYLAND_DISPLAY); příkazy fungují i bez něj, viz lockwatch --help.</translation>
    </message>
    <message>
        <source>There is no language &quot;%1&quot;; choose one of %2.</source>
        <extracomment>--lang with a language LockWatch has no translation for. %2: &quot;cs, en, it&quot;.</extracomment>
        <translation>Jazyk „%1“ není k dispozici; vyberte jeden z: %2.</translation>
    </message>
</context>
</TS>
