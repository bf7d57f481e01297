<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cs_CZ">
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
      <source>Shows which lockfile-guarded programs run</source>
      <translation>Ukazuje, které programy hlídané zámkem běží</translation>
    </message>
  </context>
  <context>
    <name>Cli</name>
    <message>
      <source>%1  %2: %3</source>
      <translation>%1  %2: %3</translation>
    </message>
    <message>
      <source>%1  %2: %3 → %4</source>
      <translation>%1  %2: %3 → %4</translation>
    </message>
    <message>
      <source>%1  %2: DUPLICATE RUNNING: the lock passed from PID %3 to PID %4 while PID %3 still runs</source>
      <translation>%1  %2: BĚŽÍ DVAKRÁT: zámek přešel z PID %3 na PID %4, ale PID %3 stále běží</translation>
    </message>
    <message>
      <source>%1  %2: duplicate start attempt by PID %3 (running as PID %4)</source>
      <translation>%1  %2: pokus o druhé spuštění procesem %3 (běží jako PID %4)</translation>
    </message>
    <message>
      <source>%1  %2: no longer watched (removed from the configuration)</source>
      <translation>%1  %2: už se nehlídá (odebráno z nastavení)</translation>
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
      <translation>Vypisuje každou změnu stavu, jakmile nastane, dokud ho nepřerušíte.</translation>
    </message>
    <message>
      <source>Remove a stale lock after re-checking it.</source>
      <translation>Po opětovné kontrole odstraní zastaralý zámek.</translation>
    </message>
    <message>
      <source>Run a program only if no other copy holds the lock.</source>
      <translation>Spustí program, jen pokud zámek nedrží jiná jeho instance.</translation>
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
      <source>run needs a program after "--".</source>
      <translation>Příkaz run vyžaduje program za „--“.</translation>
    </message>
    <message>
      <source>run takes the program after "--": lockwatch run --lock FILE -- PROGRAM [ARG...]</source>
      <translation>Příkaz run očekává program za „--“: lockwatch run --lock SOUBOR -- PROGRAM [ARGUMENT...]</translation>
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
  </context>
  <context>
    <name>Control</name>
    <message>
      <source>Cannot open process %1: %2.</source>
      <translation>Proces %1 nelze otevřít: %2.</translation>
    </message>
    <message>
      <source>PID %1 now belongs to another process; nothing was signalled.</source>
      <translation>PID %1 teď patří jinému procesu; žádný signál nebyl odeslán.</translation>
    </message>
    <message>
      <source>Process %1 no longer exists.</source>
      <translation>Proces %1 už neexistuje.</translation>
    </message>
  </context>
  <context>
    <name>InstanceActions</name>
    <message>
      <source>&amp;Clean up</source>
      <translation>&amp;Uklidit</translation>
    </message>
    <message>
      <source>&amp;Kill now</source>
      <translation>&amp;Násilně ukončit</translation>
    </message>
    <message>
      <source>&amp;Start</source>
      <translation>&amp;Spustit</translation>
    </message>
    <message>
      <source>Ask the program to stop (SIGTERM), then force it</source>
      <translation>Požádá program o ukončení (SIGTERM), pak ho ukončí násilím</translation>
    </message>
    <message>
      <source>Clean up &amp;and start</source>
      <translation>Uklidit &amp;a spustit</translation>
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
      <source>Open the program's output log</source>
      <translation>Otevře protokol s výstupem programu</translation>
    </message>
    <message>
      <source>PID %1</source>
      <translation>PID %1</translation>
    </message>
    <message>
      <source>Remove the stale lockfile left behind</source>
      <translation>Odstraní zastaralý soubor zámku, který po programu zůstal</translation>
    </message>
    <message>
      <source>Remove the stale lockfile, then start the program</source>
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
      <translation>běží %1 d %2 h</translation>
    </message>
    <message>
      <source>up %1 h %2 min</source>
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
      <source>Cannot start "%1": %2.</source>
      <translation>„%1“ nelze spustit: %2.</translation>
    </message>
    <message>
      <source>Cannot start "%1": fork failed.</source>
      <translation>„%1“ nelze spustit: volání fork selhalo.</translation>
    </message>
    <message>
      <source>No program is configured for "%1".</source>
      <translation>Pro „%1“ není nastaven žádný program.</translation>
    </message>
    <message>
      <source>Program "%1" not found.</source>
      <translation>Program „%1“ nebyl nalezen.</translation>
    </message>
  </context>
  <context>
    <name>LocalServer</name>
    <message>
      <source>Cannot listen on %1: %2</source>
      <translation>Nelze naslouchat na %1: %2</translation>
    </message>
    <message>
      <source>LockWatch already runs for this user.</source>
      <translation>LockWatch už pro tohoto uživatele běží.</translation>
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
    <name>LockWatch::Control</name>
    <message>
      <source>"%1" (PID %2) did not take its lock within %3 s.</source>
      <translation>„%1“ (PID %2) nezískala zámek do %3 s.</translation>
    </message>
    <message>
      <source>"%1" cannot be stopped from here: %2.</source>
      <translation>„%1“ nelze odsud zastavit: %2.</translation>
    </message>
    <message>
      <source>"%1" did not stop within %2 s and was killed.</source>
      <translation>„%1“ se do %2 s neukončila, a tak byla násilně ukončena.</translation>
    </message>
    <message>
      <source>"%1" exited before taking its lock.</source>
      <translation>„%1“ skončila dřív, než získala zámek.</translation>
    </message>
    <message>
      <source>"%1" had already exited.</source>
      <translation>„%1“ už skončila.</translation>
    </message>
    <message>
      <source>"%1" has a stale lock (%2); clean it up first, or start with --clean.</source>
      <translation>„%1“ má zastaralý zámek (%2); nejdřív ho odstraňte, nebo spusťte s --clean.</translation>
    </message>
    <message>
      <source>"%1" has no lockfile; nothing to clean.</source>
      <translation>„%1“ nemá soubor zámku; není co uklízet.</translation>
    </message>
    <message>
      <source>"%1" is already running (PID %2); a second copy was not started.</source>
      <translation>„%1“ už běží (PID %2); druhá instance nebyla spuštěna.</translation>
    </message>
    <message>
      <source>"%1" is busy with another action.</source>
      <translation>„%1“ právě provádí jinou akci.</translation>
    </message>
    <message>
      <source>"%1" is not running.</source>
      <translation>„%1“ neběží.</translation>
    </message>
    <message>
      <source>"%1" is not running; its lock is stale (%2). Use clean to remove it.</source>
      <translation>„%1“ neběží; její zámek je zastaralý (%2). Odstraníte ho příkazem clean.</translation>
    </message>
    <message>
      <source>"%1" is running (PID %2); its lock is not stale.</source>
      <translation>„%1“ běží (PID %2); její zámek není zastaralý.</translation>
    </message>
    <message>
      <source>"%1" started (PID %2).</source>
      <translation>„%1“ spuštěna (PID %2).</translation>
    </message>
    <message>
      <source>"%1" stopped (PID %2).</source>
      <translation>„%1“ zastavena (PID %2).</translation>
    </message>
    <message>
      <source>A process still holds a kernel lock on %1; nothing was removed.</source>
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
      <source>No program is configured for "%1".</source>
      <translation>Pro „%1“ není nastaven žádný program.</translation>
    </message>
    <message>
      <source>PID %1 belongs to another user (uid %2); LockWatch does not signal other users' processes.</source>
      <translation>PID %1 patří jinému uživateli (uid %2); LockWatch procesům jiných uživatelů signály neposílá.</translation>
    </message>
    <message>
      <source>PID %1 refused to die: it survived SIGKILL for %2 s.</source>
      <translation>Proces s PID %1 nejde ukončit: přežil SIGKILL o %2 s.</translation>
    </message>
    <message>
      <source>Removed the stale lock of "%1" (%2).</source>
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
      <translation>Zámek uvádí PID %1; takovému procesu se signál nikdy neposílá.</translation>
    </message>
    <message>
      <source>The lock of "%1" belongs to host %2; it cannot be checked from here and is not removed.</source>
      <translation>Zámek instance „%1“ patří počítači %2; odsud ho nelze ověřit, a proto se neodstraní.</translation>
    </message>
    <message>
      <source>The lock of "%1" belongs to host %2; not started.</source>
      <translation>Zámek instance „%1“ patří počítači %2; nespuštěno.</translation>
    </message>
    <message>
      <source>The lock of "%1" changed (now %2); nothing was removed.</source>
      <translation>Zámek instance „%1“ se změnil (teď %2); nic nebylo odstraněno.</translation>
    </message>
    <message>
      <source>The lock of "%1" is invalid (%2); it is not removed.</source>
      <translation>Zámek instance „%1“ je neplatný (%2); neodstraní se.</translation>
    </message>
    <message>
      <source>The lock of "%1" is invalid (%2); not started.</source>
      <translation>Zámek instance „%1“ je neplatný (%2); nespuštěno.</translation>
    </message>
    <message>
      <source>The lock of "%1" is not held by anyone; nothing to clean.</source>
      <translation>Zámek instance „%1“ nikdo nedrží; není co uklízet.</translation>
    </message>
    <message>
      <source>The owner of PID %1 cannot be determined; it is not signalled.</source>
      <translation>Vlastníka procesu s PID %1 nelze zjistit; signál se neposílá.</translation>
    </message>
  </context>
  <context>
    <name>LockWatch::InstanceDialog</name>
    <message>
      <source> s</source>
      <translation> s</translation>
    </message>
    <message>
      <source>"%1" is not an executable program.</source>
      <translation>„%1“ není spustitelný program.</translation>
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
      <translation>Soubor &amp;zámku:</translation>
    </message>
    <message>
      <source>&amp;Name:</source>
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
      <translation>/cesta/k/programu.lock</translation>
    </message>
    <message>
      <source>Add Instance</source>
      <translation>Přidat instanci</translation>
    </message>
    <message>
      <source>Arguments need a program to pass them to.</source>
      <translation>Argumenty mají smysl jen s programem, kterému se předají.</translation>
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
      <translation>Zadejte název instance.</translation>
    </message>
    <message>
      <source>Enter the lockfile the program keeps while it runs.</source>
      <translation>Zadejte soubor zámku, který program drží, dokud běží.</translation>
    </message>
    <message>
      <source>Leave empty to only watch the lock</source>
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
      <translation>Čas na &amp;spuštění:</translation>
    </message>
    <message>
      <source>Sto&amp;p timeout:</source>
      <translation>Čas na &amp;ukončení:</translation>
    </message>
    <message>
      <source>The lockfile must be an absolute path (starting with /).</source>
      <translation>Soubor zámku musí být zadán absolutní cestou (začínající /).</translation>
    </message>
    <message>
      <source>The name may only contain letters, digits, '.', '_' and '-' (at most 64).</source>
      <translation>Název smí obsahovat jen písmena, číslice, „.“, „_“ a „-“ (nejvýše 64 znaků).</translation>
    </message>
    <message>
      <source>The program "%1" does not exist.</source>
      <translation>Program „%1“ neexistuje.</translation>
    </message>
    <message>
      <source>The working directory "%1" does not exist.</source>
      <translation>Pracovní adresář „%1“ neexistuje.</translation>
    </message>
    <message>
      <source>There is already an instance called "%1".</source>
      <translation>Instance s názvem „%1“ už existuje.</translation>
    </message>
    <message>
      <source>a stale loc&amp;k is found</source>
      <translation>se najde zastara&amp;lý zámek</translation>
    </message>
    <message>
      <source>e.g. scheduler</source>
      <translation>např. planovac</translation>
    </message>
    <message>
      <source>it stops &amp;unexpectedly</source>
      <translation>neočekávaně s&amp;končí</translation>
    </message>
    <message>
      <source>someone tries to start a &amp;second copy</source>
      <translation>se někdo pokusí spustit druhou &amp;instanci</translation>
    </message>
    <message>
      <source>two copies &amp;run at the same time</source>
      <translation>&amp;běží dvě instance současně</translation>
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
    <message>
      <source>%1 is running twice</source>
      <translation>%1 běží dvakrát</translation>
    </message>
    <message>
      <source>%1 stopped unexpectedly</source>
      <translation>%1 neočekávaně skončila</translation>
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
      <translation>
        <numerusform>%n instance běží dvakrát</numerusform>
        <numerusform>%n instance běží dvakrát</numerusform>
        <numerusform>%n instancí běží dvakrát</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n instance(s) stopped unexpectedly</source>
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
      <translation>Uklidit</translation>
    </message>
    <message>
      <source>Second copy of %1 refused</source>
      <translation>Druhá instance %1 odmítnuta</translation>
    </message>
    <message>
      <source>Show</source>
      <translation>Zobrazit</translation>
    </message>
    <message>
      <source>Stale lock found: %1</source>
      <translation>Nalezen zastaralý zámek: %1</translation>
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
      <source>LockWatch Settings</source>
      <translation>Nastavení LockWatch</translation>
    </message>
    <message>
      <source>Only watched: no program to start</source>
      <translation>Jen hlídáno: žádný program ke spuštění</translation>
    </message>
    <message>
      <source>Remove Instance</source>
      <translation>Odebrat instanci</translation>
    </message>
    <message>
      <source>Stop watching "%1"? The program itself keeps running and its files stay.</source>
      <translation>Přestat hlídat „%1“? Samotný program poběží dál a jeho soubory zůstanou.</translation>
    </message>
    <message>
      <source>System language</source>
      <translation>Jazyk systému</translation>
    </message>
    <message>
      <source>Watched instances</source>
      <translation>Hlídané instance</translation>
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
      <translation>Soubor zámku</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Název</translation>
    </message>
    <message>
      <source>PID</source>
      <translation>PID</translation>
    </message>
    <message>
      <source>Since</source>
      <translation>Od</translation>
    </message>
    <message>
      <source>State</source>
      <translation>Stav</translation>
    </message>
    <message>
      <source>running twice</source>
      <translation>běží dvakrát</translation>
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
      <translation>Instance</translation>
    </message>
    <message>
      <source>LockWatch - Status</source>
      <translation>LockWatch – stav</translation>
    </message>
    <message>
      <source>No system tray is available, so LockWatch shows this window instead. It moves into the tray as soon as one appears.</source>
      <translation>Oznamovací oblast není k dispozici, a tak LockWatch místo ní zobrazuje toto okno. Jakmile se oblast objeví, přesune se do ní.</translation>
    </message>
    <message>
      <source>S&amp;ettings...</source>
      <translation>Nas&amp;tavení...</translation>
    </message>
  </context>
  <context>
    <name>LockWatch::TrayApplication</name>
    <message>
      <source>%1 is left behind (%2).</source>
      <translation>Zámek %1 zůstal opuštěný (%2).</translation>
    </message>
    <message>
      <source>%1: the action failed</source>
      <translation>%1: akce se nezdařila</translation>
    </message>
    <message>
      <source>A start was refused at %1; PID %2 holds the lock.</source>
      <translation>Spuštění bylo v %1 odmítnuto; zámek drží PID %2.</translation>
    </message>
    <message>
      <source>LockWatch</source>
      <translation>LockWatch</translation>
    </message>
    <message>
      <source>LockWatch is already running; its status window was raised.</source>
      <translation>LockWatch už běží; jeho okno stavu bylo přeneseno do popředí.</translation>
    </message>
    <message>
      <source>PID %1 is gone and left its lock behind.</source>
      <translation>Proces %1 skončil a po sobě nechal zámek.</translation>
    </message>
    <message>
      <source>PID %1 is gone.</source>
      <translation>Proces %1 skončil.</translation>
    </message>
    <message>
      <source>Process %1 checked the lock while PID %2 holds it, and a second copy seems to be starting.</source>
      <translation>Proces %1 zkontroloval zámek, který drží PID %2; zřejmě se spouští druhá instance.</translation>
    </message>
    <message>
      <source>Process %1 tried to start it at %2; PID %3 still holds the lock.</source>
      <translation>Proces %1 se ji pokusil spustit v %2; zámek stále drží PID %3.</translation>
    </message>
    <message>
      <source>Start at login</source>
      <translation>Spouštět po přihlášení</translation>
    </message>
    <message>
      <source>The configuration could not be used</source>
      <translation>Nastavení nelze použít</translation>
    </message>
    <message>
      <source>The lock went from PID %1 to PID %2, and PID %1 still runs: two copies are running now.</source>
      <translation>Zámek přešel z PID %1 na PID %2, ale PID %1 stále běží: teď běží dvě instance.</translation>
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
      <translation>%1 je stále nahrazován něčím jiným; vzdávám to.</translation>
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
  </context>
  <context>
    <name>StatusIcon</name>
    <message>
      <source>%1: %2</source>
      <translation>%1: %2</translation>
    </message>
    <message>
      <source>%1: %2 (PID %3)</source>
      <translation>%1: %2 (PID %3)</translation>
    </message>
    <message numerus="yes">
      <source>%n instance(s)</source>
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
      <translation>
        <numerusform>běží dvakrát: %n</numerusform>
        <numerusform>běží dvakrát: %n</numerusform>
        <numerusform>běží dvakrát: %n</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n stale</source>
      <translation>
        <numerusform>%n zastaralý zámek</numerusform>
        <numerusform>%n zastaralé zámky</numerusform>
        <numerusform>%n zastaralých zámků</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n starting, stopping, remote or invalid</source>
      <translation>
        <numerusform>spouští se, ukončuje se, vzdálené nebo neplatné: %n</numerusform>
        <numerusform>spouští se, ukončuje se, vzdálené nebo neplatné: %n</numerusform>
        <numerusform>spouští se, ukončuje se, vzdálené nebo neplatné: %n</numerusform>
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
      <translation>Vše běží</translation>
    </message>
    <message>
      <source>No instances configured</source>
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
      <translation>Nalezen zastaralý zámek</translation>
    </message>
    <message>
      <source>Starting or stopping</source>
      <translation>Spouští se nebo ukončuje</translation>
    </message>
    <message>
      <source>running twice</source>
      <translation>běží dvakrát</translation>
    </message>
  </context>
</TS>
