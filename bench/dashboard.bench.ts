// Dashboard speed in Debian's Chromium (playwright-core, headless), against peers run in the
// same process on the same data. No timing is asserted; the bench fails only on real errors
// (console errors, failed requests, a page that never gets ready, a map without content).
// 1. Loads of two views, each against its own peer:
//    - the first screen (the page's address alone: China at province level, 2000-2010, the
//      Northeast's 50 largest corridors, as the workspace's cases give it);
//    - the city view, opened through the page's URL state (`?level=city&period=2010-2020&top=0`:
//      every city with the province outlines, the Northeast's corridors up to the page's limit
//      of 10,000 lines).
//    The page's own marks (`window.__talentflow.timings`, performance.now() since navigation
//    start): mapUsable (map idle with the boundaries and the net-migration choropleth),
//    mapPresented (two animation frames later), flowsDrawn. Cold: a fresh browser and profile
//    per run; warm: reloads in one browser. Peer: a bare MapLibre page (no app code) drawing the
//    same /api/geometry answers the dashboard asked for in that view (recorded in a warm-up load:
//    its own level as one-colour fills and lines, any other level as outlines), with the map
//    options of web/src/map/basemap.ts, in a map box of the dashboard's size; its marks are the
//    first 'idle' after the data is set, plus two animation frames.
//    The peer page and its MapLibre files are served by a second server on the same workspace
//    (same API code, same cache headers: files under assets/ immutable, answers no-cache with
//    an etag), not through Playwright's page.route: routing disables Chromium's HTTP cache for
//    the page, which would make the peer's warm reloads fetch everything again.
// 2. Panning in the city view: `map.panBy([±8, 4], { duration: 0 })` once per animation frame
//    for 20 frames, with the flows of the Northeast and of all China (each up to the page's limit
//    of 10,000 lines), and, as the peer, the same page with the flow lines hidden, in interleaved
//    rounds. Wall time per frame;
//    from a CDP CPU profile (100 µs sampling) the main thread's JavaScript, garbage collection
//    and '(program)' (native time outside JavaScript: layout, paint, waiting on the GPU
//    process) per frame; and the main thread's CPU time and script time per frame from
//    Chromium's performance counters in thread time, which load from other processes on the
//    two cores does not inflate (the profiler's samples are wall-clock).
// Run: npm run bench -- dashboard [loads] [pan rounds]   (defaults 5 and 2)
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startServer } from '../src/server/index.ts';
import { closeWorkspace, createDemoWorkspace, openWorkspace } from '../src/store/index.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const RUNS = Number(process.argv[2] ?? 5);
const PAN_ROUNDS = Number(process.argv[3] ?? 2);
const FRAMES = 20;
const MAPLIBRE = join(ROOT, 'node_modules', 'maplibre-gl', 'dist');

/**
 * The peer page: MapLibre alone. Its query gives the dashboard's map box (`box`: left, top,
 * width, height) and camera (`center`: lon,lat; `zoom`) and the geometry answers to draw: `fill`
 * (fills and white lines), `line` (outlines).
 */
const PEER_PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><link rel="icon" href="data:,"><link rel="stylesheet" href="/assets/maplibre-gl.css">
<style>html,body{margin:0;height:100%}#map{position:absolute}</style></head>
<body><div id="map"></div>
<script type="module">
import * as maplibregl from '/assets/maplibre-gl.js';
maplibregl.setWorkerUrl(new URL('/assets/maplibre-gl-worker.js', location.href).href);
const q = new URLSearchParams(location.search);
const [left, top, width, height] = q.get('box').split(',');
Object.assign(document.getElementById('map').style, { left: left + 'px', top: top + 'px', width: width + 'px', height: height + 'px' });
const geometry = (path) => fetch('/' + path).then((r) => r.json());
const data = Promise.all([geometry(q.get('fill')), ...q.getAll('line').map(geometry)]);
const map = new maplibregl.Map({
  container: 'map', style: { version: 8, sources: {}, layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#e9eef2' } }] },
  center: q.get('center').split(',').map(Number), zoom: Number(q.get('zoom')), attributionControl: false, renderWorldCopies: false, fadeDuration: 0,
  canvasContextAttributes: { preserveDrawingBuffer: true, antialias: false },
});
window.__peer = { map };
map.once('load', async () => {
  const [fill, ...lines] = await data;
  map.addSource('fill', { type: 'geojson', data: fill });
  map.addLayer({ id: 'fill', type: 'fill', source: 'fill', paint: { 'fill-color': '#9ecae1', 'fill-opacity': 0.88 } });
  map.addLayer({ id: 'fill-line', type: 'line', source: 'fill', paint: { 'line-color': '#ffffff', 'line-width': 0.5 } });
  lines.forEach((data, i) => {
    map.addSource('lines-' + i, { type: 'geojson', data });
    map.addLayer({ id: 'line-' + i, type: 'line', source: 'lines-' + i, paint: { 'line-color': '#7d8a96', 'line-width': 0.9 } });
  });
  map.once('idle', () => {
    window.__peer.usable = performance.now();
    requestAnimationFrame(() => requestAnimationFrame(() => {
      window.__peer.presented = performance.now();
      document.body.dataset.ready = '1';
    }));
  });
});
</script></body></html>`;

if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
// The build measured: web/dist (built if absent), or another build given as TALENTFLOW_BENCH_WEB
// (e.g. a copy kept from before a change, to compare both under the same load).
const DIST = resolve(process.env.TALENTFLOW_BENCH_WEB ?? join(ROOT, 'web', 'dist'));
if (!existsSync(join(DIST, 'index.html'))) {
  if (process.env.TALENTFLOW_BENCH_WEB) throw new Error(`${DIST} holds no index.html`);
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: join(ROOT, 'web'), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vite build failed: ${r.stderr}`);
}

// The bench measures the built page: say so when the sources have changed since the build.
const built = statSync(join(DIST, 'index.html')).mtimeMs;
const stale = readdirSync(join(ROOT, 'web', 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(ROOT, 'web', 'src', f)).mtimeMs > built);

const dir = mkdtempSync(join(tmpdir(), 'talentflow-dashboard-bench-'));
const file = join(dir, 'demo.duckdb');
await createDemoWorkspace(file);
// China's city flows 2010-2020 estimated from the censuses: what the city view shows.
const est = spawnSync(process.execPath, [join(ROOT, 'bin', 'talentflow.mjs'), 'estimate', 'flows-from-stocks', '--from', '2010', '--to', '2020', '--level', 'city', '--within', 'CN', '--save', '-w', file], { cwd: ROOT, encoding: 'utf8' });
if (est.status !== 0) throw new Error(`talentflow estimate: ${est.stderr}`);
const ws = await openWorkspace(file, { create: false });
// A copy of the build: a rebuild of web/dist while the bench runs (vite empties the folder)
// would otherwise break the loads half-way.
const webDir = join(dir, 'web');
cpSync(DIST, webDir, { recursive: true });
const server = await startServer(ws, { host: '127.0.0.1', port: 0, webDir });
const peerDir = join(dir, 'peer');
mkdirSync(join(peerDir, 'assets'), { recursive: true });
// As .js: the server types files by extension and knows no .mjs (the dashboard's build also ships .js).
for (const [from, to] of [['maplibre-gl.mjs', 'maplibre-gl.js'], ['maplibre-gl-worker.mjs', 'maplibre-gl-worker.js'], ['maplibre-gl.css', 'maplibre-gl.css']]) {
  copyFileSync(join(MAPLIBRE, from), join(peerDir, 'assets', to));
}
writeFileSync(join(peerDir, 'index.html'), PEER_PAGE);
const peerServer = await startServer(ws, { host: '127.0.0.1', port: 0, webDir: peerDir });

/**
 * A view measured against its peer: the dashboard's URL query, the least content that counts
 * as drawn (flow lines, regions with a net value; polygons the peer renders), and, filled in
 * the warm-up, the peer's query (the geometry answers the dashboard asked for).
 */
interface View { name: string; query: string; level: string; min: { lines: number; net: number; polygons: number }; peerQuery: string }

const VIEWS: View[] = [
  // China's 31 provinces (Hong Kong, Macao and Taiwan have no census flows); the 50 largest corridors.
  { name: 'first screen (province, 2000-2010, 50 corridors)', query: '', level: 'province', min: { lines: 25, net: 30, polygons: 30 }, peerQuery: '' },
  // ~370 cities; the Northeast's city corridors of 2010-2020 exceed the page's 10,000 lines.
  { name: 'city view (?level=city&period=2010-2020&top=0)', query: '?level=city&period=2010-2020&top=0', level: 'city', min: { lines: 1000, net: 300, polygons: 300 }, peerQuery: '' },
];

const errors: string[] = [];
type Session = { context: BrowserContext; page: Page; profile: string };

async function launch(): Promise<Session> {
  const profile = mkdtempSync(join(dir, 'chrome-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, viewport: { width: 1440, height: 900 }, locale: 'zh-CN', args: CHROMIUM_ARGS,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', (r) => void (r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`)));
  return { context, page, profile };
}

async function close(s: Session): Promise<void> {
  await s.context.close();
  rmSync(s.profile, { recursive: true, force: true });
}

interface Load { usable: number; presented: number; flows?: number }

/** Loads (or reloads) a view of the dashboard and reads its marks; checks that the map has content. */
async function loadOurs(page: Page, view: View, reload: boolean): Promise<Load> {
  if (reload) await page.reload();
  else await page.goto(server.url + view.query);
  await page.waitForSelector('body[data-flows-ready]', { state: 'attached', timeout: 180_000 });
  await page.waitForFunction('window.__talentflow.timings.mapPresented > 0', undefined, { timeout: 30_000 });
  const r = await page.evaluate(`(() => {
    const tf = window.__talentflow;
    return { t: tf.timings, lines: tf.flowCount(), net: tf.netCount(), level: tf.map() && document.getElementById('f-level').value };
  })()`) as { t: Record<string, number>; lines: number; net: number; level: string };
  if (r.level !== view.level) throw new Error(`${view.name}: the dashboard opened at level ${r.level}`);
  if (r.lines < view.min.lines || r.net < view.min.net) throw new Error(`${view.name}: the dashboard drew ${r.lines} flow lines and ${r.net} net values`);
  return { usable: r.t.mapUsable, presented: r.t.mapPresented, flows: r.t.flowsDrawn };
}

async function loadPeer(page: Page, view: View, reload: boolean): Promise<Load> {
  if (reload) await page.reload();
  else await page.goto(peerServer.url + view.peerQuery);
  await page.waitForSelector('body[data-ready]', { state: 'attached', timeout: 180_000 });
  const r = await page.evaluate(`(() => {
    const p = window.__peer;
    return { usable: p.usable, presented: p.presented, rendered: p.map.queryRenderedFeatures({ layers: ['fill'] }).length };
  })()`) as Load & { rendered: number };
  if (r.rendered < view.min.polygons) throw new Error(`${view.name}: the peer page rendered ${r.rendered} polygons`);
  return { usable: r.usable, presented: r.presented };
}

/**
 * A warm-up load of a view (not counted): fills the OS file cache and the server's answer cache,
 * records the geometry answers the dashboard asks for, its map box and camera, for the peer's query.
 */
async function warmUp(page: Page, view: View): Promise<string> {
  const asked: string[] = [];
  const seen = (r: { url: () => string }) => {
    const u = new URL(r.url());
    // Once each: the page reads an answer, then MapLibre's worker asks for it again (a 304).
    if (u.pathname === '/api/geometry' && !asked.includes(`api/geometry${u.search}`)) asked.push(`api/geometry${u.search}`);
  };
  page.on('request', seen);
  await loadOurs(page, view, false);
  page.off('request', seen);
  const fill = asked.filter((u) => new URLSearchParams(u.split('?')[1]).get('level') === view.level);
  if (fill.length !== 1) throw new Error(`${view.name}: the dashboard asked for ${asked.join(', ') || 'no geometry'}`);
  const [box, center, zoom] = await page.evaluate(`(() => {
    const r = document.getElementById('map').getBoundingClientRect();
    const map = window.__talentflow.map();
    return [[r.x, r.y, r.width, r.height].join(','), map.getCenter().toArray().join(','), String(map.getZoom())];
  })()`) as string[];
  const q = new URLSearchParams([['box', box], ['center', center], ['zoom', zoom], ['fill', fill[0]], ...asked.filter((u) => u !== fill[0]).map((u): [string, string] => ['line', u])]);
  view.peerQuery = `?${q}`;
  return box;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const summary = (xs: number[]) => (xs.length ? `${ms(median(xs))} (${ms(Math.min(...xs))}-${ms(Math.max(...xs))})` : '-');
const ratio = (a: number[], b: number[]) => (a.length && b.length ? (median(a) / median(b)).toFixed(2) : '-');
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

function table(head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => '  ' + r.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  console.log(line(head));
  for (const r of rows) console.log(line(r));
}

function loadTable(title: string, ours: Load[], peer: Load[]): void {
  console.log(`\n${title}: median (min-max) ms since navigation start, n=${ours.length}; load average ${load()}`);
  const col = (xs: Load[], k: keyof Load) => xs.map((x) => x[k]).filter((x): x is number => typeof x === 'number');
  table(['mark', 'ours', 'peer', 'ours/peer'], [
    ['map usable', summary(col(ours, 'usable')), summary(col(peer, 'usable')), ratio(col(ours, 'usable'), col(peer, 'usable'))],
    ['map presented', summary(col(ours, 'presented')), summary(col(peer, 'presented')), ratio(col(ours, 'presented'), col(peer, 'presented'))],
    ['flows drawn', summary(col(ours, 'flows')), '-', '-'],
  ]);
}

/**
 * Pans once per animation frame; returns the wall time of each frame (ms) but the first: its
 * drawing is queued to the GPU process and only holds the page back at the next frame.
 */
async function pan(page: Page): Promise<number[]> {
  return await page.evaluate(`(async () => {
    const map = window.__talentflow.map();
    const center = map.getCenter();
    const frame = () => new Promise((ok) => requestAnimationFrame(ok));
    const times = [];
    await frame();
    let last = performance.now();
    for (let i = 0; i < ${FRAMES}; i++) {
      map.panBy([i % 2 ? -8 : 8, 4], { duration: 0 });
      await frame();
      const now = performance.now();
      times.push(now - last);
      last = now;
    }
    map.jumpTo({ center });
    await frame();
    return times.slice(1);
  })()`) as number[];
}

/** Per frame (ms): main-thread CPU from Chromium's counters, and a CPU profile's split. */
interface Split { cpu: number; script: number; js: number; gc: number; program: number }

interface PanResult { lines: number; frames: number[]; splits: Split[] }

/**
 * Two passes: one timed, with Chromium's performance counters in thread time (CPU time of the
 * main thread, which other processes on the cores do not inflate), then one under the sampling
 * profiler (its samples are wall-clock: JavaScript preempted by another process still counts).
 */
async function measurePan(s: Session, into: PanResult): Promise<void> {
  into.lines = await s.page.evaluate('window.__talentflow.flowCount()') as number;
  const cdp = await s.context.newCDPSession(s.page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const counters = async () => new Map((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const before = await counters();
  into.frames.push(...(await pan(s.page)));
  const after = await counters();
  await cdp.send('Performance.disable');
  const delta = (k: string) => ((after.get(k) ?? NaN) - (before.get(k) ?? NaN)) * 1000 / FRAMES;
  const split: Split = { cpu: delta('ThreadTime'), script: delta('ScriptDuration'), js: 0, gc: 0, program: 0 };

  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await pan(s.page);
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Profiler.disable');
  await cdp.detach();
  const name = new Map(profile.nodes.map((n) => [n.id, n.callFrame.functionName]));
  // A sample stands for the time until the next one (as DevTools counts it).
  let t = profile.startTime;
  const stamps = (profile.timeDeltas ?? []).map((d) => (t += d));
  (profile.samples ?? []).forEach((id, i) => {
    const dt = ((i + 1 < stamps.length ? stamps[i + 1] : profile.endTime) - stamps[i]) / 1000 / FRAMES;
    const fn = name.get(id);
    if (fn === '(garbage collector)') split.gc += dt;
    else if (fn === '(program)') split.program += dt;
    else if (fn !== '(idle)' && fn !== '(root)') split.js += dt;
  });
  into.splits.push(split);
}

/** Changes one filter, waits until the flows say so, and until the map has drawn twice since. */
async function change(page: Page, act: () => Promise<unknown>, until: string): Promise<void> {
  await Promise.all([page.waitForResponse((r) => r.url().includes('/api/flows'), { timeout: 120_000 }), act()]);
  await page.waitForFunction(until, undefined, { timeout: 120_000 });
  await page.evaluate('new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)))');
}

let exitCode = 0;
try {
  // Header: what draws, on what.
  const probe = await launch();
  const renderer = await probe.page.evaluate(`(() => {
    const gl = document.createElement('canvas').getContext('webgl');
    if (!gl) return 'no WebGL';
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    return String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  })()`) as string;
  const ua = await probe.page.evaluate('navigator.userAgent') as string;
  // Warm-up, not counted: the OS file cache and the server's answer cache for both pages. The
  // dashboard's map box and geometry requests are recorded here for the peer.
  const boxes: string[] = [];
  for (const view of VIEWS) {
    boxes.push(await warmUp(probe.page, view));
    await loadPeer(probe.page, view, false);
  }
  await close(probe);
  const cpu = cpus();
  console.log(`renderer: ${renderer}; ${/Chrome\/[\d.]+/.exec(ua)?.[0] ?? ua}, headless`);
  console.log(`machine: ${cpu.length} x ${cpu[0]?.model ?? '?'}; load average at start ${load()} (other work may share the cores)`);
  console.log(`dashboard: ${DIST} built ${new Date(built).toISOString()}`);
  if (stale.length) console.log(`NOTE: ${DIST} is older than ${stale.length} file(s) of web/src (${stale.slice(0, 3).join(', ')}): rebuild (cd web && npx vite build) to measure them`);
  console.log(`map box (left,top,width,height) ${[...new Set(boxes)].join(' / ')} px of a 1440x900 viewport, the same for the peer; one warm-up load of each page not counted`);
  for (const view of VIEWS) {
    const peerQuery = new URLSearchParams(view.peerQuery);
    console.log(`${view.name}: the peer draws ${peerQuery.get('fill')} as fills${peerQuery.getAll('line').map((u) => `, ${u} as outlines`).join('')}, centre ${peerQuery.get('center')}, zoom ${Number(peerQuery.get('zoom')).toFixed(3)}`);
  }

  // 1. Loads: cold runs alternate ours and the peer (and the views) so all see the same swings of load.
  const cold = VIEWS.map(() => ({ ours: [] as Load[], peer: [] as Load[] }));
  for (let i = 0; i < RUNS; i++) {
    for (const [v, view] of VIEWS.entries()) {
      for (const side of ['ours', 'peer'] as const) {
        const s = await launch();
        cold[v][side].push(await (side === 'ours' ? loadOurs : loadPeer)(s.page, view, false));
        await close(s);
      }
    }
  }
  for (const [v, view] of VIEWS.entries()) loadTable(`${view.name}, cold (a fresh browser and profile per run)`, cold[v].ours, cold[v].peer);
  const warm = VIEWS.map(() => ({ ours: [] as Load[], peer: [] as Load[] }));
  for (const [v, view] of VIEWS.entries()) {
    const ours = await launch();
    const peer = await launch();
    await loadOurs(ours.page, view, false);
    await loadPeer(peer.page, view, false);
    for (let i = 0; i < RUNS; i++) {
      warm[v].ours.push(await loadOurs(ours.page, view, true));
      warm[v].peer.push(await loadPeer(peer.page, view, true));
    }
    await close(peer);
    await close(ours);
    loadTable(`${view.name}, warm (reloads in the same browser)`, warm[v].ours, warm[v].peer);
  }

  // 2. Panning in the city view. After a pass not counted (compiles the drawing code), each
  // round goes Northeast flows, hidden, all China hidden, all China flows, hidden, back.
  const cityView = VIEWS[1];
  const ours = await launch();
  await loadOurs(ours.page, cityView, false);
  const page = ours.page;
  const northeast: PanResult = { lines: 0, frames: [], splits: [] };
  const china: PanResult = { lines: 0, frames: [], splits: [] };
  const hidden: PanResult = { lines: 0, frames: [], splits: [] };
  await pan(page);
  for (let round = 0; round < PAN_ROUNDS; round++) {
    await measurePan(ours, northeast);
    await change(page, () => page.uncheck('#f-flows'), 'window.__talentflow.flowCount() === 0');
    await measurePan(ours, hidden);
    await change(page, () => page.selectOption('#f-scope', 'all'), 'window.__talentflow.flowCount() === 0');
    await change(page, () => page.check('#f-flows'), 'window.__talentflow.flowCount() > 5000');
    await measurePan(ours, china);
    await change(page, () => page.uncheck('#f-flows'), 'window.__talentflow.flowCount() === 0');
    await measurePan(ours, hidden);
    await change(page, () => page.selectOption('#f-scope', 'northeast'), 'window.__talentflow.flowCount() === 0');
    await change(page, () => page.check('#f-flows'), 'window.__talentflow.flowCount() > 1000');
  }
  await close(ours);
  console.log(`\npanning: ${FRAMES} frames of panBy([±8, 4]) a pass, ${PAN_ROUNDS} rounds (flows hidden: twice a round); load average ${load()}`);
  console.log(`  wall: median (min-max) over frames (the first of a pass left out); the rest ms a frame, median (min-max) over passes: JS, GC, (program)
  from the CPU profile (wall-clock samples), CPU and script CPU from Chromium's main-thread counters`);
  const col = (r: PanResult, k: keyof Split) => r.splits.map((x) => x[k]);
  const row = (title: string, r: PanResult): string[] => [
    title, String(r.lines), summary(r.frames), summary(col(r, 'js')), summary(col(r, 'gc')), summary(col(r, 'program')), summary(col(r, 'cpu')), summary(col(r, 'script')),
    ...(r === hidden ? ['-', '-', '-'] : [ratio(r.frames, hidden.frames), ratio(col(r, 'js'), col(hidden, 'js')), ratio(col(r, 'script'), col(hidden, 'script'))]),
  ];
  table(['view', 'lines', 'wall', 'JS', 'GC', '(program)', 'CPU', 'script CPU', 'wall ratio', 'JS ratio', 'script ratio'], [
    row('Northeast, flows', northeast), row('all China, flows', china), row('flows hidden (peer)', hidden),
  ]);
  console.log(`  Ratios: flows / flows hidden. This machine has no GPU: Chromium draws WebGL with SwiftShader
  on the CPU (in its GPU process), so wall time a frame says little about a machine with a GPU,
  and '(program)', the main thread blocked on the renderer, is mostly waiting (compare CPU).
  The JavaScript a frame (JS, script CPU) is what a machine with a GPU would still pay.`);
} catch (e) {
  console.error(e);
  exitCode = 1;
} finally {
  await server.close();
  await peerServer.close();
  closeWorkspace(ws);
  rmSync(dir, { recursive: true, force: true });
}
if (errors.length) {
  console.error(`errors in the pages:\n${errors.join('\n')}`);
  exitCode = 1;
}
process.exit(exitCode);
