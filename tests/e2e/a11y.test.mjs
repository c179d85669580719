// An axe-core scan (WCAG 2.x A and AA rules) of the rendered widget, shadow tree included, in both
// languages and in the error state.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import { TEST_TIMEOUT, missingBuild, openPage, pageLog, startEnvironment, waitForWidget } from './helpers.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe's violations inside `selector` (the host element and its shadow tree), summarised. */
async function scan(page, selector) {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(
    async ([sel, tags]) => {
      const result = await window.axe.run({ include: [[sel]] }, { runOnly: { type: 'tag', values: tags } });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' ')),
      }));
    },
    [selector, TAGS],
  );
  return violations;
}

const describeViolations = (violations) =>
  violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.targets.join(', ')}`).join('\n');

describe('accessibility (axe-core)', { skip: missingBuild() }, () => {
  let env;
  before(async () => {
    env = await startEnvironment();
  }, { timeout: TEST_TIMEOUT });
  after(() => env?.stop());

  for (const [name, file, id, state] of [
    ['English', 'seed-en.html', 'seed', 'ready'],
    ['Turkish', 'seed-tr.html', 'seed', 'ready'],
    ['error state', 'two-widgets.html', 'missing', 'error'],
  ]) {
    test(`no WCAG A/AA violations: ${name}`, { timeout: TEST_TIMEOUT }, async () => {
      const page = await openPage(env, env.hostUrl(file));
      try {
        assert.equal(await waitForWidget(page, `#${id}`), state, pageLog(page));
        const violations = await scan(page, `#${id}`);
        assert.deepEqual(violations.map((v) => v.id), [], describeViolations(violations));
      } finally {
        await page.closeAll();
      }
    });
  }
});
