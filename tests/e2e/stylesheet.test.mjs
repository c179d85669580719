// The stylesheet reaches every part of the widget: a rule from each section of
// styles/commentary-embed.css applies. (Regression: a merge once left a rule unclosed, and every
// section after it, the language toggle and the share bar, rendered unstyled.)
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TEST_TIMEOUT, missingBuild, openPage, pageLog, startEnvironment, waitForWidget } from './helpers.mjs';

describe('stylesheet', { skip: missingBuild() }, () => {
  let env;
  before(async () => {
    env = await startEnvironment();
  }, { timeout: TEST_TIMEOUT });
  after(() => env?.stop());

  test('a rule of every section applies', { timeout: TEST_TIMEOUT }, async () => {
    const page = await openPage(env, env.hostUrl('seed-en.html'));
    try {
      assert.equal(await waitForWidget(page, '#seed'), 'ready', pageLog(page));
      const styles = await page.evaluate(() => {
        const root = document.querySelector('#seed').shadowRoot;
        const style = (sel, prop) => {
          const el = root.querySelector(sel);
          return el ? getComputedStyle(el)[prop] : `missing ${sel}`;
        };
        return {
          article: style('.ce-article', 'maxWidth'),
          notes: style('.ce-notes', 'borderTopStyle'),
          tools: style('.ce-tools', 'display'),
          toggle: style('[part~="language-toggle"]', 'position'),
          share: style('.ce-share-list', 'display'),
          last: style('.ce-share-list', 'flexWrap'),
        };
      });
      assert.deepEqual(styles, { article: '640px', notes: 'solid', tools: 'flex', toggle: 'sticky', share: 'flex', last: 'wrap' });
    } finally {
      await page.closeAll();
    }
  });
});
