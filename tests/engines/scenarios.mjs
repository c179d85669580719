// The scenarios every engine runs (chromium.test.mjs, firefox.test.mjs, webkit.test.mjs call
// `engineSuite`). They drive the public markup through WebDriver only: keyboard and pointer input
// are real input events, not script-dispatched ones. Where an engine lacks a feature the widget
// degrades; each such test detects the feature in the page, asserts the path the widget must then
// take, and says which one it saw with `t.diagnostic`.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { expectationsFrom, expectedHrefs, readContent, squash } from '../e2e/helpers.mjs';
import {
  TEST_TIMEOUT,
  eventually,
  events,
  pageErrors,
  pageLog,
  sleep,
  startEngine,
  waitForEvent,
  waitForWidget,
} from './helpers.mjs';
import { lifecycleTests } from './lifecycle.mjs';
import { readingTests } from './reading.mjs';
import { darkShare } from './png.mjs';
import { Keys } from './webdriver.mjs';

const en = expectationsFrom(readContent('2026-36/en.md'));
const EN_URL = en.url;
const STYLES = ['house', 'apa', 'mla', 'chicago-notes', 'chicago-author-date', 'harvard', 'bibtex', 'ris', 'csl-json'];
const NETWORKS = ['x', 'facebook', 'linkedin', 'whatsapp', 'telegram', 'reddit', 'bluesky', 'email'];


/** The number of open notes in the widget `arguments[0]`, as a script expression. */
const COUNT = 'document.querySelector(arguments[0]).shadowRoot.querySelectorAll(\'[part~="footnote-popover"]\').length';
const POPOVER_COUNT = `return ${COUNT}`;
const FOCUSED = `const el = document.querySelector('#seed').shadowRoot.activeElement;
  return el ? { part: el.getAttribute('part'), note: el.dataset.note ?? null, inPopover: !!el.closest('[part~="footnote-popover"]') } : null;`;

/** Waits until the open note of widget `host` has finished its opening animation (120 ms; several
 * times that under Xvfb's software rendering), so that its box is final. */
function settled(env, host = '#seed') {
  return eventually(
    env,
    `const p = document.querySelector(arguments[0]).shadowRoot.querySelector('[part~="footnote-popover"]');
     return !!p && p.getAnimations().every((a) => a.playState === 'finished');`,
    'the opening animation finished',
    { args: [host] },
  );
}

/** Asserts the host page saw no uncaught error, rejection or console error. */
async function assertNoPageErrors(env, { console: checkConsole = true } = {}) {
  const log = await pageErrors(env);
  assert.ok(log.recorder, 'the error recorder ran in the host page');
  assert.deepEqual(log.errors, [], `${env.name}: uncaught errors on the host page`);
  if (checkConsole) assert.deepEqual(log.console, [], `${env.name}: console errors on the host page`);
}

/** Opens `page` and waits until the seed widget is ready. */
async function seed(env, page = 'seed-en.html') {
  await env.open(page);
  assert.equal(await waitForWidget(env, '#seed'), 'ready', await pageLog(env));
}

export function engineSuite(engine) {
  describe(`engine: ${engine}`, () => {
    let env;
    before(async () => {
      env = await startEngine(engine);
    }, { timeout: TEST_TIMEOUT });
    after(() => env?.stop());

    lifecycleTests(() => env);
    readingTests(() => env);

    test('the seed renders through the public script tag, with every part and the ready event', { timeout: TEST_TIMEOUT }, async (t) => {
      t.diagnostic(`${env.name} ${env.version}`);
      await seed(env);
      const view = await env.session.execute(`
        const host = document.getElementById('seed');
        const root = host.shadowRoot;
        const one = (p) => root.querySelector('[part~="' + p + '"]');
        return {
          mode: root.mode,
          title: one('title')?.textContent ?? null,
          byline: one('byline')?.textContent ?? null,
          body: !!one('body'),
          articleLang: root.querySelector('article')?.getAttribute('lang') ?? null,
          refs: [...root.querySelectorAll('[part~="footnote-ref"]')].map((r) => r.dataset.note),
          notes: one('footnotes') ? one('footnotes').querySelectorAll('li').length : -1,
          toggle: one('language-toggle') ? [...one('language-toggle').querySelectorAll('button')].map((b) => [b.lang, b.getAttribute('aria-pressed')]) : null,
          cite: !!one('cite-button'),
          share: one('share') ? [...one('share').querySelectorAll('[data-network]')].map((a) => a.tagName + ':' + a.dataset.network) : null,
          styleAttrs: root.querySelectorAll('[style]').length,
          styleElements: root.querySelectorAll('style').length,
          pageOrigin: location.origin,
          scriptOrigin: new URL(document.querySelector('script[type="module"]').src).origin,
          srcOrigin: new URL(host.getAttribute('src')).origin,
        };`);
      assert.notEqual(view.scriptOrigin, view.pageOrigin, 'the widget comes from another origin');
      assert.equal(view.srcOrigin, view.scriptOrigin, 'the document comes from the widget origin');
      assert.equal(view.mode, 'open');
      assert.equal(squash(view.title), en.title);
      assert.match(view.byline, /Khantamirova/);
      assert.match(view.byline, /Center for Eurasian Studies/);
      assert.ok(view.body, 'body part');
      assert.equal(view.articleLang, 'en');
      assert.deepEqual(view.refs, ['1', '2']);
      assert.equal(view.notes, 2, 'two notes in the footnotes part');
      assert.ok(Array.isArray(view.toggle), 'language-toggle part');
      assert.deepEqual(view.toggle.map(([l]) => l).sort(), ['en', 'tr']);
      assert.deepEqual(view.toggle.filter(([, p]) => p === 'true').map(([l]) => l), ['en']);
      assert.ok(view.cite, 'cite-button part');
      for (const n of NETWORKS) assert.ok(view.share.includes(`A:${n}`), `share link ${n}: ${view.share}`);
      assert.ok(view.share.includes('BUTTON:copy'), 'copy button');
      assert.equal(view.styleAttrs + view.styleElements, 0, 'no style attribute or element rendered');

      const ready = await waitForEvent(env, 'commentary-ready', 'seed');
      assert.equal(ready.length, 1, 'one commentary-ready');
      assert.deepEqual(ready[0].detail, { id: '2026-36', lang: 'en' });
      assert.ok(ready[0].isCustomEvent && ready[0].bubbles && ready[0].composed, 'a bubbling, composed CustomEvent');
      assert.deepEqual(await events(env, 'commentary-error'), []);
      await assertNoPageErrors(env);
    });

    test('hovering a footnote reference opens its note; placement by CSS anchors or measured', { timeout: TEST_TIMEOUT }, async (t) => {
      await seed(env);
      const ref = await env.session.shadowElement('#seed', '[part~="footnote-ref"]', 0);
      await env.session.pointerMove(ref);
      await eventually(env, `return ${COUNT} === 1`, 'hover opened the note', { args: ['#seed'] });
      await settled(env);
      await sleep(100);
      const opacity = await env.session.execute(
        `return getComputedStyle(document.querySelector('#seed').shadowRoot.querySelector('[part~="footnote-popover"]')).opacity`,
      );
      // Whether the note is painted is checked on a screenshot below ('the open note is painted').
      if (opacity !== '1') t.diagnostic(`${env.name}: getComputedStyle reports opacity ${opacity} after the opening animation`);
      const shown = await env.session.execute(`
        const root = document.querySelector('#seed').shadowRoot;
        const p = root.querySelector('[part~="footnote-popover"]');
        const a = root.querySelectorAll('[part~="footnote-ref"]')[0];
        const r = p.getBoundingClientRect();
        const ar = a.getBoundingClientRect();
        let open = null;
        try { open = p.matches(':popover-open'); } catch (e) { open = 'unsupported'; }
        return {
          text: p.textContent,
          role: p.getAttribute('role'),
          expanded: a.getAttribute('aria-expanded'),
          anchors: CSS.supports('anchor-name', '--a') && CSS.supports('position-area', 'bottom'),
          popoverApi: typeof HTMLElement.prototype.showPopover === 'function',
          open,
          placement: p.dataset.placement ?? null,
          styleAttr: p.hasAttribute('style'),
          adopted: root.adoptedStyleSheets.length,
          inViewport: r.left >= -0.5 && r.top >= -0.5 && r.right <= innerWidth + 0.5 && r.bottom <= innerHeight + 0.5 && r.width > 0 && r.height > 0,
          below: r.top >= ar.bottom - 1,
          above: r.bottom <= ar.top + 1,
        };`);
      assert.match(shown.text, /Мавашев/, 'the note text');
      assert.equal(shown.role, 'dialog');
      assert.equal(shown.expanded, 'true');
      assert.ok(shown.inViewport, `the note lies in the viewport: ${JSON.stringify(shown)}`);
      assert.equal(shown.styleAttr, false, 'no style attribute (strict CSP)');
      assert.ok(shown.below || shown.above, 'the note sits next to its reference');
      if (shown.popoverApi) {
        assert.equal(shown.open, true, 'in the top layer (:popover-open)');
      } else {
        t.diagnostic(`${env.name} lacks the popover API: the note is shown in place, not in the top layer`);
      }
      if (shown.anchors) {
        t.diagnostic(`${env.name} has CSS anchor positioning: placed by CSS`);
        assert.equal(shown.placement, null, 'no measured placement where CSS places the note');
        assert.equal(shown.adopted, 0, 'no constructed stylesheet where CSS places the note');
      } else {
        t.diagnostic(`${env.name} lacks CSS anchor positioning: placement measured (${shown.placement})`);
        assert.ok(['below', 'above'].includes(shown.placement), `measured placement: ${shown.placement}`);
        assert.equal(shown.adopted, 1, 'the measured position lives in one constructed stylesheet');
        assert.ok(shown.placement === 'below' ? shown.below : shown.above, `placed ${shown.placement} its reference`);
      }
      // Leaving both the reference and the note closes it after the grace delay.
      await env.session.pointerMove({ x: 2, y: 2 });
      await eventually(env, `return ${COUNT} === 0`, 'leaving closed the note', { args: ['#seed'] });
      await assertNoPageErrors(env);
    });

    test(
      'the open note is painted (a screenshot shows its text)',
      { timeout: TEST_TIMEOUT },
      async (t) => {
        await seed(env);
        await env.session.click(await env.session.shadowElement('#seed', '[part~="footnote-ref"]', 0));
        await eventually(env, `return ${COUNT} === 1`, 'click opened the note', { args: ['#seed'] });
        await settled(env);
        await sleep(500);
        const rects = await env.session.execute(`
          const root = document.querySelector('#seed').shadowRoot;
          const box = (el) => { const r = el.getBoundingClientRect(); const k = devicePixelRatio;
            return { left: r.left * k + 4, top: r.top * k + 4, width: r.width * k - 8, height: r.height * k - 8 }; };
          return { note: box(root.querySelector('[part~="footnote-popover"]')), byline: box(root.querySelector('[part~="byline"]')) };`);
        const shot = await env.session.screenshot();
        const note = darkShare(shot, rects.note);
        const byline = darkShare(shot, rects.byline);
        t.diagnostic(`${env.name}: dark pixels in the note ${(note * 100).toFixed(1)} %, in the byline ${(byline * 100).toFixed(1)} %`);
        assert.ok(byline > 0.02, 'the screenshot shows the byline text (the measure works)');
        assert.ok(note > 0.02, `the note's text is painted: ${(note * 100).toFixed(1)} % dark pixels`);
      },
    );

    test('keyboard: Tab focus opens the note, Escape closes it, Enter opens it again', { timeout: TEST_TIMEOUT }, async (t) => {
      await seed(env);
      let reached = false;
      for (let i = 0; i < 40 && !reached; i++) {
        await env.session.pressKeys(Keys.TAB);
        reached = (await env.session.execute(FOCUSED))?.part === 'footnote-ref';
      }
      const count = `return ${COUNT}`;
      assert.ok(reached, `${env.name}: Tab never reached a footnote reference`);
      assert.deepEqual(await env.session.execute(FOCUSED), { part: 'footnote-ref', note: '1', inPopover: false });
      await eventually(env, `${count} === 1`, 'focus opened the note', { args: ['#seed'] });
      await env.session.pressKeys(Keys.ESCAPE);
      await eventually(env, `${count} === 0`, 'Escape closed the note', { args: ['#seed'] });
      assert.deepEqual(await env.session.execute(FOCUSED), { part: 'footnote-ref', note: '1', inPopover: false }, 'focus stays on the reference');
      await sleep(300);
      assert.equal(await env.session.execute(POPOVER_COUNT, '#seed'), 0, 'returning focus did not reopen the note');
      await env.session.pressKeys(Keys.ENTER);
      await eventually(env, `${count} === 1`, 'Enter opened the note', { args: ['#seed'] });
      assert.match(
        await env.session.execute('return document.querySelector("#seed").shadowRoot.querySelector(\'[part~="footnote-popover"]\').textContent'),
        /Мавашев/,
      );
      await env.session.pressKeys(Keys.ESCAPE);
      await eventually(env, `${count} === 0`, 'Escape closed the pinned note', { args: ['#seed'] });
      await assertNoPageErrors(env);
    });

    test('Escape closes a note opened by hovering, with the focus on the host page and the pointer on the reference or on the note', { timeout: TEST_TIMEOUT }, async () => {
      await seed(env);
      // The page's own Escape handler, to see whose key it was.
      await env.session.execute(`window.__escapes = [];
        document.addEventListener('keydown', (e) => { if (e.key === 'Escape') window.__escapes.push(e.defaultPrevented); });
        document.activeElement?.blur?.(); return true;`);
      const focusOnPage = 'const a = document.activeElement; return a === document.body || a === null || a === document.documentElement;';
      const ref = await env.session.shadowElement('#seed', '[part~="footnote-ref"]', 0);
      // 1. The pointer stays on the reference.
      await env.session.pointerMove(ref);
      await eventually(env, `return ${COUNT} === 1`, 'hover opened the note', { args: ['#seed'] });
      assert.equal(await env.session.execute(focusOnPage), true, `${env.name}: the focus is on the host page, not in the widget`);
      await env.session.pressKeys(Keys.ESCAPE);
      await eventually(env, `return ${COUNT} === 0`, `${env.name}: Escape closed the hovered note (pointer on the reference)`, { args: ['#seed'] });
      assert.equal(await env.session.execute(focusOnPage), true, 'the focus stayed where the reader had it');
      // 2. The pointer rests on the open note itself.
      await env.session.pointerMove({ x: 2, y: 2 });
      await sleep(100);
      await env.session.pointerMove(ref);
      await eventually(env, `return ${COUNT} === 1`, 'hover opened the note again', { args: ['#seed'] });
      await settled(env);
      const note = await env.session.shadowElement('#seed', '[part~="footnote-popover"]', 0);
      await env.session.pointerMove(note);
      await sleep(500);
      assert.equal(await env.session.execute(POPOVER_COUNT, '#seed'), 1, 'the note stays open under the pointer');
      await env.session.pressKeys(Keys.ESCAPE);
      await eventually(env, `return ${COUNT} === 0`, `${env.name}: Escape closed the hovered note (pointer on the note)`, { args: ['#seed'] });
      // 3. With no note open, Escape is the page's: the widget leaves it alone.
      await env.session.pressKeys(Keys.ESCAPE);
      const escapes = await env.session.execute('return window.__escapes');
      assert.deepEqual(escapes, [true, true, false], `${env.name}: the widget took Escape only while a note was open`);
      await assertNoPageErrors(env);
    });

    test('a narrow window gets the note as a bottom sheet that fits', { timeout: TEST_TIMEOUT }, async (t) => {
      await env.session.setWindowRect(420, 800);
      try {
        await seed(env);
        const vp = await env.session.execute('return { w: document.documentElement.clientWidth, h: innerHeight, em: parseFloat(getComputedStyle(document.documentElement).fontSize) }');
        t.diagnostic(`${env.name}: viewport ${vp.w}×${vp.h}`);
        assert.ok(vp.w <= 36 * vp.em, `the window did not get narrow enough for the sheet: ${JSON.stringify(vp)}`);
        await env.session.execute(
          `document.querySelector('#seed').shadowRoot.querySelector('[part~="footnote-ref"]').scrollIntoView({ block: 'center' }); return 1`,
        );
        await env.session.click(await env.session.shadowElement('#seed', '[part~="footnote-ref"]', 0));
        await eventually(env, `return ${COUNT} === 1`, 'click opened the note', { args: ['#seed'] });
        await settled(env);
        const box = await env.session.execute(`
          const p = document.querySelector('#seed').shadowRoot.querySelector('[part~="footnote-popover"]');
          const r = p.getBoundingClientRect();
          // The opening animation's translate (0 4px at its start), where an engine leaves it stuck.
          const dy = parseFloat((getComputedStyle(p).translate.split(' ')[1]) || '0') || 0;
          return { left: r.left, right: r.right, top: r.top - dy, bottom: r.bottom - dy, width: r.width, dy };`);
        if (box.dy) t.diagnostic(`${env.name}: the opening animation's translate (${box.dy}px) is still applied; measured without it`);
        assert.ok(box.left <= 0.5 && box.right >= vp.w - 0.5, `the sheet spans the width: ${JSON.stringify({ box, vp })}`);
        assert.ok(Math.abs(box.bottom - vp.h) < 2 && box.top >= 0, `the sheet sits at the bottom, inside the viewport: ${JSON.stringify({ box, vp })}`);
        await assertNoPageErrors(env);
      } finally {
        await env.session.setWindowRect(1280, 900);
      }
    });

    test('the language toggle switches to Turkish and tells the page', { timeout: TEST_TIMEOUT }, async () => {
      await seed(env);
      const tr = await env.session.shadowElement('#seed', '[part~="language-toggle"] button[lang="tr"]');
      await env.session.click(tr);
      await eventually(
        env,
        `const root = document.querySelector('#seed').shadowRoot;
         return /^Türkiye-Azerbaycan İlişkileri/.test(root.querySelector('[part~="title"]').textContent.trim());`,
        'the Turkish title',
      );
      const state = await env.session.execute(`
        const root = document.querySelector('#seed').shadowRoot;
        return {
          lang: root.querySelector('article').getAttribute('lang'),
          pressed: [...root.querySelectorAll('[part~="language-toggle"] button')].map((b) => [b.lang, b.getAttribute('aria-pressed')]),
          stored: localStorage.getItem('commentary-embed:language'),
        };`);
      assert.equal(state.lang, 'tr');
      assert.deepEqual(state.pressed.filter(([, p]) => p === 'true').map(([l]) => l), ['tr']);
      assert.match(String(state.stored), /tr/, 'the choice is remembered on the site');
      const change = await waitForEvent(env, 'commentary-language-change', 'seed');
      assert.equal(change.length, 1);
      assert.deepEqual(change[0].detail, { id: '2026-36', lang: 'tr' });
      assert.ok(change[0].isCustomEvent && change[0].bubbles && change[0].composed);
      await assertNoPageErrors(env);
    });

    test('a language switch keeps the passage at the top of the viewport where it was', { timeout: TEST_TIMEOUT }, async (t) => {
      await seed(env, 'language-seed.html');
      const BLOCKS = ':scope > :is(p, h3, h4, h5, h6, blockquote, ol, ul, pre, hr)';
      const block = (index) =>
        env.session.execute(
          `const body = document.getElementById('seed').shadowRoot.querySelector('[part~="body"]');
           const el = body.querySelectorAll(arguments[1])[arguments[0]];
           const r = el.getBoundingClientRect();
           return { top: r.top, text: el.textContent.trim().slice(0, 40) };`,
          index,
          BLOCKS,
        );
      // en block 4 is tr block 3 (en opens with an extra paragraph). Put it 10 px below the
      // reading line, the bottom of the language toggle that sticks to the top.
      const placed = await env.session.execute(
        `const root = document.getElementById('seed').shadowRoot;
         const line = root.querySelector('[part~="toolbar"]').getBoundingClientRect().height;
         const el = root.querySelector('[part~="body"]').querySelectorAll(arguments[1])[arguments[0]];
         window.scrollTo({ top: window.scrollY + el.getBoundingClientRect().top - line - 10, behavior: 'instant' });
         return { line, toggleTop: root.querySelector('[part~="toolbar"]').getBoundingClientRect().top };`,
        4,
        BLOCKS,
      );
      await sleep(100);
      const before = await block(4);
      assert.match(before.text, /^While Azerbaijan maintains/);
      assert.ok(Math.abs(before.top - (placed.line + 10)) < 1, `scrolled: ${JSON.stringify({ placed, before })}`);
      assert.ok(Math.abs(placed.toggleTop) < 1, `the toggle sticks to the top (${placed.toggleTop})`);
      const scrollAnchoring = await env.session.execute("return CSS.supports('overflow-anchor', 'auto')");
      t.diagnostic(`${env.name}: CSS scroll anchoring ${scrollAnchoring ? 'present' : 'absent'}; the widget scrolls itself either way`);
      await env.session.click(await env.session.shadowElement('#seed', '[part~="language-toggle"] button[lang="tr"]'));
      await eventually(env, "return document.getElementById('seed').shadowRoot.querySelector('article').getAttribute('lang') === 'tr'", 'the switch to tr');
      await sleep(200);
      const after = await block(3);
      assert.match(after.text, /^Azerbaycan, İsrail ile/);
      assert.ok(
        Math.abs(after.top - (placed.line + 10)) <= 2,
        `tr block 3 should stand where en block 4 stood (${(placed.line + 10).toFixed(1)} px), it is at ${after.top.toFixed(1)} px`,
      );
      await assertNoPageErrors(env);
    });

    test('the cite panel shows every style; copy uses the clipboard or selects the text', { timeout: TEST_TIMEOUT }, async (t) => {
      await seed(env);
      await env.session.click(await env.session.shadowElement('#seed', '[part~="cite-button"]'));
      await eventually(env, `return document.querySelector('#seed').shadowRoot.querySelectorAll('[part~="citation"]').length > 0`, 'the cite panel');
      const panel = await env.session.execute(`
        const root = document.querySelector('#seed').shadowRoot;
        return {
          expanded: root.querySelector('[part~="cite-button"]').getAttribute('aria-expanded'),
          styles: [...root.querySelectorAll('[part~="citation"]')].map((c) => c.dataset.style),
          copies: [...root.querySelectorAll('[part~="citation-copy"]')].map((c) => c.dataset.style),
          apa: root.querySelector('[part~="citation"][data-style="apa"]').textContent,
          clipboardApi: !!(navigator.clipboard && navigator.clipboard.write) && typeof ClipboardItem === 'function',
          secure: window.isSecureContext,
        };`);
      assert.equal(panel.expanded, 'true');
      assert.deepEqual([...panel.styles].sort(), [...STYLES].sort());
      assert.deepEqual(panel.copies, panel.styles, 'a copy control beside each citation');
      assert.match(panel.apa, /Khantamirova/);

      await env.session.click(await env.session.shadowElement('#seed', '[part~="citation-copy"][data-style="apa"]'));
      const outcome = await eventually(
        env,
        `const status = document.querySelector('#seed').shadowRoot.querySelector('.ce-cite-status')?.textContent ?? '';
         if (/Copied \\(APA 7\\)/.test(status)) return 'copied';
         if (/Ctrl\\+C/.test(status)) return 'selected';
         return false;`,
        'a copy outcome (copied, or selected for Ctrl+C)',
      );
      const copyEvents = await events(env, 'commentary-citation-copy');
      if (outcome === 'copied') {
        t.diagnostic(`${env.name}: the Clipboard API wrote the citation`);
        assert.ok(panel.clipboardApi, 'copied without a Clipboard API?');
        assert.equal(copyEvents.length, 1, 'commentary-citation-copy fired');
        assert.equal(copyEvents[0].detail.style, 'apa');
        assert.equal(squash(copyEvents[0].detail.text), squash(panel.apa));
      } else {
        t.diagnostic(
          `${env.name}: ${panel.clipboardApi ? 'the clipboard refused the write under WebDriver' : 'no async Clipboard API with ClipboardItem'}: the citation is selected for Ctrl+C`,
        );
        const selected = await env.session.execute(`
          const root = document.querySelector('#seed').shadowRoot;
          const sel = root.getSelection ? root.getSelection() : document.getSelection();
          return String(sel);`);
        assert.equal(squash(selected), squash(panel.apa), 'the citation is selected');
        assert.deepEqual(copyEvents, [], 'no copy event without a copy');
      }
      await assertNoPageErrors(env);
    });

    test('share links have the expected shapes; the system sheet only where the browser has one', { timeout: TEST_TIMEOUT }, async (t) => {
      await seed(env);
      const share = await env.session.execute(`
        const root = document.querySelector('#seed').shadowRoot;
        const part = root.querySelector('[part~="share"]');
        return {
          links: [...part.querySelectorAll('a[data-network]')].map((a) => ({ network: a.dataset.network, href: a.getAttribute('href'), target: a.getAttribute('target'), rel: a.getAttribute('rel') })),
          copy: !!part.querySelector('button[data-network="copy"]'),
          native: !!part.querySelector('button[data-network="native"]'),
          hasShare: typeof navigator.share === 'function',
        };`);
      const expected = expectedHrefs(EN_URL, en.title);
      const byNetwork = Object.fromEntries(share.links.map((l) => [l.network, l]));
      for (const n of NETWORKS) {
        assert.equal(byNetwork[n]?.href, expected[n], `${n} href`);
        if (n !== 'email') {
          assert.equal(byNetwork[n].target, '_blank', `${n} opens a new tab`);
          assert.equal(byNetwork[n].rel, 'noopener noreferrer', `${n} rel`);
        }
      }
      assert.ok(share.copy, 'the copy button');
      assert.equal(share.native, share.hasShare, 'the system-sheet button exactly where navigator.share exists');
      t.diagnostic(`${env.name}: navigator.share ${share.hasShare ? 'present: system-sheet button shown' : 'absent: no system-sheet button'}`);
      await assertNoPageErrors(env);
    });

    test('broken documents show the error part, keep the fallback and fire commentary-error', { timeout: TEST_TIMEOUT }, async () => {
      await env.open('bad-json.html');
      const ids = ['malformed', 'unknown-schema', 'future-seed', 'not-an-object'];
      for (const id of ids) assert.equal(await waitForWidget(env, `#${id}`), 'error', `#${id}`);
      const state = await env.session.execute(`
        return arguments[0].map((id) => {
          const el = document.getElementById(id);
          const fallback = document.getElementById(id + '-fallback');
          const r = fallback.getBoundingClientRect();
          return {
            id,
            error: el.shadowRoot.querySelector('[part~="error"]').textContent.trim(),
            fallbackHref: fallback.getAttribute('href'),
            fallbackShown: r.width > 0 && r.height > 0 && getComputedStyle(fallback).visibility !== 'hidden',
            fallbackSlotted: !!fallback.assignedSlot,
          };
        });`, ids);
      for (const s of state) {
        assert.ok(s.error.length > 0, `${s.id}: an error message`);
        assert.ok(s.fallbackShown, `${s.id}: the fallback link stays visible`);
        assert.ok(s.fallbackSlotted, `${s.id}: the fallback is slotted under the error`);
      }
      assert.match(state[0].error, /not JSON/);
      assert.match(state[1].error, /schema version/);
      for (const id of ids) {
        const errs = await waitForEvent(env, 'commentary-error', id);
        assert.equal(errs.length, 1, `one commentary-error on #${id}`);
        assert.match(errs[0].detail.src, new RegExp(`^${env.cdn.replace(/[.]/g, '\\.')}/`));
        assert.ok(errs[0].detail.message.length > 0);
        assert.ok(errs[0].bubbles && errs[0].composed);
      }
      // Refused documents are expected failures: no uncaught error on the host page.
      await assertNoPageErrors(env, { console: false });
    });

    for (const [where, edge] of [['below', 'top'], ['above', 'bottom']]) {
      test(`without CSS anchor positioning (hidden from the page) the note is measured and placed ${where}`, { timeout: TEST_TIMEOUT }, async (t) => {
        await seed(env, 'seed-en.html?degrade=anchors');
        t.diagnostic(`${env.name}: anchor positioning hidden with CSS.supports: the measured placement runs on this engine's layout`);
        // The second reference is deep in the page: put it near the top (room below) or the bottom.
        await env.session.execute(
          `const a = document.querySelector('#seed').shadowRoot.querySelectorAll('[part~="footnote-ref"]')[1];
           const r = a.getBoundingClientRect();
           window.scrollBy(0, arguments[0] === 'top' ? r.top - 60 : r.bottom - window.innerHeight + 40);
           return true;`,
          edge,
        );
        await env.session.click(await env.session.shadowElement('#seed', '[part~="footnote-ref"]', 1));
        await eventually(env, `return ${COUNT} === 1`, 'click opened the note', { args: ['#seed'] });
        await settled(env);
        const placed = await env.session.execute(`
          const root = document.querySelector('#seed').shadowRoot;
          const p = root.querySelector('[part~="footnote-popover"]');
          const a = root.querySelectorAll('[part~="footnote-ref"]')[1];
          const r = p.getBoundingClientRect();
          const ar = a.getBoundingClientRect();
          return {
            anchors: CSS.supports('anchor-name', '--a'),
            placement: p.dataset.placement ?? null,
            styleAttr: p.hasAttribute('style'),
            adopted: root.adoptedStyleSheets.length,
            inViewport: r.left >= -0.5 && r.top >= -0.5 && r.right <= innerWidth + 0.5 && r.bottom <= innerHeight + 0.5 && r.height > 0,
            below: r.top >= ar.bottom - 1,
            above: r.bottom <= ar.top + 1,
            rect: [r.left, r.top, r.width, r.height].map(Math.round),
          };`);
        assert.equal(placed.anchors, false, 'the feature is hidden');
        assert.deepEqual(
          { placement: placed.placement, styleAttr: placed.styleAttr, adopted: placed.adopted },
          { placement: where, styleAttr: false, adopted: 1 },
        );
        assert.ok(placed.inViewport, `inside the viewport: ${JSON.stringify(placed)}`);
        assert.ok(placed[where], `${where} its reference: ${JSON.stringify(placed)}`);
        await assertNoPageErrors(env);
      });
    }

    test('without the Clipboard API (hidden from the page) copy selects the citation for Ctrl+C', { timeout: TEST_TIMEOUT }, async (t) => {
      await seed(env, 'seed-en.html?degrade=clipboard');
      t.diagnostic(`${env.name}: navigator.clipboard hidden: the select-and-tell fallback`);
      await env.session.click(await env.session.shadowElement('#seed', '[part~="cite-button"]'));
      await env.session.click(await env.session.shadowElement('#seed', '[part~="citation-copy"][data-style="mla"]'));
      await eventually(
        env,
        `return /Ctrl\\+C/.test(document.querySelector('#seed').shadowRoot.querySelector('.ce-cite-status')?.textContent ?? '')`,
        'the Ctrl+C message',
      );
      const { selected, mla } = await env.session.execute(`
        const root = document.querySelector('#seed').shadowRoot;
        const sel = root.getSelection ? root.getSelection() : document.getSelection();
        return { selected: String(sel), mla: root.querySelector('[part~="citation"][data-style="mla"]').textContent };`);
      assert.equal(squash(selected), squash(mla), 'the citation is selected');
      assert.deepEqual(await events(env, 'commentary-citation-copy'), [], 'no copy event without a copy');
      await assertNoPageErrors(env);
    });

    test('without IntersectionObserver (hidden from the page) the widget loads at once', { timeout: TEST_TIMEOUT }, async (t) => {
      await seed(env, 'seed-en.html?degrade=intersection-observer');
      t.diagnostic(`${env.name}: IntersectionObserver hidden: lazy loading falls back to loading at once`);
      assert.equal(await env.session.execute('return typeof IntersectionObserver'), 'undefined');
      assert.equal((await waitForEvent(env, 'commentary-ready', 'seed')).length, 1);
      await assertNoPageErrors(env);
    });

    test('under a strict CSP the widget renders and, with measured placement, violates nothing', { timeout: TEST_TIMEOUT }, async (t) => {
      // csp.html is sent with csp.html.csp as its header: default-src 'none', no 'unsafe-inline'.
      await seed(env, 'csp.html?degrade=anchors');
      t.diagnostic(`${env.name}: strict CSP, anchor positioning hidden: the constructed stylesheet must pass style-src`);
      await env.session.click(await env.session.shadowElement('#seed', '[part~="footnote-ref"]', 0));
      await eventually(env, `return ${COUNT} === 1`, 'click opened the note', { args: ['#seed'] });
      await settled(env);
      const state = await env.session.execute(`
        const root = document.getElementById('seed').shadowRoot;
        const p = root.querySelector('[part~="footnote-popover"]');
        return {
          violations: window.__cspViolations ?? null,
          linked: [...root.querySelectorAll('link[rel~="stylesheet"]')].map((l) => !!l.sheet),
          placement: p.dataset.placement ?? null,
          adopted: root.adoptedStyleSheets.length,
          position: getComputedStyle(p).position,
        };`);
      assert.ok(Array.isArray(state.violations), 'the page-owned CSP recorder ran');
      // Firefox and WebKit fetch /favicon.ico for the tab themselves (Chromium headless does not);
      // under img-src 'none' that is the browser's own violation, not the widget's.
      const favicon = state.violations.filter((v) => v.directive === 'img-src' && /\/favicon\.ico$/.test(v.blockedURI));
      if (favicon.length) t.diagnostic(`${env.name}: its own /favicon.ico request is refused by img-src 'none' (not the widget's)`);
      assert.deepEqual(state.violations.filter((v) => !favicon.includes(v)), [], 'no securitypolicyviolation by the widget');
      assert.ok(state.linked.some(Boolean), "the widget's stylesheet loaded under style-src");
      assert.ok(['below', 'above'].includes(state.placement), `measured placement: ${state.placement}`);
      assert.equal(state.adopted, 1);
      assert.equal(state.position, 'fixed', 'the measured rule applies');
      assert.deepEqual((await events(env, 'commentary-ready')).map((e) => e.detail), [{ id: '2026-36', lang: 'en' }]);
      await assertNoPageErrors(env);
    });

    test('twenty widgets, five broken: fifteen work, and a working one still opens a note', { timeout: TEST_TIMEOUT }, async () => {
      await env.open('many.html');
      const ids = await env.session.execute("return [...document.querySelectorAll('commentary-embed')].map((e) => [e.id, e.className, e.dataset.broken ?? null])");
      assert.equal(ids.length, 20);
      const states = {};
      for (const [id] of ids) states[id] = await waitForWidget(env, `#${id}`);
      const good = ids.filter(([, c]) => c === 'good').map(([id]) => states[id]);
      const broken = ids.filter(([, c]) => c === 'broken').map(([id, , why]) => [why, states[id]]);
      assert.deepEqual(good, Array(15).fill('ready'), await pageLog(env));
      assert.deepEqual(broken, [['404', 'error'], ['malformed', 'error'], ['schema', 'error'], ['invalid', 'error'], ['nosrc', 'error']]);
      const messages = await env.session.execute(
        "return [...document.querySelectorAll('commentary-embed.broken')].map((e) => e.shadowRoot.querySelector('[part~=\"error\"]').textContent)",
      );
      assert.match(messages[0], /HTTP 404/);
      assert.match(messages[1], /not JSON/);
      assert.match(messages[2], /schema version/);
      assert.match(messages[3], /footnote reference 4 has no note/);
      assert.match(messages[4], /no `src` attribute/);
      assert.equal(await env.session.execute("return document.getElementById('host-text').textContent"), "The partner's own text stays as it is.");
      await env.session.click(await env.session.shadowElement('#w0', '[part~="footnote-ref"]'));
      await eventually(env, `return ${COUNT} === 1`, 'a note of #w0 opened', { args: ['#w0'] });
      await assertNoPageErrors(env, { console: false });
    });
  });
}
