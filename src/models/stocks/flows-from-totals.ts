import { InputError, SpecError } from '../../core/errors.ts';
import { coded, english, type CodedMessage } from '../../core/messages/index.ts';
import { applyFactors, balance } from '../../numeric/balance.ts';
import type { Factor } from '../../numeric/factor.ts';
import type { PriorSpec, StocksFlowsResult, TotalsInput } from './types.ts';

/**
 * Origin-destination flows that reproduce known out- and in-totals, by iterative proportional
 * fitting (Deming & Stephan 1940) of a gravity-shaped prior T0_ij = m_i^a m_j^b f(d_ij), i != j:
 * the doubly-constrained gravity model of Wilson (1970) with the decay taken as given. The
 * result is the table closest to the prior in the Kullback-Leibler sense among those with the
 * required totals.
 */
export function flowsFromTotals(
  input: TotalsInput, prior: PriorSpec, extraAssumptions: readonly (string | CodedMessage)[] = [], method: string | CodedMessage = 'IPF of a gravity prior to known out- and in-totals',
): StocksFlowsResult {
  const { regions, distance, mass, outTotals, inTotals } = input;
  const n = regions.length;
  if (distance.length !== n * n) throw new InputError(`has ${distance.length} values, expected ${n} x ${n}`, { column: 'distance' });
  for (const [name, a] of [['mass', mass], ['outTotals', outTotals], ['inTotals', inTotals]] as const) {
    if (a.length !== n) throw new InputError(`has ${a.length} values for ${n} regions`, { column: name });
    a.forEach((v, i) => {
      if (!(v >= 0) || !Number.isFinite(v)) throw new InputError(`${name} ${v} of region "${regions[i]}" is not a finite number >= 0`, { column: name });
    });
  }
  const a = prior.originExponent ?? 1;
  const b = prior.destinationExponent ?? 1;
  const { form, parameter } = prior.decay;
  if (form !== 'power' && form !== 'exponential') throw new SpecError(`"${String(form)}" is not power or exponential`, 'decay.form');
  if (!Number.isFinite(parameter)) throw new SpecError(`${parameter} is not a number`, 'decay.parameter');
  const sumOut = outTotals.reduce((s, v) => s + v, 0);
  const sumIn = inTotals.reduce((s, v) => s + v, 0);
  if (Math.abs(sumOut - sumIn) > 1e-9 * Math.max(sumOut, sumIn, 1)) throw new SpecError(`out-totals sum to ${sumOut} but in-totals to ${sumIn}`, 'inTotals');

  const kernel = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const d = distance[i * n + j];
      if (form === 'power' && !(d > 0)) throw new InputError(`distance ${d} between "${regions[i]}" and "${regions[j]}" is not positive; power decay needs d > 0`, { column: 'distance' });
      const f = form === 'power' ? Math.pow(d, parameter) : Math.exp(parameter * d);
      kernel[i * n + j] = Math.pow(mass[i], a) * Math.pow(mass[j], b) * f;
    }
  }
  const rowIdx = new Uint32Array(n * n);
  const colIdx = new Uint32Array(n * n);
  for (let p = 0; p < n * n; p++) {
    rowIdx[p] = Math.floor(p / n);
    colIdx[p] = p % n;
  }
  const factors: Factor[] = [
    { name: 'origin', index: rowIdx, levels: n, grid: { axis: 0, rows: n, cols: n } },
    { name: 'destination', index: colIdx, levels: n, grid: { axis: 1, rows: n, cols: n } },
  ];
  const values = [new Float64Array(n).fill(1), new Float64Array(n).fill(1)];
  const outcome = balance(kernel, factors, [outTotals, inTotals], values, { tolerance: 1e-12, maxSweeps: 100000 });
  const flows = new Float64Array(n * n);
  applyFactors(kernel, factors, values, flows);

  const warnings: CodedMessage[] = [];
  const got = [new Float64Array(n), new Float64Array(n)];
  for (let p = 0; p < n * n; p++) {
    got[0][rowIdx[p]] += flows[p];
    got[1][colIdx[p]] += flows[p];
  }
  let maxErr = 0;
  for (let i = 0; i < n; i++) {
    for (const [k, want] of [[0, outTotals[i]], [1, inTotals[i]]] as const) {
      const err = Math.abs(got[k][i] - want) / Math.max(want, 1);
      if (err > maxErr) maxErr = err;
    }
  }
  if (!outcome.converged) warnings.push(coded('stocks.totalsNotConverged', { sweeps: outcome.sweeps, change: outcome.change, marginError: maxErr }));

  const origin: number[] = [];
  const destination: number[] = [];
  const flow: number[] = [];
  for (let p = 0; p < n * n; p++) {
    if (flows[p] > 0) {
      origin.push(rowIdx[p]);
      destination.push(colIdx[p]);
      flow.push(flows[p]);
    }
  }
  const rec = (f: (i: number) => number): Record<string, number> => Object.fromEntries(regions.map((c, i) => [c, f(i)]));
  const assumptions = [
    ...extraAssumptions,
    coded('census.assumption.gravityPrior', { originExponent: a, destinationExponent: b, form, parameter, decaySource: prior.decay.source ?? null }),
  ];
  // Coded for a front-end in another language only when every one was given coded (the census pipeline's are).
  const allCoded = assumptions.every((x) => typeof x !== 'string');
  return {
    model: 'flows-from-stocks',
    method: typeof method === 'string' ? method : method.message,
    assumptions: assumptions.map((x) => (typeof x === 'string' ? x : x.message)),
    parameters: { originExponent: a, destinationExponent: b, decayForm: form, decayParameter: parameter, decaySource: prior.decay.source ?? 'user' },
    regions: [...regions],
    origin,
    destination,
    flow,
    outTotals: rec((i) => outTotals[i]),
    inTotals: rec((i) => inTotals[i]),
    net: rec((i) => inTotals[i] - outTotals[i]),
    iterations: outcome.sweeps,
    converged: outcome.converged,
    maxMarginError: maxErr,
    warnings: english(warnings),
    messages: { warnings, ...(allCoded ? { assumptions: assumptions as CodedMessage[] } : {}), ...(typeof method === 'string' ? {} : { method }) },
  };
}
