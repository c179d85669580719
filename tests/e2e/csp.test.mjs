// The widget on a partner page with a strict Content-Security-Policy (tests/e2e/pages/csp.html,
// policy in csp.html.csp): no 'unsafe-inline', no 'unsafe-eval', only the widget's origin for
// scripts, styles and fetches, and 'wasm-unsafe-eval' to compile the wasm.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TEST_TIMEOUT, missingBuild, openPage, pageLog, startEnvironment, waitForEvent, waitForWidget } from './helpers.mjs';

describe('strict Content-Security-Policy', { skip: missingBuild() }, () => {
  let env;
  let page;
  let policy;
  before(async () => {
    env = await startEnvironment();
    page = await openPage(env, env.hostUrl('csp.html'));
    policy = page.response.headers()['content-security-policy'];
    await waitForWidget(page, '#seed').catch(() => {});
    await page.waitForTimeout(500); // violations from anything the widget does just after rendering
  }, { timeout: TEST_TIMEOUT });
  after(async () => {
    await page?.closeAll();
    await env?.stop();
  });

  test('the page is really served under the strict policy', () => {
    assert.match(policy ?? '', /default-src 'none'/);
    assert.match(policy, /script-src 'self' http:\/\/cdn\.test 'wasm-unsafe-eval'/);
    assert.doesNotMatch(policy, /unsafe-inline|'unsafe-eval'/);
  });

  test('the widget renders', { timeout: TEST_TIMEOUT }, async () => {
    assert.equal(await waitForWidget(page, '#seed'), 'ready', pageLog(page));
    const ready = await waitForEvent(page, 'commentary-ready', 'seed');
    assert.deepEqual(ready.map((e) => e.detail), [{ id: '2026-36', lang: 'en' }]);
    const styled = await page.evaluate(() => {
      const root = document.getElementById('seed').shadowRoot;
      const links = [...root.querySelectorAll('link[rel~="stylesheet"]')];
      return {
        linked: links.map((l) => ({ href: l.href, loaded: !!l.sheet })),
        adopted: root.adoptedStyleSheets?.length ?? 0,
      };
    });
    assert.ok(
      styled.linked.some((l) => l.loaded) || styled.adopted > 0,
      `the widget's stylesheet loaded inside the shadow root: ${JSON.stringify(styled)}`,
    );
  });

  test('no securitypolicyviolation event and no CSP console error', { timeout: TEST_TIMEOUT }, async () => {
    const violations = await page.evaluate(() => window.__cspViolations);
    assert.ok(Array.isArray(violations), 'the page-owned recorder (csp-recorder.js) ran');
    const consoleCsp = page.log.filter((line) => /Content Security Policy|Refused to/i.test(line));
    assert.deepEqual(violations, [], `violations recorded by the page${pageLog(page)}`);
    assert.deepEqual(consoleCsp, []);
  });

  test('nothing inline in what the widget renders (no <style>, style attribute or <script>)', { timeout: TEST_TIMEOUT }, async () => {
    const inline = await page.evaluate(() => {
      const root = document.getElementById('seed').shadowRoot;
      return {
        styleElements: root.querySelectorAll('style').length,
        styleAttributes: [...root.querySelectorAll('[style]')].map((el) => `${el.tagName.toLowerCase()}[style="${el.getAttribute('style')}"]`),
        scripts: root.querySelectorAll('script').length,
        hostStyle: document.getElementById('seed').getAttribute('style'),
      };
    });
    assert.deepEqual(inline, { styleElements: 0, styleAttributes: [], scripts: 0, hostStyle: null });
  });
});

describe("a CSP without 'wasm-unsafe-eval'", { skip: missingBuild() }, () => {
  let env;
  before(async () => {
    env = await startEnvironment();
  }, { timeout: TEST_TIMEOUT });
  after(() => env?.stop());

  test('the fallback stays, the error part names the missing directive, commentary-error fires', { timeout: TEST_TIMEOUT }, async () => {
    const page = await openPage(env, env.hostUrl('csp-nowasm.html'));
    try {
      assert.equal(await waitForWidget(page, '#seed'), 'error', pageLog(page));
      const state = await page.evaluate(() => {
        const host = document.getElementById('seed');
        const error = host.shadowRoot.querySelector('[part~="error"]');
        const link = host.querySelector('a');
        const r = link.getBoundingClientRect();
        return {
          message: error.textContent,
          slot: !!host.shadowRoot.querySelector('slot'),
          linkVisible: r.width > 0 && r.height > 0,
          linkHref: link.href,
        };
      });
      assert.match(state.message, /'wasm-unsafe-eval'/);
      assert.ok(state.slot && state.linkVisible, 'the fallback link stays visible');
      assert.match(state.linkHref, /avim\.org\.tr/);
      const errors = await waitForEvent(page, 'commentary-error', 'seed');
      assert.equal(errors[0].detail.src, 'http://cdn.test/c/2026-36.json');
      assert.match(errors[0].detail.message, /wasm-unsafe-eval/);
    } finally {
      await page.closeAll();
    }
  });
});
