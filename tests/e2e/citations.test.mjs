// The cite panel through the public markup: every style, rich copy read back from the clipboard,
// the fallback where the clipboard is refused, downloads, the event, the remembered style, citing
// the original, COinS for Zotero, and axe with the panel open.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import { TEST_TIMEOUT, events, missingBuild, openPage, pageLog, startEnvironment, waitForWidget } from './helpers.mjs';

const W = '#seed';
const STYLES = ['house', 'apa', 'mla', 'chicago-notes', 'chicago-author-date', 'harvard', 'bibtex', 'ris', 'csl-json'];
const CLIPBOARD = { permissions: ['clipboard-read', 'clipboard-write'] };
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function openPanel(env, options = {}) {
  const page = await openPage(env, env.hostUrl('seed-en.html'), options);
  assert.equal(await waitForWidget(page, W), 'ready', pageLog(page));
  const button = page.locator(`${W} [part~="cite-button"]`);
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  await button.click();
  await page.locator(`${W} [part~="citation"]`).first().waitFor();
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  return page;
}

const citationText = (page, style) => page.locator(`${W} [part~="citation"][data-style="${style}"]`).innerText();

describe('citations', { skip: missingBuild() }, () => {
  let env;
  before(async () => {
    env = await startEnvironment();
  }, { timeout: TEST_TIMEOUT });
  after(() => env?.stop());

  test('the panel offers every style, each with its copy control', { timeout: TEST_TIMEOUT }, async () => {
    const page = await openPanel(env);
    try {
      const styles = await page.locator(`${W} [part~="citation"]`).evaluateAll((els) => els.map((e) => e.dataset.style));
      assert.deepEqual([...styles].sort(), [...STYLES].sort());
      const copies = await page.locator(`${W} [part~="citation-copy"]`).evaluateAll((els) => els.map((e) => e.dataset.style));
      assert.deepEqual(copies, styles, 'one copy control beside each citation');
      assert.match(await citationText(page, 'house'), /^KHANTAMİROVA, İlaha\. 2026\. "THE SOLIDARITY AMONG TURKIC STATES TARGETED THROUGH TÜRKİYE-AZERBAIJAN RELATIONS\."/);
      // The reader's today fills the access date.
      const today = await page.evaluate(() => new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }));
      assert.ok((await citationText(page, 'harvard')).includes(`(Accessed: ${today})`), await citationText(page, 'harvard'));
      assert.match(await citationText(page, 'bibtex'), /origlanguage = \{turkish\}/);
    } finally {
      await page.closeAll();
    }
  });

  test('copy writes rich text and plain text, announces it and tells the page', { timeout: TEST_TIMEOUT }, async () => {
    const page = await openPanel(env, { context: CLIPBOARD });
    try {
      await page.locator(`${W} [part~="citation-copy"][data-style="apa"]`).click();
      await page.waitForFunction(() => (window.__commentaryEvents ?? []).some((e) => e.type === 'commentary-citation-copy'));
      const clip = await page.evaluate(async () => {
        const [item] = await navigator.clipboard.read();
        const read = async (type) => (item.types.includes(type) ? (await item.getType(type)).text() : null);
        return { plain: await read('text/plain'), html: await read('text/html') };
      });
      const shown = await citationText(page, 'apa');
      assert.equal(clip.plain, shown);
      assert.match(clip.html, /<i>The Solidarity Among Turkic States Targeted Through Türkiye-Azerbaijan Relations<\/i>/);
      assert.match(await page.locator(`${W} .ce-cite-status[role="status"]`).textContent(), /Copied \(APA 7\)/);
      const [event] = await events(page, 'commentary-citation-copy');
      assert.deepEqual(event.detail, { id: '2026-36', lang: 'en', style: 'apa', text: shown });
      assert.ok(event.bubbles && event.composed);
    } finally {
      await page.closeAll();
    }
  });

  test('without a clipboard the citation is selected and the reader told to copy it', { timeout: TEST_TIMEOUT }, async () => {
    const page = await openPanel(env, {
      beforeGoto: (p) => p.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined })),
    });
    try {
      await page.locator(`${W} [part~="citation-copy"][data-style="mla"]`).click();
      await page.waitForFunction(() => /Ctrl\+C/.test(document.querySelector('#seed').shadowRoot.querySelector('.ce-cite-status')?.textContent ?? ''));
      const selected = await page.evaluate(() => getSelection().toString());
      assert.equal(selected.trim(), (await citationText(page, 'mla')).trim());
      assert.deepEqual(await events(page, 'commentary-citation-copy'), [], 'no copy happened');
    } finally {
      await page.closeAll();
    }
  });

  for (const [style, ext, start] of [['bibtex', 'bib', '@report{khantamirova2026solidarity,'], ['ris', 'ris', 'TY  - RPRT']]) {
    test(`.${ext} downloads as a file`, { timeout: TEST_TIMEOUT }, async () => {
      const page = await openPanel(env);
      try {
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.locator(`${W} button[data-download][data-style="${style}"]`).click(),
        ]);
        assert.equal(download.suggestedFilename(), `2026-36-en.${ext}`);
        const path = await download.path();
        const text = readFileSync(path, 'utf8');
        assert.ok(text.startsWith(start), text.slice(0, 80));
        assert.ok(text.includes('Türkiye-Azerbaycan İlişkileri'), 'UTF-8 survives');
      } finally {
        await page.closeAll();
      }
    });
  }

  test('the style used last is remembered across reloads and listed first', { timeout: TEST_TIMEOUT }, async () => {
    const page = await openPanel(env, { context: CLIPBOARD });
    try {
      await page.locator(`${W} [part~="citation-copy"][data-style="chicago-author-date"]`).click();
      await page.waitForFunction(() => (window.__commentaryEvents ?? []).some((e) => e.type === 'commentary-citation-copy'));
      await page.reload();
      assert.equal(await waitForWidget(page, W), 'ready', pageLog(page));
      await page.locator(`${W} [part~="cite-button"]`).click();
      const first = page.locator(`${W} [part~="citation"]`).first();
      await first.waitFor();
      assert.equal(await first.getAttribute('data-style'), 'chicago-author-date');
      assert.equal(await page.locator(`${W} .ce-cite-last .ce-cite-badge`).textContent(), 'last used');
    } finally {
      await page.closeAll();
    }
  });

  test('the reader can cite the original instead of the translation', { timeout: TEST_TIMEOUT }, async () => {
    const page = await openPanel(env);
    try {
      assert.match(await citationText(page, 'apa'), /\(Original work published as Türkiye-Azerbaycan/);
      await page.locator(`${W} .ce-cite-switch button[lang="tr"]`).click();
      await page.waitForFunction(() => !/Original work/.test(document.querySelector('#seed').shadowRoot.querySelector('[part~="citation"][data-style="apa"]').textContent));
      assert.equal(
        await citationText(page, 'apa'),
        'Khantamirova, İ. (2026). Türkiye-Azerbaycan İlişkileri Üzerinden Hedef Alınan Türk Devletleri Arasındaki Dayanışma (Commentary 2026/36). Center for Eurasian Studies (AVİM).',
      );
      assert.equal(await page.locator(`${W} .ce-cite-switch button[lang="tr"]`).getAttribute('aria-pressed'), 'true');
    } finally {
      await page.closeAll();
    }
  });

  test('COinS for Zotero sit hidden in the light DOM with the standard fields', { timeout: TEST_TIMEOUT }, async () => {
    const page = await openPage(env, env.hostUrl('seed-en.html'));
    try {
      assert.equal(await waitForWidget(page, W), 'ready', pageLog(page));
      const coins = await page.evaluate(() => {
        const span = document.querySelector('#seed > span.Z3988');
        if (!span) return null;
        const params = new URLSearchParams(span.title);
        return {
          hidden: span.hidden && span.getBoundingClientRect().height === 0,
          fields: Object.fromEntries(['ctx_ver', 'rft_val_fmt', 'rft.genre', 'rft.btitle', 'rft.aulast', 'rft.aufirst', 'rft.date', 'rft.pub', 'rft_id'].map((k) => [k, params.get(k)])),
        };
      });
      assert.deepEqual(coins, {
        hidden: true,
        fields: {
          ctx_ver: 'Z39.88-2004',
          rft_val_fmt: 'info:ofi/fmt:kev:mtx:book',
          'rft.genre': 'report',
          'rft.btitle': 'The Solidarity Among Turkic States Targeted Through Türkiye-Azerbaijan Relations',
          'rft.aulast': 'Khantamirova',
          'rft.aufirst': 'İlaha',
          'rft.date': '2026-06-26',
          'rft.pub': 'Center for Eurasian Studies (AVİM)',
          rft_id: 'https://www.avim.org.tr/en/Yorum/THE-SOLIDARITY-AMONG-TURKIC-STATES-TARGETED-THROUGH-TURKIYE-AZERBAIJAN-RELATIONS',
        },
      });
    } finally {
      await page.closeAll();
    }
  });

  test('axe: no WCAG A/AA violations with the panel open', { timeout: TEST_TIMEOUT }, async () => {
    const page = await openPanel(env);
    try {
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const r = await window.axe.run({ include: [['#seed']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
        return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
      });
      assert.deepEqual(violations, []);
    } finally {
      await page.closeAll();
    }
  });
});
