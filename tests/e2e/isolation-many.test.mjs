// One broken or hostile document never affects another widget: twenty widgets on one page, five
// broken in different ways (404, malformed JSON, another schema, a hand-written document that
// breaks the rules, no src), and a flaky network that fails before it serves.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TEST_TIMEOUT, missingBuild, openPage, pageLog, startEnvironment, waitForWidget } from './helpers.mjs';

describe('many widgets, some broken', { skip: missingBuild() }, () => {
  let env;
  before(async () => {
    env = await startEnvironment();
  }, { timeout: TEST_TIMEOUT });
  after(() => env?.stop());

  test('twenty widgets with five broken show fifteen working ones', { timeout: TEST_TIMEOUT }, async () => {
    const page = await openPage(env, env.hostUrl('many.html'));
    try {
      const ids = await page.locator('commentary-embed').evaluateAll((els) => els.map((e) => [e.id, e.className, e.dataset.broken ?? null]));
      assert.equal(ids.length, 20);
      const states = {};
      for (const [id] of ids) states[id] = await waitForWidget(page, `#${id}`);
      const good = ids.filter(([, c]) => c === 'good').map(([id]) => states[id]);
      const broken = ids.filter(([, c]) => c === 'broken').map(([id, , why]) => [why, states[id]]);
      assert.deepEqual(good, Array(15).fill('ready'), pageLog(page));
      assert.deepEqual(broken, [['404', 'error'], ['malformed', 'error'], ['schema', 'error'], ['invalid', 'error'], ['nosrc', 'error']]);
      const messages = await page.evaluate(() =>
        [...document.querySelectorAll('commentary-embed.broken')].map((e) => e.shadowRoot.querySelector('[part~="error"]').textContent),
      );
      assert.match(messages[0], /HTTP 404/);
      assert.match(messages[1], /not JSON/);
      assert.match(messages[2], /schema version/);
      assert.match(messages[3], /footnote reference 4 has no note/);
      assert.match(messages[4], /no `src` attribute/);
      assert.equal(await page.locator('#host-text').textContent(), "The partner's own text stays as it is.");
      // The working widgets still work after the failures: a note opens.
      await page.locator('#w0 [part~="footnote-ref"]').first().click();
      await page.locator('#w0 [part~="footnote-popover"]').waitFor();
    } finally {
      await page.closeAll();
    }
  });

  test('a network failure is retried with backoff before the widget gives up', { timeout: TEST_TIMEOUT }, async () => {
    let tries = 0;
    const page = await openPage(env, env.hostUrl('seed-en.html'), {
      beforeGoto: (p) =>
        p.route('http://cdn.test/c/2026-36.json', (route) => {
          tries += 1;
          return tries <= 2 ? route.abort('connectionreset') : route.continue();
        }),
    });
    try {
      assert.equal(await waitForWidget(page, '#seed'), 'ready', pageLog(page));
      assert.equal(tries, 3, 'two failures, then the document');
    } finally {
      await page.closeAll();
    }
  });

  test('a server error that persists ends in the error part with the fallback', { timeout: TEST_TIMEOUT }, async () => {
    let tries = 0;
    const page = await openPage(env, env.hostUrl('seed-en.html'), {
      beforeGoto: (p) =>
        p.route('http://cdn.test/c/2026-36.json', (route) => {
          tries += 1;
          return route.fulfill({ status: 503, body: 'busy', headers: { 'access-control-allow-origin': '*' } });
        }),
    });
    try {
      assert.equal(await waitForWidget(page, '#seed'), 'error', pageLog(page));
      assert.equal(tries, 3, 'the first try and two retries');
      assert.match(await page.locator('#seed [part~="error"]').textContent(), /HTTP 503/);
    } finally {
      await page.closeAll();
    }
  });
});
