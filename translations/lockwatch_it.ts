<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT">
<context>
    <name>Announcer</name>
    <message>
        <source>%1 is left behind (%2).</source>
        <translation>Il lockfile %1 è rimasto orfano (%2).</translation>
    </message>
    <message>
        <source>A start was refused at %1; PID %2 holds the lock.</source>
        <extracomment>&quot;lock&quot; is the lockfile a program keeps while it runs.</extracomment>
        <translation>Un avvio è stato rifiutato alle %1; il PID %2 detiene il lock.</translation>
    </message>
    <message>
        <source>The lock went from PID %1 to PID %2, and PID %1 still runs: two copies are running now.</source>
        <extracomment>&quot;lock&quot; is the lockfile a program keeps while it runs.</extracomment>
        <translation>Il lock è passato dal PID %1 al PID %2 e il PID %1 è ancora in esecuzione: ora ci sono due copie in esecuzione.</translation>
    </message>
    <message>
        <source>Process %1 tried a second start at %2; PID %3 still holds the lock.</source>
        <extracomment>&quot;lock&quot; is the lockfile a program keeps while it runs.</extracomment>
        <translation>Il processo %1 ha tentato un secondo avvio alle %2; il PID %3 detiene ancora il lock.</translation>
    </message>
    <message>
        <source>Action on &quot;%1&quot; failed</source>
        <extracomment>Notification title when an action (start, stop, clean up) failed; %1 is the instance&apos;s name.</extracomment>
        <translation>Azione sull&apos;istanza «%1» non riuscita</translation>
    </message>
    <message>
        <source>PID %1 ended: %2.</source>
        <extracomment>Notification text: a program ended by itself. %1 is its PID, %2 &quot;exit code 1&quot;, &quot;signal 9 (SIGKILL)&quot; or &quot;exit status unknown&quot;.</extracomment>
        <translation>Il PID %1 è terminato: %2.</translation>
    </message>
    <message>
        <source>Its lock was left behind.</source>
        <extracomment>&quot;lock&quot; is the lockfile a program keeps while it runs.</extracomment>
        <translation>Il suo lock è rimasto.</translation>
    </message>
    <message>
        <source>LockWatch restarts it in %1 s.</source>
        <extracomment>%1 is a number of seconds, e.g. &quot;0.2&quot; or &quot;4&quot;.</extracomment>
        <translation>LockWatch lo riavvia tra %1 s.</translation>
    </message>
    <message>
        <source>Last lines of its log:</source>
        <translation>Ultime righe del log:</translation>
    </message>
    <message numerus="yes">
        <source>It ended %n time(s) within 10 minutes; LockWatch no longer restarts it.</source>
        <extracomment>Notification text: restarts given up; the title names the program.</extracomment>
        <translation>
            <numerusform>È terminato %n volta in 10 minuti; LockWatch non lo riavvia più.</numerusform>
            <numerusform>È terminato %n volte in 10 minuti; LockWatch non lo riavvia più.</numerusform>
        </translation>
    </message>
    <message>
        <source>PID %1 runs the same program beside PID %2: two copies are running now.</source>
        <translation>Il PID %1 esegue lo stesso programma accanto al PID %2: adesso ci sono due copie in esecuzione.</translation>
    </message>
    <message>
        <source>A second copy (PID %1) started while PID %2 holds the lock, and gave up again.</source>
        <extracomment>&quot;lock&quot; is the lockfile a program keeps while it runs.</extracomment>
        <translation>Una seconda copia (PID %1) si è avviata mentre il PID %2 detiene il lock, ed è terminata subito.</translation>
    </message>
</context>
<context>
    <name>Autostart</name>
    <message>
        <source>Could not remove %1.</source>
        <translation>Impossibile rimuovere %1.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossibile scrivere %1: %2</translation>
    </message>
    <message>
        <source>This build of LockWatch has no autostart entry to write.</source>
        <extracomment>&quot;Start at login&quot; could not be switched on: this build lacks a file.</extracomment>
        <translation>Questa build di LockWatch non include la voce per l&apos;avvio all&apos;accesso.</translation>
    </message>
</context>
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
        <translation>Sorveglia i lockfile dei programmi a istanza singola: quali sono in esecuzione, quali lockfile sono orfani e chi tenta di avviare una seconda copia.</translation>
    </message>
    <message>
        <source>Use this configuration file.</source>
        <translation>Usa questo file di configurazione.</translation>
    </message>
    <message>
        <source>FILE</source>
        <extracomment>Placeholder in --help: a file path. Upper case, one word, no spaces.</extracomment>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Use this language (cs, it, en).</source>
        <translation>Usa questa lingua (cs, it, en).</translation>
    </message>
    <message>
        <source>LANG</source>
        <extracomment>Placeholder in --help: a language code (cs, it, en). Upper case, one word.</extracomment>
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
        <extracomment>Placeholder in --help: an instance name. Upper case, one word, no spaces.
----------
Column headings of `lockwatch status`.</extracomment>
        <translation>NOME</translation>
    </message>
    <message>
        <source>Stop grace period (SIGTERM to SIGKILL).</source>
        <extracomment>Option --timeout: seconds between SIGTERM and SIGKILL when stopping.</extracomment>
        <translation>Tempo concesso per l&apos;arresto (da SIGTERM a SIGKILL).</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <extracomment>Placeholder in --help: a number of seconds. Upper case, one word, no spaces.</extracomment>
        <translation>SECONDI</translation>
    </message>
    <message>
        <source>Working directory of the program.</source>
        <translation>Directory di lavoro del programma.</translation>
    </message>
    <message>
        <source>DIR</source>
        <extracomment>Placeholder in --help: a directory. Upper case, one word, no spaces.</extracomment>
        <translation>DIR</translation>
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
        <source>add needs --lock FILE.</source>
        <translation>Il comando add richiede --lock con il percorso del lockfile.</translation>
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
        <translation>%1  %2: IN ESECUZIONE DUE VOLTE: il lock è passato dal PID %3 al PID %4 mentre il PID %3 è ancora in esecuzione</translation>
    </message>
    <message>
        <source>%1  %2: duplicate start attempt by PID %3 (running as PID %4)</source>
        <extracomment>`lockwatch watch`: a second copy of a running program checked its lock.</extracomment>
        <translation>%1  %2: tentativo di secondo avvio dal PID %3 (in esecuzione come PID %4)</translation>
    </message>
    <message>
        <source>%1  %2: no longer watched (removed from the configuration)</source>
        <extracomment>`lockwatch watch --cluster`: an instance was removed from its node&apos;s configuration.
----------
`lockwatch watch`: an instance was removed from the configuration.</extracomment>
        <translation>%1  %2: non più sorvegliata (rimossa dalla configurazione)</translation>
    </message>
    <message>
        <source>%1 takes exactly one NAME.</source>
        <translation>Il comando %1 richiede esattamente un nome di istanza.</translation>
    </message>
    <message>
        <source>Cannot install signal handlers: %1</source>
        <translation>Impossibile installare i gestori dei segnali: %1</translation>
    </message>
    <message>
        <source>PID %1</source>
        <translation>PID %1</translation>
    </message>
    <message>
        <source>Print every state change as it happens, until interrupted.</source>
        <translation>Stampa ogni cambio di stato appena avviene, fino all&apos;interruzione.</translation>
    </message>
    <message>
        <source>Remove a stale lock after re-checking it.</source>
        <translation>Rimuove un lockfile orfano dopo averlo ricontrollato.</translation>
    </message>
    <message>
        <source>Start a configured instance (--clean: remove a stale lock first).</source>
        <translation>Avvia un&apos;istanza configurata (--clean: prima rimuove il lockfile orfano).</translation>
    </message>
    <message>
        <source>Stop a running instance: SIGTERM, then SIGKILL after the grace period.</source>
        <translation>Arresta un&apos;istanza in esecuzione: SIGTERM, poi SIGKILL allo scadere del tempo concesso.</translation>
    </message>
    <message>
        <source>run needs --lock FILE.</source>
        <translation>Il comando run richiede --lock con il percorso del lockfile.</translation>
    </message>
    <message>
        <source>run needs a program after &quot;--&quot;.</source>
        <translation>Il comando run richiede un programma dopo «--».</translation>
    </message>
    <message>
        <source>start: remove a stale lock first.</source>
        <translation>start: prima rimuove il lockfile orfano.</translation>
    </message>
    <message>
        <source>watch takes no arguments.</source>
        <translation>Il comando watch non accetta argomenti.</translation>
    </message>
    <message>
        <source>watch: print the current states first.</source>
        <translation>watch: stampa prima gli stati attuali.</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;. Did you mean &quot;%2&quot;?</source>
        <translation>Comando «%1» sconosciuto. Forse intendevi «%2»?</translation>
    </message>
    <message>
        <source>Configuration file %1 does not exist; only lockwatch add creates it.</source>
        <translation>Il file di configurazione %1 non esiste; solo lockwatch add lo crea.</translation>
    </message>
    <message>
        <source>%1  %2: UNEXPECTED STOP: PID %3 ended without a stop request</source>
        <extracomment>`lockwatch watch`: a running program ended without anyone asking it to (a crash).</extracomment>
        <translation>%1  %2: ARRESTO IMPREVISTO: il PID %3 è terminato senza una richiesta di arresto</translation>
    </message>
    <message>
        <source>Unknown option &quot;%1&quot;; see lockwatch --help.</source>
        <translation>Opzione «%1» sconosciuta; vedi lockwatch --help.</translation>
    </message>
    <message>
        <source>Option %1 needs a value.</source>
        <translation>L&apos;opzione %1 richiede un valore.</translation>
    </message>
    <message>
        <source>Option %1 takes no value.</source>
        <translation>L&apos;opzione %1 non accetta valori.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Mostra questa guida.</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>Mostra la versione.</translation>
    </message>
    <message>
        <source>PROGRAM</source>
        <extracomment>Placeholder in --help: the program to run. Upper case, one word, no spaces.</extracomment>
        <translation>PROGRAMMA</translation>
    </message>
    <message>
        <source>ARG</source>
        <extracomment>Placeholder in --help: one argument of the program. Upper case, one word.</extracomment>
        <translation>ARGOMENTO</translation>
    </message>
    <message>
        <source>Usage: lockwatch [options] [command]</source>
        <extracomment>The first line of --help; &quot;lockwatch&quot; is the command and stays as it is.</extracomment>
        <translation>Uso: lockwatch [opzioni] [comando]</translation>
    </message>
    <message>
        <source>Options:</source>
        <extracomment>Heading of the option list in --help.</extracomment>
        <translation>Opzioni:</translation>
    </message>
    <message>
        <source>run takes the program after &quot;--&quot;: %1</source>
        <extracomment>%1 is the command&apos;s synopsis, &quot;lockwatch run --lock FILE -- PROGRAM [ARG...]&quot;.</extracomment>
        <translation>Il comando run richiede il programma dopo «--»: %1</translation>
    </message>
    <message>
        <source>No instances configured. Add one with: %1</source>
        <extracomment>%1 is a command&apos;s synopsis, &quot;lockwatch add NAME --lock FILE&quot;.</extracomment>
        <translation>Nessuna istanza configurata. Aggiungerne una con: %1</translation>
    </message>
    <message>
        <source>--timeout: %1</source>
        <extracomment>%1 says which values the configuration key behind --timeout takes.</extracomment>
        <translation>--timeout: %1</translation>
    </message>
    <message>
        <source>agent takes no arguments.</source>
        <translation>Il comando agent non accetta argomenti.</translation>
    </message>
    <message>
        <source>Add an instance to the configuration; with --restart and the options after it, supervised.</source>
        <translation>Aggiunge un&apos;istanza alla configurazione; con --restart e le opzioni che seguono, anche con supervisione.</translation>
    </message>
    <message>
        <source>Run a program only if no other copy holds the lock (--cluster: on no other node either; --wait: stand by and take over when the holder ends).</source>
        <translation>Esegue un programma solo se nessun&apos;altra copia detiene il lock (--cluster: nemmeno su un altro nodo; --wait: restare in attesa e subentrare quando il titolare termina).</translation>
    </message>
    <message>
        <source>Monitor, supervise and record without a display, until stopped (SIGTERM); for servers and a systemd user service.</source>
        <translation>Sorveglia, supervisiona e registra senza interfaccia grafica, fino all&apos;arresto (SIGTERM); per server e come servizio utente di systemd.</translation>
    </message>
    <message>
        <source>Show what happened to instances (starts, stops, crashes, restarts...), oldest first.</source>
        <translation>Mostra cosa è successo alle istanze (avvii, arresti, arresti anomali, riavvii...), dal più vecchio.</translation>
    </message>
    <message>
        <source>add: restart the program when it ends: never, on-crash or always.</source>
        <extracomment>Option --restart of `add`: never, on-crash or always (keep these words).</extracomment>
        <translation>add: quando riavviare il programma se termina: never, on-crash o always.</translation>
    </message>
    <message>
        <source>add: seconds before the first restart (doubled for each further one).</source>
        <translation>add: secondi prima del primo riavvio (il doppio per ogni riavvio successivo).</translation>
    </message>
    <message>
        <source>add: the longest wait before a restart.</source>
        <translation>add: l&apos;attesa massima prima di un riavvio.</translation>
    </message>
    <message>
        <source>add: running this long resets the wait to the first delay.</source>
        <translation>add: dopo questo tempo di esecuzione l&apos;attesa torna alla prima.</translation>
    </message>
    <message>
        <source>add: restarts within 10 minutes before giving up.</source>
        <translation>add: riavvii in 10 minuti prima di sospenderli.</translation>
    </message>
    <message>
        <source>history: only what happened within this duration.</source>
        <extracomment>Option --since of `history`: only events newer than this (30m, 2h, 1d).</extracomment>
        <translation>history: solo ciò che è successo in questo intervallo.</translation>
    </message>
    <message>
        <source>Across every node of the cluster ([cluster] in the configuration).</source>
        <extracomment>Option --cluster; [cluster] is the configuration section, keep it as it is.</extracomment>
        <translation>Su tutti i nodi del cluster ([cluster] nella configurazione).</translation>
    </message>
    <message>
        <source>run --cluster: stand by until the lock is free, then run.</source>
        <translation>run --cluster: restare in attesa finché il lock è libero, poi eseguire.</translation>
    </message>
    <message>
        <source>No [cluster] section with etcd=URL in %1.</source>
        <translation>In %1 manca una sezione [cluster] con etcd=URL.</translation>
    </message>
    <message>
        <source>no answer from etcd</source>
        <translation>etcd non risponde</translation>
    </message>
    <message>
        <source>Cluster unreachable: %1</source>
        <translation>Cluster non raggiungibile: %1</translation>
    </message>
    <message>
        <source>NODE</source>
        <extracomment>Column heading of `lockwatch status --cluster`: the machine in the cluster.
----------
Placeholder in --help: a machine of the cluster ([cluster] node=). Upper case, one word.</extracomment>
        <translation>NODO</translation>
    </message>
    <message>
        <source>cluster reachable again</source>
        <extracomment>`lockwatch watch --cluster`: etcd does not answer (or answers again).</extracomment>
        <translation>cluster di nuovo raggiungibile</translation>
    </message>
    <message>
        <source>cluster unreachable</source>
        <translation>cluster non raggiungibile</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not NODE/NAME.</source>
        <translation>«%1» non è NODO/NOME.</translation>
    </message>
    <message>
        <source>--restart takes never, on-crash or always.</source>
        <translation>--restart richiede never, on-crash o always.</translation>
    </message>
    <message>
        <source>--%1 takes seconds from 0 to %2 (e.g. 0.5).</source>
        <extracomment>%1 is an option such as --restart-delay.</extracomment>
        <translation>--%1 richiede secondi da 0 a %2 (es. 0.5).</translation>
    </message>
    <message>
        <source>DURATION</source>
        <extracomment>Placeholder in --help: a duration such as 30m or 2h. Upper case, one word.</extracomment>
        <translation>DURATA</translation>
    </message>
    <message>
        <source>POLICY</source>
        <extracomment>Placeholder in --help: a restart policy (never, on-crash, always). Upper case, one word.</extracomment>
        <translation>REGOLA</translation>
    </message>
    <message>
        <source>COUNT</source>
        <extracomment>Placeholder in --help: a whole number. Upper case, one word.</extracomment>
        <translation>NUMERO</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid instance name.</source>
        <translation>«%1» non è un nome di istanza valido.</translation>
    </message>
    <message>
        <source>--since takes a duration such as 30m, 2h, 1d or 1h30m.</source>
        <extracomment>--since takes a duration such as 90s, 30m, 2h, 1d or 1h30m.</extracomment>
        <translation>--since richiede una durata come 30m, 2h, 1d o 1h30m.</translation>
    </message>
    <message numerus="yes">
        <source>history %1: skipped %n damaged line(s) (%2).</source>
        <extracomment>%1 is the history file; %2 the line numbers of the damaged lines.</extracomment>
        <translation>
            <numerusform>cronologia %1: saltata %n riga danneggiata (%2).</numerusform>
            <numerusform>cronologia %1: saltate %n righe danneggiate (%2).</numerusform>
        </translation>
    </message>
    <message>
        <source>No events recorded.</source>
        <translation>Nessun evento registrato.</translation>
    </message>
    <message>
        <source>in %1 s</source>
        <extracomment>After &quot;waiting to restart&quot;: the time left, %1 in seconds (&quot;2.5&quot;).</extracomment>
        <translation>tra %1 s</translation>
    </message>
    <message numerus="yes">
        <source>%n restart(s)</source>
        <extracomment>After the state of a supervised instance: restarts within the last 10 minutes.</extracomment>
        <translation>
            <numerusform>%n riavvio</numerusform>
            <numerusform>%n riavvii</numerusform>
        </translation>
    </message>
    <message>
        <source>run --cluster needs --name NAME: the name of the cluster-wide lock.</source>
        <translation>Il comando run --cluster richiede --name NOME: il nome del lock valido in tutto il cluster.</translation>
    </message>
    <message>
        <source>run --cluster needs a [cluster] section with etcd=URL in %1.</source>
        <translation>Il comando run --cluster richiede una sezione [cluster] con etcd=URL in %1.</translation>
    </message>
    <message>
        <source>Cannot create directory %1.</source>
        <translation>Impossibile creare la directory %1.</translation>
    </message>
    <message>
        <source>--wait goes with --cluster.</source>
        <translation>--wait va usato con --cluster.</translation>
    </message>
    <message>
        <source>PIDs %1</source>
        <extracomment>`lockwatch watch`: the process IDs of every copy of a program that runs.</extracomment>
        <translation>PID %1</translation>
    </message>
    <message>
        <source>%1  %2: DUPLICATE RUNNING: PID %3 runs beside PID %4</source>
        <extracomment>`lockwatch watch`: a second copy of a program runs beside the first one.</extracomment>
        <translation>%1  %2: IN ESECUZIONE DUE VOLTE: il PID %3 è in esecuzione accanto al PID %4</translation>
    </message>
</context>
<context>
    <name>ClusterConfig</name>
    <message>
        <source>Configuration %1, section [cluster]</source>
        <translation>Configurazione %1, sezione [cluster]</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not an etcd URL (http://HOST:PORT or https://HOST:PORT).</source>
        <translation>%1: «%2» non è un URL di etcd (http://HOST:PORTA o https://HOST:PORTA).</translation>
    </message>
    <message>
        <source>%1: &quot;ttl&quot; must be whole seconds from %2 to %3.</source>
        <translation>%1: «ttl» deve essere un numero intero di secondi tra %2 e %3.</translation>
    </message>
    <message>
        <source>%1: &quot;etcd&quot; names no URL.</source>
        <translation>%1: «etcd» non indica alcun URL.</translation>
    </message>
    <message>
        <source>%1: &quot;prefix&quot; must start with &apos;/&apos;, not end with it, and hold no spaces.</source>
        <translation>%1: «prefix» deve iniziare con &apos;/&apos;, non terminare con &apos;/&apos; e non contenere spazi.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a valid node name: use ASCII letters (a-z, A-Z), digits and &apos;_&apos;, and after the first character also &apos;.&apos; and &apos;-&apos; (at most 64 characters).</source>
        <translation>%1: «%2» non è un nome di nodo valido: usare lettere non accentate (a-z, A-Z), cifre e &apos;_&apos;, e dopo il primo carattere anche &apos;.&apos; e &apos;-&apos; (al massimo 64 caratteri).</translation>
    </message>
    <message>
        <source>%1: &quot;user&quot; and &quot;password-file&quot; go together.</source>
        <translation>%1: «user» e «password-file» vanno indicati insieme.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; must be an absolute path.</source>
        <translation>%1: «%2» deve essere un percorso assoluto.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 says where in the configuration, %2 what is wrong there.</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Cannot read the etcd password file %1: %2</source>
        <translation>Impossibile leggere il file della password di etcd %1: %2</translation>
    </message>
    <message>
        <source>The etcd password file %1 must be private (owned by you, mode 0600); refusing to use it (fix with: chmod 600 %1).</source>
        <translation>Il file della password di etcd %1 deve essere privato (di proprietà dell&apos;utente, permessi 0600); non verrà usato (correggere con: chmod 600 %1).</translation>
    </message>
    <message>
        <source>The etcd password file %1 is not a small regular file.</source>
        <translation>Il file della password di etcd %1 non è un piccolo file regolare.</translation>
    </message>
    <message>
        <source>The etcd password file %1 is empty.</source>
        <translation>Il file della password di etcd %1 è vuoto.</translation>
    </message>
</context>
<context>
    <name>ClusterRunner</name>
    <message>
        <source>Cannot take the cluster lock %1: %2</source>
        <translation>Impossibile ottenere il lock del cluster %1: %2</translation>
    </message>
    <message>
        <source>an unknown time</source>
        <translation>un momento imprecisato</translation>
    </message>
    <message>
        <source>The cluster lock %1 is held by PID %2 on node %3 since %4; not started.</source>
        <translation>Il lock del cluster %1 è detenuto dal PID %2 sul nodo %3 da %4; non avviato.</translation>
    </message>
    <message>
        <source>The cluster lock %1 is held by PID %2 on node %3 since %4; waiting to take over.</source>
        <translation>Il lock del cluster %1 è detenuto dal PID %2 sul nodo %3 da %4; in attesa di subentrare.</translation>
    </message>
    <message>
        <source>Took over the cluster lock %1.</source>
        <translation>Lock del cluster %1 acquisito.</translation>
    </message>
    <message>
        <source>The cluster lock %1 may be lost (no answer from etcd); stopping PID %2.</source>
        <translation>Il lock del cluster %1 potrebbe essere perso (etcd non risponde); arresto del PID %2.</translation>
    </message>
    <message>
        <source>The cluster lock %1 is lost (%2); stopping PID %3.</source>
        <translation>Il lock del cluster %1 è perso (%2); arresto del PID %3.</translation>
    </message>
    <message>
        <source>The cluster lock %1 was lost; waiting to take it again.</source>
        <translation>Il lock del cluster %1 è stato perso; in attesa di ottenerlo di nuovo.</translation>
    </message>
    <message>
        <source>The cluster lock %1 was lost; the program was stopped.</source>
        <translation>Il lock del cluster %1 è stato perso; il programma è stato arrestato.</translation>
    </message>
    <message>
        <source>Cannot receive signals: %1</source>
        <translation>Impossibile ricevere i segnali: %1</translation>
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
    <message>
        <source>&quot;%1&quot; is reserved for the configuration file&apos;s own settings; choose another name.</source>
        <extracomment>&quot;General&quot; is the INI section of the configuration file&apos;s own settings.</extracomment>
        <translation>Il nome «%1» è riservato alle impostazioni proprie del file di configurazione; sceglierne un altro.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid name: use ASCII letters (a-z, A-Z), digits and &apos;_&apos;, and after the first character also &apos;.&apos; and &apos;-&apos; (at most 64 characters).</source>
        <extracomment>An instance name is an INI section and part of file names: only a-z and A-Z, no accented letters.</extracomment>
        <translation>«%1» non è un nome valido: usare lettere non accentate (a-z, A-Z), cifre, «_» e, dopo il primo carattere, anche «.» e «-» (al massimo 64 caratteri).</translation>
    </message>
    <message>
        <source>Configuration %1, instance %2: %3</source>
        <extracomment>%1 is the configuration file, %2 an instance name, %3 what is wrong with it.</extracomment>
        <translation>Configurazione %1, istanza %2: %3</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is reserved for the cluster settings; choose another name.</source>
        <extracomment>&quot;cluster&quot; is the INI section of the etcd settings.</extracomment>
        <translation>«%1» è riservato alle impostazioni del cluster; scegliere un altro nome.</translation>
    </message>
    <message>
        <source>Configuration %1 is reached through %2, which belongs to another user; refusing to use it.</source>
        <extracomment>%2 is a directory or a symbolic link on the way to the configuration file.</extracomment>
        <translation>La configurazione %1 si raggiunge attraverso %2, che appartiene a un altro utente; non viene usata.</translation>
    </message>
    <message>
        <source>Configuration %1 is larger than %2 MiB; refusing to read it.</source>
        <translation>La configurazione %1 supera %2 MiB; non viene letta.</translation>
    </message>
    <message>
        <source>Configuration %1, instance %2: restart must be never, on-crash or always, not &quot;%3&quot;.</source>
        <extracomment>%3 is what the file says; never, on-crash and always are the values to write.</extracomment>
        <translation>Configurazione %1, istanza %2: restart deve essere never, on-crash o always, non «%3».</translation>
    </message>
</context>
<context>
    <name>EtcdParse</name>
    <message>
        <source>etcd sent a malformed answer: %1</source>
        <translation>etcd ha inviato una risposta non valida: %1</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>non è un oggetto JSON</translation>
    </message>
    <message>
        <source>&quot;kvs&quot; is not a list</source>
        <translation>«kvs» non è una lista</translation>
    </message>
    <message>
        <source>too many keys</source>
        <translation>troppe chiavi</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not true or false</source>
        <translation>«%1» non è né true né false</translation>
    </message>
    <message>
        <source>&quot;responses&quot; is not a list</source>
        <translation>«responses» non è una lista</translation>
    </message>
    <message>
        <source>a transaction response is not an object</source>
        <translation>una risposta della transazione non è un oggetto</translation>
    </message>
    <message>
        <source>a transaction response of unknown kind</source>
        <translation>una risposta della transazione di tipo sconosciuto</translation>
    </message>
    <message>
        <source>transactions nested too deep</source>
        <translation>transazioni annidate troppo in profondità</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an integer</source>
        <translation>«%1» non è un numero intero</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not base64 of at most %2 bytes</source>
        <translation>«%1» non è base64 di al massimo %2 byte</translation>
    </message>
    <message>
        <source>a key is not an object</source>
        <translation>una chiave non è un oggetto</translation>
    </message>
    <message>
        <source>a key is empty</source>
        <translation>una chiave è vuota</translation>
    </message>
    <message>
        <source>no &quot;header&quot;</source>
        <translation>manca «header»</translation>
    </message>
    <message>
        <source>negative revision</source>
        <translation>revisione negativa</translation>
    </message>
    <message>
        <source>an event is not an object</source>
        <translation>un evento non è un oggetto</translation>
    </message>
    <message>
        <source>an event of unknown type</source>
        <translation>un evento di tipo sconosciuto</translation>
    </message>
    <message>
        <source>no &quot;result&quot;</source>
        <translation>manca «result»</translation>
    </message>
    <message>
        <source>lease time to live out of range</source>
        <translation>durata del lease fuori intervallo</translation>
    </message>
    <message>
        <source>no lease ID</source>
        <translation>manca l&apos;ID del lease</translation>
    </message>
    <message>
        <source>no token</source>
        <translation>manca il token</translation>
    </message>
    <message>
        <source>HTTP status %1</source>
        <translation>stato HTTP %1</translation>
    </message>
    <message>
        <source>etcd refused: %1</source>
        <translation>etcd ha rifiutato: %1</translation>
    </message>
</context>
<context>
    <name>ExitStatus</name>
    <message>
        <source>exit code %1</source>
        <extracomment>How a program ended: %1 is its exit code (0 = success).</extracomment>
        <translation>codice di uscita %1</translation>
    </message>
    <message>
        <source>signal %1 (%2)</source>
        <extracomment>How a program ended: %1 is the signal number, %2 its name (SIGKILL).</extracomment>
        <translation>segnale %1 (%2)</translation>
    </message>
    <message>
        <source>exit status unknown</source>
        <extracomment>How a program ended is not known (LockWatch did not start it, so cannot ask).</extracomment>
        <translation>stato di uscita sconosciuto</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>Cannot read the history %1: %2.</source>
        <translation>Impossibile leggere la cronologia %1: %2.</translation>
    </message>
    <message>
        <source>The history %1 is not a regular file of this user; it is not used.</source>
        <translation>La cronologia %1 non è un file regolare di questo utente; non viene usata.</translation>
    </message>
    <message>
        <source>Cannot lock the history %1: %2.</source>
        <translation>Impossibile bloccare la cronologia %1: %2.</translation>
    </message>
    <message>
        <source>Cannot write the history %1: %2.</source>
        <translation>Impossibile scrivere la cronologia %1: %2.</translation>
    </message>
    <message>
        <source>not a regular file of this user</source>
        <translation>non è un file regolare di questo utente</translation>
    </message>
    <message>
        <source>disk full</source>
        <translation>disco pieno</translation>
    </message>
    <message>
        <source>Cannot compact the history %1: %2.</source>
        <translation>Impossibile compattare la cronologia %1: %2.</translation>
    </message>
</context>
<context>
    <name>HistoryEvent</name>
    <message>
        <source>started from the tray</source>
        <extracomment>History event: the program was started from LockWatch&apos;s tray.</extracomment>
        <translation>avviato dall&apos;area di notifica</translation>
    </message>
    <message>
        <source>started from the command line</source>
        <extracomment>History event: the program was started with `lockwatch start`.</extracomment>
        <translation>avviato dalla riga di comando</translation>
    </message>
    <message>
        <source>started by the agent</source>
        <extracomment>History event: the program was started by the LockWatch agent.</extracomment>
        <translation>avviato dall&apos;agente</translation>
    </message>
    <message>
        <source>restarted</source>
        <extracomment>History event: LockWatch restarted the program after it crashed.</extracomment>
        <translation>riavviato</translation>
    </message>
    <message>
        <source>started outside LockWatch</source>
        <extracomment>History event: the program was started outside LockWatch.</extracomment>
        <translation>avviato fuori da LockWatch</translation>
    </message>
    <message>
        <source>started</source>
        <translation>avviato</translation>
    </message>
    <message>
        <source>took its lock</source>
        <extracomment>History event: the program took its lockfile. &quot;lock&quot;: the lockfile.</extracomment>
        <translation>ha acquisito il lock</translation>
    </message>
    <message>
        <source>stop requested from the tray</source>
        <extracomment>History event: the user asked LockWatch&apos;s tray to stop the program.</extracomment>
        <translation>arresto richiesto dall&apos;area di notifica</translation>
    </message>
    <message>
        <source>stop requested from the command line</source>
        <extracomment>History event: someone ran `lockwatch stop`.</extracomment>
        <translation>arresto richiesto dalla riga di comando</translation>
    </message>
    <message>
        <source>stop requested through the agent</source>
        <extracomment>History event: the LockWatch agent was asked to stop the program.</extracomment>
        <translation>arresto richiesto tramite l&apos;agente</translation>
    </message>
    <message>
        <source>stop requested</source>
        <translation>arresto richiesto</translation>
    </message>
    <message>
        <source>stopped</source>
        <extracomment>History event: the program ended after a stop was requested.</extracomment>
        <translation>arrestato</translation>
    </message>
    <message>
        <source>exited (%1)</source>
        <extracomment>History event: the program&apos;s process ended; %1 is &quot;exit code 1&quot;, &quot;signal 9 (SIGKILL)&quot; or &quot;exit status unknown&quot;.</extracomment>
        <translation>terminato (%1)</translation>
    </message>
    <message>
        <source>crashed (%1)</source>
        <extracomment>History event: the program ended without anyone asking it to; %1 as for &quot;exited&quot;.</extracomment>
        <translation>arresto anomalo (%1)</translation>
    </message>
    <message>
        <source>restart %1 scheduled in %2 s</source>
        <extracomment>History event: %1 is which restart this is (1, 2, ...), %2 the delay in seconds (&quot;0.2&quot;).</extracomment>
        <translation>riavvio n. %1 previsto tra %2 s</translation>
    </message>
    <message numerus="yes">
        <source>restarts given up after %n restart(s) within 10 minutes</source>
        <extracomment>History event: LockWatch stopped restarting the program.</extracomment>
        <translation>
            <numerusform>riavvii sospesi dopo %n riavvio in 10 minuti</numerusform>
            <numerusform>riavvii sospesi dopo %n riavvii in 10 minuti</numerusform>
        </translation>
    </message>
    <message>
        <source>second start refused</source>
        <extracomment>History event: someone tried to start a second copy, and it was refused.</extracomment>
        <translation>secondo avvio rifiutato</translation>
    </message>
    <message>
        <source>running twice</source>
        <extracomment>History event: two copies of the program run at the same time.</extracomment>
        <translation>in esecuzione due volte</translation>
    </message>
    <message>
        <source>runs without its lock</source>
        <extracomment>History event: the program runs but does not hold its lockfile.</extracomment>
        <translation>in esecuzione senza il suo lock</translation>
    </message>
    <message>
        <source>stale lock found</source>
        <extracomment>History event: the program is gone and its lockfile was left behind.</extracomment>
        <translation>trovato un lockfile orfano</translation>
    </message>
    <message>
        <source>stale lock removed</source>
        <extracomment>History event: the stale lockfile was removed.</extracomment>
        <translation>lockfile orfano rimosso</translation>
    </message>
</context>
<context>
    <name>InstanceActions</name>
    <message>
        <source>&amp;Clean up</source>
        <extracomment>Remove a stale lockfile.</extracomment>
        <translation>&amp;Rimuovi lockfile</translation>
    </message>
    <message>
        <source>&amp;Kill now</source>
        <extracomment>Send SIGKILL at once instead of waiting for the program to stop.</extracomment>
        <translation>Termina &amp;forzatamente</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <extracomment>Start the monitored program.</extracomment>
        <translation>&amp;Avvia</translation>
    </message>
    <message>
        <source>Ask the program to stop (SIGTERM), then force it</source>
        <translation>Chiede al programma di arrestarsi (SIGTERM), poi lo termina forzatamente</translation>
    </message>
    <message>
        <source>Clean up &amp;and start</source>
        <translation>Rimuovi lockfile e a&amp;vvia</translation>
    </message>
    <message>
        <source>Copy &amp;PID</source>
        <translation>Copia il P&amp;ID</translation>
    </message>
    <message>
        <source>Copy the process ID to the clipboard</source>
        <translation>Copia l&apos;ID del processo negli appunti</translation>
    </message>
    <message>
        <source>Open &amp;log</source>
        <translation>Apri il &amp;log</translation>
    </message>
    <message>
        <source>Open the program&apos;s output log</source>
        <translation>Apre il log con l&apos;output del programma</translation>
    </message>
    <message>
        <source>PID %1</source>
        <translation>PID %1</translation>
    </message>
    <message>
        <source>Remove the stale lockfile left behind</source>
        <extracomment>&quot;stale&quot;: left behind by a program that is gone.</extracomment>
        <translation>Rimuove il lockfile orfano rimasto</translation>
    </message>
    <message>
        <source>Remove the stale lockfile, then start the program</source>
        <extracomment>&quot;stale&quot;: left behind by a program that is gone.</extracomment>
        <translation>Rimuove il lockfile orfano, poi avvia il programma</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>Arre&amp;sta</translation>
    </message>
    <message>
        <source>Start the program</source>
        <translation>Avvia il programma</translation>
    </message>
    <message>
        <source>Stop the program now (SIGKILL)</source>
        <translation>Termina forzatamente il programma (SIGKILL)</translation>
    </message>
    <message>
        <source>up %1 d %2 h</source>
        <extracomment>How long the program has been running: days and hours.</extracomment>
        <translation>attivo da %1 g %2 h</translation>
    </message>
    <message>
        <source>up %1 h %2 min</source>
        <extracomment>How long the program has been running: hours and minutes.</extracomment>
        <translation>attivo da %1 h %2 min</translation>
    </message>
    <message>
        <source>up %1 min</source>
        <translation>attivo da %1 min</translation>
    </message>
    <message>
        <source>up less than a minute</source>
        <translation>attivo da meno di un minuto</translation>
    </message>
    <message>
        <source>No program is configured for this instance: add one in Settings.</source>
        <extracomment>Why Start is greyed out. &quot;Settings&quot; is the Settings dialog.</extracomment>
        <translation>Nessun programma configurato per questa istanza: aggiungerne uno in Impostazioni.</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <extracomment>Start again a program whose restarts LockWatch gave up.</extracomment>
        <translation>Ri&amp;prova</translation>
    </message>
    <message>
        <source>S&amp;top all copies</source>
        <extracomment>Stop every process of the program (more than one copy runs).</extracomment>
        <translation>Arre&amp;sta tutte le copie</translation>
    </message>
    <message>
        <source>Start the program again; LockWatch gave up restarting it</source>
        <translation>Avvia di nuovo il programma; LockWatch ha sospeso i riavvii</translation>
    </message>
    <message>
        <source>PIDs %1</source>
        <extracomment>The process IDs of every copy of a program that runs, the lock&apos;s holder first.</extracomment>
        <translation>PID %1</translation>
    </message>
    <message>
        <source>restart in %1 s</source>
        <extracomment>Time left before LockWatch restarts a crashed program; %1 is seconds (&quot;2.5&quot;).</extracomment>
        <translation>riavvio tra %1 s</translation>
    </message>
    <message>
        <source>Only for this node&apos;s instances</source>
        <extracomment>Why an action is greyed out for an instance on another machine of the cluster.</extracomment>
        <translation>Solo per le istanze di questo nodo</translation>
    </message>
    <message>
        <source>Cluster unreachable</source>
        <translation>Cluster non raggiungibile</translation>
    </message>
    <message>
        <source>Node %1 does not answer</source>
        <extracomment>%1 is a cluster node&apos;s name.</extracomment>
        <translation>Il nodo %1 non risponde</translation>
    </message>
</context>
<context>
    <name>InstanceCheck</name>
    <message>
        <source>&quot;%1&quot; must be whole seconds from %2 to %3.</source>
        <extracomment>%1 is a configuration key (&quot;stop-timeout&quot; or &quot;start-timeout&quot;), %2 and %3 its limits.</extracomment>
        <translation>«%1» deve essere in secondi interi da %2 a %3.</translation>
    </message>
    <message>
        <source>The lockfile must be an absolute path (starting with /).</source>
        <extracomment>&quot;lock&quot; is the lockfile a program keeps while it runs.</extracomment>
        <translation>Il lockfile deve essere un percorso assoluto (che inizia con /).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an environment entry: write NAME=value.</source>
        <extracomment>Keep &quot;NAME=value&quot; as it is.</extracomment>
        <translation>«%1» non è una variabile d&apos;ambiente: scrivi NAME=value.</translation>
    </message>
    <message>
        <source>Arguments need a program to pass them to.</source>
        <translation>Gli argomenti richiedono un programma a cui passarli.</translation>
    </message>
    <message>
        <source>The program &quot;%1&quot; does not exist.</source>
        <translation>Il programma «%1» non esiste.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an executable program.</source>
        <translation>«%1» non è un programma eseguibile.</translation>
    </message>
    <message>
        <source>The working directory &quot;%1&quot; does not exist.</source>
        <translation>La directory di lavoro «%1» non esiste.</translation>
    </message>
    <message>
        <source>the longest restart delay must not be shorter than the first one.</source>
        <extracomment>Configuration keys: restart-max-delay must be &gt;= restart-delay.</extracomment>
        <translation>il ritardo di riavvio massimo non può essere più breve del primo.</translation>
    </message>
    <message>
        <source>the number of restarts must be a whole number from 0 to %1.</source>
        <extracomment>Configuration key max-restarts: how many restarts within 10 minutes.</extracomment>
        <translation>il numero di riavvii deve essere un numero intero da 0 a %1.</translation>
    </message>
    <message>
        <source>restarting needs a program to start.</source>
        <translation>per riavviare serve un programma da avviare.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be seconds from 0 to %2 (decimals allowed, e.g. 0.5).</source>
        <extracomment>%1 is a configuration key (restart-delay, restart-max-delay or min-uptime), %2 its largest value.</extracomment>
        <translation>«%1» deve essere in secondi da 0 a %2 (decimali ammessi, es. 0.5).</translation>
    </message>
</context>
<context>
    <name>Journal</name>
    <message>
        <source>Cannot lock the journal %1: %2.</source>
        <translation>Impossibile bloccare il registro %1: %2.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>Impossibile scrivere %1: %2.</translation>
    </message>
    <message>
        <source>Cannot write the journal %1: %2.</source>
        <translation>Impossibile scrivere il registro %1: %2.</translation>
    </message>
</context>
<context>
    <name>Launcher</name>
    <message>
        <source>Cannot change to the working directory %1: %2.</source>
        <translation>Impossibile passare alla directory di lavoro %1: %2.</translation>
    </message>
    <message>
        <source>Cannot execute %1: %2.</source>
        <translation>Impossibile eseguire %1: %2.</translation>
    </message>
    <message>
        <source>Cannot open the log %1: %2.</source>
        <translation>Impossibile aprire il log %1: %2.</translation>
    </message>
    <message>
        <source>Cannot start &quot;%1&quot;: %2.</source>
        <translation>Impossibile avviare «%1»: %2.</translation>
    </message>
    <message>
        <source>No program is configured for &quot;%1&quot;.</source>
        <translation>Nessun programma configurato per «%1».</translation>
    </message>
    <message>
        <source>Program &quot;%1&quot; not found.</source>
        <translation>Programma «%1» non trovato.</translation>
    </message>
</context>
<context>
    <name>LockRemoval</name>
    <message>
        <source>%1 changed while it was being removed; it was kept as %2.</source>
        <translation>%1 è cambiato durante la rimozione; è stato conservato come %2.</translation>
    </message>
    <message>
        <source>%1 is already gone.</source>
        <translation>%1 non esiste più.</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 non è un file.</translation>
    </message>
    <message>
        <source>%1 is not a regular file; left untouched.</source>
        <translation>%1 non è un file regolare; lasciato intatto.</translation>
    </message>
    <message>
        <source>%1 was replaced by a new file; left untouched.</source>
        <translation>%1 è stato sostituito da un nuovo file; lasciato intatto.</translation>
    </message>
    <message>
        <source>Cannot examine %1: %2.</source>
        <translation>Impossibile esaminare %1: %2.</translation>
    </message>
    <message>
        <source>Cannot open the directory of %1: %2.</source>
        <translation>Impossibile aprire la directory di %1: %2.</translation>
    </message>
    <message>
        <source>Cannot remove %1: %2.</source>
        <translation>Impossibile rimuovere %1: %2.</translation>
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
        <translation>non in esecuzione</translation>
    </message>
    <message>
        <source>stale</source>
        <extracomment>State of a lock (not of a program): the lockfile is left over, its holder is gone.</extracomment>
        <translation>lockfile orfano</translation>
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
        <translation>anteriore all&apos;ultimo avvio del sistema</translation>
    </message>
    <message>
        <source>holder is dead</source>
        <extracomment>Why a lock is stale: the process that holds (took) the lock no longer exists.</extracomment>
        <translation>processo terminato</translation>
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
        <extracomment>Warning under a running instance: some programs treat a lock older than 1 hour as abandoned and take it over, so a second copy would start.</extracomment>
        <translation>il lock ha più di 1 ora: un programma che subentra ai lock più vecchi di 1 ora avvierebbe adesso una seconda copia</translation>
    </message>
    <message>
        <source>timestamp not understood; the file time is used</source>
        <extracomment>Warning: the time written in the lockfile cannot be parsed; its modification time is used.</extracomment>
        <translation>timestamp non riconosciuto; si usa l&apos;ora di modifica del file</translation>
    </message>
    <message>
        <source>waiting to restart</source>
        <extracomment>Transition of a supervised program: it ended and LockWatch waits before restarting it.</extracomment>
        <translation>in attesa di riavvio</translation>
    </message>
    <message>
        <source>failed</source>
        <extracomment>State of a supervised program: it kept ending, and LockWatch gave up restarting it.</extracomment>
        <translation>non riuscita</translation>
    </message>
    <message>
        <source>%1 ×%2</source>
        <extracomment>A state with the number of copies of the program that run, e.g. &quot;running ×2&quot;. %1 is the state, %2 the number of copies.</extracomment>
        <translation>%1 ×%2</translation>
    </message>
    <message>
        <source>too many restarts</source>
        <extracomment>Why a supervised program is &quot;failed&quot;: it ended too often within 10 minutes.</extracomment>
        <translation>troppi riavvii</translation>
    </message>
    <message>
        <source>the holder&apos;s identity cannot be verified; it will not be signalled</source>
        <extracomment>Warning: LockWatch cannot prove which process holds the lock (its start time cannot be read, or no process can be proven to hold the kernel lock), so it signals nothing.</extracomment>
        <translation>impossibile verificare l&apos;identità del processo titolare; non gli verrà inviato alcun segnale</translation>
    </message>
    <message>
        <source>more than one copy is running</source>
        <extracomment>Warning: more than one process of the same program runs (for example after a program took over a lock whose holder still runs).</extracomment>
        <translation>è in esecuzione più di una copia</translation>
    </message>
    <message>
        <source>runs without its lock: a second start would not be refused</source>
        <extracomment>Warning: the program runs, but no live process holds its lockfile (it is missing, or its holder is gone), so nothing would stop a second copy from starting.</extracomment>
        <translation>in esecuzione senza il suo lock: un secondo avvio non verrebbe rifiutato</translation>
    </message>
    <message>
        <source>unreachable</source>
        <extracomment>State of an instance on another node whose agent does not answer (its state is unknown).</extracomment>
        <translation>non raggiungibile</translation>
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
        <translation>Un agente LockWatch è già in esecuzione per questo utente (PID %1).</translation>
    </message>
    <message>
        <source>Waiting for the tray (PID %1) to hand supervision over.</source>
        <translation>In attesa che l&apos;area di notifica (PID %1) ceda la supervisione.</translation>
    </message>
    <message numerus="yes">
        <source>Supervising %n instance(s).</source>
        <extracomment>The agent has started; %n is the number of configured instances.</extracomment>
        <translation>
            <numerusform>Supervisione di %n istanza.</numerusform>
            <numerusform>Supervisione di %n istanze.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LockWatch::AgentCluster</name>
    <message>
        <source>Not publishing to the cluster: %1</source>
        <extracomment>The agent cannot take part in the cluster; %1 says why.</extracomment>
        <translation>Nessuna pubblicazione sul cluster: %1</translation>
    </message>
    <message>
        <source>Cluster member as node %1 (etcd %2).</source>
        <extracomment>%1 is this machine&apos;s node name, %2 the etcd endpoints.</extracomment>
        <translation>Membro del cluster come nodo %1 (etcd %2).</translation>
    </message>
</context>
<context>
    <name>LockWatch::ClusterMember</name>
    <message>
        <source>Publishing to etcd as node %1.</source>
        <translation>Pubblicazione su etcd come nodo %1.</translation>
    </message>
    <message>
        <source>Cluster unreachable; local monitoring goes on, publishing resumes when etcd answers.</source>
        <translation>Cluster non raggiungibile; la sorveglianza locale continua, la pubblicazione riprende quando etcd risponde.</translation>
    </message>
</context>
<context>
    <name>LockWatch::ClusterTray</name>
    <message>
        <source>Other nodes</source>
        <extracomment>Heading of the other machines in the tray menu.</extracomment>
        <translation>Altri nodi</translation>
    </message>
    <message>
        <source>Cluster unreachable</source>
        <translation>Cluster non raggiungibile</translation>
    </message>
    <message>
        <source>This node (%1)</source>
        <translation>Questo nodo (%1)</translation>
    </message>
    <message numerus="yes">
        <source>Node %1 - %n running</source>
        <translation>
            <numerusform>Nodo %1 - %n in esecuzione</numerusform>
            <numerusform>Nodo %1 - %n in esecuzione</numerusform>
        </translation>
    </message>
    <message>
        <source>Node %1 - unreachable</source>
        <translation>Nodo %1 - non raggiungibile</translation>
    </message>
    <message>
        <source>Node %1 does not answer: state unknown</source>
        <translation>Il nodo %1 non risponde: stato sconosciuto</translation>
    </message>
    <message numerus="yes">
        <source>%n more on this node</source>
        <translation>
            <numerusform>altre %n su questo nodo</numerusform>
            <numerusform>altre %n su questo nodo</numerusform>
        </translation>
    </message>
    <message>
        <source>No instances configured</source>
        <translation>Nessuna istanza configurata</translation>
    </message>
    <message>
        <source>Done on node %1: %2</source>
        <translation>Eseguito sul nodo %1: %2</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>Non eseguito: %1</translation>
    </message>
    <message>
        <source>Connecting to the cluster…</source>
        <translation>Connessione al cluster…</translation>
    </message>
</context>
<context>
    <name>LockWatch::Control</name>
    <message>
        <source>&quot;%1&quot; cannot be stopped from here: %2.</source>
        <translation>L&apos;istanza «%1» non può essere arrestata da qui: %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; did not stop within %2 s and was killed.</source>
        <translation>L&apos;istanza «%1» non si è arrestata entro %2 s ed è stata terminata forzatamente.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; exited before taking its lock.</source>
        <extracomment>&quot;taking its lock&quot;: creating/locking its lockfile.</extracomment>
        <translation>L&apos;istanza «%1» è terminata prima di acquisire il lock.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; had already exited.</source>
        <translation>L&apos;istanza «%1» era già terminata.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has a stale lock (%2); clean it up first, or start with --clean.</source>
        <extracomment>&quot;stale lock&quot;: a lockfile left behind by a program that no longer runs.</extracomment>
        <translation>L&apos;istanza «%1» ha un lockfile orfano (%2); rimuoverlo prima o avviare con --clean.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no lockfile; nothing to clean.</source>
        <translation>L&apos;istanza «%1» non ha un lockfile; non c&apos;è nulla da rimuovere.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is already running (PID %2); a second copy was not started.</source>
        <translation>L&apos;istanza «%1» è già in esecuzione (PID %2); non è stata avviata una seconda copia.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is busy with another action.</source>
        <translation>L&apos;istanza «%1» sta già eseguendo un&apos;altra azione.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not running.</source>
        <translation>L&apos;istanza «%1» non è in esecuzione.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not running; its lock is stale (%2). Use clean to remove it.</source>
        <extracomment>&quot;lock&quot;: the lockfile; &quot;stale&quot;: left behind by a program that no longer runs.</extracomment>
        <translation>L&apos;istanza «%1» non è in esecuzione; il suo lockfile è orfano (%2). Usare clean per rimuoverlo.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is running (PID %2); its lock is not stale.</source>
        <extracomment>%1 is an instance name. &quot;lock&quot;: the lockfile; &quot;stale&quot;: left behind by a program that no longer runs.</extracomment>
        <translation>L&apos;istanza «%1» è in esecuzione (PID %2); il suo lockfile non è orfano.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; started (PID %2).</source>
        <translation>Istanza «%1» avviata (PID %2).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; stopped (PID %2).</source>
        <translation>Istanza «%1» arrestata (PID %2).</translation>
    </message>
    <message>
        <source>A process still holds a kernel lock on %1; nothing was removed.</source>
        <extracomment>&quot;kernel lock&quot;: an flock/fcntl lock held on the file by a running process.</extracomment>
        <translation>Un processo detiene ancora un lock del kernel su %1; non è stato rimosso nulla.</translation>
    </message>
    <message>
        <source>Cannot signal PID %1: %2.</source>
        <translation>Impossibile inviare un segnale al PID %1: %2.</translation>
    </message>
    <message>
        <source>Its log %1 is empty.</source>
        <translation>Il suo log %1 è vuoto.</translation>
    </message>
    <message>
        <source>Last lines of %1:</source>
        <translation>Ultime righe di %1:</translation>
    </message>
    <message>
        <source>No program is configured for &quot;%1&quot;.</source>
        <translation>Nessun programma configurato per «%1».</translation>
    </message>
    <message>
        <source>PID %1 belongs to another user (uid %2); LockWatch does not signal other users&apos; processes.</source>
        <translation>Il PID %1 appartiene a un altro utente (uid %2); LockWatch non invia segnali ai processi di altri utenti.</translation>
    </message>
    <message>
        <source>PID %1 refused to die: it survived SIGKILL for %2 s.</source>
        <translation>Il PID %1 non termina: è ancora attivo %2 s dopo SIGKILL.</translation>
    </message>
    <message>
        <source>Removed the stale lock of &quot;%1&quot; (%2).</source>
        <extracomment>%2 is a lockfile path. &quot;stale&quot; = left behind by a program that no longer runs.</extracomment>
        <translation>Rimosso il lockfile orfano dell&apos;istanza «%1» (%2).</translation>
    </message>
    <message>
        <source>The identity of PID %1 cannot be verified; it is not signalled.</source>
        <translation>Impossibile verificare l&apos;identità del PID %1; non viene inviato alcun segnale.</translation>
    </message>
    <message>
        <source>The lock names LockWatch itself (PID %1); it is not signalled.</source>
        <translation>Il lock indica LockWatch stesso (PID %1); non viene inviato alcun segnale.</translation>
    </message>
    <message>
        <source>The lock names PID %1; it is never signalled.</source>
        <extracomment>&quot;lock&quot;: the lockfile.</extracomment>
        <translation>Il lock indica il PID %1; a questo PID non viene mai inviato alcun segnale.</translation>
    </message>
    <message>
        <source>The lock of &quot;%1&quot; belongs to host %2; it cannot be checked from here and is not removed.</source>
        <extracomment>%1 is an instance name, %2 a host name. &quot;lock&quot;: the lockfile.</extracomment>
        <translation>Il lock di «%1» appartiene all&apos;host %2; da qui non si può verificare e non viene rimosso.</translation>
    </message>
    <message>
        <source>The lock of &quot;%1&quot; belongs to host %2; not started.</source>
        <extracomment>%1 is an instance name, %2 a host name. &quot;lock&quot;: the lockfile.</extracomment>
        <translation>Il lock di «%1» appartiene all&apos;host %2; istanza non avviata.</translation>
    </message>
    <message>
        <source>The lock of &quot;%1&quot; changed (now %2); nothing was removed.</source>
        <extracomment>%1 is an instance name, %2 its new state. &quot;lock&quot;: the lockfile.</extracomment>
        <translation>Il lock di «%1» è cambiato (ora %2); non è stato rimosso nulla.</translation>
    </message>
    <message>
        <source>The lock of &quot;%1&quot; is invalid (%2); it is not removed.</source>
        <extracomment>%1 is an instance name, %2 the reason the lockfile cannot be trusted.</extracomment>
        <translation>Il lock di «%1» non è valido (%2); non viene rimosso.</translation>
    </message>
    <message>
        <source>The lock of &quot;%1&quot; is invalid (%2); not started.</source>
        <extracomment>%1 is an instance name, %2 the reason the lockfile cannot be trusted.</extracomment>
        <translation>Il lock di «%1» non è valido (%2); istanza non avviata.</translation>
    </message>
    <message>
        <source>The lock of &quot;%1&quot; is not held by anyone; nothing to clean.</source>
        <extracomment>%1 is an instance name. &quot;lock&quot;: the lockfile.</extracomment>
        <translation>Il lock di «%1» non è detenuto da nessuno; non c&apos;è nulla da rimuovere.</translation>
    </message>
    <message>
        <source>The owner of PID %1 cannot be determined; it is not signalled.</source>
        <translation>Impossibile determinare il proprietario del PID %1; non viene inviato alcun segnale.</translation>
    </message>
    <message>
        <source>The holder of the lock is not known; nothing was signalled.</source>
        <extracomment>&quot;lock&quot;: the lockfile. Its holder is a process.</extracomment>
        <translation>Non si sa quale processo detiene il lock; non è stato inviato alcun segnale.</translation>
    </message>
    <message>
        <source>No stop of &quot;%1&quot; is in progress here; there is nothing to kill.</source>
        <extracomment>&quot;Kill now&quot;: send SIGKILL at once during a stop.</extracomment>
        <translation>Qui non è in corso alcun arresto dell&apos;istanza «%1»; non c&apos;è nulla da terminare forzatamente.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was already killed; LockWatch waits for it to exit.</source>
        <extracomment>SIGKILL was sent; the program has not exited yet.</extracomment>
        <translation>L&apos;istanza «%1» è già stata terminata forzatamente; LockWatch attende che termini.</translation>
    </message>
    <message>
        <source>A kernel lock is held on %1, but no process could be proven to hold it (the process that took it may have exited, leaving it to another, or it belongs to another user); nothing was signalled.</source>
        <extracomment>%1 is a lockfile path. &quot;kernel lock&quot;: an flock/fcntl lock on the file.</extracomment>
        <translation>Su %1 è detenuto un lock del kernel, ma non si può dimostrare quale processo lo detenga (il processo che l&apos;ha acquisito può essere terminato lasciandolo a un altro, oppure appartiene a un altro utente); non è stato inviato alcun segnale.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; runs without its lock (PID %2); the lock is not removed while a copy runs.</source>
        <extracomment>%1 is an instance name. &quot;lock&quot;: the lockfile.</extracomment>
        <translation>L&apos;istanza «%1» è in esecuzione senza il suo lock (PID %2); il lock non viene rimosso finché una copia è in esecuzione.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is %2: start or stop it rather than removing its lock.</source>
        <extracomment>%2 is a state: &quot;waiting to restart&quot; or &quot;failed&quot;.</extracomment>
        <translation>L&apos;istanza «%1» è nello stato «%2»: avviarla o arrestarla invece di rimuoverne il lock.</translation>
    </message>
    <message>
        <source>PID %1 belongs to another user (uid %2) and does not hold the lock; it is not signalled.</source>
        <extracomment>A process of another user runs the same program but does not hold the lockfile.</extracomment>
        <translation>Il PID %1 appartiene a un altro utente (uid %2) e non detiene il lock; non gli viene inviato alcun segnale.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; started as PID %2, but no lock appeared at %3 within %4 s; it keeps running.</source>
        <extracomment>%2 is a process ID, %3 the lockfile&apos;s path, %4 a number of seconds.</extracomment>
        <translation>L&apos;istanza «%1» è stata avviata come PID %2, ma entro %4 s non è comparso nessun lock in %3; resta in esecuzione.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not running; its restart is cancelled.</source>
        <translation>L&apos;istanza «%1» non è in esecuzione; il suo riavvio è annullato.</translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; stopped: %n copies ended (PIDs %2).</source>
        <extracomment>%1 is an instance name, %2 a list of process IDs.</extracomment>
        <translation>
            <numerusform>Istanza «%1» arrestata: terminata %n copia (PID %2).</numerusform>
            <numerusform>Istanza «%1» arrestata: terminate %n copie (PID %2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Still running: PID %1.</source>
        <extracomment>%n copies of the program still run after a stop; %1 lists their process IDs.</extracomment>
        <translation>
            <numerusform>Ancora in esecuzione: PID %1.</numerusform>
            <numerusform>Ancora in esecuzione: PID %1.</numerusform>
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
        <translation>Cronologia</translation>
    </message>
    <message>
        <source>Time</source>
        <extracomment>Column headers of the history list.</extracomment>
        <translation>Ora</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Log</source>
        <extracomment>The last lines of the selected program&apos;s output log, following it live.</extracomment>
        <translation>Log</translation>
    </message>
    <message>
        <source>No output yet.</source>
        <extracomment>Shown in the log view when the program has written nothing (yet).</extracomment>
        <translation>Ancora nessun output.</translation>
    </message>
    <message>
        <source>Select an instance to see its history and log.</source>
        <extracomment>Shown in the details pane while no instance is selected.</extracomment>
        <translation>Selezionare un&apos;istanza per vederne la cronologia e il log.</translation>
    </message>
    <message numerus="yes">
        <source>%n restart(s) in the last 10 minutes</source>
        <extracomment>Details pane: restarts LockWatch made within the last 10 minutes.</extracomment>
        <translation>
            <numerusform>%n riavvio negli ultimi 10 minuti</numerusform>
            <numerusform>%n riavvii negli ultimi 10 minuti</numerusform>
        </translation>
    </message>
    <message>
        <source>state unknown, the node does not answer</source>
        <extracomment>Details pane: another node&apos;s instance while that node does not answer.</extracomment>
        <translation>stato sconosciuto, il nodo non risponde</translation>
    </message>
    <message>
        <source>%1 on node %2: %3</source>
        <extracomment>Details pane: an instance on another cluster node; %1 its name, %2 the node, %3 its state.</extracomment>
        <translation>%1 sul nodo %2: %3</translation>
    </message>
    <message>
        <source>its history and log are kept on that node</source>
        <translation>cronologia e log restano su quel nodo</translation>
    </message>
</context>
<context>
    <name>LockWatch::EtcdClient</name>
    <message>
        <source>No etcd endpoint is configured.</source>
        <translation>Nessun endpoint etcd configurato.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an etcd endpoint (http://HOST:PORT or https://HOST:PORT).</source>
        <translation>«%1» non è un endpoint etcd (http://HOST:PORTA o https://HOST:PORTA).</translation>
    </message>
    <message>
        <source>TLS is not available (no TLS backend for Qt Network).</source>
        <translation>TLS non è disponibile (nessun backend TLS per Qt Network).</translation>
    </message>
    <message>
        <source>Cannot read the CA file %1: %2</source>
        <translation>Impossibile leggere il file della CA %1: %2</translation>
    </message>
    <message>
        <source>The CA file %1 holds no PEM certificate.</source>
        <translation>Il file della CA %1 non contiene alcun certificato PEM.</translation>
    </message>
    <message>
        <source>etcd did not accept user &quot;%1&quot;: %2</source>
        <translation>etcd non ha accettato l&apos;utente «%1»: %2</translation>
    </message>
    <message>
        <source>etcd at %1 did not answer in time.</source>
        <translation>etcd su %1 non ha risposto in tempo.</translation>
    </message>
    <message>
        <source>Cannot reach etcd at %1: %2</source>
        <translation>Impossibile raggiungere etcd su %1: %2</translation>
    </message>
    <message>
        <source>etcd&apos;s answer exceeded %1 bytes; ignored.</source>
        <translation>La risposta di etcd ha superato %1 byte; ignorata.</translation>
    </message>
</context>
<context>
    <name>LockWatch::EtcdWatch</name>
    <message>
        <source>etcd sent a watch answer over %1 bytes; ignored.</source>
        <translation>etcd ha inviato una risposta del watch oltre %1 byte; ignorata.</translation>
    </message>
    <message>
        <source>etcd at %1 closed the watch.</source>
        <translation>etcd su %1 ha chiuso il watch.</translation>
    </message>
    <message>
        <source>etcd sent a malformed watch answer.</source>
        <translation>etcd ha inviato una risposta del watch non valida.</translation>
    </message>
    <message>
        <source>etcd sent a malformed watch answer: %1</source>
        <translation>etcd ha inviato una risposta del watch non valida: %1</translation>
    </message>
    <message>
        <source>etcd ended the watch: %1</source>
        <translation>etcd ha terminato il watch: %1</translation>
    </message>
    <message>
        <source>&quot;events&quot; is not a list</source>
        <translation>«events» non è una lista</translation>
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
        <translation>&amp;Argomenti:</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>&amp;Sfoglia...</translation>
    </message>
    <message>
        <source>&amp;Lockfile:</source>
        <extracomment>&quot;lock&quot; is the lockfile a program keeps while it runs.</extracomment>
        <translation>&amp;Lockfile:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <extracomment>Label of the instance name field.</extracomment>
        <translation>&amp;Nome:</translation>
    </message>
    <message>
        <source>&amp;Program:</source>
        <translation>&amp;Programma:</translation>
    </message>
    <message>
        <source>&amp;Working directory:</source>
        <translation>&amp;Directory di lavoro:</translation>
    </message>
    <message>
        <source>/path/to/program.lock</source>
        <extracomment>&quot;lock&quot; is the lockfile a program keeps while it runs.</extracomment>
        <translation>/percorso/del/programma.lock</translation>
    </message>
    <message>
        <source>Add Instance</source>
        <extracomment>Dialog title: add or edit one monitored program (an &quot;instance&quot;).</extracomment>
        <translation>Aggiungi istanza</translation>
    </message>
    <message>
        <source>Br&amp;owse...</source>
        <translation>Sf&amp;oglia...</translation>
    </message>
    <message>
        <source>Bro&amp;wse...</source>
        <translation>Sfo&amp;glia...</translation>
    </message>
    <message>
        <source>Choose the Lockfile</source>
        <extracomment>&quot;lock&quot; is the lockfile a program keeps while it runs.</extracomment>
        <translation>Scegli il lockfile</translation>
    </message>
    <message>
        <source>Choose the Program</source>
        <translation>Scegli il programma</translation>
    </message>
    <message>
        <source>Choose the Working Directory</source>
        <translation>Scegli la directory di lavoro</translation>
    </message>
    <message>
        <source>Choose the lockfile</source>
        <translation>Scegli il lockfile</translation>
    </message>
    <message>
        <source>Choose the program</source>
        <translation>Scegli il programma</translation>
    </message>
    <message>
        <source>Choose the working directory</source>
        <translation>Scegli la directory di lavoro</translation>
    </message>
    <message>
        <source>Edit Instance</source>
        <translation>Modifica istanza</translation>
    </message>
    <message>
        <source>Enter a name for the instance.</source>
        <extracomment>An &quot;instance&quot; is one monitored program (one configured lockfile).</extracomment>
        <translation>Inserire un nome per l&apos;istanza.</translation>
    </message>
    <message>
        <source>Enter the lockfile the program keeps while it runs.</source>
        <extracomment>&quot;lock&quot; is the lockfile a program keeps while it runs.</extracomment>
        <translation>Inserire il lockfile che il programma mantiene mentre è in esecuzione.</translation>
    </message>
    <message>
        <source>Leave empty to only watch the lock</source>
        <extracomment>&quot;lock&quot; is the lockfile a program keeps while it runs.</extracomment>
        <translation>Lasciare vuoto per sorvegliare solo il lock</translation>
    </message>
    <message>
        <source>Notify me when</source>
        <translation>Avvisami quando</translation>
    </message>
    <message>
        <source>One argument per line, no quoting needed</source>
        <translation>Un argomento per riga, senza virgolette</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Facoltativo</translation>
    </message>
    <message>
        <source>Start &amp;timeout:</source>
        <extracomment>How long to wait for the lockfile to appear after starting the program.</extracomment>
        <translation>&amp;Timeout di avvio:</translation>
    </message>
    <message>
        <source>Sto&amp;p timeout:</source>
        <extracomment>Grace period between SIGTERM and SIGKILL when stopping.</extracomment>
        <translation>Timeout di a&amp;rresto:</translation>
    </message>
    <message>
        <source>There is already an instance called &quot;%1&quot;.</source>
        <extracomment>An &quot;instance&quot; is one monitored program (one configured lockfile).</extracomment>
        <translation>Esiste già un&apos;istanza di nome «%1».</translation>
    </message>
    <message>
        <source>a stale loc&amp;k is found</source>
        <extracomment>A lockfile left behind by a program that is gone.</extracomment>
        <translation>viene trovato un loc&amp;kfile orfano</translation>
    </message>
    <message>
        <source>e.g. scheduler</source>
        <extracomment>An example instance name: ASCII letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; only.</extracomment>
        <translation>es. scheduler</translation>
    </message>
    <message>
        <source>it stops &amp;unexpectedly</source>
        <translation>si arresta in modo &amp;imprevisto</translation>
    </message>
    <message>
        <source>someone tries to start a &amp;second copy</source>
        <translation>qualcuno tenta di avviare una s&amp;econda copia</translation>
    </message>
    <message>
        <source>two copies &amp;run at the same time</source>
        <translation>due copie sono in esecuzione &amp;contemporaneamente</translation>
    </message>
    <message>
        <source>One NAME=value per line, e.g. TZ=Europe/Rome</source>
        <extracomment>Environment variables for the program; keep &quot;NAME=value&quot; as it is.</extracomment>
        <translation>Una variabile NOME=valore per riga, ad es. TZ=Europe/Rome</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <extracomment>Environment variables added for the program.</extracomment>
        <translation>A&amp;mbiente:</translation>
    </message>
    <message>
        <source>Restart: %1</source>
        <extracomment>%1 is a problem with the restart settings, e.g. &quot;restarting needs a program to start.&quot;</extracomment>
        <translation>Riavvio: %1</translation>
    </message>
</context>
<context>
    <name>LockWatch::LeaseKeeper</name>
    <message>
        <source>etcd no longer has the lease (it expired or was revoked).</source>
        <translation>etcd non ha più il lease (è scaduto o è stato revocato).</translation>
    </message>
    <message numerus="yes">
        <source>no keepalive was answered for %n second(s): the lease may have expired.</source>
        <translation>
            <numerusform>nessun keepalive ha avuto risposta per %n secondo: il lease potrebbe essere scaduto.</numerusform>
            <numerusform>nessun keepalive ha avuto risposta per %n secondi: il lease potrebbe essere scaduto.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LockWatch::LocalServer</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Impossibile aprire %1: %2</translation>
    </message>
    <message>
        <source>LockWatch already runs for this user.</source>
        <translation>LockWatch è già in esecuzione per questo utente.</translation>
    </message>
    <message>
        <source>Cannot listen on %1: %2</source>
        <translation>Impossibile mettersi in ascolto su %1: %2</translation>
    </message>
    <message>
        <source>No private directory for the local socket (XDG_RUNTIME_DIR, /run/user or the state directory).</source>
        <translation>Nessuna directory privata per il socket locale (XDG_RUNTIME_DIR, /run/user o la directory di stato).</translation>
    </message>
</context>
<context>
    <name>LockWatch::Notifier</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 e %n altra</numerusform>
            <numerusform>%1 e altre %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate start(s) refused</source>
        <translation>
            <numerusform>Rifiutato %n tentativo di secondo avvio</numerusform>
            <numerusform>Rifiutati %n tentativi di secondo avvio</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n instance(s) running twice</source>
        <extracomment>An &quot;instance&quot; is one monitored program (one configured lockfile).</extracomment>
        <translation>
            <numerusform>%n istanza in esecuzione due volte</numerusform>
            <numerusform>%n istanze in esecuzione due volte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n instance(s) stopped unexpectedly</source>
        <extracomment>An &quot;instance&quot; is one monitored program (one configured lockfile).</extracomment>
        <translation>
            <numerusform>%n istanza si è arrestata in modo imprevisto</numerusform>
            <numerusform>%n istanze si sono arrestate in modo imprevisto</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stale lock(s) found</source>
        <translation>
            <numerusform>Trovato %n lockfile orfano</numerusform>
            <numerusform>Trovati %n lockfile orfani</numerusform>
        </translation>
    </message>
    <message>
        <source>Clean up</source>
        <extracomment>Notification button: remove the stale lockfile(s).</extracomment>
        <translation>Rimuovi</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostra</translation>
    </message>
    <message>
        <source>Second start of &quot;%1&quot; refused</source>
        <extracomment>Notification title: someone tried to start a program that already runs; %1 is the instance&apos;s name.</extracomment>
        <translation>Rifiutato il secondo avvio di «%1»</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is running twice</source>
        <translation>«%1» è in esecuzione due volte</translation>
    </message>
    <message>
        <source>&quot;%1&quot; stopped unexpectedly</source>
        <translation>Arresto imprevisto di «%1»</translation>
    </message>
    <message>
        <source>Stale lock found: &quot;%1&quot;</source>
        <extracomment>Notification title; a stale lock is a lockfile left behind by a program that is gone.</extracomment>
        <translation>Trovato un lockfile orfano: «%1»</translation>
    </message>
    <message>
        <source>Restarts of &quot;%1&quot; given up</source>
        <extracomment>Notification title: LockWatch stopped restarting a program that kept crashing.</extracomment>
        <translation>Riavvii di «%1» sospesi</translation>
    </message>
    <message numerus="yes">
        <source>Restarts of %n instance(s) given up</source>
        <extracomment>An &quot;instance&quot; is one monitored program (one configured lockfile).</extracomment>
        <translation>
            <numerusform>Riavvii sospesi per %n istanza</numerusform>
            <numerusform>Riavvii sospesi per %n istanze</numerusform>
        </translation>
    </message>
    <message>
        <source>Retry</source>
        <extracomment>Notification button: start the program again (restarts were given up).</extracomment>
        <translation>Riprova</translation>
    </message>
</context>
<context>
    <name>LockWatch::ProcessHandle</name>
    <message>
        <source>Process %1 no longer exists.</source>
        <translation>Il processo %1 non esiste più.</translation>
    </message>
    <message>
        <source>Cannot open process %1: %2.</source>
        <translation>Impossibile aprire il processo %1: %2.</translation>
    </message>
    <message>
        <source>PID %1 now belongs to another process; nothing was signalled.</source>
        <translation>Il PID %1 ora appartiene a un altro processo; non è stato inviato alcun segnale.</translation>
    </message>
</context>
<context>
    <name>LockWatch::RemoteAction</name>
    <message>
        <source>Node %1 unreachable: its agent did not answer.</source>
        <translation>Nodo %1 non raggiungibile: il suo agente non ha risposto.</translation>
    </message>
</context>
<context>
    <name>LockWatch::RemoteRequests</name>
    <message>
        <source>Unknown action &quot;%1&quot;.</source>
        <translation>Azione sconosciuta «%1».</translation>
    </message>
    <message>
        <source>Node %1 has no instance named &quot;%2&quot;.</source>
        <translation>Il nodo %1 non ha alcuna istanza «%2».</translation>
    </message>
    <message>
        <source>Instance &quot;%1&quot; on node %2 is busy with another request.</source>
        <translation>L&apos;istanza «%1» sul nodo %2 è occupata con un&apos;altra richiesta.</translation>
    </message>
    <message>
        <source>Request from node %1 (user %2): %3 %4</source>
        <extracomment>For the agent&apos;s log: %1 node, %2 user, %3 the command (start, stop, clean), %4 instance.</extracomment>
        <translation>Richiesta dal nodo %1 (utente %2): %3 %4</translation>
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
        <translation>Riavvio</translation>
    </message>
    <message>
        <source>Never</source>
        <extracomment>Restart policy: never restart the program.</extracomment>
        <translation>Mai</translation>
    </message>
    <message>
        <source>When it crashes</source>
        <extracomment>Restart policy: restart after a non-zero exit code, a signal or an unknown end.</extracomment>
        <translation>Dopo un arresto anomalo</translation>
    </message>
    <message>
        <source>Whenever it ends</source>
        <extracomment>Restart policy: restart whenever it ends by itself, also with exit code 0.</extracomment>
        <translation>Ogni volta che termina</translation>
    </message>
    <message>
        <source>Wait before the first restart; each further restart waits twice as long.</source>
        <translation>Attesa prima del primo riavvio; ogni riavvio successivo attende il doppio.</translation>
    </message>
    <message>
        <source>The wait before a restart never grows beyond this.</source>
        <translation>L&apos;attesa prima di un riavvio non supera mai questo valore.</translation>
    </message>
    <message>
        <source>After running this long, the next restart waits the first delay again.</source>
        <translation>Dopo questo tempo di esecuzione, il riavvio successivo attende di nuovo la prima attesa.</translation>
    </message>
    <message>
        <source> restarts in 10 min</source>
        <extracomment>After a number: restarts counted within the last 10 minutes.</extracomment>
        <translation> riavvii in 10 min</translation>
    </message>
    <message>
        <source>Then LockWatch gives up and says so, until you start it again.</source>
        <translation>Poi LockWatch sospende i riavvii e lo segnala, finché non lo si avvia di nuovo.</translation>
    </message>
    <message>
        <source>R&amp;estart:</source>
        <extracomment>Label: when to restart the program.</extracomment>
        <translation>Ria&amp;vvio:</translation>
    </message>
    <message>
        <source>&amp;First wait:</source>
        <translation>Pri&amp;ma attesa:</translation>
    </message>
    <message>
        <source>Longest &amp;wait:</source>
        <translation>Attesa &amp;fino a:</translation>
    </message>
    <message>
        <source>&amp;Minimum uptime:</source>
        <extracomment>The program must run this long for the wait to go back to the first one.</extracomment>
        <translation>Tempo minimo di esecu&amp;zione:</translation>
    </message>
    <message>
        <source>Gi&amp;ve up after:</source>
        <translation>Rin&amp;uncia ai riavvii dopo:</translation>
    </message>
</context>
<context>
    <name>LockWatch::SettingsDialog</name>
    <message>
        <source>&amp;Add...</source>
        <translation>&amp;Aggiungi...</translation>
    </message>
    <message>
        <source>&amp;Edit...</source>
        <translation>&amp;Modifica...</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Lingua:</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Rimuovi</translation>
    </message>
    <message>
        <source>A new language takes effect when LockWatch restarts.</source>
        <translation>La nuova lingua avrà effetto al riavvio di LockWatch.</translation>
    </message>
    <message>
        <source>Could not save the settings: %1</source>
        <translation>Impossibile salvare le impostazioni: %1</translation>
    </message>
    <message>
        <source>Only watched: no program to start</source>
        <translation>Solo sorvegliata: nessun programma da avviare</translation>
    </message>
    <message>
        <source>Remove Instance</source>
        <extracomment>An &quot;instance&quot; is one monitored program (one configured lockfile).</extracomment>
        <translation>Rimuovi istanza</translation>
    </message>
    <message>
        <source>Stop watching &quot;%1&quot;? The program itself keeps running and its files stay.</source>
        <translation>Smettere di sorvegliare «%1»? Il programma continua a funzionare e i suoi file restano.</translation>
    </message>
    <message>
        <source>System language</source>
        <extracomment>Language choice: follow the desktop&apos;s language.</extracomment>
        <translation>Lingua del sistema</translation>
    </message>
    <message>
        <source>Watched instances</source>
        <extracomment>Group title: the programs LockWatch watches (&quot;instances&quot;).
----------
An &quot;instance&quot; is one monitored program (one configured lockfile).</extracomment>
        <translation>Istanze sorvegliate</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Impostazioni</translation>
    </message>
</context>
<context>
    <name>LockWatch::StatusModel</name>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Lockfile</source>
        <extracomment>&quot;lock&quot; is the lockfile a program keeps while it runs.</extracomment>
        <translation>Lockfile</translation>
    </message>
    <message>
        <source>Name</source>
        <extracomment>Column header: the instance&apos;s name.</extracomment>
        <translation>Nome</translation>
    </message>
    <message>
        <source>PID</source>
        <extracomment>Column header: process ID.</extracomment>
        <translation>PID</translation>
    </message>
    <message>
        <source>Since</source>
        <extracomment>Column header: the time the lock was taken.</extracomment>
        <translation>Dal</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>without its lock</source>
        <extracomment>Shown after &quot;running&quot; in the status window: no process holds the lockfile.</extracomment>
        <translation>senza il suo lock</translation>
    </message>
    <message>
        <source>Node %1 does not answer: the state of %2 is unknown.</source>
        <extracomment>Tooltip of an instance on another node whose agent does not answer.</extracomment>
        <translation>Il nodo %1 non risponde: lo stato di %2 è sconosciuto.</translation>
    </message>
    <message>
        <source>%1 (this node)</source>
        <extracomment>The status window&apos;s node column for this machine&apos;s instances; %1 is its node name.</extracomment>
        <translation>%1 (questo nodo)</translation>
    </message>
    <message>
        <source>Node</source>
        <extracomment>Column header: the machine (cluster node) an instance runs on.</extracomment>
        <translation>Nodo</translation>
    </message>
</context>
<context>
    <name>LockWatch::StatusWindow</name>
    <message>
        <source>&amp;Quit LockWatch</source>
        <translation>&amp;Esci da LockWatch</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Azioni</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Chiudi</translation>
    </message>
    <message>
        <source>Instances</source>
        <extracomment>An &quot;instance&quot; is one monitored program (one configured lockfile).</extracomment>
        <translation>Istanze</translation>
    </message>
    <message>
        <source>No system tray is available, so LockWatch shows this window instead. It moves into the tray as soon as one appears.</source>
        <translation>L&apos;area di notifica non è disponibile, quindi LockWatch mostra questa finestra. Si sposterà nell&apos;area di notifica non appena sarà disponibile.</translation>
    </message>
    <message>
        <source>S&amp;ettings...</source>
        <translation>Impos&amp;tazioni...</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>&amp;Instance</source>
        <translation>Istan&amp;za</translation>
    </message>
    <message>
        <source>Lock&amp;Watch</source>
        <translation>Lock&amp;Watch</translation>
    </message>
    <message>
        <source>Cluster unreachable: other nodes are shown as last seen, and nothing can be done on them until etcd answers.</source>
        <translation>Cluster non raggiungibile: gli altri nodi sono mostrati come visti l&apos;ultima volta, e non si può agire su di essi finché etcd non risponde.</translation>
    </message>
</context>
<context>
    <name>LockWatch::TimelineStrip</name>
    <message>
        <source>Last 24 hours</source>
        <extracomment>Accessible name of the coloured strip showing the last 24 hours of a program.</extracomment>
        <translation>Ultime 24 ore</translation>
    </message>
    <message>
        <source>running</source>
        <extracomment>Timeline stretch: the program ran.</extracomment>
        <translation>in esecuzione</translation>
    </message>
    <message>
        <source>down after a crash</source>
        <extracomment>Timeline stretch: the program was down after a crash.</extracomment>
        <translation>fermo dopo un arresto anomalo</translation>
    </message>
    <message>
        <source>running twice</source>
        <extracomment>Timeline stretch: two copies of the program ran.</extracomment>
        <translation>in esecuzione due volte</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>non in esecuzione</translation>
    </message>
    <message>
        <source>%1-%2: %3</source>
        <extracomment>Tooltip over the timeline: %1-%2 are times of day, %3 what the program did.</extracomment>
        <translation>%1-%2: %3</translation>
    </message>
    <message>
        <source>now</source>
        <translation>adesso</translation>
    </message>
</context>
<context>
    <name>LockWatch::TrayApplication</name>
    <message>
        <source>LockWatch is already running; its status window was raised.</source>
        <translation>LockWatch è già in esecuzione; la sua finestra di stato è stata portata in primo piano.</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Avvia all&apos;accesso</translation>
    </message>
    <message>
        <source>The configuration could not be used</source>
        <translation>Impossibile usare la configurazione</translation>
    </message>
    <message>
        <source>LockWatch is already running.</source>
        <translation>LockWatch è già in esecuzione.</translation>
    </message>
    <message>
        <source>LockWatch</source>
        <translation>LockWatch</translation>
    </message>
    <message>
        <source>The cluster settings could not be used</source>
        <translation>Le impostazioni del cluster non possono essere usate</translation>
    </message>
</context>
<context>
    <name>LockWatch::TrayMenu</name>
    <message numerus="yes">
        <source>%n more in the status window...</source>
        <translation>
            <numerusform>%n altra nella finestra di stato...</numerusform>
            <numerusform>altre %n nella finestra di stato...</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Esci</translation>
    </message>
    <message>
        <source>Host: %1</source>
        <translation>Host: %1</translation>
    </message>
    <message>
        <source>No instances configured</source>
        <extracomment>An &quot;instance&quot; is one monitored program (one configured lockfile).</extracomment>
        <translation>Nessuna istanza configurata</translation>
    </message>
    <message>
        <source>S&amp;ettings...</source>
        <translation>Impo&amp;stazioni...</translation>
    </message>
    <message>
        <source>Start at &amp;login</source>
        <translation>Avvia all&apos;a&amp;ccesso</translation>
    </message>
    <message>
        <source>Status &amp;window</source>
        <translation>&amp;Finestra di stato</translation>
    </message>
</context>
<context>
    <name>Runner</name>
    <message>
        <source>%1 is a symbolic link; refusing to use it as a lock.</source>
        <translation>%1 è un collegamento simbolico; non viene usato come lock.</translation>
    </message>
    <message>
        <source>%1 is held by PID %2 on %3 since %4; not started.</source>
        <translation>%1 è detenuto dal PID %2 sull&apos;host %3 da %4; non avviato.</translation>
    </message>
    <message>
        <source>%1 is not a regular file.</source>
        <translation>%1 non è un file regolare.</translation>
    </message>
    <message>
        <source>%1 keeps being replaced; giving up.</source>
        <translation>%1 continua a essere sostituito; rinuncio.</translation>
    </message>
    <message>
        <source>Cannot execute %1: %2.</source>
        <translation>Impossibile eseguire %1: %2.</translation>
    </message>
    <message>
        <source>Cannot execute %1: not found.</source>
        <translation>Impossibile eseguire %1: non trovato.</translation>
    </message>
    <message>
        <source>Cannot lock %1: %2.</source>
        <translation>Impossibile bloccare %1: %2.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2.</source>
        <translation>Impossibile aprire %1: %2.</translation>
    </message>
    <message>
        <source>Cannot start %1: %2.</source>
        <translation>Impossibile avviare %1: %2.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>Impossibile scrivere %1: %2.</translation>
    </message>
    <message>
        <source>No program to run.</source>
        <translation>Nessun programma da eseguire.</translation>
    </message>
    <message>
        <source>an unknown time</source>
        <translation>un momento imprecisato</translation>
    </message>
    <message>
        <source>%1 has %2 hard links; refusing to use it as a lock.</source>
        <extracomment>%1 is a file path, %2 how many names (hard links) it has.</extracomment>
        <translation>%1 ha %2 collegamenti fisici; non viene usato come lock.</translation>
    </message>
    <message>
        <source>%1 belongs to another user (uid %2); refusing to use it as a lock.</source>
        <translation>%1 appartiene a un altro utente (uid %2); non viene usato come lock.</translation>
    </message>
    <message>
        <source>%1 is not empty and is not a lock; refusing to overwrite it.</source>
        <translation>%1 non è vuoto e non è un lock; non viene sovrascritto.</translation>
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
            <numerusform>%n istanza</numerusform>
            <numerusform>%n istanze</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>%n in esecuzione</numerusform>
            <numerusform>%n in esecuzione</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running twice</source>
        <extracomment>Number of instances of which more than one copy runs.</extracomment>
        <translation>
            <numerusform>%n in esecuzione due volte</numerusform>
            <numerusform>%n in esecuzione due volte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stale</source>
        <extracomment>Number of instances whose lockfile is stale (left over by a program that is gone).</extracomment>
        <translation>
            <numerusform>%n lockfile orfano</numerusform>
            <numerusform>%n lockfile orfani</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n starting, stopping, remote or invalid</source>
        <translation>
            <numerusform>%n in avvio, in arresto, remota o non valida</numerusform>
            <numerusform>%n in avvio, in arresto, remote o non valide</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stopped</source>
        <translation>
            <numerusform>%n non in esecuzione</numerusform>
            <numerusform>%n non in esecuzione</numerusform>
        </translation>
    </message>
    <message>
        <source>All running</source>
        <extracomment>Tray summary: every monitored program runs.</extracomment>
        <translation>Tutto in esecuzione</translation>
    </message>
    <message>
        <source>No instances configured</source>
        <extracomment>Tray summary when no instance is configured.</extracomment>
        <translation>Nessuna istanza configurata</translation>
    </message>
    <message>
        <source>Not everything is running</source>
        <translation>Non tutto è in esecuzione</translation>
    </message>
    <message>
        <source>Problem: check the status window</source>
        <translation>Problema: controllare la finestra di stato</translation>
    </message>
    <message>
        <source>Stale lock found</source>
        <extracomment>Tray summary: a lockfile is left over from a program that is gone.</extracomment>
        <translation>Trovato un lockfile orfano</translation>
    </message>
    <message>
        <source>Starting or stopping</source>
        <translation>In avvio o in arresto</translation>
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
        <translation>Impossibile aprire %1: %2</translation>
    </message>
    <message>
        <source>Cannot lock %1: %2</source>
        <translation>Impossibile bloccare %1: %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>No graphical display for the tray (neither DISPLAY nor WAYLAND_DISPLAY is set); the commands work without one, see lockwatch --help.</source>
        <translation>Nessun display grafico per l&apos;icona nell&apos;area di notifica (né DISPLAY né WAYLAND_DISPLAY sono impostati); i comandi funzionano anche senza, vedi lockwatch --help.</translation>
    </message>
    <message>
        <source>There is no language &quot;%1&quot;; choose one of %2.</source>
        <extracomment>--lang with a language LockWatch has no translation for. %2: &quot;cs, en, it&quot;.</extracomment>
        <translation>La lingua «%1» non è disponibile; scegli tra: %2.</translation>
    </message>
</context>
</TS>
