// Issue 4, the language toggle, through the public script tag: every version offered by its own
// name, the reader's choice remembered across reloads, the page's later `lang` winning, the
// events, `lang`/`dir` everywhere, the UI in the shown version's language, and the reader's place
// kept across a switch (the aligned block's offset from the viewport top, before and after), on
// the seed and on a three-language fixture whose versions differ in structure.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  ROOT,
  TEST_TIMEOUT,
  events,
  missingBuild,
  openPage,
  pageLog,
  startEnvironment,
  waitForEvent,
  waitForWidget,
} from './helpers.mjs';

const FIXTURE = path.join(ROOT, 'build/fixtures/fixture-languages.json');
const skip = missingBuild() || (!existsSync(FIXTURE) && `not built yet: ${path.relative(ROOT, FIXTURE)}`);

/** How far (CSS px) a kept passage may move. */
const TOLERANCE = 3;

/** The toggle's buttons of widget `id`: name, lang, dir, aria-pressed. */
function toggle(page, id) {
  return page.evaluate((id) => {
    const root = document.getElementById(id).shadowRoot;
    const group = root.querySelector('[part~="language-toggle"]');
    return {
      role: group?.getAttribute('role'),
      label: group?.getAttribute('aria-label'),
      buttons: [...(group?.querySelectorAll('button') ?? [])].map((b) => ({
        name: b.textContent.trim(),
        lang: b.getAttribute('lang'),
        dir: b.getAttribute('dir'),
        pressed: b.getAttribute('aria-pressed'),
      })),
    };
  }, id);
}

/** What the reader sees of widget `id`: article lang/dir, title, byline, the notes heading as rendered. */
function shown(page, id) {
  return page.evaluate((id) => {
    const root = document.getElementById(id).shadowRoot;
    const article = root.querySelector('article');
    const heading = root.querySelector('[part~="footnotes"] h3');
    return {
      lang: article?.getAttribute('lang'),
      dir: article?.getAttribute('dir'),
      title: root.querySelector('[part~="title"]')?.textContent.trim(),
      byline: root.querySelector('[part~="byline"]')?.textContent.replace(/\s+/g, ' ').trim(),
      notesHeading: heading?.textContent,
      // innerText applies text-transform: the casing a reader sees.
      notesHeadingShown: heading?.innerText,
      noteRefLabel: root.querySelector('[part~="footnote-ref"]')?.getAttribute('aria-label'),
    };
  }, id);
}

const BLOCKS = ':scope > :is(p, h3, h4, h5, h6, blockquote, ol, ul, pre, hr)';

/** Top (px from the viewport top), height and opening words of top-level body block `index`. */
function block(page, id, index) {
  return page.evaluate(
    ([id, index, selector]) => {
      const body = document.getElementById(id).shadowRoot.querySelector('[part~="body"]');
      const el = body?.querySelectorAll(selector)[index];
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { top: r.top, height: r.height, text: el.textContent.trim().slice(0, 40) };
    },
    [id, index, BLOCKS],
  );
}

/** Scrolls (instantly) so that body block `index` of widget `id` has its top at `y`. */
async function scrollBlockTo(page, id, index, y) {
  await page.evaluate(
    ([id, index, y, selector]) => {
      const body = document.getElementById(id).shadowRoot.querySelector('[part~="body"]');
      const el = body.querySelectorAll(selector)[index];
      window.scrollTo({ top: window.scrollY + el.getBoundingClientRect().top - y, behavior: 'instant' });
    },
    [id, index, y, BLOCKS],
  );
  const now = await block(page, id, index);
  assert.ok(Math.abs(now.top - y) < 1, `could not scroll block ${index} to ${y}: it is at ${now.top}`);
  return now;
}

/**
 * The reading line of widget `id` once it is scrolled into: the bottom of its language toggle,
 * which then sticks to the viewport's top (so: the toggle's height).
 */
function readingLine(page, id) {
  return page.evaluate(
    (id) => document.getElementById(id).shadowRoot.querySelector('[part~="toolbar"]').getBoundingClientRect().height,
    id,
  );
}

/**
 * Makes body block `index` the passage the reader is at: its top `offset` px below the reading
 * line, so that it is the first block below the sticky toggle. Returns the block and the line.
 */
async function readAt(page, id, index, offset) {
  const line = await readingLine(page, id);
  const block = await scrollBlockTo(page, id, index, line + offset);
  const stuck = await page.evaluate(
    (id) => document.getElementById(id).shadowRoot.querySelector('[part~="toolbar"]').getBoundingClientRect().top,
    id,
  );
  assert.ok(Math.abs(stuck) < 1, `the toggle sticks to the top (it is at ${stuck})`);
  return { line, block };
}

/** Clicks the toggle button of `lang` (a real click) and waits until that version is shown. */
async function choose(page, id, lang) {
  const before = (await events(page, 'commentary-language-change')).length;
  await page.locator(`#${id} [part~="language-toggle"] button[lang="${lang}"]`).click();
  await waitForLanguage(page, id, lang, before);
}

/** Waits until widget `id` shows `lang` and one more language-change event than `before` arrived. */
async function waitForLanguage(page, id, lang, before) {
  await page
    .waitForFunction(
      ([id, lang, before]) =>
        document.getElementById(id).shadowRoot.querySelector('article')?.getAttribute('lang') === lang &&
        (window.__commentaryEvents ?? []).filter((e) => e.type === 'commentary-language-change').length > before,
      [id, lang, before],
      { timeout: 5_000, polling: 20 },
    )
    .catch(async () => {
      throw new Error(`widget #${id} did not switch to ${lang}: ${JSON.stringify(await shown(page, id))}${pageLog(page)}`);
    });
}

function near(actual, expected, what) {
  assert.ok(
    Math.abs(actual - expected) <= TOLERANCE,
    `${what}: expected about ${expected.toFixed(1)} px from the viewport top, got ${actual.toFixed(1)}`,
  );
}

describe('language toggle', { skip }, () => {
  let env;
  before(async () => {
    env = await startEnvironment();
  }, { timeout: TEST_TIMEOUT });
  after(() => env?.stop());

  test('seed: Türkçe and English by their own names; a switch speaks Turkish and tells the page', { timeout: TEST_TIMEOUT }, async () => {
    const page = await openPage(env, env.hostUrl('language-seed.html'));
    try {
      assert.equal(await waitForWidget(page, '#seed'), 'ready', pageLog(page));
      assert.deepEqual(await toggle(page, 'seed'), {
        role: 'group',
        label: 'Language',
        buttons: [
          { name: 'Türkçe', lang: 'tr', dir: 'ltr', pressed: 'false' },
          { name: 'English', lang: 'en', dir: 'ltr', pressed: 'true' },
        ],
      });
      const en = await shown(page, 'seed');
      assert.equal(en.lang, 'en');
      assert.equal(en.dir, 'ltr');
      assert.match(en.byline, /26 June 2026/);
      assert.match(en.byline, /Translated from Turkish/);
      assert.equal(en.notesHeadingShown, 'NOTES');

      await choose(page, 'seed', 'tr');
      const tr = await shown(page, 'seed');
      assert.equal(tr.lang, 'tr');
      assert.match(tr.title, /^Türkiye-Azerbaycan İlişkileri/);
      assert.match(tr.byline, /17 Haziran 2026/);
      assert.match(tr.byline, /Commentary No: 2026\/36/);
      assert.match(tr.byline, /Orijinal metin/);
      assert.equal(tr.notesHeading, 'Dipnotlar');
      // CSS text-transform under lang="tr": dotted capital İ, not I.
      assert.equal(tr.notesHeadingShown, 'DİPNOTLAR');
      assert.equal(tr.noteRefLabel, 'Dipnot 1');
      const after = await toggle(page, 'seed');
      assert.equal(after.label, 'Dil');
      assert.deepEqual(after.buttons.map((b) => b.pressed), ['true', 'false']);

      const change = await waitForEvent(page, 'commentary-language-change', 'seed');
      assert.equal(change.length, 1);
      assert.deepEqual(change[0].detail, { id: '2026-36', lang: 'tr' });
      assert.ok(change[0].isCustomEvent && change[0].bubbles && change[0].composed);
      const focus = await page.evaluate(() => {
        const host = document.getElementById('seed');
        return document.activeElement === host && host.shadowRoot.activeElement?.getAttribute('lang');
      });
      assert.equal(focus, 'tr', 'the pressed button keeps focus');
    } finally {
      await page.closeAll();
    }
  });

  test('seed: the choice survives a reload; a later lang change by the page wins', { timeout: TEST_TIMEOUT }, async () => {
    const page = await openPage(env, env.hostUrl('language-seed.html'));
    try {
      assert.equal(await waitForWidget(page, '#seed'), 'ready', pageLog(page));
      await choose(page, 'seed', 'tr');
      await page.reload({ waitUntil: 'load' });
      assert.equal(await waitForWidget(page, '#seed'), 'ready', pageLog(page));
      const ready = await waitForEvent(page, 'commentary-ready', 'seed');
      assert.deepEqual(ready.map((e) => e.detail), [{ id: '2026-36', lang: 'tr' }], 'the markup says en, the reader chose tr');
      assert.equal((await shown(page, 'seed')).lang, 'tr');

      await page.evaluate(() => document.getElementById('seed').setAttribute('lang', 'en-GB'));
      await waitForLanguage(page, 'seed', 'en', 0);
      const change = await waitForEvent(page, 'commentary-language-change', 'seed');
      assert.deepEqual(change.map((e) => e.detail), [{ id: '2026-36', lang: 'en' }]);
    } finally {
      await page.closeAll();
    }
  });

  test('seed: the passage at the top of the viewport stays where it was', { timeout: TEST_TIMEOUT }, async () => {
    const page = await openPage(env, env.hostUrl('language-seed.html'));
    try {
      assert.equal(await waitForWidget(page, '#seed'), 'ready', pageLog(page));
      // en block 4 is tr block 3 (en opens with an extra paragraph).
      const { line: y, block: before } = await readAt(page, 'seed', 4, 10);
      assert.match(before.text, /^While Azerbaijan maintains/);
      await choose(page, 'seed', 'tr');
      const tr = await block(page, 'seed', 3);
      assert.match(tr.text, /^Azerbaycan, İsrail ile/);
      near(tr.top, y + 10, 'tr block 3 after switching from en block 4');

      await choose(page, 'seed', 'en');
      near((await block(page, 'seed', 4)).top, y + 10, 'en block 4 after switching back');

      // Reading inside a block: the same share of it stays above the line.
      const { line, block: inside } = await readAt(page, 'seed', 6, -150);
      await choose(page, 'seed', 'tr');
      const counterpart = await block(page, 'seed', 5);
      assert.match(counterpart.text, /^Türkiye-Ermenistan ilişkileri/);
      near(counterpart.top, line - ((line - inside.top) * counterpart.height) / inside.height, 'tr block 5, scaled');
    } finally {
      await page.closeAll();
    }
  });

  test("seed: en's extra opening paragraph gives way to the text that follows it", { timeout: TEST_TIMEOUT }, async () => {
    const page = await openPage(env, env.hostUrl('language-seed.html'));
    try {
      assert.equal(await waitForWidget(page, '#seed'), 'ready', pageLog(page));
      const { line, block: lead } = await readAt(page, 'seed', 0, -5);
      assert.match(lead.text, /^This is the English translation/);
      await choose(page, 'seed', 'tr');
      const first = await block(page, 'seed', 0);
      assert.match(first.text, /^Son yıllarda Azerbaycan/);
      near(first.top, line, 'tr block 0, in full view below the toggle');
    } finally {
      await page.closeAll();
    }
  });

  test('seed: scrolled past the widget, a switch does not move the page below it', { timeout: TEST_TIMEOUT }, async () => {
    const page = await openPage(env, env.hostUrl('language-seed.html'));
    try {
      assert.equal(await waitForWidget(page, '#seed'), 'ready', pageLog(page));
      const outro = () => page.evaluate(() => document.getElementById('host-outro-text').getBoundingClientRect().top);
      await page.evaluate(() => {
        const y = document.getElementById('host-outro-text').getBoundingClientRect().top;
        window.scrollTo({ top: window.scrollY + y - 200, behavior: 'instant' });
      });
      near(await outro(), 200, 'host text before');
      const heightBefore = await page.evaluate(() => document.getElementById('seed').getBoundingClientRect().height);
      await page.evaluate(() => document.getElementById('seed').setAttribute('lang', 'tr'));
      await waitForLanguage(page, 'seed', 'tr', 0);
      const heightAfter = await page.evaluate(() => document.getElementById('seed').getBoundingClientRect().height);
      assert.notEqual(Math.round(heightBefore), Math.round(heightAfter), 'the versions differ in height');
      near(await outro(), 200, 'host text after the widget changed height');
    } finally {
      await page.closeAll();
    }
  });

  test('three languages of different structure: names, UI words, dates, the kept place', { timeout: TEST_TIMEOUT }, async () => {
    const page = await openPage(env, env.hostUrl('language-fixture.html'));
    try {
      assert.equal(await waitForWidget(page, '#fixture'), 'ready', pageLog(page));
      const t = await toggle(page, 'fixture');
      assert.equal(t.label, 'Dil');
      assert.deepEqual(
        t.buttons.map((b) => [b.name, b.lang, b.pressed]),
        [
          ['Azərbaycanca', 'az', 'true'],
          ['English', 'en', 'false'],
          ['Русский', 'ru', 'false'],
        ],
      );
      const az = await shown(page, 'fixture');
      assert.equal(az.lang, 'az');
      assert.match(az.byline, /26 iyun 2026/);
      assert.match(az.byline, /Orijinal mətn/);
      assert.equal(az.notesHeading, 'Qeydlər');
      assert.equal(az.notesHeadingShown, 'QEYDLƏR');

      // az block 8 = en block 9 (en splits an earlier paragraph) = ru block 7 (ru merges two, drops the quote).
      const { line: y } = await readAt(page, 'fixture', 8, 20);
      await choose(page, 'fixture', 'en');
      const en = await block(page, 'fixture', 9);
      assert.match(en.text, /^The second change/);
      near(en.top, y + 20, 'en block 9 after az block 8');
      const enShown = await shown(page, 'fixture');
      assert.match(enShown.byline, /26 June 2026/);
      assert.match(enShown.byline, /Translated from Azerbaijani by Jane Example/);

      await choose(page, 'fixture', 'ru');
      const ru = await block(page, 'fixture', 7);
      assert.match(ru.text, /^Второе изменение/);
      near(ru.top, y + 20, 'ru block 7 after en block 9');
      const ruShown = await shown(page, 'fixture');
      assert.match(ruShown.byline, /26 июня 2026/);
      assert.match(ruShown.byline, /Перевод с азербайджанского/);
      assert.equal(ruShown.notesHeading, 'Примечания');
      assert.equal(ruShown.noteRefLabel, 'Примечание 1');
      assert.equal((await toggle(page, 'fixture')).label, 'Язык');

      // ru block 3 merges az blocks 3 and 4: reading inside it, the same share stays above the line.
      const { line, block: inside } = await readAt(page, 'fixture', 3, -100);
      await choose(page, 'fixture', 'az');
      const az3 = await block(page, 'fixture', 3);
      assert.match(az3.text, /^Marşrutun özü yeni deyil/);
      near(az3.top, line - ((line - inside.top) * az3.height) / inside.height, 'az block 3, scaled');

      // en block 3 is the new first half of a split paragraph: the text it leads to keeps its place.
      await choose(page, 'fixture', 'en');
      const { block: half } = await readAt(page, 'fixture', 3, 30);
      assert.match(half.text, /^The route itself is not new/);
      await choose(page, 'fixture', 'az');
      near((await block(page, 'fixture', 3)).top, half.top, 'az block 3 after en block 3');

      const changes = await waitForEvent(page, 'commentary-language-change', 'fixture');
      assert.deepEqual(
        changes.map((e) => e.detail.lang),
        ['en', 'ru', 'az', 'en', 'az'],
      );
    } finally {
      await page.closeAll();
    }
  });

  test('three languages: "Translated from" shows the original and moves focus to its button', { timeout: TEST_TIMEOUT }, async () => {
    const page = await openPage(env, env.hostUrl('language-fixture.html'));
    try {
      assert.equal(await waitForWidget(page, '#fixture'), 'ready', pageLog(page));
      await choose(page, 'fixture', 'ru');
      const before = (await events(page, 'commentary-language-change')).length;
      await page.locator('#fixture [part~="byline"] button', { hasText: 'Перевод с азербайджанского' }).click();
      await waitForLanguage(page, 'fixture', 'az', before);
      const focus = await page.evaluate(() => document.getElementById('fixture').shadowRoot.activeElement?.textContent);
      assert.equal(focus, 'Azərbaycanca');
    } finally {
      await page.closeAll();
    }
  });

  for (const [locale, fixture, seed] of [
    ['ru-RU', 'ru', 'tr'],
    ['en-GB', 'en', 'en'],
    ['de-DE', 'az', 'tr'],
  ]) {
    test(`no lang attribute, browser in ${locale}: the fixture in ${fixture}, the seed in ${seed}`, { timeout: TEST_TIMEOUT }, async () => {
      const page = await openPage(env, env.hostUrl('language-negotiation.html'), { context: { locale } });
      try {
        assert.equal(await waitForWidget(page, '#fixture'), 'ready', pageLog(page));
        assert.equal(await waitForWidget(page, '#seed'), 'ready', pageLog(page));
        assert.deepEqual((await waitForEvent(page, 'commentary-ready', 'fixture')).map((e) => e.detail.lang), [fixture]);
        assert.deepEqual((await waitForEvent(page, 'commentary-ready', 'seed')).map((e) => e.detail.lang), [seed]);
      } finally {
        await page.closeAll();
      }
    });
  }

  test('the startup error speaks the element\'s language', { timeout: TEST_TIMEOUT }, async () => {
    const page = await openPage(env, env.hostUrl('startup-languages.html'));
    try {
      const expected = {
        en: 'This commentary cannot be shown here.',
        tr: 'Bu yorum burada gösterilemiyor.',
        ru: 'Этот комментарий не удаётся показать здесь.',
        az: 'Bu şərhi burada göstərmək mümkün deyil.',
      };
      for (const [id, title] of Object.entries(expected)) {
        assert.equal(await waitForWidget(page, `#${id}`), 'error', pageLog(page));
        const error = await page.evaluate((id) => {
          const box = document.getElementById(id).shadowRoot.querySelector('[part~="error"]');
          return { lang: box.getAttribute('lang'), title: box.querySelector('.ce-error-title')?.textContent, detail: box.textContent };
        }, id);
        assert.equal(error.lang, id);
        assert.equal(error.title, title);
        assert.match(error.detail, /wasm-unsafe-eval/);
      }
      const failed = await waitForEvent(page, 'commentary-error', 'tr');
      assert.match(failed[0]?.detail.message ?? '', /^The page's Content Security Policy does not allow WebAssembly/, 'the event stays English');
    } finally {
      await page.closeAll();
    }
  });
});
