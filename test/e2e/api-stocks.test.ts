// The stock tables and the flows-from-stocks estimate through the HTTP API, on the demo
// workspace (China's 2000 and 2010 census birthplace tables, sample counts): the tables listed
// with what their numbers are, cells filtered, the birthplace estimate run as a job and stored,
// the flow-based net migration of those flows, and refused inputs with their messages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeWorkspace, openWorkspace, type Workspace } from '../../src/store/index.ts';
import { demoWorkspaceAt } from '../helpers/demo-workspace.ts';
import { createApp } from '../../src/server/index.ts';
import { apiClient, type ApiClient, type Json } from '../helpers/api.ts';

let dir: string;
let ws: Workspace;
let get: ApiClient['get'];
let post: ApiClient['post'];
let waitJob: ApiClient['waitJob'];
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'talentflow-api-stocks-'));
  // Without the demo's own estimate, so the flows 2000-2010 measured below are the ones the job stores.
  await demoWorkspaceAt(join(dir, 'w.duckdb'), { noCohort: true, noEstimate: true });
  ws = await openWorkspace(join(dir, 'w.duckdb'));
  ({ get, post, waitJob } = apiClient(createApp(ws).app));
});
after(() => {
  closeWorkspace(ws);
  rmSync(dir, { recursive: true, force: true });
});

const DEFINITION = 'census lifetime migrants (birthplace -> residence), long-form sample counts';
const LN = '210000';

test('GET /api/stocks lists both census tables with unit, sampling rate, definition, source and kind; filters return cells', async () => {
  const list = await get('/api/stocks');
  assert.equal(list.status, 200);
  assert.deepEqual(list.body.tables.map((t: Json) => [t.date, t.unit, t.samplingRate, t.definition, t.kind, t.cells]), [
    [2000, 'sample', 0.095, DEFINITION, 'observed', 930], [2010, 'sample', 0.1, DEFINITION, 'observed', 930],
  ]);
  assert.match(list.body.tables[0].source, /vis2014\/Assignment3/);
  assert.deepEqual(list.body.rows, [], 'cells only with a filter');

  // People born in Liaoning living in Beijing in 2010: one cell, its persons = count / 0.1.
  const one = await get('/api/stocks?date=2010&birth=210000&residence=110000');
  assert.equal(one.status, 200);
  assert.deepEqual(one.body.tables.map((t: Json) => t.date), [2010]);
  assert.equal(one.body.rows.length, 1);
  const cell = one.body.rows[0];
  assert.deepEqual([cell.birth, cell.residence, cell.date], [LN, '110000', 2010]);
  assert.ok(cell.count > 0);
  assert.ok(Math.abs(cell.persons - cell.count / 0.1) < 1e-6);

  // Every cell with both ends in the Northeast, at both dates: 3 x 2 off-diagonal pairs each.
  const ne = await get('/api/stocks?within=northeast');
  assert.equal(ne.body.rows.length, 12);
  assert.ok(ne.body.rows.every((r: Json) => ['210000', '220000', '230000'].includes(r.birth) && ['210000', '220000', '230000'].includes(r.residence)));
  const top = await get('/api/stocks?date=2000&limit=3');
  assert.equal(top.body.rows.length, 3);
  assert.ok(top.body.rows[0].count >= top.body.rows[1].count, 'largest first');

  const bad = await get('/api/stocks?date=twenty');
  assert.equal(bad.status, 400);
  assert.match(bad.body.error.message, /^date: /);
  const unknown = await get('/api/stocks?birth=Atlantis');
  assert.equal(unknown.status, 400);
  assert.match(unknown.body.error.message, /Atlantis/);
  const doc = await get('/api/openapi.json');
  assert.ok(doc.body.paths['/api/stocks'].get.parameters.some((p: Json) => p.name === 'residence'));
  assert.ok(doc.body.paths['/api/estimate/flows-from-stocks'].post.requestBody.content['application/json'].schema.properties.method);
});

test('POST /api/estimate/flows-from-stocks: birthplace by default, a job whose result names its tables; the stored flows give a flow-based net', async () => {
  const start = await post('/api/estimate/flows-from-stocks', { from: 2000, to: 2010, save: true });
  assert.equal(start.status, 202, JSON.stringify(start.body));
  const job = await waitJob(start.body.id);
  assert.equal(job.state, 'done', JSON.stringify(job.error));
  const r = job.result;
  assert.equal(r.estimator, 'birthplace');
  assert.match(r.estimatorChoice, /stock tables for both 2000 and 2010/);
  assert.equal(r.period, '2000-2010');
  assert.equal(r.unit, 'persons');
  assert.equal(r.kind, 'estimated');
  assert.match(r.definition, /estimated from two census birthplace tables \(Abel 2013, migest ffs_demo, stayers maximised/);
  assert.ok(r.source.startsWith(`${DEFINITION} 2000 and 2010`), r.source);
  assert.ok(r.stored > 0);
  assert.equal(r.regions.length, 31);
  assert.ok(r.inTotals[LN] > 0 && r.outTotals[LN] > 0, 'Liaoning both receives and sends');
  assert.ok(r.net[LN] < 0, 'Liaoning lost people to migration 2000-2010');
  // The stated natural-change range: every region has a low, central and high net; the central
  // case is the estimate itself and lies between the other two.
  assert.equal(r.naturalRange.length, 31);
  const ln = r.naturalRange.find((x: Json) => x.code === LN);
  assert.equal(ln.central, r.net[LN]);
  assert.ok(Math.min(ln.low, ln.high) <= ln.central && ln.central <= Math.max(ln.low, ln.high), JSON.stringify(ln));

  const net = await get('/api/measures/net?level=province&within=CN&period=2000-2010');
  assert.equal(net.status, 200, JSON.stringify(net.body));
  assert.match(net.body.definition, /^net migration \(in-flows minus out-flows\) of flows 2000-2010 estimated from two census birthplace tables/);
  assert.equal(net.body.kind, 'estimated');
  const row = net.body.rows.find((x: Json) => x.code === LN);
  assert.ok(row, 'Liaoning has a row');
  assert.ok(Math.abs(row.net - r.net[LN]) < 1, `measure net ${row.net} vs estimate ${r.net[LN]}`);
});

test('the prior variant moves more people and every province sends', async () => {
  const start = await post('/api/estimate/flows-from-stocks', { method: 'birthplace', from: 2000, to: 2010, natural: 'none', stayerAssumption: false, prior: { movesFactor: 1.2 } });
  assert.equal(start.status, 202, JSON.stringify(start.body));
  const job = await waitJob(start.body.id);
  assert.equal(job.state, 'done', JSON.stringify(job.error));
  assert.match(job.result.definition, /distance prior/);
  assert.ok(job.result.assumptions.some((a: string) => /calibrated so that .* people move \(1\.2 times the/.test(a)), 'the calibration is stated');
  assert.equal(job.result.naturalRange, null);
  assert.equal(job.result.stored, 0);
  assert.ok(Object.values(job.result.outTotals as Record<string, number>).every((v) => v > 0));
});

test('bad inputs: unknown method, to not after from, misplaced options, out-of-range bounds, a missing table', async () => {
  const method = await post('/api/estimate/flows-from-stocks', { method: 'guess', from: 2000, to: 2010 });
  assert.equal(method.status, 400);
  assert.match(method.body.error.message, /^method: .*birthplace/);
  const order = await post('/api/estimate/flows-from-stocks', { from: 2010, to: 2000 });
  assert.equal(order.status, 400);
  assert.equal(order.body.error.message, 'to: 2000 must be after from (2010)');
  const same = await post('/api/estimate/flows-from-stocks', { from: 2010, to: 2010 });
  assert.equal(same.status, 400);
  const prior = await post('/api/estimate/flows-from-stocks', { from: 2000, to: 2010, prior: { movesFactor: 2 } });
  assert.equal(prior.status, 400);
  assert.match(prior.body.error.message, /^prior: .*stayerAssumption: false/);
  const factor = await post('/api/estimate/flows-from-stocks', { from: 2000, to: 2010, stayerAssumption: false, prior: { movesFactor: 0.5 } });
  assert.equal(factor.status, 400);
  assert.match(factor.body.error.message, /^prior\.movesFactor: /);
  const rates = await post('/api/estimate/flows-from-stocks', { from: 2000, to: 2010, natural: { births: 12, deaths: -1 } });
  assert.equal(rates.status, 400);
  const extra = await post('/api/estimate/flows-from-stocks', { from: 2000, to: 2010, colour: 'red' });
  assert.equal(extra.status, 400);
  const mixed = await post('/api/estimate/flows-from-stocks', { method: 'birthplace', from: 2000, to: 2010, level: 'city', grossRate: 0.1 });
  assert.equal(mixed.status, 422);
  assert.match(mixed.body.error.message, /level, grossRate apply only to the census-residual method/);
  const residual = await post('/api/estimate/flows-from-stocks', { method: 'census-residual', from: 2000, to: 2010, stayerAssumption: false });
  assert.equal(residual.status, 422);
  assert.match(residual.body.error.message, /stayerAssumption applies only to the birthplace method/);
  // No stock table for 2020: birthplace named explicitly is refused at once, with what there is.
  const missing = await post('/api/estimate/flows-from-stocks', { method: 'stock-differencing', from: 2010, to: 2020 });
  assert.equal(missing.status, 404);
  assert.match(missing.body.error.message, /none for 2020 \(the workspace holds stock tables of 2000, 2010\)/);
});
