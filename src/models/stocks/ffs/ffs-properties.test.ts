/**
 * Invariants of flowsFromStocks on tables simulated from a known origin x destination x birthplace
 * account (seeded, src/numeric/random), and the named diagnostics of bad input.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError, SpecError } from '../../../core/errors.ts';
import { messageIn } from '../../../core/messages/zh.ts';
import { createRng } from '../../../numeric/random/index.ts';
import { flowsFromStocks } from './flows-from-stocks.ts';
import { colSums } from './square-matrix.ts';
import { sumOver } from './sum-od.ts';
import type { FlowsFromStocksInput, FlowsFromStocksResult, FlowsFromStocksSpec } from './types.ts';

/**
 * A demographic account: flows[o][d][b] of survivors (whole persons, most stay), deaths by
 * birthplace x start residence, births as natives of their region. The stock tables follow:
 * start[b, o] = survivors leaving o + deaths; end[b, d] = survivors arriving in d (+ births if b = d).
 */
function simulate(seed: number, n: number, demography: boolean): FlowsFromStocksInput {
  const rng = createRng(seed);
  const flows = new Float64Array(n * n * n);
  const start = new Float64Array(n * n);
  const end = new Float64Array(n * n);
  const births = new Float64Array(n);
  const deaths = new Float64Array(n);
  for (let b = 0; b < n; b++) {
    for (let o = 0; o < n; o++) {
      const people = Math.round(o === b ? 2000 + 8000 * rng.uniform() : rng.uniform() < 0.2 ? 0 : 600 * rng.uniform());
      const died = demography ? Math.round(0.06 * people * rng.uniform()) : 0;
      start[b * n + o] = people;
      deaths[o] += died;
      let left = people - died;
      for (let d = 0; d < n && left > 0; d++) {
        const moved = d === o ? 0 : Math.min(left, Math.round((rng.uniform() < 0.4 ? 0 : 0.05) * people * rng.uniform()));
        flows[(o * n + d) * n + b] = moved;
        left -= moved;
      }
      flows[(o * n + o) * n + b] += left;
    }
  }
  for (let o = 0; o < n; o++) for (let d = 0; d < n; d++) for (let b = 0; b < n; b++) end[b * n + d] += flows[(o * n + d) * n + b];
  if (demography) {
    for (let r = 0; r < n; r++) {
      births[r] = Math.round(0.08 * end[r * n + r] * rng.uniform());
      end[r * n + r] += births[r];
    }
  }
  const regions = Array.from({ length: n }, (_, i) => `R${i}`);
  return { regions, stockStart: start, stockEnd: end, births, deaths };
}

/** Largest |margin of the flows - adjusted stock|, scaled by max(1, stock), for the start (dim 1 summed) or the end (dim 0). */
function marginError(res: FlowsFromStocksResult, which: 'start' | 'end'): number {
  const n = res.regions.length;
  const got = sumOver(res.flowArray, n, which === 'start' ? 1 : 0);
  const want = res.adjustedStocks[which];
  let err = 0;
  for (let b = 0; b < n; b++) for (let r = 0; r < n; r++) err = Math.max(err, Math.abs(got[r * n + b] - want[b * n + r]) / Math.max(1, want[b * n + r]));
  return err;
}

const SPECS: FlowsFromStocksSpec[] = [{}, { stayerAssumption: false }, { matchBirthplaceTotalMethod: 'open' }, { matchGlobal: 'after-demo-adjust', deathMethod: 'proportion', birthMethod: 'proportion' }];

test('property: on 12 simulated accounts x 4 specs, the flows reproduce the adjusted stocks to the reported IPF margin error, the start stocks to 1e-9 (relative) with stayers (the end ones without: the last IPF margin); no cell is negative', () => {
  let refused = 0;
  for (let s = 1; s <= 12; s++) {
    const input = simulate(s, 4 + (s % 5), s % 2 === 0);
    for (const spec of SPECS) {
      const what = `seed ${s}, spec ${JSON.stringify(spec)}`;
      let res: FlowsFromStocksResult;
      try {
        res = flowsFromStocks(input, spec);
      } catch (e) {
        // 'open' subtracts leavers shaped like the other table, which can exceed a cell (migest stops there too).
        assert.ok(spec.matchBirthplaceTotalMethod === 'open' && e instanceof InputError && /match_birthplace_tot 'open'/.test(e.message), `${what}: ${String(e)}`);
        refused++;
        continue;
      }
      const exact = spec.stayerAssumption === false ? 'end' : 'start';
      assert.ok(marginError(res, exact) <= 1e-9, `${what}: ${exact} margins off by ${marginError(res, exact)}`);
      for (const which of ['start', 'end'] as const) assert.ok(marginError(res, which) <= res.maxMarginError + 1e-9, `${what}: ${which} margins off by more than maxMarginError`);
      assert.ok(res.maxMarginError < 1, `${what}: maxMarginError ${res.maxMarginError}`);
      assert.ok(res.flowArray.every((v) => v >= 0), `${what}: negative flow`);
      assert.ok(Math.abs(Object.values(res.net).reduce((a, v) => a + v, 0)) < 1e-6, `${what}: nets do not sum to 0`);
      const n = input.regions.length;
      const bSum = colSums(Float64Array.from(res.birthMatrix), n);
      const dSum = colSums(Float64Array.from(res.deathMatrix), n);
      for (let j = 0; j < n; j++) {
        assert.ok(Math.abs(bSum[j] - input.births![j]) <= 1e-9 * Math.max(1, input.births![j]), `${what}: births of ${j}`);
        assert.ok(Math.abs(dSum[j] - input.deaths![j]) <= 1e-9 * Math.max(1, input.deaths![j]), `${what}: deaths of ${j}`);
      }
    }
  }
  assert.ok(refused <= 6, `'open' refused ${refused} of 12 accounts`);
});

test('property: stocks that are already consistent (no births or deaths) are kept as given, so the flows reproduce the input start stocks to 1e-9 and the end stocks to 1e-9', () => {
  for (let s = 20; s < 30; s++) {
    const input = simulate(s, 6, false);
    const res = flowsFromStocks(input);
    assert.deepEqual(res.globalMatch?.gap, 0);
    res.adjustedStocks.start.forEach((v, k) => assert.ok(Math.abs(v - input.stockStart[k]) <= 1e-9 * Math.max(1, v), `seed ${s} start ${k}`));
    res.adjustedStocks.end.forEach((v, k) => assert.ok(Math.abs(v - input.stockEnd[k]) <= 1e-9 * Math.max(1, v), `seed ${s} end ${k}`));
    assert.ok(marginError(res, 'start') <= 1e-9 && marginError(res, 'end') <= 1e-9);
  }
});

test('property: a tighter IPF tolerance never leaves a larger margin error (1e-1 ... 1e-10), and at 1e-10 the end stocks are met to 1e-6', () => {
  for (let s = 40; s < 46; s++) {
    const input = simulate(s, 7, true);
    let previous = Infinity;
    for (const tolerance of [1e-1, 1e-3, 1e-6, 1e-10]) {
      const res = flowsFromStocks(input, { tolerance });
      assert.ok(res.maxMarginError <= previous + 1e-9, `seed ${s}, tolerance ${tolerance}: ${res.maxMarginError} > ${previous}`);
      previous = res.maxMarginError;
      if (tolerance === 1e-10) assert.ok(res.converged && res.maxMarginError < 1e-6, `seed ${s}: ${res.maxMarginError}`);
    }
  }
});

test('an IPF step stopped by maxIterations is reported (converged: false and a warning), not hidden', () => {
  const res = flowsFromStocks(simulate(3, 6, true), { maxIterations: 1 });
  assert.equal(res.converged, false);
  assert.ok(res.warnings.some((w) => /stopped after 1 iterations/.test(w)), res.warnings.join('\n'));
  // Coded, so the CLI under --lang zh names the step by what it does.
  const c = res.messages.warnings.find((w) => w.code === 'stocks.ipfNotConverged')!;
  assert.ok(res.warnings.includes(c.message));
  assert.match(messageIn(c, 'zh'), /^IPF 步骤“death_mat：死亡按期初存量分配”迭代 1 次后停止，单元格仍变化 .+（大于容差 0\.001）$/);
});

// Abel (2013) worked example (migest e0), regions A-D.
const S1 = [1000, 100, 10, 0, 55, 555, 50, 5, 80, 40, 800, 40, 20, 25, 20, 200];
const S2 = [950, 100, 60, 0, 80, 505, 75, 5, 90, 30, 800, 40, 40, 45, 0, 180];
const base = (over: Partial<Record<keyof FlowsFromStocksInput, unknown>> = {}): FlowsFromStocksInput =>
  ({ regions: ['A', 'B', 'C', 'D'], stockStart: Float64Array.from(S1), stockEnd: Float64Array.from(S2), ...over }) as FlowsFromStocksInput;
const with1 = (arr: number[], k: number, v: number): Float64Array => Float64Array.from(arr, (x, i) => (i === k ? v : x));
const inputError = (column: string, pattern: RegExp) => (e: unknown) => e instanceof InputError && e.column === column && pattern.test(e.message);

test('bad input: each problem is an InputError naming the table (column) and the region or value', () => {
  assert.throws(() => flowsFromStocks(base({ stockStart: new Float64Array(15) })), inputError('stockStart', /15 values, expected 4 x 4/));
  assert.throws(() => flowsFromStocks(base({ stockEnd: new Float64Array(25) })), inputError('stockEnd', /25 values/));
  assert.throws(() => flowsFromStocks(base({ births: new Float64Array(3) })), inputError('births', /3 values for 4 regions/));
  assert.throws(() => flowsFromStocks(base({ seed: new Float64Array(10) })), inputError('seed', /10 values/));
  assert.throws(() => flowsFromStocks(base({ regions: ['A', 'B', 'A', 'D'] })), inputError('regions', /"A" is listed twice/));
  assert.throws(() => flowsFromStocks(base({ stockEnd: with1(S2, 6, -3) })), inputError('stockEnd', /born in "B" living in "C" is -3/));
  assert.throws(() => flowsFromStocks(base({ stockStart: with1(S1, 1, NaN) })), inputError('stockStart', /born in "A" living in "B" is NaN/));
  assert.throws(() => flowsFromStocks(base({ deaths: Float64Array.from([0, Infinity, 0, 0]) })), inputError('deaths', /deaths in "B" is Infinity/));
  assert.throws(() => flowsFromStocks(base({ seed: with1(new Array(16).fill(1), 3, -1) })), inputError('seed', /-1/));
});

test('stocks that cannot be reconciled: demographic accounting impossible, named by region and table', () => {
  // More deaths in D than people living in D at the start (245).
  assert.throws(() => flowsFromStocks(base({ deaths: Float64Array.from([0, 0, 0, 300]) })), inputError('deaths', /deaths in "D" \(300\) exceed its population at the start \(245\)/));
  assert.throws(() => flowsFromStocks(base({ births: Float64Array.from([0, 0, 1000, 0]) })), inputError('births', /births in "C" \(1000\) exceed its population at the end \(935\)/));
  // The stocks grow by 720 with no births: closing the system would need -340 natives at the end.
  const grow = { stockStart: Float64Array.from([100, 50, 50, 100]), stockEnd: Float64Array.from([10, 500, 500, 10]), regions: ['A', 'B'] };
  assert.throws(() => flowsFromStocks(base(grow)), inputError('stockEnd', /nb_scale_global.*gap of -720.*born in "A" living in "A" become -170/));
  // 'open': A-born leave the system spread like the end table, which has A-born in B where the start has none.
  const open = { stockStart: Float64Array.from([100, 0, 0, 50]), stockEnd: Float64Array.from([50, 30, 0, 50]), regions: ['A', 'B'] };
  assert.throws(() => flowsFromStocks(base(open), { matchBirthplaceTotalMethod: 'open' }), inputError('stockStart', /match_birthplace_tot 'open'.*born in "A" living in "B" become -7\.5/));
  // deathMethod 'accounting': 20 more B-born at the end than at the start and no births imply -20 deaths.
  const moreB = base({ stockEnd: with1(S2, 5, 525) });
  assert.throws(() => flowsFromStocks(moreB, { deathMethod: 'accounting', matchGlobal: 'after-demo-adjust' }), inputError('deaths', /born in "B" number 665 at the start and 685 at the end with 0 births, which implies -20 deaths/));
  // ... and 10 deaths by residence where the birthplace totals imply none: the two margins cannot both hold.
  assert.throws(() => flowsFromStocks(base({ deaths: Float64Array.from([10, 0, 0, 0]) }), { deathMethod: 'accounting', matchGlobal: 'after-demo-adjust' }), (e: unknown) => e instanceof InputError && /death_mat.*totals to reconcile differ \(0 vs 10\)/.test(e.message));
});

test('bad specification: a SpecError naming the field; migest\'s broken rescale-adjust-zero-fb says why it is not ported', () => {
  const spec = (s: object) => () => flowsFromStocks(base(), s as FlowsFromStocksSpec);
  const specError = (field: string, pattern: RegExp) => (e: unknown) => e instanceof SpecError && e.field === field && pattern.test(e.message);
  assert.throws(spec({ matchBirthplaceTotalMethod: 'rescale-adjust-zero-fb' }), specError('matchBirthplaceTotalMethod', /not ported.*\$mu/));
  assert.throws(spec({ matchGlobal: 'none' }), specError('matchGlobal', /"none" is not one of before-demo-adjust, after-demo-adjust/));
  assert.throws(spec({ birthMethod: 'x' }), specError('birthMethod', /"x"/));
  assert.throws(spec({ deathMethod: 'x' }), specError('deathMethod', /"x"/));
  assert.throws(spec({ stayerAssumption: 'yes' }), specError('stayerAssumption', /yes/));
  assert.throws(spec({ tolerance: 0 }), specError('tolerance', /0 is not a number > 0/));
  assert.throws(spec({ maxIterations: 1.5 }), specError('maxIterations', /1.5/));
  assert.throws(spec({ stayer: false }), specError('stayer', /unknown option; the options are stayerAssumption, /));
});
