import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFlows, loadFlowTable } from '../index.ts';
import { chinaWorkspace } from '../../../test/helpers/workspace.ts';
import { addFlowCodes, addFlowPeriods } from '../flow-rows.ts';

let t: Awaited<ReturnType<typeof chinaWorkspace>>;
before(async () => {
  t = await chinaWorkspace();
  // Cities and provinces, two cohorts of one pair (stored as two rows), an intra-city row.
  const p = join(t.dir, 'flows.csv');
  writeFileSync(p, 'origin,destination,year,count,cohort\n210100,110000,2020,5,a\n210100,110000,2020,7,b\n210200,220000,2020,11,a\n210000,210100,2020,2.5,a\n210100,210100,2020,1,a\n110000,210200,2019,100,a\n');
  await importFlows(t.ws, p, { cohort: ['cohort'] });
});
after(() => t.done());

/** Sum of count by (origin code, destination code), from a FlowTable. */
function pairs(table: { regions: readonly string[]; origin: Uint32Array; destination: Uint32Array; count: Float64Array }): Record<string, number> {
  const out: Record<string, number> = {};
  for (let r = 0; r < table.count.length; r++) {
    const k = `${table.regions[table.origin[r]]}>${table.regions[table.destination[r]]}`;
    out[k] = (out[k] ?? 0) + table.count[r];
  }
  return out;
}

test('stored rows reach a FlowTable as typed arrays, one row per stored row, codes sorted', async () => {
  const l = await loadFlowTable(t.ws, { period: '2020' });
  assert.ok(l.table.origin instanceof Uint32Array && l.table.destination instanceof Uint32Array && l.table.count instanceof Float64Array);
  assert.equal(l.rows, 5);
  assert.equal(l.table.count.length, 5);
  assert.deepEqual([...l.table.regions], ['110000', '210000', '210100', '210200', '220000']);
  assert.deepEqual(pairs(l.table), { '210100>110000': 12, '210200>220000': 11, '210000>210100': 2.5, '210100>210100': 1 });
  assert.equal(l.dropped, 0);
});

test('rolled up to provinces in SQL; a row whose end has no ancestor at the level is dropped and counted', async () => {
  const l = await loadFlowTable(t.ws, { period: '2020', level: 'province' });
  assert.deepEqual([...l.table.regions], ['110000', '210000', '220000']);
  assert.deepEqual(pairs(l.table), { '210000>110000': 12, '210000>220000': 11, '210000>210000': 3.5 });
  const cities = await loadFlowTable(t.ws, { period: '2020', level: 'city' });
  assert.equal(cities.dropped, 4, 'rows with a province end have no city ancestor');
  assert.deepEqual(pairs(cities.table), { '210100>210100': 1 });
});

test('include adds regions without flows; an empty selection gives an empty table', async () => {
  const l = await loadFlowTable(t.ws, { period: '2020', include: ['650000'] });
  assert.ok(l.table.regions.includes('650000'));
  const none = await loadFlowTable(t.ws, { period: '2005' });
  assert.equal(none.table.count.length, 0);
  assert.equal(none.rows, 0);
});

test('a stored code that is no region (written outside the importers) still reads, named by its code', async () => {
  await addFlowCodes(t.ws.db, "SELECT unnest(['ZZ1', '110000']) AS value");
  await addFlowPeriods(t.ws.db, "SELECT '2018' AS text, 2018 AS start, 2018 AS end_year");
  await t.ws.db.run(`INSERT INTO flow_rows SELECT 999, o.id, d.id, (SELECT id FROM flow_periods WHERE period = '2018'), 0, n
    FROM (VALUES ('ZZ1', '110000', 4), ('110000', 'ZZ1', 6)) v(o, d, n) JOIN flow_codes o ON o.code = v.o JOIN flow_codes d ON d.code = v.d`);
  const l = await loadFlowTable(t.ws, { period: '2018' });
  assert.deepEqual([...l.table.regions], ['110000', 'ZZ1']);
  assert.deepEqual(pairs(l.table), { 'ZZ1>110000': 4, '110000>ZZ1': 6 });
  await t.ws.db.run('DELETE FROM flow_rows WHERE import_id = 999');
});
