#!/usr/bin/env node
// A synthetic archive for the CLI's benchmark (scripts/bench-archive.sh): N commentary folders
// made from the seed (content/2026-36: tr + en) and the two fixtures (tests/fixtures/content:
// ru + en + tr, az + en + ru), so 2 or 3 languages each, with varied lengths (the body, footnote
// references included, repeated 1 to 4 times) and varied numbers, dates and titles.
//
//   node scripts/archive.mjs <count> <dir>
//
// Deterministic: the same count gives the same files. Every commentary compiles (with the
// seed's one structure warning where the seed is the source).
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = [
  path.join(ROOT, 'content/2026-36'),
  path.join(ROOT, 'tests/fixtures/content/fixture-features'),
  path.join(ROOT, 'tests/fixtures/content/fixture-languages'),
];

/** A source folder as { toml, langs: { tag: { front, body, notes } } }. */
function load(dir) {
  const langs = {};
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.md')).sort()) {
    const text = readFileSync(path.join(dir, name), 'utf8');
    const [, front, rest] = text.match(/^\+\+\+\n([\s\S]*?)\n\+\+\+\n([\s\S]*)$/);
    const lines = rest.split('\n');
    // Footnote definitions (and their continuation lines) stay once, at the end.
    const first = lines.findIndex((l) => /^\[\^[^\]]+\]:/.test(l));
    const body = (first < 0 ? lines : lines.slice(0, first)).join('\n').trim();
    const notes = first < 0 ? '' : lines.slice(first).join('\n').trim();
    langs[name.slice(0, -3)] = { front, body, notes };
  }
  return { toml: readFileSync(path.join(dir, 'commentary.toml'), 'utf8'), langs };
}

export function writeArchive(count, dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const sources = SOURCES.map(load);
  for (let i = 0; i < count; i += 1) {
    const source = sources[i % sources.length];
    const year = 2010 + Math.floor(i / 200);
    const n = (i % 200) + 1;
    const id = `${year}-${String(n).padStart(3, '0')}`;
    const repeat = 1 + ((i * 7) % 4);
    const month = String(1 + (i % 12)).padStart(2, '0');
    const day = String(1 + (i % 28)).padStart(2, '0');
    const folder = path.join(dir, id);
    mkdirSync(folder);
    const toml = source.toml
      .replace(/^number = ".*"$/m, `number = "${year}/${n}"`)
      .replace(/^published = .*$/m, `published = ${year}-${month}-${day}`);
    writeFileSync(path.join(folder, 'commentary.toml'), toml);
    for (const [lang, { front, body, notes }] of Object.entries(source.langs)) {
      const fm = front
        .replace(/^title = "(.*)"$/m, (_, t) => `title = "${t} (${year}/${n})"`)
        // A version's own date may not be before the original's: drop it.
        .replace(/^published = .*\n?/m, '')
        .replace(/^url = "(.*)"$/m, (_, u) => `url = "${u}-${id}"`);
      const text = `+++\n${fm}\n+++\n\n${Array(repeat).fill(body).join('\n\n')}\n\n${notes}\n`;
      writeFileSync(path.join(folder, `${lang}.md`), text);
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [count, dir] = process.argv.slice(2);
  if (!/^\d+$/.test(count ?? '') || !dir) {
    console.error('usage: node scripts/archive.mjs <count> <dir>');
    process.exit(2);
  }
  writeArchive(Number(count), path.resolve(dir));
}
