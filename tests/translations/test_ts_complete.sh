#!/usr/bin/env bash
# Fails when the committed translations are not complete for the current sources
# (every string, every plural form): runs lupdate over app/ against copies of
# translations/*.ts and reports
#  - source strings missing from a .ts file (they come out as new "unfinished" entries),
#  - unfinished or empty translations, vanished/obsolete entries (strings no longer in
#    the sources: run `cmake --build build --target update_translations`),
#  - numerus entries without 3 forms in cs, 2 in it and en, or with an empty form,
#  - placeholders (%1..%99, %n) that differ between source and translation.
# usage: test_ts_complete.sh LUPDATE SOURCE_DIR TRANSLATIONS_DIR
set -euo pipefail

lupdate=$1
sources=$2
translations=$3

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for lang in cs it en; do
    [[ -f "$translations/lockwatch_$lang.ts" ]] || { echo "missing $translations/lockwatch_$lang.ts"; exit 1; }
    cp "$translations/lockwatch_$lang.ts" "$work/"
done

# No -no-obsolete here: an entry the committed file still carries but the sources no
# longer have must show up (as "vanished"), not silently disappear.
run_lupdate() {
    if ! "$lupdate" "$@" >"$work/lupdate.log" 2>&1; then
        cat "$work/lupdate.log"
        echo "lupdate failed"
        exit 1
    fi
}
run_lupdate -locations none -extensions cpp,h "$sources" -ts "$work/lockwatch_cs.ts" "$work/lockwatch_it.ts"
run_lupdate -locations none -extensions cpp,h -pluralonly "$sources" -ts "$work/lockwatch_en.ts"

python3 - "$work" <<'PY'
import re, sys, xml.etree.ElementTree as ET

work = sys.argv[1]
forms_wanted = {'cs': 3, 'it': 2, 'en': 2}
placeholder = re.compile(r'%(\d+|n)')
problems = []

for lang, wanted in forms_wanted.items():
    root = ET.parse(f'{work}/lockwatch_{lang}.ts').getroot()
    count = 0
    for context in root.iter('context'):
        ctx = context.findtext('name')
        for message in context.iter('message'):
            count += 1
            source = message.findtext('source') or ''
            tr = message.find('translation')
            where = f'lockwatch_{lang}.ts [{ctx}] "{source}"'
            kind = tr.get('type') if tr is not None else 'missing'
            if kind in ('vanished', 'obsolete'):
                problems.append(f'{where}: no longer in the sources ({kind})')
                continue
            if kind == 'unfinished':
                problems.append(f'{where}: unfinished')
                continue
            if message.get('numerus') == 'yes':
                forms = [f.text or '' for f in tr.findall('numerusform')]
                if len(forms) != wanted:
                    problems.append(f'{where}: {len(forms)} plural forms, {wanted} wanted')
                for i, form in enumerate(forms):
                    if not form.strip():
                        problems.append(f'{where}: plural form {i} is empty')
                    elif set(placeholder.findall(form)) != set(placeholder.findall(source)):
                        problems.append(f'{where}: plural form {i} "{form}" has other placeholders')
            else:
                text = tr.text or ''
                if not text.strip():
                    problems.append(f'{where}: empty translation')
                elif set(placeholder.findall(text)) != set(placeholder.findall(source)):
                    problems.append(f'{where}: "{text}" has other placeholders')
    if lang != 'en' and count == 0:
        problems.append(f'lockwatch_{lang}.ts: no messages at all (lupdate found no sources?)')

if problems:
    print('Translations are not complete; run `cmake --build build --target update_translations`,')
    print('translate what is listed (README "Languages"), and commit translations/*.ts:')
    for p in problems:
        print('  ' + p)
    sys.exit(1)
print('translations complete')
PY
