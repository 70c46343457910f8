/**
 * Measures over ROWS flow rows (default 10 million) between N regions (default 3,000), one
 * period: in-flow, out-flow, net, gross, efficiency and rates of every region in one call
 * (src/metrics regionSummary on a FlowTable), next to the same in/out/net aggregation done by
 * DuckDB SQL (GROUP BY) over the same rows in the same run. Also times the adapter that reads a
 * stored selection into a FlowTable (loadFlowTable: index join in SQL + transfer).
 *
 *   npm run bench -- measures          (ROWS=2000000 N=1000 npm run bench -- measures for a quick run)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FlowTable } from '../src/core/flow-table.ts';
import { regionSummary } from '../src/metrics/index.ts';
import { addFlowCodes, addFlowCohorts, addFlowPeriods } from '../src/store/flow-rows.ts';
import { closeWorkspace, loadFlowTable, openWorkspace } from '../src/store/index.ts';

const ROWS = Number(process.env.ROWS ?? 10_000_000);
const N = Number(process.env.N ?? 3000);
const dir = mkdtempSync(join(tmpdir(), 'talentflow-bench-measures-'));
const ms = (t0: number) => performance.now() - t0;
const fmt = (x: number) => `${x.toFixed(0)} ms`;

try {
  const ws = await openWorkspace(join(dir, 'w.duckdb'));
  // Rows k = 0..ROWS-1: origin k mod N, destination floor(k / N) mod N, so every ordered pair
  // appears about ROWS / N^2 times (as different cohorts); counts from a hash, 0..999.
  const t0 = performance.now();
  await ws.db.run(`INSERT INTO regions (code, name_en, level) SELECT 'R' || lpad(i::VARCHAR, 5, '0'), 'Region ' || i, 'city' FROM range(${N}) t(i)`);
  // Stored flows are integer ids with dictionaries (src/store/flow-rows.ts): region i has code id i + 1.
  await addFlowCodes(ws.db, `SELECT 'R' || lpad(i::VARCHAR, 5, '0') AS value FROM range(${N}) t(i)`);
  await addFlowPeriods(ws.db, "SELECT '2020' AS text, 2020 AS start, 2020 AS end_year");
  await addFlowCohorts(ws.db, `SELECT 'c' || i AS value FROM range(${Math.ceil(ROWS / (N * N))}) t(i)`);
  await ws.db.run(`INSERT INTO flow_rows SELECT 1, o.id, d.id, (SELECT id FROM flow_periods WHERE period = '2020'), c.id, (hash(k) % 1000)::DOUBLE
    FROM range(${ROWS}) t(k) JOIN flow_codes o ON o.code = 'R' || lpad((k % ${N})::VARCHAR, 5, '0')
    JOIN flow_codes d ON d.code = 'R' || lpad(((k // ${N}) % ${N})::VARCHAR, 5, '0') JOIN flow_cohorts c ON c.cohort = 'c' || (k // (${N} * ${N}))
    ORDER BY k`);
  await ws.db.run(`INSERT INTO indicators (import_id, region, period, period_start, period_end, name, value, unit, source) SELECT 1, code, '2020', 2020, 2020, 'population', 100000 + (hash(code) % 900000)::DOUBLE, 'persons', 'bench' FROM regions`);
  console.log(`data: ${ROWS.toLocaleString('en-US')} flow rows, ${N} regions, period 2020 (generated in ${fmt(ms(t0))})`);

  // The same rows as a FlowTable built directly (no aggregation): the measure's own input.
  const origin = new Uint32Array(ROWS);
  const destination = new Uint32Array(ROWS);
  const count = new Float64Array(ROWS);
  const res = await ws.db.conn.run(`SELECT count FROM flow_rows ORDER BY rowid`);
  let k = 0;
  for (let chunk = await res.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await res.fetchChunk()) {
    const v = chunk.getColumnVector(0);
    for (let r = 0; r < chunk.rowCount; r++, k++) {
      origin[k] = k % N;
      destination[k] = Math.floor(k / N) % N;
      count[k] = v.getItem(r) as number;
    }
  }
  const table: FlowTable = { regions: Array.from({ length: N }, (_, i) => `R${String(i).padStart(5, '0')}`), origin, destination, count };
  const pops = new Float64Array(N).fill(500000);

  const best = async (f: () => unknown | Promise<unknown>, runs = 3) => {
    let t = Infinity;
    for (let i = 0; i < runs; i++) {
      const s = performance.now();
      await f();
      t = Math.min(t, ms(s));
    }
    return t;
  };
  let summary = regionSummary(table, pops);
  const tMeasure = await best(() => (summary = regionSummary(table, pops)));
  let sqlRows: { code: string; inflow: number; outflow: number }[] = [];
  const sql = `WITH o AS (SELECT origin AS code, sum(count) AS outflow FROM flows WHERE period = '2020' AND NOT intra GROUP BY 1),
                    d AS (SELECT destination AS code, sum(count) AS inflow FROM flows WHERE period = '2020' AND NOT intra GROUP BY 1)
               SELECT coalesce(o.code, d.code) AS code, coalesce(inflow, 0) AS inflow, coalesce(outflow, 0) AS outflow, coalesce(inflow, 0) - coalesce(outflow, 0) AS net
               FROM o FULL JOIN d ON o.code = d.code ORDER BY code`;
  const tSql = await best(async () => (sqlRows = await ws.db.all(sql)));
  // Same numbers both ways.
  const byCode = new Map(summary.rows.map((r) => [r.code, r]));
  for (const r of sqlRows) {
    const m = byCode.get(r.code);
    if (!m || m.inflow !== r.inflow || m.outflow !== r.outflow) throw new Error(`measure and SQL differ for ${r.code}: ${JSON.stringify([m?.inflow, m?.outflow, r])}`);
  }
  const tLoad = await best(() => loadFlowTable(ws, { period: '2020' }), 1);
  console.log(`regionSummary (in, out, net, gross, efficiency, rates) for ${N} regions over ${ROWS.toLocaleString('en-US')} rows: ${fmt(tMeasure)}`);
  console.log(`DuckDB SQL GROUP BY (in, out, net per region), same rows:           ${fmt(tSql)}`);
  console.log(`ratio measure / SQL: ${(tMeasure / tSql).toFixed(2)}  (numbers identical for all ${sqlRows.length} regions)`);
  console.log(`adapter loadFlowTable (stored rows to a FlowTable: SQL index join + transfer): ${fmt(tLoad)}`);
  closeWorkspace(ws);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
