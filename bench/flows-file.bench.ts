/**
 * File to result: `talentflow fit gravity --flows FILE --json` on N regions (default 3,000, so
 * N(N-1) = 8,997,000 pairs), doubly constrained, power decay, timed end to end as a user runs it
 * (process start, reading the CSV, the fit, the JSON on stdout), with its peak resident memory.
 * Then the reader alone (readCodedColumns, in this process). Beside them, in the same run, base R
 * reading the same file with read.csv (the peer: R users' first step) and, when R has fixest,
 * fepois fitting the same model (fit time alone). CPU seconds are printed too: on a shared
 * machine they move less than wall time.
 * Targets (issue 14): <= 10 s and <= 2 GB; less than fixest's fit time alone.
 *
 *   npm run bench -- flows-file [N]        (npm run bench -- flows-file 1000 for a quick run)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { readCodedColumns } from '../src/store/read-columns.ts';

const N = Number(process.argv[2] ?? 3000);
const root = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'talentflow-bench-flows-file-'));
const csv = join(dir, 'flows.csv');

/**
 * Runs a command under GNU time: wall seconds, CPU seconds (user + system: on a shared machine
 * the steadier figure), peak resident memory (MiB) and stdout.
 */
function timed(cmd: string, args: string[]): { seconds: number; cpu: number; mib: number; stdout: string } {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', cmd, ...args], { encoding: 'utf8', cwd: root, maxBuffer: 1 << 30, env: { ...process.env, TZ: 'UTC' } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr.slice(-2000)}`);
  const [seconds, user, system, kb] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { seconds, cpu: user + system, mib: kb / 1024, stdout: r.stdout };
}

try {
  // Regions on a 3,000 km square, Poisson flows from a gravity law (true distance exponent
  // -1.2), rows in a shuffled order, region codes as text: a file as users have them.
  const gen = await (await DuckDBInstance.create(':memory:')).connect();
  await gen.run(`COPY (
    WITH r AS (SELECT i, 'R' || lpad(i::VARCHAR, 5, '0') AS code, (hash(i, 1) % 3000000) / 1000.0 AS x, (hash(i, 2) % 3000000) / 1000.0 AS y,
                      11 + (hash(i, 3) % 4000) / 1000.0 AS lp FROM range(${N}) t(i)),
         p AS (SELECT a.code AS origin, b.code AS destination, sqrt((a.x - b.x) ^ 2 + (a.y - b.y) ^ 2) + 1 AS dist,
                      exp(-6 + 0.5 * a.lp + 0.6 * b.lp - 1.2 * ln(sqrt((a.x - b.x) ^ 2 + (a.y - b.y) ^ 2) + 1)) AS mu, hash(a.i, b.i) AS h
               FROM r a, r b WHERE a.i <> b.i)
    SELECT origin, destination, round(dist, 3) AS dist, round(mu * (0.5 + (h % 1000) / 1000.0)) AS flow FROM p ORDER BY h) TO '${csv}' (HEADER)`);
  const mb = statSync(csv).size / 1e6;
  console.log(`file: N = ${N}, ${(N * (N - 1)).toLocaleString('en-US')} rows, ${mb.toFixed(0)} MB`);

  const ours = timed(process.execPath, [join(root, 'bin', 'talentflow.mjs'), 'fit', 'gravity', '--flows', csv, '--origin', 'origin', '--destination', 'destination',
    '--flow', 'flow', '--cost', 'dist', '--constraint', 'doubly', '--decay', 'power', '--json']);
  const result = JSON.parse(ours.stdout) as { coefficients: Record<string, number>; fitSeconds: number; nobs?: number };
  console.log(`talentflow fit gravity --flows (end to end): ${ours.seconds.toFixed(2)} s (CPU ${ours.cpu.toFixed(2)} s), peak ${ours.mib.toFixed(0)} MiB; of which the fit ${result.fitSeconds.toFixed(2)} s; beta(dist) ${result.coefficients.dist.toFixed(6)}`);

  // The reader alone, in this process: the like-for-like peer of read.csv (file to columns).
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const cols = await readCodedColumns(csv, { codes: [['origin', 'destination']], numeric: ['flow', 'dist'] });
  const readSeconds = (performance.now() - t0) / 1000;
  const readCpu = process.cpuUsage(c0);
  console.log(`talentflow readCodedColumns alone: ${readSeconds.toFixed(2)} s (CPU ${((readCpu.user + readCpu.system) / 1e6).toFixed(2)} s), ${cols.rows.toLocaleString('en-US')} rows, ${cols.levels.origin.length} regions`);

  const hasR = spawnSync('Rscript', ['--version']).status === 0;
  if (!hasR) console.log('peer: Rscript not found (apt-get install -y r-base-core): no R figures');
  else {
    const script = join(dir, 'peer.R');
    writeFileSync(script, `f <- commandArgs(TRUE)[1]
t <- system.time(d <- read.csv(f))[["elapsed"]]
cat(sprintf("read %.3f\\n", t))
if (requireNamespace("fixest", quietly = TRUE)) {
  tf <- system.time(m <- fixest::fepois(flow ~ log(dist) | origin + destination, d, nthreads = 1))[["elapsed"]]
  cat(sprintf("fixest %.3f %.9f\\n", tf, coef(m)[["log(dist)"]]))
}
`);
    const r = timed('Rscript', [script, csv]);
    const read = Number(/read ([\d.]+)/.exec(r.stdout)![1]);
    console.log(`peer: R read.csv: ${read.toFixed(2)} s (R process ${r.seconds.toFixed(2)} s, CPU ${r.cpu.toFixed(2)} s, peak ${r.mib.toFixed(0)} MiB)`);
    console.log(`ratio talentflow end to end / R read.csv alone: ${(ours.seconds / read).toFixed(2)}x; reader alone / read.csv: ${(readSeconds / read).toFixed(2)}x`);
    const fx = /fixest ([\d.]+) ([-\d.]+)/.exec(r.stdout);
    if (fx) console.log(`peer: fixest fepois fit alone ${Number(fx[1]).toFixed(2)} s (beta ${Number(fx[2]).toFixed(6)}); ratio talentflow end to end / fixest fit: ${(ours.seconds / Number(fx[1])).toFixed(2)}x`);
    else console.log('peer: fixest not installed (see bench/README or ../shared/STACK.md to build it from source): no fixest figure');
  }
  console.log(`targets: <= 10 s (${ours.seconds <= 10 ? 'met' : 'missed'}), <= 2048 MiB (${ours.mib <= 2048 ? 'met' : 'missed'})`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
