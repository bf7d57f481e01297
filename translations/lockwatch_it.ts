<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT">
<context>
    <name>Cli</name>
    <message>
        <source>Show the state of configured instances.</source>
        <translation>Mostra lo stato delle istanze configurate.</translation>
    </message>
    <message>
        <source>Show what any lockfile means; no configuration needed.</source>
        <translation>Spiega il significato di qualsiasi lockfile; non serve alcuna configurazione.</translation>
    </message>
    <message>
        <source>Add an instance to the configuration.</source>
        <translation>Aggiunge un&apos;istanza alla configurazione.</translation>
    </message>
    <message>
        <source>Remove an instance from the configuration.</source>
        <translation>Rimuove un&apos;istanza dalla configurazione.</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Comandi:</translation>
    </message>
    <message>
        <source>Without a command, the tray starts.</source>
        <extracomment>&quot;The tray&quot;: LockWatch&apos;s icon in the desktop panel&apos;s notification area.</extracomment>
        <translation>Senza un comando si avvia l&apos;icona nell&apos;area di notifica.</translation>
    </message>
    <message>
        <source>Watches lockfiles of single-instance programs: which run, which are stale, and who tries to start a second copy.</source>
        <translation>Sorveglia i lockfile dei programmi a istanza singola: quali sono in esecuzione, quali lockfile sono stantii e chi tenta di avviare una seconda istanza.</translation>
    </message>
    <message>
        <source>Use this configuration file.</source>
        <translation>Usa questo file di configurazione.</translation>
    </message>
    <message>
        <source>FILE</source>
        <extracomment>Placeholder for an option&apos;s value in --help (&quot;--config &lt;FILE&gt;&quot;); keep it short.</extracomment>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Use this language (cs, it, en).</source>
        <translation>Usa questa lingua (cs, it, en).</translation>
    </message>
    <message>
        <source>LANG</source>
        <extracomment>Placeholder for an option&apos;s value in --help (&quot;--lang &lt;LANG&gt;&quot;).</extracomment>
        <translation>LINGUA</translation>
    </message>
    <message>
        <source>Print JSON instead of text.</source>
        <translation>Stampa JSON invece del testo.</translation>
    </message>
    <message>
        <source>The lockfile.</source>
        <translation>Il lockfile.</translation>
    </message>
    <message>
        <source>The instance name.</source>
        <translation>Il nome dell&apos;istanza.</translation>
    </message>
    <message>
        <source>NAME</source>
        <extracomment>Column headings of `lockwatch status`.</extracomment>
        <translation>NOME</translation>
    </message>
    <message>
        <source>Stop grace period (SIGTERM to SIGKILL).</source>
        <extracomment>Option --timeout: seconds between SIGTERM and SIGKILL when stopping.</extracomment>
        <translation>Tempo concesso per la chiusura (da SIGTERM a SIGKILL).</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <extracomment>Placeholder for an option&apos;s value in --help (&quot;--timeout &lt;SECONDS&gt;&quot;).</extracomment>
        <translation>SECONDI</translation>
    </message>
    <message>
        <source>Working directory of the program.</source>
        <translation>Directory di lavoro del programma.</translation>
    </message>
    <message>
        <source>DIR</source>
        <extracomment>Placeholder for an option&apos;s value in --help (&quot;--workdir &lt;DIR&gt;&quot;).</extracomment>
        <translation>DIR</translation>
    </message>
    <message>
        <source>What to do (see Commands).</source>
        <extracomment>Help for the positional argument &quot;command&quot;; &quot;Commands&quot; is the heading printed below.</extracomment>
        <translation>Cosa fare (vedi Comandi).</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;; see lockwatch --help.</source>
        <translation>Comando «%1» sconosciuto; vedi lockwatch --help.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; does not take a program after &quot;--&quot;.</source>
        <translation>Il comando «%1» non accetta un programma dopo «--».</translation>
    </message>
    <message>
        <source>Option --%1 does not apply to &quot;%2&quot;.</source>
        <translation>L&apos;opzione --%1 non si applica al comando «%2».</translation>
    </message>
    <message>
        <source>add takes exactly one NAME.</source>
        <translation>Il comando add richiede esattamente un nome di istanza.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid name: use letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; (at most 64).</source>
        <translation>«%1» non è un nome valido: usare lettere, cifre, «.», «_» e «-» (al massimo 64 caratteri).</translation>
    </message>
    <message>
        <source>add needs --lock FILE.</source>
        <translation>Il comando add richiede --lock con il percorso del lockfile.</translation>
    </message>
    <message>
        <source>--timeout takes whole seconds from 0 to 86400.</source>
        <translation>L&apos;opzione --timeout accetta secondi interi da 0 a 86400.</translation>
    </message>
    <message>
        <source>Working directory %1 does not exist.</source>
        <translation>La directory di lavoro %1 non esiste.</translation>
    </message>
    <message>
        <source>Program &quot;%1&quot; not found or not executable.</source>
        <translation>Programma «%1» non trovato o non eseguibile.</translation>
    </message>
    <message>
        <source>An instance named &quot;%1&quot; already exists.</source>
        <translation>Esiste già un&apos;istanza di nome «%1».</translation>
    </message>
    <message>
        <source>Added &quot;%1&quot; watching %2.</source>
        <translation>Aggiunta l&apos;istanza «%1», che sorveglia %2.</translation>
    </message>
    <message>
        <source>remove takes exactly one NAME.</source>
        <translation>Il comando remove richiede esattamente un nome di istanza.</translation>
    </message>
    <message>
        <source>No instance named &quot;%1&quot; in %2.</source>
        <translation>Nessuna istanza di nome «%1» in %2.</translation>
    </message>
    <message>
        <source>Removed &quot;%1&quot;.</source>
        <translation>Istanza «%1» rimossa.</translation>
    </message>
    <message>
        <source>No instances configured. Add one with: lockwatch add NAME --lock FILE</source>
        <translation>Nessuna istanza configurata. Aggiungerne una con: lockwatch add NOME --lock FILE</translation>
    </message>
    <message>
        <source>STATE</source>
        <extracomment>Column heading of `lockwatch status`; keep it short.</extracomment>
        <translation>STATO</translation>
    </message>
    <message>
        <source>PID</source>
        <extracomment>Column heading of `lockwatch status` (process ID).</extracomment>
        <translation>PID</translation>
    </message>
    <message>
        <source>SINCE</source>
        <extracomment>Column heading of `lockwatch status`: when the lock was taken.</extracomment>
        <translation>DAL</translation>
    </message>
    <message>
        <source>LOCKFILE</source>
        <extracomment>Column heading of `lockwatch status`: the lockfile&apos;s path.</extracomment>
        <translation>LOCKFILE</translation>
    </message>
    <message>
        <source>inspect takes exactly one FILE.</source>
        <translation>Il comando inspect richiede esattamente un file.</translation>
    </message>
    <message>
        <source>Lockfile:</source>
        <translation>Lockfile:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Stato:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Formato:</translation>
    </message>
    <message>
        <source>PID:</source>
        <translation>PID:</translation>
    </message>
    <message>
        <source>Host:</source>
        <extracomment>`lockwatch inspect`: the computer named in the lock.</extracomment>
        <translation>Host:</translation>
    </message>
    <message>
        <source>Since:</source>
        <extracomment>`lockwatch inspect`: the time the lock was taken.</extracomment>
        <translation>Dal:</translation>
    </message>
    <message>
        <source>Warning:</source>
        <translation>Avviso:</translation>
    </message>
</context>
<context>
    <name>Config</name>
    <message>
        <source>Configuration %1 belongs to another user; refusing to use it.</source>
        <translation>La configurazione %1 appartiene a un altro utente; non viene usata.</translation>
    </message>
    <message>
        <source>Configuration %1 is writable by other users; refusing to use it (fix with: chmod go-w %1).</source>
        <translation>La configurazione %1 è scrivibile da altri utenti; non viene usata (correggere con: chmod go-w %1).</translation>
    </message>
    <message>
        <source>Configuration directory %1 is writable by other users; refusing to use it.</source>
        <translation>La directory di configurazione %1 è scrivibile da altri utenti; non viene usata.</translation>
    </message>
    <message>
        <source>Cannot read configuration %1: %2</source>
        <translation>Impossibile leggere la configurazione %1: %2</translation>
    </message>
    <message>
        <source>Configuration %1 is not a regular file.</source>
        <translation>La configurazione %1 non è un file regolare.</translation>
    </message>
    <message>
        <source>Configuration %1 is malformed.</source>
        <translation>La configurazione %1 non è formattata correttamente.</translation>
    </message>
    <message>
        <source>Configuration %1: &quot;%2&quot; is not a valid instance name.</source>
        <translation>Configurazione %1: «%2» non è un nome di istanza valido.</translation>
    </message>
    <message>
        <source>Configuration %1, instance %2: unknown notification &quot;%3&quot;.</source>
        <translation>Configurazione %1, istanza %2: notifica «%3» sconosciuta.</translation>
    </message>
    <message>
        <source>Configuration %1, instance %2: &quot;lockfile&quot; must be an absolute path.</source>
        <translation>Configurazione %1, istanza %2: «lockfile» deve essere un percorso assoluto.</translation>
    </message>
    <message>
        <source>Configuration %1, instance %2: timeouts must be whole seconds between 0 and 86400.</source>
        <translation>Configurazione %1, istanza %2: i timeout devono essere secondi interi tra 0 e 86400.</translation>
    </message>
    <message>
        <source>Configuration %1, instance %2: environment entry &quot;%3&quot; is not KEY=VALUE.</source>
        <translation>Configurazione %1, istanza %2: la variabile d&apos;ambiente «%3» non è nella forma CHIAVE=VALORE.</translation>
    </message>
    <message>
        <source>Cannot create directory %1.</source>
        <translation>Impossibile creare la directory %1.</translation>
    </message>
    <message>
        <source>Cannot write configuration %1: %2</source>
        <translation>Impossibile scrivere la configurazione %1: %2</translation>
    </message>
    <message>
        <source>Cannot write configuration %1.</source>
        <translation>Impossibile scrivere la configurazione %1.</translation>
    </message>
</context>
<context>
    <name>LockState</name>
    <message>
        <source>running</source>
        <extracomment>State of a monitored program: its lock is held by a live process.</extracomment>
        <translation>in esecuzione</translation>
    </message>
    <message>
        <source>stopped</source>
        <extracomment>State of a monitored program: no lockfile, nothing runs.</extracomment>
        <translation>arrestato</translation>
    </message>
    <message>
        <source>stale</source>
        <extracomment>State of a lock (not of a program): the lockfile is left over, its holder is gone.</extracomment>
        <translation>lockfile stantio</translation>
    </message>
    <message>
        <source>remote</source>
        <extracomment>State of a lock taken on another computer; it cannot be checked from here.</extracomment>
        <translation>remoto</translation>
    </message>
    <message>
        <source>invalid</source>
        <extracomment>State of a lockfile whose content or type cannot be trusted.</extracomment>
        <translation>non valido</translation>
    </message>
    <message>
        <source>starting</source>
        <extracomment>Transition of a monitored program: LockWatch has started it and waits for its lock.</extracomment>
        <translation>in avvio</translation>
    </message>
    <message>
        <source>stopping</source>
        <extracomment>Transition of a monitored program: LockWatch has asked it to stop and waits for it to exit.</extracomment>
        <translation>in arresto</translation>
    </message>
    <message>
        <source>lock predates the current boot</source>
        <extracomment>Why a lock is stale, shown in parentheses after the state: the lock was written before the computer last started.</extracomment>
        <translation>lock anteriore all&apos;ultimo avvio del sistema</translation>
    </message>
    <message>
        <source>holder is dead</source>
        <extracomment>Why a lock is stale: the process that holds (took) the lock no longer exists.</extracomment>
        <translation>il processo che lo detiene è terminato</translation>
    </message>
    <message>
        <source>PID now belongs to another process</source>
        <extracomment>Why a lock is stale: the PID in the lockfile now belongs to an unrelated, newer process.</extracomment>
        <translation>il PID ora appartiene a un altro processo</translation>
    </message>
    <message>
        <source>nobody holds the kernel lock</source>
        <extracomment>Why a lock is stale: nobody holds the kernel file lock (flock) on the lockfile.</extracomment>
        <translation>nessuno detiene il lock del kernel</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <extracomment>Why a lockfile is invalid: the lockfile cannot be read.</extracomment>
        <translation>illeggibile</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <extracomment>Why a lockfile is invalid: the lockfile is a directory, device, socket...</extracomment>
        <translation>non è un file regolare</translation>
    </message>
    <message>
        <source>is a symbolic link</source>
        <extracomment>Why a lockfile is invalid: the lockfile is a symbolic link (never followed).</extracomment>
        <translation>è un collegamento simbolico</translation>
    </message>
    <message>
        <source>larger than 64 KiB</source>
        <extracomment>Why a lockfile is invalid: the lockfile is larger than 64 KiB.</extracomment>
        <translation>più grande di 64 KiB</translation>
    </message>
    <message>
        <source>content not understood</source>
        <extracomment>Why a lockfile is invalid: its content is in no known format.</extracomment>
        <translation>contenuto non riconosciuto</translation>
    </message>
    <message>
        <source>not a valid PID</source>
        <extracomment>Why a lockfile is invalid: the PID in it is 1 or less, negative or over the maximum.</extracomment>
        <translation>PID non valido</translation>
    </message>
    <message>
        <source>owned by another user</source>
        <extracomment>Why a lockfile is invalid: it belongs to another user (not root).</extracomment>
        <translation>appartiene a un altro utente</translation>
    </message>
    <message>
        <source>lock is older than 1 hour: a program using the 1-hour takeover rule would start a second copy now</source>
        <extracomment>Warning under a running instance: seed programs treat a lock older than 1 hour as abandoned and take it over, so a second copy would start.</extracomment>
        <translation>il lock ha più di 1 ora: un programma che subentra ai lock più vecchi di 1 ora avvierebbe ora una seconda istanza</translation>
    </message>
    <message>
        <source>timestamp not understood; the file time is used</source>
        <extracomment>Warning: the time written in the lockfile cannot be parsed; its modification time is used.</extracomment>
        <translation>timestamp non riconosciuto; si usa l&apos;ora di modifica del file</translation>
    </message>
    <message>
        <source>holder&apos;s start time cannot be read; PID reuse not ruled out</source>
        <extracomment>Warning: the lock holder&apos;s start time is unknown, so LockWatch cannot prove the PID was not reused by another process.</extracomment>
        <translation>impossibile leggere l&apos;ora di avvio del processo titolare; il riutilizzo del PID non è escluso</translation>
    </message>
</context>
</TS>
