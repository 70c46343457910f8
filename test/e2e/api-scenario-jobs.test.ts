import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeWorkspace, openWorkspace, type Workspace } from '../../src/store/index.ts';
import { demoWorkspaceAt } from '../helpers/demo-workspace.ts';
import { prepareScenario, runPrepared } from '../../src/store/scenarios.ts';
import { parseScenario } from '../../src/sim/index.ts';
import { createApp } from '../../src/server/index.ts';
import { REPO } from '../helpers/workspace.ts';

// A scenario run as a job on the demo workspace (Korea example, 17 regions, 10 cohorts): the
// draws run outside the workspace lock and pause between draws, so the page sees progress,
// other requests are answered during the run, a cancel stops it, and a seed gives the
// synchronous library's result.
let dir: string;
let ws: Workspace;
let api: ReturnType<typeof createApp>;
const doc = JSON.parse(readFileSync(join(REPO, 'examples/korea-regional-income.json'), 'utf8'));

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
async function call(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<{ status: number; body: Json; ms: number }> {
  const t0 = performance.now();
  const init = body === undefined ? { method } : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  const r = await api.app.request(path, init);
  return { status: r.status, body: await r.json(), ms: performance.now() - t0 };
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls a job every 10 ms until `until` holds of it (default: it has ended); fails after 60 s. */
async function poll(id: string, until: (job: Json) => boolean = (j) => j.state !== 'running', seen: number[] = []): Promise<Json> {
  for (const t0 = performance.now(); performance.now() - t0 < 60_000; await sleep(10)) {
    const j = (await call('GET', `/api/jobs/${id}`)).body;
    if (j.state === 'running') seen.push(j.progress);
    if (until(j)) return j;
  }
  throw new Error(`job ${id} still running after 60 s`);
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'talentflow-jobs-'));
  await demoWorkspaceAt(join(dir, 'w.duckdb'), { noCohort: true });
  ws = await openWorkspace(join(dir, 'w.duckdb'));
  api = createApp(ws);
  // The model the Korea example names, fitted and saved through the API (replacing the demo's own).
  const fit = await call('POST', '/api/models/gravity', { periods: ['2019'], within: 'KR', constraint: 'production', destinationVars: ['grdp_pc', 'population'], save: 'korea-2019', replace: true });
  const job = await poll(fit.body.id);
  assert.equal(job.state, 'done', JSON.stringify(job.error));
});
after(() => {
  closeWorkspace(ws);
  rmSync(dir, { recursive: true, force: true });
});

test('a 200-draw run reports progress while it runs and other requests are answered meanwhile', { timeout: 120_000 }, async () => {
  const t0 = performance.now();
  const start = await call('POST', '/api/scenarios/run', { document: doc, draws: 200, seed: 1 });
  assert.equal(start.status, 202, JSON.stringify(start.body));
  const seen: number[] = [];
  // Once the draws are under way, a cheap request that needs the workspace lock.
  const drawing = await poll(start.body.id, (j) => j.state !== 'running' || j.progress > 0, seen);
  assert.equal(drawing.state, 'running', `the job ended (${drawing.state}) before any progress was seen: the draws block the event loop`);
  // What it is doing, in English and coded (the page says it in its language).
  assert.match(drawing.message, /^draw \d+\/200$/);
  assert.equal(drawing.messages.message.code, 'job.draw');
  assert.equal(drawing.messages.message.params.total, 200);
  assert.equal(drawing.messages.message.message, drawing.message);
  const cheap = await call('GET', '/api/regions?limit=1');
  assert.equal(cheap.status, 200);
  const after = (await call('GET', `/api/jobs/${start.body.id}`)).body;
  assert.equal(after.state, 'running', 'the cheap request was answered only after the run ended');
  const done = await poll(start.body.id, undefined, seen);
  const totalMs = performance.now() - t0;
  assert.equal(done.state, 'done', JSON.stringify(done.error));
  assert.equal(done.result.result.draws, 200);
  const between = [...new Set(seen.filter((p) => p > 0 && p < 1))];
  assert.ok(between.length >= 2, `progress values strictly between 0 and 1: ${between.join(', ')}`);
  assert.ok(cheap.ms < totalMs / 5, `GET /api/regions?limit=1 took ${cheap.ms.toFixed(0)} ms during a run of ${totalMs.toFixed(0)} ms`);
});

test('cancelling mid-run ends the job as cancelled at once; the draws stop and nothing is saved', { timeout: 120_000 }, async () => {
  const start = await call('POST', '/api/scenarios/run', { document: doc, draws: 200, seed: 2, save: true });
  assert.equal(start.status, 202);
  const mid = await poll(start.body.id, (j) => j.state !== 'running' || j.progress >= 0.05);
  assert.ok(mid.state === 'running' && mid.progress < 0.9, `the job was ${mid.state} at progress ${mid.progress} before it could be cancelled mid-run`);
  const cancel = await call('DELETE', `/api/jobs/${start.body.id}`);
  assert.equal(cancel.status, 200);
  assert.equal(cancel.body.state, 'cancelled');
  assert.ok(cancel.body.progress < 1, `progress ${cancel.body.progress}`);
  assert.ok(cancel.ms < 1000, `the cancel took ${cancel.ms.toFixed(0)} ms`);
  // The draws themselves stop: a run going on keeps this process busy for a good part of the
  // window even on a loaded machine (about 380 ms of 800 measured), a stopped one idles (1-4 ms).
  const cpu0 = process.cpuUsage();
  const window = 800;
  await sleep(window);
  const cpu = process.cpuUsage(cpu0);
  const busy = (cpu.user + cpu.system) / 1000;
  assert.ok(busy < 0.1 * window, `${busy.toFixed(0)} ms of CPU in the ${window} ms after the cancel`);
  const later = (await call('GET', `/api/jobs/${start.body.id}`)).body;
  assert.equal(later.state, 'cancelled');
  assert.equal(later.progress, cancel.body.progress, 'progress moved after the cancel');
  assert.deepEqual((await call('GET', '/api/scenarios')).body, [], 'the cancelled run was saved');
});

test('a run job gives the synchronous library result for its seed', { timeout: 120_000 }, async () => {
  const start = await call('POST', '/api/scenarios/run', { document: doc, draws: 12, seed: 42 });
  const job = await poll(start.body.id);
  assert.equal(job.state, 'done', JSON.stringify(job.error));
  const prepared = await prepareScenario(ws, parseScenario(doc));
  const sync = (seed: number) => JSON.parse(JSON.stringify(runPrepared(prepared, { draws: 12, seed })));
  assert.deepEqual(job.result.result, sync(42));
  assert.notDeepEqual(job.result.result, sync(43));
});
