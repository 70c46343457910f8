// A shared link that fixes the map's level opens on a period with values at that level
// (web/src/period-level.ts, issue 12): a link to Shenyang took the default period 2000-2010, whose
// flows the demo holds for provinces only, and the region panel showed dashes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { WorkspaceCase } from '../../src/core/workspace-case.ts';
import { setCases, state } from '../../web/src/state.ts';
import { withPeriodAtLevel, type NetView } from '../../web/src/period-level.ts';

const CN: WorkspaceCase = {
  id: 'cn', within: 'CN', name_zh: '中国', name_en: 'China', levels: ['province', 'city'], boundaries: ['province', 'city'], defaultLevel: 'province',
  periods: [{ period: '2000-2010', kind: 'flows', estimated: true, flows: 686 }, { period: '2010-2020', kind: 'flows', estimated: false, flows: 126380 }],
  defaultPeriod: '2000-2010', groups: [], bounds: null, regions: 2, regionCodes: ['210000', '220000'], indicators: [], sources: [], rankExamples: [],
};
setCases([CN], ['2000-2010', '2010-2020']);

/** The demo's values: provinces in both periods, cities in 2010-2020 only; the views asked for, in order. */
function demo(): { asked: string[]; hasValues: (v: NetView) => Promise<boolean> } {
  const asked: string[] = [];
  return { asked, hasValues: async (v) => (asked.push(`${v.level} ${v.period}`), v.level === 'province' || v.period === '2010-2020') };
}

test('a city link without a period opens on the latest period with city values', async () => {
  assert.equal(state.period, '2000-2010');
  const d = demo();
  assert.deepEqual(await withPeriodAtLevel({ level: 'city', selected: '210100' }, d.hasValues), { level: 'city', selected: '210100', period: '2010-2020' });
  assert.deepEqual(d.asked, ['city 2000-2010', 'city 2010-2020']);
  // Naming the case: its default period is the one replaced.
  assert.deepEqual(await withPeriodAtLevel({ caseId: 'cn', level: 'city' }, demo().hasValues), { caseId: 'cn', level: 'city', period: '2010-2020' });
});

test('a period the link names is kept, with or without values at the level (the map then says it has none and offers those that have)', async () => {
  const d = demo();
  assert.deepEqual(await withPeriodAtLevel({ level: 'city', period: '2000-2010' }, d.hasValues), { level: 'city', period: '2000-2010' });
  assert.deepEqual(await withPeriodAtLevel({ level: 'province', period: '2000-2010' }, d.hasValues), { level: 'province', period: '2000-2010' });
  assert.deepEqual(d.asked, []);
});

test('no level in the link, or no period with values at it: the link is left as it is', async () => {
  const d = demo();
  assert.deepEqual(await withPeriodAtLevel({ tab: 'rankings' }, d.hasValues), { tab: 'rankings' });
  assert.deepEqual(d.asked, []);
  assert.deepEqual(await withPeriodAtLevel({ level: 'county' }, async () => false), { level: 'county' });
});
