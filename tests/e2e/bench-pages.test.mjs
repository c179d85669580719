// The benchmark's pages and its hover arithmetic (scripts/bench.mjs, bench/pages.mjs), checked
// without a browser and without the bench's npm packages: the baseline page must carry the same
// article with every footnote in the markup littlefoot reads, or the comparison is unfair. No
// timing is asserted here; the benchmark itself only reports numbers.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { baselinePage, renderArticle, widgetPage } from '../../bench/pages.mjs';
import { hoverTimes } from '../../scripts/bench.mjs';
import { SEED_DOCUMENT, expectationsFrom, missingBuild, readContent, squash } from './helpers.mjs';

const skip = missingBuild();
const doc = () => JSON.parse(readFileSync(SEED_DOCUMENT, 'utf8'));

/** The text a reader sees in a piece of HTML (tags dropped, the few entities we write undone). */
function textOf(html) {
  return squash(html.replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&'));
}

test('the baseline page carries every note of the English version, linked both ways', { skip }, () => {
  const d = doc();
  const en = d.versions.find((v) => v.lang === 'en');
  for (const count of [1, 3]) {
    const html = baselinePage({ doc: d, vendorBase: '/vendor/', count });
    const refs = [...html.matchAll(/<sup class="footnote-ref"><a href="#([^"]+)" id="([^"]+)">(\d+)<\/a><\/sup>/g)];
    const notes = [...html.matchAll(/<li id="(fn-[^"]+)" class="footnote-item">/g)].map((m) => m[1]);
    const backrefs = [...html.matchAll(/<a href="#([^"]+)" class="footnote-backref"/g)].map((m) => m[1]);
    const totalRefs = en.notes.reduce((s, n) => s + n.references, 0);
    assert.equal(refs.length, totalRefs * count, 'one marker per reference');
    assert.equal(notes.length, en.notes.length * count, 'one list item per note');
    assert.ok(en.notes.length > 0, 'the seed has notes to compare');
    const ids = [...refs.map((m) => m[2]), ...notes];
    assert.equal(new Set(ids).size, ids.length, 'ids are unique on the page');
    for (const [, target] of refs) assert.ok(notes.includes(target), `marker points at a note: #${target}`);
    assert.deepEqual(new Set(backrefs), new Set(refs.map((m) => m[2])), 'every marker has its back-link');
    // littlefoot's default anchorPattern and footnoteSelector.
    for (const [, target] of refs) assert.match(`#${target}`, /#(fn|footnote|note)[:\-_\d]/);
    assert.equal((html.match(/<div class="shariff"/g) ?? []).length, count, 'one share bar per copy');
  }
});

test('the baseline page shows the English text of the seed', { skip }, () => {
  const d = doc();
  const expected = expectationsFrom(readContent('2026-36/en.md'));
  const text = textOf(baselinePage({ doc: d, vendorBase: '/vendor/' }));
  assert.ok(text.includes(squash(expected.title)), 'title');
  for (const heading of expected.headings) assert.ok(text.includes(squash(heading)), `heading ${heading}`);
  for (const paragraph of expected.paragraphs) {
    const opening = paragraph.slice(0, 60);
    assert.ok(text.includes(opening), `paragraph opening ${JSON.stringify(opening)}`);
  }
  for (const note of expected.notes) {
    for (const url of note.urls) assert.ok(renderArticle(d, 'en').notes.includes(`href="${url.replace(/&/g, '&amp;')}"`), `note link ${url}`);
  }
});

test('the widget page has the public markup: one script tag and N elements with a fallback', { skip }, () => {
  const d = doc();
  const html = widgetPage({ doc: d, embedBase: 'http://cdn.test/embed/', documentUrl: 'http://cdn.test/c/2026-36.json', count: 50, loading: 'eager' });
  assert.equal((html.match(/<script type="module" src="http:\/\/cdn\.test\/embed\/commentary-embed\.js"><\/script>/g) ?? []).length, 1);
  const elements = [...html.matchAll(/<commentary-embed id="w\d+" src="http:\/\/cdn\.test\/c\/2026-36\.json" lang="en" loading="eager"><a href="[^"]+">([^<]+)<\/a><\/commentary-embed>/g)];
  assert.equal(elements.length, 50);
});

test('hover times: shown at the first rendered frame, settled once size and opacity stop changing', () => {
  const frame = (t, w, opacity = 1, animating = false) => ({ t, visible: w > 0 && opacity > 0, w, h: w / 2, opacity, animating });
  // A scale-in: present at once but small, full size at 500 ms.
  const scale = [{ t: 5, visible: false }, frame(16, 30), frame(260, 30), frame(300, 200, 1, true), frame(500, 300), frame(900, 300)];
  assert.deepEqual(hoverTimes(scale), { shown: 16, settled: 500 });
  // A fade-in after a delay: shown at 140 ms, settled when the animation ends.
  const fade = [{ t: 16, visible: false }, frame(140, 300, 0.2, true), frame(200, 300, 0.8, true), frame(260, 300, 1, false), frame(1500, 300)];
  assert.deepEqual(hoverTimes(fade), { shown: 140, settled: 260 });
  // Never shown, or gone again at the end: no settled time.
  assert.ok(Number.isNaN(hoverTimes([{ t: 16, visible: false }]).shown));
  assert.ok(Number.isNaN(hoverTimes([frame(16, 300), { t: 32, visible: false }]).settled));
});
