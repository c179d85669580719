// A real WordPress (Debian's package, 6.1) embedding commentaries, as a partner's editor would
// (CONTRACTS §4): an article page URL pasted alone on a line of a post, in the classic and in
// the block editor, with no plugin; then the same with the plugin of
// integrations/wordpress/commentary-embed/ and its [commentary] shortcode.
//
// Everything runs here, on 127.0.0.1 only, and is stopped in `after`:
// - MariaDB with its own data folder in a temporary directory, on a socket only
//   (mariadb-install-db, then mariadbd --skip-networking --socket=…);
// - WordPress with `php -S 127.0.0.1:<port>` and tests/e2e/wordpress/router.php, from a site
//   folder that links Debian's /usr/share/wordpress files but has its own wp-config.php (not
//   /etc/wordpress); the site is installed and the posts written through PHP (wp.php:
//   wp_install, wp_insert_post, activate_plugin, update_option);
// - the commentary host on another origin: scripts/serve.mjs serving dist/ at /embed/ and a
//   build of content/ with absolute bases at /c/ (with CORS, as in production).
// WordPress's safe HTTP refuses loopback hosts and ports other than 80, 443 and 8080: a
// must-use plugin used only by this test (tests/e2e/wordpress/loopback.php) allows the
// commentary host's, so that oEmbed discovery runs as against a public host.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, DIST_DIR, RENDER_TIMEOUT_MS, ROOT, missingBuild } from './helpers.mjs';
import { startServer } from '../../scripts/serve.mjs';

const WORDPRESS = '/usr/share/wordpress';
const SUPPORT = path.join(ROOT, 'tests/e2e/wordpress');
const PLUGIN = path.join(ROOT, 'integrations/wordpress/commentary-embed');

/** Why this cannot run here, or false. */
function missing() {
  const build = missingBuild();
  if (build) return build;
  for (const [what, check] of [
    ['Debian\'s wordpress package', () => existsSync(path.join(WORDPRESS, 'wp-includes/version.php'))],
    ['the twentytwentythree theme', () => existsSync(path.join(WORDPRESS, 'wp-content/themes/twentytwentythree'))],
    ['php', () => spawnSync('php', ['-v']).status === 0],
    ['mariadbd', () => spawnSync('sh', ['-c', 'command -v mariadbd || test -x /usr/sbin/mariadbd']).status === 0],
  ]) {
    if (!check()) return `${what} is missing: run scripts/setup.sh`;
  }
  return false;
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(what, check, timeout = 30_000) {
  const until = Date.now() + timeout;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > until) throw new Error(`${what} did not come up in ${timeout} ms`);
    await sleep(100);
  }
}

/** Runs a command to its end; throws with its output when it fails. */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout}`);
  }
  return result.stdout;
}

/** A long-running child, its output kept for error messages; `stop()` ends it and waits. */
function daemon(command, args, options) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  let output = '';
  child.stdout.on('data', (d) => (output = (output + d).slice(-4000)));
  child.stderr.on('data', (d) => (output = (output + d).slice(-4000)));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

describe('WordPress embeds commentaries', { skip: missing() }, () => {
  const stops = [];
  let tmp;
  let wp; // { url, env, php(args, input) }
  let cdn; // the commentary host: http://127.0.0.1:<port>
  let browser;
  const posts = {};

  before(async () => {
    tmp = mkdtempSync(path.join(tmpdir(), 'commentary-wordpress-'));

    // The commentary host: the widget and a build of the seed with absolute bases.
    const cdnPort = await freePort();
    cdn = `http://127.0.0.1:${cdnPort}`;
    const built = path.join(tmp, 'c');
    run('cargo', ['run', '--quiet', '--locked', '--release', '--bin', 'commentary', '--', 'build',
      '--embed-base', `${cdn}/embed/`, '--document-base', `${cdn}/c/`, 'content', built], { cwd: ROOT });
    // A commentary whose document is invalid: its pages exist, the JSON does not hold.
    cpSync(path.join(built, '2026-36'), path.join(built, 'broken'), { recursive: true });
    for (const lang of readdirSync(path.join(built, 'broken'))) {
      for (const file of ['index.html', 'oembed.json', 'embed/index.html']) {
        const at = path.join(built, 'broken', lang, file);
        writeFileSync(at, readFileSync(at, 'utf8').replaceAll('2026-36', 'broken'));
      }
    }
    writeFileSync(path.join(built, 'broken.json'), '{"schema":1,"id":"broken","versions":"no"}');
    const server = await startServer({ host: '127.0.0.1', port: cdnPort, mounts: { '/embed/': DIST_DIR, '/c/': built} });
    stops.push(() => server.close());

    // MariaDB: its own data folder, a socket, no network.
    const db = path.join(tmp, 'db');
    const socket = path.join(tmp, 'mysql.sock');
    run('mariadb-install-db', ['--no-defaults', `--datadir=${db}`, '--user=root', '--auth-root-authentication-method=normal', '--skip-test-db']);
    const mariadb = daemon('mariadbd', ['--no-defaults', `--datadir=${db}`, `--socket=${socket}`, '--skip-networking',
      '--user=root', `--pid-file=${path.join(tmp, 'mysql.pid')}`, `--log-error=${path.join(tmp, 'mysql.err')}`,
      '--skip-grant-tables', '--innodb-buffer-pool-size=16M', '--skip-log-bin'], { env: { ...process.env, PATH: `${process.env.PATH}:/usr/sbin` } });
    stops.push(() => mariadb.stop());
    await waitFor('MariaDB', async () => existsSync(socket) && spawnSync('mariadb', ['--no-defaults', `--socket=${socket}`, '-e', 'SELECT 1']).status === 0);
    run('mariadb', ['--no-defaults', `--socket=${socket}`, '-e', 'CREATE DATABASE wordpress CHARACTER SET utf8mb4']);

    // The site folder: Debian's files linked, our own wp-config.php and wp-content.
    const site = path.join(tmp, 'site');
    mkdirSync(site);
    for (const name of readdirSync(WORDPRESS)) {
      if (!['wp-config.php', 'wp-content', '.htaccess'].includes(name)) symlinkSync(path.join(WORDPRESS, name), path.join(site, name));
    }
    copyFileSync(path.join(SUPPORT, 'wp-config.php'), path.join(site, 'wp-config.php'));
    const content = path.join(site, 'wp-content');
    mkdirSync(path.join(content, 'themes'), { recursive: true });
    mkdirSync(path.join(content, 'plugins'), { recursive: true });
    mkdirSync(path.join(content, 'mu-plugins'), { recursive: true });
    mkdirSync(path.join(content, 'uploads'), { recursive: true });
    symlinkSync(path.join(WORDPRESS, 'wp-content/themes/twentytwentythree'), path.join(content, 'themes/twentytwentythree'));
    copyFileSync(path.join(SUPPORT, 'loopback.php'), path.join(content, 'mu-plugins/loopback.php'));
    cpSync(PLUGIN, path.join(content, 'plugins/commentary-embed'), { recursive: true });

    const wpPort = await freePort();
    const url = `http://127.0.0.1:${wpPort}`;
    const env = { ...process.env, CE_WP_ROOT: site, CE_WP_URL: url, CE_WP_SOCKET: socket, CE_COMMENTARY_PORT: String(cdnPort) };
    const php = (args, input) => run('php', [path.join(SUPPORT, 'wp.php'), ...args], { env, input, cwd: site });
    php(['install']);
    const server2 = daemon('php', ['-S', `127.0.0.1:${wpPort}`, '-t', site, path.join(SUPPORT, 'router.php')], { env, cwd: site });
    stops.push(() => server2.stop());
    await waitFor('WordPress', async () => (await fetch(`${url}/`)).ok);
    wp = { url, env, php, server: server2, debugLog: () => {
      const file = path.join(site, 'debug.log');
      return existsSync(file) ? readFileSync(file, 'utf8') : '';
    }, log: () => {
      const file = path.join(site, 'debug.log');
      return `${server2.output()}\n${existsSync(file) ? readFileSync(file, 'utf8').slice(-3000) : ''}`;
    } };

    // The posts, as an editor writes them.
    const page = (id, lang) => `${cdn}/c/${id}/${lang}/`;
    const written = JSON.parse(php(['run'], JSON.stringify([
      { post: { title: 'Classic', content: `Our partner's commentary:\n\n${page('2026-36', 'en')}\n\nWhat we think of it.` } },
      {
        post: {
          title: 'Blocks',
          content: `<!-- wp:paragraph -->\n<p>Before the embed.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:embed {"url":"${page('2026-36', 'tr')}","type":"rich","providerNameSlug":"center-for-eurasian-studies"} -->\n<figure class="wp-block-embed is-type-rich is-provider-center-for-eurasian-studies wp-block-embed-center-for-eurasian-studies"><div class="wp-block-embed__wrapper">\n${page('2026-36', 'tr')}\n</div></figure>\n<!-- /wp:embed -->`,
        },
      },
      { post: { title: 'Missing', content: `A commentary that does not exist:\n\n${page('no-such-commentary', 'en')}\n\nThe end.` } },
      { post: { title: 'Broken', content: `A commentary whose document is invalid:\n\n${page('broken', 'en')}\n` } },
    ])));
    [posts.classic, posts.blocks, posts.missing, posts.broken] = written.map((p) => p.url);

    browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
    stops.push(() => browser.close());
  }, { timeout: 120_000 });

  after(async () => {
    for (const stop of stops.reverse()) await stop().catch(() => {});
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  /** Opens a post; collects what the page and its frames say. */
  async function open(url) {
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    const page = await context.newPage();
    page.log = [];
    page.on('pageerror', (e) => page.log.push(`pageerror: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && page.log.push(`console: ${m.text()}`));
    // Every height message a frame posts, as the parent receives it.
    await page.addInitScript(() => {
      window.__heights = [];
      window.addEventListener('message', (e) => {
        if (e.data && (e.data.message === 'height' || e.data.type === 'commentary-embed:height')) window.__heights.push(e.data);
      });
    });
    const response = await page.goto(url, { waitUntil: 'load' });
    assert.ok(response.ok(), `${url}: ${response.status()}\n${wp.log()}`);
    page.closeAll = () => context.close();
    return page;
  }

  /** The frame of the embed page, and the widget's state inside it. */
  async function frameOf(page, lang) {
    const iframe = page.locator(`iframe.wp-embedded-content[src*="/${lang}/embed/"]`);
    await iframe.waitFor({ state: 'attached', timeout: 10_000 }).catch(async () => {
      throw new Error(`no embed frame in the post: ${await page.locator('.entry-content, .wp-block-post-content').first().innerHTML().catch(() => '?')}\n${wp.log()}`);
    });
    const handle = await iframe.elementHandle();
    const frame = await handle.contentFrame();
    assert.ok(frame, 'the frame has a document');
    return { iframe, frame };
  }

  async function widgetState(frame, timeout = RENDER_TIMEOUT_MS) {
    const handle = await frame.waitForFunction(() => {
      const root = document.querySelector('commentary-embed')?.shadowRoot;
      if (root?.querySelector('[part~="error"]')?.textContent.trim()) return 'error';
      if (root?.querySelector('[part~="title"]')?.textContent.trim()) return 'ready';
      return false;
    }, null, { timeout, polling: 50 });
    return handle.jsonValue();
  }

  /** Waits until the frame's height attribute equals what its page last reported (capped). */
  async function settledHeight(page, iframe) {
    let last;
    await waitFor('the frame height to follow the reports', async () => {
      const [attr, reported, secret] = await Promise.all([
        iframe.getAttribute('height'),
        page.evaluate(() => window.__heights.filter((h) => h.message === 'height').at(-1)?.value),
        iframe.getAttribute('data-secret'),
      ]);
      last = { attr, reported, secret };
      return reported !== undefined && Number(attr) === Math.min(1000, Math.max(200, reported));
    }, 10_000).catch((e) => {
      throw new Error(`${e.message}: ${JSON.stringify(last)}`);
    });
    return last;
  }

  test('classic editor: the pasted URL becomes the frame, the widget ready in it, the frame as tall as reported', { timeout: 60_000 }, async () => {
    const page = await open(posts.classic);
    try {
      const { iframe, frame } = await frameOf(page, 'en');
      // WordPress's own treatment of an untrusted provider, kept as we wrote it.
      assert.equal(await iframe.getAttribute('sandbox'), 'allow-scripts');
      assert.equal(await iframe.getAttribute('security'), 'restricted');
      const secret = await iframe.getAttribute('data-secret');
      assert.match(secret, /^[A-Za-z0-9]{10}$/);
      assert.ok((await iframe.getAttribute('src')).endsWith(`/c/2026-36/en/embed/#?secret=${secret}`));
      assert.equal(await widgetState(frame), 'ready', page.log.join('\n'));
      assert.equal(await frame.evaluate(() => document.querySelector('commentary-embed').shadowRoot.querySelector('[part~="title"]').textContent.length > 20), true);
      const { reported } = await settledHeight(page, iframe);
      // The seed is longer than 1000 px: WordPress caps the frame; the article scrolls inside.
      assert.ok(reported > 1000, `reported ${reported}`);
      assert.equal(Number(await iframe.getAttribute('height')), 1000);
      const box = await iframe.boundingBox();
      assert.ok(Math.abs(box.height - 1000) <= 1, `frame box ${box.height}`);
      assert.ok(await frame.evaluate(() => document.scrollingElement.scrollHeight > window.innerHeight), 'the article scrolls inside the frame');
      // Scrolled far down inside the frame, the language toggle is still in reach (sticky).
      const toggleTop = await frame.evaluate(() => {
        window.scrollTo(0, document.scrollingElement.scrollHeight / 2);
        return document.querySelector('commentary-embed').shadowRoot.querySelector('[part~="toolbar"]').getBoundingClientRect().top;
      });
      assert.ok(toggleTop >= 0 && toggleTop < 5, `the toggle sticks to the frame's top: ${toggleTop}`);
      await frame.evaluate(() => window.scrollTo(0, 0));
      // Both protocols, with the secret WordPress gave.
      const heights = await page.evaluate(() => window.__heights);
      assert.ok(heights.some((h) => h.message === 'height' && h.secret === secret));
      assert.ok(heights.some((h) => h.type === 'commentary-embed:height' && h.id === '2026-36' && h.lang === 'en' && h.height === reported));
      // The blockquote WordPress shows until the frame speaks is hidden, the frame shown.
      const quote = page.locator('blockquote.wp-embedded-content');
      assert.equal(await quote.count(), 1);
      assert.equal(await quote.isVisible(), false);
      assert.equal(await quote.locator('a').getAttribute('href'), `${cdn}/c/2026-36/en/`);
      assert.equal(await iframe.getAttribute('style'), null, 'the clip style is gone');
      assert.ok(await iframe.isVisible());
    } finally {
      await page.closeAll();
    }
  });

  test('block editor: the embed block becomes the frame; a language switch re-reports the height', { timeout: 60_000 }, async () => {
    const page = await open(posts.blocks);
    try {
      const { iframe, frame } = await frameOf(page, 'tr');
      assert.equal(await widgetState(frame), 'ready', page.log.join('\n'));
      await settledHeight(page, iframe);
      const before = await page.evaluate(() => window.__heights.length);
      await frame.locator('commentary-embed [part~="language-toggle"] button[lang="en"]').click();
      await frame.waitForFunction(() => document.querySelector('commentary-embed').shadowRoot.querySelector('[part~="language-toggle"] button[lang="en"]')?.getAttribute('aria-pressed') === 'true');
      // The generic message names the version now shown; WordPress's carries the new height.
      await waitFor('a height report after the switch', async () =>
        (await page.evaluate(() => window.__heights.filter((h) => h.type === 'commentary-embed:height' && h.lang === 'en').length)) > 0, 5_000);
      assert.ok((await page.evaluate(() => window.__heights.length)) > before);
      await settledHeight(page, iframe);
    } finally {
      await page.closeAll();
    }
  });

  test('a share attempt in the sandboxed frame does something visible', { timeout: 60_000 }, async () => {
    const page = await open(posts.classic);
    try {
      const { frame } = await frameOf(page, 'en');
      assert.equal(await widgetState(frame), 'ready');
      const popups = [];
      page.context().on('page', (p) => popups.push(p));
      await frame.locator('commentary-embed [part~="share"] a[data-network="x"]').click();
      // No popup may open from WordPress's sandbox: the frame says what to do instead.
      const notice = frame.locator('.ce-frame-notice');
      await notice.waitFor({ timeout: 5_000 });
      assert.equal(popups.length, 0);
      const field = notice.locator('input');
      assert.match(await field.inputValue(), /^https:\/\/x\.com\/intent\/post\?/);
      assert.equal(await notice.locator('a').getAttribute('href'), `${cdn}/c/2026-36/en/`);
    } finally {
      await page.closeAll();
    }
  });

  test('a pasted URL of a missing commentary stays as WordPress shows any URL it cannot embed, with no frame', { timeout: 60_000 }, async () => {
    const page = await open(posts.missing);
    try {
      const url = `${cdn}/c/no-such-commentary/en/`;
      assert.equal(await page.locator('iframe').count(), 0, 'no frame');
      assert.equal(await page.locator('blockquote.wp-embedded-content').count(), 0, 'no blockquote');
      // WordPress's autoembed leaves a URL it cannot embed as the paragraph's text (it does
      // not make it a link: WP_Embed::autoembed_callback turns `linkifunknown` off).
      const paragraph = page.locator('.wp-block-post-content p', { hasText: url });
      assert.equal(await paragraph.count(), 1, await page.content());
      assert.equal((await paragraph.textContent()).trim(), url);
    } finally {
      await page.closeAll();
    }
  });

  test('an embed page whose document is invalid shows the error part and the fallback link, and reports its height', { timeout: 60_000 }, async () => {
    const page = await open(posts.broken);
    try {
      const { iframe, frame } = await frameOf(page, 'en');
      assert.equal(await widgetState(frame), 'error');
      const fallback = frame.locator('commentary-embed > article a', { hasText: /./ }).last();
      assert.ok(await fallback.isVisible());
      const { reported } = await settledHeight(page, iframe);
      assert.ok(reported >= 200, `reported ${reported}`);
    } finally {
      await page.closeAll();
    }
  });

  test('with the plugin: the pasted URL and the shortcode show the in-page widget, ready', { timeout: 60_000 }, async () => {
    // Activated in one request, configured in the next (as on the Plugins and Settings
    // screens): the settings and their sanitising are registered on `init`.
    const [activated] = JSON.parse(wp.php(['run'], JSON.stringify([{ activate: 'commentary-embed/commentary-embed.php' }])));
    assert.equal(activated.active, true);
    const answers = JSON.parse(wp.php(['run'], JSON.stringify([
      { get: 'active_plugins' },
      { option: ['commentary_embed_widget_base', `${cdn}/embed/`] },
      // Sanitised: the missing `/` is added; a value that is no http(s) URL is refused.
      { option: ['commentary_embed_document_base', `${cdn}/c`] },
      { option: ['commentary_embed_widget_base', 'javascript:alert(1)'] },
      { get: 'commentary_embed_widget_base' },
      { get: 'commentary_embed_document_base' },
      { post: { title: 'Shortcode', content: `[commentary src="${cdn}/c/2026-36.json" lang="tr"]` } },
      { post: { title: 'Shortcode by id', content: `[commentary src="2026-36" lang="en" theme="dark" share-url="page"]` } },
    ])));
    assert.deepEqual(answers[0].value, ['commentary-embed/commentary-embed.php']);
    assert.deepEqual([answers[4].value, answers[5].value], [`${cdn}/embed/`, `${cdn}/c/`]);
    const [shortcode, byId] = answers.slice(6);
    for (const [url, lang] of [[posts.classic, 'en'], [shortcode.url, 'tr'], [byId.url, 'en']]) {
      const page = await open(url);
      try {
        assert.equal(await page.locator('iframe').count(), 0, 'no frame');
        const element = page.locator('commentary-embed');
        assert.equal(await element.count(), 1, await page.content());
        assert.equal(await element.getAttribute('src'), `${cdn}/c/2026-36.json`);
        assert.equal(await element.getAttribute('lang'), lang);
        assert.equal(await page.locator(`script[type="module"][src="${cdn}/embed/commentary-embed.js"]`).count(), 1);
        await page.waitForFunction(() => document.querySelector('commentary-embed')?.shadowRoot?.querySelector('[part~="title"]')?.textContent.trim(), null, { timeout: RENDER_TIMEOUT_MS });
        // The fallback link names the version by its title (from the publisher's oEmbed).
        assert.equal(await element.locator(':scope > a').getAttribute('href'), `${cdn}/c/2026-36/${lang}/`);
        assert.ok((await element.locator(':scope > a').textContent()).length > 20);
        if (url === byId.url) {
          assert.equal(await element.getAttribute('theme'), 'dark');
          assert.equal(await element.getAttribute('share-url'), 'page');
        }
      } finally {
        await page.closeAll();
      }
    }
    // A commentary the publisher does not have is left to WordPress: its usual plain URL.
    const page = await open(posts.missing);
    try {
      assert.equal(await page.locator('commentary-embed').count(), 0);
      assert.equal(await page.locator('iframe').count(), 0);
      assert.equal(await page.locator('.wp-block-post-content p', { hasText: `${cdn}/c/no-such-commentary/en/` }).count(), 1);
    } finally {
      await page.closeAll();
    }
  });

  test('our PHP (the plugin, the test\'s own files) logged no error, warning or notice', () => {
    const ours = wp.debugLog().split('\n').filter((line) => /commentary-embed|tests\/e2e\/wordpress|loopback\.php|wp-config\.php/.test(line));
    assert.deepEqual(ours, []);
  });
});
