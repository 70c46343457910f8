import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../helpers/workspace.ts';
import { demoSuite, runCli } from '../helpers/cli.ts';
import { apiClient } from '../helpers/api.ts';
import { createApp } from '../../src/server/index.ts';
import { closeWorkspace, openWorkspace } from '../../src/store/index.ts';

// The Northeast stay subsidy on a destination-choice model fitted to the demo's synthetic
// graduates, beside the gravity variant (examples/run-northeast.sh does the same).
const demo = demoSuite('talentflow-scenario-choice-');
const GRAVITY = join(REPO, 'examples/northeast-stay-subsidy.json');
const CHOICE = join(REPO, 'examples/northeast-stay-subsidy-choice.json');

function tf(...args: string[]) {
  return runCli(demo.dir, args);
}
const isInterval = (v: unknown) => typeof v === 'object' && v !== null && ['median', 'p05', 'p95'].every((k) => k in v);

before(() => {
  // The fit of examples/run-northeast.sh.
  const f = tf('fit', 'choice', '--persons', '--level', 'province', '--within', 'CN', '--alternative-vars', 'income,population_year_end,temperature',
    '--person-vars', 'distance_home,is_home,is_study', '--interactions', 'degree:income', '--save', 'northeast-choice', '--replace', '-w', demo.workspace);
  assert.equal(f.code, 0, f.stderr);
});

test('the choice variant runs: more graduates stay in Liaoning, at a cost per retained graduate with an interval', () => {
  const r = tf('scenario', 'run', CHOICE, '--draws', '12', '--seed', '2', '--json', '-w', demo.workspace);
  assert.equal(r.code, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  assert.equal(j.model.name, 'northeast-choice');
  assert.equal(j.years.length, 10);
  assert.ok(j.summary.retainedDelta.p05 > 0, JSON.stringify(j.summary.retainedDelta));
  assert.ok(isInterval(j.summary.costPerRetained) && j.summary.costPerRetained.median > 0);
  assert.ok(j.notes.some((n: string) => /groups of home region, degree/.test(n)), j.notes.join('\n'));
  // Baseline retention of the first cohort is the records' stay share (calibrated): about a quarter.
  const first = j.years[0];
  assert.ok(first.retainedBaseline.median / first.graduates.median > 0.2 && first.retainedBaseline.median / first.graduates.median < 0.3);
});

test('scenario compare --json: the gravity and the choice variant side by side', () => {
  const r = tf('scenario', 'compare', GRAVITY, CHOICE, '--draws', '8', '--seed', '1', '--json', '--no-save', '-w', demo.workspace);
  assert.equal(r.code, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  assert.deepEqual(j.scenarios.map((s: { name: string }) => s.name), ['northeast-stay-subsidy', 'northeast-stay-subsidy-choice']);
  assert.match(j.scenarios[0].model, /^china-provinces/);
  assert.match(j.scenarios[1].model, /^northeast-choice/);
  for (const s of j.scenarios) {
    assert.ok(isInterval(s.retainedDelta) && s.retainedDelta.median > 0);
    assert.ok(isInterval(s.costPerRetained) && s.costPerRetained.median > 0);
  }
  assert.equal(j.years.length, 10);
});

test('errors name the document field: a base period that is not a year, a term the model lacks', () => {
  const doc = JSON.parse(readFileSync(CHOICE, 'utf8'));
  doc.baseline.period = '2015-2016';
  writeFileSync(join(demo.dir, 'bad.json'), JSON.stringify(doc));
  let r = tf('scenario', 'run', 'bad.json', '--draws', '2', '--no-save', '-w', demo.workspace);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /baseline\.period: "2015-2016" is not a year/);
  doc.baseline.period = '2016';
  doc.interventions[0].term = 'income';
  writeFileSync(join(demo.dir, 'bad.json'), JSON.stringify(doc));
  r = tf('scenario', 'run', 'bad.json', '--draws', '2', '--no-save', '-w', demo.workspace);
  assert.equal(r.code, 1);
  // Refused before the cohort is built (src/store/scenarios/model-variables.ts): the field, the
  // variable, what the model has, and the fit command that would make a suitable model.
  assert.match(r.stderr, /the choice model "northeast-choice" lacks the variable income \(interventions\[0\]\.term\) that this scenario needs \(it has: disposable_income_pc, population_year_end, weather_air_temperature_x10, distance_home, is_home, is_study\); fit a model with it first: talentflow fit choice /);
});

test('a base year past an attribute\'s last year: the note carries the year it was taken from as parameters, not as English text', async () => {
  const doc = JSON.parse(readFileSync(CHOICE, 'utf8'));
  // Temperatures end in 2020 (weather_air_temperature_x10, 2010-2020); incomes and populations go on.
  doc.baseline.period = '2021';
  const ws = await openWorkspace(demo.workspace, { create: false });
  try {
    const { status, body } = await apiClient(createApp(ws).app).post('/api/scenarios/counterfactual', { document: doc });
    assert.equal(status, 200, JSON.stringify(body));
    const note = body.messages.notes.find((m: { code: string }) => m.code === 'scenario.choice.baselineAttributes');
    assert.ok(note, JSON.stringify(body.messages.notes));
    assert.deepEqual(note.params, { indicator: 'weather_air_temperature_x10', year: 2021, from: 2020, regions: 31 });
    assert.equal(note.message, 'baseline attributes: weather_air_temperature_x10: 2021 from 2020 (nearest earlier year) for 31 regions');
  } finally {
    closeWorkspace(ws);
  }
});
