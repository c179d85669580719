// The sample deployment: Debian's nginx runs deploy/nginx/commentary-embed.conf (the very file a
// publisher copies, placeholders filled in) on a loopback port, serving build/site/. Checked over
// HTTP: content types, CORS, Cache-Control per path class, revalidation, compression, errors. Then
// in Chromium: a partner page on another origin (scripts/serve.mjs) under a strict CSP loads the
// pinned release with SRI, and the moving loader, from nginx at http://cdn.test (mapped with
// --host-resolver-rules); and nginx's own article page upgrades to the widget.
//
// Skips like the other files until the build has run; fails when nginx is missing (set-up
// installs it).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import { FRAME, LOADER, crateVersion, releaseDir } from '../../scripts/release.mjs';
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  ROOT,
  TEST_TIMEOUT,
  expectationsFrom,
  missingBuild,
  openPage,
  pageLog,
  readContent,
  squash,
  waitForEvent,
  waitForWidget,
} from './helpers.mjs';

const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
const TEMPLATE = path.join(ROOT, 'deploy/nginx/commentary-embed.conf');
const SITE = path.resolve(ROOT, process.env.E2E_SITE ?? 'build/site');
const VERSION = crateVersion();
const RELEASE = `/embed/${releaseDir(VERSION)}/`;
const SRI = path.join(SITE, `embed/${releaseDir(VERSION)}/sri.json`);

const IMMUTABLE = 'public, max-age=31536000, immutable';
const SHORT = 'public, max-age=300';
const TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
};

const en = expectationsFrom(readContent('2026-36/en.md'));

function missingSite() {
  const build = missingBuild();
  if (build) return build;
  const missing = [path.join(SITE, 'embed', LOADER), SRI, path.join(SITE, 'c/2026-36.json')].filter((f) => !existsSync(f));
  return missing.length ? `not built yet: ${missing.map((f) => path.relative(ROOT, f)).join(', ')} (node scripts/release.mjs)` : false;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** One HTTP request to nginx, nothing decoded: `{ status, headers, body }`. */
function http(port, pathname, { method = 'GET', headers = {}, host = 'cdn.test' } = {}) {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: pathname, method, headers: { Host: host, ...headers }, agent: false },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** The sample config with its placeholders filled in, inside a minimal main config of our own. */
function writeConfig(dir, port) {
  const site = readFileSync(TEMPLATE, 'utf8')
    .replaceAll('@LISTEN@', `127.0.0.1:${port}`)
    .replaceAll('@SERVER_NAME@', 'cdn.test')
    .replaceAll('@ROOT@', SITE);
  const left = site.split('\n').filter((line) => !line.trim().startsWith('#') && /@[A-Z_]+@/.test(line));
  assert.deepEqual(left, [], 'every placeholder of the sample config is filled in');
  writeFileSync(path.join(dir, 'commentary-embed.conf'), site);
  // What Debian's /etc/nginx/nginx.conf provides around conf.d/ (module, http block), with every
  // writable path in the temporary folder so that the test needs no system paths.
  const main = [
    existsSync(BROTLI_MODULE) ? `load_module ${BROTLI_MODULE};` : '# (brotli_static module missing)',
    // As root, nginx would run its worker as `nobody`, which cannot read a checkout under /root.
    process.getuid?.() === 0 ? 'user root;' : '',
    'worker_processes 1;',
    `pid ${dir}/nginx.pid;`,
    `error_log ${dir}/error.log warn;`,
    'events { worker_connections 256; }',
    'http {',
    // The format Debian's nginx.conf logs in, and `commentary reach` reads.
    `  access_log ${dir}/access.log combined;`,
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${dir}/${t};`),
    '  sendfile on;',
    `  include ${dir}/commentary-embed.conf;`,
    '}',
    '',
  ].join('\n');
  const file = path.join(dir, 'nginx.conf');
  writeFileSync(file, main);
  return file;
}

async function startNginx() {
  if (!existsSync(NGINX)) throw new Error(`${NGINX} is missing: scripts/setup.sh installs Debian's nginx`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'commentary-nginx-'));
  const errorLog = path.join(dir, 'error.log');
  const logs = () => (existsSync(errorLog) ? readFileSync(errorLog, 'utf8').trim() : '');
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort();
    const conf = writeConfig(dir, port);
    const args = ['-p', dir, '-c', conf, '-e', errorLog];
    const check = spawnSync(NGINX, [...args, '-t'], { encoding: 'utf8' });
    if (check.status !== 0) throw new Error(`nginx -t refuses the sample config:\n${check.stderr}`);
    const child = spawn(NGINX, [...args, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    let ready = false;
    for (let i = 0; i < 100 && child.exitCode === null; i += 1) {
      ready = await http(port, `/embed/${LOADER}`).then((r) => r.status === 200, () => false);
      if (ready) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    if (ready) {
      return {
        port,
        dir,
        accessLog: () => readFileSync(path.join(dir, 'access.log'), 'utf8'),
        stop: async () => {
          if (child.exitCode === null) {
            child.kill('SIGQUIT'); // graceful: the master ends its worker and removes its pid file
            const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
            await exited;
            clearTimeout(timer);
          }
          rmSync(dir, { recursive: true, force: true });
        },
      };
    }
    if (child.exitCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
    // Another process may have taken the port between the probe and nginx's bind: try again.
    if (attempt < 3 && /Address already in use/.test(stderr + logs())) continue;
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`nginx did not start:\n${stderr}\n${logs()}`);
  }
}

const sha384 = (body) => `sha384-${createHash('sha384').update(body).digest('base64')}`;

function assertCommon(res, what) {
  assert.equal(res.headers['access-control-allow-origin'], '*', `${what}: Access-Control-Allow-Origin`);
  assert.equal(res.headers['cross-origin-resource-policy'], 'cross-origin', `${what}: Cross-Origin-Resource-Policy`);
  assert.equal(res.headers['x-content-type-options'], 'nosniff', `${what}: X-Content-Type-Options`);
}

describe('deployment on nginx (deploy/nginx/commentary-embed.conf)', { skip: missingSite() }, () => {
  let nginx;
  let hashes;
  before(async () => {
    nginx = await startNginx();
    hashes = JSON.parse(readFileSync(SRI, 'utf8'));
  }, { timeout: TEST_TIMEOUT });
  after(() => nginx?.stop());

  test('a release: its files with their types, CORS, immutable caching, the bytes sri.json pins', async () => {
    const names = Object.keys(hashes);
    assert.deepEqual([...names].sort(), ['commentary-embed-widget.js', 'commentary-embed-widget_bg.wasm', 'commentary-embed.css', FRAME, LOADER].sort());
    for (const name of names) {
      const res = await http(nginx.port, RELEASE + name, { headers: { 'Accept-Encoding': 'identity' } });
      assert.equal(res.status, 200, name);
      assert.equal(res.headers['content-type'], TYPES[path.extname(name)], `${name}: Content-Type`);
      assert.equal(res.headers['cache-control'], IMMUTABLE, `${name}: Cache-Control`);
      assertCommon(res, name);
      assert.equal(res.headers['content-encoding'], undefined, `${name}: identity asked, identity sent`);
      assert.equal(sha384(res.body), hashes[name], `${name}: the served bytes are the ones sri.json pins`);
      assert.ok(res.body.equals(readFileSync(path.join(ROOT, 'dist', name))), `${name}: a copy of dist/${name}`);
      assert.ok(res.headers.etag, `${name}: an ETag`);
    }
    const sri = await http(nginx.port, `${RELEASE}sri.json`);
    assert.equal(sri.status, 200);
    assert.equal(sri.headers['cache-control'], IMMUTABLE);
  });

  test('the moving loader, the documents and the article pages: five minutes, then an ETag revalidation', async () => {
    const loader = await http(nginx.port, `/embed/${LOADER}`, { headers: { 'Accept-Encoding': 'identity' } });
    assert.equal(loader.status, 200);
    assert.equal(loader.headers['content-type'], TYPES['.js']);
    assert.equal(loader.headers['cache-control'], SHORT);
    assertCommon(loader, 'the moving loader');
    assert.match(loader.body.toString(), new RegExp(`^import "\\./${releaseDir(VERSION).replaceAll('.', '\\.')}/${LOADER}";$`, 'm'));

    const doc = await http(nginx.port, '/c/2026-36.json', { headers: { 'Accept-Encoding': 'identity' } });
    assert.equal(doc.status, 200);
    assert.equal(doc.headers['content-type'], TYPES['.json']);
    assert.equal(doc.headers['cache-control'], SHORT);
    assertCommon(doc, 'the document');
    assert.ok(doc.body.equals(readFileSync(path.join(ROOT, 'build/content/2026-36.json'))), 'the compiled document as built');

    for (const [pathname, cache] of [['/c/2026-36.json', SHORT], [`/embed/${LOADER}`, SHORT], [`${RELEASE}commentary-embed-widget_bg.wasm`, IMMUTABLE]]) {
      const first = await http(nginx.port, pathname, { headers: { 'Accept-Encoding': 'br' } });
      const again = await http(nginx.port, pathname, { headers: { 'Accept-Encoding': 'br', 'If-None-Match': first.headers.etag } });
      assert.equal(again.status, 304, `${pathname}: the same ETag gets 304 Not Modified`);
      assert.equal(again.body.length, 0);
      assert.equal(again.headers['cache-control'], cache, `${pathname}: a 304 renews the same policy`);
      assertCommon(again, `${pathname} (304)`);
    }

    const page = await http(nginx.port, '/c/2026-36/en/');
    assert.equal(page.status, 200);
    assert.equal(page.headers['content-type'], TYPES['.html']);
    assert.equal(page.headers['cache-control'], SHORT);
    // Pages partners do not frame carry no frame policy of ours; embed pages allow any framer,
    // and nothing forbids the frame (X-Frame-Options).
    assert.equal(page.headers['content-security-policy'], undefined);
    assert.equal(page.headers['x-frame-options'], undefined);
    const embed = await http(nginx.port, '/c/2026-36/en/embed/');
    assert.equal(embed.status, 200);
    assert.equal(embed.headers['content-type'], TYPES['.html']);
    assert.equal(embed.headers['cache-control'], SHORT);
    assert.equal(embed.headers['content-security-policy'], 'frame-ancestors *');
    assert.equal(embed.headers['x-frame-options'], undefined);
    assertCommon(embed, 'the embed page');
    const frame = await http(nginx.port, `/embed/${FRAME}`, { headers: { 'Accept-Encoding': 'identity' } });
    assert.equal(frame.status, 200);
    assert.equal(frame.headers['cache-control'], SHORT);
    assert.match(frame.body.toString(), new RegExp(`^import "\\./${releaseDir(VERSION).replaceAll('.', '\\.')}/${FRAME}";$`, 'm'));
    const bare = await http(nginx.port, '/c/2026-36/en');
    assert.equal(bare.status, 301, 'a version folder without its slash is redirected');
    assert.equal(bare.headers.location, '/c/2026-36/en/', 'relative Location, right behind any proxy');
    assert.equal(bare.headers['cache-control'], 'no-store');
  });

  test('compression: precompressed brotli and gzip by Accept-Encoding, Vary, the same bytes decoded', async () => {
    for (const pathname of [`${RELEASE}commentary-embed-widget_bg.wasm`, `${RELEASE}commentary-embed-widget.js`, '/c/2026-36.json']) {
      const plain = await http(nginx.port, pathname, { headers: { 'Accept-Encoding': 'identity' } });
      const br = await http(nginx.port, pathname, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
      const gz = await http(nginx.port, pathname, { headers: { 'Accept-Encoding': 'gzip, deflate' } });
      const none = await http(nginx.port, pathname);
      assert.equal(br.headers['content-encoding'], 'br', `${pathname}: brotli when accepted`);
      assert.equal(gz.headers['content-encoding'], 'gzip', `${pathname}: gzip when brotli is not accepted`);
      assert.equal(none.headers['content-encoding'], undefined, `${pathname}: no Accept-Encoding, no encoding`);
      for (const res of [br, gz, plain]) assert.match(res.headers.vary ?? '', /Accept-Encoding/i, `${pathname}: Vary`);
      assert.ok(brotliDecompressSync(br.body).equals(plain.body), `${pathname}: brotli decodes to the file`);
      assert.ok(gunzipSync(gz.body).equals(plain.body), `${pathname}: gzip decodes to the file`);
      assert.ok(br.body.length < gz.body.length && gz.body.length < plain.body.length, `${pathname}: br < gzip < raw`);
      assert.equal(br.headers['content-type'], plain.headers['content-type'], `${pathname}: the type of the original`);
      assert.notEqual(br.headers.etag, gz.headers.etag, `${pathname}: each encoding its own ETag`);
    }
  });

  test('errors: a plain-text 404 with CORS and no-store; no listings, no copies by name, nothing else published', async () => {
    for (const pathname of [
      `${RELEASE}nope.js`,
      RELEASE,
      '/embed/',
      `${RELEASE}commentary-embed.js.br`,
      `${RELEASE}commentary-embed-widget_bg.wasm.gz`,
      '/embed/v0.0.0-missing/commentary-embed.js',
      '/c/nope.json',
      '/',
      '/index.html',
      '/c/%2e%2e/c/2026-36.json.gz',
    ]) {
      const res = await http(nginx.port, pathname);
      assert.equal(res.status, 404, `${pathname}: 404`);
      assert.equal(res.headers['content-type'], 'text/plain; charset=utf-8', `${pathname}: plain text`);
      assert.equal(res.body.toString(), 'not found\n', pathname);
      assert.equal(res.headers['cache-control'], 'no-store', `${pathname}: never cached`);
      assertCommon(res, pathname);
    }
    const preflight = await http(nginx.port, '/c/2026-36.json', {
      method: 'OPTIONS',
      headers: { Origin: 'http://partner.example', 'Access-Control-Request-Method': 'GET' },
    });
    assert.equal(preflight.status, 204, 'a CORS preflight is answered');
    assert.equal(preflight.headers['access-control-allow-origin'], '*');
    assert.equal(preflight.headers['access-control-allow-methods'], 'GET, HEAD, OPTIONS');
    const get = await http(nginx.port, '/c/2026-36.json');
    assert.equal(get.headers['access-control-allow-methods'], undefined, 'preflight headers only on preflights');
  });

  test("`commentary reach` counts nginx's own access log (combined format, plain and gzip), and keeps nothing about readers", async () => {
    const cli = path.join(ROOT, 'target/release/commentary');
    assert.ok(existsSync(cli), `${cli} is missing: scripts/build.sh builds it`);
    const agent = 'Mozilla/5.0 (ReachTest; reader-secret)';
    const get = (pathname, referer) => http(nginx.port, pathname, { headers: { Referer: referer, 'User-Agent': agent } });
    const seen = nginx.accessLog().length;
    const a = 'https://partner-a.test';
    const b = 'http://partner-b.test:8080';
    for (const [pathname, referer, status] of [
      ['/c/2026-36.json', `${a}/news/reader-secret-path?utm_source=x`, 200],
      ['/c/2026-36.json', `${a}/other/page`, 200],
      ['/c/2026-36.json', `${b}/blog/post-1`, 200],
      ['/c/2026-36/en/', `${a}/news/reader-secret-path`, 200],
      ['/c/2026-36/tr/', `${b}/blog/post-1`, 200],
      ['/c/2026-36/en/oembed.json', `${a}/x`, 200],
      ['/c/nope.json', `${a}/x`, 404],
    ]) {
      assert.equal((await get(pathname, referer)).status, status, pathname);
    }
    // The framed embed page, once `build` writes it (contract §4): counted when served.
    const embed = await get('/c/2026-36/tr/embed/', `${b}/blog/post-1`);
    const lines = nginx.accessLog().slice(seen);
    assert.equal(lines.trim().split('\n').length, 8, 'nginx logged each request');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'commentary-reach-'));
    try {
      writeFileSync(path.join(dir, 'access.log'), `${lines}not a log line\n`);
      writeFileSync(path.join(dir, 'access.log.1.gz'), gzipSync(lines));
      const run = spawnSync(cli, ['reach', '--json', 'access.log', 'access.log.1.gz'], { cwd: dir, encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      const report = JSON.parse(run.stdout);
      assert.equal(report.lines, 17);
      assert.equal(report.malformed, 1);
      const [commentary, ...others] = report.commentaries;
      assert.equal(commentary.id, '2026-36');
      assert.deepEqual(others, [], 'only the seed was asked for');
      const today = new Date().toISOString().slice(0, 10);
      const byOrigin = Object.fromEntries(commentary.origins.map((o) => [o.origin, o.days]));
      assert.deepEqual(byOrigin[a], [{ day: today, documents: 4, articles: 2, embeds: 0 }]);
      assert.deepEqual(byOrigin[b], [{ day: today, documents: 2, articles: 2, embeds: embed.status === 200 ? 2 : 0 }]);
      for (const secret of ['127.0.0.1', 'reader-secret', 'utm_source', 'post-1', 'ReachTest', 'Mozilla']) {
        assert.ok(!run.stdout.includes(secret) && !run.stderr.includes(secret), `${secret} is not printed`);
      }
      const table = spawnSync(cli, ['reach', 'access.log'], { cwd: dir, encoding: 'utf8' });
      assert.equal(table.status, 0, table.stderr);
      assert.match(table.stdout, /^commentary +origin +day +documents +articles +embeds\n/);
      assert.match(table.stdout, new RegExp(`2026-36 +https://partner-a\\.test +${today} +2 +1 +0\\n`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('in Chromium: a partner page on another origin, the widget from nginx', () => {
    let host;
    let browser;
    let pages;
    before(async () => {
      // The partner's pages, on http://localhost:<port>, with the strict CSP of the README.
      pages = mkdtempSync(path.join(os.tmpdir(), 'commentary-partner-'));
      const page = (src, integrity) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner</title>
<script type="module" src="${src}"${integrity ? ` integrity="${integrity}" crossorigin="anonymous"` : ''}></script>
</head><body><commentary-embed id="seed" src="http://cdn.test/c/2026-36.json" lang="en"><a id="fallback" href="https://publisher.example/">Read it</a></commentary-embed></body></html>`;
      const csp = "default-src 'none'; script-src http://cdn.test 'wasm-unsafe-eval'; style-src http://cdn.test; connect-src http://cdn.test; base-uri 'none'";
      writeFileSync(path.join(pages, 'pinned.html'), page(`http://cdn.test${RELEASE}${LOADER}`, hashes[LOADER]));
      writeFileSync(path.join(pages, 'latest.html'), page(`http://cdn.test/embed/${LOADER}`));
      for (const name of ['pinned.html', 'latest.html']) writeFileSync(path.join(pages, `${name}.csp`), csp);
      host = await startServer({ host: '127.0.0.1', port: 0, mounts: { '/': pages } });
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP cdn.test 127.0.0.1:${nginx.port}`],
      });
    }, { timeout: TEST_TIMEOUT });
    after(async () => {
      await browser?.close().catch(() => {});
      await host?.close();
      if (pages) rmSync(pages, { recursive: true, force: true });
    });

    // Opens `url`, recording every response from http://cdn.test (nginx) in `page.fromCdn`.
    function visit(url) {
      return openPage({ browser }, url, {
        beforeGoto: async (page) => {
          page.fromCdn = [];
          page.on('response', (res) => {
            if (res.url().startsWith('http://cdn.test/')) page.fromCdn.push({ path: new URL(res.url()).pathname, status: res.status(), headers: res.headers() });
          });
        },
      });
    }

    async function assertSeed(page) {
      assert.equal(await waitForWidget(page, '#seed'), 'ready', `the seed renders${pageLog(page)}`);
      const title = await page.evaluate(() => document.getElementById('seed').shadowRoot.querySelector('[part~="title"]')?.textContent);
      assert.equal(squash(title), en.title);
      const ready = await waitForEvent(page, 'commentary-ready', 'seed');
      assert.deepEqual(ready.map((e) => e.detail), [{ id: '2026-36', lang: 'en' }], pageLog(page));
      assert.deepEqual(page.log.filter((l) => !/favicon/.test(l)), [], 'no console error, failed request or CSP violation');
    }

    test('the pinned release with SRI, under a strict CSP: the seed renders, every file from the release', { timeout: TEST_TIMEOUT }, async () => {
      const page = await visit(`http://localhost:${host.port}/pinned.html`);
      try {
        await assertSeed(page);
        const paths = page.fromCdn.map((r) => r.path).sort();
        // Everything of the release but the embed pages' frame script.
        for (const name of Object.keys(hashes).filter((n) => n !== FRAME)) assert.ok(paths.includes(RELEASE + name), `${RELEASE}${name} requested: ${paths}`);
        assert.ok(!paths.includes(`/embed/${LOADER}`), 'the moving loader is not involved');
        const wasm = page.fromCdn.find((r) => r.path.endsWith('.wasm'));
        assert.equal(wasm.headers['content-type'], 'application/wasm');
        assert.equal(wasm.headers['cache-control'], IMMUTABLE);
        assert.match(wasm.headers['content-encoding'] ?? '', /^(br|gzip)$/, 'the wasm travels compressed');
      } finally {
        await page.closeAll();
      }
    });

    test('the moving loader loads the same release', { timeout: TEST_TIMEOUT }, async () => {
      const page = await visit(`http://localhost:${host.port}/latest.html`);
      try {
        await assertSeed(page);
        const paths = page.fromCdn.map((r) => r.path);
        assert.ok(paths.includes(`/embed/${LOADER}`), `the moving loader requested: ${paths}`);
        for (const name of Object.keys(hashes).filter((n) => n !== FRAME)) assert.ok(paths.includes(RELEASE + name), `${RELEASE}${name} requested: ${paths}`);
        const outside = paths.filter((p) => p.startsWith('/embed/') && p !== `/embed/${LOADER}` && !p.startsWith(RELEASE));
        assert.deepEqual(outside, [], 'nothing but the moving loader outside the release');
      } finally {
        await page.closeAll();
      }
    });

    test('a second visit takes the release and the document from the browser cache', { timeout: TEST_TIMEOUT }, async () => {
      const page = await visit(`http://localhost:${host.port}/pinned.html`);
      try {
        await assertSeed(page);
        const log = nginx.accessLog();
        assert.match(log, /GET \/embed\/v[^ ]+_bg\.wasm /, 'the first visit fetched the wasm from nginx');
        const seen = log.length;
        // A new navigation in the same context (not a reload, which revalidates).
        await page.goto(`http://localhost:${host.port}/pinned.html?again`, { waitUntil: 'load' });
        assert.equal(await waitForWidget(page, '#seed'), 'ready', pageLog(page));
        const requests = nginx.accessLog().slice(seen).split('\n').filter(Boolean);
        assert.deepEqual(requests, [], 'no request reached nginx on the second visit');
      } finally {
        await page.closeAll();
      }
    });

    test("nginx's article page upgrades to the widget through its relative loader URL", { timeout: TEST_TIMEOUT }, async () => {
      const page = await visit('http://cdn.test/c/2026-36/en/');
      try {
        assert.equal(page.response.headers()['cache-control'], SHORT);
        assert.equal(await waitForWidget(page, 'commentary-embed'), 'ready', pageLog(page));
        const paths = page.fromCdn.map((r) => r.path);
        assert.ok(paths.includes(`/embed/${LOADER}`) && paths.includes(`${RELEASE}commentary-embed-widget_bg.wasm`), `${paths}`);
      } finally {
        await page.closeAll();
      }
    });
  });
});
