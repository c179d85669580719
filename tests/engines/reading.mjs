// Reading modes through the public element (CONTRACTS §5, issue 14), in every engine, at 1280 and
// 375 px wide: side by side (columns, counterparts level or alternating, footnotes in both),
// side notes (beside their reference, never overlapping, highlighted with it), notes at the end,
// one reader across the page's widgets, the reader's place in a scrolling panel, no horizontal
// scrolling, and axe-core with no violation in every mode and both colour schemes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import path from 'node:path';
import { ROOT, TEST_TIMEOUT, eventually, events, pageLog, sleep, waitForWidget } from './helpers.mjs';

const SEED_JSON = path.join(ROOT, process.env.E2E_CONTENT ?? 'build/content', '2026-36.json');

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Makes the page `width` CSS px wide: the window where the engine allows it, else the page's
 * content (a narrow partner column) when the window stays wider. Returns the width reached. */
async function setWidth(env, width) {
  await env.session.setWindowRect(width, 900);
  await sleep(150);
  return env.session.execute(
    `const want = arguments[0];
     const main = document.querySelector('main');
     main.classList.remove('forced');
     document.documentElement.style.width = '';
     if (innerWidth > want + 20) document.documentElement.style.width = want + 'px';
     return document.documentElement.clientWidth;`,
    width,
  );
}

/** Geometry of widget `id`: its columns, passages, side notes, references and the page's scroll. */
const GEOMETRY = `
  const host = document.getElementById(arguments[0]);
  const root = host.shadowRoot;
  const box = (el) => { const r = el.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height }; };
  const columns = [...root.querySelectorAll('[part~="column"]')];
  return {
    reading: root.querySelector('.ce-root')?.dataset.reading,
    parallel: !!root.querySelector('[part~="parallel"]'),
    columns: columns.map((c) => ({ lang: c.lang, dir: c.dir, label: c.getAttribute('aria-label'), ...box(c),
      passages: [...c.querySelectorAll(':scope > .ce-passage')].map((p) => ({ passage: p.dataset.passage ?? null, ...box(p) })),
      refs: c.querySelectorAll('[part~="footnote-ref"]').length })),
    sidenotes: [...root.querySelectorAll('[part~="sidenote"]')].map((s) => ({ note: s.dataset.note, shown: s.getClientRects().length > 0, column: s.closest('[part~="column"]')?.lang ?? null, ...box(s) })),
    refs: [...root.querySelectorAll('[part~="footnote-ref"]')].map((r) => ({ note: r.dataset.note, id: r.id, ...box(r) })),
    body: root.querySelector('[part~="body"]') ? box(root.querySelector('[part~="body"]')) : null,
    popovers: root.querySelectorAll('[part~="footnote-popover"]').length,
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  };`;

const geometry = (env, id) => env.session.execute(GEOMETRY, id);

/** Pairs of boxes (in reading order) that overlap by more than half a pixel. */
function overlaps(boxes) {
  const shown = boxes.filter((b) => b.height > 0).sort((a, b) => a.top - b.top);
  const bad = [];
  for (let i = 1; i < shown.length; i += 1) {
    for (let j = 0; j < i; j += 1) {
      const a = shown[j];
      const b = shown[i];
      const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (x > 0.5 && y > 0.5) bad.push([a.note, b.note]);
    }
  }
  return bad;
}

/** axe-core's violations in widget `id` (the host and its shadow tree), by rule id. */
async function axe(env, id) {
  const result = await env.session.executeAsync(
    `const [source, sel, tags, done] = arguments;
     if (!window.axe) (0, eval)(source);
     window.axe.run({ include: [[sel]] }, { runOnly: { type: 'tag', values: tags } })
       .then((r) => done(r.violations.map((v) => v.id + ': ' + v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(' '))))
       .catch((e) => done(['axe failed: ' + e]));`,
    AXE,
    `#${id}`,
    AXE_TAGS,
  );
  return result;
}

const setAttr = (env, id, name, value) =>
  env.session.execute(
    'const el = document.getElementById(arguments[0]); if (arguments[2] === null) el.removeAttribute(arguments[1]); else el.setAttribute(arguments[1], arguments[2]); return true;',
    id,
    name,
    value,
  );

const settle = () => sleep(300);

/** Checks that counterparts (same data-passage) start level on a wide widget, and alternate on a
 * narrow one (each passage, then its counterpart, then the next passage). */
function assertPassages(view, wide, message) {
  const [left, right] = view.columns;
  const byPassage = new Map(right.passages.filter((p) => p.passage !== null).map((p) => [p.passage, p]));
  const pairs = left.passages.filter((p) => p.passage !== null && byPassage.has(p.passage)).map((p) => [p, byPassage.get(p.passage)]);
  assert.ok(pairs.length >= 5, `${message}: counterpart passages found (${pairs.length})`);
  if (wide) {
    assert.ok(right.left >= left.right - 0.5, `${message}: the columns stand side by side`);
    for (const [l, r] of pairs) assert.ok(Math.abs(l.top - r.top) < 1, `${message}: passage ${l.passage} starts level (${l.top} vs ${r.top})`);
  } else {
    assert.ok(Math.abs(right.left - left.left) < 1, `${message}: one column`);
    for (const [l, r] of pairs) assert.ok(r.top >= l.bottom - 0.5, `${message}: passage ${l.passage}'s counterpart follows it`);
    for (let i = 1; i < pairs.length; i += 1) {
      assert.ok(pairs[i][0].top >= pairs[i - 1][1].bottom - 0.5, `${message}: passage ${pairs[i][0].passage} follows the counterpart before it`);
    }
  }
  assert.ok(view.scrollWidth <= view.clientWidth, `${message}: no horizontal scrolling (${view.scrollWidth} > ${view.clientWidth})`);
}

export function readingTests(getEnv) {
  test('side by side: two labelled columns, counterparts level at 1280 px and alternating at 375 px, notes in both, side notes never overlapping', { timeout: TEST_TIMEOUT * 2 }, async () => {
    const env = getEnv();
    await env.open('reading.html');
    assert.equal(await waitForWidget(env, '#seed'), 'ready', await pageLog(env));
    try {
      await setWidth(env, 1280);
      await settle();
      let view = await geometry(env, 'seed');
      assert.equal(view.reading, 'parallel');
      assert.deepEqual(view.columns.map((c) => [c.lang, c.dir]), [['en', 'ltr'], ['tr', 'ltr']]);
      assert.deepEqual(view.columns.map((c) => c.label), ['English', 'Türkçe']);
      assert.ok(view.columns.every((c) => c.refs >= 2), 'footnote references in both columns');
      assertPassages(view, true, 'wide');
      // 1280 px leaves room for side notes in each column: beside their reference, never
      // overlapping, in the column of their version.
      const shown = view.sidenotes.filter((s) => s.shown);
      assert.deepEqual(shown.map((s) => s.column), ['en', 'en', 'tr', 'tr'], JSON.stringify(view.sidenotes));
      assert.deepEqual(overlaps(shown), []);
      for (const s of shown) {
        const ref = view.refs.find((r) => r.note === s.note && r.left < s.left && (s.column === 'en' ? !r.id.startsWith('c2-') : r.id.startsWith('c2-')));
        assert.ok(ref, `note ${s.note} has its reference to its left`);
        assert.ok(s.top >= ref.top - 40 && s.top <= ref.bottom + 400, `note ${s.note} stands near its reference's line (${s.top} vs ${ref.top})`);
      }
      assert.deepEqual(await axe(env, 'seed'), [], 'axe, side by side, light');

      await setWidth(env, 375);
      await settle();
      view = await geometry(env, 'seed');
      assertPassages(view, false, 'narrow');
      assert.ok(view.sidenotes.every((s) => !s.shown), 'no side notes on a narrow widget');
      // A reference in the second column opens its own note as a popover.
      await env.session.click(await env.session.shadowElement('#seed', '.ce-column-second [part~="footnote-ref"]'));
      await eventually(env, 'return document.getElementById("seed").shadowRoot.querySelectorAll("[part~=footnote-popover]").length === 1', 'the popover of a second-column note');
      const popover = await env.session.execute('const p = document.getElementById("seed").shadowRoot.querySelector("[part~=footnote-popover]"); return [p.id, p.closest("[part~=column]").lang]');
      assert.deepEqual(popover, ['c2-ce-popover-1-1', 'tr']);
      await setAttr(env, 'seed', 'theme', 'dark');
      await settle();
      assert.deepEqual(await axe(env, 'seed'), [], 'axe, side by side, dark, narrow, note open');
    } finally {
      await setWidth(env, 1280);
    }
  });

  test('side notes in one version: beside the first reference in the margin, highlighted with it, no popover; popovers when narrow; notes="end" jumps to the list', { timeout: TEST_TIMEOUT * 2 }, async () => {
    const env = getEnv();
    await env.open('reading.html');
    assert.equal(await waitForWidget(env, '#seed'), 'ready', await pageLog(env));
    try {
      await setAttr(env, 'seed', 'reading', 'single');
      await eventually(env, 'return !document.getElementById("seed").shadowRoot.querySelector("[part~=parallel]")', 'one version shown');
      await setWidth(env, 1280);
      await settle();
      let view = await geometry(env, 'seed');
      const shown = view.sidenotes.filter((s) => s.shown);
      assert.deepEqual(shown.map((s) => s.note), ['1', '2']);
      assert.deepEqual(overlaps(shown), []);
      for (const s of shown) {
        const ref = view.refs.find((r) => r.note === s.note);
        assert.ok(s.left >= view.body.right - 0.5, `note ${s.note} stands in the margin right of the text`);
        assert.ok(Math.abs(s.top - ref.top) < 40, `note ${s.note} is level with its reference (${s.top} vs ${ref.top})`);
      }
      const ref = await env.session.shadowElement('#seed', '[part~="footnote-ref"]', 0);
      await env.session.pointerMove(ref);
      await eventually(env, 'return document.getElementById("seed").shadowRoot.querySelector("[part~=sidenote][data-note=\'1\']").classList.contains("ce-sidenote-lit")', 'hovering the reference highlights its note');
      await env.session.click(ref);
      await sleep(700);
      assert.equal((await geometry(env, 'seed')).popovers, 0, 'no popover beside a side note');
      assert.equal(view.scrollWidth <= view.clientWidth, true, 'no horizontal scrolling with side notes');
      assert.equal(await env.session.execute('return document.getElementById("seed").shadowRoot.activeElement?.id'), 'side-1', 'activating the reference moves focus to its side note');
      // The note, hovered, highlights its reference.
      const note2 = await env.session.shadowElement('#seed', '[part~="sidenote"][data-note="2"]');
      await env.session.execute('arguments[0].scrollIntoView({ block: "center" }); return true;', note2);
      await env.session.pointerMove(note2);
      await eventually(env, 'return document.getElementById("seed").shadowRoot.querySelector("[part~=footnote-ref][data-note=\'2\']").classList.contains("ce-ref-lit")', 'hovering the note highlights its reference');
      await env.session.execute('window.scrollTo(0, 0); return true;');
      assert.deepEqual(await axe(env, 'seed'), [], 'axe, side notes, light');
      await setAttr(env, 'seed', 'theme', 'dark');
      await settle();
      assert.deepEqual(await axe(env, 'seed'), [], 'axe, side notes, dark');

      await setWidth(env, 375);
      await settle();
      view = await geometry(env, 'seed');
      assert.ok(view.sidenotes.every((s) => !s.shown), 'no side notes on a narrow widget');
      assert.ok(view.scrollWidth <= view.clientWidth, 'no horizontal scrolling');
      await env.session.click(await env.session.shadowElement('#seed', '[part~="footnote-ref"]', 0));
      await eventually(env, 'return document.getElementById("seed").shadowRoot.querySelectorAll("[part~=footnote-popover]").length === 1', 'narrow: the reference opens its popover');

      await setAttr(env, 'seed', 'notes', 'end');
      await settle();
      await env.session.click(await env.session.shadowElement('#seed', '[part~="footnote-ref"]', 1));
      await sleep(700);
      const end = await env.session.execute('const r = document.getElementById("seed").shadowRoot; return [r.querySelectorAll("[part~=footnote-popover]").length, r.activeElement?.id, r.querySelectorAll("[part~=sidenote]").length]');
      assert.deepEqual(end, [0, 'note-2', 0], 'notes="end": the reference jumps to its note, no popover');
      assert.deepEqual(await axe(env, 'seed'), [], 'axe, notes at the end, dark, narrow');
      await setAttr(env, 'seed', 'theme', 'light');
      await settle();
      assert.deepEqual(await axe(env, 'seed'), [], 'axe, notes at the end, light, narrow');
    } finally {
      await setWidth(env, 1280);
    }
  });

  test('one reader, many widgets: a choice of mode or language is followed at once where it can be shown, remembered for the next load, and a later attribute still wins', { timeout: TEST_TIMEOUT * 2 }, async () => {
    const env = getEnv();
    await env.open('reading-many.html');
    for (const id of ['a', 'b', 'c', 'd']) assert.equal(await waitForWidget(env, `#${id}`), 'ready', await pageLog(env));
    const modes = () => env.session.execute("return ['a','b','c','d'].map((id) => { const r = document.getElementById(id).shadowRoot; return [id, r.querySelector('.ce-root').dataset.reading, r.querySelector('article').lang, [...r.querySelectorAll('[part~=column]')].map((c) => c.lang).join('+')]; })");
    await env.session.click(await env.session.shadowElement('#a', '[part~="parallel-toggle"]'));
    await eventually(env, "return ['a','b','c','d'].every((id) => document.getElementById(id).shadowRoot.querySelector('[part~=parallel]'))", 'every widget shows two versions');
    assert.deepEqual(await modes(), [['a', 'parallel', 'en', 'en+tr'], ['b', 'parallel', 'en', 'en+tr'], ['c', 'parallel', 'en', 'en+az'], ['d', 'parallel', 'en', 'en+tr']]);
    const pressed = await env.session.execute("return document.getElementById('b').shadowRoot.querySelector('[part~=parallel-toggle]').getAttribute('aria-pressed')");
    assert.equal(pressed, 'true');
    const change = (await events(env)).filter((e) => e.type === 'commentary-reading-change');
    assert.deepEqual(change.map((e) => [e.target, e.detail]).filter(([t]) => t === 'a'), [['a', { id: '2026-36', reading: 'parallel', langs: ['en', 'tr'] }]]);
    assert.ok(change.every((e) => e.bubbles && e.composed && e.isCustomEvent));
    assert.equal(await env.session.execute("return localStorage.getItem('commentary-embed:reading')"), 'parallel');

    // The fixture has three versions: its second column is the reader's to choose.
    await env.session.execute("const s = document.getElementById('c').shadowRoot.querySelector('.ce-column-second select'); s.value = 'ru'; s.dispatchEvent(new Event('change', { bubbles: true })); return true;");
    await eventually(env, "return document.getElementById('c').shadowRoot.querySelectorAll('[part~=column]')[1]?.lang === 'ru'", 'the chosen second version');
    // Unaligned passages stand alone: fewer data-passage pairs than blocks, none out of level.
    const fixture = await env.session.execute("const cs = [...document.getElementById('c').shadowRoot.querySelectorAll('[part~=column]')]; return cs.map((c) => [c.querySelectorAll(':scope > .ce-passage').length, c.querySelectorAll(':scope > .ce-passage[data-passage]').length]);");
    assert.deepEqual(fixture, [[13, 9], [9, 9]], 'en: 13 blocks, 9 with a Russian counterpart');

    // A language chosen in #a: followed by #b and #d (they have Turkish), not by #c (it has none).
    await env.session.click(await env.session.shadowElement('#a', '[part~="language-toggle"] button[lang="tr"]'));
    await eventually(env, "return ['a','b','d'].every((id) => document.getElementById(id).shadowRoot.querySelector('article').lang === 'tr')", 'Turkish in a, b and d');
    assert.deepEqual((await modes()).map(([id, , lang, cols]) => [id, lang, cols]), [['a', 'tr', 'tr+en'], ['b', 'tr', 'tr+en'], ['c', 'en', 'en+ru'], ['d', 'tr', 'tr+en']]);

    // The page sets `reading` on #b after the reader chose: the page wins for #b alone.
    await setAttr(env, 'b', 'reading', 'single');
    await eventually(env, "return !document.getElementById('b').shadowRoot.querySelector('[part~=parallel]')", 'b shows one version');
    await sleep(200);
    assert.ok(await env.session.execute("return !!document.getElementById('a').shadowRoot.querySelector('[part~=parallel]')"), 'a stays side by side');

    // The next load (another tab of the site): the stored choices.
    await env.session.navigate(env.hostUrl('reading-many.html'));
    for (const id of ['a', 'b', 'c', 'd']) assert.equal(await waitForWidget(env, `#${id}`), 'ready', await pageLog(env));
    assert.deepEqual((await modes()).map(([id, mode, lang]) => [id, mode, lang]), [['a', 'parallel', 'tr'], ['b', 'parallel', 'tr'], ['c', 'parallel', 'en'], ['d', 'parallel', 'tr']]);
  });

  for (const [page, what] of [['reading-panel.html', 'alone'], ['reading-many.html', 'while the widgets above follow the choice']]) test(`the reader's place is kept across a switch of language and of mode inside a scrolling panel (${what})`, { timeout: TEST_TIMEOUT }, async () => {
    const env = getEnv();
    await env.open(page);
    assert.equal(await waitForWidget(env, '#d'), 'ready', await pageLog(env));
    // The English body's sixth block and its Turkish counterpart, by the compiler's alignment.
    const doc = JSON.parse(readFileSync(SEED_JSON, 'utf8'));
    const [en, tr] = ['en', 'tr'].map((l) => doc.versions.find((v) => v.lang === l));
    const I = 5;
    const J = tr.align.indexOf(en.align[I]);
    assert.ok(J >= 0, 'the block has a counterpart');
    const BLOCKS = ".ce-body > :is(p, h3, h4, h5, h6, blockquote, ol, ul, pre, hr)";
    // The panel scrolled so that the block stands just below the sticky toolbar (the reading line).
    const at = await env.session.execute(`
      const [I, BLOCKS] = arguments;
      const box = document.getElementById('box');
      box.scrollIntoView();
      const root = document.getElementById('d').shadowRoot;
      const block = root.querySelectorAll(BLOCKS)[I];
      const toolbar = root.querySelector('.ce-toolbar').getBoundingClientRect().height;
      box.scrollTop += block.getBoundingClientRect().top - box.getBoundingClientRect().top - toolbar - 4;
      return { box: box.scrollTop, panel: box.getBoundingClientRect().top, top: block.getBoundingClientRect().top - box.getBoundingClientRect().top };`, I, BLOCKS);
    assert.ok(at.box > 300, `the panel scrolled (${at.box})`);
    await env.session.execute("document.getElementById('d').shadowRoot.querySelector('[part~=language-toggle] button[lang=tr]').click(); return true;");
    await eventually(env, "return document.getElementById('d').shadowRoot.querySelector('article').lang === 'tr'", 'Turkish shown');
    await sleep(200);
    const after = await env.session.execute(`
      const [J, BLOCKS] = arguments;
      const box = document.getElementById('box');
      const block = document.getElementById('d').shadowRoot.querySelectorAll(BLOCKS)[J];
      return { box: box.scrollTop, panel: box.getBoundingClientRect().top, top: block.getBoundingClientRect().top - box.getBoundingClientRect().top };`, J, BLOCKS);
    assert.ok(Math.abs(after.top - at.top) < 3, `the counterpart stands where the passage stood (${after.top} vs ${at.top})`);
    assert.ok(Math.abs(after.box - at.box) > 1 || Math.abs(I - J) === 0, 'the panel, not the page, was scrolled');
    // With widgets above that follow the choice and change height, the page keeps the panel where
    // it was on screen.
    assert.ok(Math.abs(after.panel - at.panel) < 3, `the panel stays where it was on screen (${after.panel} vs ${at.panel})`);
    // And into side by side (Turkish first): the same passage stays put.
    await env.session.execute("document.getElementById('d').shadowRoot.querySelector('[part~=parallel-toggle]').click(); return true;");
    await eventually(env, "return !!document.getElementById('d').shadowRoot.querySelector('[part~=parallel]')", 'side by side');
    await sleep(200);
    const parallel = await env.session.execute(`
      const box = document.getElementById('box');
      const block = document.getElementById('d').shadowRoot.querySelectorAll('.ce-column:not(.ce-column-second) > .ce-passage')[arguments[0]];
      return block.getBoundingClientRect().top - box.getBoundingClientRect().top;`, J);
    assert.ok(Math.abs(parallel - at.top) < 3, `the passage stays where it was after the switch of mode (${parallel} vs ${at.top})`);
  });
}
