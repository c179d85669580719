// scripts/serve.mjs, the static server of the demo and of these tests. Needs no build.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT, startServer } from '../../scripts/serve.mjs';

/** A raw GET whose path is sent exactly as written (fetch would normalise `..` away). */
function rawGet(base, rawPath) {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('scripts/serve.mjs', () => {
  let dir;
  let server;
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'serve-test-'));
    const files = {
      'site/index.html': '<!doctype html><title>home</title>',
      'site/page.html': '<!doctype html><title>page</title>',
      'site/page.html.csp': "# a comment line\ndefault-src 'none';\n  script-src 'self'\n",
      'site/plain.html': '<!doctype html><title>plain</title>',
      'site/sub/index.html': '<!doctype html><title>sub</title>',
      'site/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
      'site/secret-sibling.txt': 'inside',
      'embed/commentary-embed.js': 'export {};',
      'embed/commentary-embed_bg.wasm': '\0asm\x01\0\0\0',
      'embed/commentary-embed.css': ':host{}',
      'docs/doc.json': '{"schema":1}',
      'outside.txt': 'must never be served',
    };
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), content);
    }
    server = await startServer({
      port: 0,
      mounts: { '/': path.join(dir, 'site'), '/embed/': path.join(dir, 'embed'), '/c/': path.join(dir, 'docs') },
    });
  });
  after(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('port 0 picks a free port and the url names it', () => {
    assert.ok(server.port > 0);
    assert.equal(server.url, `http://127.0.0.1:${server.port}/`);
  });

  test('MIME types', async () => {
    const expected = {
      'embed/commentary-embed_bg.wasm': 'application/wasm',
      'embed/commentary-embed.js': 'text/javascript',
      'embed/commentary-embed.css': 'text/css',
      'c/doc.json': 'application/json',
      'page.html': 'text/html; charset=utf-8',
      'logo.svg': 'image/svg+xml',
    };
    for (const [file, type] of Object.entries(expected)) {
      const res = await fetch(new URL(file, server.url));
      assert.equal(res.status, 200, file);
      const got = res.headers.get('content-type');
      assert.ok(got === type || got.startsWith(`${type};`), `${file}: ${got}`);
    }
  });

  test('CORS and no-cache on every response, including errors', async () => {
    for (const file of ['embed/commentary-embed.js', 'c/doc.json', 'page.html', 'nope.json']) {
      const res = await fetch(new URL(file, server.url), { headers: { Origin: 'http://partner.example' } });
      assert.equal(res.headers.get('access-control-allow-origin'), '*', file);
      assert.equal(res.headers.get('cache-control'), 'no-cache', file);
    }
  });

  test('index.html for directories, a redirect to add the slash', async () => {
    assert.match(await (await fetch(server.url)).text(), /<title>home/);
    assert.match(await (await fetch(new URL('sub/', server.url))).text(), /<title>sub/);
    const bare = await fetch(new URL('sub', server.url), { redirect: 'manual' });
    assert.equal(bare.status, 301);
    assert.equal(bare.headers.get('location'), '/sub/');
    const mount = await fetch(new URL('embed', server.url), { redirect: 'manual' });
    assert.equal(mount.status, 301);
    assert.equal(mount.headers.get('location'), '/embed/');
  });

  test('404 for anything missing', async () => {
    for (const file of ['nope.html', 'embed/nope.wasm', 'c/', 'c/missing.json', 'sub/nope/']) {
      assert.equal((await fetch(new URL(file, server.url))).status, 404, file);
    }
  });

  test('a sibling X.html.csp becomes the Content-Security-Policy header', async () => {
    const res = await fetch(new URL('page.html', server.url));
    assert.equal(res.headers.get('content-security-policy'), "default-src 'none'; script-src 'self'");
    const plain = await fetch(new URL('plain.html', server.url));
    assert.equal(plain.headers.get('content-security-policy'), null);
  });

  test('path traversal is refused', async () => {
    const attempts = [
      '/../outside.txt',
      '/embed/../../outside.txt',
      '/%2e%2e/outside.txt',
      '/embed/%2e%2e%2f%2e%2e%2foutside.txt',
      '/embed/..%5c..%5coutside.txt',
      '/c/..%2F..%2Foutside.txt',
      '/%00../outside.txt',
      '//etc/passwd',
    ];
    for (const attempt of attempts) {
      const res = await rawGet(server.url, attempt);
      assert.ok([400, 403, 404].includes(res.status), `${attempt}: ${res.status}`);
      assert.doesNotMatch(res.body, /must never be served|root:/, attempt);
    }
  });

  test('HEAD works and other methods are refused', async () => {
    const head = await fetch(new URL('c/doc.json', server.url), { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('content-length'), '12');
    const post = await fetch(new URL('c/doc.json', server.url), { method: 'POST', body: 'x' });
    assert.equal(post.status, 405);
  });
});

describe('scripts/serve.mjs default mounts and CLI', () => {
  test('the CLI prints its URL and serves the demo and the e2e pages', { timeout: 20_000 }, async () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'serve.mjs'), '--host', '127.0.0.1', '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk) => {
          out += chunk;
          const match = /serving on (http:\/\/\S+\/)/.exec(out);
          if (match) resolve(match[1]);
        });
        child.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}: ${out}`)));
      });
      const demo = await fetch(url);
      assert.equal(demo.status, 200);
      assert.match(demo.headers.get('content-type'), /^text\/html/);
      assert.match(await demo.text(), /<commentary-embed src="\/c\/2026-36\.json" lang="en" embed-code>/);
      const csp = await fetch(new URL('e2e/csp.html', url));
      assert.match(csp.headers.get('content-security-policy') ?? '', /^default-src 'none'; script-src 'self' http:\/\/cdn\.test 'wasm-unsafe-eval';/);
      const json = await fetch(new URL('e2e/unknown-schema.json', url));
      assert.match(json.headers.get('content-type'), /^application\/json/);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
