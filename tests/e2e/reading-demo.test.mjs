// The demo page of the reading modes (issue 14): the seed side by side with side notes, as a
// partner would show it, in both colour schemes, with no axe-core violation on the whole page.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import { TEST_TIMEOUT, missingBuild, openPage, pageLog, startEnvironment, waitForWidget } from './helpers.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

describe('demo: side by side with side notes', { skip: missingBuild() }, () => {
  let env;
  before(async () => {
    env = await startEnvironment();
  }, { timeout: TEST_TIMEOUT });
  after(() => env?.stop());

  for (const colorScheme of ['light', 'dark']) {
    test(`parallel.html shows English and Turkish level with notes in the margin (${colorScheme})`, { timeout: TEST_TIMEOUT }, async () => {
      const page = await openPage(env, `http://localhost:${env.port}/parallel.html`, { context: { viewport: { width: 1440, height: 900 }, colorScheme } });
      try {
        assert.equal(await waitForWidget(page, 'commentary-embed'), 'ready', pageLog(page));
        await page.waitForTimeout(300);
        const view = await page.evaluate(() => {
          const root = document.querySelector('commentary-embed').shadowRoot;
          const columns = [...root.querySelectorAll('[part~="column"]')];
          const top = (el) => el.getBoundingClientRect().top;
          const pairs = [...columns[0].querySelectorAll('[data-passage]')].map((p) => {
            const other = columns[1].querySelector(`[data-passage="${p.dataset.passage}"]`);
            return other ? Math.abs(top(p) - top(other)) : null;
          });
          return {
            langs: columns.map((c) => c.lang),
            pressed: root.querySelector('[part~="parallel-toggle"]').getAttribute('aria-pressed'),
            pairs,
            sidenotes: [...root.querySelectorAll('[part~="sidenote"]')].filter((s) => s.getClientRects().length).length,
            scheme: getComputedStyle(root.querySelector('.ce-root')).colorScheme,
            overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          };
        });
        assert.deepEqual(view.langs, ['en', 'tr']);
        assert.equal(view.pressed, 'true');
        assert.ok(view.pairs.length >= 8 && view.pairs.every((d) => d !== null && d < 1), `counterparts level: ${view.pairs}`);
        assert.equal(view.sidenotes, 4, 'two notes in the margin of each column');
        assert.equal(view.overflow, 0, 'no horizontal scrolling');
        // Printed: the columns side by side on paper, no toolbar, no side notes (the notes lists
        // stay).
        await page.emulateMedia({ media: 'print' });
        const printed = await page.evaluate(() => {
          const root = document.querySelector('commentary-embed').shadowRoot;
          const [a, b] = [...root.querySelectorAll('[part~="column"]')].map((c) => c.getBoundingClientRect());
          return {
            sideBySide: b.left >= a.right - 0.5 && Math.abs(a.top - b.top) < 1,
            toolbar: getComputedStyle(root.querySelector('[part~="toolbar"]')).display,
            sidenotes: [...root.querySelectorAll('[part~="sidenote"]')].filter((s) => s.getClientRects().length).length,
            notes: root.querySelectorAll('[part~="footnotes"]').length,
          };
        });
        assert.deepEqual(printed, { sideBySide: true, toolbar: 'none', sidenotes: 0, notes: 2 });
        await page.emulateMedia({ media: 'screen' });
        await page.addScriptTag({ content: axeSource });
        const violations = await page.evaluate(async (tags) => (await window.axe.run(document, { runOnly: { type: 'tag', values: tags } })).violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(' ')}`), TAGS);
        assert.deepEqual(violations, []);
      } finally {
        await page.closeAll();
      }
    });
  }
});
