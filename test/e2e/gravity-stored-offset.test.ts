/**
 * An offset on stored flows (`talentflow fit gravity --offset origin|destination:INDICATOR[:log]`
 * or `distance[:log]`, and `offset` in POST /api/models/gravity), as fixest's `offset = ~log(x)`:
 * the term enters the linear predictor with coefficient 1. On the demo workspace's Korean
 * provinces, each model is checked against references fitted independently of the new path:
 * - the same rows written to a CSV (populations read through the attribute path, not the offset's)
 *   and fitted with `--flows FILE --offset COLUMN:log`: coefficients, every SE, log-likelihood
 *   and deviance to 1e-8 (relative);
 * - R's glm(family = poisson, offset = log(x), epsilon = 1e-14) on that CSV, when Rscript is
 *   installed: coefficients and model-based SEs to 1e-8;
 * - the API's answer equals the CLI's to 1e-12.
 * An unknown indicator is a user error listing the indicators of the period; a log of 0 names
 * the pair; the result and a saved model say which offset was used, and a scenario refuses a
 * model whose offset it cannot carry.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareGravityFit } from '../../src/app/fit/gravity.ts';
import { closeWorkspace, openWorkspace, type Workspace } from '../../src/store/index.ts';
import { demoWorkspaceAt } from '../helpers/demo-workspace.ts';
import { loadModel } from '../../src/store/models.ts';
import { createApp } from '../../src/server/index.ts';
import { apiClient, type ApiClient, type Json } from '../helpers/api.ts';
import { runCli } from '../helpers/cli.ts';
import { REPO } from '../helpers/workspace.ts';

const hasR = spawnSync('Rscript', ['--version'], { encoding: 'utf8' }).status === 0;
const PANEL = ['2012', '2013', '2014'];

interface Case {
  name: string;
  /** The stored-flows fit. */
  stored: string[];
  /** The same model on the CSV of the same rows. */
  file: string[];
  csv: 'single' | 'panel';
  /** R's formula on that CSV (rows with o != d), or null where glm is not run. */
  r: string | null;
}

const CASES: Case[] = [
  {
    name: 'unconstrained, log destination population as offset, log GRDP per head of the destination',
    stored: ['--period', '2019', '--destination-vars', 'grdp_pc', '--offset', 'destination:population:log'],
    file: ['--destination-vars', 'grdp_d', '--offset', 'pop_d:log'],
    csv: 'single',
    r: 'flow ~ log(dist) + log(grdp_d) + offset(log(pop_d))',
  },
  {
    name: 'production-constrained, log destination population as offset',
    stored: ['--period', '2019', '--constraint', 'production', '--destination-vars', 'grdp_pc', '--offset', 'destination:population:log'],
    file: ['--constraint', 'production', '--destination-vars', 'grdp_d', '--offset', 'pop_d:log'],
    csv: 'single',
    r: 'flow ~ factor(o) + log(dist) + log(grdp_d) + offset(log(pop_d))',
  },
  {
    name: 'unconstrained, log origin population as offset, origin GRDP raw',
    stored: ['--period', '2019', '--origin-vars', 'grdp_pc:raw', '--offset', 'origin:population:log'],
    file: ['--origin-vars', 'grdp_o:raw', '--offset', 'pop_o:log'],
    csv: 'single',
    r: 'flow ~ log(dist) + grdp_o + offset(log(pop_o))',
  },
  {
    name: 'unconstrained, log distance as offset (the cost coefficient moves by -1)',
    stored: ['--period', '2019', '--offset', 'distance:log'],
    file: ['--offset', 'dist:log'],
    csv: 'single',
    r: 'flow ~ log(dist) + offset(log(dist))',
  },
  {
    name: 'panel 2012-2014, doubly constrained, destination population of each year as offset, clustered by pair',
    stored: ['--period', PANEL.join(','), '--constraint', 'doubly', '--offset', 'destination:population:log'],
    file: ['--period-column', 'year', '--constraint', 'doubly', '--cluster', 'pair', '--offset', 'pop_d:log'],
    csv: 'panel',
    r: null,
  },
];

let dir = '';
let file = '';
const csv: Record<'single' | 'panel', string> = { single: '', panel: '' };
const stored = new Map<string, Json>();
const fromFile = new Map<string, Json>();
let ws: Workspace;
let api: ApiClient;

/** The stored rows of a selection with these indicators of both ends as plain columns (NAME_o, NAME_d). */
async function writeCsv(w: Workspace, periods: string[], names: string[], path: string): Promise<void> {
  const raw = names.map((n) => `${n}:raw`);
  const d = (await prepareGravityFit(w, { periods, within: 'KR', originVars: raw, destinationVars: raw })).data;
  const c = d.covariates!;
  const short = (n: string) => n.replace(/_pc$/, '').replace('population', 'pop');
  const lines = [['o', 'd', 'year', 'flow', 'dist', ...names.flatMap((n) => [`${short(n)}_o`, `${short(n)}_d`])].join(',')];
  for (let r = 0; r < d.flow.length; r++) {
    lines.push([d.regions[d.origin[r]], d.regions[d.destination[r]], d.periods ? d.periods[d.period![r]] : periods[0], d.flow[r], d.cost[r].toPrecision(17),
      ...names.flatMap((n) => [c[`origin_${n}`][r], c[`destination_${n}`][r]])].join(','));
  }
  writeFileSync(path, lines.join('\n') + '\n');
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tf-stored-offset-'));
  file = join(dir, 'w.duckdb');
  await demoWorkspaceAt(file, { noCohort: true });
  const w = await openWorkspace(file);
  csv.single = join(dir, 'kr-2019.csv');
  csv.panel = join(dir, 'kr-panel.csv');
  await writeCsv(w, ['2019'], ['population', 'grdp_pc'], csv.single);
  // Sejong (KR36) has no GRDP before 2013: the panel carries the populations only.
  await writeCsv(w, PANEL, ['population'], csv.panel);
  closeWorkspace(w);
  // The CLI before the server: one process per database file.
  for (const c of CASES) {
    const a = runCli(dir, ['fit', 'gravity', '--within', 'KR', ...c.stored, '-w', file, '--json']);
    assert.equal(a.code, 0, `${c.name}: ${a.stderr}`);
    stored.set(c.name, JSON.parse(a.stdout));
    const b = runCli(dir, ['fit', 'gravity', '--flows', csv[c.csv], '--origin', 'o', '--destination', 'd', '--flow', 'flow', '--cost', 'dist', ...c.file, '--json']);
    assert.equal(b.code, 0, `${c.name} (file): ${b.stderr}`);
    fromFile.set(c.name, JSON.parse(b.stdout));
  }
});
after(() => {
  if (ws) closeWorkspace(ws);
  rmSync(dir, { recursive: true, force: true });
});

/** Same values in the same order (names may differ: the file's columns name its terms), to `tol` relative. */
function assertClose(got: Record<string, number | null>, want: Record<string, number | null>, tol: number, what: string): void {
  const g = Object.values(got);
  const w = Object.values(want);
  assert.equal(g.length, w.length, `${what}: ${Object.keys(got)} against ${Object.keys(want)}`);
  w.forEach((v, i) => {
    assert.ok(v !== null && g[i] !== null, `${what} ${i}: ${g[i]} against ${v}`);
    assert.ok(Math.abs(g[i]! - v) <= tol * Math.max(Math.abs(v), 1e-300), `${what} ${Object.keys(got)[i]}: ${g[i]} against ${v} (${Math.abs(g[i]! - v) / Math.abs(v)} relative)`);
  });
}

for (const c of CASES) {
  test(`stored offset = the offset column of a flow file (1e-8): ${c.name}`, () => {
    const a = stored.get(c.name)!;
    const b = fromFile.get(c.name)!;
    assert.equal(a.nobs, b.nobs);
    for (const key of ['coefficients', 'standardErrors', 'robustStandardErrors'] as const) assertClose(a[key], b[key], 1e-8, key);
    if (b.clusteredStandardErrors) assertClose(a.clusteredStandardErrors, b.clusteredStandardErrors, 1e-8, 'clusteredStandardErrors');
    assertClose({ ll: a.logLikelihood, dev: a.deviance, nullDev: a.nullDeviance }, { ll: b.logLikelihood, dev: b.deviance, nullDev: b.nullDeviance }, 1e-8, 'fit');
    assert.equal(a.offset.term, c.stored[c.stored.indexOf('--offset') + 1]);
    assert.match(a.offset.definition, /entering the linear predictor with coefficient 1/);
  });
}

test('log distance as offset: the cost coefficient is the plain model\'s minus 1, the rest unchanged (1e-8)', () => {
  const plain = runCli(dir, ['fit', 'gravity', '--within', 'KR', '--period', '2019', '-w', file, '--json']);
  assert.equal(plain.code, 0, plain.stderr);
  const p = JSON.parse(plain.stdout);
  const o = stored.get(CASES[3].name)!;
  assert.ok(Math.abs(o.coefficients.distance_km - (p.coefficients.distance_km - 1)) < 1e-8, `${o.coefficients.distance_km} against ${p.coefficients.distance_km} - 1`);
  assertClose(o.standardErrors, p.standardErrors, 1e-8, 'standardErrors');
  assert.ok(Math.abs(o.logLikelihood - p.logLikelihood) < 1e-8 * Math.abs(p.logLikelihood));
});

test('R glm(family = poisson) with offset(log(x)) on the same rows: coefficients and SEs to 1e-8', { skip: hasR ? false : 'Rscript not installed' }, () => {
  const withR = CASES.filter((c) => c.r !== null);
  const script = [
    `d <- read.csv(${JSON.stringify(csv.single)}, colClasses = c(o = "character", d = "character"))`,
    'd <- d[d$o != d$d, ]',
    ...withR.map((c, i) => `m${i} <- glm(${c.r}, family = poisson, data = d, control = glm.control(epsilon = 1e-14, maxit = 100)); ` +
      `s${i} <- summary(m${i})$coefficients; k${i} <- rownames(s${i})[!grepl("^factor|Intercept", rownames(s${i}))]; ` +
      `cat(sprintf("%d %s %.17g %.17g\\n", ${i}, k${i}, s${i}[k${i}, 1], s${i}[k${i}, 2]), sep = "")`),
  ].join('\n');
  const r = spawnSync('Rscript', ['-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const rows = r.stdout.trim().split('\n').map((l) => l.split(' '));
  withR.forEach((c, i) => {
    const mine = rows.filter((x) => x[0] === String(i));
    const a = stored.get(c.name)!;
    const ours: Record<string, string> = { 'log(dist)': 'distance_km', 'log(grdp_d)': 'destination_grdp_pc', grdp_o: 'origin_grdp_pc' };
    assert.deepEqual(mine.map((x) => ours[x[1]]).sort(), Object.keys(a.coefficients).filter((t) => !/intercept/i.test(t)).sort(), c.name);
    mine.forEach(([, term, coef, se]) => {
      const t = ours[term];
      assert.ok(Math.abs(a.coefficients[t] - Number(coef)) <= 1e-8 * Math.abs(Number(coef)), `${c.name} ${t} (R ${term}): ${a.coefficients[t]} against ${coef}`);
      assert.ok(Math.abs(a.standardErrors[t] - Number(se)) <= 1e-8 * Number(se), `${c.name} ${t} SE: ${a.standardErrors[t]} against ${se}`);
    });
  });
});

test('errors: an unknown indicator lists those of the period; a log of 0 names the pair; a bad form names the rule', () => {
  const unknown = runCli(dir, ['fit', 'gravity', '--within', 'KR', '--period', '2019', '--offset', 'destination:populaton:log', '-w', file]);
  assert.equal(unknown.code, 1, unknown.stderr);
  assert.match(unknown.stderr, /unknown indicator "populaton" \(offset of the destination\): the regions within KR have no value of it for 2019; their indicators for 2019: .*grdp_pc.*population/);
  const zero = runCli(dir, ['fit', 'gravity', '--within', 'KR', '--period', '2019', '--intra', '--offset', 'distance:log', '-w', file]);
  assert.equal(zero.code, 1, zero.stderr);
  assert.match(zero.stderr, /offset distance:log: the distance \(0 km\) of (KR\d+) -> \1 has no log/);
  const form = runCli(dir, ['fit', 'gravity', '--within', 'KR', '--period', '2019', '--offset', 'population:log', '-w', file]);
  assert.equal(form.code, 1, form.stderr);
  assert.match(form.stderr, /offset: "population:log" is not origin:INDICATOR, destination:INDICATOR or distance/);
});

test('a saved model keeps its offset in its spec; a scenario refuses an offset it cannot carry', async () => {
  const r = runCli(dir, ['fit', 'gravity', '--within', 'KR', '--period', '2019', '--destination-vars', 'population,grdp_pc', '--offset', 'distance:log', '--save', 'kr-offset', '-w', file, '--json']);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(readFileSync(join(REPO, 'examples/korea-regional-income.json'), 'utf8'));
  const docFile = join(dir, 'offset-scenario.json');
  writeFileSync(docFile, JSON.stringify({ ...doc, baseline: { ...doc.baseline, model: 'kr-offset' } }));
  const sc = runCli(dir, ['scenario', 'run', docFile, '--draws', '10', '--seed', '1', '-w', file]);
  assert.equal(sc.code, 1, sc.stderr);
  assert.match(sc.stderr, /model "kr-offset" was fitted with the offset distance:log, which the scenario simulator cannot carry/);
  const w = await openWorkspace(file);
  try {
    const saved = await loadModel<unknown, { offset?: { term: string } }>(w, 'kr-offset');
    assert.equal(saved.spec.offset?.term, 'distance:log');
  } finally {
    closeWorkspace(w);
  }
});

test('API: POST /api/models/gravity with an offset answers what the CLI does (1e-12); an unknown indicator fails the job with a 400 listing those present', async () => {
  ws = await openWorkspace(file);
  api = apiClient(createApp(ws).app);
  for (const c of [CASES[1], CASES[4]]) {
    const periods = c.stored[c.stored.indexOf('--period') + 1].split(',');
    const constraint = c.stored.includes('--constraint') ? c.stored[c.stored.indexOf('--constraint') + 1] : 'unconstrained';
    const body = { periods, within: 'KR', constraint, destinationVars: c.stored.includes('--destination-vars') ? ['grdp_pc'] : [], offset: 'destination:population:log' };
    const start = await api.post('/api/models/gravity', body);
    assert.equal(start.status, 202, JSON.stringify(start.body));
    const job = await api.waitJob(start.body.id);
    assert.equal(job.state, 'done', JSON.stringify(job.error));
    const cli = stored.get(c.name)!;
    for (const key of ['coefficients', 'standardErrors', 'robustStandardErrors'] as const) assertClose(job.result[key], cli[key], 1e-12, key);
    assert.deepEqual(job.result.offset, cli.offset);
  }
  const bad = await api.post('/api/models/gravity', { periods: ['2019'], within: 'KR', offset: 'origin:gdp' });
  const job = await api.waitJob(bad.body.id);
  assert.equal(job.state, 'failed');
  assert.equal(job.error.status, 400);
  assert.match(job.error.body.error.message, /unknown indicator "gdp" \(offset of the origin\).*population/);
});
