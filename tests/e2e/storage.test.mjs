// What the widget remembers (README, "Storage"): after a reader has picked a language, copied a
// citation and shared to Mastodon, the partner page's localStorage holds exactly the keys the
// README's table lists, each `commentary-embed:<name>` with the value it describes, and nothing
// else; no cookie is set.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT, TEST_TIMEOUT, missingBuild, openPage, pageLog, startEnvironment, waitForWidget } from './helpers.mjs';

const W = '#seed';

/** The README's storage table: key -> the example value it gives. */
function readmeKeys() {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  return Object.fromEntries([...readme.matchAll(/^\| `(commentary-embed:[a-z-]+)` \| [^|]*\(`([^`]+)`\)[^|]*\|/gm)].map((m) => [m[1], m[2]]));
}

describe('storage', { skip: missingBuild() }, () => {
  let env;
  before(async () => {
    env = await startEnvironment();
  }, { timeout: TEST_TIMEOUT });
  after(() => env?.stop());

  test("the reader's choices are stored under the README's keys, and nothing else", { timeout: TEST_TIMEOUT }, async () => {
    const keys = readmeKeys();
    // The README's examples are what these steps store: Türkçe, APA, mastodon.social.
    assert.deepEqual(keys, { 'commentary-embed:language': 'tr', 'commentary-embed:citation-style': 'apa', 'commentary-embed:mastodon': 'mastodon.social' });
    const page = await openPage(env, env.hostUrl('seed-en.html'), {
      context: { permissions: ['clipboard-read', 'clipboard-write'] },
      beforeGoto: (p) =>
        p.context().route(
          (url) => !['localhost', 'cdn.test'].includes(url.hostname),
          (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>stub</title>' }),
        ),
    });
    try {
      assert.equal(await waitForWidget(page, W), 'ready', pageLog(page));
      assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), [], 'stored before any choice');

      await page.locator(`${W} [part~="language-toggle"] button[lang="tr"]`).click();
      await page.locator(`${W} [part~="language-toggle"] button[lang="tr"][aria-pressed="true"]`).waitFor();

      await page.locator(`${W} [part~="cite-button"]`).click();
      await page.locator(`${W} [part~="citation-copy"][data-style="apa"]`).click();
      await page.waitForFunction(() => (window.__commentaryEvents ?? []).some((e) => e.type === 'commentary-citation-copy'));

      await page.locator(`${W} [part~="share"] button[data-network="mastodon"]`).click();
      const input = page.locator(`${W} [part~="share"] .ce-mastodon-form input`);
      await input.fill('mastodon.social');
      const [popup] = await Promise.all([page.context().waitForEvent('page'), input.press('Enter')]);
      await popup.close();

      const stored = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));
      assert.deepEqual(stored, keys);
      assert.equal(await page.evaluate(() => document.cookie), '');
    } finally {
      await page.closeAll();
    }
  });
});
