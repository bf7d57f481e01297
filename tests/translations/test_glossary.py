#!/usr/bin/env python3
"""The Czech and Italian texts follow translations/glossary_{cs,it}.md.

Fails when
 - a translation (.ts, desktop entries, AppStream metainfo) uses a term of the glossary's
   "Retired" column (whole words, case-insensitive, a trailing * for any ending);
 - the English source puts an instance name (or any placeholder) in quotes, "%1", and
   the translation drops them: Czech needs „%1“, Italian «%1»;
 - a message begins with a bare quoted name and a participle or adjective agrees with it
   in its first clause ("„%1“ spuštěna", "«%1» avviata"): such messages begin with
   "Instance „%1“" / "L'istanza «%1»".
The retired terms are read from the glossaries themselves, so the glossary stays the one
source. usage: test_glossary.py TRANSLATIONS_DIR RESOURCES_DIR
"""
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

QUOTES = {'cs': ('„', '“'), 'it': ('«', '»')}
# A feminine participle or adjective right after a bare name, in the first clause.
AGREEMENT = {
    'cs': re.compile(r'\b\w+[lnt]a\b'),
    'it': re.compile(r'\b\w+(?:at|ut|it)[ae]\b'),
}


def retired_terms(glossary):
    """The backticked entries of the "Retired" column of the glossary's tables."""
    terms = []
    column = None
    for line in glossary.read_text(encoding='utf-8').splitlines():
        if not line.startswith('|'):
            column = None
            continue
        cells = [c.strip() for c in line.strip().strip('|').split('|')]
        if column is None:
            column = cells.index('Retired') if 'Retired' in cells else -1
            continue
        if column < 0 or column >= len(cells) or set(cells[column]) <= set('-: '):
            continue
        terms += re.findall(r'`([^`]+)`', cells[column])
    return terms


def term_pattern(term):
    stem = term[:-1] if term.endswith('*') else term
    tail = r'\w*' if term.endswith('*') else ''
    words = r'\s+'.join(re.escape(w) for w in stem.split())
    return re.compile(r'(?<!\w)' + words + tail + r'(?!\w)', re.IGNORECASE)


def ts_messages(path):
    """(context, source, [translations]) of a .ts file."""
    root = ET.parse(path).getroot()
    for context in root.iter('context'):
        name = context.findtext('name')
        for message in context.iter('message'):
            tr = message.find('translation')
            if tr is None or tr.get('type') in ('vanished', 'obsolete'):
                continue
            forms = [f.text or '' for f in tr.findall('numerusform')] or [tr.text or '']
            yield name, message.findtext('source') or '', forms


def check_message(lang, patterns, where, source, text):
    problems = []
    plain = text.replace('&', '')  # accelerator markers: "Uk&lidit" is "Uklidit"
    for term, pattern in patterns:
        found = pattern.search(plain)
        if found:
            problems.append(f'{where}: retired term "{found.group(0)}" ({term}) in "{text}"')
    opening, closing = QUOTES[lang]
    for placeholder in re.findall(r'"(%\d+)"', source):
        if opening + placeholder + closing not in text:
            problems.append(f'{where}: "{placeholder}" is quoted in English but not '
                            f'{opening}{placeholder}{closing} in "{text}"')
    bare = re.match(re.escape(opening) + r'%\d+' + re.escape(closing) + r'([^;:.]*)', text)
    if bare and AGREEMENT[lang].search(bare.group(1)):
        problems.append(f'{where}: a participle agrees with a bare name; begin with the '
                        f'noun ("Instance „%1“", "L\'istanza «%1»"): "{text}"')
    return problems


def desktop_texts(path, lang):
    for line in path.read_text(encoding='utf-8').splitlines():
        key, _, value = line.partition('=')
        if key.endswith(f'[{lang}]'):
            yield f'{path.name} {key}', value


def metainfo_texts(path, lang):
    root = ET.parse(path).getroot()
    for element in root.iter():
        if element.get('{http://www.w3.org/XML/1998/namespace}lang') == lang:
            yield f'{path.name} <{element.tag}>', ' '.join(''.join(element.itertext()).split())


def self_test():
    """The checks find what they are meant to find, so a parsing slip cannot pass."""
    stale = [('stanti*', term_pattern('stanti*'))]
    assert check_message('it', stale, 'x', 'stale', 'Trovati 3 lockfile stantii')
    assert check_message('it', stale, 'x', 'stale', 'un loc&kfile stan&tio')
    assert not check_message('it', stale, 'x', 'stale', 'lockfile orfano, istantaneo')
    stop = [('ferma*', term_pattern('ferma*'))]
    assert not check_message('it', stop, 'x', 'confirm', 'Conferma')
    phrase = [('ukončuje se', term_pattern('ukončuje se'))]
    assert check_message('cs', phrase, 'x', 'stopping', 'Ukončuje  se')
    assert check_message('cs', [], 'x', '"%1" started', '%1 spuštěna')
    assert check_message('cs', [], 'x', '"%1" started', '„%1“ spuštěna (PID %2).')
    assert not check_message('cs', [], 'x', '"%1" started', 'Instance „%1“ spuštěna (PID %2).')
    assert check_message('it', [], 'x', '"%1" started', '«%1» avviata (PID %2).')
    assert not check_message('it', [], 'x', '"%1" is running twice', '«%1» è in esecuzione')


def main():
    translations, resources = Path(sys.argv[1]), Path(sys.argv[2])
    self_test()
    problems = []
    for lang in ('cs', 'it'):
        glossary = translations / f'glossary_{lang}.md'
        terms = retired_terms(glossary)
        if not terms:
            problems.append(f'{glossary}: no retired terms found (is the "Retired" column there?)')
        patterns = [(t, term_pattern(t)) for t in terms]
        count = 0
        for context, source, forms in ts_messages(translations / f'lockwatch_{lang}.ts'):
            for text in forms:
                count += 1
                problems += check_message(lang, patterns, f'lockwatch_{lang}.ts [{context}]',
                                          source, text)
        if count == 0:
            problems.append(f'lockwatch_{lang}.ts: no messages read')
        texts = []
        for desktop in sorted(resources.glob('*.desktop.in')):
            texts += list(desktop_texts(desktop, lang))
        for metainfo in sorted(resources.glob('*.metainfo.xml.in')):
            texts += list(metainfo_texts(metainfo, lang))
        if not texts:
            problems.append(f'no [{lang}] texts found in {resources}')
        for where, text in texts:
            problems += check_message(lang, patterns, where, '', text)
    if problems:
        print('Translations do not follow the glossaries (translations/glossary_*.md):')
        for problem in problems:
            print('  ' + problem)
        return 1
    print('translations follow the glossaries')
    return 0


if __name__ == '__main__':
    sys.exit(main())
