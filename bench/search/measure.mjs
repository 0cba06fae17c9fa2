// Measures one query at a time in Chromium, cold (a new browser context each time), on a built site:
// WatchList's search page (/search/?q=...) beside Pagefind's JS API on the same site. For each query,
// the bytes that crossed the network for the search (scripts, the index, records and the pages fetched
// for excerpts; the search page's own HTML and style sheet not counted) and the time from navigation to
// the first results on screen, on loopback and on a throttled link.
//
//   node measure.mjs --site DIR --base /watchlist/ --out results.json [--runs 3] [--queries a,b,c] [--engines watchlist,pagefind] [--links loopback,throttled]
import { chromium } from 'playwright-core';
import { writeFile } from 'node:fs/promises';
import { serve } from './server.mjs';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []));
const site = args.site;
const basePath = args.base || '/watchlist/';
const runs = Number(args.runs || 3);
const queries = (args.queries || 'sanctions,verification,the,freeze,liaison office,humanitarian,reactor roadmap,inspectors modest economic,diplomatic track,sanc').split(',');
// A fast mobile link: 9 Mbit/s each way, 165 ms round trips.
const throttled = { offline: false, latency: 165, downloadThroughput: (9 * 1000 * 1000) / 8, uploadThroughput: (9 * 1000 * 1000) / 8 };

const engines = {
  watchlist: {
    url: (origin, q) => `${origin}search/?q=${encodeURIComponent(q)}`,
    // First results: the result items on screen; complete: every excerpt taken from its page.
    first: '.search-results li',
    done: '.search-results[data-excerpts=ready]',
    doneInPage: '.search-results[data-excerpts=ready]',
  },
  pagefind: {
    url: (origin, q) => `${origin}pagefind-bench/?q=${encodeURIComponent(q)}`,
    first: '#results li',
    done: '#results[data-done]',
    doneInPage: '#results[data-done]',
  },
};

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const server = await serve(site, basePath);
const rows = [];
try {
  for (const link of (args.links || 'loopback,throttled').split(',')) {
    for (const query of queries) {
      for (const [engine, how] of Object.entries(engines).filter(([name]) => !args.engines || args.engines.split(',').includes(name))) {
        for (let run = 0; run < runs; run++) {
          rows.push({ link, query, engine, run, ...(await measure(how, query, link === 'throttled')) });
          const last = rows[rows.length - 1];
          console.error(`${link}\t${engine}\t${query}\t${last.firstMs} ms\t${last.doneMs} ms\t${last.bytes} B\t${last.results} results`);
        }
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
await writeFile(args.out, JSON.stringify(rows, null, 1));
if (args.table) await writeFile(args.table, table(rows));

// The median of each measure per query, link and engine, as a Markdown table.
function table(all) {
  const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  };
  const of = (engine, link, query, key) => median(all.filter((r) => r.engine === engine && r.link === link && r.query === query).map((r) => r[key]));
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
  const lines = [
    '| query | results (ours / Pagefind) | transferred, gzip: WatchList | Pagefind | first results, loopback: WatchList | Pagefind | first results, throttled: WatchList | Pagefind | every excerpt shown, throttled: WatchList |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const query of queries) {
    lines.push(`| ${query} | ${of('watchlist', 'loopback', query, 'results')} / ${of('pagefind', 'loopback', query, 'results')} | ${kb(of('watchlist', 'loopback', query, 'bytes'))} | ${kb(of('pagefind', 'loopback', query, 'bytes'))} | ${s(of('watchlist', 'loopback', query, 'firstMs'))} | ${s(of('pagefind', 'loopback', query, 'firstMs'))} | ${s(of('watchlist', 'throttled', query, 'firstMs'))} | ${s(of('pagefind', 'throttled', query, 'firstMs'))} | ${s(of('watchlist', 'throttled', query, 'doneMs'))} |`);
  }
  const across = (engine, link, key, pick) => pick(queries.map((q) => of(engine, link, q, key)));
  const max = (v) => Math.max(...v);
  lines.push(`| **median of the queries** | | ${kb(across('watchlist', 'loopback', 'bytes', median))} | ${kb(across('pagefind', 'loopback', 'bytes', median))} | ${s(across('watchlist', 'loopback', 'firstMs', median))} | ${s(across('pagefind', 'loopback', 'firstMs', median))} | ${s(across('watchlist', 'throttled', 'firstMs', median))} | ${s(across('pagefind', 'throttled', 'firstMs', median))} | ${s(across('watchlist', 'throttled', 'doneMs', median))} |`);
  lines.push(`| **worst query** | | ${kb(across('watchlist', 'loopback', 'bytes', max))} | ${kb(across('pagefind', 'loopback', 'bytes', max))} | ${s(across('watchlist', 'loopback', 'firstMs', max))} | ${s(across('pagefind', 'loopback', 'firstMs', max))} | ${s(across('watchlist', 'throttled', 'firstMs', max))} | ${s(across('pagefind', 'throttled', 'firstMs', max))} | ${s(across('watchlist', 'throttled', 'doneMs', max))} |`);
  return lines.join('\n') + '\n';
}

async function measure(how, query, throttle) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttle) await cdp.send('Network.emulateNetworkConditions', throttled);
  const requests = new Map();
  cdp.on('Network.requestWillBeSent', (e) => requests.set(e.requestId, { url: e.request.url, type: e.type }));
  cdp.on('Network.responseReceived', (e) => { const r = requests.get(e.requestId); if (r) r.type = e.type; });
  cdp.on('Network.loadingFinished', (e) => { const r = requests.get(e.requestId); if (r) r.bytes = e.encodedDataLength; });
  // The moments the first result and the last excerpt appear, taken in the page as the DOM changes.
  await page.addInitScript(([first, done]) => {
    const times = (window.__times = {});
    new MutationObserver(() => {
      if (!times.first && document.querySelector(first)) times.first = performance.now();
      if (!times.done && document.querySelector(done)) times.done = performance.now();
    }).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  }, [how.first, how.doneInPage]);
  await page.goto(how.url(server.url, query), { waitUntil: 'commit' });
  await page.waitForSelector(how.done, { timeout: 120000, state: 'attached' });
  const { first: firstMs, done: doneMs } = await page.evaluate(() => window.__times);
  const results = await page.locator(how.first).count();
  // Let the last responses finish their accounting.
  await page.waitForTimeout(200);
  let bytes = 0;
  const files = [];
  for (const r of requests.values()) {
    // The search page itself (its HTML, style sheet, icon) is not counted; everything it fetched to search is.
    if (r.type === 'Document' || r.type === 'Stylesheet' || r.type === 'Image' || r.type === 'Font' || r.url.endsWith('.ico') || r.url.endsWith('.svg')) continue;
    bytes += r.bytes || 0;
    files.push([r.url.replace(server.url, '/'), r.bytes || 0]);
  }
  await context.close();
  return { firstMs: Math.round(firstMs ?? doneMs), doneMs: Math.round(doneMs), bytes, results, files };
}
