/**
 * Scenario cohorts from graduate records under the workspace's small-cell rule (issue 13, part
 * 4): every scenario output is a function of the cohort sizes and stay shares built here (and
 * the model), so a group of 1 to k - 1 graduates must not change them. The test changes such
 * groups and finds the inputs, hence every output, identical: nothing can be worked back.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chinaWorkspace } from '../../../test/helpers/workspace.ts';
import { importPersons } from '../import/import-persons.ts';
import { setPrivacyK } from '../privacy.ts';
import { personsByRegion } from './persons-by-region.ts';

let t: Awaited<ReturnType<typeof chinaWorkspace>>;
before(async () => {
  t = await chinaWorkspace();
});
after(() => t.done());

const MODEL = ['210000', '220000', '230000'];

/** Records studied in Shenyang, Changchun and Harbin: n each, `stay` of them working in their study province. */
async function cohort(name: string, groups: { study: string; n: number; stay: number }[]): Promise<void> {
  await t.ws.db.run('DELETE FROM persons');
  const lines = ['id,year,university,study_region,destination'];
  let id = 0;
  for (const g of groups) for (let i = 0; i < g.n; i++) lines.push(`P${id++},2015,U${g.study},${g.study},${i < g.stay ? g.study : '110000'}`);
  writeFileSync(join(t.dir, name), lines.join('\n') + '\n');
  await importPersons(t.ws, join(t.dir, name), { replace: true });
}

test('a region of fewer than k records is left out; stayers or leavers under k take the pooled share; both say so', async () => {
  await cohort('a.csv', [{ study: '210100', n: 40, stay: 25 }, { study: '220100', n: 30, stay: 3 }, { study: '230100', n: 4, stay: 1 }]);
  const p = await personsByRegion(t.ws, MODEL);
  assert.deepEqual([...p.sizes], [40, 30, 0]);
  assert.deepEqual([...p.stay], [25 / 40, 25 / 40, 0], "Jilin's 3 stayers would show in its own share (0.1)");
  assert.equal(p.notes.length, 2);
  assert.match(p.notes[0], /1 region\(s\) with fewer than 10 graduate records left out of the cohort \(small-cell rule, suppressed \(<10\)\): 230000/);
  assert.match(p.notes[1], /1 region\(s\) whose stayers or leavers number fewer than 10 take the stay share pooled over the other regions, 0\.625 .*: 220000/);
});

test('differencing: other values of the hidden groups give the same cohort sizes and stay shares, so the same scenario outputs', async () => {
  await cohort('b.csv', [{ study: '210100', n: 40, stay: 25 }, { study: '220100', n: 30, stay: 3 }, { study: '230100', n: 4, stay: 1 }]);
  const base = await personsByRegion(t.ws, MODEL);
  for (const [jilinStay, harbin, harbinStay] of [[1, 9, 9], [7, 1, 0], [9, 6, 3]]) {
    await cohort('c.csv', [{ study: '210100', n: 40, stay: 25 }, { study: '220100', n: 30, stay: jilinStay }, { study: '230100', n: harbin, stay: harbinStay }]);
    const p = await personsByRegion(t.ws, MODEL);
    assert.deepEqual([[...p.sizes], [...p.stay]], [[...base.sizes], [...base.stay]], `Jilin stayers ${jilinStay}, Harbin ${harbin}`);
  }
});

test('the workspace\'s k applies: at k = 3 the same records are used as they are', async () => {
  await cohort('d.csv', [{ study: '210100', n: 40, stay: 25 }, { study: '220100', n: 30, stay: 3 }, { study: '230100', n: 4, stay: 1 }]);
  await setPrivacyK(t.ws, 3);
  try {
    const p = await personsByRegion(t.ws, MODEL);
    assert.deepEqual([...p.sizes], [40, 30, 4]);
    // Harbin: 1 stayer (under 3) takes the pooled share of Liaoning and Jilin, (25 + 3) / 70.
    assert.deepEqual([...p.stay], [25 / 40, 3 / 30, 28 / 70]);
  } finally {
    await setPrivacyK(t.ws, 10);
  }
});
