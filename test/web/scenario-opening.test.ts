// What the scenario tab opens on (web/src/scenario/opening.ts): a model of the map's case and
// level (GET /api/models says each model's), an example on it where there is one, else the
// most recent model; a map case without models keeps the default example or the latest model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultModel, openingChoice, type ListedModel } from '../../web/src/scenario/opening.ts';

const model = (name: string, kind: string, c: string | null, level: string | null, createdAt: string): ListedModel => ({ name, kind, case: c, level, createdAt });
// As the demo saves them: the Northeast's province model first, Korea's and the choice model after.
const DEMO = [
  model('china-provinces', 'gravity', 'cn', 'province', '2026-12-01T22:11:00Z'),
  model('korea-2019', 'gravity', 'kr', 'province', '2026-12-01T22:11:07Z'),
  model('northeast-choice', 'choice', 'cn', 'province', '2026-12-01T22:11:11Z'),
];
const doc = (model: string) => ({ baseline: { model } });
const EXAMPLES = [
  { file: 'korea-regional-income.json', document: doc('korea-2019') },
  { file: 'northeast-stay-subsidy-choice.json', document: doc('northeast-choice') },
  { file: 'northeast-stay-subsidy.json', document: doc('china-provinces') },
];
const DEFAULT = 'northeast-stay-subsidy.json';

test('the demo: the Northeast example on the China map at either level, the Korea example on the Korea map', () => {
  assert.deepEqual(openingChoice(EXAMPLES, DEMO, { caseId: 'cn', level: 'province' }, DEFAULT), { example: DEFAULT });
  assert.deepEqual(openingChoice(EXAMPLES, DEMO, { caseId: 'cn', level: 'city' }, DEFAULT), { example: DEFAULT }, 'no city model: one of the case');
  assert.deepEqual(openingChoice(EXAMPLES, DEMO, { caseId: 'kr', level: 'province' }, DEFAULT), { example: 'korea-regional-income.json' });
});

test('an own model of the map\'s case and level before a more recent one elsewhere or at another level', () => {
  const models = [...DEMO,
    model('cn-cities', 'gravity', 'cn', 'city', '2026-12-02T01:00:00Z'),
    model('kr-latest', 'gravity', 'kr', 'province', '2026-12-02T03:00:00Z'),
    model('radiation-latest', 'radiation', 'cn', 'city', '2026-12-02T04:00:00Z')];
  assert.deepEqual(openingChoice(EXAMPLES, models, { caseId: 'cn', level: 'city' }, DEFAULT), { model: 'cn-cities' }, 'not kr-latest, not a radiation model');
  assert.equal(defaultModel(models, { caseId: 'cn', level: 'city' }), 'cn-cities');
  assert.equal(defaultModel(models, { caseId: 'cn', level: 'province' }), 'northeast-choice', 'the most recent of the case and level');
  assert.equal(defaultModel(models, { caseId: 'kr', level: 'city' }), 'kr-latest', 'no Korean city model: the case\'s most recent');
  assert.equal(defaultModel(models, { caseId: 'at', level: 'state' }), 'kr-latest', 'none of the case: the most recent');
  assert.equal(defaultModel([], { caseId: 'cn', level: 'city' }), null);
});

test('a workspace of one\'s own (no example\'s model): its model of the map; a map without models keeps the old order', () => {
  const own = [model('northeast-own', 'gravity', 'cn', 'city', '2026-12-02T01:00:00Z'), model('older', 'gravity', 'data', 'district', '2026-12-01T01:00:00Z')];
  assert.deepEqual(openingChoice(EXAMPLES, own, { caseId: 'cn', level: 'city' }, DEFAULT), { model: 'northeast-own' });
  assert.deepEqual(openingChoice(EXAMPLES, own, { caseId: 'data', level: 'district' }, DEFAULT), { model: 'older' }, 'the map\'s case, though not the latest');
  assert.deepEqual(openingChoice(EXAMPLES, own, { caseId: 'kr', level: 'province' }, DEFAULT), { model: 'northeast-own' }, 'none of the case: the latest');
  assert.deepEqual(openingChoice(EXAMPLES, DEMO, { caseId: 'at', level: 'state' }, DEFAULT), { example: DEFAULT }, 'none of the case: the default example when its model is held');
  assert.deepEqual(openingChoice(EXAMPLES, [], { caseId: 'cn', level: 'province' }, DEFAULT), { example: DEFAULT }, 'no models: the default example (the tab offers to fit its model)');
  // Models listed without a case or level (a server before they were listed) are still chosen by recency.
  assert.deepEqual(openingChoice(EXAMPLES, [{ name: 'x', kind: 'gravity', createdAt: '2026-01-01' }], { caseId: 'cn', level: 'city' }, DEFAULT), { model: 'x' });
});
