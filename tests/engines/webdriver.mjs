// A small W3C WebDriver (classic, HTTP + JSON) client on Node's built-in fetch, enough to drive
// Chromium (chromedriver), Firefox ESR (geckodriver) and WebKitGTK (WebKitWebDriver) through the
// same scenarios. No dependency: Playwright cannot drive Debian's Firefox ESR or WebKitGTK, and
// the protocol is small.
//
//   const driver = await startDriver('firefox');       // spawns geckodriver on a free port
//   const session = await driver.newSession();          // headless browser, engine's capabilities
//   await session.navigate(url);
//   const value = await session.execute('return document.title');
//   await session.deleteSession(); await driver.stop();

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/chromium.mjs';

/** The W3C web element identifier key. */
const W3C_ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
export const ELEMENT_KEY = W3C_ELEMENT;

/** WebDriver key codes (the Unicode private-use characters of the spec). */
export const Keys = Object.freeze({
  TAB: '\uE004',
  ENTER: '\uE007',
  ESCAPE: '\uE00C',
  SPACE: '\uE00D',
});

// Chromium: the shared flags (scripts/chromium.mjs) plus headless and a window size.
const CHROMIUM_FLAGS = ['--headless', ...CHROMIUM_ARGS, '--window-size=1280,900'];

// Firefox: a closed network. geckodriver's own profile already turns off updates and telemetry;
// these keep the remaining background connections from waiting on DNS.
const FIREFOX_PREFS = {
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'browser.safebrowsing.update.enabled': false,
  'browser.safebrowsing.downloads.remote.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'media.gmp-manager.url': '',
  'browser.region.network.url': '',
  'dom.events.asyncClipboard.clipboardItem': true,
};

/** The first `name` on PATH, or null. */
function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  return null;
}

/** Where WebKitGTK's MiniBrowser lives (Debian ships it beside the library). */
export function miniBrowserPath() {
  const candidates = [
    process.env.MINIBROWSER_PATH,
    '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
    '/usr/lib/x86_64-linux-gnu/webkitgtk-6.0/MiniBrowser',
    '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.0/MiniBrowser',
    '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  ].filter(Boolean);
  return candidates.find((p) => existsSync(p)) ?? candidates[candidates.length - 1];
}

/** Per engine: the driver binary, its arguments for a port, and the session capabilities. */
export const ENGINES = Object.freeze({
  chromium: {
    name: 'Chromium',
    driver: () => process.env.CHROMEDRIVER_PATH ?? '/usr/bin/chromedriver',
    browser: () => CHROMIUM,
    args: (port) => [`--port=${port}`],
    capabilities: (browser) => ({
      browserName: 'chrome',
      'goog:chromeOptions': { binary: browser, args: CHROMIUM_FLAGS },
    }),
  },
  firefox: {
    name: 'Firefox ESR',
    // cargo install puts it in ~/.cargo/bin, which test.sh's environment has on PATH.
    driver: () => process.env.GECKODRIVER_PATH ?? onPath('geckodriver') ?? path.join(os.homedir(), '.cargo/bin/geckodriver'),
    browser: () => process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    // --websocket-port 0: each geckodriver asks Firefox for a free remote-agent port (the default
    // 9222 would collide with another run).
    args: (port) => ['--port', String(port), '--websocket-port', '0', '--log', 'error'],
    capabilities: (browser) => ({
      browserName: 'firefox',
      'moz:firefoxOptions': { binary: browser, args: ['-headless', '-width', '1280', '-height', '900'], prefs: FIREFOX_PREFS },
    }),
  },
  webkit: {
    name: 'WebKitGTK',
    driver: () => process.env.WEBKITWEBDRIVER_PATH ?? '/usr/bin/WebKitWebDriver',
    browser: miniBrowserPath,
    args: (port) => [`--port=${port}`],
    // WebKitGTK 2.50's MiniBrowser (GTK 3) has no headless mode ("cannot open display"; its
    // only option here is --automation): it runs on a private Xvfb display.
    needsDisplay: true,
    capabilities: (browser) => ({
      'webkitgtk:browserOptions': { binary: browser, args: ['--automation'] },
    }),
  },
});

/** A free TCP port on loopback. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A WebDriver error response as an Error (its `error` code kept). */
export class WebDriverError extends Error {
  constructor(method, url, status, value) {
    super(`${method} ${new URL(url).pathname} -> ${status} ${value?.error ?? ''}: ${value?.message ?? JSON.stringify(value)}`.slice(0, 2000));
    this.error = value?.error;
    this.status = status;
  }
}

async function request(method, url, body) {
  const res = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    throw new WebDriverError(method, url, res.status, { error: 'invalid response', message: text.slice(0, 500) });
  }
  if (!res.ok || (json.value && json.value.error)) throw new WebDriverError(method, url, res.status, json.value);
  return json.value;
}

/**
 * Spawns the engine's driver on a free port and waits until it answers `/status`.
 * Throws (never skips) when the driver or the browser binary is missing.
 * @param {'chromium' | 'firefox' | 'webkit'} engine
 */
export async function startDriver(engine, { timeout = 30_000 } = {}) {
  const spec = ENGINES[engine];
  if (!spec) throw new Error(`unknown engine ${engine}`);
  const driverPath = spec.driver();
  const browserPath = spec.browser();
  for (const [what, file] of [['driver', driverPath], ['browser', browserPath]]) {
    if (!existsSync(file)) throw new Error(`${spec.name}: ${what} ${file} is missing (run scripts/setup.sh)`);
  }
  const port = await freePort();
  const xvfb = spec.needsDisplay ? await startXvfb(spec.name) : null;
  // Firefox and WebKitGTK write caches under HOME/XDG dirs: give each run its own.
  const home = mkdtempSync(path.join(os.tmpdir(), `engines-${engine}-`));
  const env = { ...process.env, XDG_CACHE_HOME: path.join(home, 'cache'), XDG_DATA_HOME: path.join(home, 'data'), XDG_CONFIG_HOME: path.join(home, 'config') };
  if (xvfb) env.DISPLAY = xvfb.display;
  const child = spawn(driverPath, spec.args(port), { stdio: ['ignore', 'pipe', 'pipe'], env });
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  child.once('exit', (code, signal) => {
    exited = { code, signal };
  });
  const base = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (exited) {
      xvfb?.stop();
      throw new Error(`${spec.name}: ${driverPath} exited (${JSON.stringify(exited)}): ${output}`);
    }
    try {
      const status = await request('GET', `${base}/status`);
      if (status && status.ready !== false) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > timeout) {
      child.kill('SIGKILL');
      xvfb?.stop();
      throw new Error(`${spec.name}: ${driverPath} did not answer on port ${port} in ${timeout} ms: ${output}`);
    }
    await sleep(100);
  }
  const driver = {
    engine,
    name: spec.name,
    base,
    browserPath,
    output: () => output,
    /** Opens a browser session with the engine's capabilities. */
    async newSession(extra = {}) {
      const alwaysMatch = { ...spec.capabilities(browserPath), ...extra, pageLoadStrategy: 'normal', unhandledPromptBehavior: 'dismiss' };
      const value = await request('POST', `${base}/session`, { capabilities: { alwaysMatch } });
      return new Session(base, value.sessionId, value.capabilities, spec.name);
    },
    /** Ends the driver process (and any browser it still owns). */
    async stop() {
      if (!exited) {
        child.kill('SIGTERM');
        for (let i = 0; i < 50 && !exited; i++) await sleep(100);
        if (!exited) child.kill('SIGKILL');
      }
      xvfb?.stop();
      // The browser's last child processes may still be writing caches (Mesa's shader cache):
      // retry, and never let a leftover temporary folder fail a test.
      try {
        rmSync(home, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
      } catch {
        // left in the system's temporary folder
      }
    },
  };
  return driver;
}

/**
 * Starts Xvfb on a display it picks itself (`-displayfd`), resolves to `{ display, stop }`.
 */
function startXvfb(name) {
  const xvfbPath = process.env.XVFB_PATH ?? '/usr/bin/Xvfb';
  if (!existsSync(xvfbPath)) throw new Error(`${name}: ${xvfbPath} is missing (run scripts/setup.sh)`);
  return new Promise((resolve, reject) => {
    const child = spawn(xvfbPath, ['-displayfd', '3', '-screen', '0', '1280x900x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (c) => {
      err = (err + c).slice(-2000);
    });
    let got = '';
    child.stdio[3].on('data', (c) => {
      got += c;
      if (got.includes('\n')) {
        resolve({ display: `:${got.trim()}`, stop: () => child.kill('SIGTERM') });
      }
    });
    child.once('exit', (code) => reject(new Error(`${name}: Xvfb exited (${code}): ${err}`)));
    child.once('error', reject);
  });
}

/** A web element reference from a WebDriver value (or null). */
export function elementRef(value) {
  return value && typeof value === 'object' && value[W3C_ELEMENT] ? value : null;
}

export class Session {
  constructor(base, id, capabilities, engineName) {
    this.base = base;
    this.id = id;
    this.capabilities = capabilities;
    this.engineName = engineName;
  }

  get browserVersion() {
    return this.capabilities?.browserVersion ?? '?';
  }

  cmd(method, suffix, body) {
    return request(method, `${this.base}/session/${this.id}${suffix}`, body);
  }

  async setTimeouts({ script = 30_000, pageLoad = 60_000, implicit = 0 } = {}) {
    await this.cmd('POST', '/timeouts', { script, pageLoad, implicit });
  }

  navigate(url) {
    return this.cmd('POST', '/url', { url });
  }

  url() {
    return this.cmd('GET', '/url');
  }

  /** Runs `script` (a function body; `arguments` holds `args`) and returns its value. */
  execute(script, ...args) {
    return this.cmd('POST', '/execute/sync', { script, args });
  }

  /** Runs `script` asynchronously: it calls `arguments[arguments.length - 1](value)` to finish. */
  executeAsync(script, ...args) {
    return this.cmd('POST', '/execute/async', { script, args });
  }

  /** Polls `script` every `interval` ms until it returns a truthy value; returns that value. */
  async waitFor(script, { args = [], timeout = 10_000, interval = 50, message = 'condition' } = {}) {
    const started = Date.now();
    let last;
    for (;;) {
      last = await this.execute(script, ...args);
      if (last) return last;
      if (Date.now() - started > timeout) throw new Error(`${this.engineName}: timed out after ${timeout} ms waiting for ${message}`);
      await sleep(interval);
    }
  }

  async findElements(css, from) {
    const suffix = from ? `/element/${from[W3C_ELEMENT]}/elements` : '/elements';
    return this.cmd('POST', suffix, { using: 'css selector', value: css });
  }

  /** An element inside an open shadow root, found by script (works alike in every engine). */
  async shadowElement(hostSelector, css, index = 0) {
    const value = await this.execute(
      'const root = document.querySelector(arguments[0])?.shadowRoot; return root ? root.querySelectorAll(arguments[1])[arguments[2]] ?? null : null;',
      hostSelector,
      css,
      index,
    );
    const ref = elementRef(value);
    if (!ref) throw new Error(`${this.engineName}: no element ${css} [${index}] in the shadow root of ${hostSelector}`);
    return ref;
  }

  click(element) {
    return this.cmd('POST', `/element/${element[W3C_ELEMENT]}/click`, {});
  }

  sendKeys(element, text) {
    return this.cmd('POST', `/element/${element[W3C_ELEMENT]}/value`, { text });
  }

  /** Presses and releases each key in turn, to whatever has focus. */
  async pressKeys(...keys) {
    const actions = keys.flatMap((value) => [
      { type: 'keyDown', value },
      { type: 'keyUp', value },
    ]);
    await this.cmd('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
    await this.cmd('DELETE', '/actions');
  }

  /** Moves the mouse onto the middle of `element` (hover), or to viewport `x`, `y`. */
  async pointerMove(target) {
    const move = target && target[W3C_ELEMENT]
      ? { type: 'pointerMove', duration: 0, origin: target, x: 0, y: 0 }
      : { type: 'pointerMove', duration: 0, origin: 'viewport', x: target.x, y: target.y };
    await this.cmd('POST', '/actions', {
      actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [move] }],
    });
  }

  /** A PNG screenshot of the viewport, or of `element` alone. */
  async screenshot(element) {
    const suffix = element ? `/element/${element[W3C_ELEMENT]}/screenshot` : '/screenshot';
    return Buffer.from(await this.cmd('GET', suffix), 'base64');
  }

  async setWindowRect(width, height) {
    try {
      await this.cmd('POST', '/window/rect', { width, height });
    } catch {
      // Headless windows may refuse; the default size stands.
    }
  }

  async deleteSession() {
    await this.cmd('DELETE', '').catch(() => {});
  }
}
