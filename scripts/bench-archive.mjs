#!/usr/bin/env node
// The CLI on a synthetic archive (scripts/archive.mjs): cold, no-op and one-change builds and
// `check`, for 200 and 2,000 commentaries, each timed several times with its peak RSS
// (/usr/bin/time); medians and ranges written to BENCHMARKS.md between the bench-archive
// markers (the section is appended the first time). Run through scripts/bench-archive.sh,
// which builds the release CLI first.
//
//   node scripts/bench-archive.mjs [--sizes 200,2000] [--runs 3] [--no-write]
//
// Speeds are reported, never asserted.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeArchive } from './archive.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'target/release/commentary');
const TIME = '/usr/bin/time';
const BEGIN = '<!-- bench-archive:begin (written by scripts/bench-archive.mjs; edit outside the markers) -->';
const END = '<!-- bench-archive:end -->';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const sizes = option('--sizes', '200,2000').split(',').map(Number);
const runs = Number(option('--runs', '3'));
const write = !args.includes('--no-write');

for (const tool of [CLI, TIME]) {
  if (!existsSync(tool)) {
    console.error(`${tool} is missing (scripts/bench-archive.sh builds the CLI; /usr/bin/time is Debian's \`time\` package)`);
    process.exit(1);
  }
}

/** One timed run: { seconds, rssKiB, status, stderr }. */
function timed(cliArgs, env) {
  const load = os.loadavg()[0];
  const r = spawnSync(TIME, ['-f', '@@time %e %M %U %S', CLI, ...cliArgs], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const m = r.stderr.match(/@@time ([\d.]+) (\d+) ([\d.]+) ([\d.]+)/);
  if (!m) throw new Error(`no timing from /usr/bin/time: ${r.stderr.slice(-500)}`);
  const cpu = Number(m[3]) + Number(m[4]);
  return { seconds: Number(m[1]), rssKiB: Number(m[2]), cpu, load, status: r.status, stderr: r.stderr, stdout: r.stdout };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const range = (xs) => [Math.min(...xs), Math.max(...xs)];

function summarize(name, n, samples) {
  const secs = samples.map((s) => s.seconds);
  const rss = samples.map((s) => s.rssKiB);
  const cpu = samples.map((s) => s.cpu ?? NaN);
  const load = samples.map((s) => s.load ?? NaN);
  return { name, n, runs: samples.length, median: median(secs), range: range(secs), rss: median(rss), rssRange: range(rss), cpu: median(cpu), load: median(load) };
}

/** Seconds from each of five saves of `file` to the watch's next build number. */
async function watchLatency(content, out, file, original, env) {
  const stamp = path.join(out, '.watch.json');
  const build = () => {
    try {
      return JSON.parse(readFileSync(stamp, 'utf8')).build;
    } catch {
      return 0;
    }
  };
  const child = spawn(CLI, ['watch', content, out], { env: { ...process.env, ...env }, stdio: 'ignore' });
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  try {
    while (build() < 1) await sleep(50);
    const samples = [];
    for (let i = 0; i < 5; i += 1) {
      await sleep(600);
      const before = build();
      const start = process.hrtime.bigint();
      writeFileSync(file, original.replace(/^title = "/m, `title = "Watch ${i}: `));
      while (build() === before) await sleep(5);
      samples.push({ seconds: Number(process.hrtime.bigint() - start) / 1e9, rssKiB: NaN, load: os.loadavg()[0] });
    }
    writeFileSync(file, original);
    return samples;
  } finally {
    child.kill();
    discard(out);
  }
}

const work = mkdtempSync(path.join(os.tmpdir(), 'commentary-bench-archive-'));
// Outputs of earlier runs are moved here and deleted only after the last timing. On ext4
// without a journal (this VM's root), allocating an inode skips, one by one, every inode of its
// group freed in the last minute (five, if its table block is still dirty): a cold build right
// after `rm -rf` of the previous run's 23,000 files and folders spent up to 9 s more in the
// kernel, and its wall time nearly doubled. A cold build of a fresh checkout does not pay that.
const trash = path.join(work, 'trash');
mkdirSync(trash);
let discarded = 0;
const discard = (p) => {
  if (existsSync(p)) renameSync(p, path.join(trash, String((discarded += 1))));
};
const results = [];
try {
  for (const n of sizes) {
    const content = path.join(work, `content-${n}`);
    const out = path.join(work, `out-${n}`);
    const cache = path.join(work, `cache-${n}`);
    const env = { COMMENTARY_CACHE_DIR: cache };
    writeArchive(n, content);
    console.error(`archive of ${n}: ${execFileSync('du', ['-sh', content], { encoding: 'utf8' }).split('\t')[0]}`);

    const cold = [];
    for (let i = 0; i < runs; i += 1) {
      discard(out);
      discard(cache);
      const r = timed(['build', content, out], env);
      if (r.status !== 0) throw new Error(`cold build failed:\n${r.stderr.slice(-2000)}`);
      cold.push(r);
      console.error(`  cold build ${i + 1}: ${r.seconds} s, ${r.rssKiB} KiB`);
    }
    results.push(summarize('cold build', n, cold));

    const noop = [];
    for (let i = 0; i < Math.max(runs, 5); i += 1) {
      const r = timed(['build', content, out], env);
      if (r.status !== 0 || r.stdout !== '') throw new Error(`no-op build wrote something:\n${r.stdout.slice(0, 500)}`);
      noop.push(r);
    }
    results.push(summarize('no-op build', n, noop));
    console.error(`  no-op: median ${median(noop.map((r) => r.seconds))} s`);

    const one = [];
    // The first commentary (the seed's copy): every one has an en.md.
    const first = path.join(content, readdirSync(content).sort()[0], 'en.md');
    const original = readFileSync(first, 'utf8');
    for (let i = 0; i < Math.max(runs, 5); i += 1) {
      writeFileSync(first, original.replace(/^title = "/m, `title = "Edit ${i}: `));
      const r = timed(['build', content, out], env);
      const written = r.stdout.split('\n').filter(Boolean).length;
      if (r.status !== 0 || written !== 1) throw new Error(`one change rebuilt ${written}:\n${r.stderr.slice(-500)}`);
      one.push(r);
    }
    writeFileSync(first, original);
    results.push(summarize('one change', n, one));
    console.error(`  one change: median ${median(one.map((r) => r.seconds))} s`);

    const check = [];
    for (let i = 0; i < runs; i += 1) {
      const r = timed(['check', content], env);
      if (r.status !== 0) throw new Error(`check failed:\n${r.stderr.slice(-2000)}`);
      check.push(r);
    }
    results.push(summarize('check', n, check));
    console.error(`  check: median ${median(check.map((r) => r.seconds))} s`);
    // watch: from a save to the rebuilt output (the build number the pages poll changing).
    const saves = await watchLatency(content, path.join(work, `watch-${n}`), first, original, env);
    results.push({ ...summarize('watch: save to rebuilt', n, saves), rss: NaN, rssRange: [NaN, NaN] });
    console.error(`  watch: median ${median(saves.map((r) => r.seconds))} s`);
    discard(out);
    discard(content);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

function machine() {
  const cpu = os.cpus();
  const sh = (cmd, a) => {
    try {
      return execFileSync(cmd, a, { encoding: 'utf8' }).trim();
    } catch {
      return '?';
    }
  };
  return [
    `- CPU: ${cpu[0]?.model ?? '?'}, ${cpu.length} logical cores (\`nproc\`: ${sh('nproc', [])}); shared with other sessions while measured (see the load average column: above 2, other work had the cores)`,
    `- memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB; kernel ${os.release()}; ${sh('rustc', ['--version'])}`,
    `- commit ${sh('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD'])}; release CLI (\`cargo build --locked --release\`)`,
  ].join('\n');
}

const fmt = (s) => (s < 10 ? s.toFixed(2) : s.toFixed(1));
const rows = results.map((r) => {
  const perCommentary = r.name === 'cold build' || r.name === 'check';
  const perSecond = perCommentary ? `${Math.round(r.n / r.median)}/s` : '';
  const cpuEach = perCommentary && !Number.isNaN(r.cpu) ? `${((r.cpu / r.n) * 1000).toFixed(1)} ms` : '';
  const rss = Number.isNaN(r.rss) ? '' : `${(r.rss / 1024).toFixed(1)} MiB (${(r.rssRange[0] / 1024).toFixed(1)}–${(r.rssRange[1] / 1024).toFixed(1)})`;
  const cpu = Number.isNaN(r.cpu) ? '' : `${fmt(r.cpu)} s`;
  return `| ${r.n.toLocaleString('en')} | ${r.name} | ${fmt(r.median)} s | ${fmt(r.range[0])}–${fmt(r.range[1])} s | ${perSecond} | ${cpu} | ${cpuEach} | ${rss} | ${r.load.toFixed(1)} | ${r.runs} |`;
});
const section = [
  BEGIN,
  `## Latest archive run: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`,
  '',
  machine(),
  '',
  '| commentaries | what | median (wall) | range | commentaries a second | CPU (user + sys), median | CPU per commentary | peak RSS, median (range) | load average at start | runs |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ...rows,
  END,
].join('\n');
console.log(section);

if (write) {
  const file = path.join(ROOT, 'BENCHMARKS.md');
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  const next =
    at >= 0 && end > at
      ? text.slice(0, at) + section + text.slice(end + END.length)
      : `${text.trimEnd()}\n\n# The CLI on an archive\n\n\`scripts/bench-archive.sh\` builds the release CLI, generates a synthetic archive with\n\`scripts/archive.mjs\` (the seed and the two test fixtures, 2 or 3 languages each, bodies\nrepeated 1 to 4 times, footnotes and all) and times \`commentary build\` cold (empty out-dir\nand stamp cache), with nothing changed (no-op), after one file changed, and \`commentary\ncheck\`, with \`/usr/bin/time\` for the peak resident memory. The section between the markers\nis rewritten by every run. Speeds are reported here, never asserted by a test.\n\n${section}\n`;
  writeFileSync(file, next);
  console.error(`BENCHMARKS.md: section written`);
}
