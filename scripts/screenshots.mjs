#!/usr/bin/env node
// Screenshots of the demo partner page, to look at before resolving UI work:
//   screenshots/desktop-light.png          1280×900, light
//   screenshots/desktop-dark-note.png      1280×900, dark system theme, note 1 open
//   screenshots/phone-sheet.png            375×667 touch, note 1 open as a bottom sheet
//   screenshots/phone-landscape-sheet.png  667×375 touch, note 2 open
// Needs the build (scripts/build.sh). The folder is git-ignored.
//   node scripts/screenshots.mjs

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, startServer } from './serve.mjs';

const out = path.join(ROOT, 'screenshots');
await mkdir(out, { recursive: true });
const server = await startServer({ host: '127.0.0.1', port: 0 });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

async function shot(name, context, note) {
  const ctx = await browser.newContext(context);
  const page = await ctx.newPage();
  await page.goto(server.url);
  const ref = page.locator('commentary-embed [part~="footnote-ref"]');
  await ref.first().waitFor({ timeout: 20_000 });
  if (note !== undefined) {
    await ref.nth(note).scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, context.viewport.height / 3);
    await (context.hasTouch ? ref.nth(note).tap() : ref.nth(note).click());
    await page.locator('commentary-embed [part~="footnote-popover"]').waitFor();
    await page.waitForTimeout(250);
  }
  await page.screenshot({ path: path.join(out, name) });
  console.log(`wrote screenshots/${name}`);
  await ctx.close();
}

try {
  await shot('desktop-light.png', { viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
  await shot('desktop-dark-note.png', { viewport: { width: 1280, height: 900 }, colorScheme: 'dark' }, 0);
  await shot('phone-sheet.png', { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 }, 0);
  await shot('phone-landscape-sheet.png', { viewport: { width: 667, height: 375 }, hasTouch: true, isMobile: true }, 1);
} finally {
  await browser.close();
  await server.close();
}
