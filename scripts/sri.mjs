#!/usr/bin/env node
// Subresource Integrity for the built widget: writes dist/sri.json ({ file: "sha384-…" }) for
// every file in dist/, and prints the SRI form of the embed snippet. Run by scripts/build.sh.
//   node scripts/sri.mjs [dist-dir] [public-base-url]
// The default base is the release's folder of the publishable tree (scripts/release.mjs).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crateVersion, releaseDir } from './release.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(root, process.argv[2] ?? 'dist');
const base = process.argv[3] ?? `https://cdn.example.org/embed/${releaseDir(crateVersion())}/`;

export function integrity(file) {
  return `sha384-${createHash('sha384').update(readFileSync(file)).digest('base64')}`;
}

const hashes = {};
for (const name of readdirSync(dist).sort()) {
  if (/\.(js|wasm|css)$/.test(name)) hashes[name] = integrity(path.join(dist, name));
}
writeFileSync(path.join(dist, 'sri.json'), `${JSON.stringify(hashes, null, 2)}\n`);
console.log(`wrote ${path.relative(root, path.join(dist, 'sri.json'))}; the pinned snippet:\n`);
console.log(`<script type="module" src="${base}commentary-embed.js"\n        integrity="${hashes['commentary-embed.js']}" crossorigin="anonymous"></script>`);
