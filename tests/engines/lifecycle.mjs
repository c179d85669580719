// The document's lifecycle through the public element (CONTRACTS §9, issue 17), in every engine:
// src changes, stalled and never-answered requests, failures that recover, late answers, aborts
// of superseded requests, moved elements, and one request for many widgets of one src. The
// faults come from the test server (scripts/serve.mjs, `/__faults/<mode>/<path>`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TEST_TIMEOUT, eventually, events, pageLog, waitForWidget } from './helpers.mjs';

/** The recorded events of element `id`, as `[type, detail]` pairs. */
async function eventsOf(env, id) {
  return (await events(env)).filter((e) => e.target === id).map((e) => [e.type, e.detail]);
}

const setSrc = (env, id, src) =>
  env.session.execute('document.getElementById(arguments[0]).setAttribute("src", arguments[1]); return true;', id, src);

/** Whether element `id` shows its fallback link: laid out, and (once the element has a shadow
 * root) assigned to a slot in it. */
const FALLBACK_SHOWN = `const host = document.getElementById(arguments[0]);
  const link = host.querySelector('a[href]');
  const box = link && link.getBoundingClientRect();
  return !!(link && (!host.shadowRoot || link.assignedSlot) && box.width > 0 && box.height > 0);`;

export function lifecycleTests(getEnv) {
  test('lifecycle: a good src after a missing one fires ready and no stale error; a new document in the same language fires ready again', { timeout: TEST_TIMEOUT }, async () => {
    const env = getEnv();
    await env.open('lifecycle.html');
    assert.equal(await waitForWidget(env, '#life'), 'ready', await pageLog(env));
    const seed = `${env.cdn}/c/2026-36.json`;
    const missing = `${env.cdn}/c/no-such-commentary.json`;
    const other = `${env.cdn}/fixtures/fixture-features.json`;

    await setSrc(env, 'life', missing);
    await eventually(env, 'return (window.__commentaryEvents ?? []).some((e) => e.type === "commentary-error")', 'the error of the missing src', { ms: 15_000 });
    assert.equal(await env.session.execute(FALLBACK_SHOWN, 'life'), true, 'the fallback shows beside the error');
    await setSrc(env, 'life', seed);
    await eventually(env, 'return (window.__commentaryEvents ?? []).filter((e) => e.type === "commentary-ready").length >= 2', 'ready again', { ms: 15_000 });
    // A new document in the same language (en): announced with its own id.
    await setSrc(env, 'life', other);
    await eventually(env, 'return (window.__commentaryEvents ?? []).filter((e) => e.type === "commentary-ready").length >= 3', 'ready for the new document', { ms: 15_000 });
    await new Promise((r) => setTimeout(r, 300));
    const seen = await eventsOf(env, 'life');
    assert.deepEqual(seen, [
      ['commentary-ready', { id: '2026-36', lang: 'en' }],
      ['commentary-error', { src: missing, message: `${missing} answered HTTP 404` }],
      ['commentary-ready', { id: '2026-36', lang: 'en' }],
      ['commentary-ready', { id: 'fixture-features', lang: 'en' }],
    ], `${env.name}: exactly one event per transition`);
  });

  test('lifecycle: a stalled body and an unanswered request end in the error part after two retries; a late answer still shows', { timeout: 120_000 }, async () => {
    const env = getEnv();
    await env.open('stalled.html');
    assert.equal(await env.session.execute(FALLBACK_SHOWN, 'stall'), true, 'the fallback shows while loading');
    assert.equal(await waitForWidget(env, '#late', 20_000), 'ready', `${env.name}: a 1.5 s answer renders${await pageLog(env)}`);
    // Three tries of 10 s each, with 0.4 s and 1.6 s between them.
    const outcome = { stall: await waitForWidget(env, '#stall', 60_000), hang: await waitForWidget(env, '#hang', 30_000) };
    assert.deepEqual(outcome, { stall: 'error', hang: 'error' });
    const errors = (await events(env, 'commentary-error')).map((e) => [e.target, e.detail.message]);
    const stallSrc = `${env.cdn}/__faults/stall/c/2026-36.json`;
    const hangSrc = `${env.cdn}/__faults/hang/c/2026-36.json`;
    assert.deepEqual(errors.sort(), [
      ['hang', `${hangSrc} did not answer within 10 s`],
      ['stall', `${stallSrc} stopped sending for 10 s`],
    ], `${env.name}: one error each, naming the stall`);
    for (const id of ['stall', 'hang']) {
      assert.equal(await env.session.execute(FALLBACK_SHOWN, id), true, `${id}: the fallback stays reachable`);
    }
    assert.equal(env.server.requests('/__faults/stall/c/2026-36.json'), 3, 'the stalled request was tried three times');
    assert.equal(env.server.requests('/__faults/hang/c/2026-36.json'), 3, 'the unanswered request was tried three times');
  });

  test('lifecycle: 500, 500, then 200 recovers without an error; a superseded request is aborted', { timeout: TEST_TIMEOUT }, async () => {
    const env = getEnv();
    await env.open('lifecycle.html');
    assert.equal(await waitForWidget(env, '#life'), 'ready', await pageLog(env));
    const key = `${env.engine}${Date.now()}`;
    await setSrc(env, 'life', `${env.cdn}/__faults/fail-2-${key}/c/2026-36.json`);
    await eventually(env, 'return (window.__commentaryEvents ?? []).filter((e) => e.type === "commentary-ready").length >= 2', 'ready after two retries', { ms: 15_000 });
    assert.equal((await events(env, 'commentary-error')).length, 0, 'no error on the way');
    assert.equal(env.server.requests(`/__faults/fail-2-${key}/c/2026-36.json`), 3);

    const hang = `/__faults/hang/c/2026-36.json?${key}`;
    await setSrc(env, 'life', `${env.cdn}${hang}`);
    await eventually(env, 'return true', 'a tick');
    await new Promise((r) => setTimeout(r, 500));
    await setSrc(env, 'life', `${env.cdn}/c/2026-36.json`);
    await eventually(env, 'return (window.__commentaryEvents ?? []).filter((e) => e.type === "commentary-ready").length >= 3', 'ready on the replacing src', { ms: 15_000 });
    const pathname = '/__faults/hang/c/2026-36.json';
    const deadline = Date.now() + 5_000;
    while (env.server.dropped(pathname) < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.ok(env.server.dropped(pathname) >= 1, `${env.name}: the superseded request was aborted`);
    assert.equal((await events(env, 'commentary-error')).length, 0, 'the aborted request reports nothing');
  });

  test('lifecycle: a shown lazy widget moved far below the fold shows its fallback, then renders when the reader comes near', { timeout: TEST_TIMEOUT }, async () => {
    const env = getEnv();
    await env.open('lifecycle.html');
    // A default (lazy) widget: the page drops `loading="eager"` and re-adds the element.
    await env.session.execute(`const el = document.getElementById('life');
      el.remove(); el.removeAttribute('loading'); document.body.insertBefore(el, document.getElementById('spacer')); return true;`);
    assert.equal(await waitForWidget(env, '#life'), 'ready', await pageLog(env));
    const before = (await events(env, 'commentary-ready')).length;
    await env.session.execute('document.getElementById("far").append(document.getElementById("life")); return true;');
    await eventually(env, FALLBACK_SHOWN, `${env.name}: the moved element shows its fallback, not an empty root`, { args: ['life'], ms: 3_000 });
    assert.equal(await env.session.execute('return !!document.getElementById("life").shadowRoot'), true, 'it keeps its shadow root');
    const slotted = await env.session.execute('const root = document.getElementById("life").shadowRoot; return { slots: root.querySelectorAll("slot").length, title: !!root.querySelector("[part~=title]") };');
    assert.deepEqual(slotted, { slots: 1, title: false });
    await env.session.execute('document.getElementById("life").scrollIntoView(); return true;');
    assert.equal(await waitForWidget(env, '#life'), 'ready');
    await eventually(env, 'return (window.__commentaryEvents ?? []).filter((e) => e.type === "commentary-ready").length > arguments[0]', 'ready again after the move', { args: [before], ms: 10_000 });
  });

  test('many widgets of one src make one document request', { timeout: TEST_TIMEOUT }, async () => {
    const env = getEnv();
    const paths = ['/c/2026-36.json', '/fixtures/fixture-features.json'];
    const before = paths.map((p) => env.server.requests(p));
    await env.open('fifty.html');
    await eventually(env, 'return [...document.querySelectorAll("commentary-embed")].every((e) => e.shadowRoot?.querySelector("[part~=title]"))', 'all fifty ready', { ms: 30_000 });
    const widgets = await env.session.execute('return document.querySelectorAll("commentary-embed").length');
    assert.ok(widgets >= 50, `${widgets} widgets`);
    assert.deepEqual(paths.map((p, i) => env.server.requests(p) - before[i]), [1, 1], `${env.name}: one request per document for ${widgets} widgets`);
  });
}
