/**
 * POST /api/models/choice: a destination-choice fit as a job on a workspace of graduate records
 * (src/store/choice/test-fixtures.ts). The job's result equals fitWorkspaceChoiceModel on the
 * same spec (coefficients and standard errors to 1e-12: the same code on the same data); the
 * saved model is listed and read by the models routes; bad bodies are 400, writes other than
 * exact application/json 415, and a missing attribute a failed job naming it.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createApp } from '../../src/server/index.ts';
import { fitWorkspaceChoiceModel } from '../../src/store/choice/fit-choice.ts';
import { choiceWorkspace } from '../../src/store/choice/test-fixtures.ts';
import { apiClient, type ApiClient } from '../helpers/api.ts';

let api: ApiClient;
let app: ReturnType<typeof createApp>['app'];
let fixture: Awaited<ReturnType<typeof choiceWorkspace>>;
before(async () => {
  fixture = await choiceWorkspace();
  app = createApp(fixture.ws).app;
  api = apiClient(app);
});
after(() => fixture.done());

const spec = { level: 'province', alternativeVars: ['income', 'temperature'], personTerms: ['distance_home', 'is_home'] as ('distance_home' | 'is_home')[] };

test('POST /api/models/choice runs as a job, gives the library result, saves a model the models routes list', async () => {
  const start = await api.post('/api/models/choice', { ...spec, save: 'api-choice' });
  assert.equal(start.status, 202, JSON.stringify(start.body));
  const job = await api.waitJob(start.body.id);
  assert.equal(job.state, 'done', JSON.stringify(job.error));
  assert.equal(job.kind, 'fit-choice');
  const r = job.result;
  const lib = await fitWorkspaceChoiceModel(fixture.ws, spec);
  for (const t of lib.terms) {
    assert.ok(Math.abs(r.coefficients[t] - lib.coefficients[t]) < 1e-12, t);
    assert.ok(Math.abs(r.standardErrors[t] - lib.standardErrors[t]) < 1e-12, t);
  }
  assert.ok(r.wtp.values.length > 0 && r.elasticities.length === 2 && r.fitSeconds > 0);
  assert.equal(r.saved, 'api-choice');
  const list = await api.get('/api/models');
  assert.ok(list.body.some((m: { name: string; kind: string }) => m.name === 'api-choice' && m.kind === 'choice'));
  const one = await api.get('/api/models/api-choice');
  assert.equal(one.status, 200);
  assert.deepEqual(one.body.spec.alternativeVars, ['disposable_income_pc', 'weather_air_temperature_x10']);
  assert.equal(one.body.result.logLikelihood, r.logLikelihood);
  const doc = await api.get('/api/openapi.json');
  assert.equal(doc.status, 200);
  assert.ok(doc.body.paths['/api/models/choice'].post, 'the route is in the OpenAPI document');
});

test('bad bodies: unknown field and bad person term are 400; not application/json is 415; a missing attribute fails the job with its name', async () => {
  const unknown = await api.post('/api/models/choice', { ...spec, bogus: 1 });
  assert.equal(unknown.status, 400);
  const term = await api.post('/api/models/choice', { ...spec, personTerms: ['distance_moon'] });
  assert.equal(term.status, 400);
  assert.match(term.body.error.message, /personTerms/);
  const form = await app.request('/api/models/choice', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(spec) });
  assert.equal(form.status, 415);
  const start = await api.post('/api/models/choice', { level: 'province', alternativeVars: ['rail'] });
  assert.equal(start.status, 202);
  const job = await api.waitJob(start.body.id);
  assert.equal(job.state, 'failed');
  assert.match(JSON.stringify(job.error), /urban_rail_transit_length has no value for 2015/);
});

test('the choice result through the API and the saved model hide observed counts under the workspace\'s k, marked, with no person id', async () => {
  const start = await api.post('/api/models/choice', { ...spec, save: 'api-choice-private' });
  const job = await api.waitJob(start.body.id);
  assert.equal(job.state, 'done', JSON.stringify(job.error));
  type Row = { observed: number | null; observedShare: number | null; suppressed: boolean };
  const check = (shares: { privacy: { k: number; suppressedCells: number }; byAlternative: Row[]; byHome: { persons: number | null; shares: Row[] }[] }) => {
    assert.equal(shares.privacy.k, 10);
    const rows = [...shares.byAlternative, ...shares.byHome.flatMap((h) => h.shares)];
    assert.ok(rows.some((s) => s.suppressed), 'some counts are hidden');
    for (const s of rows) {
      assert.ok(s.observed === null || s.observed === 0 || s.observed >= 10, `count ${s.observed} shown`);
      if (s.suppressed) assert.deepEqual([s.observed, s.observedShare], [null, null]);
    }
    for (const h of shares.byHome) assert.ok(h.persons === null || h.persons >= 10);
  };
  check(job.result.shares);
  const saved = await api.get('/api/models/api-choice-private');
  check(saved.body.result.shares);
  assert.ok(!JSON.stringify(saved.body).includes('"example"'), 'no person id in the saved model');
});

test('GET /api/reports/graduates/catalogue names the country each university\'s records lie in (where a choice model of them is fitted)', async () => {
  const r = await api.get('/api/reports/graduates/catalogue');
  assert.equal(r.status, 200);
  const universities = r.body.universities as { university: string; countries: string[] }[];
  assert.ok(universities.length > 0);
  const [{ code }] = await fixture.ws.db.all<{ code: string }>("SELECT code FROM regions WHERE level = 'country' LIMIT 1");
  for (const u of universities) assert.deepEqual(u.countries, [code], u.university);
});
