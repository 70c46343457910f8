import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeWorkspace, openWorkspace, type Workspace } from '../../src/store/index.ts';
import { demoWorkspaceAt } from '../helpers/demo-workspace.ts';
import { createApp, startServer } from '../../src/server/index.ts';

let dir: string;
let ws: Workspace;
let api: ReturnType<typeof createApp>;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'talentflow-api-'));
  await demoWorkspaceAt(join(dir, 'w.duckdb'));
  ws = await openWorkspace(join(dir, 'w.duckdb'));
  api = createApp(ws, { token: 'secret', maxBodyBytes: 4096, maxUploadBytes: 1 << 20 });
});
after(() => {
  closeWorkspace(ws);
  rmSync(dir, { recursive: true, force: true });
});

const get = async (path: string) => {
  const r = await api.app.request(path);
  return { status: r.status, body: (await r.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
};
const send = async (method: string, path: string, body: unknown, headers: Record<string, string> = { authorization: 'Bearer secret', 'content-type': 'application/json' }) => {
  const r = await api.app.request(path, { method, headers, body: typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body) });
  return { status: r.status, body: (await r.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
};

async function waitJob(id: string) {
  for (let i = 0; i < 200; i++) {
    const j = await get(`/api/jobs/${id}`);
    if (j.body.state !== 'running') return j.body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('job did not finish');
}

test('regions, groups, geometry, indicators and periods', async () => {
  const r = await get('/api/regions?within=northeast&level=city');
  assert.equal(r.status, 200);
  assert.equal(r.body.length, 36);
  assert.equal((await get('/api/groups')).body.map((g: { code: string }) => g.code).join(','), 'central,east,northeast,west');
  const g = await get('/api/geometry?level=province&within=CN');
  assert.equal(g.body.type, 'FeatureCollection');
  assert.equal(g.body.features.length, 31);
  const i = await get('/api/indicators?name=population&within=210000&level=province&period=2020');
  assert.equal(i.body[0].value, 42591407);
  const p = await get('/api/periods');
  assert.ok(p.body.flows.some((f: { period: string }) => f.period === '2019'));
});

test('flows with filters, roll-up and a minimum count', async () => {
  const f = await get('/api/flows?origin=Seoul&period=2019&intra=false&minCount=30000');
  assert.equal(f.status, 200);
  assert.ok(f.body.rows.length >= 1 && f.body.rows.every((r: { count: number }) => r.count >= 30000));
  const up = await get('/api/flows?origin=KR&period=2019&level=country');
  assert.equal(up.body.rows.length, 1);
});

test('bad input: wrong types, unknown regions and fields, unknown routes, with status and message', async () => {
  const t = await get('/api/regions?limit=many');
  assert.equal(t.status, 400);
  assert.match(t.body.error.message, /^limit: /);
  const u = await get('/api/flows?origin=Atlantis');
  assert.equal(u.status, 400);
  assert.match(u.body.error.message, /unknown origin "Atlantis"/);
  const x = await get('/api/flows?colour=red');
  assert.equal(x.status, 400);
  assert.match(x.body.error.message, /colour|Unrecognized key/i);
  const p = await get('/api/flows?period=last-year');
  assert.equal(p.status, 400);
  assert.match(p.body.error.message, /period: a year \(2019\) or a range/);
  const n = await get('/api/nothing-here');
  assert.equal(n.status, 404);
  const m = await get('/api/models/none');
  assert.equal(m.status, 404);
  assert.match(m.body.error.message, /no model named "none"/);
});

test('state changes need the token; bodies have a size limit and must be JSON', async () => {
  const body = { periods: ['2019'], within: 'KR', constraint: 'doubly' };
  const no = await send('POST', '/api/models/gravity', body, { 'content-type': 'application/json' });
  assert.equal(no.status, 401);
  assert.match(no.body.error.message, /needs an access token/);
  const big = await send('POST', '/api/models/gravity', { ...body, within: 'x'.repeat(5000) });
  assert.equal(big.status, 413);
  const notJson = await send('POST', '/api/models/gravity', 'periods=2019', { authorization: 'Bearer secret', 'content-type': 'text/plain' });
  assert.equal(notJson.status, 415);
  const wrong = await send('POST', '/api/models/gravity', { ...body, constraint: 'triple' });
  assert.equal(wrong.status, 400);
  assert.match(wrong.body.error.message, /^constraint: /);
});

test('fitting is a job: 202, progress, result, saved model listed', async () => {
  const r = await send('POST', '/api/models/gravity', { periods: ['2019'], within: 'KR', constraint: 'doubly', save: 'api-kr' });
  assert.equal(r.status, 202);
  assert.equal(r.body.state, 'running');
  const done = await waitJob(r.body.id);
  assert.equal(done.state, 'done', JSON.stringify(done.error));
  assert.ok(done.result.coefficients.distance_km < 0);
  assert.ok((await get('/api/models')).body.some((m: { name: string }) => m.name === 'api-kr'));
  const failed = await send('POST', '/api/models/gravity', { periods: ['1999'], within: 'KR' });
  const f = await waitJob(failed.body.id);
  assert.equal(f.state, 'failed');
  assert.match(f.error.body.error.message, /unknown period "1999"\. Periods with flows in this workspace: .*2019/);
  assert.equal((await send('DELETE', '/api/jobs/job-999', undefined)).status, 404);
});

test('the model list says each model\'s level and case (its regions\' country), not its result', async () => {
  const r = await get('/api/models');
  assert.equal(r.status, 200);
  const byName = Object.fromEntries((r.body as { name: string; level: string | null; case: string | null; regions: number }[]).map((m) => [m.name, m]));
  assert.deepEqual({ level: byName['china-provinces'].level, case: byName['china-provinces'].case, regions: byName['china-provinces'].regions }, { level: 'province', case: 'cn', regions: 31 });
  assert.deepEqual({ level: byName['korea-2019'].level, case: byName['korea-2019'].case, regions: byName['korea-2019'].regions }, { level: 'province', case: 'kr', regions: 17 });
  assert.ok(!('result' in byName['korea-2019']));
});

test('uploads import a file; a bad file gets the row and column, and nothing is written', async () => {
  const csv = 'origin,destination,year,count\n沈阳,大连,2001,5\n大连,沈阳,2001,7\n';
  const ok = await send('POST', '/api/import/flows?filename=od.csv', new TextEncoder().encode(csv), { authorization: 'Bearer secret', 'content-type': 'text/csv' });
  assert.equal(ok.status, 201, JSON.stringify(ok.body));
  assert.equal(ok.body.rows, 2);
  const bad = await send('POST', '/api/import/flows?filename=bad.csv', new TextEncoder().encode('origin,destination,year,count\n沈阳,大连,2002,-5\n'), { authorization: 'Bearer secret', 'content-type': 'text/csv' });
  assert.equal(bad.status, 400);
  assert.match(bad.body.error.message, /^bad\.csv, row 2, column "count": negative value -5/);
  const path = await send('POST', '/api/import/flows?filename=../../etc/passwd', new Uint8Array([1]), { authorization: 'Bearer secret', 'content-type': 'text/csv' });
  assert.equal(path.status, 400);
  const big = await send('POST', '/api/import/flows?filename=big.csv', new Uint8Array(2 << 20), { authorization: 'Bearer secret', 'content-type': 'text/csv' });
  assert.equal(big.status, 413);
});

test('the OpenAPI document lists every route', async () => {
  const d = await get('/api/openapi.json');
  assert.equal(d.body.openapi, '3.1.0');
  for (const p of ['/api/regions', '/api/flows', '/api/indicators', '/api/models/gravity', '/api/jobs/{id}', '/api/import/{kind}']) assert.ok(d.body.paths[p], p);
  assert.ok(d.body.paths['/api/flows'].get.parameters.some((x: { name: string }) => x.name === 'period'));
});

test('the server listens on loopback; another address without a token is refused', async () => {
  const s = await startServer(ws, { port: 0, webDir: dir });
  try {
    const r = await fetch(new URL('api/health', s.url));
    assert.equal(((await r.json()) as { ok: boolean }).ok, true);
  } finally {
    await s.close();
  }
  await assert.rejects(startServer(ws, { port: 0, host: '0.0.0.0' }), /needs an access token/);
});
