#!/usr/bin/env node
// The publishable tree: what a publisher copies to a static host or CDN (DEPLOYMENT.md).
// Run by scripts/build.sh after the widget and the documents are built.
//
//   node scripts/release.mjs [--base https://cdn.example.org/]
//
// Writes build/site/ afresh (built beside it, then renamed into place) from dist/ and
// build/content/:
//
//   embed/v<version>/            one release, never changed once published: the files of
//                                dist/sri.json (loader, glue, wasm, stylesheet) and sri.json
//   embed/commentary-embed.js    the moving loader: one line importing v<version>/'s loader, so
//                                that everything it loads comes from one release
//   embed/commentary-frame.js    the embed pages' frame script, moving the same way
//   c/                           build/content/ as built: <id>.json and the article pages
//
// and, beside every .js, .css, .wasm, .json and .html file, a gzip (-9) and a brotli (-q 11) copy
// (`.gz`, `.br`) for servers that send precompressed files (nginx gzip_static, brotli_static).
// <version> is the `version` of Cargo.toml's [package]; it is written nowhere else. Prints the
// pinned snippet (with `--base`, the site's public URL, default https://cdn.example.org/).
//
// As a library: `crateVersion()`, `SITE_DIR`, `releaseDir(version)`, `writeSite(options)`.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SITE_DIR = path.join(ROOT, 'build/site');
export const LOADER = 'commentary-embed.js';
/** The embed pages' frame script (public/commentary-frame.js). */
export const FRAME = 'commentary-frame.js';

/** The `version` of the `[package]` section of Cargo.toml: the one place it is written. */
export function crateVersion(cargoToml = path.join(ROOT, 'Cargo.toml')) {
  const text = readFileSync(cargoToml, 'utf8');
  const section = /^\[package\][^\n]*\n([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(text)?.[1] ?? '';
  const version = /^version\s*=\s*"([^"]+)"/m.exec(section)?.[1];
  if (!version || !/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/.test(version)) {
    throw new Error(`${path.relative(ROOT, cargoToml)}: no semver \`version\` in [package]`);
  }
  return version;
}

/** The directory name of one release under embed/: `v` and the crate version. */
export function releaseDir(version = crateVersion()) {
  return `v${version}`;
}

const COMPRESSIBLE = /\.(js|css|wasm|json|html)$/;

function compress(file) {
  const body = readFileSync(file);
  const gz = gzipSync(body, { level: 9 });
  const br = brotliCompressSync(body, {
    params: {
      [zlib.BROTLI_PARAM_QUALITY]: 11,
      [zlib.BROTLI_PARAM_SIZE_HINT]: body.length,
      [zlib.BROTLI_PARAM_MODE]: file.endsWith('.wasm') ? zlib.BROTLI_MODE_GENERIC : zlib.BROTLI_MODE_TEXT,
    },
  });
  // A server sends the smallest of the copies it finds; one that saves nothing is left out.
  if (gz.length < body.length) writeFileSync(`${file}.gz`, gz);
  if (br.length < body.length) writeFileSync(`${file}.br`, br);
}

function copyTree(from, to) {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) copyTree(source, target);
    else if (entry.isFile() && !/\.(gz|br)$/.test(entry.name)) copyFileSync(source, target);
  }
}

function compressTree(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) compressTree(file);
    else if (COMPRESSIBLE.test(entry.name)) compress(file);
  }
}

/**
 * Writes the tree; returns what it wrote.
 * @param {{ dist?: string, content?: string, site?: string, version?: string }} [options]
 */
export function writeSite({
  dist = path.join(ROOT, 'dist'),
  content = path.join(ROOT, 'build/content'),
  site = SITE_DIR,
  version = crateVersion(),
} = {}) {
  const sriFile = path.join(dist, 'sri.json');
  if (!existsSync(sriFile)) throw new Error(`${path.relative(ROOT, sriFile)} is missing: run node scripts/sri.mjs first`);
  const hashes = JSON.parse(readFileSync(sriFile, 'utf8'));
  if (!hashes[LOADER]) throw new Error(`${path.relative(ROOT, sriFile)} does not hash ${LOADER}`);

  const tmp = `${site}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  const release = releaseDir(version);
  const releasePath = path.join(tmp, 'embed', release);
  mkdirSync(releasePath, { recursive: true });

  // The release: exactly the files sri.json hashes (checked again here), and sri.json itself.
  for (const [name, hash] of Object.entries(hashes)) {
    const body = readFileSync(path.join(dist, name));
    const actual = `sha384-${createHash('sha384').update(body).digest('base64')}`;
    if (actual !== hash) throw new Error(`dist/${name} does not match dist/sri.json: run node scripts/sri.mjs`);
    writeFileSync(path.join(releasePath, name), body);
  }
  copyFileSync(sriFile, path.join(releasePath, 'sri.json'));

  // The moving loader. A static import keeps import.meta.url of the release's loader pointing
  // into the release, so its glue, wasm and stylesheet always come from one version.
  writeFileSync(
    path.join(tmp, 'embed', LOADER),
    `// commentary-embed, latest release (${version}). Pin a release with ./${release}/${LOADER} and sri.json.\nimport "./${release}/${LOADER}";\n`,
  );

  // The embed pages' frame script, moving the same way (embed pages load it beside the loader).
  if (hashes[FRAME]) {
    writeFileSync(
      path.join(tmp, 'embed', FRAME),
      `// commentary-embed's frame script, latest release (${version}).\nimport "./${release}/${FRAME}";\n`,
    );
  }

  if (existsSync(content)) copyTree(content, path.join(tmp, 'c'));
  compressTree(tmp);

  rmSync(site, { recursive: true, force: true });
  renameSync(tmp, site);
  const documents = existsSync(path.join(site, 'c')) ? readdirSync(path.join(site, 'c')).filter((n) => n.endsWith('.json')) : [];
  return { site, version, release, loaderIntegrity: hashes[LOADER], documents };
}

/** The snippet a partner pastes to pin this release. */
export function pinnedSnippet({ base, release, loaderIntegrity, document = 'c/2026-36.json' }) {
  const root = base.endsWith('/') ? base : `${base}/`;
  return `<script type="module" src="${root}embed/${release}/${LOADER}"
        integrity="${loaderIntegrity}" crossorigin="anonymous"></script>

<commentary-embed src="${root}${document}" lang="en">…fallback link…</commentary-embed>`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  let base = 'https://cdn.example.org/';
  for (let i = 0; i < args.length; i += 1) {
    const [flag, inline] = args[i].split('=', 2);
    if (flag === '--base') base = inline ?? args[++i];
    else {
      console.error(`usage: node scripts/release.mjs [--base <public URL of the site>]`);
      process.exit(2);
    }
  }
  try {
    const written = writeSite();
    const size = (dir) => readdirSync(dir).filter((n) => !/\.(gz|br)$/.test(n)).length;
    console.log(
      `${path.relative(ROOT, written.site)}/: embed/${written.release}/ (${size(path.join(written.site, 'embed', written.release))} files, pinned), ` +
        `embed/${LOADER} (latest), c/ (${written.documents.length} document${written.documents.length === 1 ? '' : 's'}); the pinned snippet:\n`,
    );
    console.log(pinnedSnippet({ base, ...written }));
  } catch (err) {
    console.error(`release: ${err.message}`);
    process.exit(1);
  }
}
