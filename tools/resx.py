#!/usr/bin/env python3
"""Merge keys into a pair of .resx files.
Usage: resx.py <path-without-culture, e.g. Sidig.Web/Features/Users/UsersPage> <tsv-file or - >
TSV lines: key<TAB>english<TAB>indonesian. Existing keys are replaced, others kept; output sorted by key."""
import sys, os, html, re
from xml.sax.saxutils import escape
base, src = sys.argv[1], sys.argv[2]
lines = (sys.stdin if src == '-' else open(src, encoding='utf-8')).read().splitlines()
new = {}
for l in lines:
    if not l.strip() or l.startswith('#'): continue
    parts = l.split('\t')
    if len(parts) != 3: sys.exit(f"bad line: {l!r}")
    new[parts[0]] = (parts[1], parts[2])
HEADER = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''
def read(path):
    d = {}
    if os.path.exists(path):
        s = open(path, encoding='utf-8').read()
        for m in re.finditer(r'<data name="([^"]+)"[^>]*>\s*<value>(.*?)</value>', s, re.S):
            d[html.unescape(m.group(1))] = html.unescape(m.group(2))
    return d
for idx, culture in ((0, 'en-US'), (1, 'id-ID')):
    path = f"{base}.{culture}.resx"
    d = read(path)
    for k, v in new.items(): d[k] = v[idx]
    os.makedirs(os.path.dirname(path) or '.', exist_ok=True)
    with open(path, 'w', encoding='utf-8') as f:
        f.write(HEADER)
        for k in sorted(d):
            f.write(f'  <data name="{escape(k, {chr(34): "&quot;"})}" xml:space="preserve"><value>{escape(d[k])}</value></data>\n')
        f.write('</root>\n')
print(f"{base}: {len(new)} keys merged")
