// Hostile input through the whole pipeline (issue 7): the XSS corpus (tests/fixtures/xss/
// payloads.json) placed in every position a publisher can write, compiled by the real CLI, and
// hand-made JSON documents with payloads where the CLI never puts them, all rendered by the real
// widget in Chromium on a host page under a strict CSP. Every footnote is opened, every language
// shown, the cite panel and the share controls used; then: no dialog, no payload ran, no
// CSP violation, no element or attribute made from data, every link http(s)/mailto, and every
// marker still there as text.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startServer } from '../../scripts/serve.mjs';
import { ROOT, TEST_TIMEOUT, missingBuild, openPage, pageLog, startEnvironment, waitForWidget } from './helpers.mjs';
import { handMadeDocument, refusedDocuments, writeCorpus } from './xss-corpus.mjs';

const CDN_XSS = 'http://cdn.test/xss/';
// The strict policy of csp.html.csp, plus nothing: no inline script or style can run.
const CSP = [
  "default-src 'none'",
  "script-src http://cdn.test 'wasm-unsafe-eval'",
  'connect-src http://cdn.test',
  'style-src http://cdn.test',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Runs the CLI (built by scripts/build.sh; cargo only checks it is fresh). */
function cli(content, out) {
  const run = spawnSync('cargo', ['run', '--quiet', '--locked', '--release', '--bin', 'commentary', '--', 'build', content, out], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: run.status, stderr: run.stderr ?? '', error: run.error };
}

// Installed before any page script, in every frame: whatever a payload manages to run is recorded.
function traps() {
  window.__xss = [];
  const record = (what) => {
    try {
      (window.top.__xss ?? window.__xss).push(String(what));
    } catch {
      window.__xss.push(String(what));
    }
  };
  window.__pwned = (marker) => record(`__pwned(${marker})`);
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    window[name] = (...args) => {
      record(`${name}(${args.join(',')})`);
      return null;
    };
  }
  // Uncaught errors (a panic of the widget is a wasm `unreachable`), with the step that caused it.
  window.__errors = [];
  window.addEventListener('error', (e) => window.__errors.push(`${window.__step ?? 'loading'}: ${e.message}`));
  window.addEventListener('unhandledrejection', (e) => window.__errors.push(`${window.__step ?? 'loading'}: ${e.reason}`));
  document.addEventListener('securitypolicyviolation', (e) => record(`csp ${e.effectiveDirective} ${e.blockedURI} ${e.sample}`), true);
}

// In the page: every element of a shadow root checked against what the widget itself renders.
function installScanner() {
  const ALLOWED = new Set(
    'article header section div span p h2 h3 h4 h5 h6 em strong i code pre blockquote ul ol li hr br a sup time button slot textarea input form label details summary'.split(' '),
  );
  window.__scan = (host) => {
    const bad = [];
    const root = host.shadowRoot;
    if (!root) return [`${host.id}: no shadow root`];
    for (const el of root.querySelectorAll('*')) {
      const tag = el.localName;
      const where = `${host.id} <${tag}${el.getAttribute('part') ? ` part=${el.getAttribute('part')}` : ''}>`;
      const icon = el.closest('svg.ce-icon');
      if (tag === 'svg' || tag === 'path') {
        const ok = icon && (tag === 'svg' ? el.children.length === 1 && el.firstElementChild.localName === 'path' : el.children.length === 0);
        if (!ok || el.closest('[part~="title"],[part~="body"],[part~="byline"],[part~="footnotes"],[part~="footnote-popover"],[part~="citation"]')) bad.push(`${where}: svg not an icon`);
      } else if (tag === 'link') {
        if (el.getAttribute('rel') !== 'stylesheet' || !el.href.startsWith('http://cdn.test/embed/')) bad.push(`${where}: link ${el.outerHTML.slice(0, 200)}`);
      } else if (!ALLOWED.has(tag) || el.namespaceURI !== 'http://www.w3.org/1999/xhtml') {
        bad.push(`${where}: element not rendered by the widget`);
      }
      if (tag === 'form' && !el.classList.contains('ce-mastodon-form')) bad.push(`${where}: a form`);
      for (const attr of el.attributes) {
        const name = attr.name.toLowerCase();
        if (name.startsWith('on')) bad.push(`${where}: event handler attribute ${name}`);
        if (name === 'style') bad.push(`${where}: style attribute`);
        if (['src', 'srcdoc', 'action', 'formaction', 'xlink:href', 'data', 'background', 'poster'].includes(name)) bad.push(`${where}: ${name}=`);
        if (/zq\d{3}qz|zqr\d\dqz/i.test(name)) bad.push(`${where}: attribute named from data: ${name}`);
      }
      if (/zq\d{3}qz|zqr\d\dqz/i.test(tag)) bad.push(`${where}: element named from data`);
      if (tag === 'a' && el.hasAttribute('href')) {
        const raw = el.getAttribute('href');
        let protocol = null;
        try {
          protocol = new URL(raw).protocol;
        } catch {}
        const internal = /^#(ref|note)-\d+(-\d+)?$/.test(raw);
        if (!internal && !['http:', 'https:', 'mailto:'].includes(protocol)) bad.push(`${where}: href ${JSON.stringify(raw.slice(0, 120))} (${protocol})`);
      }
    }
    return bad;
  };
}

/**
 * In the page, for one ready widget: scans, then opens every footnote (each popover scanned while
 * open), the cite panel, the copy and Mastodon share controls, in every language; back to the
 * first language at the end. Returns the problems found and what was exercised.
 */
async function exercise(page, id) {
  return page.evaluate(async (hostId) => {
    const host = document.getElementById(hostId);
    const root = host.shadowRoot;
    const wait = async () => {
      // Leptos applies a change in microtasks: two macrotask turns are enough.
      for (let i = 0; i < 2; i += 1) await new Promise((r) => setTimeout(r, 0));
    };
    const bad = [];
    const seen = { popovers: 0, languages: [], citations: 0, shares: 0 };
    const scan = () => bad.push(...window.__scan(host));
    const step = (name) => {
      window.__step = `${hostId} ${name}`;
    };
    const once = async () => {
      scan();
      for (const ref of [...root.querySelectorAll('[part~="footnote-ref"]')]) {
        step(`open note ${ref.dataset.note}`);
        ref.click();
        await wait();
        const open = root.querySelectorAll('[part~="footnote-popover"]');
        seen.popovers += open.length;
        scan();
        step(`close note ${ref.dataset.note}`);
        ref.click();
        await wait();
      }
      step('cite');
      root.querySelector('[part~="cite-button"]')?.click();
      await wait();
      seen.citations += root.querySelectorAll('[part~="citation"]').length;
      scan();
      for (const control of root.querySelectorAll('[part~="share"] button')) {
        step(`share ${control.dataset.network}`);
        control.click();
        seen.shares += 1;
      }
      await wait();
      scan();
    };
    await once();
    const buttons = [...root.querySelectorAll('[part~="language-toggle"] button')];
    const first = buttons.find((b) => b.getAttribute('aria-pressed') === 'true');
    for (const lang of buttons.map((b) => b.getAttribute('lang'))) {
      if (lang === first?.getAttribute('lang')) continue;
      step(`language ${lang}`);
      root.querySelector(`[part~="language-toggle"] button[lang="${lang}"]`).click();
      await wait();
      seen.languages.push(lang);
      await once();
    }
    step('first language again');
    first?.click();
    await wait();
    step('idle');
    scan();
    return { bad: [...new Set(bad)], seen };
  }, id);
}

describe('the XSS corpus through the CLI and the widget', { skip: missingBuild() }, () => {
  let env;
  let hostServer;
  let page;
  let corpus;
  let built;
  let urlRun;
  let rejectedRun;
  const dialogs = [];
  let widgets = [];
  const refused = refusedDocuments();

  before(async () => {
    corpus = writeCorpus();
    const rel = (p) => path.relative(ROOT, p);
    built = cli(rel(path.join(corpus.root, 'content')), rel(path.join(corpus.root, 'docs')));
    urlRun = cli(rel(path.join(corpus.root, 'urls')), rel(path.join(corpus.root, 'url-docs')));
    rejectedRun = cli(rel(path.join(corpus.root, 'rejected')), rel(path.join(corpus.root, 'rejected-docs')));
    const hand = path.join(corpus.root, 'hand');
    mkdirSync(hand, { recursive: true });
    writeFileSync(path.join(hand, 'xss-hand-made.json'), JSON.stringify(handMadeDocument(corpus.payloads), null, 1));
    for (const [name, doc] of Object.entries(refused)) writeFileSync(path.join(hand, `refused-${name}.json`), typeof doc === 'string' ? doc : JSON.stringify(doc));

    const sources = {};
    for (const id of corpus.docs) sources[id] = path.join(corpus.root, 'docs', `${id}.json`);
    for (const { id } of corpus.urls) {
      const file = path.join(corpus.root, 'url-docs', `${id}.json`);
      if (existsSync(file)) sources[id] = file;
    }
    sources['xss-hand-made'] = path.join(hand, 'xss-hand-made.json');
    for (const name of Object.keys(refused)) sources[`refused-${name}`] = path.join(hand, `refused-${name}.json`);
    widgets = Object.keys(sources);

    env = await startEnvironment();
    // The host page from a server of its own on loopback (a page Playwright made up would count
    // as public, and Chromium would refuse it the loopback CDN), with the policy as a header.
    const www = path.join(corpus.root, 'www');
    mkdirSync(www, { recursive: true });
    writeFileSync(path.join(www, 'xss-host.html.csp'), CSP);
    hostServer = await startServer({ host: '127.0.0.1', port: 0, mounts: { '/': www } });
    const hostPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>XSS corpus</title>
<script type="module" src="http://cdn.test/embed/commentary-embed.js"></script></head><body>
<h1>Partner page</h1>
${widgets.map((id) => `<commentary-embed id="w-${id}" src="${CDN_XSS}${id}.json" lang="en" embed-code><a href="https://ok.example/fallback/${id}">Fallback ${id}</a></commentary-embed>`).join('\n')}
</body></html>`;
    writeFileSync(path.join(www, 'xss-host.html'), hostPage);
    page = await openPage(env, `http://localhost:${hostServer.port}/xss-host.html`, {
      beforeGoto: async (p) => {
        p.on('dialog', async (dialog) => {
          dialogs.push(`${dialog.type()}: ${dialog.message()}`);
          await dialog.dismiss().catch(() => {});
        });
        await p.addInitScript(traps);
        await p.addInitScript(installScanner);
        await p.route(`${CDN_XSS}*`, (route) => {
          const id = decodeURIComponent(new URL(route.request().url()).pathname.split('/').pop().replace(/\.json$/, ''));
          const file = sources[id];
          if (!file || !existsSync(file)) return route.fulfill({ status: 404, body: 'no such document' });
          return route.fulfill({
            status: 200,
            contentType: 'application/json; charset=utf-8',
            headers: { 'Access-Control-Allow-Origin': '*' },
            body: readFileSync(file),
          });
        });
      },
    });
    await Promise.allSettled(widgets.map((id) => waitForWidget(page, `#w-${id}`)));
  }, { timeout: 120_000 });

  after(async () => {
    await page?.closeAll();
    await hostServer?.close();
    await env?.stop();
  });

  test('the corpus has at least 100 payloads in every category', () => {
    assert.ok(corpus.payloads.length >= 100, `${corpus.payloads.length} payloads`);
    const categories = new Set(corpus.payloads.map((p) => p.category));
    for (const c of ['javascript-url', 'other-scheme-url', 'html-event-handler', 'svg-math', 'css-injection', 'text-misc', 'markdown', 'long', 'nesting']) {
      assert.ok(categories.has(c), `category ${c}`);
    }
    assert.equal(new Set(corpus.payloads.map((p) => p.id)).size, corpus.payloads.length, 'markers are unique');
  });

  test('the CLI accepts every commentary with payloads in text positions', () => {
    assert.equal(built.error, undefined, String(built.error));
    assert.equal(built.status, 0, built.stderr.slice(0, 4000));
    for (const id of corpus.docs) assert.ok(existsSync(path.join(corpus.root, 'docs', `${id}.json`)), `${id}.json written`);
    assert.ok(!/internal error/.test(built.stderr), built.stderr.slice(0, 2000));
  });

  test('a URL field holding a payload is an http(s) URL or refused at its path:line, never dropped', () => {
    let refusedCount = 0;
    for (const { id, payload } of corpus.urls) {
      const file = path.join(corpus.root, 'url-docs', `${id}.json`);
      const dir = `build/xss/urls/${id}`;
      if (existsSync(file)) {
        const doc = JSON.parse(readFileSync(file, 'utf8'));
        for (const url of [doc.publisher.url, doc.versions[0].url]) {
          assert.match(new URL(url).protocol, /^https?:$/, `${payload.id}: ${url.slice(0, 100)}`);
        }
      } else {
        refusedCount += 1;
        for (const [name, where] of [['commentary.toml', '\\[publisher\\]'], ['en.md', 'the front matter']]) {
          const line = new RegExp(`^${dir}/${name.replace('.', '\\.')}:\\d+: \`url\` in ${where} must be an http or https URL`, 'm');
          assert.match(urlRun.stderr, line, `${payload.id} in ${name}`);
        }
      }
    }
    assert.ok(refusedCount >= 40, `${refusedCount} URL payloads refused`);
    assert.notEqual(urlRun.status, 0, 'the CLI exits non-zero');
  });

  test('nesting beyond the limit is refused at its path:line', () => {
    assert.notEqual(rejectedRun.status, 0);
    for (const { id, payload } of corpus.rejected) {
      assert.match(rejectedRun.stderr, new RegExp(`^build/xss/rejected/${id}/en\\.md:\\d+: .*nests deeper`, 'm'), payload.id);
      assert.ok(!existsSync(path.join(corpus.root, 'rejected-docs', `${id}.json`)), `${id} not written`);
    }
  });

  test('every accepted document renders, every refused one shows its error', { timeout: TEST_TIMEOUT }, async () => {
    const states = {};
    const wanted = {};
    for (const id of widgets) {
      wanted[id] = id.startsWith('refused-') ? 'error' : 'ready';
      states[id] = await waitForWidget(page, `#w-${id}`, 1_000).catch(() => 'neither');
    }
    assert.deepEqual(states, wanted, pageLog(page));
    const views = await page.evaluate((ids) => ids.map((id) => {
      const host = document.getElementById(`w-${id}`);
      return { id, error: host.shadowRoot.querySelector('[part~="error"]')?.textContent ?? '', fallback: host.querySelector('a')?.getAttribute('href') };
    }), widgets.filter((id) => id.startsWith('refused-')));
    for (const v of views) {
      assert.equal(v.fallback, `https://ok.example/fallback/${v.id}`, `${v.id} keeps its fallback`);
      const doc = refused[v.id.slice('refused-'.length)];
      const marker = /ZQR\d\dQZ/.exec(typeof doc === 'string' ? doc : JSON.stringify(doc))?.[0];
      if (marker && !['schema-string', 'date-markup', 'note-number', 'too-deep', 'stack-deep', 'note-references'].includes(v.id.slice('refused-'.length))) {
        assert.ok(v.error.includes(marker), `${v.id}: the error names the bad value as text: ${v.error.slice(0, 300)}`);
      }
    }
  });

  test('every marker shows as text where it was placed', { timeout: TEST_TIMEOUT }, async () => {
    const missing = await page.evaluate((expectations) => expectations.filter(({ doc, marker, parts }) => {
      const root = document.getElementById(`w-${doc}`)?.shadowRoot;
      if (!root) return true;
      const text = parts.map((p) => [...root.querySelectorAll(`[part~="${p}"]`)].map((el) => el.textContent).join(' ')).join(' ');
      return !text.includes(marker);
    }), corpus.expectations);
    assert.deepEqual(missing.map((m) => `${m.doc} ${m.marker} in ${m.parts}`), []);
    const hand = await page.evaluate(([texts, hrefs]) => {
      const root = document.getElementById('w-xss-hand-made').shadowRoot;
      const body = root.querySelector('[part~="body"]').textContent;
      const notes = root.querySelector('[part~="footnotes"]').textContent;
      const title = root.querySelector('[part~="title"]').textContent;
      const byline = root.querySelector('[part~="byline"]').textContent;
      return [
        ...texts.filter((m) => !(body.includes(m) && title.includes(m) && byline.includes(m))).map((m) => `${m} (text)`),
        ...hrefs.filter((m) => !(body.includes(`link ${m}`) && notes.includes(`note link ${m}`))).map((m) => `${m} (href)`),
      ];
    }, [
      corpus.payloads.filter((p) => p.where === 'any' && p.text.length < 5000).map((p) => p.id),
      corpus.payloads.filter((p) => p.where === 'href').map((p) => p.id),
    ]);
    assert.deepEqual(hand, [], 'hand-made: text markers in title, byline and body; every link text in body and notes');
  });

  test('with every footnote, language, citation and share control used: nothing ran, nothing became markup', { timeout: 120_000 }, async () => {
    const problems = [];
    let popovers = 0;
    let citations = 0;
    let languages = 0;
    for (const id of widgets) {
      if (id.startsWith('refused-')) {
        problems.push(...(await page.evaluate((h) => window.__scan(document.getElementById(h)), `w-${id}`)));
        continue;
      }
      const before = page.log.length;
      const started = Date.now();
      const { bad, seen } = await exercise(page, `w-${id}`);
      // XSS_DEBUG=1: what each widget took and went through, and what the page said meanwhile.
      if (process.env.XSS_DEBUG) console.log(id, Date.now() - started, 'ms', seen, page.log.slice(before).join(' | ').slice(0, 300));
      problems.push(...bad);
      popovers += seen.popovers;
      citations += seen.citations;
      languages += seen.languages.length;
    }
    assert.deepEqual(problems.slice(0, 50), [], `${problems.length} problems`);
    assert.ok(popovers > 100, `${popovers} footnote popovers opened`);
    assert.ok(citations > 0 && languages > 0, `${citations} citations, ${languages} language switches`);
    const ran = await page.evaluate(() => window.__xss);
    assert.deepEqual(ran, [], 'no payload ran, no dialog function called, no CSP violation');
    assert.deepEqual(dialogs, [], 'no dialog opened');
    assert.deepEqual(await page.evaluate(() => window.__errors), [], 'no uncaught error (a panic is a wasm `unreachable`)');
    const unsafeLinks = await page.evaluate(() => [...document.querySelectorAll('commentary-embed')].flatMap((h) =>
      [...h.shadowRoot.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')).filter((href) => /^\s*(javascript|data|vbscript):/i.test(href.replace(/[\u0000-\u0020]/g, '')))));
    assert.deepEqual(unsafeLinks, []);
    assert.ok(!pageLog(page).includes('pageerror'), pageLog(page));
  });
});
