// The server's response cache (src/server/response-cache.ts): repeated reads come from memory,
// concurrent misses run once, ETags give 304, and any write to the workspace makes every cached
// answer stale (checked with a real import of new flows).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, startServer } from '../../src/server/index.ts';
import { closeWorkspace, importFlows, openWorkspace, type Workspace } from '../../src/store/index.ts';
import { demoWorkspaceAt } from '../helpers/demo-workspace.ts';

let dir: string;
let ws: Workspace;
let api: ReturnType<typeof createApp>;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'talentflow-cache-'));
  await demoWorkspaceAt(join(dir, 'w.duckdb'), { noEstimate: true, noCohort: true });
  ws = await openWorkspace(join(dir, 'w.duckdb'));
  api = createApp(ws);
});
after(() => {
  closeWorkspace(ws);
  rmSync(dir, { recursive: true, force: true });
});

const stats = async () => ((await (await api.app.request('/api/health')).json()) as { cache: { hits: number; misses: number } }).cache;

test('a repeated read is answered from memory with the same body, whatever the order of its parameters', async () => {
  const a = await api.app.request('/api/flows?origin=Seoul&period=2019&intra=false');
  assert.equal(a.status, 200);
  assert.equal(a.headers.get('x-cache'), 'miss');
  const b = await api.app.request('/api/flows?intra=false&period=2019&origin=Seoul');
  assert.equal(b.headers.get('x-cache'), 'hit');
  assert.equal(await b.text(), await a.text());
  assert.equal(b.headers.get('etag'), a.headers.get('etag'));
  assert.match(b.headers.get('content-type') ?? '', /^application\/json/);
});

test('If-None-Match with the current ETag gets 304 and no body', async () => {
  const a = await api.app.request('/api/groups');
  const etag = a.headers.get('etag')!;
  assert.match(etag, /^W\/"\d+-[\w-]+"$/);
  const b = await api.app.request('/api/groups', { headers: { 'if-none-match': etag } });
  assert.equal(b.status, 304);
  assert.equal(await b.text(), '');
});

test('concurrent identical misses run the query once', async () => {
  const before = await stats();
  const answers = await Promise.all(Array.from({ length: 20 }, () => api.app.request('/api/regions?within=KR&limit=100')));
  const after = await stats();
  assert.equal(after.misses - before.misses, 1);
  assert.equal(after.hits - before.hits, 19);
  const bodies = new Set(await Promise.all(answers.map((r) => r.text())));
  assert.equal(bodies.size, 1);
});

test('errors and jobs are never cached', async () => {
  const a = await api.app.request('/api/flows?origin=Nowhere-at-all');
  assert.equal(a.status, 400);
  assert.equal(a.headers.get('x-cache'), null);
  const b = await api.app.request('/api/jobs');
  assert.equal(b.headers.get('x-cache'), null);
});

test('an import makes cached answers stale: the next read sees the new flows', async () => {
  // Every period of one corridor: a period the workspace lacks is refused (400), so the new
  // flows come in a new period and must appear in the same query's next answer.
  const q = '/api/flows?origin=Seoul&destination=Busan';
  const first = (await (await api.app.request(q)).json()) as { rows: { period: string }[] };
  assert.ok(first.rows.length > 0 && !first.rows.some((x) => x.period === '2031'), JSON.stringify(first.rows));
  assert.equal((await api.app.request(q)).headers.get('x-cache'), 'hit');
  const file = join(dir, 'new.csv');
  writeFileSync(file, 'origin,destination,period,count\nSeoul,Busan,2031,1234\n');
  await importFlows(ws, file);
  const r = await api.app.request(q);
  assert.equal(r.headers.get('x-cache'), 'miss');
  const rows = ((await r.json()) as { rows: { period: string; count: number }[] }).rows;
  assert.equal(rows.length, first.rows.length + 1);
  assert.deepEqual(rows.filter((x) => x.period === '2031').map((x) => x.count), [1234]);
});

test('a started server answers the dashboard’s opening requests in the background, so the first visit hits the cache', async () => {
  const s = await startServer(ws, { port: 0, warm: ['/api/groups', '/api/regions?within=KR&limit=5'] });
  try {
    for (let i = 0; i < 100; i++) {
      const { cache } = (await (await fetch(`${s.url}api/health`)).json()) as { cache: { misses: number } };
      if (cache.misses >= 2) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const r = await fetch(`${s.url}api/regions?limit=5&within=KR`);
    assert.equal(r.headers.get('x-cache'), 'hit');
    assert.equal(((await r.json()) as unknown[]).length, 5);
  } finally {
    await s.close();
  }
});
