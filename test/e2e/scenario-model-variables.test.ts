import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../../src/server/index.ts';
import { closeWorkspace, openWorkspace } from '../../src/store/index.ts';
import { REPO } from '../helpers/workspace.ts';
import { demoSuite, runCli } from '../helpers/cli.ts';

// Issue 12: the README once fitted korea-2019 without population; the Korea scenario then ran on
// it silently and printed 762 [9, 1,681] instead of the documented 451. A scenario on a model that
// lacks a variable it needs (its `requires`, or the term an intervention changes) is now refused
// before anything runs, naming the model, the variable and the fit command that has it.
const suite = demoSuite('talentflow-scenario-vars-');
const tf = (...args: string[]) => runCli(suite.dir, [...args, '-w', suite.workspace]);
const KOREA = join(REPO, 'examples/korea-regional-income.json');
const REFIT = 'talentflow fit gravity --period 2019 --within KR --constraint production --destination-vars grdp_pc,population --save korea-2019 --replace';

test('a Korea scenario on korea-2019 fitted without population (the old README) is refused: exit 1, the model, the variable, the command', () => {
  const fit = tf('fit', 'gravity', '--period', '2019', '--within', 'KR', '--constraint', 'production', '--destination-vars', 'grdp_pc', '--save', 'korea-2019', '--replace');
  assert.equal(fit.code, 0, fit.stderr);
  const r = tf('scenario', 'run', KOREA, '--draws', '5', '--no-save');
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /baseline\.model: the gravity model "korea-2019" lacks the variable destination_population \(baseline\.requires\[0\]\) that this scenario needs \(it has: destination_grdp_pc\)/);
  assert.ok(r.stderr.includes(REFIT), r.stderr);
  assert.doesNotMatch(r.stderr, /at .*\.js:\d+/, 'no stack trace');
});

test('a scenario changing a variable the model lacks (a wage) is refused, naming it; the API refuses run and counterfactual (422, before a job starts)', async () => {
  const doc = JSON.parse(readFileSync(KOREA, 'utf8'));
  doc.baseline.requires = [];
  doc.interventions[0].term = 'destination_wage';
  const ws = await openWorkspace(suite.workspace);
  try {
    const api = createApp(ws);
    for (const path of ['/api/scenarios/run', '/api/scenarios/counterfactual']) {
      const res = await api.app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(path.endsWith('/run') ? { document: doc, draws: 5 } : { document: doc }) });
      const body = await res.json() as { error?: { message?: string }; message?: string };
      const message = JSON.stringify(body);
      // A document the workspace cannot serve is a SpecError, which the server's one error mapper answers with 422 (a client error, like every other scenario field error).
      assert.equal(res.status, 422, message);
      assert.match(message, /the gravity model \\"korea-2019\\" lacks the variable destination_wage \(interventions\[0\]\.term\)/);
      assert.match(message, /talentflow fit gravity --period 2019 --within KR --constraint production --destination-vars grdp_pc,wage --save korea-2019 --replace/);
    }
    // With the variable borrowed from elsewhere the term is no longer the model's to have.
    const borrowed = { ...doc, baseline: { ...doc.baseline, borrowedTerms: [{ term: 'destination_wage', coefficient: 1, standardError: 0.1, source: 'test' }] } };
    const ok = await api.app.request('/api/scenarios/counterfactual', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ document: borrowed }) });
    assert.equal(ok.status, 200, await ok.text());
  } finally {
    closeWorkspace(ws);
  }
});

test('refitted as the README says (with population), the same scenario runs', () => {
  const fit = runCli(suite.dir, [...REFIT.split(' ').slice(1), '-w', suite.workspace]);
  assert.equal(fit.code, 0, fit.stderr);
  const r = tf('scenario', 'run', KOREA, '--draws', '5', '--no-save', '--json');
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).model.name, 'korea-2019');
});
