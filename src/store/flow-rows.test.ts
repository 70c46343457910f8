import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from './duckdb/database.ts';
import { migrate, SCHEMA_VERSION } from './duckdb/migrations.ts';
import { addFlowCodes, addFlowCohorts, addFlowPeriods } from './flow-rows.ts';
import { closeWorkspace, importFlows, loadFlowTable, openWorkspace, queryFlows } from './index.ts';
import { coded } from '../core/messages/index.ts';
import { estimatedRows } from './queries/estimated-rows.ts';
import { flowProvenance } from './queries/flow-provenance.ts';
import { storeEstimatedFlows } from './store-estimated-flows.ts';

// A workspace written before schema 5 kept its flows as a nine-column table of text; opening it
// moves every row into flow_rows and its dictionaries, and `flows` reads the same rows as before.

const OLD_ROWS = [
  [1, 'A', 'B', '2019', 2019, 2019, '', 5, false],
  [1, 'B', 'A', '2019', 2019, 2019, '', 7.5, false],
  [1, 'A', 'A', '2019', 2019, 2019, '', 1, true],
  [2, 'A', 'B', '2010-2020', 2010, 2020, 'education=bachelor', 3, false],
  [2, 'C', 'B', '2010-2020', 2010, 2020, 'education=master', 4, false],
] as const;

test('a schema-4 workspace migrates: the same flows read back, then imports and the typed loader work on it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'talentflow-migrate-'));
  try {
    const path = join(dir, 'old.duckdb');
    const db = await Database.open(path);
    assert.deepEqual(await migrate(db, 4), { from: 0, to: 4 });
    await db.run(`INSERT INTO regions (code, name_en, level) VALUES ('A', 'Alpha', 'city'), ('B', 'Beta', 'city'), ('C', 'Gamma', 'city')`);
    await db.run(`INSERT INTO imports (id, kind, file, sha256, rows) VALUES (1, 'flows', 'a.csv', 'x1', 3), (2, 'flows', 'b.csv', 'x2', 2)`);
    for (const r of OLD_ROWS) await db.run('INSERT INTO flows VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', [...r]);
    db.close();

    const ws = await openWorkspace(path);
    try {
      const version = await ws.db.one<{ value: string }>("SELECT value FROM meta WHERE key = 'schema_version'");
      assert.equal(Number(version!.value), SCHEMA_VERSION);
      const kind = await ws.db.one<{ t: string }>("SELECT table_type AS t FROM information_schema.tables WHERE table_name = 'flows'");
      assert.equal(kind!.t, 'VIEW');
      const back = await ws.db.all<Record<string, unknown>>('SELECT * FROM flows ORDER BY import_id, origin, destination');
      const expected = [...OLD_ROWS].sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]) || a[2].localeCompare(b[2]));
      assert.deepEqual(back.map((r) => Object.values(r)), expected.map((r) => [...r]));
      assert.deepEqual(Object.keys(back[0]), ['import_id', 'origin', 'destination', 'period', 'period_start', 'period_end', 'cohort', 'count', 'intra']);

      const l = await loadFlowTable(ws, { period: '2019' });
      assert.deepEqual([...l.table.regions], ['A', 'B']);
      assert.equal(l.rows, 3);

      // A new import adds to the migrated dictionaries; a repeat of a stored key is refused.
      const f = join(dir, 'new.csv');
      writeFileSync(f, 'origin,destination,year,count\nA,C,2019,2\nC,A,2021,9\n');
      const s = await importFlows(ws, f);
      assert.equal(s.rows, 2);
      const q = (await queryFlows(ws, { period: '2021' })).rows;
      assert.deepEqual(q.map((r) => [r.origin, r.destination, r.count]), [['C', 'A', 9]]);
      const again = join(dir, 'again.csv');
      writeFileSync(again, 'origin,destination,year,count\nB,A,2019,1\n');
      await assert.rejects(importFlows(ws, again), /1 of these flows are already in the workspace \(e\.g\. B -> A, 2019\)/);
    } finally {
      closeWorkspace(ws);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('schema 7 keeps an estimate\'s coded warnings with its import record; an estimate stored before it opens and reads as having none', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'talentflow-migrate-'));
  try {
    const path = join(dir, 'old.duckdb');
    const db = await Database.open(path);
    await migrate(db, 6);
    await db.run(`INSERT INTO flow_codes VALUES (1, 'A'), (2, 'B')`);
    await db.run(`INSERT INTO flow_periods VALUES (1, '2019', 2019, 2019)`);
    await db.run(`INSERT INTO imports (id, kind, file, sha256, rows, options) VALUES (1, 'estimate', 'flows-from-stocks', 'x1', 1, '{"method":"old"}')`);
    await db.run('INSERT INTO flow_rows VALUES (1, 1, 2, 1, 0, 5)');
    db.close();

    const ws = await openWorkspace(path);
    try {
      const version = await ws.db.one<{ value: string }>("SELECT value FROM meta WHERE key = 'schema_version'");
      assert.equal(Number(version!.value), SCHEMA_VERSION);
      assert.ok(SCHEMA_VERSION >= 7);
      // The old estimate's warnings were printed, never kept: none, not an error.
      const old = await estimatedRows(ws, { period: '2019' });
      assert.deepEqual({ ...old, imports: old.imports.length }, { rows: 1, estimated: 1, warnings: [], imports: 1 });
      // The import the rows come from is the one their provenance names.
      assert.deepEqual((await flowProvenance(ws, undefined, old.imports)).estimated.map((e) => e.method), ['old']);
      assert.deepEqual((await flowProvenance(ws, '2019')).estimated, [{ method: 'old', source: null, definition: null, warnings: [] }]);
      // A new estimate stores its warnings, and whatever reads its flows gets them back coded.
      const skipped = coded('stocks.regionsSkipped', { regions: ['C'] });
      await storeEstimatedFlows(ws, { regions: ['A', 'B'], origin: [0], destination: [1], flow: [2.5] }, '2030', { method: 'new' }, [skipped]);
      const fresh = await estimatedRows(ws, { period: '2030' });
      assert.deepEqual({ ...fresh, imports: undefined }, { rows: 1, estimated: 1, warnings: [[skipped]], imports: undefined });
      assert.deepEqual((await flowProvenance(ws, undefined, fresh.imports)).estimated.map((e) => e.method), ['new']);
      assert.equal((await flowProvenance(ws)).estimated.length, 2);
      assert.deepEqual((await flowProvenance(ws, '2030')).estimated[0].warnings, [skipped]);
      assert.deepEqual((await estimatedRows(ws, {})).warnings, [[skipped]]);
    } finally {
      closeWorkspace(ws);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the flows view read twice in one query gives each read its own columns (DuckDB 1.5.6 mixed them up: duckdb/duckdb#25819)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'talentflow-view-'));
  try {
    const ws = await openWorkspace(join(dir, 'w.duckdb'));
    try {
      // 100 regions, every ordered pair in 10 cohorts, counts from a hash: in- and out-flows differ.
      await addFlowCodes(ws.db, "SELECT 'R' || lpad(i::VARCHAR, 3, '0') AS value FROM range(100) t(i)");
      await addFlowPeriods(ws.db, "SELECT '2020' AS text, 2020 AS start, 2020 AS end_year");
      await addFlowCohorts(ws.db, "SELECT 'c' || i AS value FROM range(10) t(i)");
      await ws.db.run(`INSERT INTO flow_rows SELECT 1, o.id, d.id, (SELECT id FROM flow_periods WHERE period = '2020'), c.id, (hash(k) % 1000)::DOUBLE
        FROM range(100000) t(k) JOIN flow_codes o ON o.code = 'R' || lpad((k % 100)::VARCHAR, 3, '0')
        JOIN flow_codes d ON d.code = 'R' || lpad(((k // 100) % 100)::VARCHAR, 3, '0') JOIN flow_cohorts c ON c.cohort = 'c' || (k // 10000)`);
      const alone = async (end: 'origin' | 'destination') => ws.db.one<{ s: number }>(
        `SELECT sum(count) AS s FROM flows WHERE ${end} = 'R000' AND period = '2020' AND NOT intra`);
      const [out, inn] = [(await alone('origin'))!.s, (await alone('destination'))!.s];
      assert.notEqual(out, inn);
      const both = await ws.db.all<{ code: string; out: number; inn: number }>(
        `WITH o AS (SELECT origin AS code, sum(count) AS out FROM flows WHERE period = '2020' AND NOT intra GROUP BY 1),
              d AS (SELECT destination AS code, sum(count) AS inn FROM flows WHERE period = '2020' AND NOT intra GROUP BY 1)
         SELECT code, o.out, d.inn FROM o FULL JOIN d USING (code) ORDER BY code`);
      assert.deepEqual([both[0].code, both[0].out, both[0].inn], ['R000', out, inn]);
      const ends = await ws.db.all<{ code: string; n: bigint }>(
        `SELECT code, count(*) AS n FROM (SELECT origin AS code FROM flows WHERE NOT intra UNION ALL SELECT destination FROM flows WHERE NOT intra) GROUP BY 1`);
      assert.equal(ends.length, 100);
    } finally {
      closeWorkspace(ws);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
