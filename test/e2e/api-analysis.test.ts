import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeWorkspace, openWorkspace, type Workspace } from '../../src/store/index.ts';
import { demoWorkspaceAt } from '../helpers/demo-workspace.ts';
import { fitGravity } from '../../src/models/index.ts';
import { gravityDataFromWorkspace } from '../../src/store/queries/model-data.ts';
import { saveModel } from '../../src/store/models.ts';
import { createApp } from '../../src/server/index.ts';
import { importDemoCohort } from '../../src/store/demo.ts';
import { REPO } from '../helpers/workspace.ts';

// The measures and scenario routes of the API, on the demo workspace with the Korea model the
// Korea example scenario uses.
let dir: string;
let ws: Workspace;
let api: ReturnType<typeof createApp>;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'talentflow-api2-'));
  await demoWorkspaceAt(join(dir, 'w.duckdb'), { noCohort: true });
  ws = await openWorkspace(join(dir, 'w.duckdb'));
  const { data } = await gravityDataFromWorkspace(ws, { periods: ['2019'], within: 'KR', destinationIndicators: ['grdp_pc', 'population'] });
  const spec = { constraint: 'production' as const, decay: 'power' as const, costName: 'distance_km', destinationTerms: ['destination_grdp_pc', 'destination_population'] };
  // The demo fits korea-2019 too (src/store/demo-models.ts); this one replaces it with the test's own spec.
  await saveModel(ws, 'korea-2019', 'gravity', spec, fitGravity(data, spec), { replace: true });
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
  // City flows 2010-2020 are estimated from population change alone: the definition says so.
  const ne = await get('/api/measures/net?group=northeast&level=city&period=2010-2020');
  assert.equal(ne.body.rows.length, 36);
  assert.equal(ne.body.kind, 'estimated');
  assert.match(ne.body.definition, /flows 2010-2020 estimated from census population change alone/);
  // Population change itself is never called net migration.
  const change = await get('/api/measures/census-net?group=northeast&level=city&from=2010&to=2020&naturalRate=0');
  assert.match(change.body.definition, /^population change between the censuses 2010 and 2020 .*not net migration/);
  // Province flows 2000-2010 come from the census birthplace tables, and their definition names them.
  const cn = await get('/api/measures/net?level=province&within=CN&period=2000-2010');
  assert.equal(cn.status, 200);
  assert.equal(cn.body.rows.length, 31);
  assert.equal(cn.body.kind, 'estimated');
  assert.match(cn.body.definition, /^net migration \(in-flows minus out-flows\) of flows 2000-2010 estimated from two census birthplace tables/);
  const ln = cn.body.rows.find((r: { code: string }) => r.code === '210000');
  assert.ok(ln.net < 0, 'Liaoning lost people to migration 2000-2010');
  for (const [m, field] of [['in', 'inflow'], ['out', 'outflow']]) {
    const x = await get(`/api/measures/${m}?level=province&within=CN&period=2000-2010`);
    assert.ok(x.body.rows.find((r: { code: string }) => r.code === '210000')[field] > 1e4, `Liaoning ${field}`);
  }
  const bad = await get('/api/measures/happiness?period=2019');
  assert.equal(bad.status, 400);
  const badRate = await get('/api/measures/census-net?from=2010&to=2020&naturalRate=5');
  assert.equal(badRate.status, 400);
  assert.match(badRate.body.error.message, /^naturalRate: /);
});

// Its speed is measured by `npm run bench -- load` (requests per second against a static file
// served by the same process), not asserted here: a timed test fails on a busy machine.
test('scenarios: the exact counterfactual answers; an empty scenario changes nothing; a run is a job', async () => {
  const doc = JSON.parse(readFileSync(join(REPO, 'examples/korea-regional-income.json'), 'utf8'));
  const cf = await post('/api/scenarios/counterfactual', { document: doc });
  assert.equal(cf.status, 200, JSON.stringify(cf.body));
  const empty = await post('/api/scenarios/counterfactual', { document: { ...doc, interventions: [] } });
  assert.equal(empty.status, 200, JSON.stringify(empty.body));
  // The example pays an allowance, so it retains more at a cost; without interventions nothing changes.
  assert.ok(cf.body.summary.retainedDelta > 0 && cf.body.summary.totalCost > 0, JSON.stringify(cf.body.summary));
  assert.equal(empty.body.years.length, cf.body.years.length);
  for (const y of empty.body.years) {
    assert.equal(y.retainedDelta, 0, `retained delta ${y.year}`);
    assert.equal(y.retainedScenario, y.retainedBaseline, `retained ${y.year}`);
    assert.equal(y.cost, 0, `cost ${y.year}`);
  }
  assert.deepEqual([empty.body.summary.retainedDelta, empty.body.summary.totalCost, empty.body.summary.costPerRetained], [0, 0, null]);
  // A requested amount: its note comes first, coded like the others (so a page can say it in its language).
  const scaled = await post('/api/scenarios/counterfactual', { document: doc, amount: 250 });
  assert.equal(scaled.status, 200, JSON.stringify(scaled.body));
  assert.equal(scaled.body.notes.length, cf.body.notes.length + 1);
  assert.equal(scaled.body.messages.notes.length, scaled.body.notes.length);
  assert.equal(scaled.body.messages.notes[0].code, 'scenario.payment.set');
  assert.equal(scaled.body.messages.notes[0].params.monthly, 250);
  assert.equal(scaled.body.notes[0], scaled.body.messages.notes[0].message);
  assert.match(scaled.body.notes[0], /^payment set to 250 /);
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

test('rank: the China cities example, national ranks of the Northeast, top, rank change; bad input', async () => {
  const top = await get('/api/rank?example=china-cities&top=5&comparePeriod=2010');
  assert.equal(top.status, 200, JSON.stringify(top.body));
  assert.equal(top.body.index.rows.length, 5);
  assert.deepEqual(top.body.index.rows.map((r: { rank: number }) => r.rank), [1, 2, 3, 4, 5]);
  assert.ok(top.body.index.rows.every((r: { score: number; name: string | null }) => Number.isFinite(r.score) && r.name));
  assert.equal(top.body.rankChange.period, '2010');
  const ne = await get('/api/rank?example=china-cities&show=northeast');
  assert.equal(ne.status, 200);
  assert.ok(ne.body.index.rows.length >= 30 && ne.body.index.rows.length <= 36, `Northeast cities ranked: ${ne.body.index.rows.length}`);
  assert.ok(ne.body.index.rows.some((r: { rank: number }) => r.rank > 36), 'national ranks, not ranks within the Northeast');
  const none = await get('/api/rank');
  assert.equal(none.status, 422);
  assert.equal(none.body.error.message, 'indicators: give indicators or example=china-cities');
  const badExample = await get('/api/rank?example=nope');
  assert.equal(badExample.status, 400);
  assert.equal(badExample.body.error.message, 'example: Invalid input: expected "china-cities"');
  const badTop = await get('/api/rank?example=china-cities&top=0');
  assert.equal(badTop.status, 400);
  assert.equal(badTop.body.error.message, 'top: Too small: expected number to be >=1');
  const unknown = await get('/api/rank?example=china-cities&colour=red');
  assert.equal(unknown.status, 400);
});

test('reports/graduates: no person records, then the synthetic cohort of NEU; bad input', async () => {
  const empty = await get('/api/reports/graduates');
  assert.equal(empty.status, 422);
  assert.equal(empty.body.error.message, 'university: the workspace holds no person records (`talentflow import persons FILE`, or `talentflow demo`)');
  await importDemoCohort(ws, 2016);
  const neu = await get('/api/reports/graduates?university=NEU&year=2016&compare=2015');
  assert.equal(neu.status, 200, JSON.stringify(neu.body));
  assert.equal(neu.body.year, 2016);
  assert.equal(neu.body.previousYear, 2015);
  assert.equal(neu.body.synthetic, true);
  assert.equal(neu.body.selection.university, 'Northeastern University');
  assert.ok(neu.body.headcount.count > 0);
  assert.ok(neu.body.stayStudyProvince.share > 0 && neu.body.stayStudyProvince.share < 1);
  assert.ok(neu.body.byProvince.length > 1);
  const noCompare = await get('/api/reports/graduates?university=NEU&compare=none');
  assert.equal(noCompare.status, 200);
  assert.equal(noCompare.body.previousYear, null);
  const badYear = await get('/api/reports/graduates?year=abc');
  assert.equal(badYear.status, 400);
  assert.equal(badYear.body.error.message, 'year: Invalid input: expected number, received NaN');
  const unknownUni = await get('/api/reports/graduates?university=Hogwarts');
  assert.equal(unknownUni.status, 422);
  assert.match(unknownUni.body.error.message, /^university: no person records of "Hogwarts"; universities: /);
});

test('scenarios/compare: two saved runs side by side; bad ids and a missing run', async () => {
  const doc = JSON.parse(readFileSync(join(REPO, 'examples/korea-regional-income.json'), 'utf8'));
  const ids: number[] = [];
  for (const seed of [1, 2]) {
    let job = (await post('/api/scenarios/run', { document: doc, draws: 3, seed, save: true })).body;
    for (let i = 0; i < 600 && job.state === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = (await get(`/api/jobs/${job.id}`)).body;
    }
    assert.equal(job.state, 'done', JSON.stringify(job.error));
    ids.push(job.result.id);
  }
  const listed = await get('/api/scenarios');
  assert.ok(ids.every((id) => listed.body.some((r: { id: number }) => r.id === id)));
  const cmp = await get(`/api/scenarios/compare?ids=${ids.join(',')}`);
  assert.equal(cmp.status, 200, JSON.stringify(cmp.body));
  assert.deepEqual(cmp.body.runs.map((r: { id: number }) => r.id), ids);
  assert.equal(cmp.body.scenarios.length, 2);
  for (const s of cmp.body.scenarios) for (const k of ['retainedDelta', 'costPerRetained']) assert.ok(['median', 'p05', 'p95'].every((q) => q in s[k]), k);
  const bad = await get('/api/scenarios/compare?ids=x');
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.message, 'ids: run ids separated by commas, e.g. 1,2');
  const missing = await get('/api/scenarios/compare?ids=999');
  assert.equal(missing.status, 404);
  assert.equal(missing.body.error.message, 'no stored scenario run 999: see GET /api/scenarios');
});
