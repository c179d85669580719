// Failures the widget must turn into a visible state: a missing document, and documents it must
// refuse (malformed JSON, an unknown schema version, JSON that is not a document).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import {
  TEST_TIMEOUT,
  SEED_DOCUMENT,
  SEED_SRC,
  expectationsFrom,
  missingBuild,
  openPage,
  pageLog,
  readContent,
  squash,
  startEnvironment,
  waitForEvent,
  waitForWidget,
} from './helpers.mjs';

const en = expectationsFrom(readContent('2026-36/en.md'));

/** What a failed widget shows: its error part, and its fallback link as the reader meets it. */
async function errorView(page, id) {
  return page.evaluate((hostId) => {
    const host = document.getElementById(hostId);
    const root = host.shadowRoot;
    const error = root.querySelector('[part~="error"]');
    const link = host.querySelector('a[href]');
    let hit = null;
    if (link) {
      const box = link.getBoundingClientRect();
      link.scrollIntoView({ block: 'center' });
      const moved = link.getBoundingClientRect();
      const at = document.elementFromPoint(moved.left + moved.width / 2, moved.top + moved.height / 2);
      hit = { width: box.width, height: box.height, hitsLink: !!at && (at === link || link.contains(at)), hitTag: at && at.tagName };
    }
    return {
      errorText: error ? error.textContent.replace(/\s+/g, ' ').trim() : null,
      errorRole: error ? error.getAttribute('role') : null,
      hasTitle: !!root.querySelector('[part~="title"]'),
      linkHref: link ? link.getAttribute('href') : null,
      linkSlotted: link ? !!link.assignedSlot : false,
      hit,
    };
  }, id);
}

describe('a missing document beside a good one', { skip: missingBuild() }, () => {
  let env;
  let page;
  const badSrc = 'http://cdn.test/c/no-such-commentary.json';

  before(async () => {
    env = await startEnvironment();
    page = await openPage(env, env.hostUrl('two-widgets.html'));
    await Promise.allSettled([waitForWidget(page, '#good'), waitForWidget(page, '#missing')]);
  }, { timeout: TEST_TIMEOUT });
  after(async () => {
    await page?.closeAll();
    await env?.stop();
  });

  test('the good widget renders', { timeout: TEST_TIMEOUT }, async () => {
    assert.equal(await waitForWidget(page, '#good'), 'ready', pageLog(page));
    const title = await page.evaluate(() => document.getElementById('good').shadowRoot.querySelector('[part~="title"]').textContent);
    assert.equal(squash(title), en.title);
    const ready = await waitForEvent(page, 'commentary-ready', 'good');
    assert.deepEqual(ready.map((e) => e.detail), [{ id: '2026-36', lang: 'en' }]);
    assert.equal((await waitForEvent(page, 'commentary-error', 'good', 0)).length, 0, 'no error on the good widget');
  });

  test('the bad widget shows the error part and keeps its fallback link usable', { timeout: TEST_TIMEOUT }, async () => {
    assert.equal(await waitForWidget(page, '#missing'), 'error', pageLog(page));
    const view = await errorView(page, 'missing');
    assert.ok(view.errorText, 'the error part has text');
    assert.equal(view.hasTitle, false, 'no title part beside the error');
    assert.equal(view.linkHref, 'https://www.avim.org.tr/en/Yorum/no-such-commentary', 'the fallback keeps its href');
    const fallback = page.locator('#missing-fallback');
    assert.equal(await fallback.isVisible(), true, `the fallback link is visible (slotted: ${view.linkSlotted})`);
    assert.ok(view.hit?.hitsLink, `a click at the fallback link's centre reaches it (hit ${view.hit?.hitTag})`);
    // Playwright's own actionability checks (visible, stable, enabled, receives events), without navigating.
    await fallback.click({ trial: true, timeout: 3_000 });
  });

  test('commentary-error fires on the bad widget with its src', { timeout: TEST_TIMEOUT }, async () => {
    const errors = await waitForEvent(page, 'commentary-error', 'missing');
    assert.equal(errors.length, 1, `one commentary-error event${pageLog(page)}`);
    const [event] = errors;
    assert.ok(event.isCustomEvent && event.bubbles && event.composed, 'a bubbling, composed CustomEvent');
    assert.equal(event.detail.src, badSrc);
    assert.equal(typeof event.detail.message, 'string');
    assert.ok(event.detail.message.trim().length > 0, 'detail.message is not empty');
    assert.equal((await waitForEvent(page, 'commentary-ready', 'missing', 0)).length, 0, 'no ready event on the bad widget');
  });

  test("the host page's own content is intact", { timeout: TEST_TIMEOUT }, async () => {
    const result = await page.evaluate(async () => {
      // The page as served, against the live light DOM, outside the widgets.
      const served = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
      const outline = (doc) =>
        [...doc.body.querySelectorAll('*')]
          .filter((el) => !el.parentElement.closest('commentary-embed'))
          .map((el) => `${el.tagName.toLowerCase()}#${el.id}|${el.tagName === 'COMMENTARY-EMBED' ? '' : el.textContent.replace(/\s+/g, ' ').trim()}`);
      return { served: outline(served), live: outline(document) };
    });
    assert.deepEqual(result.live, result.served);
    assert.equal(await page.locator('#host-intro').textContent(), "The partner's own introduction, which no widget may touch.");
    assert.equal(await page.locator('#host-intro').isVisible(), true);
  });
});

describe('documents the widget must refuse', { skip: missingBuild() }, () => {
  let env;
  let page;
  const cases = {
    malformed: 'http://cdn.test/e2e/malformed.json',
    'unknown-schema': 'http://cdn.test/e2e/unknown-schema.json',
    'future-seed': 'http://cdn.test/c/2026-36-future.json',
    'not-an-object': 'http://cdn.test/e2e/not-an-object.json',
  };

  before(async () => {
    env = await startEnvironment();
    page = await openPage(env, env.hostUrl('bad-json.html'), {
      // The real seed with its schema version moved past anything the widget knows.
      beforeGoto: (p) =>
        p.route(cases['future-seed'], (route) => {
          const doc = JSON.parse(readFileSync(SEED_DOCUMENT, 'utf8'));
          doc.schema = (Number.isInteger(doc.schema) ? doc.schema : 1) + 1000;
          return route.fulfill({
            status: 200,
            headers: { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/json' },
            body: JSON.stringify(doc),
          });
        }),
    });
    await Promise.allSettled(Object.keys(cases).map((id) => waitForWidget(page, `#${id}`)));
  }, { timeout: TEST_TIMEOUT });
  after(async () => {
    await page?.closeAll();
    await env?.stop();
  });

  for (const [id, src] of Object.entries(cases)) {
    test(`${id}: error part, commentary-error, usable fallback`, async (t) => {
      assert.equal(await waitForWidget(page, `#${id}`), 'error', pageLog(page));
      const view = await errorView(page, id);
      assert.ok(view.errorText, 'the error part has text');
      assert.equal(view.hasTitle, false, 'no title part beside the error');
      assert.equal(await page.locator(`#${id}-fallback`).isVisible(), true, 'the fallback link is visible');
      const errors = await waitForEvent(page, 'commentary-error', id);
      assert.equal(errors.length, 1, `one commentary-error event${pageLog(page)}`);
      assert.equal(errors[0].detail.src, src);
      assert.ok(String(errors[0].detail.message ?? '').trim(), 'detail.message is not empty');
      t.diagnostic(`error part: ${JSON.stringify(view.errorText)}; event message: ${JSON.stringify(errors[0].detail.message)}`);
    });
  }

  test('the seed itself still passes the same checks (control)', { timeout: TEST_TIMEOUT }, async () => {
    const control = await openPage(env, env.hostUrl('seed-en.html'));
    try {
      assert.equal(await waitForWidget(control, '#seed'), 'ready', pageLog(control));
      const ready = await waitForEvent(control, 'commentary-ready', 'seed');
      assert.equal(ready[0]?.detail?.id, '2026-36');
      assert.equal(SEED_SRC, 'http://cdn.test/c/2026-36.json');
    } finally {
      await control.closeAll();
    }
  });
});
