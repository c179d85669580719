#!/usr/bin/env node
// Trunk's post_build hook (Trunk.toml), with esbuild from npm (package.json). In every profile:
//   - bundles the stylesheet: styles/commentary-embed.css is a manifest of `@import`s, one file per
//     concern (tokens, controls, article, notes, …); esbuild inlines them in that order into the
//     one commentary-embed.css beside the loader, the file partners get (the loader links it by
//     that name). Trunk's `rel="css"` in index.html only copies the manifest; this replaces it.
//     Why a bundler rather than a pre_build hook concatenating styles/*.css into a generated file:
//     the order stays written in CSS, in the manifest, instead of in a script; nothing generated
//     lands in the source tree for `trunk watch` to see and rebuild on; and a file under styles/
//     that the widget does not use (the article pages' CSS) is not swept in.
// In release builds only, minifies the files a partner's readers download:
//   - the wasm-bindgen glue (Trunk's own JS minifier cannot parse it: `export default`),
//   - the loader commentary-embed.js (copied from public/ as it is),
//   - the embed pages' frame script commentary-frame.js (the same),
//   - the stylesheet (bundled minified).
// esbuild only renames local bindings: the glue's import object keys (which the .wasm imports by
// name) and the loader's custom element name, attributes and events are strings and stay as
// they are. Measured gain: about 4 KB brotli of 19 KB for JS + CSS (docs/sizes.md).
//
//   node scripts/minify.mjs [dir]   (default: $TRUNK_STAGING_DIR; a dev build gets the bundle only;
//                                    with a dir, minifies it as a release build does)
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transform } from 'esbuild';

const STYLESHEET = 'commentary-embed.css';
const MANIFEST = fileURLToPath(new URL(`../styles/${STYLESHEET}`, import.meta.url));
const SCRIPTS = ['commentary-embed-widget.js', 'commentary-embed.js', 'commentary-frame.js'];

async function main() {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  if (!dir) throw new Error('minify: give a folder or run as a Trunk hook');
  const release = Boolean(process.argv[2]) || process.env.TRUNK_PROFILE === 'release';
  // `target` left out: the CSS stays as written (light-dark(), nesting of @media), nothing lowered.
  const { outputFiles } = await build({
    entryPoints: [MANIFEST],
    bundle: true,
    write: false,
    minify: release,
    legalComments: 'none',
    logLevel: 'silent',
  });
  await fs.writeFile(path.join(dir, STYLESHEET), outputFiles[0].text);
  if (!release) return;
  for (const name of SCRIPTS) {
    const file = path.join(dir, name);
    const source = await fs.readFile(file, 'utf8');
    // `target: es2022` keeps what the sources use (private fields, `??=`) and nothing newer.
    const { code } = await transform(source, { loader: 'js', minify: true, target: 'es2022', legalComments: 'none' });
    await fs.writeFile(file, code);
  }
}

main().catch((error) => {
  console.error(`${error.message ?? error}`);
  process.exit(1);
});
