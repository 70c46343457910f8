import { InputError, SpecError } from '../../core/errors.ts';
import { coded } from '../../core/messages/index.ts';
import { applyFactors, balance } from '../../numeric/balance.ts';
import type { Factor } from '../../numeric/factor.ts';
import type { GravityNewData, GravityPrediction, GravityResult } from './types.ts';

/**
 * Expected flows for new rows (changed attributes, costs or pairs) from a fitted gravity model.
 * Unconstrained: exp(intercept + x'beta [+ period effect] + offset). Constrained models keep their
 * totals exactly, as the constrained model defines them (Wilson 1970): production rescales each
 * origin's row to its total, attraction each destination's column, doubly re-balances both by
 * iterative proportional fitting. Totals are the fitted ones unless new ones are given. Further
 * fixed effects (fixedEffects) add their fitted level's effect, so every row's level must have
 * been in the fit.
 */
export function predictGravity(result: GravityResult, data: GravityNewData): GravityPrediction {
  const n = data.origin.length;
  const warnings: string[] = [];
  for (const [name, a] of [['destination', data.destination], ['cost', data.cost]] as const) {
    if (a.length !== n) throw new InputError(coded('arrays.rowsDiffer', { rows: a.length, against: 'origin', expected: n }), { column: name });
  }
  const eta = new Float64Array(n);
  for (const t of result.termSpecs) {
    const b = result.coefficients[t.name];
    if (t.role === 'intercept') {
      for (let r = 0; r < n; r++) eta[r] += b;
      continue;
    }
    const col = t.role === 'cost' ? data.cost : data.covariates?.[t.column ?? ''];
    if (!col) throw new SpecError(coded('predict.missingColumn', { column: String(t.column), term: t.name }), 'covariates');
    if (col.length !== n) throw new InputError(coded('arrays.rowsDiffer', { rows: col.length, against: 'origin', expected: n }), { column: t.column ?? t.name });
    for (let r = 0; r < n; r++) {
      const v = col[r];
      const x = t.transform === 'log' ? Math.log(v) : v;
      if (!Number.isFinite(x)) {
        const pair = { origin: { code: data.regions[data.origin[r]] }, destination: { code: data.regions[data.destination[r]] }, row: r + 1 };
        throw new InputError(coded('gravity.data.termBad', { term: t.name, value: String(v), ...pair, logged: t.transform === 'log' }), { row: r + 1, column: t.column ?? t.name });
      }
      eta[r] += b * x;
    }
  }
  if (data.offset) for (let r = 0; r < n; r++) eta[r] += data.offset[r];
  addFurtherEffects(result, data, eta);

  const expected = new Float64Array(n);
  const periodLabel = (r: number): string => {
    if (!data.period) throw new SpecError(coded('predict.needsPeriod', {}), 'period');
    return data.periods?.[data.period[r]] ?? String(data.period[r]);
  };
  if (result.constraint === 'unconstrained') {
    const pe = result.effects.period;
    const base = result.effects.intercept ?? 0;
    for (let r = 0; r < n; r++) {
      let e = eta[r] + base;
      if (pe) {
        const label = periodLabel(r);
        const v = pe[label];
        if (v === undefined || v === null) throw new SpecError(coded('predict.periodNotFitted', { period: label }), 'period');
        e += v;
      }
      expected[r] = Math.exp(e);
    }
    return { expected, warnings };
  }

  // Constrained: the effects are re-solved so the totals hold; the kernel is exp(eta - max).
  let max = -Infinity;
  for (let r = 0; r < n; r++) if (eta[r] > max) max = eta[r];
  const kernel = eta.map((e) => Math.exp(e - max));
  const factors: Factor[] = [];
  const targets: Float64Array[] = [];
  const perPeriod = (rec: Record<string, number> | null): boolean => rec !== null && Object.keys(rec).some((key) => key.includes('@'));
  const addFactor = (kind: 'origin' | 'destination', fitted: Record<string, number> | null, given: Readonly<Record<string, number>> | undefined): void => {
    const totals = given ?? fitted;
    if (!totals) throw new SpecError(coded('predict.noTotals', { constraint: result.constraint, kind }), kind);
    const keyOf = (r: number): string => {
      const code = data.regions[kind === 'origin' ? data.origin[r] : data.destination[r]];
      return perPeriod(fitted) && !given ? `${code}@${periodLabel(r)}` : code;
    };
    const map = new Map<string, number>();
    const index = new Uint32Array(n);
    const t: number[] = [];
    for (let r = 0; r < n; r++) {
      const key = keyOf(r);
      let l = map.get(key);
      if (l === undefined) {
        const total = totals[key];
        if (total === undefined) throw new SpecError(coded('predict.noTotal', { kind, key }), `${kind}Totals`);
        l = map.size;
        map.set(key, l);
        t.push(total);
      }
      index[r] = l;
    }
    factors.push({ name: kind, index, levels: map.size });
    targets.push(Float64Array.from(t));
  };
  if (result.constraint === 'production' || result.constraint === 'doubly') addFactor('origin', result.margins.origin, data.originTotals);
  if (result.constraint === 'attraction' || result.constraint === 'doubly') addFactor('destination', result.margins.destination, data.destinationTotals);
  if (factors.length === 2) {
    const a = targets[0].reduce((x, y) => x + y, 0);
    const b = targets[1].reduce((x, y) => x + y, 0);
    if (Math.abs(a - b) > 1e-9 * Math.max(a, b)) {
      throw new SpecError(coded('predict.unequalTotals', { origin: String(a), destination: String(b) }), 'originTotals');
    }
  }
  const values = factors.map((f) => new Float64Array(f.levels).fill(1));
  const outcome = balance(kernel, factors, targets, values, { tolerance: 1e-13, maxSweeps: 100000 });
  if (!outcome.converged) warnings.push(`balancing stopped after ${outcome.sweeps} sweeps with relative change ${outcome.change.toExponential(2)}: the totals cannot all be met on these pairs`);
  applyFactors(kernel, factors, values, expected);
  return { expected, warnings };
}

/** Adds each further dimension's fitted effect (relative to its first level) to eta. */
function addFurtherEffects(result: GravityResult, data: GravityNewData, eta: Float64Array): void {
  const other = result.effects.other;
  if (!other) return;
  const n = eta.length;
  for (const [name, rec] of Object.entries(other)) {
    const atoms = name.split('^');
    const labelOf = atoms.map((a) => atomLabel(a, data, name));
    for (let r = 0; r < n; r++) {
      const label = labelOf.map((f) => f(r)).join('^');
      const v = rec[label];
      if (v === undefined) throw new SpecError(coded('predict.levelNotFitted', { level: label, row: r + 1 }), name);
      eta[r] += v;
    }
  }
}

function atomLabel(atom: string, data: GravityNewData, dimension: string): (r: number) => string {
  if (atom === 'origin') return (r) => data.regions[data.origin[r]];
  if (atom === 'destination') return (r) => data.regions[data.destination[r]];
  if (atom === 'pair') return (r) => `${data.regions[data.origin[r]]}->${data.regions[data.destination[r]]}`;
  if (atom === 'period') {
    const p = data.period;
    if (!p) throw new SpecError(coded('predict.needsPeriodEffects', {}), dimension);
    return (r) => data.periods?.[p[r]] ?? String(p[r]);
  }
  const c = data.categories?.[atom];
  if (!c) throw new SpecError(coded('predict.needsCategory', { atom }), dimension);
  return (r) => c.levels[c.index[r]] ?? 'NA';
}
