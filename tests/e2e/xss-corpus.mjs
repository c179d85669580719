// The XSS corpus (tests/fixtures/xss/payloads.json) turned into what the pipeline eats: content
// folders for the CLI, with every payload in every position a publisher can write, and
// hand-made JSON documents (written here as objects, never by the CLI) that put payloads where
// the CLI never would. Used by xss.test.mjs; everything is written under build/xss/ at test time.
//
// Each payload carries a unique marker (`ZQ001QZ` …): the test looks for it as text where it was
// placed. Payloads that would run call `top.__pwned(marker)`.

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './helpers.mjs';

export const CORPUS_FILE = path.join(ROOT, 'tests/fixtures/xss/payloads.json');

/** The payloads with `repeat` and `nest` expanded: `{ id, category, where, text }`. */
export function loadPayloads() {
  const { payloads } = JSON.parse(readFileSync(CORPUS_FILE, 'utf8'));
  return payloads.map((p) => {
    let text = p.text;
    if (p.repeat) text = p.where === 'href' ? text + p.repeat.unit.repeat(p.repeat.count) : p.repeat.unit.repeat(p.repeat.count) + text;
    if (p.nest) text = p.nest.unit.repeat(p.nest.depth) + text;
    return { ...p, text };
  });
}

/** A TOML basic string holding `s` exactly (control characters escaped). */
export function tomlString(s) {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0);
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** A Markdown link destination for `url`, or null when none can hold it (then the text stays). */
function destination(url) {
  if (/[\n\r<>]/.test(url)) return null;
  if (/[\s()]/.test(url) || url === '') return `<${url}>`;
  return url;
}

function chunks(list, size) {
  const out = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

const TOML_HEAD = `original_language = "en"
published = 2026-06-17
`;

function commentaryToml({ series, number, authors, publisher }) {
  const lines = [];
  if (series !== undefined) lines.push(`series = ${tomlString(series)}`);
  if (number !== undefined) lines.push(`number = ${tomlString(number)}`);
  lines.push(TOML_HEAD.trimEnd());
  lines.push(`authors = [\n${authors.map((a) => `  { given = ${tomlString(a.given)}, family = ${tomlString(a.family)} },`).join('\n')}\n]`);
  lines.push('');
  lines.push('[publisher]');
  lines.push(`name = ${tomlString(publisher.name)}`);
  if (publisher.short_name !== undefined) lines.push(`short_name = ${tomlString(publisher.short_name)}`);
  lines.push(`url = ${tomlString(publisher.url)}`);
  if (publisher.place !== undefined) lines.push(`place = ${tomlString(publisher.place)}`);
  return `${lines.join('\n')}\n`;
}

function languageFile({ title, url, translator, body }) {
  const front = [`title = ${tomlString(title)}`];
  if (url !== undefined) front.push(`url = ${tomlString(url)}`);
  if (translator !== undefined) front.push(`translator = ${tomlString(translator)}`);
  return `+++\n${front.join('\n')}\n+++\n${body}\n`;
}

/** A footnote label made of what a label may hold, from a payload (labels are never shown). */
function label(p, i) {
  const cleaned = p.text.slice(0, 60).replace(/[\s\[\]^\\<>`]/g, '').replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '');
  return `${cleaned || 'n'}-${p.id}-${i}`;
}

/**
 * The body of a version holding every one-line payload of `group` in every Markdown position:
 * heading, paragraph (with a footnote reference whose label carries the payload), emphasis, block
 * quote, list item, link text, footnote text; and every URL payload as an inline link, an
 * autolink, a reference link, an image and a link inside a footnote.
 */
function bodyFor(group, lang) {
  const blocks = [`## ${lang} heading ${group.map((p) => p.id).join(' ')}`];
  const notes = [];
  group.forEach((p, i) => {
    const oneLine = p.text.replace(/[\n\r\u2028\u2029]/g, ' ');
    const l = label(p, i);
    if (p.where === 'any' && p.text.length > 5000) {
      // A very long one: in a paragraph and a note only (each copy costs seconds of layout).
      blocks.push(`Text: ${p.text}`);
      blocks.push(`The note of ${p.id}[^${l}].`);
      notes.push(`[^${l}]: ${oneLine}`);
    } else if (p.where === 'any') {
      blocks.push(`## ${oneLine}`);
      // At the start of a line inside a quote, raw HTML opens an HTML block that the quote
      // closes; at the top level an unclosed one (pulldown-cmark ends `<script>` blocks only at a
      // lower-case `</script>`) would swallow the rest of the file as its text.
      blocks.push(`> ${p.text.replace(/\n/g, '\n> ')}`);
      blocks.push(`Text: ${p.text}`);
      blocks.push(`The note of ${p.id}[^${l}].`);
      blocks.push(`*${oneLine}* **${oneLine}**`);
      blocks.push(`> ${oneLine}`);
      blocks.push(`- ${oneLine}\n- item two of ${p.id}`);
      blocks.push(`1. ${oneLine}`);
      blocks.push(`[${oneLine}](https://ok.example/${p.id})`);
      notes.push(`[^${l}]: ${oneLine}`);
    } else if (p.where === 'href') {
      const dest = destination(p.text);
      blocks.push(`Text of ${p.id}: ${p.text}`);
      if (dest) {
        blocks.push(`[inline ${p.id}](${dest}) and ![image ${p.id}](${dest})`);
        blocks.push(`[reference ${p.id}][ref-${p.id}]\n\n[ref-${p.id}]: ${dest}`);
        blocks.push(`In a note[^${l}].`);
        notes.push(`[^${l}]: [note link ${p.id}](${dest})`);
      }
      if (!/[\s<>]/.test(p.text) && p.text.includes(':')) blocks.push(`Autolink <${p.text}> ${p.id}`);
    }
  });
  return [...blocks, ...notes].join('\n\n');
}

/** Where each marker must show up, for the test: `{ doc, marker, parts: [...] }`. */
function expect(list, doc, markers, parts) {
  for (const marker of markers) list.push({ doc, marker, parts });
}

/**
 * Writes `build/xss/` afresh:
 * - `content/<id>/` commentaries the CLI must accept (payloads in every position),
 * - `urls/<id>/` one commentary per URL payload in the `url` fields (front matter and
 *   publisher): the CLI accepts it only if it is an http(s) URL, else names both lines,
 * - `rejected/<id>/` bodies the CLI must refuse (nesting beyond the limit).
 * @returns {{ root, docs: string[], expectations, urls: {id, payload}[], rejected: {id, payload}[] }}
 */
export function writeCorpus(root = path.join(ROOT, 'build/xss')) {
  rmSync(root, { recursive: true, force: true });
  const payloads = loadPayloads();
  const write = (dir, files) => {
    mkdirSync(dir, { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  };
  const expectations = [];
  const docs = [];

  // One-line payloads and URL payloads, ten to a commentary (the 100 000-character ones alone).
  const isLong = (p) => p.text.length > 5000;
  const plain = payloads.filter((p) => (p.where === 'any' || p.where === 'href') && !isLong(p));
  const groups = [...chunks(plain, 10), ...payloads.filter((p) => (p.where === 'any' || p.where === 'href') && isLong(p)).map((p) => [p])];
  groups.forEach((group, n) => {
    const id = `xss-${String(n + 1).padStart(2, '0')}`;
    docs.push(id);
    const joined = group.map((p) => p.text).join(' | ');
    const markers = group.map((p) => p.id);
    // A 100 000-character payload goes into the title, an author's name and the body, not into
    // every byline field as well: each copy costs the browser seconds to lay out.
    const long = group.length === 1 && isLong(group[0]);
    const short = long ? group[0].id : joined;
    write(path.join(root, 'content', id), {
      'commentary.toml': commentaryToml({
        series: short,
        number: markers.join('/'),
        authors: group.map((p) => ({ given: long ? 'Long' : p.text, family: `${p.id} ${p.text}` })),
        publisher: { name: short, short_name: long ? group[0].id : group[0].text, url: 'https://publisher.example/', place: short },
      }),
      'en.md': languageFile({ title: joined, url: `https://ok.example/${id}/en`, body: bodyFor(group, 'en') }),
      'tr.md': languageFile({ title: `${short} (tr)`, translator: short, body: bodyFor(group, 'tr') }),
    });
    expect(expectations, id, markers, ['title', 'byline']);
    const inBody = group.map((p) => p.id);
    expect(expectations, id, inBody, ['body']);
    expect(expectations, id, group.filter((p) => p.where === 'any').map((p) => p.id), ['footnotes']);
  });

  // Markdown snippets: five to a commentary, as the body of both versions.
  chunks(payloads.filter((p) => p.where === 'body'), 5).forEach((group, n) => {
    const id = `xss-md-${n + 1}`;
    docs.push(id);
    const body = group.map((p) => p.text).join('\n\n');
    write(path.join(root, 'content', id), {
      'commentary.toml': commentaryToml({
        authors: [{ given: 'Hand', family: 'Written' }],
        publisher: { name: 'Publisher', url: 'https://publisher.example/' },
      }),
      'en.md': languageFile({ title: `Markdown payloads ${n + 1}`, body }),
      'tr.md': languageFile({ title: `Markdown payloads ${n + 1} (tr)`, translator: 'A Translator', body }),
    });
    // Front-matter look-alikes in the body are text; the markers show somewhere in the article.
    expect(expectations, id, group.map((p) => p.id), ['body', 'footnotes']);
  });

  // URL payloads in the url fields: one commentary each.
  const urls = payloads.filter((p) => p.where === 'href').map((p, n) => ({ id: `xss-url-${String(n + 1).padStart(2, '0')}`, payload: p }));
  for (const { id, payload } of urls) {
    write(path.join(root, 'urls', id), {
      'commentary.toml': commentaryToml({
        authors: [{ given: 'A', family: payload.id }],
        publisher: { name: `Publisher ${payload.id}`, url: payload.text },
      }),
      'en.md': languageFile({ title: `URL field ${payload.id}`, url: payload.text, body: `Body of ${payload.id}.` }),
    });
  }

  const rejected = payloads.filter((p) => p.where === 'rejected').map((p, n) => ({ id: `xss-rejected-${n + 1}`, payload: p }));
  for (const { id, payload } of rejected) {
    write(path.join(root, 'rejected', id), {
      'commentary.toml': commentaryToml({
        authors: [{ given: 'A', family: 'B' }],
        publisher: { name: 'P', url: 'https://publisher.example/' },
      }),
      'en.md': languageFile({ title: `Refused ${payload.id}`, body: `Intro.\n\n${payload.text}` }),
    });
  }
  return { root, payloads, docs, expectations, urls, rejected };
}

// ---------------------------------------------------------------------------------------------
// Hand-made documents: JSON written directly against the schema (docs/schema.md),
// with payloads where the CLI would never put them.

const text = (t) => ({ text: t });

/** A sound schema-1 document around `versions`. */
function documentWith(id, versions, extra = {}) {
  return {
    schema: 1,
    id,
    original_language: versions[0].lang,
    published: '2026-06-17',
    authors: [{ given: 'Hand', family: 'Made' }],
    publisher: { name: 'Publisher', url: 'https://publisher.example/' },
    versions,
    ...extra,
  };
}

/**
 * The hand-made document the widget must show: every URL payload as a link `href` (in the body
 * and in a note), every text payload in every kind of text node and in the citations, headings
 * of odd levels, a huge list start, `lang` spans, and the byline fields.
 */
export function handMadeDocument(payloads) {
  const texts = payloads.filter((p) => p.where === 'any' && p.text.length < 5000);
  const hrefs = payloads.filter((p) => p.where === 'href');
  const body = [
    { heading: { level: 0, content: [text('Level 0 heading')] } },
    { heading: { level: 255, content: [text('Level 255 heading')] } },
  ];
  const notes = [];
  for (const p of hrefs) {
    const number = notes.length + 1;
    body.push({
      paragraph: [
        text(`Link ${p.id}: `),
        { link: { href: p.text, content: [text(`link ${p.id}`)] } },
        { link: { href: p.text, content: [{ strong: [text(`strong ${p.id}`)] }] } },
        { note_ref: { note: number, occurrence: 1 } },
      ],
    });
    notes.push({
      number,
      label: p.text,
      references: 1,
      content: [{ paragraph: [{ link: { href: p.text, content: [text(`note link ${p.id}`)] } }] }],
    });
  }
  for (const p of texts) {
    body.push({ paragraph: [text(p.text), { emphasis: [text(p.text)] }, { code: p.text }, { lang: { lang: 'ru', content: [text(p.text)] } }, 'line_break', text(p.id)] });
    body.push({ heading: { level: 2, content: [text(p.text)] } });
    body.push({ quote: [{ paragraph: [text(p.text)] }] });
    body.push({ list: { ordered: true, start: Number.MAX_SAFE_INTEGER, items: [[{ paragraph: [text(p.text)] }], [{ code: p.text }]] } });
    body.push({ code: p.text });
    body.push('rule');
  }
  const joined = texts.map((p) => p.text).join(' | ');
  const citations = ['house', 'apa', 'mla', 'chicago-notes', 'chicago-author-date', 'harvard', 'bibtex', 'ris', 'csl-json', '"><script>top.__pwned("style")</script>'].map((style) => ({
    style,
    runs: [text(joined), { italic: joined }, text(' accessed '), { accessed: 'iso' }],
  }));
  const version = (lang, title) => ({ lang, title, url: `https://ok.example/hand/${lang}`, translator: lang === 'en' ? undefined : joined, body, notes, citations });
  return documentWith('xss-hand-made', [version('en', `Hand-made ${joined}`), version('tr', `El yapımı ${joined}`)], {
    series: joined,
    number: texts.map((p) => p.id).join('/'),
    authors: texts.slice(0, 12).map((p) => ({ given: p.text, family: `${p.id} ${p.text}` })),
    publisher: { name: joined, short_name: texts[0].text, url: 'https://publisher.example/?q="><script>top.__pwned(1)</script>', place: joined },
  });
}

/**
 * Hand-made documents the widget must refuse (its error part, the fallback kept): payloads in
 * fields that are checked, each named by the marker it carries. A value is a document, or the
 * JSON text itself where it cannot be built as an object.
 */
export function refusedDocuments() {
  const ok = (lang = 'en') => ({ lang, title: 'T', body: [{ paragraph: [text('x')] }] });
  const cases = {
    'id-markup': documentWith('"><script>top.__pwned("ZQR01QZ")</script>ZQR01QZ', [ok()]),
    'lang-quote': documentWith('xss-lang', [ok('en"><img src=x onerror=top.__pwned("ZQR02QZ")>ZQR02QZ')]),
    'inline-lang': documentWith('xss-inline-lang', [{ ...ok(), body: [{ paragraph: [{ lang: { lang: 'x" onmouseover="top.__pwned(\'ZQR03QZ\')" ZQR03QZ', content: [text('x')] } }] }] }]),
    'version-url': documentWith('xss-version-url', [{ ...ok(), url: 'javascript:top.__pwned("ZQR04QZ")//ZQR04QZ' }]),
    'publisher-url': documentWith('xss-publisher-url', [ok()], { publisher: { name: 'P', url: 'JaVaScRiPt:top.__pwned("ZQR05QZ")//ZQR05QZ' } }),
    'publisher-mailto': documentWith('xss-publisher-mailto', [ok()], { publisher: { name: 'P', url: 'mailto:ZQR06QZ@example.org' } }),
    'note-number': documentWith('xss-note-number', [{ ...ok(), body: [{ paragraph: [{ note_ref: { note: 0, occurrence: 1 } }] }], notes: [{ number: 0, label: 'ZQR07QZ', references: 1, content: [] }] }]),
    'note-references': documentWith('xss-note-references', [{ ...ok(), body: [{ paragraph: [{ note_ref: { note: 1, occurrence: 1 } }] }], notes: [{ number: 1, label: 'ZQR08QZ', references: 4294967295, content: [{ paragraph: [text('ZQR08QZ')] }] }] }]),
    'original-language': documentWith('xss-original', [ok()], { original_language: '<script>top.__pwned("ZQR09QZ")</script>ZQR09QZ' }),
    'schema-string': { ...documentWith('xss-schema', [ok()]), schema: '1"><script>top.__pwned("ZQR10QZ")</script>' },
    'date-markup': documentWith('xss-date', [ok()], { published: '<img src=x onerror=top.__pwned("ZQR11QZ")>' }),
    'too-deep': documentWith('xss-too-deep', [{ ...ok(), body: [JSON.parse(`${'{"quote":['.repeat(40)}{"paragraph":[{"text":"ZQR12QZ"}]}${']}'.repeat(40)}`)] }]),
    // As text: 50 000 levels, past what JSON.stringify or a recursive decoder's stack can take.
    'stack-deep': JSON.stringify(documentWith('xss-stack-deep', [{ ...ok(), body: ['@DEEP@'] }])).replace(
      '"@DEEP@"',
      `${'{"quote":['.repeat(50_000)}{"paragraph":[{"text":"ZQR13QZ"}]}${']}'.repeat(50_000)}`,
    ),
  };
  return cases;
}
