// Issue 15 in Chromium, through the public script tag: a licensed commentary corrected twice
// (part="corrections" under the byline, newest first, dates in the UI language; part="license"
// with the deed link and the attribution; the Embed control's plain-HTML republish copy), a
// withdrawn one (title and byline stay, part="withdrawn" replaces body, notes and tools, and
// commentary-ready still fires) and the seed (all rights reserved: no licence line, and the
// Embed control says the text may not be republished).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT, TEST_TIMEOUT, missingBuild, openPage, pageLog, startEnvironment, waitForEvent, waitForWidget } from './helpers.mjs';

const LICENSED = path.join(ROOT, 'build/fixtures/fixture-licensed.json');
const WITHDRAWN = path.join(ROOT, 'build/fixtures/fixture-withdrawn.json');
const skip = missingBuild() || ([LICENSED, WITHDRAWN].some((f) => !existsSync(f)) && 'not built yet: build/fixtures/');

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.x A/AA violations inside `selector`, shadow tree included, as lines. */
async function axe(page, selector) {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (sel) => {
    const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
    const result = await window.axe.run({ include: [[sel]] }, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  }, selector);
}

/** What a reader sees of the lifetime parts of widget `id`. */
const parts = (page, id) =>
  page.evaluate((id) => {
    const root = document.getElementById(id).shadowRoot;
    const one = (p) => root.querySelector(`[part~="${p}"]`);
    const text = (el) => el?.textContent.replace(/\s+/g, ' ').trim() ?? null;
    const byline = one('byline');
    const corrections = one('corrections');
    const license = one('license');
    const withdrawn = one('withdrawn');
    return {
      title: text(one('title')),
      byline: text(byline),
      corrections: corrections && {
        heading: text(corrections.querySelector('.ce-corrected')),
        items: [...corrections.querySelectorAll('li')].map(text),
        dates: [...corrections.querySelectorAll('li time')].map((t) => t.getAttribute('datetime')),
        afterByline: !!(byline.compareDocumentPosition(corrections) & Node.DOCUMENT_POSITION_FOLLOWING),
        visible: corrections.getBoundingClientRect().height > 0,
      },
      license: license && {
        text: text(license),
        deed: license.querySelector('a[rel="license"]')?.href,
        deedName: text(license.querySelector('a[rel="license"]')),
        links: [...license.querySelectorAll('a')].map((a) => a.href),
      },
      withdrawn: withdrawn && {
        text: text(withdrawn),
        links: [...withdrawn.querySelectorAll('a')].map((a) => a.href),
        visible: withdrawn.getBoundingClientRect().height > 0,
      },
      body: !!one('body'),
      footnotes: !!one('footnotes'),
      cite: !!one('cite-button'),
      share: !!one('share'),
      toggle: !!one('language-toggle'),
    };
  }, id);

describe('licence, corrections, withdrawal', { skip }, () => {
  let env;
  before(async () => {
    env = await startEnvironment();
  }, { timeout: TEST_TIMEOUT });
  after(() => env?.stop());

  test('a licensed, corrected commentary: corrections under the byline, newest first, and the licence line', { timeout: TEST_TIMEOUT }, async () => {
    const page = await openPage(env, env.hostUrl('rights.html'));
    try {
      for (const id of ['licensed', 'licensed-tr', 'withdrawn', 'seed']) {
        assert.equal(await waitForWidget(page, `#${id}`), 'ready', `${id}${pageLog(page)}`);
      }
      const en = await parts(page, 'licensed');
      assert.equal(en.title, 'Ferry Timetables on the Caspian: What the New Schedule Changed');
      assert.equal(en.corrections.heading, 'Corrected 2 June 2026');
      assert.deepEqual(en.corrections.dates, ['2026-06-02', '2026-05-11'], 'newest first');
      assert.equal(en.corrections.items[0], "2 June 2026: The port of Aktau was misnamed in the second paragraph; see the port's own site.");
      assert.equal(en.corrections.items[1], '11 May 2026: An earlier version gave the crossing time as eight hours; it is eleven.');
      assert.ok(en.corrections.afterByline && en.corrections.visible);
      assert.equal(en.license.deed, 'https://creativecommons.org/licenses/by-nd/4.0/');
      assert.equal(en.license.deedName, 'CC BY-ND 4.0');
      assert.equal(
        en.license.text,
        'Licence: CC BY-ND 4.0. “Ferry Timetables on the Caspian: What the New Schedule Changed” by Jane Example and Emre Örnek, Institute for Example Studies, licensed under CC BY-ND 4.0. https://example.org/en/analysis/2026-12',
      );
      assert.ok(en.license.links.includes('https://example.org/en/analysis/2026-12'), 'the link back');
      assert.ok(en.body && en.footnotes && en.cite && en.share, 'a licensed text keeps its text and tools');
      // The UI language's dates and words.
      const tr = await parts(page, 'licensed-tr');
      assert.equal(tr.corrections.heading, 'Düzeltildi: 2 Haziran 2026');
      assert.deepEqual(tr.corrections.dates, ['2026-06-02', '2026-05-11']);
      assert.ok(tr.corrections.items[1].startsWith('11 Mayıs 2026: Bu metnin önceki bir sürümü'), tr.corrections.items[1]);
      assert.ok(tr.license.text.startsWith('Lisans: CC BY-ND 4.0.'), tr.license.text);
      // The seed: all rights reserved, never corrected.
      const seed = await parts(page, 'seed');
      assert.equal(seed.license, null);
      assert.equal(seed.corrections, null);
      assert.equal(seed.withdrawn, null);
    } finally {
      await page.closeAll();
    }
  });

  test('a withdrawn commentary: title and byline stay, the notice replaces body, notes and tools; ready fires', { timeout: TEST_TIMEOUT }, async () => {
    const page = await openPage(env, env.hostUrl('rights.html'));
    try {
      assert.equal(await waitForWidget(page, '#withdrawn'), 'ready', pageLog(page));
      const ready = await waitForEvent(page, 'commentary-ready', 'withdrawn');
      assert.deepEqual(ready.map((e) => e.detail), [{ id: 'fixture-withdrawn', lang: 'ru' }]);
      const w = await parts(page, 'withdrawn');
      assert.equal(w.title, 'Зерновые коридоры через Кавказ');
      assert.ok(w.byline.startsWith('Aigerim Nurlanova'), w.byline);
      assert.ok(w.withdrawn.visible);
      assert.ok(w.withdrawn.text.includes('Издатель отозвал этот комментарий 1 августа 2026.'), w.withdrawn.text);
      assert.ok(w.withdrawn.text.includes('Данные, на которые опирался этот комментарий, отозваны их источником.'), w.withdrawn.text);
      assert.deepEqual(w.withdrawn.links, ['https://example.org/']);
      assert.deepEqual(
        { body: w.body, footnotes: w.footnotes, cite: w.cite, share: w.share, license: w.license, corrections: w.corrections },
        { body: false, footnotes: false, cite: false, share: false, license: null, corrections: null },
      );
      // The language toggle stays: each version has its own note.
      assert.ok(w.toggle);
      await page.locator('#withdrawn [part~="language-toggle"] button[lang="tr"]').click();
      await page.waitForFunction(() => document.getElementById('withdrawn').shadowRoot.querySelector('article')?.lang === 'tr');
      const tr = await parts(page, 'withdrawn');
      assert.ok(tr.withdrawn.text.includes('Yayımcı bu yorumu 1 Ağustos 2026 tarihinde geri çekti.'), tr.withdrawn.text);
      assert.ok(tr.withdrawn.text.includes('Bu yorumun dayandığı rakamlar kaynakları tarafından geri çekildi.'), tr.withdrawn.text);
    } finally {
      await page.closeAll();
    }
  });

  test('the Embed control offers a plain-HTML republish copy where the licence allows it, and says no otherwise', { timeout: TEST_TIMEOUT }, async () => {
    const page = await openPage(env, env.hostUrl('rights.html'));
    try {
      assert.equal(await waitForWidget(page, '#licensed'), 'ready', pageLog(page));
      assert.equal(await waitForWidget(page, '#seed'), 'ready', pageLog(page));
      await page.locator('#licensed [part~="embed-code"] summary').click();
      const html = await page.locator('#licensed [data-republish="html"] textarea').inputValue();
      const doc = JSON.parse(readFileSync(LICENSED, 'utf8'));
      const en = doc.versions.find((v) => v.lang === 'en');
      // Parsed as a CMS would: no script, no style, no event handler; the text, notes,
      // corrections, attribution and the link back are there.
      const parsed = await page.evaluate((html) => {
        const d = new DOMParser().parseFromString(html, 'text/html');
        const all = [...d.body.querySelectorAll('*')];
        return {
          scripts: d.querySelectorAll('script, style, iframe').length,
          handlers: all.filter((el) => [...el.attributes].some((a) => a.name.startsWith('on') || a.name === 'style')).length,
          title: d.querySelector('h2')?.textContent,
          paragraphs: d.querySelectorAll('article > p').length,
          notes: d.querySelectorAll('ol > li[id^="note-"]').length,
          license: d.querySelector('a[rel="license"]')?.href,
          links: [...d.querySelectorAll('a')].map((a) => a.href),
          text: d.body.textContent.replace(/\s+/g, ' '),
        };
      }, html);
      assert.equal(parsed.scripts, 0);
      assert.equal(parsed.handlers, 0);
      assert.equal(parsed.title, en.title);
      assert.equal(parsed.notes, en.notes.length);
      assert.ok(parsed.paragraphs >= en.body.filter((b) => b.paragraph).length + 2, 'byline, body, attribution');
      assert.equal(parsed.license, 'https://creativecommons.org/licenses/by-nd/4.0/');
      assert.ok(parsed.links.includes('https://example.org/en/analysis/2026-12'), 'the link back');
      assert.ok(parsed.text.includes('“Ferry Timetables on the Caspian: What the New Schedule Changed” by Jane Example and Emre Örnek, Institute for Example Studies, licensed under CC BY-ND 4.0.'), parsed.text);
      assert.ok(parsed.text.includes('Corrected 2 June 2026'), parsed.text);
      // All rights reserved: said instead, no copy.
      await page.locator('#seed [part~="embed-code"] summary').click();
      assert.equal(await page.locator('#seed [data-republish="html"]').count(), 0);
      assert.match(await page.locator('#seed [data-republish="none"]').innerText(), /^All rights reserved/);
    } finally {
      await page.closeAll();
    }
  });

  test('the notices pass an axe scan (light and dark)', { timeout: TEST_TIMEOUT }, async () => {
    for (const colorScheme of ['light', 'dark']) {
      const page = await openPage(env, env.hostUrl('rights.html'), { context: { colorScheme } });
      try {
        for (const id of ['licensed', 'withdrawn']) {
          assert.equal(await waitForWidget(page, `#${id}`), 'ready', pageLog(page));
          assert.deepEqual(await axe(page, `#${id}`), [], `${id}, ${colorScheme}`);
        }
      } finally {
        await page.closeAll();
      }
    }
  });
});
