// The seed commentary (content/2026-36) embedded cross-origin, in English and in Turkish.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  TEST_TIMEOUT,
  expectationsFrom,
  missingBuild,
  openPage,
  pageLog,
  readContent,
  squash,
  startEnvironment,
  waitForEvent,
  waitForWidget,
} from './helpers.mjs';

// Typographic quotes and dashes count as their plain forms (the compiler may make them smart).
const plain = (text) => text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, '-');

const en = expectationsFrom(readContent('2026-36/en.md'));
const tr = expectationsFrom(readContent('2026-36/tr.md'));

describe('seed commentary', { skip: missingBuild() }, () => {
  let env;
  before(async () => {
    env = await startEnvironment();
  }, { timeout: TEST_TIMEOUT });
  after(() => env?.stop());

  test('lang="en": title, byline, body, footnotes, ready event', { timeout: TEST_TIMEOUT }, async () => {
    const page = await openPage(env, env.hostUrl('seed-en.html'));
    try {
      const state = await waitForWidget(page, '#seed');
      assert.equal(state, 'ready', `expected the seed to render, got the error part${pageLog(page)}`);

      const view = await page.evaluate(() => {
        const host = document.getElementById('seed');
        const root = host.shadowRoot;
        const one = (part) => root.querySelector(`[part~="${part}"]`);
        const text = (node) => (node ? node.textContent : null);
        const body = one('body');
        const notes = one('footnotes');
        const article = root.querySelector('article');
        // The element a footnote marker links with: the marker itself or a link inside it.
        const linkOf = (ref) => (ref.matches('a[href]') ? ref : ref.querySelector('a[href]'));
        const refs = [...root.querySelectorAll('[part~="footnote-ref"]')].map((ref) => {
          const link = linkOf(ref);
          const href = link ? link.getAttribute('href') : null;
          const target = href && href.startsWith('#') ? root.getElementById(decodeURIComponent(href.slice(1))) : null;
          const item = target ? target.closest('li') : null;
          const items = notes ? [...notes.querySelectorAll(':scope > li, :scope ol > li')] : [];
          return {
            dataNote: ref.getAttribute('data-note'),
            text: ref.textContent.trim(),
            inBody: body ? body.contains(ref) : false,
            href,
            targetFound: !!target,
            targetItemIndex: item ? items.indexOf(item) : -1,
            ids: [ref.id, link && link.id].filter(Boolean),
          };
        });
        const noteItems = notes ? [...notes.querySelectorAll('li')].filter((li) => !li.parentElement.closest('li')) : [];
        const listTag = notes ? (notes.matches('ol') ? 'OL' : notes.querySelector('ol')?.tagName ?? notes.tagName) : null;
        const items = noteItems.map((li) => {
          const anchors = [...li.querySelectorAll('a[href]')];
          const back = anchors
            .filter((a) => a.getAttribute('href').startsWith('#'))
            .map((a) => {
              const target = root.getElementById(decodeURIComponent(a.getAttribute('href').slice(1)));
              const ref = target ? target.closest('[part~="footnote-ref"]') ?? target.querySelector('[part~="footnote-ref"]') : null;
              return { href: a.getAttribute('href'), targetNote: ref ? ref.getAttribute('data-note') : null, name: (a.getAttribute('aria-label') || a.textContent).trim() };
            });
          return {
            id: li.id,
            text: li.textContent.replace(/\s+/g, ' ').trim(),
            external: anchors.map((a) => a.getAttribute('href')).filter((h) => /^https?:/.test(h)),
            back,
          };
        });
        return {
          articleLang: article ? article.getAttribute('lang') : null,
          articleCount: root.querySelectorAll('article').length,
          title: text(one('title')),
          titleTag: one('title')?.tagName,
          byline: text(one('byline')),
          headings: body ? [...body.querySelectorAll('h2, h3')].map((h) => ({ tag: h.tagName, text: h.textContent.trim() })) : [],
          paragraphs: body ? [...body.querySelectorAll('p')].map((p) => p.textContent.replace(/\s+/g, ' ').trim()) : [],
          refs,
          listTag,
          items,
          hostLang: host.getAttribute('lang'),
        };
      });

      // Title and byline.
      assert.equal(squash(view.title), en.title);
      assert.match(view.byline ?? '', /Khantamirova/, 'byline names the author');
      assert.match(view.byline ?? '', /Center for Eurasian Studies/, 'byline names the publisher');
      assert.equal(view.articleLang, 'en', 'the article root carries lang="en"');

      // Body: the `##` headings as h2/h3, in order, and every paragraph.
      assert.deepEqual(view.headings.map((h) => h.text), en.headings);
      for (const h of view.headings) assert.ok(['H2', 'H3'].includes(h.tag), `heading ${h.text} is an ${h.tag}`);
      assert.ok(view.paragraphs.length >= en.paragraphs.length, `${view.paragraphs.length} paragraphs shown, ${en.paragraphs.length} in en.md`);
      for (const para of en.paragraphs) {
        const opening = plain(para).slice(0, 60);
        assert.ok(
          view.paragraphs.some((p) => plain(p).startsWith(opening)),
          `no body paragraph starts with ${JSON.stringify(opening)}`,
        );
      }

      // Footnote markers: data-note "1", "2" in document order, each in the body, linking to an item of the list.
      assert.deepEqual(view.refs.map((r) => r.dataNote), ['1', '2']);
      view.refs.forEach((ref, i) => {
        assert.ok(ref.inBody, `footnote-ref ${ref.dataNote} sits in the body`);
        assert.match(ref.text, new RegExp(`\\b${ref.dataNote}\\b`), `footnote-ref ${ref.dataNote} shows its number`);
        assert.match(ref.href ?? '', /^#./, `footnote-ref ${ref.dataNote} links with href="#…"`);
        assert.ok(ref.targetFound, `footnote-ref ${ref.dataNote}'s href ${ref.href} names an element of the shadow root`);
        assert.equal(ref.targetItemIndex, i, `footnote-ref ${ref.dataNote} links to item ${i + 1} of the footnotes list`);
      });

      // The footnotes list: an ordered list of exactly two notes, each with a back-link and its cited URLs.
      assert.equal(view.listTag, 'OL', 'the footnotes part is (or holds) an ordered list');
      assert.equal(view.items.length, 2, 'exactly two notes');
      view.items.forEach((item, i) => {
        const number = String(i + 1);
        assert.ok(item.back.length >= 1, `note ${number} has a back-link (an a[href^="#"])`);
        assert.ok(
          item.back.some((b) => b.targetNote === number),
          `note ${number}'s back-link leads to footnote-ref ${number}: ${JSON.stringify(item.back)}`,
        );
        assert.deepEqual(item.external, en.notes[i].urls, `note ${number} links to the cited URLs`);
      });
      assert.match(view.items[0].text, /[А-Яа-яЁё]/, 'note 1 cites a Russian source');
      assert.match(view.items[0].text, /Мавашев/);
      assert.match(view.items[1].text, /Türk dünyası/, 'note 2 cites a Turkish source');

      // Exactly one ready event, with the documented detail, composed and bubbling.
      const ready = await waitForEvent(page, 'commentary-ready', 'seed');
      assert.equal(ready.length, 1, `one commentary-ready event${pageLog(page)}`);
      assert.deepEqual(ready[0].detail, { id: '2026-36', lang: 'en' });
      assert.ok(ready[0].isCustomEvent && ready[0].bubbles && ready[0].composed, 'a bubbling, composed CustomEvent');
      assert.equal((await waitForEvent(page, 'commentary-error', 'seed', 0)).length, 0, 'no commentary-error');
    } finally {
      await page.closeAll();
    }
  });

  test('lang="tr": Turkish title, lang on the article root, ready event', { timeout: TEST_TIMEOUT }, async () => {
    const page = await openPage(env, env.hostUrl('seed-tr.html'));
    try {
      const state = await waitForWidget(page, '#seed');
      assert.equal(state, 'ready', `expected the seed to render${pageLog(page)}`);
      const view = await page.evaluate(() => {
        const root = document.getElementById('seed').shadowRoot;
        return {
          title: root.querySelector('[part~="title"]')?.textContent,
          articleLang: root.querySelector('article')?.getAttribute('lang'),
          headings: [...(root.querySelector('[part~="body"]')?.querySelectorAll('h2, h3') ?? [])].map((h) => h.textContent.trim()),
          refs: [...root.querySelectorAll('[part~="footnote-ref"]')].map((r) => r.getAttribute('data-note')),
        };
      });
      assert.match(view.title ?? '', /Türk Devletleri/);
      assert.equal(squash(view.title), tr.title);
      assert.equal(view.articleLang, 'tr');
      assert.deepEqual(view.headings, tr.headings);
      assert.deepEqual(view.refs, ['1', '2']);
      const ready = await waitForEvent(page, 'commentary-ready', 'seed');
      assert.equal(ready.length, 1, `one commentary-ready event${pageLog(page)}`);
      assert.deepEqual(ready[0].detail, { id: '2026-36', lang: 'tr' });
    } finally {
      await page.closeAll();
    }
  });
});
