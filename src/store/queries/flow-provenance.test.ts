import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeFlows } from './flow-provenance.ts';

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
