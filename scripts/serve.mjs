#!/usr/bin/env node
// A zero-dependency static file server for the demo and the end-to-end tests.
//
//   node scripts/serve.mjs [--host 127.0.0.1] [--port 8080]
//
// Default mounts (longest prefix wins):
//   /embed/    -> dist/                 the built widget (trunk build --release)
//   /c/        -> build/content/        compiled documents (commentary build content build/content)
//   /fixtures/ -> build/fixtures/       compiled test fixtures
//   /e2e/      -> tests/e2e/pages/      host pages of the end-to-end tests
//   /          -> demo/                 the partner demo page
//
// Every response carries `Access-Control-Allow-Origin: *` (the widget's module scripts and its
// .wasm are CORS fetches from the partner's origin) and `Cache-Control: no-cache` (a rebuilt
// widget is picked up on reload). A file `X.html` with a sibling `X.html.csp` is sent with the
// sibling's content (whitespace collapsed, `#` comment lines dropped) as its
// `Content-Security-Policy` header.
//
// As a library: `startServer({ host, port, mounts, faults })` resolves to
// `{ url, port, close(), requests(pathname) }`; `port: 0` picks a free port; `mounts` is an object
// `{ "/prefix/": "dir" }` (relative dirs are resolved against the repository root);
// `requests(pathname)` counts the requests made for that path so far.
//
// `faults: true` (the tests' servers only) adds fault injection under `/__faults/<mode>/<path>`,
// which serves `/<path>` after misbehaving as `<mode>` says:
//   delay-<ms>       answers after <ms> milliseconds
//   stall            sends the headers and half the body, then nothing more (never ends)
//   hang             never answers at all
//   fail-<n>-<key>   answers 500 to the first <n> requests made with this <key>, then the file

import { createServer } from 'node:http';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const DEFAULT_MOUNTS = Object.freeze({
  '/embed/': 'dist',
  '/c/': 'build/content',
  '/fixtures/': 'build/fixtures',
  '/e2e/': 'tests/e2e/pages',
  '/': 'demo',
});

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.csp': 'text/plain; charset=utf-8',
};

/** MIME type of a file name; unknown extensions are plain bytes. */
export function mimeType(file) {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Starts serving `mounts`; resolves once listening.
 * @param {{ host?: string, port?: number, mounts?: Record<string, string>, quiet?: boolean }} [options]
 * @returns {Promise<{ url: string, host: string, port: number, close: () => Promise<void> }>}
 */
export async function startServer({ host = '127.0.0.1', port = 0, mounts = DEFAULT_MOUNTS, quiet = true, faults = false } = {}) {
  const table = Object.entries(mounts)
    .map(([prefix, dir]) => [prefix.endsWith('/') ? prefix : `${prefix}/`, path.resolve(ROOT, dir)])
    .sort((a, b) => b[0].length - a[0].length);
  const counts = new Map();
  const failures = new Map();
  const dropped = new Map();

  const server = createServer((req, res) => {
    const counted = (req.url ?? '/').split(/[?#]/, 1)[0];
    counts.set(counted, (counts.get(counted) ?? 0) + 1);
    const fault = faults ? /^\/__faults\/([a-z0-9-]+)(\/.*)$/.exec(counted) : null;
    const served = fault ? injectFault(fault[1], req, res, { failures, dropped }) : Promise.resolve(req);
    served.then((next) => next && handle(next, res, table)).catch((err) => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', `internal error: ${err.message}\n`);
      else res.destroy();
    });
    if (!quiet) res.on('finish', () => console.log(`${res.statusCode} ${req.method} ${req.url}`));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actual = server.address().port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${actual}/`,
    host,
    port: actual,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
    requests: (pathname) => counts.get(pathname) ?? 0,
    /** How many `hang` or `stall` requests for `pathname` the client gave up (closed). */
    dropped: (pathname) => dropped.get(pathname) ?? 0,
  };
}

/**
 * Misbehaves as `mode` says (see the header); resolves to the request to serve next (its URL
 * without the `/__faults/<mode>` prefix), or `null` when the fault answered (or never will).
 */
async function injectFault(mode, req, res, { failures, dropped }) {
  const pathname = (req.url ?? '/').split(/[?#]/, 1)[0];
  if (mode === 'hang' || mode === 'stall') {
    res.on('close', () => {
      if (!res.writableFinished) dropped.set(pathname, (dropped.get(pathname) ?? 0) + 1);
    });
  }
  req.url = (req.url ?? '/').replace(/^\/__faults\/[a-z0-9-]+/, '');
  const next = req;
  let match;
  if ((match = /^delay-(\d+)$/.exec(mode))) {
    await new Promise((resolve) => setTimeout(resolve, Number(match[1])));
    return next;
  }
  if (mode === 'hang') return null;
  if ((match = /^fail-(\d+)-([a-z0-9]+)$/.exec(mode))) {
    const seen = failures.get(match[2]) ?? 0;
    failures.set(match[2], seen + 1);
    if (seen < Number(match[1])) {
      send(res, 500, 'text/plain; charset=utf-8', 'injected failure\n');
      return null;
    }
    return next;
  }
  if (mode === 'stall') {
    // Half of what the file would send, then silence; the connection stays open.
    const original = res.end.bind(res);
    res.end = (body) => {
      if (body && body.length) res.write(body.subarray(0, Math.floor(body.length / 2)));
      res.end = original;
    };
    return next;
  }
  send(res, 400, 'text/plain; charset=utf-8', `unknown fault \`${mode}\`\n`);
  return null;
}

function baseHeaders(extra = {}) {
  return {
    'Access-Control-Allow-Origin': '*',
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    ...extra,
  };
}

function send(res, status, type, body, extra = {}) {
  res.writeHead(status, baseHeaders({ 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...extra }));
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

async function handle(req, res, table) {
  if (req.method === 'OPTIONS') {
    res.writeHead(204, baseHeaders({
      'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
      'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? '*',
    }));
    return res.end();
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n', { Allow: 'GET, HEAD, OPTIONS' });
  }

  const rawPath = (req.url ?? '/').split(/[?#]/, 1)[0];
  let pathname;
  try {
    pathname = decodeURIComponent(rawPath);
  } catch {
    return send(res, 400, 'text/plain; charset=utf-8', 'bad request: malformed URL\n');
  }
  // Refuse traversal outright rather than normalising it away: `..` segments (also when
  // percent-encoded or written with backslashes), NUL bytes and non-absolute paths.
  if (!pathname.startsWith('/') || pathname.includes('\0') || pathname.split(/[\\/]/).includes('..')) {
    return send(res, 403, 'text/plain; charset=utf-8', 'forbidden\n');
  }

  // `/embed` (no trailing slash) names the mount itself: redirect so relative URLs work.
  const bare = table.find(([prefix]) => prefix !== '/' && `${pathname}/` === prefix);
  if (bare) return send(res, 301, 'text/plain; charset=utf-8', `moved to ${bare[0]}\n`, { Location: bare[0] });

  const mount = table.find(([prefix]) => pathname.startsWith(prefix));
  if (!mount) return notFound(res);
  const [prefix, dir] = mount;
  const file = path.resolve(dir, `.${path.sep}${pathname.slice(prefix.length)}`);
  if (file !== dir && !file.startsWith(dir + path.sep)) {
    return send(res, 403, 'text/plain; charset=utf-8', 'forbidden\n');
  }

  let target = file;
  let stat = await fs.stat(target).catch(() => null);
  if (stat?.isDirectory()) {
    if (!pathname.endsWith('/')) {
      const query = (req.url ?? '').slice(rawPath.length);
      return send(res, 301, 'text/plain; charset=utf-8', 'moved\n', { Location: `${rawPath}/${query}` });
    }
    target = path.join(target, 'index.html');
    stat = await fs.stat(target).catch(() => null);
  }
  if (!stat?.isFile()) return notFound(res);

  const extra = {};
  if (target.endsWith('.html')) {
    const policy = await fs.readFile(`${target}.csp`, 'utf8').catch(() => null);
    if (policy !== null) extra['Content-Security-Policy'] = cspHeaderValue(policy);
  }
  const body = await fs.readFile(target);
  res.writeHead(200, baseHeaders({
    'Content-Type': mimeType(target),
    'Content-Length': body.length,
    'Last-Modified': stat.mtime.toUTCString(),
    ...extra,
  }));
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** A `.csp` file as one header value: `#` comment lines dropped, whitespace collapsed. */
export function cspHeaderValue(text) {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('#'))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function notFound(res) {
  send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
}

function parseArgs(argv) {
  const options = { host: '127.0.0.1', port: 8080 };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const [flag, inline] = arg.split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--host') options.host = value();
    else if (flag === '--port') options.port = Number(value());
    else if (flag === '--help' || flag === '-h') {
      console.log('usage: node scripts/serve.mjs [--host 127.0.0.1] [--port 8080]');
      process.exit(0);
    } else {
      console.error(`serve: unknown argument \`${arg}\` (try --help)`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
    console.error('serve: --port needs an integer from 0 to 65535');
    process.exit(2);
  }
  return options;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { host, port } = parseArgs(process.argv.slice(2));
  const server = await startServer({ host, port, quiet: false });
  for (const [prefix, dir] of Object.entries(DEFAULT_MOUNTS)) {
    console.log(`  ${prefix.padEnd(11)} -> ${path.relative(ROOT, path.resolve(ROOT, dir)) || '.'}/`);
  }
  console.log(`serving on ${server.url}  (demo: ${server.url}, Ctrl-C to stop)`);
  const stop = () => server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
