// `commentary watch` and the article pages in Chromium: a page served from the out-dir during a
// watch reloads itself after a save is rebuilt (showing the new text), and keeps its last good
// text through a content error; a page built by `commentary build` loads no reload script and
// never polls.
//
// Needs the release CLI (scripts/build.sh builds it); skips like the other files until it exists.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, ROOT, TEST_TIMEOUT } from './helpers.mjs';

const CLI = path.join(ROOT, 'target/release/commentary');
const missing = existsSync(CLI) ? false : `not built yet: ${path.relative(ROOT, CLI)} (scripts/build.sh)`;

/** A static server of `dir` on 127.0.0.1; records every path asked for. */
function serve(dir) {
  const requests = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    requests.push(url.pathname);
    let file = path.join(dir, decodeURIComponent(url.pathname));
    if (!file.startsWith(dir)) return res.writeHead(403).end();
    if (file.endsWith('/')) file = path.join(file, 'index.html');
    if (!existsSync(file)) return res.writeHead(404).end('not found');
    const type = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json' }[path.extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'no-store' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: server.address().port, requests })));
}

describe('commentary watch: pages reload after each rebuild', { skip: missing }, () => {
  let dir;
  let browser;
  let site;
  let watch;
  let stderr = '';
  const env = () => ({ ...process.env, COMMENTARY_CACHE_DIR: path.join(dir, 'cache') });
  const en = () => path.join(dir, 'content/2026-36/en.md');
  const page = () => `http://127.0.0.1:${site.port}/c/2026-36/en/`;

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'commentary-watch-'));
    cpSync(path.join(ROOT, 'content/2026-36'), path.join(dir, 'content/2026-36'), { recursive: true });
    site = await serve(dir);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
  });
  after(async () => {
    watch?.kill();
    await browser?.close();
    site?.server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a page open during a watch shows each saved change by itself, and its last good text through an error', { timeout: TEST_TIMEOUT }, async () => {
    watch = spawn(CLI, ['watch', 'content', 'c'], { cwd: dir, env: env(), stdio: ['ignore', 'ignore', 'pipe'] });
    watch.stderr.on('data', (d) => (stderr += d));
    const stamp = path.join(dir, 'c/.watch.json');
    const start = Date.now();
    while (!existsSync(stamp)) {
      assert.ok(Date.now() - start < 30_000, `the first build: ${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const tab = await browser.newPage();
    // The widget is not served here: the page shows its fallback article, which is the point.
    await tab.goto(page());
    const heading = () => tab.locator('h1').first().textContent();
    assert.match(await heading(), /^The Solidarity Among Turkic States/);
    const original = readFileSync(en(), 'utf8');
    let loads = 0;
    tab.on('load', () => (loads += 1));

    writeFileSync(en(), original.replace(/^title = ".*"$/m, 'title = "Saved While Watching"'));
    await tab.waitForFunction(() => document.querySelector('h1')?.textContent === 'Saved While Watching', null, { timeout: 10_000 });
    assert.ok(loads >= 1, 'the page reloaded itself');

    // An error: the watch goes on, the page keeps (and reloads to) the last good text.
    writeFileSync(en(), '+++\ntitle = "Broken"\n+++\nText[^nope].\n');
    const errorAt = Date.now();
    while (!stderr.includes('footnote `nope` is never defined')) {
      assert.ok(Date.now() - errorAt < 10_000, `the error is printed: ${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(watch.exitCode, null, 'the watch is still running');
    await new Promise((r) => setTimeout(r, 1200));
    assert.equal(await heading(), 'Saved While Watching');

    writeFileSync(en(), original.replace(/^title = ".*"$/m, 'title = "Fixed Again"'));
    await tab.waitForFunction(() => document.querySelector('h1')?.textContent === 'Fixed Again', null, { timeout: 10_000 });
    await tab.close();
    watch.kill();
    writeFileSync(en(), original);
  });

  test('a page built by `commentary build` loads no reload script and never polls', { timeout: TEST_TIMEOUT }, async () => {
    const run = spawnSync(CLI, ['build', 'content', 'c'], { cwd: dir, env: env(), encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const html = readFileSync(path.join(dir, 'c/2026-36/en/index.html'), 'utf8');
    assert.ok(!html.includes('.watch'), 'no reload tag');
    const tab = await browser.newPage();
    site.requests.length = 0;
    await tab.goto(page());
    writeFileSync(path.join(dir, 'c/.watch.json'), '{"build":999}\n');
    await new Promise((r) => setTimeout(r, 1500));
    assert.deepEqual(site.requests.filter((p) => p.includes('.watch')), [], 'nothing polled');
    assert.match(await tab.locator('h1').first().textContent(), /^The Solidarity Among Turkic States/);
    await tab.close();
  });
});
