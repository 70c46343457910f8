#!/usr/bin/env node
// The long fuzz run (`npm run fuzz [-- OPTIONS]`), not part of `npm test`: the generators of
// test/fuzz over every import kind (through DuckDB) and every parser (no DuckDB), in worker
// processes watched for crashes and hangs. Prints progress and a summary: inputs per kind,
// accepted, refused by reason, failures by class, max and mean time per input.
//
//   --inputs N         inputs in total (default 1000000)
//   --import-share F   share of them run through the importers (default 0.15; the rest are parser inputs)
//   --seconds S        stop handing out work after S seconds (default: no limit)
//   --seed N           (default: the time); the seed is printed and reproduces the run
//   --workers N        worker processes (default 2)
//   --kind K[,K...]    only these kinds (see --list)
//   --from I --count N replay inputs I..I+N-1 of each chosen kind (e.g. one reported failure)
//   --failures DIR     where failing inputs are written (default tmp/fuzz-failures)
//   --json FILE        also write the summary as JSON
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { register } from 'tsx/esm/api';

register();
const root = new URL('..', import.meta.url).pathname;
const { runFuzz, formatSummary } = await import(join(root, 'test/fuzz/runner.ts'));
const { IMPORT_KINDS } = await import(join(root, 'test/fuzz/kinds.ts'));
const { PURE_KINDS } = await import(join(root, 'test/fuzz/pure.ts'));

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const importers = IMPORT_KINDS.map((k) => k.name);
const parsers = PURE_KINDS.map((k) => k.name);
if (args.includes('--list') || args.includes('--help')) {
  console.log(`importer kinds: ${importers.join(', ')}\nparser kinds: ${parsers.join(', ')}\n(options: see the head of scripts/fuzz.mjs)`);
  process.exit(0);
}

const seed = Number(flag('seed', Date.now() % 2 ** 31));
const workers = Number(flag('workers', 2));
const seconds = flag('seconds');
const chosen = flag('kind') ? flag('kind').split(',') : [...importers, ...parsers];
for (const k of chosen) if (![...importers, ...parsers].includes(k)) throw new Error(`unknown kind ${k} (--list shows them)`);
const counts = {};
if (flag('count')) for (const k of chosen) counts[k] = Number(flag('count'));
else {
  const total = Number(flag('inputs', 1_000_000));
  const share = Number(flag('import-share', 0.15));
  const imp = chosen.filter((k) => importers.includes(k));
  const par = chosen.filter((k) => parsers.includes(k));
  // Rounded up, so the run is never short of the number asked for.
  for (const k of imp) counts[k] = Math.ceil((total * (par.length ? share : 1)) / imp.length);
  for (const k of par) counts[k] = Math.ceil((total * (imp.length ? 1 - share : 1)) / par.length);
}
const failuresDir = flag('failures', join(root, 'tmp/fuzz-failures'));
const planned = Object.values(counts).reduce((a, b) => a + b, 0);
console.log(`fuzz: seed ${seed}, ${planned.toLocaleString('en-US')} inputs over ${workers} workers${seconds ? `, at most ${seconds} s` : ''}; failing inputs go to ${failuresDir}`);

const t0 = Date.now();
// Ctrl-C (or SIGTERM) lets the running tasks finish and prints the summary of what ran.
const stop = new AbortController();
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => stop.abort());
const summary = await runFuzz({
  seed, counts, workers, from: Number(flag('from', 0)), failuresDir, signal: stop.signal,
  budgetMs: seconds ? Number(seconds) * 1000 : undefined,
  progressEveryMs: 30_000,
  onProgress: (p) => {
    const rate = p.done / Math.max(1, p.elapsedMs / 1000);
    console.log(`  ${new Date().toISOString().slice(11, 19)} ${p.done.toLocaleString('en-US')} of ${p.planned.toLocaleString('en-US')} inputs (${rate.toFixed(0)}/s), failures ${p.failures}, ${((Date.now() - t0) / 60000).toFixed(1)} min`);
  },
});
console.log('\n' + formatSummary(summary, { reasons: 8 }));
if (flag('json')) writeFileSync(flag('json'), JSON.stringify(summary, null, 2));
process.exit(summary.failures ? 1 : 0);
