// Sharing through the public markup: the `share` part's links (exact hrefs, new tab, no opener),
// `share-url`, copy link (clipboard content and the failure state), the system sheet, the
// Mastodon prompt, the quote flow by mouse and keyboard, the `commentary-share` event, and that no
// request leaves for any other host before a click.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import {
  TEST_TIMEOUT,
  enc,
  events,
  expectedHrefs,
  missingBuild,
  openPage,
  pageLog,
  startEnvironment,
  waitForEvent,
  waitForWidget,
} from './helpers.mjs';

const SHARE = '#seed [part~="share"]';
const EN_URL =
  'https://www.avim.org.tr/en/Yorum/THE-SOLIDARITY-AMONG-TURKIC-STATES-TARGETED-THROUGH-TURKIYE-AZERBAIJAN-RELATIONS';
const EN_TITLE = 'The Solidarity Among Turkic States Targeted Through Türkiye-Azerbaijan Relations';
const NETWORKS = ['x', 'facebook', 'linkedin', 'whatsapp', 'telegram', 'reddit', 'bluesky', 'email'];

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Opens `file` with every request of the context recorded in `page.requests` and every request
 * to a host other than the test server's two names answered by a stub (nothing leaves the
 * machine, and a popup to a network still opens).
 */
async function sharePage(env, file = 'seed-en.html', { init, context = {} } = {}) {
  const requests = [];
  const page = await openPage(env, env.hostUrl(file), {
    context,
    beforeGoto: async (p) => {
      const ctx = p.context();
      ctx.on('request', (r) => requests.push(r.url()));
      await ctx.route(
        (url) => !['localhost', 'cdn.test'].includes(url.hostname),
        (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>stub</title>' }),
      );
      if (init) await p.addInitScript(init);
    },
  });
  page.requests = requests;
  assert.equal(await waitForWidget(page, '#seed'), 'ready', pageLog(page));
  return page;
}

const foreign = (requests) =>
  requests.filter((u) => !/^(https?:\/\/(localhost(:\d+)?|cdn\.test)\/|data:|blob:)/.test(u));

const links = (page, scope = SHARE) =>
  page.locator(`${scope} a[data-network]`).evaluateAll((els) =>
    els.map((a) => ({
      network: a.dataset.network,
      href: a.getAttribute('href'),
      target: a.getAttribute('target'),
      rel: a.getAttribute('rel'),
      name: a.getAttribute('aria-label'),
      icon: !!a.querySelector('svg[aria-hidden="true"]'),
      text: a.textContent.trim(),
    })),
  );

/** Clicks `locator` and returns the popup page it opened. */
async function popupOf(page, locator) {
  const [popup] = await Promise.all([page.context().waitForEvent('page'), locator.click()]);
  await popup.waitForLoadState('domcontentloaded').catch(() => {});
  return popup;
}

describe('share part', { skip: missingBuild() }, () => {
  let env;
  before(async () => {
    env = await startEnvironment();
  }, { timeout: TEST_TIMEOUT });
  after(() => env?.stop());

  test('eight network links with exact hrefs, a new tab, no opener, own icons', { timeout: TEST_TIMEOUT }, async () => {
    const page = await sharePage(env);
    try {
      assert.equal(await page.locator(SHARE).getAttribute('role'), 'group');
      assert.equal(await page.locator(SHARE).getAttribute('aria-label'), 'Share');
      const found = await links(page);
      assert.deepEqual(found.map((l) => l.network), NETWORKS);
      const want = expectedHrefs(EN_URL, EN_TITLE);
      for (const l of found) {
        assert.equal(l.href, want[l.network], l.network);
        assert.equal(l.target, '_blank', l.network);
        assert.equal(l.rel, 'noopener noreferrer', l.network);
        assert.ok(l.icon, `${l.network} has an inline icon`);
        assert.equal(l.text, '', `${l.network}: the icon is the only content`);
      }
      assert.deepEqual(found.map((l) => l.name), ['X', 'Facebook', 'LinkedIn', 'WhatsApp', 'Telegram', 'Reddit', 'Bluesky', 'E-mail']);
      // One reviewed snapshot, written out by hand.
      assert.equal(
        found[0].href,
        'https://x.com/intent/post?text=The%20Solidarity%20Among%20Turkic%20States%20Targeted%20Through%20T%C3%BCrkiye-Azerbaijan%20Relations&url=https%3A%2F%2Fwww.avim.org.tr%2Fen%2FYorum%2FTHE-SOLIDARITY-AMONG-TURKIC-STATES-TARGETED-THROUGH-TURKIYE-AZERBAIJAN-RELATIONS',
      );
      const copy = page.locator(`${SHARE} button[data-network="copy"]`);
      assert.equal(await copy.count(), 1);
      assert.equal(await copy.getAttribute('aria-label'), 'Copy link');
      assert.equal(await page.locator(`${SHARE} button[data-network="mastodon"]`).count(), 1);
      // The stylesheet and the CSP stay intact: no style attribute anywhere in the part.
      assert.equal(await page.locator(`${SHARE} [style]`).count(), 0);
    } finally {
      await page.closeAll();
    }
  });

  test('no request leaves for any other host before a click; a click shares and tells the page', { timeout: TEST_TIMEOUT }, async () => {
    const page = await sharePage(env);
    try {
      // Hover and focus every control: still nothing may be fetched from a network.
      for (const network of [...NETWORKS, 'copy', 'mastodon']) {
        const control = page.locator(`${SHARE} [data-network="${network}"]`);
        await control.hover();
        await control.focus();
      }
      await page.waitForTimeout(300);
      assert.deepEqual(foreign(page.requests), [], pageLog(page));
      assert.deepEqual(await events(page, 'commentary-share'), []);

      const popup = await popupOf(page, page.locator(`${SHARE} a[data-network="telegram"]`));
      assert.equal(popup.url(), expectedHrefs(EN_URL, EN_TITLE).telegram);
      assert.equal(await popup.evaluate(() => window.opener), null, 'no opener');
      const shared = await waitForEvent(page, 'commentary-share', 'seed');
      assert.equal(shared.length, 1);
      assert.deepEqual(shared[0].detail, { id: '2026-36', lang: 'en', network: 'telegram', url: EN_URL });
      assert.ok(shared[0].bubbles && shared[0].composed && shared[0].isCustomEvent);
      assert.deepEqual(foreign(page.requests).map((u) => new URL(u).hostname), ['t.me']);
    } finally {
      await page.closeAll();
    }
  });

  test('share-url: the original\'s URL, else the page; "page" shares the partner page', { timeout: TEST_TIMEOUT }, async () => {
    // The Turkish original has no URL of its own: the page's address is shared.
    const tr = await sharePage(env, 'seed-tr.html');
    try {
      const pageUrl = env.hostUrl('seed-tr.html');
      const title = 'Türkiye-Azerbaycan İlişkileri Üzerinden Hedef Alınan Türk Devletleri Arasındaki Dayanışma';
      const found = await links(tr);
      assert.equal(found[0].href, expectedHrefs(pageUrl, title).x);
      assert.equal(await tr.locator(SHARE).getAttribute('aria-label'), 'Paylaş');
      assert.equal(found[7].name, 'E-posta');
    } finally {
      await tr.closeAll();
    }
    const en = await sharePage(env);
    try {
      await en.evaluate(() => document.querySelector('#seed').setAttribute('share-url', 'page'));
      const pageUrl = env.hostUrl('seed-en.html');
      const want = expectedHrefs(pageUrl, EN_TITLE);
      await en.waitForFunction(
        ([sel, href]) => document.querySelector('#seed').shadowRoot.querySelector(sel)?.getAttribute('href') === href,
        ['[part~="share"] a[data-network="reddit"]', want.reddit],
        { timeout: 5000 },
      );
      for (const l of await links(en)) assert.equal(l.href, want[l.network], l.network);
    } finally {
      await en.closeAll();
    }
  });

  test('copy link puts the URL on the clipboard and says so', { timeout: TEST_TIMEOUT }, async () => {
    const page = await sharePage(env, 'seed-en.html', {
      context: { permissions: ['clipboard-read', 'clipboard-write'] },
    });
    try {
      await page.locator(`${SHARE} button[data-network="copy"]`).click();
      await page.locator(`${SHARE} [role="status"]`).filter({ hasText: 'Link copied' }).waitFor({ timeout: 5000 });
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), EN_URL);
      const shared = await waitForEvent(page, 'commentary-share', 'seed');
      assert.deepEqual(shared.map((e) => e.detail), [{ id: '2026-36', lang: 'en', network: 'copy', url: EN_URL }]);
    } finally {
      await page.closeAll();
    }
  });

  test('a refused clipboard shows the link selected, to copy by hand', { timeout: TEST_TIMEOUT }, async () => {
    const page = await sharePage(env, 'seed-en.html', {
      init: () => {
        Object.defineProperty(navigator, 'clipboard', {
          value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
        });
      },
    });
    try {
      await page.locator(`${SHARE} button[data-network="copy"]`).click();
      const field = page.locator(`${SHARE} .ce-copy-failed input`);
      await field.waitFor({ timeout: 5000 });
      assert.equal(await field.inputValue(), EN_URL);
      assert.match(await page.locator(`${SHARE} .ce-copy-failed`).innerText(), /Copy failed: select the link/);
      const selected = await page.evaluate(() => {
        const input = document.querySelector('#seed').shadowRoot.querySelector('.ce-copy-failed input');
        return [input.selectionStart, input.selectionEnd, document.querySelector('#seed').shadowRoot.activeElement === input];
      });
      assert.deepEqual(selected, [0, EN_URL.length, true]);
      assert.deepEqual(await events(page, 'commentary-share'), [], 'a failed copy is no share');
    } finally {
      await page.closeAll();
    }
  });

  test('the system share sheet: a control where navigator.share exists, none where it does not', { timeout: TEST_TIMEOUT }, async () => {
    const without = await sharePage(env, 'seed-en.html', {
      init: () => {
        delete Navigator.prototype.share;
        delete Navigator.prototype.canShare;
      },
    });
    try {
      assert.equal(await without.locator(`${SHARE} [data-network="native"]`).count(), 0);
    } finally {
      await without.closeAll();
    }
    const page = await sharePage(env, 'seed-en.html', {
      init: () => {
        window.__shared = [];
        Navigator.prototype.share = function share(data) {
          window.__shared.push({ ...data });
          return Promise.resolve();
        };
      },
    });
    try {
      const button = page.locator(`${SHARE} button[data-network="native"]`);
      assert.equal(await button.getAttribute('aria-label'), 'Share…');
      await button.click();
      const shared = await waitForEvent(page, 'commentary-share', 'seed');
      assert.deepEqual(await page.evaluate(() => window.__shared), [{ title: EN_TITLE, text: EN_TITLE, url: EN_URL }]);
      assert.deepEqual(shared.map((e) => e.detail.network), ['native']);
    } finally {
      await page.closeAll();
    }
  });

  test('Mastodon asks once for a valid server, remembers it, then shares straight away', { timeout: TEST_TIMEOUT }, async () => {
    const page = await sharePage(env);
    try {
      const button = page.locator(`${SHARE} button[data-network="mastodon"]`);
      assert.equal(await button.getAttribute('aria-expanded'), 'false');
      await button.click();
      assert.equal(await button.getAttribute('aria-expanded'), 'true');
      const input = page.locator(`${SHARE} .ce-mastodon-form input`);
      await input.waitFor({ timeout: 5000 });
      assert.equal(await page.evaluate(() => document.querySelector('#seed').shadowRoot.activeElement?.name), 'instance', 'the field has focus');
      assert.equal(await page.locator(`${SHARE} .ce-mastodon-form label`).innerText(), 'Your Mastodon server');

      await input.fill('evil.example/phish?x=');
      await input.press('Enter');
      await page.locator(`${SHARE} [role="alert"]`).filter({ hasText: 'Enter a server name such as mastodon.social' }).waitFor({ timeout: 5000 });
      assert.equal(await input.getAttribute('aria-invalid'), 'true');
      assert.equal(page.context().pages().length, 1, 'nothing opened');

      await input.fill(' https://Mastodon.Social/ ');
      const [popup] = await Promise.all([page.context().waitForEvent('page'), input.press('Enter')]);
      await popup.waitForLoadState('domcontentloaded').catch(() => {});
      assert.equal(popup.url(), `https://mastodon.social/share?text=${enc(`${EN_TITLE} ${EN_URL}`)}`);
      assert.equal(await page.evaluate(() => localStorage.getItem('commentary-embed:mastodon')), 'mastodon.social');
      assert.equal(await input.count(), 0, 'the form closed');
      await popup.close();

      // Asked once: the next click goes straight to the remembered server.
      const again = await popupOf(page, button);
      assert.ok(again.url().startsWith('https://mastodon.social/share?text='), again.url());
      assert.equal(await input.count(), 0);
      const shared = await waitForEvent(page, 'commentary-share', 'seed');
      assert.deepEqual(shared.map((e) => e.detail), [
        { id: '2026-36', lang: 'en', network: 'mastodon', url: EN_URL },
        { id: '2026-36', lang: 'en', network: 'mastodon', url: EN_URL },
      ]);
      // A reader can still name another server.
      await page.locator(`${SHARE} .ce-mastodon-change`).click();
      assert.equal(await input.inputValue(), 'mastodon.social');
      await input.press('Escape');
      assert.equal(await input.count(), 0);
    } finally {
      await page.closeAll();
    }
  });

  test('embed-code shows and copies the exact snippets for this commentary: the script form and the framed form', { timeout: TEST_TIMEOUT }, async () => {
    const page = await sharePage(env, 'seed-en.html', {
      context: { permissions: ['clipboard-read', 'clipboard-write'] },
    });
    try {
      const EMBED = '#seed [part~="embed-code"]';
      assert.equal(await page.locator(EMBED).count(), 0, 'no Embed control unless asked for');
      await page.evaluate(() => document.querySelector('#seed').setAttribute('embed-code', ''));
      await page.locator(EMBED).waitFor({ state: 'attached', timeout: 5000 });
      await page.locator(`${EMBED} summary`).click();
      assert.equal(await page.locator(`${EMBED} summary`).innerText(), 'Embed');
      const snippet = [
        '<script type="module" src="http://cdn.test/embed/commentary-embed.js"></script>',
        '<commentary-embed src="http://cdn.test/c/2026-36.json" lang="en">',
        `  <a href="${EN_URL}">${EN_TITLE}</a>`,
        '</commentary-embed>',
      ].join('\n');
      assert.equal(await page.locator(`${EMBED} textarea[data-form="script"]`).inputValue(), snippet);
      await page.locator(`${EMBED} button[data-form="script"]`).click();
      await page.locator(`${EMBED} [role="status"]`).filter({ hasText: 'Code copied' }).waitFor({ timeout: 5000 });
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), snippet);
      // The framed form, for sites that allow no script (CONTRACTS §4): the embed page beside
      // the document's article page, exactly as oembed.json carries it.
      const attr = (t) => t.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
      const text = (t) => t.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
      const framed = `<blockquote class="wp-embedded-content"><a href="http://cdn.test/c/2026-36/en/">${text(EN_TITLE)}</a></blockquote>\n`
        + `<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted" src="http://cdn.test/c/2026-36/en/embed/" width="720" height="900" title="${attr(EN_TITLE)}" frameborder="0" marginwidth="0" marginheight="0"></iframe>`;
      assert.equal(await page.locator(`${EMBED} textarea[data-form="frame"]`).inputValue(), framed);
      await page.locator(`${EMBED} button[data-form="frame"]`).click();
      await page.waitForFunction((want) => navigator.clipboard.readText().then((t) => t === want), framed, { timeout: 5000 });
      await page.evaluate(() => document.querySelector('#seed').removeAttribute('embed-code'));
      await page.locator(EMBED).waitFor({ state: 'detached', timeout: 5000 });
    } finally {
      await page.closeAll();
    }
  });

  test('the links follow the shown language', { timeout: TEST_TIMEOUT }, async () => {
    const page = await sharePage(env);
    try {
      await page.evaluate(() => document.querySelector('#seed').setAttribute('lang', 'tr'));
      await page.waitForFunction(
        () => document.querySelector('#seed').shadowRoot.querySelector('[part~="share"]')?.getAttribute('aria-label') === 'Paylaş',
        null,
        { timeout: 5000 },
      );
      // The Turkish original has no URL of its own: the page's address, with the Turkish title.
      const title = 'Türkiye-Azerbaycan İlişkileri Üzerinden Hedef Alınan Türk Devletleri Arasındaki Dayanışma';
      const want = expectedHrefs(env.hostUrl('seed-en.html'), title);
      for (const l of await links(page)) assert.equal(l.href, want[l.network], l.network);
    } finally {
      await page.closeAll();
    }
  });

  test('axe finds nothing with the Mastodon form, the copy failure, the embed code and a quote panel open', { timeout: TEST_TIMEOUT }, async () => {
    const page = await sharePage(env, 'seed-en.html', {
      init: () => {
        Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
      },
    });
    try {
      await page.evaluate(() => document.querySelector('#seed').setAttribute('embed-code', ''));
      await page.locator('#seed [part~="embed-code"] summary').click();
      await page.locator(`${SHARE} button[data-network="mastodon"]`).click();
      await page.locator(`${SHARE} .ce-mastodon-form input`).fill('not a server');
      await page.locator(`${SHARE} .ce-mastodon-form button[type="submit"]`).click();
      await page.locator(`${SHARE} button[data-network="copy"]`).click();
      await page.locator(`${SHARE} .ce-copy-failed input`).waitFor({ timeout: 5000 });
      await page.evaluate(() => {
        const root = document.querySelector('#seed').shadowRoot;
        const text = root.querySelector('[part~="body"] p:nth-of-type(2)').firstChild;
        document.getSelection().setBaseAndExtent(text, 0, text, 20);
      });
      await page.locator('#seed [part~="share-quote-button"]').click();
      await page.locator('#seed [part~="share-quote"]').waitFor({ timeout: 5000 });
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const result = await window.axe.run({ include: [['#seed']] }, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
        });
        return result.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(', ')}`);
      });
      assert.deepEqual(violations, [], violations.join('\n'));
    } finally {
      await page.closeAll();
    }
  });
});

describe('quote sharing', { skip: missingBuild() }, () => {
  let env;
  before(async () => {
    env = await startEnvironment();
  }, { timeout: TEST_TIMEOUT });
  after(() => env?.stop());

  const QUOTE = 'In recent years, in parallel with the deepening political';
  const FRAGMENT = 'In%20recent%20years%2C%20in%20parallel%20with%20the%20deepening%20political';
  const QUOTE_URL = `${EN_URL}#:~:text=${FRAGMENT}`;
  const BUTTON = '#seed [part~="share-quote-button"]';
  const PANEL = '#seed [part~="share-quote"]';

  /** Selects the first `text` of the body, the way a keyboard or script would (no pointer). */
  const selectInBody = (page, text) =>
    page.evaluate((want) => {
      const root = document.querySelector('#seed').shadowRoot;
      const walker = document.createTreeWalker(root.querySelector('[part~="body"]'), NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.data.indexOf(want);
        if (at >= 0) {
          document.getSelection().setBaseAndExtent(node, at, node, at + want.length);
          return true;
        }
      }
      return false;
    }, text);

  test('no "Share quote" until text of the article is selected', { timeout: TEST_TIMEOUT }, async () => {
    const page = await sharePage(env);
    try {
      assert.equal(await page.locator(BUTTON).count(), 0);
      // A selection outside the article offers nothing.
      await page.evaluate(() => {
        const h1 = document.querySelector('#host-title');
        document.getSelection().selectAllChildren(h1);
      });
      await page.waitForTimeout(200);
      assert.equal(await page.locator(BUTTON).count(), 0);
      assert.ok(await selectInBody(page, QUOTE));
      await page.locator(BUTTON).waitFor({ timeout: 5000 });
      assert.equal(await page.locator(BUTTON).innerText(), 'Share quote');
      await page.evaluate(() => document.getSelection().removeAllRanges());
      await page.locator(BUTTON).waitFor({ state: 'detached', timeout: 5000 });
    } finally {
      await page.closeAll();
    }
  });

  test('by keyboard: select, Tab to "Share quote", Enter; links carry a text fragment and the quote', { timeout: TEST_TIMEOUT }, async () => {
    const page = await sharePage(env);
    try {
      assert.ok(await selectInBody(page, QUOTE));
      await page.locator(BUTTON).waitFor({ timeout: 5000 });
      let reached = false;
      for (let i = 0; i < 60 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(() => document.querySelector('#seed').shadowRoot.activeElement?.getAttribute('part') === 'share-quote-button');
      }
      assert.ok(reached, 'Tab reaches the Share quote button');
      await page.keyboard.press('Enter');
      await page.locator(PANEL).waitFor({ timeout: 5000 });
      assert.equal(await page.locator(PANEL).getAttribute('aria-label'), 'Share this quote');
      assert.equal(await page.evaluate(() => document.querySelector('#seed').shadowRoot.activeElement?.getAttribute('part')), 'share-quote', 'focus moves to the panel');
      assert.equal(await page.locator(`${PANEL} blockquote`).innerText(), `“${QUOTE}”`);
      const want = expectedHrefs(QUOTE_URL, `“${QUOTE}”`);
      const found = await links(page, PANEL);
      assert.deepEqual(found.map((l) => l.network), NETWORKS);
      for (const l of found) assert.equal(l.href, want[l.network], l.network);
      // The article's own share links are untouched.
      assert.equal((await links(page))[0].href, expectedHrefs(EN_URL, EN_TITLE).x);

      const popup = await popupOf(page, page.locator(`${PANEL} a[data-network="bluesky"]`));
      assert.equal(popup.url(), want.bluesky);
      const shared = await waitForEvent(page, 'commentary-share', 'seed');
      assert.deepEqual(shared.map((e) => e.detail), [{ id: '2026-36', lang: 'en', network: 'bluesky', url: QUOTE_URL }]);
      await popup.close();

      await page.locator(PANEL).press('Escape');
      await page.locator(PANEL).waitFor({ state: 'detached', timeout: 5000 });
    } finally {
      await page.closeAll();
    }
  });

  test('a quote across a footnote marker leaves the marker out', { timeout: TEST_TIMEOUT }, async () => {
    const page = await sharePage(env);
    try {
      const spanned = await page.evaluate(() => {
        const root = document.querySelector('#seed').shadowRoot;
        const walker = document.createTreeWalker(root.querySelector('[part~="body"]'), NodeFilter.SHOW_TEXT);
        let start = null;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (!start && node.data.includes('harmony amongst them.')) start = node;
          else if (start && node.data.startsWith(' At first glance')) {
            document.getSelection().setBaseAndExtent(start, start.data.indexOf('harmony'), node, ' At first'.length);
            return document.getSelection().toString();
          }
        }
        return null;
      });
      assert.match(spanned ?? '', /them\.\d+ At first$/, 'the raw selection holds the marker');
      await page.locator(BUTTON).click();
      await page.locator(PANEL).waitFor({ timeout: 5000 });
      assert.equal(await page.locator(`${PANEL} blockquote`).innerText(), '“harmony amongst them. At first”');
      const x = (await links(page, PANEL))[0].href;
      assert.ok(x.endsWith(`&url=${enc(`${EN_URL}#:~:text=harmony%20amongst%20them.%20At%20first`)}`), x);
    } finally {
      await page.closeAll();
    }
  });

  test('by mouse: drag over a passage, click "Share quote", copy the quote link', { timeout: TEST_TIMEOUT }, async () => {
    const page = await sharePage(env, 'seed-en.html', {
      context: { permissions: ['clipboard-read', 'clipboard-write'] },
    });
    try {
      // Drag across the start of the second paragraph.
      const box = await page.evaluate(() => {
        const p = document.querySelector('#seed').shadowRoot.querySelectorAll('[part~="body"] p')[1];
        const range = document.createRange();
        range.setStart(p.firstChild, 0);
        range.setEnd(p.firstChild, 15);
        const r = range.getBoundingClientRect();
        return { x: r.left, y: r.top + r.height / 2, x2: r.right };
      });
      await page.mouse.move(box.x + 1, box.y);
      await page.mouse.down();
      await page.mouse.move(box.x2, box.y, { steps: 5 });
      await page.mouse.up();
      await page.locator(BUTTON).click();
      await page.locator(PANEL).waitFor({ timeout: 5000 });
      const quote = (await page.locator(`${PANEL} blockquote`).innerText()).replace(/^“|”$/g, '');
      assert.ok(quote.length > 5 && 'In recent years, in'.startsWith(quote.slice(0, 10)), quote);
      await page.locator(`${PANEL} button[data-network="copy"]`).click();
      await page.locator(`${PANEL} [role="status"]`).filter({ hasText: 'Link copied' }).waitFor({ timeout: 5000 });
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.ok(copied.startsWith(`${EN_URL}#:~:text=In%20recent`), copied);
      assert.deepEqual(foreign(page.requests), [], 'no request to a network without a click on one');
    } finally {
      await page.closeAll();
    }
  });
});
