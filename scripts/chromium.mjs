// Debian's Chromium as every script and test here starts it: the binary, and the flags measured in
// ../shared/TOOLCHAIN.md for a root user on a closed network. Playwright (tests/e2e/, the
// benchmark) adds --headless and a fresh --user-data-dir itself; the WebDriver suite
// (tests/engines/) adds --headless; Lighthouse's launcher a fresh profile.

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]);
