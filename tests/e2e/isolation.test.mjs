// Style isolation both ways on a hostile host page (tests/e2e/pages/hostile.css): the host's rules,
// even `!important` ones on `*`, do not reach the widget's text, and the widget's CSS does not
// reach the host's elements.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TEST_TIMEOUT, missingBuild, openPage, pageLog, startEnvironment, waitForWidget } from './helpers.mjs';

// Values hostile.css forces; none may show up inside the widget.
const HOSTILE = {
  color: 'rgb(255, 0, 0)',
  fontSize: '40px',
  lineHeight: '200px',
  letterSpacing: '7px',
  pMargin: '300px',
  pBackground: 'rgb(0, 255, 0)',
  headingBorder: '9px',
  outline: 'rgb(255, 0, 255)',
  padding: '77px',
};

describe('style isolation on a hostile host', { skip: missingBuild() }, () => {
  let env;
  let page;
  before(async () => {
    env = await startEnvironment();
    page = await openPage(env, env.hostUrl('hostile.html'));
    await waitForWidget(page, '#seed').catch(() => {});
  }, { timeout: TEST_TIMEOUT });
  after(async () => {
    await page?.closeAll();
    await env?.stop();
  });

  test('the widget renders on the hostile page', { timeout: TEST_TIMEOUT }, async () => {
    assert.equal(await waitForWidget(page, '#seed'), 'ready', pageLog(page));
  });

  test("inherited host values (color, font-size, line-height, letter-spacing) stop at the widget's text", { timeout: TEST_TIMEOUT }, async () => {
    const styles = await page.evaluate(() => {
      const root = document.getElementById('seed').shadowRoot;
      const pick = (el) => {
        if (!el) return null;
        const s = getComputedStyle(el);
        return { color: s.color, fontSize: s.fontSize, lineHeight: s.lineHeight, letterSpacing: s.letterSpacing };
      };
      return {
        title: pick(root.querySelector('[part~="title"]')),
        body: pick(root.querySelector('[part~="body"]')),
        paragraph: pick(root.querySelector('[part~="body"] p')),
        byline: pick(root.querySelector('[part~="byline"]')),
      };
    });
    const leaks = [];
    for (const [where, s] of Object.entries(styles)) {
      assert.ok(s, `the ${where} exists`);
      if (s.color === HOSTILE.color) leaks.push(`${where} color ${s.color}`);
      if (s.fontSize === HOSTILE.fontSize) leaks.push(`${where} font-size ${s.fontSize}`);
      if (s.lineHeight === HOSTILE.lineHeight) leaks.push(`${where} line-height ${s.lineHeight}`);
      if (s.letterSpacing === HOSTILE.letterSpacing) leaks.push(`${where} letter-spacing ${s.letterSpacing}`);
    }
    assert.deepEqual(leaks, [], `host values reached the widget: ${leaks.join('; ')}`);
  });

  test("the host's element selectors (p, h2, a, lists, boxes) do not match inside the widget", { timeout: TEST_TIMEOUT }, async () => {
    const s = await page.evaluate(() => {
      const root = document.getElementById('seed').shadowRoot;
      const cs = (el) => (el ? getComputedStyle(el) : null);
      const p = cs(root.querySelector('[part~="body"] p'));
      const h = cs(root.querySelector('[part~="body"] h2, [part~="body"] h3'));
      const refEl = root.querySelector('[part~="footnote-ref"]');
      const refLink = refEl && (refEl.matches('a') ? refEl : refEl.querySelector('a'));
      const a = cs(refLink);
      const article = cs(root.querySelector('article'));
      return {
        p: p && { margin: p.marginTop, background: p.backgroundColor },
        h: h && { transform: h.textTransform, border: h.borderTopWidth, style: h.fontStyle },
        a: a && { display: a.display },
        article: article && { padding: article.paddingTop, outline: article.outlineColor, outlineStyle: article.outlineStyle },
      };
    });
    assert.notEqual(s.p?.margin, HOSTILE.pMargin, 'a widget paragraph does not get the host p margin');
    assert.notEqual(s.p?.background, HOSTILE.pBackground, 'a widget paragraph does not get the host p background');
    assert.notEqual(s.h?.transform, 'uppercase', 'a widget heading is not uppercased by the host h2 rule');
    assert.notEqual(s.h?.border, HOSTILE.headingBorder, 'a widget heading has no host border');
    assert.notEqual(s.a?.display, 'none', 'footnote links are not hidden by the host a rule');
    assert.ok(s.article, 'the widget has an article root');
    assert.notEqual(s.article.padding, HOSTILE.padding, 'the article root has no host padding');
    assert.ok(!(s.article.outlineStyle === 'dotted' && s.article.outline === HOSTILE.outline), 'the article root has no host outline');
  });

  test("the host's own elements keep the host's rules", { timeout: TEST_TIMEOUT }, async () => {
    const s = await page.evaluate(() => {
      const p = getComputedStyle(document.getElementById('host-p'));
      const h2 = getComputedStyle(document.getElementById('host-h2'));
      return {
        p: { margin: p.marginTop, color: p.color, fontSize: p.fontSize, background: p.backgroundColor },
        h2: { transform: h2.textTransform, border: h2.borderTopWidth, color: h2.color },
      };
    });
    assert.deepEqual(s.p, { margin: HOSTILE.pMargin, color: HOSTILE.color, fontSize: HOSTILE.fontSize, background: HOSTILE.pBackground });
    assert.deepEqual(s.h2, { transform: 'uppercase', border: HOSTILE.headingBorder, color: HOSTILE.color });
  });

  test("the widget's classes do not style host elements that share their names", { timeout: TEST_TIMEOUT }, async () => {
    const result = await page.evaluate(() => {
      const props = [
        'color', 'backgroundColor', 'fontSize', 'fontWeight', 'fontStyle', 'fontFamily', 'lineHeight',
        'marginTop', 'marginBottom', 'paddingTop', 'paddingLeft', 'borderTopWidth', 'borderTopStyle',
        'display', 'textTransform', 'textAlign', 'maxWidth', 'position', 'visibility', 'opacity',
      ];
      const container = document.getElementById('host-classes');
      const plain = document.getElementById('host-plain');
      // Every class the widget uses inside its shadow root, also given to a host element.
      const used = new Set();
      for (const el of document.getElementById('seed').shadowRoot.querySelectorAll('[class]')) {
        for (const name of el.classList) used.add(name);
      }
      for (const name of used) {
        const probe = document.createElement('div');
        probe.className = name;
        probe.textContent = name;
        probe.dataset.probe = '';
        container.append(probe);
      }
      const base = getComputedStyle(plain);
      const differences = [];
      for (const el of container.querySelectorAll('div[class]')) {
        const s = getComputedStyle(el);
        for (const prop of props) {
          if (s[prop] !== base[prop]) differences.push(`.${el.className} ${prop}: ${s[prop]} (plain: ${base[prop]})`);
        }
      }
      for (const probe of container.querySelectorAll('[data-probe]')) probe.remove();
      return { used: [...used], differences };
    });
    assert.deepEqual(result.differences, [], `widget classes styled host elements: ${result.differences.join('; ')}`);
  });

  test('the widget adds no stylesheet to the document outside its own element', { timeout: TEST_TIMEOUT }, async () => {
    const sheets = await page.evaluate(() => {
      const foreign = [];
      const sheetsOf = [...document.styleSheets, ...(document.adoptedStyleSheets ?? [])];
      for (const sheet of sheetsOf) {
        if (sheet.href && new URL(sheet.href).pathname.endsWith('/hostile.css')) continue;
        let rules;
        try {
          rules = [...sheet.cssRules];
        } catch {
          foreign.push(`${sheet.href ?? '(adopted)'}: unreadable rules`);
          continue;
        }
        for (const rule of rules) {
          const selector = rule.selectorText;
          // A document-level rule is acceptable only when it targets the widget's own element.
          if (selector === undefined || !selector.split(',').every((sel) => sel.trim().startsWith('commentary-embed'))) {
            foreign.push(`${sheet.href ?? sheet.ownerNode?.tagName ?? '(adopted)'}: ${rule.cssText.slice(0, 120)}`);
          }
        }
      }
      return foreign;
    });
    assert.deepEqual(sheets, [], 'only commentary-embed-scoped rules may live in the document');
  });
});
