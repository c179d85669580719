#!/usr/bin/env node
// The benchmark: the widget against what a partner would use instead (the article as static HTML
// with littlefoot and Shariff from npm), measured in one run, both pages alike. Run through
// scripts/bench.sh, which installs bench/package-lock.json first. Writes BENCHMARKS.md (only the
// part between its `bench:begin`/`bench:end` markers, and one row appended to its history).
//
//   node scripts/bench.mjs [--runs 5] [--lighthouse-runs 5] [--memory-runs 3] [--no-lighthouse]
//                          [--out BENCHMARKS.md] [--json build/bench/results.json]
//
// Nothing here asserts a speed: the numbers are reported, never compared with limits.

import { execFileSync, spawn } from 'node:child_process';
import { existsSync, promises as fs, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';
import { ROOT, startServer } from './serve.mjs';
import { baselinePage, widgetPage } from '../bench/pages.mjs';

const BENCH = path.join(ROOT, 'bench');
const PAGES_DIR = path.join(ROOT, 'build', 'bench');
const DOC_FILE = path.join(ROOT, 'build', 'content', '2026-36.json');
const LIGHTHOUSE_CLI = path.join(BENCH, 'node_modules', 'lighthouse', 'cli', 'index.js');
const VIEWPORT = { width: 1280, height: 800 };
// Lighthouse 12's default mobile emulation (moto g power): the width the mobile hint is measured at.
const LIGHTHOUSE_VIEWPORT = { width: 412, height: 823 };
const MANY = 50;

function parseArgs(argv) {
  const o = { runs: 5, lighthouseRuns: 5, memoryRuns: 3, lighthouse: true, out: 'BENCHMARKS.md', json: 'build/bench/results.json' };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--runs') o.runs = Number(value());
    else if (flag === '--lighthouse-runs') o.lighthouseRuns = Number(value());
    else if (flag === '--memory-runs') o.memoryRuns = Number(value());
    else if (flag === '--no-lighthouse') o.lighthouse = false;
    else if (flag === '--out') o.out = value();
    else if (flag === '--json') o.json = value();
    else {
      console.error(`bench: unknown argument ${argv[i]}`);
      process.exit(2);
    }
  }
  return o;
}

const log = (...a) => console.log('\x1b[1mbench:\x1b[0m', ...a);

// ---------------------------------------------------------------------------------------------
// Statistics and formatting

function median(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}
const group = (n) => Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const ms = (n) => (Number.isFinite(n) ? `${n.toFixed(0)} ms` : 'n/a');
const mb = (n) => (Number.isFinite(n) ? `${(n / 1048576).toFixed(2)} MiB` : 'n/a');
const ratio = (a, b) => {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return 'n/a';
  if (b === 0) return a === 0 ? '—' : 'n/a (baseline 0)';
  return `${(a / b).toFixed(2)}×`;
};
const spread = (values, fmt) => {
  const v = values.filter((x) => Number.isFinite(x));
  return v.length ? `${fmt(Math.min(...v))}–${fmt(Math.max(...v))}` : 'n/a';
};

// ---------------------------------------------------------------------------------------------
// The machine

function machine() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  let chromiumVersion = 'unknown';
  try {
    chromiumVersion = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch { /* reported as unknown */ }
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'public', 'styles', 'Cargo.toml', 'Cargo.lock'], { cwd: ROOT, encoding: 'utf8' }).trim();
    if (dirty) commit += ' (widget sources modified)';
  } catch { /* not a git checkout */ }
  const pkg = (name) => JSON.parse(readFileSync(path.join(BENCH, 'node_modules', name, 'package.json'), 'utf8')).version;
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    cpu: model,
    cores: os.cpus().length,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${os.type()} ${os.release()}`,
    chromium: chromiumVersion,
    node: process.version,
    lighthouse: pkg('lighthouse'),
    littlefoot: pkg('littlefoot'),
    shariff: pkg('shariff'),
    commit,
    loadavg: os.loadavg().map((x) => x.toFixed(2)).join(' '),
  };
}

// ---------------------------------------------------------------------------------------------
// Sizes of what a page transferred, as the local server sent them and as a CDN would

function compressedSizes(file) {
  const raw = readFileSync(file);
  const gzip = zlib.gzipSync(raw, { level: 9 }).length;
  const brotli = zlib.brotliCompressSync(raw, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
  }).length;
  // CDNs send fonts that are already compressed (woff2) as they are.
  if (/\.woff2$/.test(file)) return { raw: raw.length, gzip: raw.length, brotli: raw.length };
  return { raw: raw.length, gzip, brotli };
}

// ---------------------------------------------------------------------------------------------
// In-page instrumentation, installed before any page script

function instrument({ kind, expectedReady, expectedButtons, expectedShariff }) {
  const b = (window.__bench = { ready: null, cls: 0, longTasks: [], shifts: [] });
  const describe = (node) => {
    if (!node || node.nodeType !== 1) return node ? node.nodeName.toLowerCase() : '(gone)';
    const cls = typeof node.className === 'string' && node.className.trim() ? `.${node.className.trim().split(/\s+/)[0]}` : '';
    return `${node.localName}${node.id ? `#${node.id}` : ''}${cls}`;
  };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.hadRecentInput) continue;
        b.cls += e.value;
        b.shifts.push({ t: Math.round(e.startTime), value: e.value, sources: (e.sources ?? []).map((src) => describe(src.node)) });
      }
    }).observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch { /* observers unsupported: left at zero */ }
  if (kind === 'widget') {
    let n = 0;
    document.addEventListener('commentary-ready', () => {
      n += 1;
      if (n === expectedReady && b.ready === null) b.ready = performance.now();
    });
    document.addEventListener('commentary-error', (e) => { b.error = e.detail?.message ?? 'error'; });
  } else {
    // Ready: every littlefoot button and every Shariff list in the DOM.
    const check = () => {
      if (b.ready !== null) return;
      const buttons = document.querySelectorAll('.littlefoot__button').length;
      const lists = document.querySelectorAll('.shariff > ul > li').length > 0
        ? document.querySelectorAll('.shariff > ul').length : 0;
      if (buttons >= expectedButtons && lists >= expectedShariff) {
        b.ready = performance.now();
        observer.disconnect();
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true });
  }
}

// Network quiet: no request in flight for `quietMs` (Playwright's own 'networkidle' never came
// on the 50-copy baseline page here, although every request had finished). Call `track` before
// the navigation.
function track(page) {
  const state = { inflight: 0, last: Date.now() };
  const start = () => { state.inflight += 1; state.last = Date.now(); };
  const end = () => { state.inflight -= 1; state.last = Date.now(); };
  page.on('request', start);
  page.on('requestfinished', end);
  page.on('requestfailed', end);
  return async (quietMs = 500, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (state.inflight <= 0 && Date.now() - state.last >= quietMs) return true;
      await new Promise((r) => setTimeout(r, 50));
    }
    return false;
  };
}

async function waitReady(page, timeout) {
  const handle = await page.waitForFunction(() => window.__bench?.ready ?? (window.__bench?.error ? -1 : null), null, { timeout, polling: 50 });
  const ready = await handle.jsonValue();
  if (ready === -1) throw new Error(`widget error: ${await page.evaluate(() => window.__bench.error)}`);
  return ready;
}

// Installs a one-shot hover probe on the first footnote marker. From the pointer's arrival (the
// event's timeStamp) it records, every animation frame for 1.5 s, the popover's rendered box,
// opacity and running animations; `hoverTimes` turns that into "shown" and "settled".
function armHoverProbe(kind) {
  const root = kind === 'widget' ? document.querySelector('commentary-embed').shadowRoot : document;
  const ref = kind === 'widget' ? root.querySelector('[part~="footnote-ref"]') : document.querySelector('.littlefoot__button');
  const popover = () => (kind === 'widget'
    ? root.querySelector('[part~="footnote-popover"]')
    : document.querySelector('.littlefoot__popover'));
  window.__hover = null;
  ref.addEventListener('pointerover', (event) => {
    const t0 = event.timeStamp;
    const frames = [];
    const probe = (window.__hover = { frames, done: false });
    const poll = () => {
      const t = performance.now() - t0;
      const pop = popover();
      if (pop) {
        const box = pop.getBoundingClientRect();
        frames.push({
          t,
          w: box.width,
          h: box.height,
          visible: box.width > 0 && box.height > 0 && pop.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }),
          opacity: Number(getComputedStyle(pop).opacity),
          animating: pop.getAnimations({ subtree: true }).some((a) => a.playState === 'running'),
        });
      } else {
        frames.push({ t, visible: false });
      }
      if (t < 1500) requestAnimationFrame(poll);
      else probe.done = true;
    };
    requestAnimationFrame(poll);
  }, { once: true });
}

/**
 * `shown`: the first frame in which the popover is rendered (a box, not hidden, opacity above 0).
 * `settled`: the first frame from which its box and opacity no longer change and no animation
 * runs in it (the end of any scale-in or fade-in): what the reader sees at full size.
 */
export function hoverTimes(frames) {
  const shownAt = frames.find((f) => f.visible);
  const last = frames[frames.length - 1];
  if (!shownAt || !last?.visible) return { shown: shownAt?.t ?? NaN, settled: NaN };
  const same = (f) => f.visible && !f.animating && Math.abs(f.w - last.w) < 0.5 && Math.abs(f.h - last.h) < 0.5
    && Math.abs(f.opacity - last.opacity) < 0.001;
  let k = frames.length - 1;
  while (k > 0 && same(frames[k - 1])) k -= 1;
  return { shown: shownAt.t, settled: frames[k].t };
}

// Every response of the page, by CDP request id: URL, status, decoded body bytes and bytes on
// the wire (encodedDataLength: headers included).
async function tallyNetwork(cdp) {
  const requests = new Map();
  cdp.on('Network.responseReceived', (e) => {
    requests.set(e.requestId, { url: e.response.url, status: e.response.status, body: 0, encoded: 0 });
  });
  cdp.on('Network.dataReceived', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.body += e.dataLength;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.encoded = e.encodedDataLength;
  });
  await cdp.send('Network.enable');
  return requests;
}

// ---------------------------------------------------------------------------------------------
// One load of one page: bytes, time to ready, own CLS and long tasks, CPU time, hover

/**
 * Opens `target` in a fresh context, instrumented (init script, CDP network tally, performance
 * metrics), and waits until it is ready and its network is quiet. The caller closes `context`.
 */
async function openMeasured(browser, target, timeout, { cpuThrottle = 1 } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.addInitScript(instrument, target.expect);
    const cdp = await context.newCDPSession(page);
    const requests = await tallyNetwork(cdp);
    await cdp.send('Performance.enable');
    if (cpuThrottle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottle });
    const quiet = track(page);
    await page.goto(target.url, { waitUntil: 'load' });
    const ready = await waitReady(page, timeout);
    if (!(await quiet())) throw new Error(`${target.url}: the network never went quiet`);
    return { context, page, cdp, requests, ready };
  } catch (error) {
    await context.close();
    throw error;
  }
}

async function loadRun(browser, target) {
  const { context, page, cdp, requests, ready } = await openMeasured(browser, target, 30_000);
  try {
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return { dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd, fcp: fcp?.startTime ?? NaN };
    });
    const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const own = await page.evaluate((readyAt) => {
      const b = window.__bench;
      // Blocking time as TBT counts it (the part of each task over 50 ms), up to ready + 1 s,
      // unthrottled: Lighthouse's TBT (throttled, simulated) is reported separately.
      const blocking = b.longTasks
        .filter(([start]) => start <= readyAt + 1000)
        .reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0);
      return { cls: b.cls, shifts: b.shifts, blocking, longTasks: b.longTasks.length };
    }, ready);

    // Hover: pointer parked in a corner, the marker brought into view, then the pointer moved
    // onto it in one step.
    const refLocator = target.kind === 'widget'
      ? page.locator('commentary-embed [part~="footnote-ref"]').first()
      : page.locator('.littlefoot__button').first();
    await refLocator.scrollIntoViewIfNeeded();
    await page.mouse.move(1, 1);
    await page.waitForTimeout(300);
    await page.evaluate(armHoverProbe, target.kind);
    const box = await refLocator.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const frames = await page
      .waitForFunction(() => window.__hover?.done && window.__hover.frames, null, { timeout: 6000, polling: 50 })
      .then((h) => h.jsonValue())
      .catch(() => []);
    const hover = hoverTimes(frames);

    // Memory of this one copy, after the popover (JS heap after GC, plus the widget's wasm).
    for (let i = 0; i < 3; i += 1) await cdp.send('HeapProfiler.collectGarbage');
    const after = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const wasm = target.kind === 'widget'
      ? await page.evaluate(async (glue) => (await (await import(glue)).default()).memory.buffer.byteLength, target.glue)
      : 0;

    const list = [...requests.values()].filter((r) => r.status === 200);
    return {
      ready,
      ...timing,
      ...own,
      scriptMs: metrics.ScriptDuration * 1000,
      taskMs: metrics.TaskDuration * 1000,
      layoutMs: metrics.LayoutDuration * 1000,
      nodes: metrics.Nodes,
      hoverShown: hover.shown,
      hoverSettled: hover.settled,
      jsHeapUsed: after.JSHeapUsedSize,
      wasmMemory: wasm,
      memoryTotal: after.JSHeapUsedSize + wasm,
      requests: list.length,
      bodyBytes: list.reduce((s, r) => s + r.body, 0),
      encodedBytes: list.reduce((s, r) => s + r.encoded, 0),
      files: list.map((r) => ({ url: r.url, body: r.body, encoded: r.encoded })),
    };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Start-up under 4× CPU throttling (CDP): the longest main-thread task until ready, and the
// blocking time (the part of each task over 50 ms) until ready + 1 s

async function throttledRun(browser, target) {
  const { context, page, ready } = await openMeasured(browser, target, 60_000, { cpuThrottle: 4 });
  try {
    await page.waitForTimeout(1000);
    const tasks = await page.evaluate((readyAt) => window.__bench.longTasks.filter(([start]) => start <= readyAt + 1000), ready);
    return {
      ready,
      longest: tasks.reduce((m, [, d]) => Math.max(m, d), 0),
      over50: tasks.filter(([, d]) => d > 50).length,
      blocking: tasks.reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0),
    };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Memory: 50 copies on one page

async function memoryRun(browser, target) {
  const { context, page, cdp, requests, ready } = await openMeasured(browser, target, 120_000);
  try {
    await page.waitForTimeout(1000);
    for (let i = 0; i < 3; i += 1) await cdp.send('HeapProfiler.collectGarbage');
    const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    // The wasm's linear memory is an ArrayBuffer backing store outside the V8 heap, so
    // JSHeapUsedSize does not include it: read it from the glue's (cached) exports.
    const wasm = target.kind === 'widget'
      ? await page.evaluate(async (glue) => (await (await import(glue)).default()).memory.buffer.byteLength, target.glue)
      : 0;
    const dom = await cdp.send('Memory.getDOMCounters').catch(() => ({}));
    return {
      ready,
      jsHeapUsed: metrics.JSHeapUsedSize,
      jsHeapTotal: metrics.JSHeapTotalSize,
      wasmMemory: wasm,
      total: metrics.JSHeapUsedSize + wasm,
      nodes: dom.nodes ?? metrics.Nodes,
      listeners: dom.jsEventListeners ?? metrics.JSEventListeners,
      requests: [...requests.values()].length,
      encodedBytes: [...requests.values()].reduce((sum, r) => sum + r.encoded, 0),
    };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Lighthouse 12.2.3, its CLI, default (mobile, simulated throttling) settings, performance only

function lighthouseRun(url) {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'bench-lh-'));
  const outFile = path.join(outDir, 'report.json');
  const args = [
    LIGHTHOUSE_CLI, url,
    '--only-categories=performance',
    '--output=json', `--output-path=${outFile}`,
    '--quiet',
    `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')}`,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, CHROME_PATH: CHROMIUM }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('exit', (code) => {
      try {
        if (code !== 0) throw new Error(`lighthouse exited ${code}: ${stderr.slice(-2000)}`);
        const lhr = JSON.parse(readFileSync(outFile, 'utf8'));
        if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.message}`);
        const a = (id) => lhr.audits[id]?.numericValue ?? NaN;
        resolve({
          score: (lhr.categories.performance.score ?? NaN) * 100,
          tbt: a('total-blocking-time'),
          cls: a('cumulative-layout-shift'),
          fcp: a('first-contentful-paint'),
          lcp: a('largest-contentful-paint'),
          si: a('speed-index'),
          warnings: lhr.runWarnings ?? [],
        });
      } catch (err) {
        reject(err);
      } finally {
        rmSync(outDir, { recursive: true, force: true });
      }
    });
  });
}

// ---------------------------------------------------------------------------------------------
// BENCHMARKS.md

const BEGIN = '<!-- bench:begin (written by scripts/bench.mjs; edit outside the markers) -->';
const END = '<!-- bench:end -->';
const HISTORY_END = '<!-- bench:history-end -->';

function template() {
  return `# Benchmarks

\`scripts/bench.sh\` measures the widget against what a partner would use instead: the same
article (the English version of \`content/2026-36/\`) as static HTML with
[littlefoot](https://www.npmjs.com/package/littlefoot) for the footnote popovers and
[Shariff](https://www.npmjs.com/package/shariff) for the share buttons, both from npm. Both pages
are measured in the same run, in the same headless Chromium, in alternating order. The section
between the markers is rewritten by every run; a summary row is appended to the history. Speed
numbers are reported here, never asserted by a test.

## Method

**Pages** (\`bench/pages.mjs\`, written to \`build/bench/\`). Both share the same partner chrome
(header, intro, footer, one small inline stylesheet).
- *widget*: the public script tag and one \`<commentary-embed src=… lang="en">\` with its fallback
  link (README "Installation"); default \`loading\` (lazy: the element is in the first viewport).
  Since issue 7's height reservation it carries the snippet README "Reserving space" recommends:
  \`blocking="render"\` on the script tag and a \`height\` hint, measured before the runs on the same
  page without a hint at the width it is shown at (1280 px for the page loads, 412 px for
  Lighthouse's mobile emulation; each run's hints are in its "Latest run" section).
- *baseline*: the article rendered to static HTML from the same compiled document, footnotes in
  the GitHub / markdown-it-footnote markup (\`sup > a[href="#fn-1"]\`, \`section.footnotes li#fn-1\`),
  \`littlefoot.css\` + \`littlefoot.js\` started with \`activateOnHover: true, dismissOnUnhover: true\`
  (hover is off by default), and a Shariff bar (\`shariff.complete.css\` + \`shariff.complete.js\`,
  the build for sites without jQuery and Font Awesome: it loads three Font Awesome woff2 fonts) with
  the widget's networks as far as Shariff has them (no Bluesky; Fediverse for Mastodon; clipboard).
- The two do not do the same work: the widget also carries the Turkish version (one JSON for both
  languages), the language toggle, the cite panel with nine styles, a visible notes list, quote
  sharing. The baseline is the cheapest thing a partner would paste for footnote popovers and
  share buttons.

**Serving.** \`scripts/serve.mjs\`, two servers on 127.0.0.1: the partner's (host pages, and
littlefoot/Shariff self-hosted as a partner would from npm) and the widget's CDN (\`dist/\`, the
documents) on another port, hence another origin. Uncompressed, \`Cache-Control: no-cache\`, a fresh
browser context (empty cache) for every load. Nothing comes from the network.

**Per page load** (one warm-up load of each page, not counted, then N loads each in alternating
order; Chromium 1280×800, Playwright + CDP):
- *transfer*: \`Network.loadingFinished.encodedDataLength\` summed over the responses (headers
  included; uncompressed here) and the decoded bodies (\`Network.dataReceived\`). The sizes tables
  give every file raw, \`gzip -9\` and \`brotli -q 11\` (what a CDN would send; woff2 as it is).
- *time to ready*: from navigation start to the widget's \`commentary-ready\` event; for the baseline
  to the mutation that puts the last littlefoot button and the Shariff list into the DOM.
- *CLS* (\`layout-shift\` entries, whole load), *blocking time* (long tasks' part over 50 ms, until
  ready + 1 s, unthrottled), *script / task time* (CDP \`Performance.getMetrics\`).
- *hover*: the pointer parked at (1,1), the first footnote marker scrolled into view, then the
  pointer moved onto it in one step. From the \`pointerover\` event's timestamp, every animation
  frame (60 Hz, so ±17 ms) records the popover's box, opacity and running animations. *shown* = the
  first frame in which it is rendered at all; *settled* = the frame from which its size and opacity
  stop changing (end of its scale-in or fade-in). **Raw**: the widget waits 120 ms of hover intent
  before opening (README "Footnotes"), then fades in; littlefoot inserts its popover at once at
  scale 0.1 and grows it after its \`hoverDelay\` (250 ms) with a 0.25 s transition.
- *memory, 1 on the page*: in the same load, after the hover (one popover just opened, CDP's
  Network domain on), measured as below: compare it within its row, not with the rows of 50.

**Memory with 50** (\`widget-50.html\`: 50 elements with \`loading="eager"\`, all mounted;
\`baseline-50.html\`: 50 copies of the article, 100 littlefoot buttons, 50 Shariff bars): after all
are ready, the network quiet and 1 s, three \`HeapProfiler.collectGarbage\`, then
\`JSHeapUsedSize\` (V8's heap of the page's renderer, which also holds Playwright's small utility
world, the same for both pages). The wasm's linear memory is an ArrayBuffer backing store outside
V8's heap, so it is not in \`JSHeapUsedSize\`: it is read from the glue's exports
(\`memory.buffer.byteLength\`, the whole linear memory, a high-water mark: wasm memory never shrinks)
and added. Not counted for either page: compiled code (JS or wasm), DOM and layout objects in
Blink's own heap (the DOM node count stands in), GPU and font memory.
\`performance.measureUserAgentSpecificMemory\` needs cross-origin isolation (COOP + COEP), which
changes what the pages load, so it is not used.

**Lighthouse** 12.2.3, its CLI, default settings (mobile: Moto G Power emulation, simulated
throttling with 4× CPU slowdown and slow 4G), \`--only-categories=performance\`, Chromium with the
flags of the tests. TBT and CLS of the host page are its audits' numeric values.

**Noise.** The machine's 2 cores are shared with other jobs; every metric gives its range beside
the median. Compare ratios of one run rather than absolute numbers across runs.

${BEGIN}
${END}

## Before / after

## History

One row per run of \`scripts/bench.sh\` (appended by it). Each cell: widget / baseline (ratio).

| date (UTC) | commit | ready | transfer, brotli | Lighthouse TBT | Lighthouse CLS | hover shown | memory ×50 (JS heap + wasm) |
| --- | --- | --- | --- | --- | --- | --- | --- |
${HISTORY_END}
`;
}

function report(r) {
  const { machine: m, opts } = r;
  const W = r.widget;
  const B = r.baseline;
  const med = (runs, key) => median(runs.map((x) => x[key]));
  const lines = [];
  const row = (...cells) => lines.push(`| ${cells.join(' | ')} |`);
  lines.push(`## Latest run: ${m.date}`, '');
  lines.push('### Machine', '');
  row('', '');
  row('---', '---');
  row('CPU', `${m.cpu}, ${m.cores} cores (shared with other jobs; load average at start ${m.loadavg})`);
  row('memory', m.memory);
  row('OS', m.os);
  row('browser', `${m.chromium}, headless (Playwright ${r.playwright}, \`playwright-core\`)`);
  row('Node', m.node);
  row('baseline packages', `littlefoot ${m.littlefoot}, Shariff ${m.shariff} (\`shariff.complete.js\`/\`.css\`: its own DOM helper and Font Awesome, no jQuery)`);
  row('Lighthouse', `${m.lighthouse}, CLI, default settings (mobile emulation, simulated throttling: 4× CPU, slow 4G), \`--only-categories=performance\``);
  row('widget build', `commit ${m.commit}, \`dist/\` as built`);
  row('widget page', `\`blocking="render"\`, \`height\` hint ${r.hints.desktop} px at ${VIEWPORT.width} px wide (page loads), ${r.hints.mobile} px at ${LIGHTHOUSE_VIEWPORT.width} px (Lighthouse)`);
  row('runs', `${opts.runs} page loads per page after one warm-up load each (medians); memory ${opts.memoryRuns} each; Lighthouse ${opts.lighthouse ? opts.lighthouseRuns : 0} each`);
  row('bench run time', `${r.durationS.toFixed(0)} s`);
  lines.push('');

  lines.push('### Results (medians)', '');
  lines.push('Ratio = widget ÷ baseline (below 1: the widget needs less).', '');
  row('metric', 'widget', 'baseline', 'ratio', 'widget range', 'baseline range');
  row('---', '---:', '---:', '---:', '---:', '---:');
  const metric = (name, key, fmt, wRuns = W.loads, bRuns = B.loads) => {
    const w = med(wRuns, key);
    const b = med(bRuns, key);
    row(name, fmt(w), fmt(b), ratio(w, b), spread(wRuns.map((x) => x[key]), fmt), spread(bRuns.map((x) => x[key]), fmt));
  };
  const bytes = (n) => (Number.isFinite(n) ? `${group(n)} B` : 'n/a');
  const num = (n) => (Number.isFinite(n) ? group(n) : 'n/a');
  const cls = (n) => (Number.isFinite(n) ? n.toFixed(3) : 'n/a');
  metric('transfer, as served here (uncompressed; CDP encodedDataLength, headers included)', 'encodedBytes', bytes);
  metric('response bodies (CDP dataReceived)', 'bodyBytes', bytes);
  row('transfer if served with brotli -q 11 (bodies; woff2 as is)', bytes(W.sizes.total.brotli), bytes(B.sizes.total.brotli), ratio(W.sizes.total.brotli, B.sizes.total.brotli), '', '');
  row('transfer if served with gzip -9', bytes(W.sizes.total.gzip), bytes(B.sizes.total.gzip), ratio(W.sizes.total.gzip, B.sizes.total.gzip), '', '');
  metric('requests', 'requests', num);
  metric('time to ready (navigation start → ready)', 'ready', ms);
  metric('first contentful paint', 'fcp', ms);
  metric('DOMContentLoaded', 'dcl', ms);
  metric('main-thread script time until idle (CDP ScriptDuration)', 'scriptMs', ms);
  metric('main-thread task time until idle (CDP TaskDuration)', 'taskMs', ms);
  metric('blocking time, unthrottled (long tasks − 50 ms, until ready + 1 s)', 'blocking', ms);
  metric('CLS, 1280×800, whole load (PerformanceObserver)', 'cls', cls);
  if (W.throttled?.length && B.throttled?.length) {
    metric('4× CPU throttling (CDP): time to ready', 'ready', ms, W.throttled, B.throttled);
    metric('4× CPU throttling: longest long task until ready + 1 s (long tasks are 50 ms or more; 0: none)', 'longest', ms, W.throttled, B.throttled);
    metric('4× CPU throttling: tasks over 50 ms until ready + 1 s', 'over50', num, W.throttled, B.throttled);
    metric('4× CPU throttling: blocking time until ready + 1 s', 'blocking', ms, W.throttled, B.throttled);
  }
  metric('hover → popover shown (raw: includes each library\'s hover delay)', 'hoverShown', ms);
  metric('hover → popover settled at full size (end of its scale-in/fade-in)', 'hoverSettled', ms);
  metric('memory, 1 on the page: JS heap used after GC', 'jsHeapUsed', mb);
  metric('memory, 1 on the page: wasm linear memory', 'wasmMemory', mb);
  metric('memory, 1 on the page: JS heap + wasm', 'memoryTotal', mb);
  if (opts.lighthouse) {
    metric('Lighthouse performance score', 'score', (n) => (Number.isFinite(n) ? n.toFixed(0) : 'n/a'), W.lighthouse, B.lighthouse);
    metric('Lighthouse TBT', 'tbt', ms, W.lighthouse, B.lighthouse);
    metric('Lighthouse CLS', 'cls', cls, W.lighthouse, B.lighthouse);
    metric('Lighthouse FCP', 'fcp', ms, W.lighthouse, B.lighthouse);
    metric('Lighthouse LCP', 'lcp', ms, W.lighthouse, B.lighthouse);
  }
  metric(`memory, ${MANY} on one page: JS heap used after GC`, 'jsHeapUsed', mb, W.memory, B.memory);
  metric(`memory, ${MANY} on one page: wasm linear memory`, 'wasmMemory', mb, W.memory, B.memory);
  metric(`memory, ${MANY} on one page: JS heap + wasm`, 'total', mb, W.memory, B.memory);
  metric(`memory, ${MANY} on one page: DOM nodes`, 'nodes', num, W.memory, B.memory);
  metric(`${MANY} on one page: time to all ready`, 'ready', ms, W.memory, B.memory);
  metric(`${MANY} on one page: requests`, 'requests', num, W.memory, B.memory);
  metric(`${MANY} on one page: transfer as served here`, 'encodedBytes', bytes, W.memory, B.memory);
  lines.push('');

  lines.push('### Sizes of what each page loaded', '');
  lines.push('Every response of a page load with status 200, by file, as on disk and as a CDN would compress it (`gzip -9`, `brotli -q 11`; woff2 fonts are sent as they are).', '');
  for (const [name, side] of [['widget page', W], ['baseline page', B]]) {
    lines.push(`**${name}**`, '');
    row('file', 'raw', 'gzip -9', 'brotli -q 11');
    row('---', '---:', '---:', '---:');
    for (const f of side.sizes.files) row(`\`${f.name}\``, group(f.raw), group(f.gzip), group(f.brotli));
    row('**total**', `**${group(side.sizes.total.raw)}**`, `**${group(side.sizes.total.gzip)}**`, `**${group(side.sizes.total.brotli)}**`);
    lines.push('');
  }
  lines.push('### Layout shifts (first measured load, 1280×800)', '');
  lines.push('Each shift the page reported (`layout-shift` entries without recent input): when, how much, and the elements that moved.', '');
  for (const [name, side] of [['widget page', W], ['baseline page', B]]) {
    const shifts = side.loads[0].shifts;
    lines.push(`- **${name}**: ${shifts.length ? shifts.map((x) => `${x.t} ms: ${x.value.toFixed(4)} (${x.sources.join(', ') || 'no source'})`).join('; ') : 'none'}`);
  }
  lines.push('');
  if (r.warnings.length) {
    lines.push('### Warnings of this run', '');
    for (const w of r.warnings) lines.push(`- ${w}`);
    lines.push('');
  }
  return lines.join('\n');
}

function historyRow(r) {
  const med = (runs, key) => median(runs.map((x) => x[key]));
  const pair = (w, b, fmt) => {
    const q = ratio(w, b);
    return `${fmt(w)} / ${fmt(b)}${q.endsWith('×') ? ` (${q})` : ''}`;
  };
  const W = r.widget;
  const B = r.baseline;
  const lh = (key, fmt) => (r.opts.lighthouse ? pair(med(W.lighthouse, key), med(B.lighthouse, key), fmt) : 'n/a');
  return `| ${r.machine.date} | ${r.machine.commit} | ${pair(med(W.loads, 'ready'), med(B.loads, 'ready'), ms)} | ${pair(W.sizes.total.brotli, B.sizes.total.brotli, (n) => `${group(n)} B`)} | ${lh('tbt', ms)} | ${lh('cls', (n) => n.toFixed(3))} | ${pair(med(W.loads, 'hoverShown'), med(B.loads, 'hoverShown'), ms)} | ${pair(med(W.memory, 'total'), med(B.memory, 'total'), mb)} |`;
}

async function writeReport(file, r) {
  let text = existsSync(file) ? await fs.readFile(file, 'utf8') : template();
  if (!text.includes(BEGIN) || !text.includes(END) || !text.includes(HISTORY_END)) {
    throw new Error(`${file} lacks the bench markers; move it away to get a fresh one`);
  }
  const start = text.indexOf(BEGIN) + BEGIN.length;
  text = `${text.slice(0, start)}\n${report(r)}\n${text.slice(text.indexOf(END))}`;
  text = text.replace(HISTORY_END, `${historyRow(r)}\n${HISTORY_END}`);
  await fs.writeFile(file, text);
}

// ---------------------------------------------------------------------------------------------
// Main

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const started = Date.now();
  for (const [file, hint] of [
    [path.join(ROOT, 'dist', 'commentary-embed.js'), 'build the widget (scripts/build.sh)'],
    [DOC_FILE, 'compile the content (scripts/build.sh)'],
    [path.join(BENCH, 'node_modules', 'littlefoot', 'dist', 'littlefoot.js'), 'install the bench packages (scripts/bench.sh)'],
  ]) {
    if (!existsSync(file)) throw new Error(`missing ${path.relative(ROOT, file)}: ${hint}`);
  }
  if (opts.lighthouse && !existsSync(LIGHTHOUSE_CLI)) throw new Error('missing Lighthouse: run scripts/bench.sh');
  const doc = JSON.parse(readFileSync(DOC_FILE, 'utf8'));
  const en = doc.versions.find((v) => v.lang === 'en');
  const refsPerArticle = en.notes.reduce((s, n) => s + n.references, 0);

  // Two servers, two origins: the partner (host pages, and littlefoot/Shariff self-hosted as a
  // partner would from npm) and the widget's CDN (dist/ and the documents).
  await fs.mkdir(PAGES_DIR, { recursive: true });
  const cdn = await startServer({ host: '127.0.0.1', port: 0, mounts: { '/embed/': 'dist', '/c/': 'build/content' } });
  const partner = await startServer({
    host: '127.0.0.1',
    port: 0,
    mounts: {
      '/bench/': PAGES_DIR,
      '/vendor/littlefoot/': path.join(BENCH, 'node_modules', 'littlefoot', 'dist'),
      '/vendor/shariff/': path.join(BENCH, 'node_modules', 'shariff', 'dist'),
    },
  });
  const embedBase = `${cdn.url}embed/`;
  const documentUrl = `${cdn.url}c/2026-36.json`;
  const vendorBase = '/vendor/';
  // The widget page carries the snippet README "Reserving space" recommends: `blocking="render"`
  // and a `height` hint, measured as a partner would, on the same page without a hint at the
  // width it is shown at: the playwright runs' viewport, and Lighthouse's mobile one.
  await fs.writeFile(path.join(PAGES_DIR, 'widget-unhinted.html'), widgetPage({ doc, embedBase, documentUrl }));
  const hints = {};
  {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      for (const [name, viewport] of [['desktop', VIEWPORT], ['mobile', LIGHTHOUSE_VIEWPORT]]) {
        const context = await browser.newContext({ viewport });
        const page = await context.newPage();
        await page.goto(`${partner.url}bench/widget-unhinted.html`, { waitUntil: 'load' });
        await page.waitForFunction(() => document.querySelector('#w1')?.shadowRoot?.querySelector('[part~="title"]'), null, { timeout: 30_000 });
        await page.waitForTimeout(300);
        hints[name] = Math.ceil(await page.evaluate(() => document.querySelector('#w1').getBoundingClientRect().height));
        await context.close();
      }
    } finally {
      await browser.close();
    }
    log(`height hints: ${hints.desktop} px at ${VIEWPORT.width} px wide, ${hints.mobile} px at ${LIGHTHOUSE_VIEWPORT.width} px wide`);
  }
  const pages = {
    'widget.html': widgetPage({ doc, embedBase, documentUrl, height: hints.desktop, blocking: true }),
    'widget-mobile.html': widgetPage({ doc, embedBase, documentUrl, height: hints.mobile, blocking: true }),
    'baseline.html': baselinePage({ doc, vendorBase }),
    // The widget loads lazily by default; 50 eager elements measure 50 mounted widgets.
    'widget-50.html': widgetPage({ doc, embedBase, documentUrl, count: MANY, loading: 'eager' }),
    'baseline-50.html': baselinePage({ doc, vendorBase, count: MANY }),
  };
  for (const [name, html] of Object.entries(pages)) await fs.writeFile(path.join(PAGES_DIR, name), html);
  const pageUrl = (name) => `${partner.url}bench/${name}`;
  const targets = {
    widget: { kind: 'widget', url: pageUrl('widget.html'), glue: `${embedBase}commentary-embed-widget.js`, expect: { kind: 'widget', expectedReady: 1 } },
    baseline: { kind: 'baseline', url: pageUrl('baseline.html'), expect: { kind: 'baseline', expectedButtons: refsPerArticle, expectedShariff: 1 } },
  };
  const many = {
    widget: { kind: 'widget', url: pageUrl('widget-50.html'), glue: `${embedBase}commentary-embed-widget.js`, expect: { kind: 'widget', expectedReady: MANY } },
    baseline: { kind: 'baseline', url: pageUrl('baseline-50.html'), expect: { kind: 'baseline', expectedButtons: refsPerArticle * MANY, expectedShariff: MANY } },
  };

  const result = { hints, opts, machine: machine(), widget: { loads: [], throttled: [], memory: [], lighthouse: [] }, baseline: { loads: [], throttled: [], memory: [], lighthouse: [] }, warnings: [] };
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  result.playwright = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', 'playwright-core', 'package.json'), 'utf8')).version;
  try {
    // Page loads: one warm-up of each (not counted), then alternating order run by run.
    log(`page loads: 1 warm-up + ${opts.runs} runs per page`);
    for (const side of ['widget', 'baseline']) await loadRun(browser, targets[side]);
    for (let i = 0; i < opts.runs; i += 1) {
      const order = i % 2 ? ['baseline', 'widget'] : ['widget', 'baseline'];
      for (const side of order) {
        const run = await loadRun(browser, targets[side]);
        result[side].loads.push(run);
        log(`  ${side.padEnd(8)} run ${i + 1}: ready ${ms(run.ready)}, ${group(run.encodedBytes)} B, hover ${ms(run.hoverShown)}, CLS ${run.cls.toFixed(3)}`);
      }
    }
    log(`start-up at 4× CPU throttling: ${opts.runs} runs per page`);
    for (let i = 0; i < opts.runs; i += 1) {
      const order = i % 2 ? ['baseline', 'widget'] : ['widget', 'baseline'];
      for (const side of order) {
        const run = await throttledRun(browser, targets[side]);
        result[side].throttled.push(run);
        log(`  ${side.padEnd(8)} run ${i + 1}: ready ${ms(run.ready)}, longest task ${ms(run.longest)}, ${run.over50} over 50 ms`);
      }
    }
    log(`memory: ${MANY} copies, ${opts.memoryRuns} runs per page`);
    for (let i = 0; i < opts.memoryRuns; i += 1) {
      const order = i % 2 ? ['baseline', 'widget'] : ['widget', 'baseline'];
      for (const side of order) {
        const run = await memoryRun(browser, many[side]);
        result[side].memory.push(run);
        log(`  ${side.padEnd(8)} run ${i + 1}: JS heap ${mb(run.jsHeapUsed)}, wasm ${mb(run.wasmMemory)}, all ready ${ms(run.ready)}`);
      }
    }
  } finally {
    await browser.close();
  }

  if (opts.lighthouse) {
    log(`Lighthouse: ${opts.lighthouseRuns} runs per page (about 16 s each)`);
    for (let i = 0; i < opts.lighthouseRuns; i += 1) {
      const order = i % 2 ? ['baseline', 'widget'] : ['widget', 'baseline'];
      for (const side of order) {
        const run = await lighthouseRun(side === 'widget' ? pageUrl('widget-mobile.html') : targets[side].url);
        result[side].lighthouse.push(run);
        for (const w of run.warnings) if (!result.warnings.includes(`Lighthouse (${side}): ${w}`)) result.warnings.push(`Lighthouse (${side}): ${w}`);
        log(`  ${side.padEnd(8)} run ${i + 1}: score ${run.score.toFixed(0)}, TBT ${ms(run.tbt)}, CLS ${run.cls.toFixed(3)}`);
      }
    }
  }
  await cdn.close();
  await partner.close();

  // Sizes by file, from the URLs the first measured load of each page fetched.
  const localFile = (url) => {
    const u = new URL(url);
    const p = decodeURIComponent(u.pathname);
    const map = [
      ['/embed/', path.join(ROOT, 'dist')],
      ['/c/', path.join(ROOT, 'build', 'content')],
      ['/bench/', PAGES_DIR],
      ['/vendor/littlefoot/', path.join(BENCH, 'node_modules', 'littlefoot', 'dist')],
      ['/vendor/shariff/', path.join(BENCH, 'node_modules', 'shariff', 'dist')],
    ];
    const hit = map.find(([prefix]) => p.startsWith(prefix));
    return hit ? path.join(hit[1], p.slice(hit[0].length)) : null;
  };
  for (const side of ['widget', 'baseline']) {
    const files = [];
    for (const f of result[side].loads[0].files) {
      const file = localFile(f.url);
      if (!file || !existsSync(file)) {
        result.warnings.push(`${side}: no local file for ${f.url}`);
        continue;
      }
      files.push({ name: path.relative(ROOT, file), ...compressedSizes(file) });
    }
    const total = files.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });
    result[side].sizes = { files, total };
  }

  result.durationS = (Date.now() - started) / 1000;
  const out = path.resolve(ROOT, opts.out);
  await writeReport(out, result);
  await fs.mkdir(path.dirname(path.resolve(ROOT, opts.json)), { recursive: true });
  await fs.writeFile(path.resolve(ROOT, opts.json), `${JSON.stringify(result, null, 2)}\n`);
  log(`wrote ${path.relative(ROOT, out)} and ${opts.json} in ${result.durationS.toFixed(0)} s`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err) => {
    console.error(`bench: ${err.stack ?? err.message}`);
    process.exit(1);
  });
}
