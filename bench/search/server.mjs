// A static server for a built site on 127.0.0.1 (a free port), under a sub-path as on GitHub Pages,
// compressing as GitHub Pages does: gzip for text types (HTML, CSS, JavaScript, JSON, XML, SVG, text),
// when the browser accepts it; other types (binary index files, WebAssembly) go as they are.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.mjs': 'application/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};
const compressed = /^(text\/|application\/(javascript|json|xml)|image\/svg)/;

export async function serve(root, basePath = '/') {
  root = resolve(root);
  const cache = new Map();
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    if (!path.startsWith(basePath)) return end(response, 404);
    let file = resolve(join(root, path.slice(basePath.length)));
    if (file !== root && !file.startsWith(root + sep)) return end(response, 404);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const type = types[extname(file)] || 'application/octet-stream';
      const gzip = compressed.test(type) && /\bgzip\b/.test(request.headers['accept-encoding'] || '');
      const key = `${file}|${gzip}`;
      if (!cache.has(key)) {
        const body = await readFile(file);
        cache.set(key, gzip ? gzipSync(body, { level: 6 }) : body);
      }
      const body = cache.get(key);
      response.writeHead(200, {
        'content-type': type,
        'content-length': body.length,
        'cache-control': 'max-age=600',
        ...(gzip ? { 'content-encoding': 'gzip', vary: 'Accept-Encoding' } : {}),
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch {
      end(response, 404);
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${server.address().port}${basePath}`, close: () => new Promise((done) => server.close(done)) };
}

function end(response, status) {
  response.writeHead(status, { 'content-type': 'text/plain' });
  response.end(String(status));
}

// node server.mjs SITE [BASE_PATH]: serves until stopped, for trying a site by hand.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { url } = await serve(process.argv[2], process.argv[3] || '/');
  console.log(url);
}
