// A tiny static server for the browser demo: examples/web/ at / and the library's browser build (dist/browser/)
// at /dist/browser/. Local development only: it binds 127.0.0.1 and serves nothing else.
// Run with `npm run demo:web` (builds first). Port: --port N (0 picks a free one), else PORT, else 5173.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WEB_ROOT = join(repo, 'examples', 'web');
const DIST_ROOT = join(repo, 'dist', 'browser');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
};

// The page must work offline: the policy forbids every origin but this one, so a stray CDN link fails loudly.
const SECURITY_HEADERS = {
  'Content-Security-Policy': "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

/**
 * Maps a request path to a file under one of the two roots, or null when the path is not servable
 * (traversal, encoded separators, NUL bytes, unknown prefix).
 */
export function resolveRequestPath(urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null; // malformed percent-encoding
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  const segments = path.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return null;
  let root = WEB_ROOT;
  let rest = path;
  if (path.startsWith('/dist/browser/')) {
    root = DIST_ROOT;
    rest = path.slice('/dist/browser'.length);
  }
  if (rest === '/' || rest === '') rest = '/index.html';
  const file = resolve(root, `.${rest}`);
  // Belt and braces: whatever the decoding did, the file must stay inside its root.
  if (!file.startsWith(root + sep)) return null;
  return file;
}

function send(res, status, body, type = 'text/plain; charset=utf-8') {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...SECURITY_HEADERS });
  res.end(body);
}

async function handle(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return send(res, 405, 'Method not allowed\n');
  }
  const file = resolveRequestPath(req.url ?? '/');
  if (file === null) return send(res, 400, 'Bad request\n');
  const type = TYPES[extname(file).toLowerCase()];
  let info;
  try {
    info = await stat(file);
  } catch {
    info = null;
  }
  if (!info?.isFile() || !type) {
    const hint = file.startsWith(DIST_ROOT) ? 'Not found (run `npm run build` to create dist/browser/)\n' : 'Not found\n';
    return send(res, 404, hint);
  }
  const body = await readFile(file);
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': body.length, ...SECURITY_HEADERS });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * Starts the server. `port` 0 picks a free port. Resolves to the URL and a close function.
 * @param {{ port?: number, host?: string }} [options]
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export function startServer({ port = 5173, host = '127.0.0.1' } = {}) {
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'Internal error\n');
      else res.destroy();
    });
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolvePromise({
        url: `http://${host}:${actual}/`,
        port: actual,
        close: () => new Promise((done) => { server.closeAllConnections(); server.close(() => done()); }),
      });
    });
  });
}

function portFromArgs(argv, env) {
  const i = argv.indexOf('--port');
  const raw = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--port='))?.slice('--port='.length) ?? env.PORT ?? '5173';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`serve-web: the port must be a whole number from 0 to 65535, got "${String(raw).slice(0, 20)}".`);
  }
  return port;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    const { url } = await startServer({ port: portFromArgs(process.argv.slice(2), process.env) });
    console.log(`resume-fit web demo: ${url}  (Ctrl+C to stop)`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}
