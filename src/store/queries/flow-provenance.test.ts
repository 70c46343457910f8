import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeWorkspace, importFlows, loadFlowTable, openWorkspace } from '../index.ts';
import { storeEstimatedFlows } from '../store-estimated-flows.ts';
import { describeFlows, flowProvenance } from './flow-provenance.ts';

test('observed flows are named by the source given at import, in Chinese where one was given, else by the file', () => {
  const p = {
    observed: [
      { source: 'Source: Statistics Korea, KOSIS (DT_1B26003_A01)', sourceZh: '来源：韩国统计厅 KOSIS（DT_1B26003_A01）' },
      { source: 'own-flows.csv', sourceZh: null },
    ],
    estimated: [],
  };
  // The footer's "Source:" label is left out inside the sentence.
  assert.equal(describeFlows(p, '2019'), 'observed flows 2019 (Statistics Korea, KOSIS (DT_1B26003_A01), own-flows.csv)');
  assert.equal(describeFlows(p, '2019', 'zh'), '2019 年观测到的流动（韩国统计厅 KOSIS（DT_1B26003_A01），own-flows.csv）');
  assert.equal(describeFlows({ observed: [], estimated: [] }, '2099'), 'no stored flows 2099');
  assert.equal(describeFlows({ observed: [], estimated: [] }, '2099', 'zh'), '没有存储的流动（2099）');
});

test('estimated flows are named in Chinese by the estimator\'s own definition, its English translated (flowsZh of a measure)', () => {
  const definition = 'flows 2000-2010 estimated from two census birthplace tables (Abel 2013, migest ffs_demo, stayers maximised: close to minimum migration), in persons';
  const p = { observed: [], estimated: [{ method: 'ffs', source: null, definition, warnings: [] }] };
  assert.equal(describeFlows(p, '2000-2010'), definition);
  assert.equal(describeFlows(p, '2000-2010', 'zh'), '2000-2010 年的流动，由两次人口普查出生地表估计（Abel 2013 方法，migest ffs_demo；留居者最大化：接近最少迁移），单位：人');
});

test('the sources of stored flows are listed observed first, then in the order of their periods, whatever order they were stored in', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'talentflow-provenance-'));
  const ws = await openWorkspace(join(dir, 'ws.duckdb'));
  try {
    await ws.db.run(`INSERT INTO regions (code, name_en, level) VALUES ('A', 'Alpha', 'province'), ('B', 'Beta', 'province'), ('C', 'Gamma', 'province')`);
    const est = { regions: ['A', 'B'], origin: [0, 1], destination: [1, 0], flow: [5, 7] };
    // Stored later period first: import ids alone would list 2010-2020 first.
    for (const period of ['2010-2020', '2000-2010']) {
      await storeEstimatedFlows(ws, est, period, { method: 'm', definition: `flows ${period} estimated` }, []);
    }
    // The same estimate for other regions: one more import, named once.
    await storeEstimatedFlows(ws, { ...est, regions: ['C', 'B'] }, '2000-2010', { method: 'm', definition: 'flows 2000-2010 estimated' }, []);
    const csv = join(dir, 'observed.csv');
    writeFileSync(csv, 'origin,destination,period,count\nC,A,2019,3\n');
    await importFlows(ws, csv, { source: 'Source: Own survey' });
    const all = await flowProvenance(ws);
    assert.deepEqual(all.observed.map((o) => o.source), ['Source: Own survey']);
    assert.deepEqual(all.estimated.map((e) => e.definition), ['flows 2000-2010 estimated', 'flows 2010-2020 estimated']);
    const loaded = await loadFlowTable(ws, {});
    assert.deepEqual((await flowProvenance(ws, undefined, loaded.imports)).estimated.map((e) => e.definition), ['flows 2000-2010 estimated', 'flows 2010-2020 estimated']);
    assert.deepEqual((await flowProvenance(ws, '2010-2020')).estimated.map((e) => e.definition), ['flows 2010-2020 estimated']);
  } finally {
    await closeWorkspace(ws);
    rmSync(dir, { recursive: true, force: true });
  }
});
