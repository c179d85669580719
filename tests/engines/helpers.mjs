// Shared set-up of the three-engine suite: one static server (scripts/serve.mjs) reached under two
// origins, one WebDriver session per engine and test file.
//
// Only Chromium can map a made-up host name (`cdn.test`) to loopback, so here the two origins are
// two names of loopback itself: host pages at http://localhost:PORT/engines/<page>.html, widget and
// documents at http://127.0.0.1:PORT/... Different host names are different origins, so every
// widget request stays a CORS request, as on a partner site.
//
// The host pages are the Playwright suite's own (tests/e2e/pages/), so both suites test the same
// public markup: when the server has its port, each page is copied into a temporary folder with
// `http://cdn.test` replaced by `http://127.0.0.1:PORT`, and a classic script `engines-recorder.js`
// inserted first in its <head> (WebDriver classic has no init scripts) that records the widget's
// events and every uncaught error, unhandled rejection and console error of the page.

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_MOUNTS, ROOT, startServer } from '../../scripts/serve.mjs';
import { CONTENT_DIR, DIST_DIR, recordEvents } from '../e2e/helpers.mjs';
import { startDriver } from './webdriver.mjs';

export { ROOT };

export const PAGES_DIR = path.join(ROOT, 'tests/e2e/pages');

/** How long a widget may take to reach its ready or error state. */
export const RENDER_TIMEOUT_MS = Number(process.env.E2E_RENDER_TIMEOUT_MS ?? 30_000);
/** Upper bound of one test (and of the `before` hook that starts a browser). */
export const TEST_TIMEOUT = 90_000;

// Runs in the host page before any other script. `?degrade=anchors|clipboard|intersection-observer`
// (repeatable) hides that feature from the page first, so that every engine also runs the path
// the widget takes in a browser without it.
const RECORDER = `(() => {
  const degrade = new URLSearchParams(location.search).getAll('degrade');
  if (degrade.includes('anchors')) {
    const supports = CSS.supports.bind(CSS);
    CSS.supports = (...args) => (/anchor|position-area/.test(String(args[0])) ? false : supports(...args));
  }
  if (degrade.includes('clipboard')) {
    Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true });
  }
  if (degrade.includes('intersection-observer')) delete window.IntersectionObserver;
  // The widget's events, recorded as the Playwright suite records them.
  (${recordEvents})();
  window.__pageErrors = [];
  window.__consoleErrors = [];
  window.addEventListener('error', (e) => {
    if (e instanceof ErrorEvent) window.__pageErrors.push('error: ' + e.message + ' at ' + e.filename + ':' + e.lineno);
  });
  window.addEventListener('unhandledrejection', (e) => {
    window.__pageErrors.push('unhandled rejection: ' + String(e.reason && (e.reason.stack || e.reason.message) || e.reason));
  });
  const original = console.error.bind(console);
  console.error = (...args) => {
    window.__consoleErrors.push(args.map((a) => String(a && a.message ? a.message : a)).join(' '));
    original(...args);
  };
})();
`;

/** Writes the host pages for `cdnBase` into `dir` (see the header). */
function writePages(dir, cdnBase) {
  writeFileSync(path.join(dir, 'engines-recorder.js'), RECORDER);
  writeFileSync(path.join(dir, 'blank.html'), '<!doctype html><title>blank</title>\n');
  const files = readdirSync(PAGES_DIR);
  for (const file of files) {
    let text = readFileSync(path.join(PAGES_DIR, file), 'utf8').replaceAll('http://cdn.test', cdnBase);
    // Under a CSP page's policy too: the recorder is a same-origin file ('self').
    if (file.endsWith('.html')) {
      text = text.replace(/<head>/i, '<head>\n  <script src="engines-recorder.js"></script>');
    }
    writeFileSync(path.join(dir, file), text);
  }
}

/**
 * Starts the server and a WebDriver session of `engine`. Call from `before`; `stop` from `after`.
 * A missing driver or browser throws: the suite fails rather than skips.
 */
export async function startEngine(engine) {
  const pagesDir = mkdtempSync(path.join(os.tmpdir(), 'engines-pages-'));
  const mounts = { ...DEFAULT_MOUNTS, '/embed/': DIST_DIR, '/c/': CONTENT_DIR, '/engines/': pagesDir };
  const server = await startServer({ host: '127.0.0.1', port: 0, mounts, faults: true });
  const cdn = `http://127.0.0.1:${server.port}`;
  writePages(pagesDir, cdn);
  let driver;
  let session;
  try {
    driver = await startDriver(engine);
    session = await driver.newSession();
    await session.setTimeouts({ script: 30_000, pageLoad: 60_000 });
    await session.setWindowRect(1280, 900);
  } catch (err) {
    await driver?.stop();
    await server.close();
    rmSync(pagesDir, { recursive: true, force: true });
    throw err;
  }
  const hostUrl = (page) => `http://localhost:${server.port}/engines/${page}`;
  return {
    engine,
    name: driver.name,
    version: session.browserVersion,
    session,
    server,
    cdn,
    hostUrl,
    /** Opens a host page with the site's storage cleared (a reader's earlier choices forgotten). */
    async open(page) {
      await session.navigate(hostUrl('blank.html'));
      await session.execute('try { localStorage.clear(); sessionStorage.clear(); } catch (e) {} return true;');
      await session.navigate(hostUrl(page));
    },
    stop: async () => {
      await session?.deleteSession();
      await driver?.stop();
      await server.close();
      rmSync(pagesDir, { recursive: true, force: true, maxRetries: 5 });
    },
  };
}

/** Waits until widget `selector` shows its title ('ready') or its error part ('error'). */
export async function waitForWidget(env, selector, timeout = RENDER_TIMEOUT_MS) {
  try {
    return await env.session.waitFor(
      `const root = document.querySelector(arguments[0])?.shadowRoot;
       if (!root) return false;
       const error = root.querySelector('[part~="error"]');
       if (error && error.textContent.trim()) return 'error';
       const title = root.querySelector('[part~="title"]');
       if (title && title.textContent.trim()) return 'ready';
       return false;`,
      { args: [selector], timeout, message: `widget ${selector}` },
    );
  } catch (err) {
    const state = await env.session
      .execute(
        `const el = document.querySelector(arguments[0]);
         if (!el) return 'no such element';
         if (!el.shadowRoot) return 'no open shadow root (defined: ' + !!customElements.get('commentary-embed') + ')';
         return 'parts [' + [...el.shadowRoot.querySelectorAll('[part]')].map((p) => p.getAttribute('part')).join(', ') + ']';`,
        selector,
      )
      .catch((e) => `(state unavailable: ${e.message})`);
    throw new Error(`${env.name}: widget ${selector} reached neither ready nor error: ${state}${await pageLog(env)}`);
  }
}

/** Recorded widget events, optionally of one type. */
export async function events(env, type) {
  const all = (await env.session.execute('return window.__commentaryEvents ?? null')) ?? [];
  return type ? all.filter((e) => e.type === type) : all;
}

/** Waits (briefly) for a `type` event on the element with id `target`; returns those events. */
export async function waitForEvent(env, type, target, timeout = 5_000) {
  await env.session
    .waitFor('return (window.__commentaryEvents ?? []).some((e) => e.type === arguments[0] && e.target === arguments[1])', {
      args: [type, target],
      timeout,
      message: `${type} on #${target}`,
    })
    .catch(() => {});
  return (await events(env, type)).filter((e) => e.target === target);
}

/** The host page's uncaught errors and console errors so far. */
export async function pageErrors(env) {
  return env.session.execute(
    'return { recorder: Array.isArray(window.__pageErrors), errors: window.__pageErrors ?? [], console: window.__consoleErrors ?? [] }',
  );
}

/** Text to append to an assertion message: what the page reported. */
export async function pageLog(env) {
  const log = await pageErrors(env).catch(() => null);
  if (!log) return '';
  const lines = [...log.errors, ...log.console.map((c) => `console.error: ${c}`)];
  return lines.length ? `\n--- page log (${env.name}) ---\n${lines.join('\n')}` : '';
}

/** Polls `script` until it returns a truthy value within `ms`. */
export function eventually(env, script, message, { args = [], ms = 5_000 } = {}) {
  return env.session.waitFor(script, { args, timeout: ms, message });
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
