// Subresource Integrity: the snippet pinned with dist/sri.json's hash loads the widget; a wrong
// hash is refused by the browser and the fallback stays.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DIST_DIR, ROOT, TEST_TIMEOUT, missingBuild, openPage, pageLog, startEnvironment, waitForWidget } from './helpers.mjs';

const page = (integrity) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SRI</title>
<script type="module" src="http://cdn.test/embed/commentary-embed.js" integrity="${integrity}" crossorigin="anonymous"></script>
</head><body><commentary-embed id="seed" src="http://cdn.test/c/2026-36.json" lang="en"><a id="fallback" href="https://publisher.example/">Read it</a></commentary-embed></body></html>`;

describe('subresource integrity', { skip: missingBuild() }, () => {
  let env;
  let hash;
  before(async () => {
    env = await startEnvironment();
    hash = JSON.parse(readFileSync(path.join(DIST_DIR, 'sri.json'), 'utf8'))['commentary-embed.js'];
  }, { timeout: TEST_TIMEOUT });
  after(() => env?.stop());

  for (const [name, good] of [['the published hash loads the widget', true], ['a wrong hash is refused and the fallback stays', false]]) {
    test(name, { timeout: TEST_TIMEOUT }, async () => {
      assert.match(hash ?? '', /^sha384-[A-Za-z0-9+/]+=*$/);
      const integrity = good ? hash : 'sha384-' + 'A'.repeat(64);
      // Written beside the compiled fixtures (served under /fixtures/): the hash changes with
      // every build, so the page cannot be a checked-in file.
      const file = `sri-${good ? 'good' : 'bad'}.html`;
      writeFileSync(path.join(ROOT, 'build/fixtures', file), page(integrity));
      const p = await openPage(env, env.hostUrl('x').replace('/e2e/x', `/fixtures/${file}`));
      try {
        if (good) {
          assert.equal(await waitForWidget(p, '#seed'), 'ready', pageLog(p));
        } else {
          await p.waitForTimeout(1500);
          assert.equal(await p.evaluate(() => customElements.get('commentary-embed')), undefined);
          assert.ok(await p.locator('#fallback').isVisible());
        }
      } finally {
        await p.closeAll();
      }
    });
  }
});
