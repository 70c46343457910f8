/**
 * flowsFromStocks against R migest's documented ffs_demo examples (test/fixtures/migest-examples:
 * migest commit 690b0f7 with mipfp 3.2.1, R 4.2.2). Each case names its R call. Default runs
 * (tol 1e-3, migest's) must match every flow-array cell and every sum_od cell, margins included,
 * to 1e-6 absolute (all values are below 1,200 persons, so this is stricter than 1e-6 relative);
 * the "_tight" runs (R with every Ipfp tol forced to 1e-11) are matched with tolerance 1e-11.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { readCsv } from '../../../../test/helpers/shipped-data.ts';
import { readBirthsDeaths, readFlowArray, readIpfpLog, readMatrix, maxDifference } from '../../../../test/fixtures/migest-examples/migest-csv.ts';
import { InputError } from '../../../core/errors.ts';
import { messageIn } from '../../../core/messages/zh.ts';
import { flowsFromStocks } from './flows-from-stocks.ts';
import { sumOd } from './sum-od.ts';
import type { FlowsFromStocksSpec } from './types.ts';

const dir = fileURLToPath(new URL('../../../../test/fixtures/migest-examples/', import.meta.url));
const TOL = 1e-6;

const CASES: { id: string; call: string; spec: FlowsFromStocksSpec }[] = [
  { id: 'e0', call: 'ffs_demo(stock_start = s1, stock_end = s2, births = b, deaths = d)', spec: {} },
  { id: 'e1', call: 'ffs_demo(stock_start = s1, stock_end = s2, births = b, deaths = d)', spec: {} },
  { id: 'e2', call: 'ffs_demo(stock_start = s1, stock_end = s2, births = b, deaths = d, seed = dd)', spec: {} },
  { id: 'e3', call: 'ffs_demo(..., match_birthplace_tot_method = "open-dr")', spec: { matchBirthplaceTotalMethod: 'open-dr' } },
  { id: 'e4', call: 'ffs_demo(..., match_birthplace_tot_method = "open")', spec: { matchBirthplaceTotalMethod: 'open' } },
  { id: 'e5', call: 'ffs_demo(stock_start = s1, stock_end = s2, births = b, deaths = d)', spec: {} },
  { id: 'e6', call: 'ffs_demo(stock_start = s1, stock_end = s2, births = b, deaths = d)', spec: {} },
  { id: 'e7', call: 'ffs_demo(stock_start = s1, stock_end = s2, births = b, deaths = d)', spec: {} },
  { id: 'e0_indep', call: 'ffs_demo(stock_start = s1, stock_end = s2, births = b, deaths = d, stayer_assumption = FALSE)', spec: { stayerAssumption: false } },
];

function run(id: string, spec: FlowsFromStocksSpec, given?: Float64Array) {
  const s1 = readMatrix(`${dir}default/${id}_stock_start.csv`);
  const s2 = readMatrix(`${dir}default/${id}_stock_end.csv`);
  const { births, deaths } = readBirthsDeaths(`${dir}default/${id}_births_deaths.csv`);
  const seed = given ?? (id === 'e2' ? readMatrix(`${dir}default/e2_seed.csv`).values : undefined);
  return { regions: s1.rows, result: flowsFromStocks({ regions: s1.rows, stockStart: s1.values, stockEnd: s2.values, births, deaths, seed }, spec) };
}

/** sum_od(x) with add_margins = TRUE: (n + 1) x (n + 1), the last row and column are the sums. */
function withMargins(od: Float64Array, n: number): Float64Array {
  const m = n + 1;
  const out = new Float64Array(m * m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const v = od[i * n + j];
      out[i * m + j] = v;
      out[i * m + n] += v;
      out[n * m + j] += v;
      out[n * m + n] += v;
    }
  }
  return out;
}

for (const variant of ['default', 'tight'] as const) {
  const log = readIpfpLog(`${dir}${variant}/ipfp_call_log.csv`);
  for (const { id, call, spec } of CASES) {
    const tol = variant === 'tight' ? { tolerance: 1e-11 } : {};
    test(`${id} ${variant}: ${call}${variant === 'tight' ? ' with every Ipfp tol = 1e-11' : ''}: flow array, sum_od and adjusted stocks to ${TOL} absolute`, () => {
      const { regions, result } = run(id, { ...spec, ...tol });
      const n = regions.length;
      const flows = maxDifference(result.flowArray, readFlowArray(`${dir}${variant}/${id}_flow_array.csv`, regions));
      assert.ok(flows.absolute <= TOL, `flow array differs by ${flows.absolute}`);
      const od = maxDifference(withMargins(sumOd(result.flowArray, n), n), readMatrix(`${dir}${variant}/${id}_sum_od.csv`).values);
      assert.ok(od.absolute <= TOL, `sum_od differs by ${od.absolute}`);
      for (const end of ['start', 'end'] as const) {
        const adj = maxDifference(result.adjustedStocks[end], readMatrix(`${dir}${variant}/${id}_stock_${end}_adj.csv`).values);
        assert.ok(adj.absolute <= TOL, `stock_${end}5 differs by ${adj.absolute}`);
      }
      // Every mipfp::Ipfp call of the R run and its iteration count, in order, except match_birthplace_tot's
      // fit of an all-zero placeholder (iter = 1000), which the port does not run.
      const calls = log.filter((c) => c.run === id && c.iterMax !== 1000);
      assert.deepEqual(
        result.ipfpCalls.map((c) => `${c.margins}:${c.iterations}`),
        calls.map((c) => `${c.margins.replace(/\s/g, '')}:${c.iterations}`),
      );
    });
  }
}

test('e0 is the worked example of Abel (2013) and Abel & Sander (2014): A->C 50, B->A 35, B->C 25, C->A 10, C->B 10, D->A 10, D->B 10, exactly', () => {
  const { regions, result } = run('e0', {});
  const want: Record<string, number> = { 'A>C': 50, 'B>A': 35, 'B>C': 25, 'C>A': 10, 'C>B': 10, 'D>A': 10, 'D>B': 10 };
  const got = Object.fromEntries(result.flow.map((f, k) => [`${regions[result.origin[k]]}>${regions[result.destination[k]]}`, f]));
  assert.deepEqual(got, want);
  assert.equal(result.net.A, 55 - 50);
  assert.ok(result.converged);
});

test('e2 = e1: with stayerAssumption true the seed is not used, as in migest, and the result says so', () => {
  const e1 = run('e1', {}).result;
  const e2 = run('e2', {}).result;
  assert.deepEqual(e2.flowArray, e1.flowArray);
  assert.ok(e2.assumptions.some((a) => a.includes('seed is not used')));
  assert.ok(e2.warnings.some((w) => w.startsWith('the seed was not used')));
  assert.ok(e2.warnings.some((w) => w.includes('minimum migration') && w.includes('stayerAssumption: false')));
  // Coded beside the English, in the same order, so `estimate --lang zh` and the page say them in Chinese.
  assert.deepEqual(e2.messages.warnings.map((w) => [w.code, w.message]), [['stocks.seedUnused', e2.warnings[0]], ['stocks.minimumMigration', e2.warnings[1]]]);
  assert.equal(messageIn(e2.messages.warnings[0], 'zh'), '未使用给定的先验：stayerAssumption 为 true 时，ffs_demo 在对角线以外拟合均匀先验（与 migest 相同）；要使用它，请设 stayerAssumption = false');
});

test('e6 reports migest\'s "Too many births in region B" and spreads B\'s births over its residents', () => {
  const { result } = run('e6', {});
  const w = result.warnings.filter((x) => x.startsWith('Too many births'));
  assert.equal(w.length, 1);
  assert.match(w[0], /region "B"/);
  const c = result.messages.warnings.find((x) => x.code === 'stocks.tooManyBirths')!;
  assert.equal(c.message, w[0]);
  assert.match(messageIn(c, 'zh'), /^地区“B”出生过多：50 人出生，但期末居住在当地的本地出生者只有 \d+ 人；/);
  const n = 4;
  const colB = [0, 1, 2, 3].map((i) => result.birthMatrix[i * n + 1]);
  assert.ok(colB.filter((v) => v > 0).length > 1, 'births of B spread over several birthplaces');
  assert.ok(Math.abs(colB.reduce((s, v) => s + v, 0) - 50) < 1e-9);
});

test('the result is plain serialisable data with its definition, kind, source and resolved spec', () => {
  const { result } = run('e5', {});
  const back = JSON.parse(JSON.stringify(result));
  assert.deepEqual(back, result);
  assert.equal(result.kind, 'estimated');
  assert.equal(result.parameters.tolerance, 1e-3);
  assert.equal(result.parameters.matchGlobal, 'before-demo-adjust');
  assert.ok(result.origin.length <= 4 * 3 && result.origin.every((o, k) => o !== result.destination[k] && result.flow[k] > 0));
  assert.ok(result.assumptions.length >= 6);
  assert.ok(result.maxMarginError > 0 && result.maxMarginError < 0.01, `e5 is not converged at migest's tolerance: ${result.maxMarginError}`);
});

/** R's 4 x 4 x 4 seed (column-major [orig, dest, birth]) in talentflow's row-major [orig][dest][birth]. */
function seed3(): Float64Array {
  const r = readCsv(`${dir}extra/seed3.csv`).map((row) => Number(row.value));
  const n = 4;
  const out = new Float64Array(n * n * n);
  for (let o = 0; o < n; o++) for (let d = 0; d < n; d++) for (let b = 0; b < n; b++) out[(o * n + d) * n + b] = r[o + n * d + n * n * b];
  return out;
}

const EXTRA: { variant: string; id: string; call: string; spec: FlowsFromStocksSpec; seed?: () => Float64Array }[] = [
  { variant: 'e5_after_demo', id: 'e5', call: 'match_global = "after-demo-adjust"', spec: { matchGlobal: 'after-demo-adjust' } },
  { variant: 'e6_birth_proportion', id: 'e6', call: 'birth_method = "proportion"', spec: { birthMethod: 'proportion' } },
  { variant: 'e5_death_accounting_after', id: 'e5', call: 'death_method = "accounting", match_global = "after-demo-adjust"', spec: { deathMethod: 'accounting', matchGlobal: 'after-demo-adjust' } },
  { variant: 'e2_indep_distance_seed', id: 'e2', call: 'seed = dd, stayer_assumption = FALSE', spec: { stayerAssumption: false } },
  { variant: 'e5_indep_3d_seed', id: 'e5', call: 'seed = s3 (4 x 4 x 4), stayer_assumption = FALSE', spec: { stayerAssumption: false }, seed: seed3 },
  { variant: 'e6_open_indep', id: 'e6', call: 'match_birthplace_tot_method = "open", stayer_assumption = FALSE', spec: { matchBirthplaceTotalMethod: 'open', stayerAssumption: false } },
];

for (const { variant, id, call, spec, seed } of EXTRA) {
  test(`${variant}: ffs_demo(<${id} inputs>, ${call}) (extra/run-extra.R): every flow-array cell to ${TOL} absolute`, () => {
    const { regions, result } = run(id, spec, seed?.());
    const n = regions.length;
    const at = new Map(regions.map((r, i) => [r, i]));
    const want = new Float64Array(n * n * n).fill(NaN);
    for (const r of readCsv(`${dir}extra/flow_arrays.csv`).filter((row) => row.variant === variant)) want[(at.get(r.orig)! * n + at.get(r.dest)!) * n + at.get(r.birth)!] = Number(r.flow);
    const d = maxDifference(result.flowArray, want);
    assert.ok(d.absolute <= TOL, `differs by ${d.absolute}`);
  });
}

test('where R stops with mipfp\'s "Target and Seed cells must be non-negative!" (e6 with death_method = "accounting"; with birth_non_negative = FALSE), the port names the region and table', () => {
  const named = (table: string, pattern: RegExp) => (e: unknown) => e instanceof InputError && e.column === table && pattern.test(e.message);
  assert.throws(() => run('e6', { deathMethod: 'accounting' }), named('stockStart', /death_mat.*born in "B" living in "C" become -5\.26/));
  assert.throws(() => run('e6', { birthNonNegative: false }), named('stockEnd', /birth_mat.*born in "B" living in "B" become -5;/));
});
