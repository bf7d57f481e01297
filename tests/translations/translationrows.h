// What tst_translations expects: strings worth pinning down (a menu entry, a state, a
// term of the glossaries) and plural forms, in Czech and Italian (and English plurals).
// After a merge brings new strings, add rows here.
#pragma once

#include <QList>

namespace {

// (context, source, disambiguation, Czech, Italian)
struct StringRow
{
    const char *context;
    const char *source;
    const char *disambiguation;
    const char *cs;
    const char *it;
};

const StringRow Strings[] = {
        {"LockState", "running", nullptr, "běží", "in esecuzione"},
        {"LockState", "stopped", nullptr, "neběží", "non in esecuzione"},
        {"LockState", "stale", nullptr, "zastaralý zámek", "lockfile orfano"},
        {"LockState", "remote", nullptr, "vzdálený", "remoto"},
        {"LockState", "invalid", nullptr, "neplatný", "non valido"},
        {"LockState", "starting", nullptr, "spouští se", "in avvio"},
        {"LockState", "stopping", nullptr, "zastavuje se", "in arresto"},
        {"LockState", "holder is dead", nullptr, "proces skončil",
         "processo terminato"},
        {"LockState", "lock predates the current boot", nullptr,
         "starší než poslední start systému", "anteriore all'ultimo avvio del sistema"},
        {"LockState", "PID now belongs to another process", nullptr, "PID teď patří jinému procesu",
         "il PID ora appartiene a un altro processo"},
        {"LockState", "is a symbolic link", nullptr, "je symbolický odkaz",
         "è un collegamento simbolico"},
        {"Cli", "NAME", nullptr, "NÁZEV", "NOME"},
        {"Cli", "STATE", nullptr, "STAV", "STATO"},
        {"Cli", "SINCE", nullptr, "OD", "DAL"},
        {"Cli", "LOCKFILE", nullptr, "SOUBOR ZÁMKU", "LOCKFILE"},
        {"Cli", "State:", nullptr, "Stav:", "Stato:"},
        {"Cli", "Unknown command \"%1\"; see lockwatch --help.", nullptr,
         "Neznámý příkaz „%1“; viz lockwatch --help.",
         "Comando «%1» sconosciuto; vedi lockwatch --help."},
        {"Cli", "No instance named \"%1\" in %2.", nullptr,
         "V %2 není žádná instance s názvem „%1“.", "Nessuna istanza di nome «%1» in %2."},
        {"Config",
         "Configuration %1 is writable by other users; refusing to use it (fix with: chmod go-w "
         "%1).",
         nullptr,
         "Do konfigurace %1 mohou zapisovat jiní uživatelé; nebude použita (opravte příkazem: "
         "chmod go-w %1).",
         "La configurazione %1 è scrivibile da altri utenti; non viene usata (correggere con: "
         "chmod go-w %1)."},
        // The tray menu (TrayMenu), an instance's submenu (InstanceActions), the status
        // window: accelerators unique within each menu.
        {"LockWatch::TrayMenu", "Status &window", nullptr, "&Okno stavu", "&Finestra di stato"},
        {"LockWatch::TrayMenu", "S&ettings...", nullptr, "Nas&tavení...", "Impo&stazioni..."},
        {"LockWatch::TrayMenu", "Start at &login", nullptr, "Spouštět po při&hlášení",
         "Avvia all'a&ccesso"},
        {"LockWatch::TrayMenu", "&Quit", nullptr, "U&končit", "&Esci"},
        {"LockWatch::TrayMenu", "No instances configured", nullptr,
         "Nejsou nastaveny žádné instance", "Nessuna istanza configurata"},
        {"LockWatch::TrayMenu", "Host: %1", nullptr, "Počítač: %1", "Host: %1"},
        {"InstanceActions", "&Start", nullptr, "&Spustit", "&Avvia"},
        {"InstanceActions", "S&top", nullptr, "&Zastavit", "Arre&sta"},
        {"InstanceActions", "&Kill now", nullptr, "&Násilně ukončit", "Termina &forzatamente"},
        {"InstanceActions", "&Clean up", nullptr, "&Odstranit zámek", "&Rimuovi lockfile"},
        {"InstanceActions", "Clean up &and start", nullptr, "Odstranit zámek &a spustit",
         "Rimuovi lockfile e a&vvia"},
        {"InstanceActions", "Open &log", nullptr, "Otevřít &protokol", "Apri il &log"},
        {"InstanceActions", "Copy &PID", nullptr, "Kopírovat P&ID", "Copia il P&ID"},
        {"InstanceActions", "up %1 h %2 min", nullptr, "běží %1 h %2 min", "attivo da %1 h %2 min"},
        {"LockWatch::StatusWindow", "&Quit LockWatch", nullptr, "U&končit LockWatch",
         "&Esci da LockWatch"},
        // Not Impo&stazioni in the status window: Arre&sta has the S there.
        {"LockWatch::StatusWindow", "S&ettings...", nullptr, "Nas&tavení...", "Impos&tazioni..."},
        {"LockWatch::StatusWindow", "&Instance", nullptr, "Instan&ce", "Istan&za"},
        {"InstanceActions", "No program is configured for this instance: add one in Settings.",
         nullptr, "Pro tuto instanci není nastaven žádný program: přidejte ho v Nastavení.",
         "Nessun programma configurato per questa istanza: aggiungerne uno in Impostazioni."},
        {"LockWatch::InstanceDialog", "&Environment:", nullptr, "Prostř&edí:", "A&mbiente:"},
        {"LockWatch::Notifier", "Clean up", nullptr, "Odstranit", "Rimuovi"},
        {"StatusIcon", "Stale lock found", nullptr, "Nalezen zastaralý zámek",
         "Trovato un lockfile orfano"},
        {"StatusIcon", "Starting or stopping", nullptr, "Spouští se nebo zastavuje",
         "In avvio o in arresto"},
        // Notification titles quote the name; messages about an instance begin with the
        // noun a participle agrees with; pronouns keep their referent.
        {"LockWatch::Notifier", "Second start of \"%1\" refused", nullptr,
         "Odmítnuto druhé spuštění „%1“", "Rifiutato il secondo avvio di «%1»"},
        {"LockWatch::Notifier", "\"%1\" stopped unexpectedly", nullptr,
         "Instance „%1“ neočekávaně skončila", "Arresto imprevisto di «%1»"},
        {"LockWatch::Notifier", "\"%1\" is running twice", nullptr, "„%1“ běží dvakrát",
         "«%1» è in esecuzione due volte"},
        {"Announcer", "Process %1 tried a second start at %2; PID %3 still holds the lock.",
         nullptr, "Proces %1 se v %2 pokusil o druhé spuštění; zámek stále drží PID %3.",
         "Il processo %1 ha tentato un secondo avvio alle %2; il PID %3 detiene ancora il lock."},
        {"LockWatch::Control", "\"%1\" started (PID %2).", nullptr,
         "Instance „%1“ spuštěna (PID %2).", "Istanza «%1» avviata (PID %2)."},
        {"LockWatch::Control", "\"%1\" had already exited.", nullptr, "Instance „%1“ už skončila.",
         "L'istanza «%1» era già terminata."},
        {"LockWatch::Control", "\"%1\" did not stop within %2 s and was killed.", nullptr,
         "Instance „%1“ se do %2 s nezastavila, a proto byla násilně ukončena.",
         "L'istanza «%1» non si è arrestata entro %2 s ed è stata terminata forzatamente."},
        {"LockWatch::Control", "The lock of \"%1\" belongs to host %2; not started.", nullptr,
         "Zámek instance „%1“ patří počítači %2; nespuštěno.",
         "Il lock di «%1» appartiene all'host %2; istanza non avviata."},
        // Names: only ASCII letters, and the message says so; an example that is a name.
        {"Config",
         "\"%1\" is not a valid name: use ASCII letters (a-z, A-Z), digits and '_', and after "
         "the first character also '.' and '-' (at most 64 characters).",
         nullptr,
         "„%1“ není platný název: použijte písmena bez diakritiky (a–z, A–Z), číslice a „_“, od "
         "druhého znaku také „.“ a „-“ (nejvýše 64 znaků).",
         "«%1» non è un nome valido: usare lettere non accentate (a-z, A-Z), cifre, «_» e, dopo il "
         "primo carattere, anche «.» e «-» (al massimo 64 caratteri)."},
        {"LockWatch::InstanceDialog", "e.g. scheduler", nullptr, "např. telegram-bot",
         "es. scheduler"},
        // --help: our own help and version options, our own usage line.
        {"Cli", "Show this help.", nullptr, "Zobrazí tuto nápovědu.", "Mostra questa guida."},
        {"Cli", "Usage: lockwatch [options] [command]", nullptr,
         "Použití: lockwatch [volby] [příkaz]", "Uso: lockwatch [opzioni] [comando]"},
        {"Cli", "ARG", nullptr, "ARGUMENT", "ARGOMENTO"},
};

// (context, source, disambiguation, n, Czech, Italian, English) with %n already
// replaced. Czech: 1 / 2-4 / 0 and 5+ (also 21, 22); Italian and English: 1 / other.
struct PluralRow
{
    const char *context;
    const char *source;
    const char *disambiguation;
    int n;
    const char *cs;
    const char *it;
    const char *en;
};

const QList<PluralRow> Plurals = {
        // Every %n string, at each Czech form (1 / 2-4 / 5+) and both Italian and English.
        {"LockWatch::Notifier", "%1 and %n more", nullptr, 1, "%1 a 1 další", "%1 e 1 altra",
         "%1 and 1 more"},
        {"LockWatch::Notifier", "%1 and %n more", nullptr, 3, "%1 a 3 další", "%1 e altre 3",
         "%1 and 3 more"},
        {"LockWatch::Notifier", "%1 and %n more", nullptr, 5, "%1 a 5 dalších", "%1 e altre 5",
         "%1 and 5 more"},
        {"LockWatch::Notifier", "%n duplicate start(s) refused", nullptr, 1,
         "Odmítnut 1 pokus o druhé spuštění", "Rifiutato 1 tentativo di secondo avvio",
         "1 duplicate start refused"},
        {"LockWatch::Notifier", "%n duplicate start(s) refused", nullptr, 3,
         "Odmítnuty 3 pokusy o druhé spuštění", "Rifiutati 3 tentativi di secondo avvio",
         "3 duplicate starts refused"},
        {"LockWatch::Notifier", "%n duplicate start(s) refused", nullptr, 5,
         "Odmítnuto 5 pokusů o druhé spuštění", "Rifiutati 5 tentativi di secondo avvio",
         "5 duplicate starts refused"},
        {"LockWatch::Notifier", "%n instance(s) running twice", nullptr, 1,
         "1 instance běží dvakrát", "1 istanza in esecuzione due volte",
         "1 instance running twice"},
        {"LockWatch::Notifier", "%n instance(s) running twice", nullptr, 4,
         "4 instance běží dvakrát", "4 istanze in esecuzione due volte",
         "4 instances running twice"},
        {"LockWatch::Notifier", "%n instance(s) running twice", nullptr, 5,
         "5 instancí běží dvakrát", "5 istanze in esecuzione due volte",
         "5 instances running twice"},
        {"LockWatch::Notifier", "%n instance(s) stopped unexpectedly", nullptr, 1,
         "1 instance neočekávaně skončila", "1 istanza si è arrestata in modo imprevisto",
         "1 instance stopped unexpectedly"},
        {"LockWatch::Notifier", "%n instance(s) stopped unexpectedly", nullptr, 2,
         "2 instance neočekávaně skončily", "2 istanze si sono arrestate in modo imprevisto",
         "2 instances stopped unexpectedly"},
        {"LockWatch::Notifier", "%n instance(s) stopped unexpectedly", nullptr, 7,
         "7 instancí neočekávaně skončilo", "7 istanze si sono arrestate in modo imprevisto",
         "7 instances stopped unexpectedly"},
        {"LockWatch::Notifier", "%n stale lock(s) found", nullptr, 1, "Nalezen 1 zastaralý zámek",
         "Trovato 1 lockfile orfano", "1 stale lock found"},
        {"LockWatch::Notifier", "%n stale lock(s) found", nullptr, 3,
         "Nalezeny 3 zastaralé zámky", "Trovati 3 lockfile orfani", "3 stale locks found"},
        {"LockWatch::Notifier", "%n stale lock(s) found", nullptr, 5,
         "Nalezeno 5 zastaralých zámků", "Trovati 5 lockfile orfani", "5 stale locks found"},
        {"LockWatch::TrayMenu", "%n more in the status window...", nullptr, 1,
         "1 další v okně stavu...", "1 altra nella finestra di stato...",
         "1 more in the status window..."},
        {"LockWatch::TrayMenu", "%n more in the status window...", nullptr, 3,
         "3 další v okně stavu...", "altre 3 nella finestra di stato...",
         "3 more in the status window..."},
        {"LockWatch::TrayMenu", "%n more in the status window...", nullptr, 25,
         "25 dalších v okně stavu...", "altre 25 nella finestra di stato...",
         "25 more in the status window..."},
        {"StatusIcon", "%n instance(s)", nullptr, 1, "1 instance", "1 istanza", "1 instance"},
        {"StatusIcon", "%n instance(s)", nullptr, 3, "3 instance", "3 istanze", "3 instances"},
        {"StatusIcon", "%n instance(s)", nullptr, 5, "5 instancí", "5 istanze", "5 instances"},
        {"StatusIcon", "%n running", nullptr, 1, "běží: 1", "1 in esecuzione", "1 running"},
        {"StatusIcon", "%n running", nullptr, 3, "běží: 3", "3 in esecuzione", "3 running"},
        {"StatusIcon", "%n running", nullptr, 5, "běží: 5", "5 in esecuzione", "5 running"},
        {"StatusIcon", "%n running twice", nullptr, 1, "běží dvakrát: 1",
         "1 in esecuzione due volte", "1 running twice"},
        {"StatusIcon", "%n running twice", nullptr, 2, "běží dvakrát: 2",
         "2 in esecuzione due volte", "2 running twice"},
        {"StatusIcon", "%n running twice", nullptr, 5, "běží dvakrát: 5",
         "5 in esecuzione due volte", "5 running twice"},
        {"StatusIcon", "%n stale", nullptr, 1, "1 zastaralý zámek", "1 lockfile orfano", "1 stale"},
        {"StatusIcon", "%n stale", nullptr, 3, "3 zastaralé zámky", "3 lockfile orfani", "3 stale"},
        {"StatusIcon", "%n stale", nullptr, 5, "5 zastaralých zámků", "5 lockfile orfani",
         "5 stale"},
        {"StatusIcon", "%n starting, stopping, remote or invalid", nullptr, 1,
         "spouští se, zastavuje se, vzdálené nebo neplatné: 1",
         "1 in avvio, in arresto, remota o non valida", "1 starting, stopping, remote or invalid"},
        {"StatusIcon", "%n starting, stopping, remote or invalid", nullptr, 3,
         "spouští se, zastavuje se, vzdálené nebo neplatné: 3",
         "3 in avvio, in arresto, remote o non valide", "3 starting, stopping, remote or invalid"},
        {"StatusIcon", "%n starting, stopping, remote or invalid", nullptr, 5,
         "spouští se, zastavuje se, vzdálené nebo neplatné: 5",
         "5 in avvio, in arresto, remote o non valide", "5 starting, stopping, remote or invalid"},
        {"StatusIcon", "%n stopped", nullptr, 1, "neběží: 1", "1 non in esecuzione", "1 stopped"},
        {"StatusIcon", "%n stopped", nullptr, 3, "neběží: 3", "3 non in esecuzione", "3 stopped"},
        {"StatusIcon", "%n stopped", nullptr, 5, "neběží: 5", "5 non in esecuzione", "5 stopped"},
};

} // namespace
