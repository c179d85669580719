// Shared set-up of the end-to-end tests: one static server (scripts/serve.mjs), reached under two
// origins, and one headless Chromium per test file.
//
// - Host pages are opened at http://localhost:PORT/e2e/<page>.html (the partner's origin).
// - The widget and the documents live at http://cdn.test/... : Chromium's host resolver maps
//   `cdn.test` to the same server (`--host-resolver-rules`), so the host pages can carry the real
//   public markup with fixed absolute URLs (and fixed CSP sources), and every widget request is
//   cross-origin, as on a partner site.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/chromium.mjs';
import { DEFAULT_MOUNTS, ROOT, startServer } from '../../scripts/serve.mjs';

export { CHROMIUM, CHROMIUM_ARGS, ROOT };

/** Where the widget and the documents are served from, as seen by the browser. */
export const CDN = 'http://cdn.test';
export const SEED_SRC = `${CDN}/c/2026-36.json`;
// E2E_DIST / E2E_CONTENT point the suite at another build (say, a copy of dist/ bound for a CDN).
export const DIST_DIR = path.resolve(ROOT, process.env.E2E_DIST ?? 'dist');
export const CONTENT_DIR = path.resolve(ROOT, process.env.E2E_CONTENT ?? 'build/content');
export const WIDGET_ENTRY = path.join(DIST_DIR, 'commentary-embed.js');
export const SEED_DOCUMENT = path.join(CONTENT_DIR, '2026-36.json');

/** How long a widget may take to reach its ready or error state. */
export const RENDER_TIMEOUT_MS = Number(process.env.E2E_RENDER_TIMEOUT_MS ?? 20_000);

/**
 * Why the widget cannot be tested yet, or `false` when it can: the tests skip (rather than fail)
 * until `trunk build --release` and the content build have run.
 */
export function missingBuild() {
  const missing = [WIDGET_ENTRY, SEED_DOCUMENT].filter((file) => !existsSync(file));
  if (missing.length === 0) return false;
  return `not built yet: ${missing.map((f) => path.relative(ROOT, f)).join(', ')}`;
}

/**
 * Starts the server and Chromium. Call from `before`; pass the result's `stop` to `after`.
 * @returns {Promise<{ server, browser, port: number, hostUrl: (page: string) => string, stop: () => Promise<void> }>}
 */
export async function startEnvironment() {
  const mounts = { ...DEFAULT_MOUNTS, '/embed/': DIST_DIR, '/c/': CONTENT_DIR };
  const server = await startServer({ host: '127.0.0.1', port: 0, mounts, faults: true });
  let browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP cdn.test 127.0.0.1:${server.port}`],
    });
  } catch (err) {
    await server.close();
    throw err;
  }
  return {
    server,
    browser,
    port: server.port,
    hostUrl: (page) => `http://localhost:${server.port}/e2e/${page}`,
    stop: async () => {
      await browser.close().catch(() => {});
      await server.close();
    },
  };
}

// Installed before any page script: records the widget's events as they reach `document`
// (they are composed and bubble), with the flags that say so.
export function recordEvents() {
  const names = [
    'commentary-ready',
    'commentary-error',
    'commentary-language-change',
    'commentary-citation-copy',
    'commentary-share',
    'commentary-reading-change',
  ];
  window.__commentaryEvents = [];
  for (const name of names) {
    document.addEventListener(name, (event) => {
      window.__commentaryEvents.push({
        type: event.type,
        target: event.target && event.target.id,
        isCustomEvent: event instanceof CustomEvent,
        bubbles: event.bubbles,
        composed: event.composed,
        detail: JSON.parse(JSON.stringify(event.detail ?? null)),
      });
    });
  }
}

/**
 * Opens `url` in a fresh context. Console errors, page errors and failed requests are collected
 * in `page.log` so that assertion messages can show them.
 * @param {{ browser }} env
 * @param {string} url
 * @param {{ initEvents?: boolean, beforeGoto?: (page) => Promise<void>, context?: object }} [options]
 *   `context`: Playwright context options (viewport, hasTouch, colorScheme …).
 */
export async function openPage(env, url, { initEvents = true, beforeGoto, context: contextOptions = {} } = {}) {
  const context = await env.browser.newContext(contextOptions);
  const page = await context.newPage();
  page.log = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') page.log.push(`console.${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => page.log.push(`pageerror: ${err.message}`));
  page.on('requestfailed', (req) => page.log.push(`requestfailed: ${req.url()} ${req.failure()?.errorText ?? ''}`));
  page.on('response', (res) => {
    if (res.status() >= 400) page.log.push(`http ${res.status()}: ${res.url()}`);
  });
  if (initEvents) await page.addInitScript(recordEvents);
  if (beforeGoto) await beforeGoto(page);
  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response || !response.ok()) throw new Error(`could not open ${url}: ${response?.status()}`);
  page.response = response;
  page.closeAll = () => context.close();
  return page;
}

/** The text to append to an assertion message: what the page said while it ran. */
export function pageLog(page) {
  return page.log.length ? `\n--- page log ---\n${page.log.join('\n')}` : '';
}

/**
 * Waits until the widget `selector` shows either its title (ready) or its error part, and
 * returns which: 'ready' | 'error'.
 */
export async function waitForWidget(page, selector, timeout = RENDER_TIMEOUT_MS) {
  try {
    const handle = await page.waitForFunction(
      (sel) => {
        const root = document.querySelector(sel)?.shadowRoot;
        if (!root) return false;
        const error = root.querySelector('[part~="error"]');
        if (error && error.textContent.trim()) return 'error';
        const title = root.querySelector('[part~="title"]');
        if (title && title.textContent.trim()) return 'ready';
        return false;
      },
      selector,
      { timeout, polling: 50 },
    );
    return await handle.jsonValue();
  } catch (err) {
    const state = await page
      .evaluate((sel) => {
        const el = document.querySelector(sel);
        if (!el) return 'no such element';
        if (!el.shadowRoot) return `no open shadow root (defined: ${!!customElements.get('commentary-embed')})`;
        const parts = [...el.shadowRoot.querySelectorAll('[part]')].map((p) => p.getAttribute('part'));
        return `shadow root holds parts [${parts.join(', ')}], text ${JSON.stringify(el.shadowRoot.textContent.slice(0, 200))}`;
      }, selector)
      .catch((e) => `(state unavailable: ${e.message})`);
    throw new Error(`widget ${selector} reached neither ready nor error in ${timeout} ms: ${state}${pageLog(page)}`);
  }
}

/** The widget's recorded events, optionally only those of one type. */
export async function events(page, type) {
  const all = await page.evaluate(() => window.__commentaryEvents ?? []);
  return type ? all.filter((e) => e.type === type) : all;
}

/** Waits (briefly) until at least one `type` event was recorded for the element with id `target`. */
export async function waitForEvent(page, type, target, timeout = 5_000) {
  // (Playwright reads a timeout of 0 as "wait forever": 0 here means "look now".)
  if (timeout > 0) {
    await page
      .waitForFunction(
        ([t, id]) => (window.__commentaryEvents ?? []).some((e) => e.type === t && e.target === id),
        [type, target],
        { timeout, polling: 50 },
      )
      .catch(() => {});
  }
  return (await events(page, type)).filter((e) => e.target === target);
}

/** The source of a content file, for expectations that follow the seed's text. */
export function readContent(relative) {
  return readFileSync(path.join(ROOT, 'content', relative), 'utf8');
}

/**
 * What a `<lang>.md` file promises the reader will see: front-matter title and URL, `##` headings,
 * the opening words of each paragraph, and each note's URLs, in order of definition.
 */
export function expectationsFrom(markdown) {
  const match = /^\+\+\+\n([\s\S]*?)\n\+\+\+\n([\s\S]*)$/.exec(markdown.replace(/\r\n/g, '\n'));
  if (!match) throw new Error('content file without +++ front matter');
  const [, front, body] = match;
  const field = (name) => new RegExp(`^${name}\\s*=\\s*"((?:[^"\\\\]|\\\\.)*)"`, 'm').exec(front)?.[1];
  const blocks = body.split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
  const headings = [];
  const paragraphs = [];
  const notes = [];
  for (const block of blocks) {
    if (/^#{2,6}\s/.test(block)) headings.push(block.replace(/^#+\s*/, '').trim());
    else if (/^\[\^[^\]]+\]:/.test(block)) {
      notes.push({
        label: /^\[\^([^\]]+)\]/.exec(block)[1],
        urls: [...block.matchAll(/<(https?:[^>\s]+)>|\]\((https?:[^)\s]+)\)/g)].map((m) => m[1] ?? m[2]),
      });
    } else if (!/^([-*+]\s|\d+\.\s|>)/.test(block)) {
      // Plain text of the paragraph's opening, as a reader sees it.
      const text = block
        .replace(/\[\^[^\]]+\]/g, '')
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/[*_`]/g, '')
        .replace(/\s+/g, ' ')
        .trim();
      paragraphs.push(text);
    }
  }
  // Notes are numbered in order of first reference.
  const order = [...body.matchAll(/\[\^([^\]]+)\](?!:)/g)].map((m) => m[1]);
  const firstUse = (label) => order.indexOf(label);
  notes.sort((a, b) => firstUse(a.label) - firstUse(b.label));
  return { title: field('title'), url: field('url'), headings, paragraphs, notes };
}

/** Collapses whitespace, for comparing rendered text with source text. */
export function squash(text) {
  return String(text ?? '').replace(/\s+/g, ' ').trim();
}

/** Upper bound of one test (and of one `before` hook, which loads a page). */
export const TEST_TIMEOUT = 60_000;

/** An encoder written independently of the Rust one: encodeURIComponent, plus !'()* encoded. */
export const enc = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** What each network's link must be for `url` and `text`. */
export function expectedHrefs(url, text) {
  return {
    x: `https://x.com/intent/post?text=${enc(text)}&url=${enc(url)}`,
    facebook: `https://www.facebook.com/sharer/sharer.php?u=${enc(url)}`,
    linkedin: `https://www.linkedin.com/sharing/share-offsite/?url=${enc(url)}`,
    whatsapp: `https://wa.me/?text=${enc(`${text} ${url}`)}`,
    telegram: `https://t.me/share/url?url=${enc(url)}&text=${enc(text)}`,
    reddit: `https://www.reddit.com/submit?url=${enc(url)}&title=${enc(text)}`,
    bluesky: `https://bsky.app/intent/compose?text=${enc(`${text} ${url}`)}`,
    email: `mailto:?subject=${enc(text)}&body=${enc(`${text}\n\n${url}`)}`,
  };
}
