#!/usr/bin/env python3
"""Where the bytes of a built site go: file bytes by kind, and one average commentary page by element.

    bench/site-size.py SITE            a WatchList site (e.g. bench/out/c10000/site)
    bench/site-size.py --hugo SITE     a Hugo site of the same Markdown, by kind only

File bytes are the sum of the files' sizes (not `du`, which counts blocks and folders).
"""
import collections
import os
import re
import sys

KINDS = ['commentary pages', 'term/actor pages', 'numbered pages', 'archive', 'citation files',
         'feeds', 'search', 'sitemap', 'definitions.json', 'other']


def kind_of(parts, name):
    top = parts[0] if parts else ''
    if name in ('cite.bib', 'cite.ris', 'cite.json'):
        return 'citation files'
    if name == 'sitemap.xml':
        return 'sitemap'
    if name.endswith('.xml'):
        return 'feeds'
    if name == 'definitions.json':
        return 'definitions.json'
    if top in ('search', 'search-index') or name.startswith('search-index'):
        return 'search'
    if top == 'archive':
        return 'archive'
    if top == 'commentaries' and len(parts) == 2 and name == 'index.html':
        return 'commentary pages'
    if top in ('glossary', 'actors') and 'page' in parts and name == 'index.html':
        return 'numbered pages'
    if top in ('glossary', 'actors') and len(parts) == 2 and name == 'index.html':
        return 'term/actor pages'
    return 'other'


def by_kind(site):
    size, count, pages = collections.Counter(), collections.Counter(), []
    for root, _, files in os.walk(site):
        rel = os.path.relpath(root, site)
        parts = [] if rel == '.' else rel.split(os.sep)
        for name in files:
            path = os.path.join(root, name)
            kind = kind_of(parts, name)
            size[kind] += os.path.getsize(path)
            count[kind] += 1
            if kind == 'commentary pages':
                pages.append(path)
    return size, count, pages


def length(pattern, text):
    match = re.search(pattern, text, re.S)
    return len(match.group(0).encode()) if match else 0


def elements(page):
    """Bytes of one commentary page by element; 'whitespace' counts indentation and blank lines anywhere."""
    s = open(page, encoding='utf-8').read()
    body = re.search(r'<div class="body">.*?</div>\s*(?=<footer class="credit"|<section class="cite"|</article>)', s, re.S)
    body = body.group(0) if body else ''
    return {
        'total': len(s.encode()),
        'head': length(r'<head>.*?</head>', s),
        '  citation_* meta': sum(len(m.encode()) for m in re.findall(r'<meta name="citation_[^>]*>\n?', s)),
        '  JSON-LD': length(r'<script type="application/ld\+json">.*?</script>', s),
        'site header': length(r'<header class="site-header">.*?</header>', s),
        'article header (title, meta, lead)': length(r'(?<=<article class="commentary">)\s*<header>.*?</header>', s),
        'contents (toc)': length(r'<nav class="toc".*?</nav>', s),
        'body': len(body.encode()),
        '  mention tags': sum(len(m.encode()) + len('</a>') for m in re.findall(r'<a class="mention[^>]*>', body)),
        'credit': length(r'<footer class="credit">.*?</footer>', s),
        'cite block': length(r'<section class="cite".*?</section>', s),
        'aside (terms, actors, related)': length(r'<aside.*?</aside>', s),
        '  related': length(r'<section aria-labelledby="related-title">.*?</section>', s),
        'older/newer': length(r'<nav class="pager".*?</nav>', s),
        'hidden definitions': length(r'<div class="definitions".*?</div>', s),
        'site footer': length(r'<footer class="site-footer">.*?</footer>', s),
        'whitespace (indentation, blank lines)': sum(len(m) - 1 for m in re.findall(r'\n[ \t]+|\n\n+', s)),
    }


def main(argv):
    hugo = '--hugo' in argv
    site = [a for a in argv if a != '--hugo'][0]
    size, count, pages = by_kind(site)
    print('| kind | files | MB |\n| --- | ---: | ---: |')
    for kind in KINDS:
        if count[kind] or not hugo:
            print(f'| {kind} | {count[kind]:,} | {size[kind] / 1e6:.1f} |')
    print(f'| total | {sum(count.values()):,} | {sum(size.values()) / 1e6:.1f} |')
    if hugo or not pages:
        return
    totals = collections.Counter()
    for page in pages:
        totals.update(elements(page))
    print(f'\nAn average commentary page ({len(pages):,} pages), bytes:\n\n| element | bytes |\n| --- | ---: |')
    for name, value in totals.items():
        print(f'| {name} | {value / len(pages):,.0f} |')


if __name__ == '__main__':
    main(sys.argv[1:])
