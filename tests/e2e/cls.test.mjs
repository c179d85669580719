// The element reserves its height from a `height` or `aspect` hint, so that the host page's
// cumulative layout shift stays 0 when the article replaces the fallback (issue 7.5). Without a
// hint the same page does shift, which shows the measurement can fail. The page loads the
// loader with `blocking="render"` (README, "Reserving space"), so that no frame is painted
// before the reservation; without it a first paint of the bare fallback can come first.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TEST_TIMEOUT, missingBuild, openPage, pageLog, startEnvironment, waitForWidget } from './helpers.mjs';

// Installed before any page script: sums the layout shifts of the host page, as CLS does
// (shifts right after input do not count; there is no input here).
function recordShifts() {
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!entry.hadRecentInput) window.__shifts.push(entry.value);
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

describe('layout shift', { skip: missingBuild() }, () => {
  let env;
  before(async () => {
    env = await startEnvironment();
  }, { timeout: TEST_TIMEOUT });
  after(() => env?.stop());

  /** Opens cls.html with `query`, waits for the widget, and returns its shifts and sizes. */
  async function measure(query) {
    const page = await openPage(env, env.hostUrl(`cls.html${query}`), {
      beforeGoto: (p) => p.addInitScript(recordShifts),
      context: { viewport: { width: 900, height: 700 } },
    });
    try {
      assert.equal(await waitForWidget(page, '#w'), 'ready', pageLog(page));
      // Let the last frames after `commentary-ready` paint and be observed.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 300)))));
      return await page.evaluate(() => {
        const host = document.getElementById('w');
        return {
          shifts: window.__shifts,
          cls: window.__shifts.reduce((a, b) => a + b, 0),
          height: host.getBoundingClientRect().height,
          width: host.getBoundingClientRect().width,
          inlineStyle: host.getAttribute('style') ?? '',
        };
      });
    } finally {
      await page.closeAll();
    }
  }

  test('without a hint the article pushes the host page down (CLS > 0)', { timeout: TEST_TIMEOUT }, async () => {
    const free = await measure('');
    assert.ok(free.cls > 0, `expected a shift without a hint, got ${JSON.stringify(free.shifts)}`);
  });

  test('a `height` hint as tall as the article keeps CLS at 0 and is released once ready', { timeout: TEST_TIMEOUT }, async () => {
    const free = await measure('');
    const hinted = await measure(`?height=${Math.ceil(free.height)}`);
    assert.equal(hinted.cls, 0, `shifts with height=${Math.ceil(free.height)}: ${JSON.stringify(hinted.shifts)}`);
    assert.equal(hinted.inlineStyle, '', 'the reservation is released when the widget is ready');
    assert.ok(Math.abs(hinted.height - free.height) < 1, `the widget keeps its own height (${hinted.height} vs ${free.height})`);
    // A bare number and a CSS length are the same hint.
    const length = await measure(`?height=${encodeURIComponent(`${Math.ceil(free.height) / 16}rem`)}`);
    assert.equal(length.cls, 0, `shifts with a rem hint: ${JSON.stringify(length.shifts)}`);
  });

  test('an `aspect` hint reserves width / height and keeps CLS at 0', { timeout: TEST_TIMEOUT }, async () => {
    const free = await measure('');
    const aspect = `${Math.round(free.width)} / ${Math.ceil(free.height)}`;
    const hinted = await measure(`?aspect=${encodeURIComponent(aspect)}`);
    assert.equal(hinted.cls, 0, `shifts with aspect=${aspect}: ${JSON.stringify(hinted.shifts)}`);
  });

  test('a hint the browser does not accept as CSS is ignored, not injected', { timeout: TEST_TIMEOUT }, async () => {
    const page = await openPage(env, env.hostUrl(`cls.html?height=${encodeURIComponent('100px; background: red')}&aspect=${encodeURIComponent('1 / 2 } body { color: red')}`));
    try {
      const style = await page.evaluate(() => document.getElementById('w').getAttribute('style'));
      assert.equal(style, null, 'no inline style was set from a bad hint');
      assert.equal(await waitForWidget(page, '#w'), 'ready', pageLog(page));
    } finally {
      await page.closeAll();
    }
  });

  test('while the widget loads, the hint holds the space (checked before the document arrives)', { timeout: TEST_TIMEOUT }, async () => {
    let releaseDocument;
    const held = new Promise((resolve) => { releaseDocument = resolve; });
    const page = await openPage(env, env.hostUrl('cls.html?height=1234'), {
      beforeGoto: (p) => p.route('**/c/2026-36.json', async (route) => { await held; await route.continue(); }),
    });
    try {
      await page.waitForFunction(() => customElements.get('commentary-embed'));
      const box = await page.evaluate(() => {
        const host = document.getElementById('w');
        return { height: host.getBoundingClientRect().height, display: getComputedStyle(host).display };
      });
      assert.equal(box.height, 1234, 'the element is as tall as the hint while it waits');
      assert.equal(box.display, 'block', 'an unstyled (inline) element becomes a block to hold it');
      releaseDocument();
      assert.equal(await waitForWidget(page, '#w'), 'ready', pageLog(page));
    } finally {
      releaseDocument();
      await page.closeAll();
    }
  });
});
