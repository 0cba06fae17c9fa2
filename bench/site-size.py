#!/usr/bin/env python3
"""Where the bytes of a built site go: file bytes by kind, and one average commentary page by element.

    bench/site-size.py SITE            a WatchList site (e.g. bench/out/c10000/site)
    bench/site-size.py --hugo SITE     a Hugo site of the same Markdown, by kind only
    bench/site-size.py --floor SITE HUGO
                                       the least the parts the issues ask for could weigh, against
                                       1.5 times the Hugo site's files

File bytes are the sum of the files' sizes (not `du`, which counts blocks and folders).
"""
import collections
import os
import re
import sys

BODY = r'<div class="body">.*?</div>\s*(?=<footer class="credit"|<section class="cite"|</article>)'
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


def files_of(site):
    """Each file of the site: its folders below the site's root, its name, its path and its kind."""
    for root, _, files in os.walk(site):
        rel = os.path.relpath(root, site)
        parts = [] if rel == '.' else rel.split(os.sep)
        for name in files:
            yield parts, name, os.path.join(root, name), kind_of(parts, name)


def by_kind(site):
    size, count, pages = collections.Counter(), collections.Counter(), []
    for _, _, path, kind in files_of(site):
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
    body = re.search(BODY, s, re.S)
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


def utf8(text):
    return len(text.encode())


def floor(site, hugo_site):
    """Bytes the site cannot do without, each part cut to its least: what no layout or format choice can remove.

    Every measure keeps only the text a part is asked to carry:
    - a commentary's body, its mention links as `<a>` with their address and the anchor a numbered mention
      page links to;
    - a numbered mention page's rows as a link and a title;
    - each of the three citation files as the title and the address alone;
    - an entry feed's entries as Atom's four required elements;
    - the sitemap's addresses; the archive as one link and title per commentary;
    - the search files as they are (already the compact form the issue asks for);
    - a commentary's `<title>`, the five `citation_*` tags reference managers need and the formatted
      reference of Cite this;
    - every HTML page's skeleton as the site writes it: doctype, `<html>`, `<head>`, charset, viewport, the
      stylesheet, the popover script, `<body>` and its one `<h1>`.
    Term and actor pages' text, the rest of the head, navigation and everything else count nothing here, so
    the sum is a lower bound. Folders (which `du -sb` adds) are counted apart, as built, for both sites.
    """
    parts = collections.Counter()
    for dirs, name, path, kind in files_of(site):
        page = read(path) if name.endswith(('.html', '.xml')) else ''
        if name.endswith('.html'):
            parts['every page\'s skeleton: doctype, html, head, charset, viewport, stylesheet, script, body, h1'] += sum(
                map(utf8, re.findall(SKELETON, page, re.S)))
        if kind == 'search':
            parts['search files, as built'] += os.path.getsize(path)
        elif kind == 'sitemap':
            parts['sitemap, addresses only'] += sum(map(utf8, re.findall(r'<loc>.*?</loc>', page)))
        elif kind == 'feeds' and dirs[:1] in (['glossary'], ['actors']):
            parts['entry feeds, entries of id, title, updated and link'] += sum(
                utf8(f'<entry><id>{u}</id><title>{t}</title><updated>{d}</updated><link href="{u}"/></entry>')
                for t, u, d in re.findall(r'<entry>\s*<title>(.*?)</title>.*?<id>(.*?)</id>.*?<updated>(.*?)</updated>',
                                          page, re.S))
        elif kind == 'numbered pages':
            rows = page.split('class="mentioned-in"', 1)[-1]
            parts['numbered mention pages, rows of a link and a title'] += sum(
                utf8(f'<li><a href="{h}">{t}</a></li>') for h, t in re.findall(r'<li><a href="([^"]*)">(.*?)</a>', rows))
        elif kind == 'commentary pages':
            commentary(page, parts)
    hugo_bytes = sum(by_kind(hugo_site)[0].values())
    print('| part, at its least | MB | running total | ratio to Hugo |\n| --- | ---: | ---: | ---: |')
    total = 0
    for name, value in parts.most_common():
        total += value
        print(f'| {name} | {value / 1e6:.1f} | {total / 1e6:.1f} | {total / hugo_bytes:.2f} |')
    print(f'\nHugo\'s site: {hugo_bytes / 1e6:.1f} MB of files; 1.5 times that is {1.5 * hugo_bytes / 1e6:.1f} MB, '
          f'and the parts above leave {(1.5 * hugo_bytes - total) / 1e6:.1f} MB for everything else.')
    ours, theirs = folders(site), folders(hugo_site)
    print(f'With folders as `du -sb` counts them ({ours / 1e6:.1f} MB here, {theirs / 1e6:.1f} MB in Hugo\'s site): '
          f'{(total + ours) / 1e6:.1f} MB against {(hugo_bytes + theirs) / 1e6:.1f} MB, '
          f'{(total + ours) / (hugo_bytes + theirs):.2f} times.')


SKELETON = (r'<!doctype html>|<html[^>]*>|<head>|<meta charset[^>]*>|<meta name="viewport"[^>]*>'
            r'|<link rel="stylesheet"[^>]*>|<script src="[^"]*"[^>]*></script>|</head>|<body>|<h1>.*?</h1>'
            r'|</body>|</html>')


def commentary(page, parts):
    """A commentary page's parts at their least: its body, the text its citations and listings must carry."""
    body = re.search(BODY, page, re.S).group(0)
    parts['commentary bodies, mention links as <a> with the href and the id mention pages point to'] += utf8(
        re.sub(r'<a class="mention"( id="[^"]*")?( href="[^"]*")>', r'<a\1\2>', body))
    title = re.search(r'<h1>(.*?)</h1>', page, re.S).group(1)
    url = re.search(r'<link rel="canonical" href="([^"]*)"', page).group(1)
    parts['citation files, title and address in each of three'] += 3 * (utf8(title) + utf8(url))
    parts['archive, a link and a title per commentary'] += utf8(f'<li><a href="{url}">{title}</a></li>')
    parts['a commentary\'s <title>, its title alone'] += utf8(f'<title>{title}</title>')
    parts['citation_* tags: title, authors, date, publisher, address'] += sum(map(utf8, re.findall(
        r'<meta name="citation_(?:title|author|publication_date|publisher|public_url)" [^>]*>', page)))
    parts['Cite this: the formatted reference and three bare download links'] += utf8(
        re.search(r'<p class="reference">.*?</p>', page, re.S).group(0)) + sum(
        utf8(f'<a href="cite.{ext}"></a>') for ext in ('bib', 'ris', 'json'))


def folders(site):
    """The folders' own sizes, which `du -sb` adds to the files' (4 KiB or more each on ext4)."""
    return sum(os.path.getsize(root) for root, _, _ in os.walk(site))


def read(path):
    with open(path, encoding='utf-8') as file:
        return file.read()


def main(argv):
    if argv[:1] == ['--floor']:
        floor(argv[1], argv[2])
        return
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
