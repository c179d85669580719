// Hostile globals on the host page (issue 17): a wrapped `fetch` and frozen prototypes break
// nothing; a page whose own <commentary-embed> was defined first gets one console warning from
// the loader, and nothing is fetched.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CDN, TEST_TIMEOUT, missingBuild, openPage, pageLog, startEnvironment, waitForEvent, waitForWidget } from './helpers.mjs';

describe('hostile globals', { skip: missingBuild() }, () => {
  let env;
  before(async () => {
    env = await startEnvironment();
  }, { timeout: TEST_TIMEOUT });
  after(async () => env?.stop());

  test('a wrapped fetch and frozen Object and Array prototypes break nothing', { timeout: TEST_TIMEOUT }, async () => {
    const page = await openPage(env, env.hostUrl('hostile-globals.html'));
    try {
      assert.equal(await waitForWidget(page, '#seed'), 'ready', pageLog(page));
      const ready = await waitForEvent(page, 'commentary-ready', 'seed');
      assert.deepEqual(ready.map((e) => e.detail), [{ id: '2026-36', lang: 'en' }]);
      // The widget fetched its document (and the glue its wasm) through the page's wrapped fetch,
      // the document once.
      const fetched = await page.evaluate(() => window.__wrappedFetches);
      assert.deepEqual(fetched.filter((u) => u.endsWith('.json')), [`${CDN}/c/2026-36.json`]);
      const errors = page.log.filter((l) => /pageerror|console\.error/.test(l));
      assert.deepEqual(errors, [], 'no error on the page');
    } finally {
      await page.closeAll();
    }
  });

  test("a page's own commentary-embed defined first: one console warning, nothing fetched", { timeout: TEST_TIMEOUT }, async () => {
    const requests = [];
    const warnings = [];
    const page = await openPage(env, env.hostUrl('taken.html'), {
      beforeGoto: async (p) => {
        p.on('request', (r) => requests.push(r.url()));
        p.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
      },
    });
    try {
      await page.waitForTimeout(1500);
      assert.equal(await page.evaluate(() => document.getElementById('seed').dataset.ownElement), 'yes', "the page's element stays the page's");
      const fromCdn = requests.filter((u) => u.startsWith(CDN) && !u.endsWith('/commentary-embed.js'));
      assert.deepEqual(fromCdn, [], 'no glue, wasm, stylesheet or document was fetched');
      const ours = warnings.filter((w) => w.includes('commentary-embed'));
      assert.equal(ours.length, 1, `one warning: ${JSON.stringify(warnings)}`);
      assert.match(ours[0], /already defined <commentary-embed>/);
      assert.equal(await page.locator('#fallback').isVisible(), true, 'the fallback stays');
    } finally {
      await page.closeAll();
    }
  });
});
