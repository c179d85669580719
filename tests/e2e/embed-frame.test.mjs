// The embed page (<out>/<id>/<lang>/embed/, CONTRACTS §4) in the exact frame WordPress sets
// (sandbox="allow-scripts" security="restricted": no same origin, no popups, no storage, no
// clipboard permission), on a plain partner page (pages/frame-sandbox.html) rather than a real
// WordPress (tests/e2e/wordpress.test.mjs has that): the height protocols message by message,
// and every control inside the sandbox either working or saying what to do instead.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CDN, TEST_TIMEOUT, missingBuild, openPage, pageLog, startEnvironment } from './helpers.mjs';

const SECRET = 'Secret1234';

describe('the embed page in WordPress\'s sandbox', { skip: missingBuild() }, () => {
  let env;
  before(async () => {
    env = await startEnvironment();
  }, { timeout: TEST_TIMEOUT });
  after(() => env?.stop());

  /** The partner page, its frame, the widget ready inside; `route` may rewrite the document. */
  async function open({ route } = {}) {
    const requested = [];
    const page = await openPage(env, env.hostUrl('frame-sandbox.html'), {
      context: { viewport: { width: 900, height: 700 } },
      beforeGoto: async (p) => {
        p.context().on('request', (r) => r.url().startsWith(CDN) && requested.push(new URL(r.url()).pathname));
        if (route) await p.context().route(`${CDN}/c/2026-36.json`, route);
      },
    });
    const handle = await page.locator('#frame').elementHandle();
    const frame = await handle.contentFrame();
    const state = await frame
      .waitForFunction(() => {
        const root = document.querySelector('commentary-embed')?.shadowRoot;
        if (root?.querySelector('[part~="error"]')?.textContent.trim()) return 'error';
        if (root?.querySelector('[part~="title"]')?.textContent.trim()) return 'ready';
        return false;
      }, null, { timeout: 20_000, polling: 50 })
      .then((h) => h.jsonValue());
    return { page, frame, state, requested, iframe: page.locator('#frame') };
  }

  const messages = (page) => page.evaluate(() => window.__messages);
  const heightOf = (frame) => frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
  const root = (frame, selector) => frame.locator(`commentary-embed ${selector}`);

  /** Waits until a message matching `match` arrives after the first `from` ones. */
  async function nextMessage(page, from, match, timeout = 5_000) {
    const until = Date.now() + timeout;
    for (;;) {
      const got = (await messages(page)).slice(from).find(match);
      if (got) return got;
      if (Date.now() > until) throw new Error(`no such message after #${from}: ${JSON.stringify((await messages(page)).slice(from))}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  test('height: both protocols with the last secret of the hash, at load and in reply to ready', { timeout: TEST_TIMEOUT }, async () => {
    const { page, frame, state, iframe, requested } = await open();
    try {
      assert.equal(state, 'ready', pageLog(page));
      // The same loader as any partner page, plus the frame script: nothing else of the widget.
      assert.deepEqual(
        [...new Set(requested.filter((p) => p.startsWith('/embed/')))].sort(),
        ['/embed/commentary-embed-widget.js', '/embed/commentary-embed-widget_bg.wasm', '/embed/commentary-embed.css', '/embed/commentary-embed.js', '/embed/commentary-frame.js'],
      );
      // Settled: the last reports name the page's height.
      await page.waitForFunction(() => window.__messages.some((m) => m.message === 'height'));
      await page.waitForTimeout(300);
      const all = await messages(page);
      const wp = all.filter((m) => m.message === 'height');
      assert.ok(wp.length > 0);
      assert.ok(wp.every((m) => m.secret === SECRET), `the last secret= of the hash: ${JSON.stringify(wp)}`);
      const height = await heightOf(frame);
      assert.equal(wp.at(-1).value, height);
      const generic = all.filter((m) => m.type === 'commentary-embed:height');
      assert.deepEqual(generic.at(-1), { type: 'commentary-embed:height', id: '2026-36', lang: 'en', height });
      assert.equal(Number(await iframe.getAttribute('height')), Math.min(1000, height), 'the partner page followed');

      // `ready` with the secret gets the height again; with another secret, nothing.
      let from = (await messages(page)).length;
      await page.evaluate(() => document.getElementById('frame').contentWindow.postMessage({ message: 'ready', secret: 'Other12345' }, '*'));
      await page.waitForTimeout(300);
      assert.deepEqual((await messages(page)).slice(from), [], 'no answer to a foreign secret');
      await page.evaluate((s) => document.getElementById('frame').contentWindow.postMessage({ message: 'ready', secret: s }, '*'), SECRET);
      const answer = await nextMessage(page, from, (m) => m.message === 'height');
      assert.deepEqual(answer, { message: 'height', value: height, secret: SECRET });

      // A secret added to the hash after the load (wp-embed.js does that) is taken up.
      from = (await messages(page)).length;
      await page.evaluate(() => {
        const frame = document.getElementById('frame');
        frame.dataset.secret = 'Later12345';
        frame.src += '#?secret=Later12345';
      });
      const later = await nextMessage(page, from, (m) => m.message === 'height');
      assert.equal(later.secret, 'Later12345');
    } finally {
      await page.closeAll();
    }
  });

  test('height: the cite panel, a narrower frame and a language switch are each reported', { timeout: TEST_TIMEOUT }, async () => {
    const { page, frame, iframe } = await open();
    try {
      await page.waitForFunction(() => window.__messages.some((m) => m.message === 'height'));
      await page.waitForTimeout(300);
      let from = (await messages(page)).length;
      const before = await heightOf(frame);
      await root(frame, '[part~="cite-button"]').click();
      const opened = await nextMessage(page, from, (m) => m.message === 'height' && m.value > before);
      assert.equal(opened.value, await heightOf(frame));

      from = (await messages(page)).length;
      const wide = await heightOf(frame);
      await iframe.evaluate((f) => { f.width = '360'; });
      const narrow = await nextMessage(page, from, (m) => m.message === 'height' && m.value > wide);
      assert.ok(narrow.value > wide, 'narrower is taller');

      from = (await messages(page)).length;
      await root(frame, '[part~="language-toggle"] button[lang="tr"]').click();
      const switched = await nextMessage(page, from, (m) => m.type === 'commentary-embed:height' && m.lang === 'tr');
      assert.equal(switched.id, '2026-36');
      // The Turkish original has no URL of its own: the embed page shares the Turkish article
      // page, never its own address (which carries the host's secret).
      const linkedin = await root(frame, '[part~="share"] a[data-network="linkedin"]').getAttribute('href');
      assert.equal(linkedin, `https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(`${CDN}/c/2026-36/tr/`)}`);
    } finally {
      await page.closeAll();
    }
  });

  test('a share link that may not open a window offers the link to copy and the article through `link`', { timeout: TEST_TIMEOUT }, async () => {
    const { page, frame } = await open();
    try {
      const popups = [];
      page.context().on('page', (p) => popups.push(p));
      const href = await root(frame, '[part~="share"] a[data-network="linkedin"]').getAttribute('href');
      await root(frame, '[part~="share"] a[data-network="linkedin"]').click();
      const notice = frame.locator('.ce-frame-notice');
      await notice.waitFor({ timeout: 5_000 });
      assert.equal(await notice.getAttribute('role'), 'alert');
      assert.equal(await notice.locator('input').inputValue(), href);
      assert.equal(await frame.evaluate(() => document.activeElement?.value), href, 'selected, to copy');
      assert.equal(popups.length, 0, 'nothing opened');
      // The article on the publisher's site: a link of the embed page's own host, posted to the
      // parent as wp-embed's `link` (WordPress then opens it in the parent page).
      const article = await notice.locator('a').getAttribute('href');
      assert.equal(article, `${CDN}/c/2026-36/en/`);
      const from = (await messages(page)).length;
      await notice.locator('a').click();
      const link = await nextMessage(page, from, (m) => m.message === 'link');
      assert.deepEqual(link, { message: 'link', value: article, secret: SECRET });
      assert.ok(frame.url().includes('/embed/'), 'the frame stayed where it was');
      // The notice closes.
      await notice.locator('button').click();
      assert.equal(await frame.locator('.ce-frame-notice').count(), 0);
    } finally {
      await page.closeAll();
    }
  });

  test('Mastodon, copy, download and remembered choices: each works or says what to do instead', { timeout: TEST_TIMEOUT }, async () => {
    const { page, frame } = await open();
    const errors = [];
    page.on('console', (m) => m.type() === 'error' && !/sandboxed|allow-popups|allow-downloads/i.test(m.text()) && errors.push(m.text()));
    try {
      const popups = [];
      page.context().on('page', (p) => popups.push(p));
      // Mastodon: the server is asked (storage refuses to remember it), the window refused,
      // the share page offered to copy.
      await root(frame, '[part~="share"] button[data-network="mastodon"]').click();
      await root(frame, '.ce-mastodon-form input').fill('mastodon.social');
      await root(frame, '.ce-mastodon-form button[type="submit"]').click();
      const blocked = root(frame, '[data-blocked="window"]');
      await blocked.waitFor({ timeout: 5_000 });
      assert.match(await blocked.locator('input').inputValue(), /^https:\/\/mastodon\.social\/share\?text=/);
      assert.ok((await blocked.textContent()).includes('new windows'));
      assert.equal(popups.length, 0);

      // Copy link: the clipboard is refused in the sandbox; the link is shown selected.
      await root(frame, '[part~="share"] button[data-network="copy"]').click();
      const copyFailed = root(frame, '.ce-copy-failed:not([data-blocked]) input');
      await copyFailed.waitFor({ timeout: 5_000 });
      assert.match(await copyFailed.inputValue(), /^https?:\/\//);

      // Citation downloads: refused in the sandbox, so the text is selected and the reader told.
      await root(frame, '[part~="cite-button"]').click();
      const download = root(frame, 'button[data-download$=".ris"]');
      let downloaded = false;
      page.on('download', () => (downloaded = true));
      await download.click();
      const status = root(frame, '[data-download-refused]');
      await status.waitFor({ timeout: 5_000 });
      assert.ok((await status.textContent()).includes('Copy the text'));
      assert.ok((await frame.evaluate(() => document.querySelector('commentary-embed').shadowRoot.getSelection?.()?.toString() ?? getSelection().toString())).includes('TY  -'), 'the RIS text is selected');
      assert.equal(downloaded, false);

      // A language choice is simply not remembered: a reload shows the page's own language.
      await root(frame, '[part~="language-toggle"] button[lang="tr"]').click();
      await frame.waitForFunction(() => document.querySelector('commentary-embed').shadowRoot.querySelector('[part~="language-toggle"] button[lang="tr"]')?.getAttribute('aria-pressed') === 'true');
      await frame.evaluate(() => location.reload());
      const reloaded = page.frames().find((f) => f.url().includes('/embed/'));
      await reloaded.waitForFunction(() => document.querySelector('commentary-embed')?.shadowRoot?.querySelector('[part~="language-toggle"] button[lang="en"]')?.getAttribute('aria-pressed') === 'true', null, { timeout: 20_000 });
      assert.deepEqual(errors, [], 'nothing threw');
    } finally {
      await page.closeAll();
    }
  });

  test('a short commentary: the frame is exactly as tall as its page, with nothing to scroll', { timeout: TEST_TIMEOUT }, async () => {
    // The seed cut to one sentence per version (so well under WordPress's 1000 px cap).
    // (Fetched from Node at the server's own address: cdn.test resolves only in Chromium.)
    const route = async (r) => {
      const doc = await (await fetch(`http://127.0.0.1:${env.port}/c/2026-36.json`)).json();
      for (const v of doc.versions) {
        v.body = [{ paragraph: [{ text: 'One short paragraph.' }] }];
        v.notes = [];
        delete v.align;
      }
      await r.fulfill({ status: 200, body: JSON.stringify(doc), headers: { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/json' } });
    };
    const { page, frame, state, iframe } = await open({ route });
    try {
      assert.equal(state, 'ready', pageLog(page));
      await page.waitForTimeout(300);
      const height = await heightOf(frame);
      assert.ok(height > 200 && height < 1000, `height ${height}`);
      assert.equal((await messages(page)).filter((m) => m.message === 'height').at(-1).value, height);
      assert.equal(Number(await iframe.getAttribute('height')), height);
      assert.ok(await frame.evaluate(() => document.scrollingElement.scrollHeight <= window.innerHeight + 1), 'nothing to scroll');
    } finally {
      await page.closeAll();
    }
  });

  for (const [what, route] of [
    ['fails to load (404)', (r) => r.fulfill({ status: 404, body: 'not found', headers: { 'Access-Control-Allow-Origin': '*' } })],
    ['is invalid', (r) => r.fulfill({ status: 200, body: '{"schema":1,"id":"2026-36"}', headers: { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/json' } })],
  ]) {
    test(`a document that ${what}: the error part, the fallback link, and the height still reported`, { timeout: TEST_TIMEOUT }, async () => {
      const { page, frame, state } = await open({ route });
      try {
        assert.equal(state, 'error', pageLog(page));
        assert.ok(await frame.locator('commentary-embed > article p.original a').isVisible(), 'the fallback link');
        await page.waitForTimeout(300);
        const height = await heightOf(frame);
        const wp = (await messages(page)).filter((m) => m.message === 'height');
        assert.equal(wp.at(-1)?.value, height);
      } finally {
        await page.closeAll();
      }
    });
  }
});
