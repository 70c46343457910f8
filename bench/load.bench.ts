// Bounded loopback load test with autocannon, 200 connections, 20 s per endpoint, 127.0.0.1 only:
// the scenario slider's endpoint (POST /api/scenarios/counterfactual), the map's flow lines
// (GET /api/flows, its measured size in the line's title) and, as the peer, GET /api/health: the most this server
// stack (Node, hono, autocannon on the same two cores) answers, so each line's ratio says how
// much of that ceiling the endpoint's own work takes; for the flows, whose answers of a megabyte or more are
// bound by moving bytes, the peer is a static file of like size. Builds a demo workspace with China's
// estimated flows and the Northeast model (china-provinces) in a temp folder first.
// Run: npm run bench -- load [seconds]
import autocannon from 'autocannon';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../src/server/index.ts';
import { closeWorkspace, createDemoWorkspace, openWorkspace } from '../src/store/index.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const seconds = Number(process.argv[2] ?? 20);
const dir = mkdtempSync(join(tmpdir(), 'talentflow-load-'));
const file = join(dir, 'demo.duckdb');
// The demo holds China's estimated flows (provinces 2000-2010, cities 2010-2020) and the
// china-provinces model the Northeast example runs on.
await createDemoWorkspace(file);
const ws = await openWorkspace(file, { create: false });
const server = await startServer(ws, { host: '127.0.0.1', port: 0 });
const document = JSON.parse(readFileSync(join(ROOT, 'examples', 'northeast-stay-subsidy.json'), 'utf8'));

async function load(title: string, opts: autocannon.Options): Promise<number> {
  const kinds: Record<string, number> = {};
  const r = await new Promise<autocannon.Result>((ok, fail) => {
    const run = autocannon({ connections: 200, duration: seconds, timeout: 30, ...opts }, (e, result) => (e ? fail(e) : ok(result)));
    run.on('reqError', (e: NodeJS.ErrnoException) => void (kinds[e.code ?? e.message] = (kinds[e.code ?? e.message] ?? 0) + 1));
  });
  const errors = r.errors + r.timeouts + r.non2xx;
  // Answers over the whole run (autocannon's per-second average leaves out seconds with none).
  const rate = r.requests.total / r.duration;
  const ratio = peer ? `, ${(rate / peer).toFixed(3)} of the peer's rate` : '';
  console.log(`${title}: ${rate.toFixed(0)} req/s (total ${r.requests.total} in ${r.duration.toFixed(1)} s), latency p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, errors ${errors}${ratio}`);
  if (errors) {
    console.log(`  errors ${r.errors} (timeouts ${r.timeouts}), non-2xx ${r.non2xx}, by kind ${JSON.stringify(kinds)}`);
    process.exitCode = 1;
  }
  return rate;
}

let peer = 0;
try {
  peer = await load('peer: GET /api/health', { url: `${server.url}api/health` });
  await load('POST /api/scenarios/counterfactual (Northeast, 356 cities, 10 cohorts)', {
    url: `${server.url}api/scenarios/counterfactual`, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ document }),
  });
  // A large answer is bounded by moving its bytes, not by the route: its peer is a static file
  // of like size, the dashboard's script (when web/dist is built).
  const script = existsSync(join(ROOT, 'web', 'dist', 'assets')) ? readdirSync(join(ROOT, 'web', 'dist', 'assets')).find((f) => /^index-.*\.js$/.test(f)) : undefined;
  if (script) {
    const size = statSync(join(ROOT, 'web', 'dist', 'assets', script)).size;
    peer = await load(`peer: GET the dashboard's script (a static file of ${(size / 1e6).toFixed(1)} MB)`, { url: `${server.url}assets/${script}` });
  }
  // The answer's size is measured, not assumed: the demo's estimated flows change between
  // versions, and a throughput ratio across versions means little without the bytes moved.
  const flowsUrl = `${server.url}api/flows?group=northeast&period=2010-2020&level=city&intra=false&limit=10000`;
  const answer = await (await fetch(flowsUrl)).text();
  const rows = (JSON.parse(answer) as { rows: unknown[] }).rows.length;
  await load(`GET /api/flows (Northeast cities 2010-2020, ${rows.toLocaleString('en')} lines, ${(Buffer.byteLength(answer) / 1e6).toFixed(2)} MB, as the map asks)`, { url: flowsUrl });
} finally {
  await server.close();
  closeWorkspace(ws);
  rmSync(dir, { recursive: true, force: true });
}
