// The README as a guide (issue 11): it begins with the two commands and the title, stays within
// 300 lines, ends with "More documentation" listing every page under docs/, and every relative
// link in it, in DEPLOYMENT.md and in docs/ reaches an existing file and heading. The storage
// keys it lists are checked against the widget in storage.test.mjs, its theming table in
// stylesheet.test.mjs.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const read = (file) => readFileSync(path.join(ROOT, file), 'utf8');
const README = read('README.md');
const DOCS = readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).sort();

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');

const anchorsOf = (markdown) => {
  const withoutCode = markdown.replace(/^```[\s\S]*?^```/gm, '');
  return new Set([...withoutCode.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1])));
};

test('the README begins with the two commands, then the title', () => {
  const lines = README.split('\n');
  assert.deepEqual(lines.slice(0, 4).map((l) => l.replace(/\s+#.*$/, '')), ['```sh', 'scripts/demo.sh', 'scripts/test.sh', '```']);
  assert.equal(lines.slice(4).find((l) => l.trim()), '# commentary-embed');
});

test('the README is at most 300 lines', () => {
  const lines = README.trimEnd().split('\n').length;
  assert.ok(lines <= 300, `${lines} lines`);
});

test('"More documentation" ends the README and lists every page under docs/', () => {
  const sections = [...README.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
  assert.equal(sections.at(-1), 'More documentation');
  const listed = README.slice(README.indexOf('## More documentation'));
  const linked = [...listed.matchAll(/\]\(docs\/([^)#]+\.md)\)/g)].map((m) => m[1]);
  assert.deepEqual([...new Set(linked)].sort(), DOCS);
});

test('every relative link in the README, DEPLOYMENT.md and docs/ reaches its file and heading', () => {
  const files = ['README.md', 'DEPLOYMENT.md', ...DOCS.map((f) => `docs/${f}`)];
  const broken = [];
  for (const file of files) {
    const text = read(file).replace(/^```[\s\S]*?^```/gm, '');
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(target)) continue;
      const [where, anchor] = target.split('#');
      const resolved = where ? path.join(path.dirname(file), where) : file;
      if (!existsSync(path.join(ROOT, resolved))) {
        broken.push(`${file}: ${target} (no file)`);
      } else if (anchor && resolved.endsWith('.md') && !anchorsOf(read(resolved)).has(anchor)) {
        broken.push(`${file}: ${target} (no heading)`);
      }
    }
  }
  assert.deepEqual(broken, []);
});
