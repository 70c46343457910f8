/**
 * Input checks of flows from stocks, apart from the fitting so that flows-from-stocks.ts reads
 * like the method. Every problem is an InputError (data; `column` names the table) or a
 * SpecError (option) naming the region and table, raised before any number can turn into NaN.
 */
import { InputError, SpecError } from '../../../core/errors.ts';
import { colSums } from './square-matrix.ts';
import { FLOWS_FROM_STOCKS_DEFAULTS, type FlowsFromStocksInput, type FlowsFromStocksSpec, type ResolvedFlowsFromStocksSpec } from './types.ts';

export interface CheckedStocks {
  readonly n: number;
  readonly regions: readonly string[];
  readonly stockStart: Float64Array;
  readonly stockEnd: Float64Array;
  readonly births: Float64Array;
  readonly deaths: Float64Array;
  readonly seed?: Float64Array;
}

const OPTIONS = {
  matchGlobal: ['before-demo-adjust', 'after-demo-adjust'],
  matchBirthplaceTotalMethod: ['rescale', 'open', 'open-dr'],
  birthMethod: ['native', 'proportion'],
  deathMethod: ['proportion', 'accounting'],
} as const;

/** The spec with FLOWS_FROM_STOCKS_DEFAULTS applied; a SpecError names a bad field. */
export function resolveSpec(spec: FlowsFromStocksSpec = {}): ResolvedFlowsFromStocksSpec {
  const r: ResolvedFlowsFromStocksSpec = { ...FLOWS_FROM_STOCKS_DEFAULTS };
  for (const [k, v] of Object.entries(spec)) {
    if (!(k in FLOWS_FROM_STOCKS_DEFAULTS)) throw new SpecError(`unknown option; the options are ${Object.keys(FLOWS_FROM_STOCKS_DEFAULTS).join(', ')}`, k);
    if (v !== undefined) Object.assign(r, { [k]: v });
  }
  for (const [field, allowed] of Object.entries(OPTIONS)) {
    const v: string = r[field as keyof typeof OPTIONS];
    if (!(allowed as readonly string[]).includes(v)) {
      const why =
        v === 'rescale-adjust-zero-fb'
          ? ' (not ported: at migest commit 690b0f7 this method reads `$mu` from mipfp::Ipfp, whose result has `x.hat`, and stops with an error)'
          : '';
      throw new SpecError(`"${String(v)}" is not one of ${allowed.join(', ')}${why}`, field);
    }
  }
  for (const field of ['stayerAssumption', 'birthNonNegative'] as const) {
    if (typeof r[field] !== 'boolean') throw new SpecError(`${String(r[field])} is not true or false`, field);
  }
  if (!(r.tolerance > 0) || !Number.isFinite(r.tolerance)) throw new SpecError(`${r.tolerance} is not a number > 0`, 'tolerance');
  if (!Number.isInteger(r.maxIterations) || r.maxIterations < 1) throw new SpecError(`${r.maxIterations} is not a whole number >= 1`, 'maxIterations');
  return r;
}

/** Shapes, finiteness and signs of the input; births and deaths default to zeros. */
export function checkStocks(input: FlowsFromStocksInput): CheckedStocks {
  const { regions } = input;
  const n = regions.length;
  if (n < 1) throw new InputError('no regions given', { column: 'regions' });
  const seen = new Set<string>();
  for (const r of regions) {
    if (seen.has(r)) throw new InputError(`region "${r}" is listed twice`, { column: 'regions' });
    seen.add(r);
  }
  const births = input.births ?? new Float64Array(n);
  const deaths = input.deaths ?? new Float64Array(n);
  for (const [table, m] of [['stockStart', input.stockStart], ['stockEnd', input.stockEnd]] as const) {
    if (m.length !== n * n) throw new InputError(`has ${m.length} values, expected ${n} x ${n} = ${n * n} for ${n} regions`, { column: table });
    for (let c = 0; c < m.length; c++) checkCount(m[c], table, `people born in "${regions[Math.floor(c / n)]}" living in "${regions[c % n]}"`);
  }
  for (const [table, v] of [['births', births], ['deaths', deaths]] as const) {
    if (v.length !== n) throw new InputError(`has ${v.length} values for ${n} regions`, { column: table });
    v.forEach((x, i) => checkCount(x, table, `${table} in "${regions[i]}"`));
  }
  const { seed } = input;
  if (seed !== undefined) {
    if (seed.length !== n * n && seed.length !== n * n * n) {
      throw new InputError(`has ${seed.length} values, expected n x n = ${n * n} (orig x dest) or n x n x n = ${n * n * n} (orig x dest x birth)`, { column: 'seed' });
    }
    seed.forEach((x, c) => checkCount(x, 'seed', `prior cell ${c} (origin "${regions[Math.floor(c / (seed.length === n * n ? n : n * n))]}")`));
  }
  const pop1 = colSums(input.stockStart, n);
  const pop2 = colSums(input.stockEnd, n);
  for (let j = 0; j < n; j++) {
    if (deaths[j] > pop1[j]) throw new InputError(`deaths in "${regions[j]}" (${deaths[j]}) exceed its population at the start (${pop1[j]}): demographic accounting is impossible`, { column: 'deaths' });
    if (births[j] > pop2[j]) throw new InputError(`births in "${regions[j]}" (${births[j]}) exceed its population at the end (${pop2[j]}): demographic accounting is impossible`, { column: 'births' });
  }
  return { n, regions, stockStart: input.stockStart, stockEnd: input.stockEnd, births, deaths, seed };
}

/**
 * A stock table produced by a step of the method must stay >= 0; otherwise the stocks, births
 * and deaths cannot be reconciled by it (`why` says which step and what to check).
 */
export function assertReconcilable(m: Float64Array, n: number, regions: readonly string[], table: string, why: string): void {
  for (let c = 0; c < m.length; c++) {
    if (m[c] < 0 || Number.isNaN(m[c])) {
      const i = Math.floor(c / n);
      const j = c % n;
      throw new InputError(`${why}: people born in "${regions[i]}" living in "${regions[j]}" become ${m[c]}; the stocks cannot be reconciled`, { column: table });
    }
  }
}

function checkCount(v: number, table: string, what: string): void {
  if (!Number.isFinite(v)) throw new InputError(`${what} is ${v}, not a finite number`, { column: table });
  if (v < 0) throw new InputError(`${what} is ${v}; counts must be >= 0`, { column: table });
}
