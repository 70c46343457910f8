/**
 * Import speed: a long flow CSV of ROWS rows (default 10 million; N = ceil(sqrt(ROWS)) regions,
 * every ordered pair once) imported by talentflow (staging, validation, region matching,
 * duplicate and overlap checks, transactional insert), next to DuckDB's own read_csv of the same
 * file into a table in the same process: the practical limit. Prints rows per second, the ratio
 * and the peak resident memory of the process.
 *
 *   npm run bench -- import            (ROWS=2000000 npm run bench -- import for a quick run)
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { closeWorkspace, importFlows, importRegions, openWorkspace } from '../src/store/index.ts';

const ROWS = Number(process.env.ROWS ?? 10_000_000);
const N = Math.ceil(Math.sqrt(ROWS));
const dir = mkdtempSync(join(tmpdir(), 'talentflow-bench-'));
const csv = join(dir, 'flows.csv');

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);

try {
  const regions = join(dir, 'regions.csv');
  writeFileSync(regions, 'code,name_en,level\n' + Array.from({ length: N }, (_, i) => `R${String(i).padStart(5, '0')},Region ${i},city`).join('\n') + '\n');
  const gen = await (await DuckDBInstance.create(':memory:')).connect();
  await gen.run(
    `COPY (SELECT 'R' || lpad(o::VARCHAR, 5, '0') AS origin, 'R' || lpad(d::VARCHAR, 5, '0') AS destination, 2020 AS year,
                  (hash(o * 7919 + d) % 1000)::INTEGER AS count
           FROM range(${N}) a(o), range(${N}) b(d) LIMIT ${ROWS}) TO '${csv}' (HEADER)`);
  gen.closeSync();
  const mb = statSync(csv).size / 1e6;
  console.log(`file: ${ROWS.toLocaleString('en-US')} rows, ${N} regions, ${mb.toFixed(0)} MB`);

  // The practical limit: DuckDB reading the same CSV into a table of a file-backed database.
  const peer = await DuckDBInstance.create(join(dir, 'peer.duckdb'), { threads: '2', memory_limit: '1500MB' });
  const pc = await peer.connect();
  let t0 = performance.now();
  await pc.run(`CREATE TABLE t AS SELECT * FROM read_csv('${csv}')`);
  const duck = (performance.now() - t0) / 1000;
  pc.closeSync();
  peer.closeSync();

  const ws = await openWorkspace(join(dir, 'w.duckdb'));
  await importRegions(ws, regions);
  peak = 0;
  t0 = performance.now();
  const s = await importFlows(ws, csv);
  const ours = (performance.now() - t0) / 1000;
  closeWorkspace(ws);
  if (s.rows !== ROWS) throw new Error(`imported ${s.rows} rows, expected ${ROWS}`);

  const rate = (sec: number) => `${(ROWS / sec / 1e6).toFixed(2)} M rows/s`;
  console.log(`duckdb read_csv -> table : ${duck.toFixed(2)} s  ${rate(duck)}`);
  console.log(`talentflow importFlows   : ${ours.toFixed(2)} s  ${rate(ours)}  (includes a SHA-256 of the file and all checks)`);
  console.log(`ratio talentflow / duckdb: ${(ours / duck).toFixed(2)}x time`);
  console.log(`peak RSS during import   : ${(peak / 2 ** 20).toFixed(0)} MiB`);
  console.log(`phases (s)               : ${Object.entries(s.timings ?? {}).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(", ")}`);
} finally {
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
}
