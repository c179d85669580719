// Widgets far below the fold load only when the reader comes near; fifty widgets on one page share
// one module instance (one wasm download, one compile).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TEST_TIMEOUT, missingBuild, openPage, pageLog, startEnvironment, waitForWidget } from './helpers.mjs';

describe('lazy and many', { skip: missingBuild() }, () => {
  let env;
  before(async () => {
    env = await startEnvironment();
  }, { timeout: TEST_TIMEOUT });
  after(() => env?.stop());

  test('a widget far below the fold fetches its document only when the reader comes near', { timeout: TEST_TIMEOUT }, async () => {
    const requests = [];
    const page = await openPage(env, env.hostUrl('lazy.html'), { beforeGoto: (p) => p.on('request', (r) => requests.push(r.url())) });
    try {
      assert.equal(await waitForWidget(page, '#top'), 'ready', pageLog(page));
      await page.waitForTimeout(500);
      assert.ok(!requests.some((u) => u.includes('fixture-features.json')), 'the far widget loaded up front');
      assert.equal(await page.evaluate(() => document.querySelector('#far').shadowRoot), null, 'its fallback stays as it is');
      await page.locator('#far').scrollIntoViewIfNeeded();
      assert.equal(await waitForWidget(page, '#far'), 'ready', pageLog(page));
      assert.ok(requests.some((u) => u.includes('fixture-features.json')));
    } finally {
      await page.closeAll();
    }
  });

  test('fifty widgets share one module: one wasm download, fifty ready', { timeout: TEST_TIMEOUT * 2 }, async () => {
    const requests = [];
    const page = await openPage(env, env.hostUrl('fifty.html'), { beforeGoto: (p) => p.on('request', (r) => requests.push(r.url())) });
    try {
      const ids = await page.locator('commentary-embed').evaluateAll((els) => els.map((e) => e.id));
      assert.equal(ids.length, 50);
      for (const id of ids) assert.equal(await waitForWidget(page, `#${id}`), 'ready', `${id}${pageLog(page)}`);
      assert.equal(requests.filter((u) => u.endsWith('_bg.wasm')).length, 1, 'one wasm download');
      assert.equal(requests.filter((u) => u.endsWith('/commentary-embed-widget.js')).length, 1, 'one glue module');
    } finally {
      await page.closeAll();
    }
  });
});
