/**
 * Bilateral migrant flows from two birthplace x residence stock tables by demographic accounting:
 * Abel (2013), "Estimating global migration flow tables using place of birth data", Demographic
 * Research 28(18) 505-546, as used for Abel & Sander (2014), Science 343(6178); a port of R
 * migest's ffs_demo() (commit 690b0f7) that reproduces its results to 1e-6, mipfp::Ipfp stopping
 * rule included (ipfp.ts).
 *
 * Steps, each in its own file: (1) the change of the stock totals is matched to births - deaths
 * through the natives (nb_scale_global); (2) births and deaths are placed in the tables and
 * removed (birth_mat, death_mat); (3) the tables are made to agree on the number of people born
 * in each place (match_birthplace_tot); (4) flows by birthplace are fitted to the two tables
 * (the IPF of ffs_demo). migest's nb_non_zero, which repairs negative native-born cells, is not
 * needed: negative counts are refused by check-stocks.ts.
 */
import { assertReconcilable, checkStocks, resolveSpec } from './check-stocks.ts';
import { coded, english, type CodedMessage } from '../../../core/messages/index.ts';
import { ffsAssumptions, FFS_DEFINITION, FFS_SOURCE } from './assumptions.ts';
import { birthMatrix, deathMatrix } from './birth-death-matrices.ts';
import type { FitContext } from './fit-step.ts';
import { independentFlows, stayerFlows } from './fit-flows.ts';
import { matchBirthplaceTotals } from './match-birthplace-totals.ts';
import { nbScaleGlobal, scaleNativesProportionally, type GlobalMatch } from './nb-scale-global.ts';
import { colSums, rowSums, subtract } from './square-matrix.ts';
import { sumOd, sumOver } from './sum-od.ts';
import type { FlowsFromStocksInput, FlowsFromStocksResult, FlowsFromStocksSpec } from './types.ts';

/** migest passes tol.margins = 1e-3 to every mipfp::Ipfp call; the port keeps it. */
const MIGEST_MARGIN_TOLERANCE = 1e-3;

export function flowsFromStocks(input: FlowsFromStocksInput, spec: FlowsFromStocksSpec = {}): FlowsFromStocksResult {
  const p = resolveSpec(spec);
  const { n, regions, stockStart, stockEnd, births, deaths, seed } = checkStocks(input);
  const ctx: FitContext = { ipfp: { tolerance: p.tolerance, maxIterations: p.maxIterations, marginTolerance: MIGEST_MARGIN_TOLERANCE }, calls: [] };
  const warnings: CodedMessage[] = [];
  const rescale = p.matchBirthplaceTotalMethod === 'rescale';
  const checked = (g: GlobalMatch, step: string): GlobalMatch => {
    const why = `${step}, natives adjusted for a gap of ${g.gap} between births - deaths and the change of the stock totals`;
    assertReconcilable(g.start, n, regions, 'stockStart', why);
    assertReconcilable(g.end, n, regions, 'stockEnd', why);
    return g;
  };

  // (1) world stock change = births - deaths (migest default: before births and deaths are removed)
  let global: GlobalMatch | null = null;
  if (rescale && p.matchGlobal === 'before-demo-adjust') global = checked(nbScaleGlobal(stockStart, stockEnd, n, births, deaths), 'nb_scale_global');
  const start2 = global?.start ?? stockStart;
  const end2 = global?.end ?? stockEnd;

  // (2) births and deaths by birthplace x residence, removed from the tables
  const bMat = birthMatrix(ctx, births, end2, n, p.birthMethod, p.birthNonNegative, regions, warnings);
  const dMat = deathMatrix(ctx, deaths, start2, end2, births, n, p.deathMethod, regions);
  let start4 = subtract(start2, dMat);
  let end4 = subtract(end2, bMat);
  assertReconcilable(start4, n, regions, 'stockStart', 'removing deaths from the start stocks (death_mat)');
  assertReconcilable(end4, n, regions, 'stockEnd', 'removing births from the end stocks (birth_mat)');
  if (rescale && p.matchGlobal === 'after-demo-adjust') {
    global = checked(scaleNativesProportionally(start4, end4, n), 'after-demo-adjust');
    start4 = global.start;
    end4 = global.end;
  }

  // (3) equal birthplace totals at both ends
  const matched = matchBirthplaceTotals(ctx, start4, end4, n, p.matchBirthplaceTotalMethod);
  assertReconcilable(matched.start, n, regions, 'stockStart', `matching birthplace totals (match_birthplace_tot '${p.matchBirthplaceTotalMethod}')`);
  assertReconcilable(matched.end, n, regions, 'stockEnd', `matching birthplace totals (match_birthplace_tot '${p.matchBirthplaceTotalMethod}')`);

  // (4) flows by origin x destination x birthplace
  const flows = p.stayerAssumption ? stayerFlows(ctx, matched.start, matched.end, n) : independentFlows(ctx, matched.start, matched.end, n, seed);

  const od = sumOd(flows, n);
  const inflow = colSums(od, n);
  const outflow = rowSums(od, n);
  const origin: number[] = [];
  const destination: number[] = [];
  const flow: number[] = [];
  for (let o = 0; o < n; o++) {
    for (let d = 0; d < n; d++) {
      if (o === d || !(od[o * n + d] > 0)) continue;
      origin.push(o);
      destination.push(d);
      flow.push(od[o * n + d]);
    }
  }
  for (const c of ctx.calls) {
    if (!c.converged) warnings.push(coded('stocks.ipfNotConverged', { step: c.step, iterations: c.iterations, change: c.stoppingCriterion, tolerance: p.tolerance }));
  }
  if (p.stayerAssumption && seed !== undefined) warnings.push(coded('stocks.seedUnused', {}));
  // With stayers maximised, a region that gains keeps its own people home: name the gaining regions sending under 1% of what they receive.
  if (p.stayerAssumption) warnings.push(coded('stocks.minimumMigration', { regions: regions.filter((_, i) => inflow[i] > outflow[i] && outflow[i] < 0.01 * inflow[i]) }));
  const rec = (v: Float64Array): Record<string, number> => Object.fromEntries(regions.map((r, i) => [r, v[i]]));
  const assumptions = ffsAssumptions(p, global?.gap ?? null, seed !== undefined);
  return {
    model: 'flows-from-birthplace-stocks',
    method: `ffs_demo: demographic accounting with ${p.stayerAssumption ? 'maximised stayers' : 'the independence model'}, birthplace totals by '${p.matchBirthplaceTotalMethod}'`,
    kind: 'estimated',
    definition: FFS_DEFINITION,
    source: FFS_SOURCE,
    assumptions: english(assumptions),
    parameters: p,
    regions: [...regions],
    origin,
    destination,
    flow,
    flowArray: Array.from(flows),
    inTotals: rec(inflow),
    outTotals: rec(outflow),
    net: rec(inflow.map((v, i) => v - outflow[i])),
    globalMatch: global && { start: Array.from(global.start), end: Array.from(global.end), gap: global.gap },
    birthMatrix: Array.from(bMat),
    deathMatrix: Array.from(dMat),
    enteredSystem: Array.from(matched.entered),
    leftSystem: Array.from(matched.left),
    adjustedStocks: { start: Array.from(matched.start), end: Array.from(matched.end) },
    ipfpCalls: ctx.calls,
    iterations: ctx.calls.reduce((s, c) => s + c.iterations, 0),
    converged: ctx.calls.every((c) => c.converged),
    maxMarginError: flowMarginError(flows, matched.start, matched.end, n),
    warnings: english(warnings),
    messages: { warnings, assumptions },
  };
}

/** Largest |sum over dest (orig) of the flows - start (end) stock| over birthplace x residence. */
function flowMarginError(flows: Float64Array, start: Float64Array, end: Float64Array, n: number): number {
  const leaving = sumOver(flows, n, 1);
  const arriving = sumOver(flows, n, 0);
  let err = 0;
  for (let b = 0; b < n; b++) {
    for (let r = 0; r < n; r++) {
      err = Math.max(err, Math.abs(leaving[r * n + b] - start[b * n + r]), Math.abs(arriving[r * n + b] - end[b * n + r]));
    }
  }
  return err;
}
