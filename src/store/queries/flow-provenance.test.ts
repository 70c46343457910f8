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
  assert.equal(describeFlows(p, '2019', 'zh'), 'observed flows 2019 (韩国统计厅 KOSIS（DT_1B26003_A01）, own-flows.csv)');
  assert.equal(describeFlows({ observed: [], estimated: [] }, '2099'), 'no stored flows 2099');
});
