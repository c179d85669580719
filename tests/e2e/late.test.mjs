// A <commentary-embed> added by the partner's script after the widget's script has run.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  TEST_TIMEOUT,
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

const tr = expectationsFrom(readContent('2026-36/tr.md'));

describe('an element added after the script ran', { skip: missingBuild() }, () => {
  let env;
  before(async () => {
    env = await startEnvironment();
  }, { timeout: TEST_TIMEOUT });
  after(() => env?.stop());

  test('renders, in the language of its own lang attribute', { timeout: TEST_TIMEOUT }, async () => {
    const page = await openPage(env, env.hostUrl('late.html'));
    try {
      assert.equal(await waitForWidget(page, '#early'), 'ready', `the first widget renders${pageLog(page)}`);
      // tests/e2e/pages/late-add.js appends #late on #early's commentary-ready.
      await page.waitForSelector('#late', { state: 'attached', timeout: 5_000 });
      const definedBefore = await page.evaluate(() => !!customElements.get('commentary-embed'));
      assert.ok(definedBefore, 'commentary-embed is a defined custom element');

      assert.equal(await waitForWidget(page, '#late'), 'ready', `the late widget renders${pageLog(page)}`);
      const view = await page.evaluate(() => {
        const root = document.getElementById('late').shadowRoot;
        return {
          title: root.querySelector('[part~="title"]').textContent,
          lang: root.querySelector('article')?.getAttribute('lang'),
          refs: [...root.querySelectorAll('[part~="footnote-ref"]')].map((r) => r.getAttribute('data-note')),
          earlyTitle: document.getElementById('early').shadowRoot.querySelector('[part~="title"]').textContent,
        };
      });
      assert.equal(squash(view.title), tr.title);
      assert.equal(view.lang, 'tr');
      assert.deepEqual(view.refs, ['1', '2']);
      assert.match(view.earlyTitle, /Turkic States/, 'the first widget is untouched by the second');

      const ready = await waitForEvent(page, 'commentary-ready', 'late');
      assert.deepEqual(ready.map((e) => e.detail), [{ id: '2026-36', lang: 'tr' }]);
    } finally {
      await page.closeAll();
    }
  });
});
