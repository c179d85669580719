// The stylesheet partners get, dist/commentary-embed.css, bundled from styles/ by the build:
// - it reaches every part of the widget: a rule from each file applies (regression: a merge once
//   left a rule unclosed, and every section after it, the language toggle and the share bar,
//   rendered unstyled);
// - it is one file (no @import left), built from one print block, one small-screen block and one
//   palette, with the bottom-sheet breakpoint written nowhere else (not in src/ either);
// - the custom properties partners may set are exactly the README's "Theming" table, their
//   defaults there are what the widget shows in light and dark, and a value a partner sets
//   applies in both themes.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DIST_DIR, ROOT, TEST_TIMEOUT, missingBuild, openPage, pageLog, startEnvironment, waitForWidget } from './helpers.mjs';

const STYLES = path.join(ROOT, 'styles');
const SHEET_MEDIA = '(max-width: 36em), (max-height: 28em)';

/** The sources the manifest imports, in its order, without comments. */
function sources() {
  const manifest = readFileSync(path.join(STYLES, 'commentary-embed.css'), 'utf8');
  const files = [...manifest.matchAll(/@import\s+"([^"]+)"/g)].map((m) => m[1]);
  return files.map((f) => ({ file: f, css: readFileSync(path.join(STYLES, f), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '') }));
}

/** The README's theming table: `--commentary-*` name -> { light, dark } defaults as written. */
function readmeProperties() {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const rows = [...readme.matchAll(/^\| `(--commentary-[a-z-]+)` \|[^|]*\| (.+) \|$/gm)];
  return Object.fromEntries(
    rows.map(([, name, defaults]) => {
      const values = defaults.split(' / ').map((v) => v.trim().replace(/^`|`$/g, ''));
      return [name, { light: values[0], dark: values[1] ?? values[0] }];
    }),
  );
}

const rgb = (hex) => {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
};

describe('stylesheet sources', () => {
  test('every file under styles/ that the manifest imports exists, and each is imported once', () => {
    const list = sources().map((s) => s.file);
    assert.ok(list.length >= 5, `the manifest imports only ${list.join(', ')}`);
    assert.equal(new Set(list).size, list.length, `imported twice: ${list.join(', ')}`);
  });

  test('one print block, one small-screen block, one palette, the breakpoint only in CSS', () => {
    const all = sources().map((s) => s.css).join('\n');
    assert.equal(all.match(/@media print/g)?.length, 1, 'print blocks');
    assert.equal(all.split(`@media ${SHEET_MEDIA}`).length - 1, 1, 'bottom-sheet blocks');
    const topLevelMedia = [...all.matchAll(/^@media ([^{]+)\{/gm)].map((m) => m[1].trim());
    const layouts = topLevelMedia.filter((q) => /max-width|max-height/.test(q));
    assert.deepEqual(layouts, [SHEET_MEDIA], 'small-screen blocks at top level');
    // Each palette colour once: `--ce-<name>:` outside the print block appears a single time.
    const screen = all.replace(/@media print[\s\S]*$/, '');
    for (const token of ['text', 'background', 'accent', 'muted', 'rule', 'surface', 'error']) {
      assert.equal(screen.match(new RegExp(`--ce-${token}:`, 'g'))?.length, 1, `--ce-${token} is set more than once`);
    }
    const rust = (dir) =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? rust(path.join(dir, e.name)) : e.name.endsWith('.rs') ? [readFileSync(path.join(dir, e.name), 'utf8')] : [],
      );
    assert.ok(!rust(path.join(ROOT, 'src')).some((code) => code.includes('36em')), 'src/ repeats the bottom-sheet breakpoint');
  });
});

describe('built stylesheet', { skip: missingBuild() }, () => {
  test('dist/commentary-embed.css is one bundled file', () => {
    const css = readFileSync(path.join(DIST_DIR, 'commentary-embed.css'), 'utf8');
    assert.ok(!/@import/.test(css), 'an @import survived the bundling');
    assert.match(css, /\.ce-root/);
    assert.match(css, /\.ce-share-list/, 'the last part is missing');
  });

  test("the custom properties it reads are exactly the README's theming table", () => {
    const css = readFileSync(path.join(DIST_DIR, 'commentary-embed.css'), 'utf8');
    const read = [...new Set([...css.matchAll(/var\(\s*(--commentary-[a-z-]+)/g)].map((m) => m[1]))].sort();
    assert.deepEqual(Object.keys(readmeProperties()).sort(), read);
  });
});

describe('stylesheet', { skip: missingBuild() }, () => {
  let env;
  before(async () => {
    env = await startEnvironment();
  }, { timeout: TEST_TIMEOUT });
  after(() => env?.stop());

  test('a rule of every section applies', { timeout: TEST_TIMEOUT }, async () => {
    const page = await openPage(env, env.hostUrl('seed-en.html'));
    try {
      assert.equal(await waitForWidget(page, '#seed'), 'ready', pageLog(page));
      const styles = await page.evaluate(() => {
        const root = document.querySelector('#seed').shadowRoot;
        const style = (sel, prop) => {
          const el = root.querySelector(sel);
          return el ? getComputedStyle(el)[prop] : `missing ${sel}`;
        };
        return {
          article: style('.ce-article', 'maxWidth'),
          notes: style('.ce-notes', 'borderTopStyle'),
          tools: style('.ce-tools', 'display'),
          toggle: style('[part~="toolbar"]', 'position'),
          share: style('.ce-share-list', 'display'),
          last: style('.ce-share-list', 'flexWrap'),
        };
      });
      assert.deepEqual(styles, { article: '640px', notes: 'solid', tools: 'flex', toggle: 'sticky', share: 'flex', last: 'wrap' });
    } finally {
      await page.closeAll();
    }
  });

  // What the widget shows for each README property: the root's text, background and font, and
  // the accent of a link.
  const shown = (page) =>
    page.evaluate(() => {
      const root = document.querySelector('#seed').shadowRoot;
      const s = getComputedStyle(root.querySelector('.ce-root'));
      return {
        '--commentary-text': s.color,
        '--commentary-background': s.backgroundColor,
        '--commentary-font-family': s.fontFamily,
        '--commentary-accent': getComputedStyle(root.querySelector('[part~="body"] a[href^="http"], [part~="footnotes"] a[href^="http"]')).color,
      };
    });

  for (const theme of ['light', 'dark']) {
    test(`the README's defaults are what the ${theme} theme shows`, { timeout: TEST_TIMEOUT }, async () => {
      const page = await openPage(env, env.hostUrl(theme === 'dark' ? 'seed-dark.html' : 'seed-en.html'), { context: { colorScheme: 'light' } });
      try {
        assert.equal(await waitForWidget(page, '#seed'), 'ready', pageLog(page));
        const want = Object.fromEntries(
          Object.entries(readmeProperties()).map(([name, v]) => [name, v[theme].startsWith('#') ? rgb(v[theme]) : v[theme]]),
        );
        assert.deepEqual(await shown(page), want);
      } finally {
        await page.closeAll();
      }
    });
  }

  test('a property the partner sets applies in both themes, auto dark included', { timeout: TEST_TIMEOUT }, async () => {
    const set = {
      '--commentary-text': 'rgb(1, 2, 3)',
      '--commentary-background': 'rgb(250, 240, 230)',
      '--commentary-font-family': 'Georgia, serif',
      '--commentary-accent': 'rgb(200, 10, 20)',
    };
    for (const [file, colorScheme] of [['seed-en.html', 'light'], ['seed-en.html', 'dark'], ['seed-dark.html', 'light']]) {
      const page = await openPage(env, env.hostUrl(file), { context: { colorScheme } });
      try {
        assert.equal(await waitForWidget(page, '#seed'), 'ready', pageLog(page));
        await page.evaluate((props) => {
          const el = document.querySelector('#seed');
          for (const [k, v] of Object.entries(props)) el.style.setProperty(k, v);
        }, set);
        assert.deepEqual(await shown(page), set, `${file} in a ${colorScheme} system`);
      } finally {
        await page.closeAll();
      }
    }
  });

  test('small screens: a tighter column under 30em, the bottom sheet under 36em', { timeout: TEST_TIMEOUT }, async () => {
    const layout = async (width) => {
      const page = await openPage(env, env.hostUrl('seed-en.html'), { context: { viewport: { width, height: 800 } } });
      try {
        assert.equal(await waitForWidget(page, '#seed'), 'ready', pageLog(page));
        await page.locator('#seed [part~="footnote-ref"]').first().click();
        await page.locator('#seed [part~="footnote-popover"]').waitFor();
        return await page.evaluate(() => {
          const root = document.querySelector('#seed').shadowRoot;
          const popover = root.querySelector('[part~="footnote-popover"]').getBoundingClientRect();
          return {
            padding: getComputedStyle(root.querySelector('.ce-article')).paddingLeft,
            sheet: popover.left === 0 && Math.round(popover.width) === document.documentElement.clientWidth && Math.round(popover.bottom) === document.documentElement.clientHeight,
          };
        });
      } finally {
        await page.closeAll();
      }
    };
    assert.deepEqual(await layout(1000), { padding: '20px', sheet: false });
    assert.deepEqual(await layout(540), { padding: '20px', sheet: true });
    assert.deepEqual(await layout(440), { padding: '14.4px', sheet: true });
  });

  test('print is black on white whatever the theme', { timeout: TEST_TIMEOUT }, async () => {
    for (const file of ['seed-en.html', 'seed-dark.html']) {
      const page = await openPage(env, env.hostUrl(file), { context: { colorScheme: 'dark' } });
      try {
        assert.equal(await waitForWidget(page, '#seed'), 'ready', pageLog(page));
        await page.emulateMedia({ media: 'print' });
        const printed = await page.evaluate(() => {
          const root = document.querySelector('#seed').shadowRoot;
          const s = getComputedStyle(root.querySelector('.ce-root'));
          return { text: s.color, background: s.backgroundColor, link: getComputedStyle(root.querySelector('[part~="footnotes"] a[href^="http"]')).color };
        });
        assert.deepEqual(printed, { text: 'rgb(0, 0, 0)', background: 'rgba(0, 0, 0, 0)', link: 'rgb(0, 0, 0)' }, file);
      } finally {
        await page.closeAll();
      }
    }
  });
});
