#!/usr/bin/env node
// Computed styles of every element of the widget, in every state a stylesheet change can touch:
// light and dark (system and `theme`), wide, between the breakpoints and narrow (bottom sheet),
// landscape, print, a note open (anchor-positioned and measured), the cite panel, the share
// forms, the quote panel, the embed code, an error, and :hover / :focus-visible on every control.
// Written to one JSON file, so that a CSS refactoring can be checked for "looks the same":
//
//   scripts/build.sh && node scripts/style-snapshot.mjs before.json
//   (change styles/, rebuild)   node scripts/style-snapshot.mjs after.json
//   node scripts/style-snapshot.mjs --diff before.json after.json
//
// Chromium only (Debian's, through Playwright; the pseudo-classes are forced over CDP).
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { openPage, startEnvironment, waitForWidget } from '../tests/e2e/helpers.mjs';

if (process.argv[2] === '--diff') {
  const [a, b] = process.argv.slice(3).map((f) => JSON.parse(readFileSync(f, 'utf8')));
  let differences = 0;
  for (const state of new Set([...Object.keys(a.states), ...Object.keys(b.states)])) {
    const sa = a.states[state] ?? {};
    const sb = b.states[state] ?? {};
    for (const key of new Set([...Object.keys(sa), ...Object.keys(sb)])) {
      if (sa[key] === sb[key]) continue;
      const pa = a.styles[sa[key]] ?? {};
      const pb = b.styles[sb[key]] ?? {};
      const props = [...new Set([...Object.keys(pa), ...Object.keys(pb)])].filter((p) => pa[p] !== pb[p]);
      if (props.length === 0) continue;
      differences += 1;
      if (differences <= 200) {
        console.log(`${state} ${key}`);
        for (const p of props) console.log(`    ${p}: ${pa[p] ?? '(absent)'} -> ${pb[p] ?? '(absent)'}`);
      }
    }
  }
  console.log(`${differences} element states differ`);
  process.exit(differences ? 1 : 0);
}

const out = process.argv[2] ?? 'style-snapshot.json';
const styles = {};
const states = {};

/** Every element of the shadow root (and the pseudo-elements that have content), with its styles. */
async function collect(page, state, { pseudo = false, cdp } = {}) {
  const elements = await page.evaluate(() => {
    const root = document.querySelector('#seed').shadowRoot;
    const keyOf = (el) => {
      const path = [];
      for (let e = el; e && e.parentElement; e = e.parentElement) {
        path.unshift(`${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : ''}:${[...e.parentElement.children].indexOf(e)}`);
      }
      return path.join('>');
    };
    const read = (cs) => {
      const o = {};
      for (let i = 0; i < cs.length; i += 1) {
        const p = cs[i];
        if (!p.startsWith('--')) o[p] = cs.getPropertyValue(p);
      }
      return o;
    };
    window.__snapEls = [...root.querySelectorAll('*')];
    return window.__snapEls.map((el) => {
      const entry = { key: keyOf(el), style: read(getComputedStyle(el)), interactive: el.matches('a, button, input, textarea, summary, [tabindex], li') };
      for (const p of ['::before', '::after']) {
        const cs = getComputedStyle(el, p);
        if (cs.content !== 'none' && cs.content !== 'normal') entry[p] = read(cs);
      }
      return entry;
    });
  });
  const put = (key, style) => {
    const hash = createHash('sha1').update(JSON.stringify(style)).digest('hex').slice(0, 12);
    styles[hash] = style;
    (states[state] ??= {})[key] = hash;
  };
  elements.forEach((e) => {
    put(e.key, e.style);
    if (e['::before']) put(`${e.key}::before`, e['::before']);
    if (e['::after']) put(`${e.key}::after`, e['::after']);
  });
  if (!pseudo) return;
  for (const [i, e] of elements.entries()) {
    if (!e.interactive) continue;
    const { result } = await cdp.send('Runtime.evaluate', { expression: `window.__snapEls[${i}]` });
    const { nodeId } = await cdp.send('DOM.requestNode', { objectId: result.objectId });
    for (const forced of [['hover'], ['focus', 'focus-visible'], ['focus']]) {
      await cdp.send('CSS.forcePseudoState', { nodeId, forcedPseudoClasses: forced });
      const style = await page.evaluate((n) => {
        const cs = getComputedStyle(window.__snapEls[n]);
        const o = {};
        for (let k = 0; k < cs.length; k += 1) if (!cs[k].startsWith('--')) o[cs[k]] = cs.getPropertyValue(cs[k]);
        return o;
      }, i);
      const hash = createHash('sha1').update(JSON.stringify(style)).digest('hex').slice(0, 12);
      styles[hash] = style;
      (states[`${state}:${forced.join('+')}`] ??= {})[e.key] = hash;
    }
    await cdp.send('CSS.forcePseudoState', { nodeId, forcedPseudoClasses: [] });
  }
}

async function cdpFor(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  return cdp;
}

async function openTools(page) {
  await page.evaluate(() => document.querySelector('#seed').setAttribute('embed-code', ''));
  await page.locator('#seed [part~="cite-button"]').click();
  await page.locator('#seed [part~="embed-code"] summary').click();
  await page.locator('#seed [part~="share"] button[data-network="mastodon"]').click();
  await page.locator('#seed [part~="share"] .ce-mastodon-form input').fill('not a server');
  await page.locator('#seed [part~="share"] .ce-mastodon-form button[type="submit"]').click();
  await page.locator('#seed [part~="share"] button[data-network="copy"]').click();
  await page.locator('#seed [part~="share"] .ce-copy-failed input').waitFor({ timeout: 5000 });
  await page.evaluate(() => {
    const root = document.querySelector('#seed').shadowRoot;
    const text = root.querySelector('[part~="body"] p:nth-of-type(2)').firstChild;
    document.getSelection().setBaseAndExtent(text, 0, text, 20);
  });
  await page.locator('#seed [part~="share-quote-button"]').click();
  await page.locator('#seed [part~="share-quote"]').waitFor({ timeout: 5000 });
}

async function openNote(page, n = 0) {
  const ref = page.locator('#seed [part~="footnote-ref"]').nth(n);
  await ref.scrollIntoViewIfNeeded();
  await ref.click();
  await page.locator('#seed [part~="footnote-popover"]').waitFor();
  await page.waitForTimeout(200);
}

/** Print media, with the pointer moved off the widget: the new layout would put it over some
 * other element, and when the browser notices is a matter of timing. */
async function printed(page) {
  await page.mouse.move(0, 0);
  await page.emulateMedia({ media: 'print' });
  await page.waitForTimeout(100);
}

const refusedClipboard = (page) =>
  page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
  });
const withoutAnchors = (page) =>
  Promise.all([
    refusedClipboard(page),
    page.addInitScript(() => {
      const supports = CSS.supports.bind(CSS);
      CSS.supports = (...args) => (/anchor|position-area/.test(String(args[0])) ? false : supports(...args));
    }),
  ]);

const env = await startEnvironment();
try {
  const contexts = {
    // Reduced motion here, where :hover and :focus are forced: a note's background transition
    // would otherwise be read half-way. The other contexts keep the default motion.
    wide: { viewport: { width: 1280, height: 900 }, colorScheme: 'light', reducedMotion: 'reduce' },
    'wide-dark': { viewport: { width: 1280, height: 900 }, colorScheme: 'dark' },
    'between-breakpoints': { viewport: { width: 520, height: 800 }, colorScheme: 'light' },
    phone: { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true, colorScheme: 'light' },
    'phone-dark': { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true, colorScheme: 'dark' },
    landscape: { viewport: { width: 667, height: 375 }, hasTouch: true, isMobile: true, colorScheme: 'light' },
  };
  const pages = { 'seed-en.html': 'auto', 'seed-dark.html': 'theme-dark' };
  for (const [name, context] of Object.entries(contexts)) {
    for (const [file, theme] of Object.entries(pages)) {
      if (theme === 'theme-dark' && !['wide', 'phone'].includes(name)) continue;
      const state = `${name}/${theme}`;
      const page = await openPage(env, env.hostUrl(file), { context, beforeGoto: refusedClipboard });
      try {
        if ((await waitForWidget(page, '#seed')) !== 'ready') throw new Error(`${state}: not ready`);
        const cdp = name === 'wide' ? await cdpFor(page) : undefined;
        await collect(page, `${state}/base`, { pseudo: !!cdp, cdp });
        await printed(page);
        await collect(page, `${state}/base/print`);
        await page.emulateMedia({ media: 'screen' });
        await openTools(page);
        await collect(page, `${state}/tools`, { pseudo: !!cdp, cdp });
        await printed(page);
        await collect(page, `${state}/tools/print`);
        await page.emulateMedia({ media: 'screen' });
        await openNote(page, name === 'landscape' ? 1 : 0);
        await collect(page, `${state}/note`, { pseudo: !!cdp, cdp });
        await printed(page);
        await collect(page, `${state}/note/print`);
      } finally {
        await page.closeAll();
      }
    }
  }
  // The measured placement, below and above the reference, wide and as a bottom sheet.
  for (const [name, viewport] of [['measured', { width: 900, height: 700 }], ['measured-phone', { width: 375, height: 667 }]]) {
    for (const edge of ['top', 'bottom']) {
      const page = await openPage(env, env.hostUrl('seed-en.html'), { context: { viewport }, beforeGoto: withoutAnchors });
      try {
        if ((await waitForWidget(page, '#seed')) !== 'ready') throw new Error(`${name}: not ready`);
        const ref = page.locator('#seed [part~="footnote-ref"]').nth(1);
        await ref.evaluate((a, e) => {
          const r = a.getBoundingClientRect();
          window.scrollBy(0, e === 'top' ? r.top - 60 : r.bottom - window.innerHeight + 40);
        }, edge);
        await ref.click();
        await page.locator('#seed [part~="footnote-popover"]').waitFor();
        await page.waitForTimeout(200);
        await collect(page, `${name}/${edge}/note`);
        const box = JSON.stringify(await page.locator('#seed [part~="footnote-popover"]').boundingBox());
        styles[`box ${box}`] = { box };
        states[`${name}/${edge}/note`]['popover bounding box'] = `box ${box}`;
      } finally {
        await page.closeAll();
      }
    }
  }
  // An error.
  const page = await openPage(env, env.hostUrl('two-widgets.html'));
  try {
    // The element's own id is the page's business; `collect` reads `#seed`.
    await page.evaluate(() => { document.getElementById('missing').id = 'seed'; });
    if ((await waitForWidget(page, '#seed')) !== 'error') throw new Error('two-widgets: no error shown');
    await collect(page, 'error');
  } finally {
    await page.closeAll();
  }
  writeFileSync(out, JSON.stringify({ styles, states }));
  console.log(`wrote ${out}: ${Object.keys(states).length} states, ${Object.keys(styles).length} distinct styles`);
} finally {
  await env.stop();
}
