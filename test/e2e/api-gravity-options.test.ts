/**
 * POST /api/models/gravity and `talentflow fit gravity` are two front-ends of one operation
 * (src/app/fit): on the same stored flows (the demo workspace's Korean provinces), each of
 * fixest's options through the API (fixed effects with interactions, one- to four-way clusters,
 * small-sample corrections, na, sum-duplicates, attributes logged or raw) answers the same
 * coefficients, standard errors of every kind, z values and inference as the CLI's --json, and
 * a bad option is a 400 naming its field before any job starts. The numbers themselves are
 * checked against fixest in test/r-live/gravity-vs-fixest.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeWorkspace, openWorkspace, type Workspace } from '../../src/store/index.ts';
import { demoWorkspaceAt } from '../helpers/demo-workspace.ts';
import { createApp } from '../../src/server/index.ts';
import { apiClient, type ApiClient, type Json } from '../helpers/api.ts';
import { runCli } from '../helpers/cli.ts';

interface Case {
  name: string;
  flags: string[];
  body: Record<string, unknown>;
}

const PANEL = ['2012', '2013', '2014'];
const CASES: Case[] = [
  {
    name: 'interactions origin^period + destination^period, clustered by origin, fixest ssc',
    flags: ['--period', PANEL.join(','), '--within', 'KR', '--fixed-effects', 'origin^period,destination^period', '--cluster', 'origin', '--ssc', 'fixest'],
    body: { periods: PANEL, within: 'KR', fixedEffects: ['origin^period', 'destination^period'], cluster: ['origin'], ssc: 'fixest' },
  },
  {
    name: 'origin + destination + period, two-way clusters, ssc by its options',
    flags: ['--period', PANEL.join(','), '--within', 'KR', '--fixed-effects', 'origin,destination,period', '--cluster', 'origin,destination', '--ssc', 'adj=FALSE,cluster.adj=TRUE,cluster.df=conventional'],
    body: { periods: PANEL, within: 'KR', fixedEffects: ['origin', 'destination', 'period'], cluster: ['origin', 'destination'], ssc: { adj: false, clusterAdj: true, clusterDf: 'conventional' } },
  },
  {
    name: 'four cluster dimensions, doubly constrained, fixef.K full',
    flags: ['--period', PANEL.join(','), '--within', 'KR', '--constraint', 'doubly', '--cluster', 'origin,destination,period,pair', '--ssc', 'fixef.K=full'],
    body: { periods: PANEL, within: 'KR', constraint: 'doubly', cluster: ['origin', 'destination', 'period', 'pair'], ssc: { fixefK: 'full' } },
  },
  {
    name: 'production-constrained with a logged and a raw attribute, clustered by destination, na error, sum-duplicates, exponential decay',
    flags: ['--period', '2019', '--within', 'KR', '--constraint', 'production', '--decay', 'exponential', '--destination-vars', 'population,grdp_pc:raw', '--cluster', 'destination', '--na', 'error', '--sum-duplicates'],
    body: { periods: ['2019'], within: 'KR', constraint: 'production', decay: 'exponential', destinationVars: ['population', 'grdp_pc:raw'], cluster: ['destination'], na: 'error', sumDuplicates: true },
  },
  {
    name: 'a panel without options: period effects and pair clusters by default, as the CLI help says',
    flags: ['--period', PANEL.join(','), '--within', 'KR', '--constraint', 'doubly'],
    body: { periods: PANEL, within: 'KR', constraint: 'doubly' },
  },
];

let dir = '';
let ws: Workspace;
let api: ApiClient;
const fromCli = new Map<string, Json>();

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tf-api-gravity-'));
  const file = join(dir, 'w.duckdb');
  await demoWorkspaceAt(file, { noCohort: true });
  // The CLI first: one process per database file, and the server below holds it.
  for (const c of CASES) {
    const r = runCli(dir, ['fit', 'gravity', ...c.flags, '-w', file, '--json']);
    assert.equal(r.code, 0, `${c.name}: ${r.stderr}`);
    fromCli.set(c.name, JSON.parse(r.stdout));
  }
  ws = await openWorkspace(file);
  api = apiClient(createApp(ws).app);
});
after(() => {
  closeWorkspace(ws);
  rmSync(dir, { recursive: true, force: true });
});

/** Same numbers to rel 1e-12 (null where either side is NaN, as JSON writes it). */
function assertSame(a: Record<string, number | null> | null, b: Record<string, number | null> | null, what: string): void {
  assert.deepEqual(Object.keys(a ?? {}), Object.keys(b ?? {}), `${what}: terms`);
  for (const [k, v] of Object.entries(b ?? {})) {
    const u = a![k];
    if (v === null || u === null) assert.equal(u, v, `${what} ${k}`);
    else assert.ok(Math.abs(u - v) <= 1e-12 * Math.abs(v), `${what} ${k}: API ${u}, CLI ${v}`);
  }
}

for (const c of CASES) {
  test(`API = CLI: ${c.name}`, async () => {
    const start = await api.post('/api/models/gravity', c.body);
    assert.equal(start.status, 202, JSON.stringify(start.body));
    const job = await api.waitJob(start.body.id);
    assert.equal(job.state, 'done', JSON.stringify(job.error));
    const a = job.result;
    const b = fromCli.get(c.name)!;
    for (const key of ['coefficients', 'standardErrors', 'robustStandardErrors', 'clusteredStandardErrors', 'zValues', 'pValues'] as const) assertSame(a[key], b[key], key);
    for (const key of ['terms', 'inference', 'cluster', 'fixedEffects', 'smallSample', 'dropped', 'duplicatesSummed', 'constraint', 'decay', 'nobs', 'notes', 'messages'] as const) assert.deepEqual(a[key], b[key], key);
    // Each English note has its coded form (core/messages), so the page can show it in its language.
    assert.deepEqual(a.messages.notes.map((m: Json) => m.message), a.notes);
    for (const m of a.messages.notes) assert.match(m.code, /^[a-z]+\.[A-Za-z.]+$/);
    assert.equal(a.saved, null);
  });
}

test('the options reach the model: the interactions, the four clusters, the corrections and the default period effects', () => {
  const [inter, twoWay, four, attrs, plain] = CASES.map((c) => fromCli.get(c.name)!);
  assert.deepEqual(inter.fixedEffects.map((f: Json) => f.name), ['origin^period', 'destination^period']);
  assert.equal(inter.smallSample.name, 'fixest');
  assert.deepEqual(inter.inference, { standardErrors: 'clustered', by: ['origin'] });
  assert.deepEqual(twoWay.cluster.by, ['origin', 'destination']);
  assert.equal(twoWay.smallSample.clusterDf, 'conventional');
  assert.equal(twoWay.smallSample.adj, false);
  assert.deepEqual(four.cluster.by, ['origin', 'destination', 'period', 'pair']);
  assert.equal(four.smallSample.fixefK, 'full');
  assert.deepEqual(attrs.terms, ['destination_population', 'destination_grdp_pc', 'distance_km']);
  assert.deepEqual(attrs.termSpecs.map((t: Json) => t.transform), ['log', 'identity', 'identity']);
  assert.deepEqual(plain.fixedEffects.map((f: Json) => f.name), ['origin', 'destination', 'period']);
  assert.deepEqual(plain.inference, { standardErrors: 'clustered', by: ['pair'] });
  // A fit on stored flows says what they are and where they come from, as a measure of them does.
  assert.equal(plain.notes[0], 'data: observed flows (Statistics Korea, KOSIS, Internal Migration Statistics (DT_1B26003_A01))');
  assert.equal(attrs.notes[0], 'data: observed flows 2019 (Statistics Korea, KOSIS, Internal Migration Statistics (DT_1B26003_A01))');
  assert.deepEqual(attrs.messages.notes[0].code, 'fit.dataFlows');
});

const BAD: { body: Record<string, unknown>; field: RegExp }[] = [
  { body: { fixedEffects: ['sector'] }, field: /^fixedEffects\.0$/ },
  { body: { fixedEffects: ['origin^period^pair^destination^origin'] }, field: /^fixedEffects\.0$/ },
  { body: { fixedEffects: ['origin^'] }, field: /^fixedEffects\.0$/ },
  { body: { fixedEffects: Array(11).fill('origin') }, field: /^fixedEffects$/ },
  { body: { fixedEffects: ['x'.repeat(401)] }, field: /^fixedEffects\.0$/ },
  { body: { cluster: ['origin', 'destination', 'period', 'pair', 'origin^period'] }, field: /^cluster$/ },
  { body: { cluster: ['product'] }, field: /^cluster\.0$/ },
  { body: { ssc: 'stata' }, field: /^ssc/ },
  { body: { ssc: { adj: 'yes' } }, field: /^ssc/ },
  { body: { ssc: { fixefK: 'all' } }, field: /^ssc/ },
  { body: { ssc: { small: true } }, field: /^ssc/ },
  { body: { na: 'keep' }, field: /^na$/ },
  { body: { sumDuplicates: 'yes' }, field: /^sumDuplicates$/ },
  { body: { offset: 'population:log' }, field: /^offset$/ },
  { body: { pairVars: ['contig:raw'] }, field: /^pairVars$/ },
  { body: { destinationVars: ['gdp; DROP TABLE flows'] }, field: /^destinationVars\.0$/ },
  { body: { file: { path: '/etc/passwd', origin: 'a', destination: 'b', flow: 'c', cost: 'd' } }, field: /^file$/ },
  { body: { periods: [] }, field: /^periods$/ },
];

for (const b of BAD) {
  test(`a bad option is a 400 naming its field: ${JSON.stringify(b.body).slice(0, 80)}`, async () => {
    const r = await api.post('/api/models/gravity', { periods: PANEL, within: 'KR', ...b.body });
    assert.equal(r.status, 400, JSON.stringify(r.body));
    assert.equal(r.body.error.code, 'VALIDATION');
    assert.match(r.body.error.issues[0].path, b.field, JSON.stringify(r.body.error.issues));
  });
}
