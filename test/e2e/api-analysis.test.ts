import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeWorkspace, createDemoWorkspace, openWorkspace, type Workspace } from '../../src/store/index.ts';
import { fitGravity } from '../../src/models/index.ts';
import { gravityDataFromWorkspace } from '../../src/store/queries/model-data.ts';
import { saveModel } from '../../src/store/models.ts';
import { createApp } from '../../src/server/index.ts';
import { REPO } from '../helpers/workspace.ts';

// The measures and scenario routes of the API, on the demo workspace with the Korea model the
// Korea example scenario uses.
let dir: string;
let ws: Workspace;
let api: ReturnType<typeof createApp>;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'talentflow-api2-'));
  await createDemoWorkspace(join(dir, 'w.duckdb'), { noCohort: true });
  ws = await openWorkspace(join(dir, 'w.duckdb'));
  const { data } = await gravityDataFromWorkspace(ws, { periods: ['2019'], within: 'KR', destinationIndicators: ['grdp_pc', 'population'] });
  const spec = { constraint: 'production' as const, decay: 'power' as const, costName: 'distance_km', destinationTerms: ['destination_grdp_pc', 'destination_population'] };
  await saveModel(ws, 'korea-2019', 'gravity', spec, fitGravity(data, spec));
  api = createApp(ws);
});
after(() => {
  closeWorkspace(ws);
  rmSync(dir, { recursive: true, force: true });
});

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const get = async (path: string): Promise<{ status: number; body: Json }> => {
  const r = await api.app.request(path);
  return { status: r.status, body: await r.json() };
};
const post = async (path: string, body: unknown): Promise<{ status: number; body: Json }> => {
  const r = await api.app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: r.status, body: await r.json() };
};

test('measures: net for Korea 2019 equals KOSIS; census net for the Northeast; bad measure and bad query', async () => {
  const list = await get('/api/measures');
  assert.equal(list.status, 200);
  const net = await get('/api/measures/net?period=2019&within=KR');
  assert.equal(net.status, 200);
  const seoul = net.body.rows.find((r: { code: string }) => r.code === 'KR11');
  assert.equal(seoul.net, -49588);
  const ne = await get('/api/measures/net?group=northeast&level=city&period=2010-2020');
  assert.equal(ne.body.rows.length, 36);
  const bad = await get('/api/measures/happiness?period=2019');
  assert.equal(bad.status, 400);
  const badRate = await get('/api/measures/census-net?from=2010&to=2020&naturalRate=5');
  assert.equal(badRate.status, 400);
  assert.match(badRate.body.error.message, /^naturalRate: /);
});

test('scenarios: the exact counterfactual answers fast; an empty scenario changes nothing; a run is a job', async () => {
  const doc = JSON.parse(readFileSync(join(REPO, 'examples/korea-regional-income.json'), 'utf8'));
  const t0 = performance.now();
  const cf = await post('/api/scenarios/counterfactual', { document: doc });
  const ms = performance.now() - t0;
  assert.equal(cf.status, 200, JSON.stringify(cf.body));
  assert.ok(ms < 2000, `counterfactual took ${ms} ms`);
  const empty = await post('/api/scenarios/counterfactual', { document: { ...doc, interventions: [] } });
  assert.equal(empty.status, 200, JSON.stringify(empty.body));
  assert.ok(JSON.stringify(empty.body).length > 0);
  const badDoc = await post('/api/scenarios/counterfactual', { document: { ...doc, horizon: { startYear: 'soon' } } });
  assert.equal(badDoc.status, 422);
  assert.match(badDoc.body.error.message, /horizon/);
  const run = await post('/api/scenarios/run', { document: doc, draws: 5, seed: 1 });
  assert.equal(run.status, 202);
  let job = run.body;
  for (let i = 0; i < 600 && job.state === 'running'; i++) {
    await new Promise((r) => setTimeout(r, 100));
    job = (await get(`/api/jobs/${job.id}`)).body;
  }
  assert.equal(job.state, 'done', JSON.stringify(job.error));
  for (const k of ['retainedDelta', 'costPerRetained']) assert.ok(['median', 'p05', 'p95'].every((q) => q in job.result.result.summary[k]), k);
  const examples = await get('/api/scenarios/examples');
  assert.ok(examples.body.length >= 2);
});
