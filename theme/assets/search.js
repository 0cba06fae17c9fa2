// Full-text search in the browser over the index the build wrote in shards (src/WatchList.Site/Search):
// a query fetches the entry file, the shards holding its own words, a file per filter it uses, the
// records of the results it shows and, for their excerpts, those results' own pages. Words are folded
// and stemmed exactly as the build does (SearchWords.cs); the last word also matches as the start of a
// word. The search and its filters live in the address, so a search can be linked. Results are built
// as DOM nodes, never as HTML strings.
(() => {
  const form = document.querySelector('form.search-form');
  if (!form) return;
  const input = form.querySelector('input[type=search]');
  const selects = [...form.querySelectorAll('select[name]')];
  const status = document.querySelector('.search-status');
  const results = document.querySelector('.search-results');
  const more = document.querySelector('.search-more');
  const indexUrl = new URL(form.dataset.index, location.href);
  const perPage = 10;
  const maxPrefixShards = 4;

  // Words, as SearchWords.Count makes them.
  const maxLength = 40;
  const wordChar = /[\p{L}\p{Nd}\p{M}]/u;
  // Letters with diacritics and the letter each is without them: the table of SearchWords.cs.
  const accented = 'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǢǣǦǧǨǩǪǫǬǭǮǯǰǴǵǸǹǺǻǼǽǾǿȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳʹΆΈΉΊΌΎΏΐΪΫάέήίΰϊϋόύώϓϔЀЁЃЇЌЍЎЙйѐёѓїќѝўѶѷӁӂӐӑӒӓӖӗӚӛӜӝӞӟӢӣӤӥӦӧӪӫӬӭӮӯӰӱӲӳӴӵӸӹḀḁḂḃḄḅḆḇḈḉḊḋḌḍḎḏḐḑḒḓḔḕḖḗḘḙḚḛḜḝḞḟḠḡḢḣḤḥḦḧḨḩḪḫḬḭḮḯḰḱḲḳḴḵḶḷḸḹḺḻḼḽḾḿṀṁṂṃṄṅṆṇṈṉṊṋṌṍṎṏṐṑṒṓṔṕṖṗṘṙṚṛṜṝṞṟṠṡṢṣṤṥṦṧṨṩṪṫṬṭṮṯṰṱṲṳṴṵṶṷṸṹṺṻṼṽṾṿẀẁẂẃẄẅẆẇẈẉẊẋẌẍẎẏẐẑẒẓẔẕẖẗẘẙẛẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ';
  const plain = 'AAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyyAaAaAaCcCcCcCcDdEeEeEeEeEeGgGgGgGgHhIiIiIiIiIJjKkLlLlLlNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtUuUuUuUuUuUuWwYyYZzZzZzOoUuAaIiOoUuUuUuUuUuAaAaÆæGgKkOoOoƷʒjGgNnAaÆæØøAaAaEeEeIiIiOoOoRrRrUuUuSsTtHhAaEeOoOoOoOoYyʹΑΕΗΙΟΥΩιΙΥαεηιυιυουωϒϒЕЕГІКИУИиеегікиуѴѵЖжАаАаЕеӘәЖжЗзИиИиОоӨөЭэУуУуУуЧчЫыAaBbBbBbCcDdDdDdDdDdEeEeEeEeEeFfGgHhHhHhHhHhIiIiKkKkKkLlLlLlLlMmMmMmNnNnNnNnOoOoOoOoPpPpRrRrRrRrSsSsSsSsSsTtTtTtTtUuUuUuUuUuVvVvWwWwWwWwWwXxXxYyZzZzZzhtwyſAaAaAaAaAaAaAaAaAaAaAaAaEeEeEeEeEeEeEeEeIiIiOoOoOoOoOoOoOoOoOoOoOoOoUuUuUuUuUuUuUuYyYyYyYy';
  const withoutDiacritic = new Map([...accented].map((c, i) => [c, plain[i]]));
  const fold = (w) => (/^[\x00-\x7f]*$/.test(w)
    ? w.toLowerCase()
    : [...w].map((c) => withoutDiacritic.get(c) || c).join('').replace(/\p{M}/gu, '').toLowerCase());
  const stem = (w) => {
    if (w.length < 4 || !w.endsWith('s')) return w;
    if (w.endsWith('ies') && !w.endsWith('eies') && !w.endsWith('aies')) return w.slice(0, -3) + 'y';
    if (w.endsWith('es') && !w.endsWith('aes') && !w.endsWith('ees') && !w.endsWith('oes')) return w.slice(0, -1);
    return w.endsWith('us') || w.endsWith('ss') ? w : w.slice(0, -1);
  };
  const tokens = (text) => {
    const out = [];
    let start = -1;
    let raw = '';
    for (let i = 0; i <= text.length; i++) {
      const c = i < text.length ? text[i] : ' ';
      if (wordChar.test(c)) {
        if (start < 0) start = i;
        if (raw.length < maxLength) raw += c;
      } else if ((c === "'" || c === '\u2019' || c === '\u2018') && raw.length > 0) {
        // An apostrophe joins: "Korea's" is one word.
      } else if (raw.length > 0) {
        const folded = fold(raw);
        out.push({ word: stem(folded), folded, start, end: i });
        raw = '';
        start = -1;
      }
    }
    return out;
  };

  // What the reader asked: the words (the last one a prefix unless a space follows it) and the filters.
  const queryOf = (text, filters) => {
    const words = tokens(text).map((t) => ({ word: t.word, folded: t.folded, prefix: false }));
    const last = words[words.length - 1];
    if (last && !/\s$/.test(text) && last.folded.length >= 3) last.prefix = true;
    return { text: text.trim(), words, filters };
  };
  const matches = (token, query) => query.words.some((w) => (w.prefix
    ? token.word.startsWith(w.word) || token.folded.startsWith(w.folded)
    : token.word === w.word));

  // Files of the index, each fetched once; the stamp keeps every file from one build.
  const files = new Map();
  const entry = fetch(indexUrl).then((r) => {
    if (!r.ok) throw new Error(`${r.status} ${indexUrl}`);
    return r.json();
  });
  const file = (path, as) => {
    if (!files.has(path)) {
      files.set(path, entry.then((e) => fetch(new URL(`${path}?v=${e.stamp}`, indexUrl)))
        .then((r) => (r.ok ? r[as]() : null)));
    }
    return files.get(path);
  };

  const varint = (bytes, at) => {
    let value = 0;
    let shift = 0;
    let b;
    do {
      b = bytes[at.i++];
      value += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    return value;
  };

  // A shard: its words in order, each with where its postings lie.
  const shard = async (n) => {
    const buffer = await file(`s/${n}.bin`, 'arrayBuffer');
    if (!buffer) return { terms: [], postings: [] };
    const bytes = new Uint8Array(buffer);
    const decoder = new TextDecoder();
    const terms = [];
    const postings = [];
    const at = { i: 0 };
    let previous = '';
    while (at.i < bytes.length) {
      const shared = varint(bytes, at);
      const length = varint(bytes, at);
      const term = previous.slice(0, shared) + decoder.decode(bytes.subarray(at.i, at.i + length));
      at.i += length;
      const header = varint(bytes, at);
      const size = Math.floor(header / 2);
      terms.push(term);
      postings.push({ dense: header % 2 === 1, bytes: bytes.subarray(at.i, at.i + size) });
      at.i += size;
      previous = term;
    }
    return { terms, postings };
  };

  // The shards that may hold a word, or every word starting with it (at most a few shards).
  const shardsFor = (starts, word, prefix) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= word) low = mid;
      else high = mid - 1;
    }
    const found = [low];
    if (prefix) {
      while (found.length < maxPrefixShards && low + found.length < starts.length && starts[low + found.length].startsWith(word)) {
        found.push(low + found.length);
      }
    }
    return found;
  };

  // Keeps, for each page holding a term, the term's score if better than another term's for the same word.
  const dense = [0, 1, 3, 8];
  const score = (posting, pages, scores) => {
    const ids = [];
    const weights = [];
    if (posting.dense) {
      posting.bytes.forEach((b, i) => {
        for (let k = 0; b && k < 4; k++, b >>= 2) {
          if (b & 3) {
            ids.push(i * 4 + k);
            weights.push(dense[b & 3]);
          }
        }
      });
    } else {
      const at = { i: 0 };
      let page = -1;
      while (at.i < posting.bytes.length) {
        ids.push((page += varint(posting.bytes, at) + 1));
        weights.push(varint(posting.bytes, at));
      }
    }
    const idf = Math.log(1 + (pages - ids.length + 0.5) / (ids.length + 0.5));
    ids.forEach((page, i) => {
      const s = (idf * weights[i] * 2.2) / (weights[i] + 1.2);
      if (!(scores[page] >= s)) scores[page] = s;
    });
  };

  const filterPages = async ([name, value], pages) => {
    const buffer = await file(`f/${name}-${value}.bin`, 'arrayBuffer');
    const set = new Set();
    if (!buffer) return set;
    const bytes = new Uint8Array(buffer);
    if (bytes[0] === 1) {
      for (let page = 0; page < pages; page++) if (bytes[1 + (page >> 3)] & (1 << (page & 7))) set.add(page);
    } else {
      const at = { i: 1 };
      let page = -1;
      while (at.i < bytes.length) set.add((page += varint(bytes, at) + 1));
    }
    return set;
  };

  // The pages found, best first; with no words, every page under the filters, newest first.
  const find = async (query) => {
    const index = await entry;
    const pages = index.pages;
    const wordScores = query.words.map(async (w) => {
      // A score per page, NaN where the word is not.
      const scores = new Float64Array(pages).fill(NaN);
      const shards = await Promise.all(shardsFor(index.shards, w.word, w.prefix).map(shard));
      for (const { terms, postings } of shards) {
        terms.forEach((term, i) => {
          if (w.prefix ? term.startsWith(w.word) || term.startsWith(w.folded) : term === w.word) score(postings[i], pages, scores);
        });
      }
      return scores;
    });
    const sets = await Promise.all(query.filters.map((f) => filterPages(f, pages)));
    const all = await Promise.all(wordScores);
    const allowed = (page) => sets.every((s) => s.has(page));
    if (all.length === 0) {
      if (sets.length === 0) return [];
      return [...sets.reduce((a, b) => (a.size <= b.size ? a : b))].filter(allowed).sort((a, b) => a - b);
    }
    const found = [];
    for (let page = 0; page < pages; page++) {
      let total = 0;
      for (const scores of all) total += scores[page];
      // NaN when a word is missing: every word must be on the page.
      if (total >= 0 && allowed(page)) found.push([page, total]);
    }
    return found.sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([page]) => page);
  };

  const highlight = (element, text, query) => {
    let position = 0;
    for (const token of tokens(text)) {
      if (!matches(token, query)) continue;
      element.append(text.slice(position, token.start));
      const mark = document.createElement('mark');
      mark.textContent = text.slice(token.start, token.end);
      element.append(mark);
      position = token.end;
    }
    element.append(text.slice(position));
  };

  // About 30 words of the page's text around the place where most of the query's words stand together.
  const excerptOf = (text, query) => {
    const all = tokens(text);
    let best = -1;
    let bestCount = 0;
    all.forEach((token, i) => {
      if (!matches(token, query)) return;
      const seen = new Set();
      for (let j = i; j < Math.min(all.length, i + 25); j++) {
        const t = all[j];
        query.words.forEach((w, k) => {
          if (w.prefix ? t.word.startsWith(w.word) || t.folded.startsWith(w.folded) : t.word === w.word) seen.add(k);
        });
      }
      if (seen.size > bestCount) {
        best = i;
        bestCount = seen.size;
      }
    });
    if (best < 0) return null;
    const from = Math.max(0, best - 8);
    const to = Math.min(all.length - 1, best + 24);
    return (from > 0 ? '… ' : '') + text.slice(all[from].start, all[to].end) + (to < all.length - 1 ? ' …' : '');
  };

  const pageText = async (url) => {
    try {
      const response = await fetch(url);
      if (!response.ok) return null;
      const html = new DOMParser().parseFromString(await response.text(), 'text/html');
      const body = html.querySelector('main .body') || html.querySelector('main');
      return body ? body.textContent.replace(/\s+/g, ' ').trim() : null;
    } catch {
      return null;
    }
  };

  const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

  const item = (record, query) => {
    const li = document.createElement('li');
    const heading = document.createElement('h2');
    const link = document.createElement('a');
    link.href = record.u;
    highlight(link, record.t, query);
    heading.append(link);
    const meta = document.createElement('p');
    meta.className = 'meta';
    meta.append(record.k);
    if (record.d) {
      const time = document.createElement('time');
      time.dateTime = record.d;
      time.textContent = dateFormat.format(new Date(`${record.d}T00:00:00Z`));
      meta.append(' · ', time);
    }
    const excerpt = document.createElement('p');
    excerpt.className = 'excerpt';
    highlight(excerpt, record.s, query);
    li.append(heading, meta, excerpt);
    // The summary stands in until the page's own text gives an excerpt around the words searched for.
    const summaryWords = tokens(record.s);
    const missing = query.words.some((w) => !summaryWords.some((t) => matches(t, { words: [w] })));
    const ready = missing
      ? pageText(record.u).then((text) => {
        const around = text && excerptOf(text, query);
        if (around) {
          excerpt.replaceChildren();
          highlight(excerpt, around, query);
        }
      })
      : Promise.resolve();
    return { li, ready };
  };

  let current = 0;
  let found = [];
  let shown = 0;
  let query = null;

  const describe = (q) => {
    const parts = q.filters.map(([name, value]) => {
      const select = selects.find((s) => s.name === name);
      const option = select && [...select.options].find((o) => o.value === value);
      return `${name} ${option ? option.textContent : value}`;
    });
    return (q.text ? `“${q.text}”` : '') + (parts.length ? `${q.text ? ', ' : ''}${parts.join(', ')}` : '');
  };

  const showMore = async (run, onShown = () => {}) => {
    const slice = found.slice(shown, shown + perPage);
    shown += slice.length;
    const records = await Promise.all(slice.map((page) => file(`r/${page}.json`, 'json')));
    if (run !== current) return;
    const items = records.filter(Boolean).map((r) => item(r, query));
    results.append(...items.map((i) => i.li));
    more.hidden = shown >= found.length;
    onShown();
    await Promise.all(items.map((i) => i.ready));
    if (run === current) results.dataset.excerpts = 'ready';
  };

  const show = async () => {
    const run = ++current;
    const filters = selects.filter((s) => s.value).map((s) => [s.name, s.value]);
    query = queryOf(input.value, filters);
    delete results.dataset.excerpts;
    if (query.words.length === 0 && filters.length === 0) {
      results.replaceChildren();
      status.textContent = '';
      more.hidden = true;
      return;
    }
    if (!results.hasChildNodes()) status.textContent = 'Searching…';
    let pages;
    try {
      pages = await find(query);
    } catch (error) {
      if (run === current) status.textContent = 'The search index could not be loaded. Try again later.';
      throw error;
    }
    if (run !== current) return;
    found = pages;
    shown = 0;
    const records = await Promise.all(found.slice(0, perPage).map((page) => file(`r/${page}.json`, 'json')));
    if (run !== current) return;
    results.replaceChildren();
    status.textContent = found.length === 0
      ? `Nothing found for ${describe(query)}.`
      : `${found.length} ${found.length === 1 ? 'result' : 'results'} for ${describe(query)}.`;
    await showMore(run);
  };

  // The address holds the search: /search/?q=freeze&actor=north-korea.
  const remember = () => {
    const url = new URL(location.href);
    url.search = '';
    if (input.value.trim()) url.searchParams.set('q', input.value.trim());
    for (const select of selects) if (select.value) url.searchParams.set(select.name, select.value);
    history.replaceState(null, '', url);
  };

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') || '';
  for (const select of selects) {
    const value = params.get(select.name);
    if (value && [...select.options].some((o) => o.value === value)) select.value = value;
  }
  if (input.value || selects.some((s) => s.value)) show();

  let timer = 0;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    // The search typed is run now, not again a moment later: results drawn twice would take the reader's focus.
    clearTimeout(timer);
    remember();
    show();
  });
  input.addEventListener('input', () => {
    delete results.dataset.excerpts;
    clearTimeout(timer);
    timer = setTimeout(() => {
      remember();
      show();
    }, 150);
  });
  for (const select of selects) {
    select.addEventListener('change', () => {
      remember();
      show();
    });
  }
  more.addEventListener('click', () => {
    // Keyboard users land on the first of the new results.
    const next = results.children.length;
    showMore(current, () => results.children[next]?.querySelector('a')?.focus());
  });
})();
