<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cs_CZ">
<context>
    <name>Cli</name>
    <message>
        <source>Show the state of configured instances.</source>
        <translation>Zobrazí stav nastavených instancí.</translation>
    </message>
    <message>
        <source>Show what any lockfile means; no configuration needed.</source>
        <translation>Vysvětlí libovolný soubor zámku; nastavení není potřeba.</translation>
    </message>
    <message>
        <source>Add an instance to the configuration.</source>
        <translation>Přidá instanci do nastavení.</translation>
    </message>
    <message>
        <source>Remove an instance from the configuration.</source>
        <translation>Odebere instanci z nastavení.</translation>
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
        <translation>Hlídá soubory zámků programů, které smějí běžet jen jednou: které běží, které zámky jsou zastaralé a kdo se pokouší spustit druhou instanci.</translation>
    </message>
    <message>
        <source>Use this configuration file.</source>
        <translation>Použije tento konfigurační soubor.</translation>
    </message>
    <message>
        <source>FILE</source>
        <extracomment>Placeholder for an option&apos;s value in --help (&quot;--config &lt;FILE&gt;&quot;); keep it short.</extracomment>
        <translation>SOUBOR</translation>
    </message>
    <message>
        <source>Use this language (cs, it, en).</source>
        <translation>Použije tento jazyk (cs, it, en).</translation>
    </message>
    <message>
        <source>LANG</source>
        <extracomment>Placeholder for an option&apos;s value in --help (&quot;--lang &lt;LANG&gt;&quot;).</extracomment>
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
        <extracomment>Column headings of `lockwatch status`.</extracomment>
        <translation>NÁZEV</translation>
    </message>
    <message>
        <source>Stop grace period (SIGTERM to SIGKILL).</source>
        <extracomment>Option --timeout: seconds between SIGTERM and SIGKILL when stopping.</extracomment>
        <translation>Lhůta na ukončení (od SIGTERM do SIGKILL).</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <extracomment>Placeholder for an option&apos;s value in --help (&quot;--timeout &lt;SECONDS&gt;&quot;).</extracomment>
        <translation>SEKUNDY</translation>
    </message>
    <message>
        <source>Working directory of the program.</source>
        <translation>Pracovní adresář programu.</translation>
    </message>
    <message>
        <source>DIR</source>
        <extracomment>Placeholder for an option&apos;s value in --help (&quot;--workdir &lt;DIR&gt;&quot;).</extracomment>
        <translation>ADRESÁŘ</translation>
    </message>
    <message>
        <source>What to do (see Commands).</source>
        <extracomment>Help for the positional argument &quot;command&quot;; &quot;Commands&quot; is the heading printed below.</extracomment>
        <translation>Co se má udělat (viz Příkazy).</translation>
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
        <source>&quot;%1&quot; is not a valid name: use letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; (at most 64).</source>
        <translation>„%1“ není platný název: použijte písmena, číslice, „.“, „_“ a „-“ (nejvýše 64 znaků).</translation>
    </message>
    <message>
        <source>add needs --lock FILE.</source>
        <translation>Příkaz add vyžaduje volbu --lock s cestou k souboru zámku.</translation>
    </message>
    <message>
        <source>--timeout takes whole seconds from 0 to 86400.</source>
        <translation>Volba --timeout přijímá celé sekundy od 0 do 86400.</translation>
    </message>
    <message>
        <source>Working directory %1 does not exist.</source>
        <translation>Pracovní adresář %1 neexistuje.</translation>
    </message>
    <message>
        <source>Program &quot;%1&quot; not found or not executable.</source>
        <translation>Program „%1“ nebyl nalezen nebo není spustitelný.</translation>
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
        <source>No instances configured. Add one with: lockwatch add NAME --lock FILE</source>
        <translation>Nejsou nastaveny žádné instance. Instanci přidáte příkazem: lockwatch add NÁZEV --lock SOUBOR</translation>
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
        <translation>Konfigurace %1, instance %2: neznámé oznámení „%3“.</translation>
    </message>
    <message>
        <source>Configuration %1, instance %2: &quot;lockfile&quot; must be an absolute path.</source>
        <translation>Konfigurace %1, instance %2: „lockfile“ musí být absolutní cesta.</translation>
    </message>
    <message>
        <source>Configuration %1, instance %2: timeouts must be whole seconds between 0 and 86400.</source>
        <translation>Konfigurace %1, instance %2: časové limity musí být celé sekundy od 0 do 86400.</translation>
    </message>
    <message>
        <source>Configuration %1, instance %2: environment entry &quot;%3&quot; is not KEY=VALUE.</source>
        <translation>Konfigurace %1, instance %2: položka prostředí „%3“ není ve tvaru KLÍČ=HODNOTA.</translation>
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
        <translation>ukončuje se</translation>
    </message>
    <message>
        <source>lock predates the current boot</source>
        <extracomment>Why a lock is stale, shown in parentheses after the state: the lock was written before the computer last started.</extracomment>
        <translation>zámek je starší než poslední start systému</translation>
    </message>
    <message>
        <source>holder is dead</source>
        <extracomment>Why a lock is stale: the process that holds (took) the lock no longer exists.</extracomment>
        <translation>proces, který ho drží, už neběží</translation>
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
        <extracomment>Warning under a running instance: seed programs treat a lock older than 1 hour as abandoned and take it over, so a second copy would start.</extracomment>
        <translation>zámek je starší než 1 hodina: program, který po hodině zámek převezme, by teď spustil druhou instanci</translation>
    </message>
    <message>
        <source>timestamp not understood; the file time is used</source>
        <extracomment>Warning: the time written in the lockfile cannot be parsed; its modification time is used.</extracomment>
        <translation>nesrozumitelné časové razítko; použije se čas změny souboru</translation>
    </message>
    <message>
        <source>holder&apos;s start time cannot be read; PID reuse not ruled out</source>
        <extracomment>Warning: the lock holder&apos;s start time is unknown, so LockWatch cannot prove the PID was not reused by another process.</extracomment>
        <translation>čas spuštění držitele zámku nelze zjistit; nelze vyloučit opětovné použití PID</translation>
    </message>
</context>
</TS>
