// The article pages `commentary build` writes (<out>/<id>/<lang>/index.html): parsed by Chromium
// with and without script, every head tag checked against the compiled document, the oEmbed
// response fetched through its discovery link, and the widget upgrading the fallback.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { CDN, SEED_DOCUMENT, TEST_TIMEOUT, missingBuild, openPage, pageLog, startEnvironment, waitForWidget } from './helpers.mjs';

const doc = () => JSON.parse(readFileSync(SEED_DOCUMENT, 'utf8'));
const pageUrl = (lang) => `${CDN}/c/2026-36/${lang}/`;

/** Every tag of the head a crawler reads, and the fallback article, as plain data. */
const readPage = (page) =>
  page.evaluate(() => {
    const metas = {};
    for (const m of document.querySelectorAll('meta[name], meta[property]')) {
      const key = m.getAttribute('name') ?? m.getAttribute('property');
      (metas[key] ??= []).push(m.getAttribute('content'));
    }
    const link = (sel) => document.querySelector(sel)?.href ?? null;
    const fallback = document.querySelector('commentary-embed > article');
    return {
      lang: document.documentElement.lang,
      title: document.title,
      metas,
      canonical: link('link[rel="canonical"]'),
      hreflang: Object.fromEntries([...document.querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => [l.hreflang, l.href])),
      oembed: link('link[rel="alternate"][type="application/json+oembed"]'),
      ld: JSON.parse(document.querySelector('script[type="application/ld+json"]').textContent),
      embed: {
        src: document.querySelector('commentary-embed').src ?? null,
        srcAttr: new URL(document.querySelector('commentary-embed').getAttribute('src'), location.href).href,
        lang: document.querySelector('commentary-embed').getAttribute('lang'),
      },
      h1: fallback?.querySelector('h1')?.textContent,
      paragraphs: fallback ? fallback.querySelectorAll(':scope > p').length : 0,
      notes: fallback ? [...fallback.querySelectorAll('.notes li')].map((li) => li.id) : [],
      snippet: document.querySelector('commentary-embed details.embed textarea')?.value,
      embedLabel: document.querySelector('commentary-embed details.embed summary')?.textContent,
    };
  });

describe('article pages', { skip: missingBuild() }, () => {
  let env;
  before(async () => {
    env = await startEnvironment();
  }, { timeout: TEST_TIMEOUT });
  after(() => env?.stop());

  for (const lang of ['en', 'tr']) {
    test(`${lang}: every head tag matches the document; the article reads with no script`, { timeout: TEST_TIMEOUT }, async () => {
      const d = doc();
      const v = d.versions.find((x) => x.lang === lang);
      const others = d.versions.filter((x) => x.lang !== lang);
      const date = v.published ?? d.published;
      const page = await openPage(env, pageUrl(lang), { initEvents: false, context: { javaScriptEnabled: false } });
      try {
        const p = await readPage(page);
        const locale = { en: 'en_US', tr: 'tr_TR' };
        assert.equal(p.lang, lang);
        assert.ok(p.title.startsWith(v.title), p.title);
        const one = (key) => p.metas[key]?.[0];
        assert.equal(one('og:type'), 'article');
        assert.equal(one('og:title'), v.title);
        assert.equal(one('twitter:title'), v.title);
        // Issue 15: a link card, og:image with its size and alt (relative here: relative bases).
        assert.equal(one('twitter:card'), 'summary_large_image');
        assert.equal(one('og:image'), '../../2026-36/' + lang + '/card.png');
        assert.equal(one('og:image:width'), '1200');
        assert.equal(one('og:image:height'), '630');
        assert.ok(one('og:image:alt').startsWith(v.title), one('og:image:alt'));
        assert.equal(one('og:site_name'), d.publisher.name);
        assert.equal(one('og:locale'), locale[lang]);
        assert.deepEqual(p.metas['og:locale:alternate'], others.map((o) => locale[o.lang]));
        assert.ok(one('description').length > 80 && one('description').length <= 201, one('description'));
        assert.equal(one('og:description'), one('description'));
        assert.equal(one('article:published_time'), date);
        // Highwire (Google Scholar, Zotero).
        assert.equal(one('citation_title'), v.title);
        assert.deepEqual(p.metas.citation_author, d.authors.map((a) => (a.given ? `${a.family}, ${a.given}` : a.family)));
        assert.equal(one('citation_publication_date'), date.replaceAll('-', '/'));
        assert.equal(one('citation_publisher'), d.publisher.name);
        assert.equal(one('citation_language'), lang);
        assert.equal(one('citation_technical_report_number'), d.number);
        // Canonical: the publisher's URL of this version; none when it has none (relative bases).
        assert.equal(p.canonical, v.url ?? null);
        assert.equal(one('og:url'), v.url);
        assert.equal(one('citation_fulltext_html_url'), v.url);
        // hreflang for every version, x-default the original.
        assert.deepEqual(p.hreflang, {
          ...Object.fromEntries(d.versions.map((o) => [o.lang, pageUrl(o.lang)])),
          'x-default': pageUrl(d.original_language),
        });
        // JSON-LD.
        assert.equal(p.ld['@context'], 'https://schema.org');
        assert.equal(p.ld['@type'], 'ScholarlyArticle');
        assert.equal(p.ld.headline, v.title);
        assert.equal(p.ld.inLanguage, lang);
        assert.equal(p.ld.datePublished, date);
        assert.deepEqual(p.ld.author.map((a) => [a.givenName, a.familyName]), d.authors.map((a) => [a.given, a.family]));
        assert.equal(p.ld.publisher.name, d.publisher.name);
        // The element the widget upgrades, and the article inside it.
        assert.equal(p.embed.srcAttr, `${CDN}/c/2026-36.json`);
        assert.equal(p.embed.lang, lang);
        assert.equal(p.h1, v.title);
        assert.equal(p.paragraphs, v.body.filter((b) => b.paragraph).length + 3 + (v.url ? 1 : 0), 'byline, versions, every paragraph, the link to the original, the licence line');
        assert.deepEqual(p.notes, v.notes.map((n) => `note-${n.number}`));
        // The embed code, shown without script.
        assert.equal(p.embedLabel, lang === 'en' ? 'Embed' : 'Sitenize ekleyin');
        assert.match(p.snippet, new RegExp(`^<script type="module" src="\\.\\./\\.\\./\\.\\./embed/commentary-embed\\.js"></script>\\n<commentary-embed src="\\.\\./\\.\\./2026-36\\.json" lang="${lang}">`));
        // The note references work as plain fragment links.
        const ref = page.locator('commentary-embed sup a').first();
        assert.equal(await ref.getAttribute('href'), '#note-1');
        // oEmbed through its discovery link.
        // (Fetched from Node: cdn.test is the test server's name inside Chromium only.)
        const oembed = await (await fetch(p.oembed.replace(CDN, `http://127.0.0.1:${env.port}`))).json();
        assert.equal(oembed.type, 'rich');
        assert.equal(oembed.version, '1.0');
        assert.equal(oembed.title, v.title);
        // The framed form (CONTRACTS §4): the article page in a blockquote, then its embed page
        // (this build's bases are relative: the URLs resolve against the article page).
        const framed = /^<blockquote class="wp-embedded-content"><a href="([^"]+)">[^<]+<\/a><\/blockquote>\n<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted" src="([^"]+)" width="(\d+)" height="(\d+)" title="[^"]+" frameborder="0" marginwidth="0" marginheight="0"><\/iframe>$/.exec(oembed.html);
        assert.ok(framed, oembed.html);
        assert.equal(new URL(framed[1], pageUrl(lang)).href, pageUrl(lang));
        assert.equal(new URL(framed[2], pageUrl(lang)).href, `${pageUrl(lang)}embed/`);
        assert.deepEqual([Number(framed[3]), Number(framed[4])], [oembed.width, oembed.height]);
        assert.ok(!oembed.html.includes('secret'));
        assert.ok(Number.isInteger(oembed.width) && Number.isInteger(oembed.height));
      } finally {
        await page.closeAll();
      }
    });
  }

  test('with script, the widget upgrades the fallback into the shadow root', { timeout: TEST_TIMEOUT }, async () => {
    const page = await openPage(env, pageUrl('en'));
    try {
      await page.evaluate(() => document.querySelector('commentary-embed').id = 'seed');
      assert.equal(await waitForWidget(page, '#seed'), 'ready', pageLog(page));
      assert.equal(
        await page.locator('#seed [part~="title"]').textContent(),
        doc().versions.find((v) => v.lang === 'en').title,
      );
      assert.equal(await page.locator('#seed [part~="share"] a[data-network]').count(), 8);
      // The widget's own Embed control takes over, with absolute URLs.
      const embed = page.locator('#seed [part~="embed-code"]');
      await embed.locator('summary').click();
      const code = await embed.locator('textarea[data-form="script"]').inputValue();
      assert.match(await embed.locator('textarea[data-form="frame"]').inputValue(), new RegExp(`<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted" src="${CDN}/c/2026-36/en/embed/"`));
      assert.equal(code.split('\n')[0], `<script type="module" src="${CDN}/embed/commentary-embed.js"></script>`);
      assert.equal(code.split('\n')[1], `<commentary-embed src="${CDN}/c/2026-36.json" lang="en">`);
      // The fallback stays in the light DOM for crawlers but is no longer rendered.
      assert.equal(await page.locator('commentary-embed > article h1').isVisible(), false);
    } finally {
      await page.closeAll();
    }
  });
});
