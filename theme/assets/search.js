// Full-text search in the browser: loads the index the build wrote, finds the pages holding every
// word of the query (the last word may be the start of a word), and shows each with its kind and an
// excerpt, the words highlighted. Results are built as DOM nodes, never as HTML strings.
(() => {
  const form = document.querySelector('form.search-form');
  if (!form) return;
  const input = form.querySelector('input[type=search]');
  const status = document.querySelector('.search-status');
  const results = document.querySelector('.search-results');
  let pages = null;

  const fold = (text) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[’‘]/g, "'");
  const wordsOf = (query) => fold(query).split(/[^\p{L}\p{N}'-]+/u).filter((w) => w.length > 0);

  const load = async () => {
    if (pages) return pages;
    const response = await fetch(form.dataset.index);
    const index = await response.json();
    pages = index.pages.map((p) => ({ ...p, ft: fold(p.t), fs: fold(p.s), fx: fold(p.x) }));
    return pages;
  };

  const contains = (text, word, prefix) => {
    let at = text.indexOf(word);
    while (at >= 0) {
      const before = at === 0 ? '' : text[at - 1];
      const after = text[at + word.length] || '';
      if (!/[\p{L}\p{N}]/u.test(before) && (prefix || !/[\p{L}\p{N}]/u.test(after))) return at;
      at = text.indexOf(word, at + 1);
    }
    return -1;
  };

  const score = (page, words) => {
    let total = 0;
    for (let i = 0; i < words.length; i++) {
      const prefix = i === words.length - 1;
      const inTitle = contains(page.ft, words[i], prefix) >= 0;
      const inSummary = contains(page.fs, words[i], prefix) >= 0;
      const inText = contains(page.fx, words[i], prefix) >= 0;
      if (!inTitle && !inSummary && !inText) return 0;
      total += (inTitle ? 10 : 0) + (inSummary ? 3 : 0) + (inText ? 1 : 0);
    }
    return total;
  };

  // About 30 words around the first place a query word stands, in the text or else the summary.
  const excerpt = (page, words) => {
    for (const [original, folded] of [[page.x, page.fx], [page.s, page.fs]]) {
      for (let i = 0; i < words.length; i++) {
        const at = contains(folded, words[i], i === words.length - 1);
        if (at >= 0) {
          const start = Math.max(0, original.lastIndexOf(' ', Math.max(0, at - 90)) + 1);
          const end = Math.min(original.length, original.indexOf(' ', Math.min(original.length, at + 110)) >>> 0);
          return (start > 0 ? '… ' : '') + original.slice(start, end) + (end < original.length ? ' …' : '');
        }
      }
    }
    return page.s;
  };

  const highlight = (element, text, words) => {
    const folded = fold(text);
    const marks = [];
    words.forEach((word, i) => {
      let at = 0;
      while ((at = folded.indexOf(word, at)) >= 0) {
        const before = at === 0 ? '' : folded[at - 1];
        let end = at + word.length;
        if (i === words.length - 1) while (end < folded.length && /[\p{L}\p{N}]/u.test(folded[end])) end++;
        if (!/[\p{L}\p{N}]/u.test(before) && (i === words.length - 1 || !/[\p{L}\p{N}]/u.test(folded[end] || ''))) marks.push([at, end]);
        at = end;
      }
    });
    marks.sort((a, b) => a[0] - b[0]);
    let position = 0;
    for (const [from, to] of marks) {
      if (from < position) continue;
      element.append(text.slice(position, from));
      const mark = document.createElement('mark');
      mark.textContent = text.slice(from, to);
      element.append(mark);
      position = to;
    }
    element.append(text.slice(position));
  };

  const show = async (query) => {
    const words = wordsOf(query);
    results.replaceChildren();
    if (words.length === 0) {
      status.textContent = '';
      return;
    }
    status.textContent = 'Searching…';
    const found = (await load())
      .map((page) => ({ page, score: score(page, words) }))
      .filter((r) => r.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, 50);
    status.textContent = found.length === 0
      ? `Nothing found for “${query}”.`
      : `${found.length} ${found.length === 1 ? 'result' : 'results'} for “${query}”.`;
    for (const { page } of found) {
      const item = document.createElement('li');
      const heading = document.createElement('h2');
      const link = document.createElement('a');
      link.href = page.u;
      highlight(link, page.t, words);
      heading.append(link);
      const kind = document.createElement('p');
      kind.className = 'meta';
      kind.textContent = page.k;
      const text = document.createElement('p');
      highlight(text, excerpt(page, words), words);
      item.append(heading, kind, text);
      results.append(item);
    }
  };

  const initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    input.value = initial;
    show(initial);
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const url = new URL(location.href);
    url.searchParams.set('q', input.value);
    history.replaceState(null, '', url);
    show(input.value);
  });
  let timer = 0;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => show(input.value), 150);
  });
})();
