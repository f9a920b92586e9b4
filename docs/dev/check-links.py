#!/usr/bin/env python3
# Checks every relative markdown link ](path) and ](path#anchor) of README.md and docs/**: the file exists,
# the anchor is a heading of it (GitHub slugs). Usage: python3 docs/dev/check-links.py .   Exit 1 if one is broken.
import os, re, sys, glob, unicodedata
root = sys.argv[1]
os.chdir(root)
files = ['README.md'] + sorted(glob.glob('docs/**/*.md', recursive=True))
def slug(h):
    h = h.strip().lower()
    h = re.sub(r'[^\w\- ]', '', h)  # GitHub: drop punctuation, keep letters/digits (unicode), _ - space
    return h.replace(' ', '-')
def anchors(path):
    out = set(); counts = {}
    incode = False
    for line in open(path, encoding='utf-8'):
        if line.startswith('```'): incode = not incode; continue
        if incode: continue
        m = re.match(r'#{1,6}\s+(.*?)\s*#*\s*$', line)
        if m:
            s = slug(m.group(1)); n = counts.get(s, 0); counts[s] = n + 1
            out.add(s if n == 0 else f'{s}-{n}')
    return out
bad = 0; total = 0
for f in files:
    text = open(f, encoding='utf-8').read()
    text = re.sub(r'```.*?```', '', text, flags=re.S)   # links inside code blocks are not links
    text = re.sub(r'`[^`\n]*`', '', text)
    for m in re.finditer(r'\]\(([^)\s]+)\)', text):
        t = m.group(1)
        if re.match(r'[a-z]+:', t): continue
        total += 1
        path, _, anc = t.partition('#')
        target = os.path.normpath(os.path.join(os.path.dirname(f), path)) if path else f
        if not os.path.exists(target):
            print(f'{f}: missing {t}'); bad += 1; continue
        if anc and target.endswith('.md') and anc not in anchors(target):
            print(f'{f}: missing anchor {t}'); bad += 1
print(f'{len(files)} files, {total} relative links, {bad} broken')
sys.exit(1 if bad else 0)
