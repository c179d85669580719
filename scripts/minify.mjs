#!/usr/bin/env node
// Trunk's post_build hook (Trunk.toml): minifies the files a partner's readers download, in
// release builds only, with esbuild from npm (package.json).
//   - the wasm-bindgen glue (Trunk's own JS minifier cannot parse it: `export default`),
//   - the loader commentary-embed.js (copied from public/ as it is),
//   - the embed pages' frame script commentary-frame.js (the same),
//   - the stylesheet.
// esbuild only renames local bindings: the glue's import object keys (which the .wasm imports by
// name) and the loader's custom element name, attributes and events are strings and stay as
// they are. Measured gain: about 4 KB brotli of 19 KB for JS + CSS (BENCHMARKS.md).
//
//   node scripts/minify.mjs [dir]   (default: $TRUNK_STAGING_DIR; a dev build is left alone)
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { transform } from 'esbuild';

const FILES = {
  'commentary-embed-widget.js': 'js',
  'commentary-embed.js': 'js',
  'commentary-frame.js': 'js',
  'commentary-embed.css': 'css',
};

async function main() {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  if (!dir) throw new Error('minify: give a folder or run as a Trunk hook');
  if (!process.argv[2] && process.env.TRUNK_PROFILE !== 'release') return;
  for (const [name, loader] of Object.entries(FILES)) {
    const file = path.join(dir, name);
    const source = await fs.readFile(file, 'utf8');
    // `target: es2022` keeps what the sources use (private fields, `??=`) and nothing newer.
    const { code } = await transform(source, { loader, minify: true, target: loader === 'js' ? 'es2022' : undefined, legalComments: 'none' });
    await fs.writeFile(file, code);
  }
}

main().catch((error) => {
  console.error(`${error.message ?? error}`);
  process.exit(1);
});
