// The host pages of the benchmark (scripts/bench.mjs), as strings. No dependencies, so the
// smoke test (tests/e2e/bench-pages.test.mjs) can check them without the bench's npm packages.
//
// - `widgetPage`: a partner page with the public script tag and `count` `<commentary-embed>`
//   elements (README "Installation"), each with its fallback link.
// - `baselinePage`: the same partner page with what a partner would use instead: the article as
//   static HTML (the English version of the compiled document, rendered here), footnotes in the
//   markup Markdown renderers produce (GitHub / markdown-it-footnote style: `sup > a[href="#fn…"]`
//   and a `section.footnotes > ol > li#fn…`), which littlefoot turns into popovers, and a Shariff
//   share bar with the same networks as far as Shariff has them. `count` copies of the article.
//
// Both pages share the same host chrome (header, intro, footer, one small stylesheet), so what
// differs is the article and its scripts.

/** Escapes text for an HTML text node or a double-quoted attribute value. */
export function escapeHtml(text) {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const SAFE_SCHEMES = /^(https?:|mailto:)/i;

/** The language version `lang` of a compiled document (schema 1). */
export function versionOf(doc, lang) {
  const version = doc.versions.find((v) => v.lang === lang);
  if (!version) throw new Error(`document ${doc.id} has no version ${lang}`);
  return version;
}

/**
 * Renders a compiled document's blocks as static HTML, footnote references as GitHub-style
 * markup. `prefix` makes the ids unique when the article appears more than once on a page.
 */
export function renderArticle(doc, lang, prefix = '') {
  const version = versionOf(doc, lang);
  const fn = (n) => `fn-${prefix}${n}`;
  const fnref = (n, k) => `fnref-${prefix}${n}${k > 1 ? `-${k}` : ''}`;

  const inline = (runs) => runs.map(inlineOne).join('');
  function inlineOne(run) {
    if (run === 'line_break') return '<br>';
    const [kind, value] = Object.entries(run)[0];
    switch (kind) {
      case 'text': return escapeHtml(value);
      case 'emphasis': return `<em>${inline(value)}</em>`;
      case 'strong': return `<strong>${inline(value)}</strong>`;
      case 'code': return `<code>${escapeHtml(value)}</code>`;
      case 'lang': return `<span lang="${escapeHtml(value.lang)}">${inline(value.content)}</span>`;
      case 'link':
        return SAFE_SCHEMES.test(value.href)
          ? `<a href="${escapeHtml(value.href)}">${inline(value.content)}</a>`
          : inline(value.content);
      case 'note_ref':
        return `<sup class="footnote-ref"><a href="#${fn(value.note)}" id="${fnref(value.note, value.occurrence)}">${value.note}</a></sup>`;
      default: throw new Error(`unknown inline ${kind}`);
    }
  }
  const blocks = (list) => list.map(block).join('\n');
  function block(b) {
    if (b === 'rule') return '<hr>';
    const [kind, value] = Object.entries(b)[0];
    switch (kind) {
      case 'paragraph': return `<p>${inline(value)}</p>`;
      // The title is the page's h2 (as in the widget); body headings start one lower.
      case 'heading': {
        const level = Math.min(6, value.level + 1);
        return `<h${level}>${inline(value.content)}</h${level}>`;
      }
      case 'quote': return `<blockquote>\n${blocks(value)}\n</blockquote>`;
      case 'list': {
        const tag = value.ordered ? 'ol' : 'ul';
        const start = value.ordered && value.start && value.start !== 1 ? ` start="${value.start}"` : '';
        return `<${tag}${start}>\n${value.items.map((item) => `<li>${blocks(item)}</li>`).join('\n')}\n</${tag}>`;
      }
      case 'code': return `<pre><code>${escapeHtml(value)}</code></pre>`;
      default: throw new Error(`unknown block ${kind}`);
    }
  }
  const notes = version.notes
    .map((note) => {
      const backrefs = Array.from({ length: note.references }, (_, i) =>
        ` <a href="#${fnref(note.number, i + 1)}" class="footnote-backref" aria-label="Back to reference ${note.number}">↩</a>`).join('');
      // The back-links go inside the note's last paragraph, as markdown-it-footnote does.
      const content = blocks(note.content).replace(/<\/p>$/, `${backrefs}</p>`);
      return `<li id="${fn(note.number)}" class="footnote-item">${content}</li>`;
    })
    .join('\n');
  return { title: version.title, url: version.url, body: blocks(version.body), notes };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];

function byline(doc, version) {
  const authors = doc.authors.map((a) => [a.given, a.family].filter(Boolean).join(' ')).join(', ');
  const [y, m, d] = (version.published ?? doc.published).split('-').map(Number);
  const publisher = doc.publisher.short_name ? `${doc.publisher.name} (${doc.publisher.short_name})` : doc.publisher.name;
  const series = doc.series && doc.number ? ` · ${doc.series} No. ${doc.number}` : '';
  return `${escapeHtml(authors)} · ${escapeHtml(publisher)} · ${d} ${MONTHS[m - 1]} ${y}${escapeHtml(series)}`;
}

// The host chrome both pages share: a small partner page around the article.
const HOST_CSS = `
  body { margin: 0; font: 17px/1.6 Georgia, serif; color: #222; background: #fafaf7; }
  header, footer { background: #17324d; color: #fff; padding: 1rem 2rem; }
  header a, footer a { color: #fff; }
  main { max-width: 46rem; margin: 0 auto; padding: 1rem 2rem 3rem; }
  .intro { font-style: italic; color: #555; }
  .article h2 { font-size: 1.8rem; line-height: 1.25; }
  .byline { color: #555; font-size: 0.95rem; }
  .footnotes { font-size: 0.9rem; border-top: 1px solid #ccc; margin-top: 2rem; }
`;

function hostPage({ title, head, main, tail = '' }) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — Caspian Policy Review</title>
<meta name="description" content="A partner page of the commentary-embed benchmark.">
<style>${HOST_CSS}</style>
${head}
</head>
<body>
<header><strong>Caspian Policy Review</strong> · <a href="#main">Partner commentaries</a></header>
<main id="main">
<p class="intro">Each month Caspian Policy Review carries a piece from one of our partner institutes.
This week we republish a commentary from the Center for Eurasian Studies (AVİM) in Ankara.</p>
${main}
<p class="intro">Views expressed in partner commentaries are those of their authors.</p>
</main>
<footer>Caspian Policy Review is a fictional partner site (benchmark page).</footer>
${tail}
</body>
</html>
`;
}

/**
 * The partner page with the widget.
 * @param {{ doc: object, lang?: string, embedBase: string, documentUrl: string, count?: number, loading?: string, height?: number, blocking?: boolean }} o
 *   `embedBase`: URL of dist/ (ends with `/`); `loading`: the elements' `loading` attribute, if any;
 *   `height`: the elements' `height` hint; `blocking`: `blocking="render"` on the script tag.
 */
export function widgetPage({ doc, lang = 'en', embedBase, documentUrl, count = 1, loading, height, blocking = false }) {
  const version = versionOf(doc, lang);
  const fallbackUrl = version.url ?? doc.publisher.url;
  const loadingAttr = loading ? ` loading="${escapeHtml(loading)}"` : '';
  // `height` and `blocking`: the snippet README "Reserving space" recommends against layout shift.
  const heightAttr = height ? ` height="${escapeHtml(String(height))}"` : '';
  const blockingAttr = blocking ? ' blocking="render"' : '';
  const elements = Array.from({ length: count }, (_, i) =>
    `<commentary-embed id="w${i + 1}" src="${escapeHtml(documentUrl)}" lang="${escapeHtml(lang)}"${loadingAttr}${heightAttr}>` +
    `<a href="${escapeHtml(fallbackUrl)}">${escapeHtml(version.title)}</a></commentary-embed>`).join('\n');
  return hostPage({
    title: version.title,
    head: `<script type="module" src="${escapeHtml(embedBase)}commentary-embed.js"${blockingAttr}></script>`,
    main: elements,
  });
}

/** The networks of the widget's share bar that Shariff 3.3 has (it has no Bluesky). */
export const SHARIFF_SERVICES = ['twitter', 'facebook', 'linkedin', 'whatsapp', 'telegram', 'reddit', 'mail', 'fediverse', 'clipboard'];

/**
 * The partner page without the widget: the article as static HTML, littlefoot and Shariff.
 * @param {{ doc: object, lang?: string, vendorBase: string, count?: number }} o
 *   `vendorBase`: URL under which `littlefoot/` (littlefoot's dist/) and `shariff/` (Shariff's
 *   dist/) are served (ends with `/`).
 */
export function baselinePage({ doc, lang = 'en', vendorBase, count = 1 }) {
  const version = versionOf(doc, lang);
  const articles = Array.from({ length: count }, (_, i) => {
    const prefix = count > 1 ? `a${i + 1}-` : '';
    const article = renderArticle(doc, lang, prefix);
    const services = escapeHtml(JSON.stringify(SHARIFF_SERVICES));
    return `<article class="article" lang="${escapeHtml(lang)}">
<h2>${escapeHtml(article.title)}</h2>
<p class="byline">${byline(doc, version)}</p>
<div class="shariff" data-services="${services}" data-lang="en" data-button-style="icon"${article.url ? ` data-url="${escapeHtml(article.url)}"` : ''} data-title="${escapeHtml(article.title)}" data-mail-url="mailto:"></div>
${article.body}
<section class="footnotes">
<ol class="footnotes-list">
${article.notes}
</ol>
</section>
</article>`;
  }).join('\n');
  return hostPage({
    title: version.title,
    head: `<link rel="stylesheet" href="${vendorBase}littlefoot/littlefoot.css">
<link rel="stylesheet" href="${vendorBase}shariff/shariff.complete.css">`,
    main: articles,
    // Shariff initialises itself on DOMContentLoaded; littlefoot is started by the page, with
    // hover activation (off by default) so that it can be compared with the widget's hover.
    tail: `<script src="${vendorBase}littlefoot/littlefoot.js"></script>
<script src="${vendorBase}shariff/shariff.complete.js"></script>
<script>littlefoot.littlefoot({ activateOnHover: true, dismissOnUnhover: true });</script>`,
  });
}
