import { SpecError } from '../core/errors.ts';
import { quantiles } from '../metrics/quantile.ts';
import { createRng } from '../numeric/index.ts';
import { mvNormalSampler } from '../numeric/mvnormal.ts';
import type { ChoiceModel } from './choice-model.ts';
import type { Lever } from './levers.ts';
import { simulateCohorts, type CohortSimulationResult } from './microsim.ts';

/**
 * Scenario against baseline with uncertainty. Each draw d takes the model's parameters from
 * their sampling distribution, a multivariate normal on the estimates and covariance (the
 * "simulation" approach of King, Tomz & Wittenberg 2000, "Making the most of statistical
 * analyses", AJPS 44(2)), then runs the cohort microsimulation for the baseline and the scenario
 * with the draw's own random streams (simulation noise; the two arms share them). Every output
 * is summarised by its median and 5% and 95% quantiles over draws (R: quantile(x, c(.05, .5,
 * .95)), type 7). Cost per additional retained graduate is total cost / retained delta per draw:
 * where a draw retains none or fewer, the ratio is infinite and its quantiles may be null.
 */
export interface Interval {
  readonly median: number | null;
  readonly p05: number | null;
  readonly p95: number | null;
}

export interface ScenarioRunInput {
  readonly model: ChoiceModel;
  readonly startYear: number;
  readonly years: number;
  readonly sizes: Float64Array;
  readonly growth?: number;
  readonly levers: readonly Lever[];
  readonly returnRates: readonly number[];
  readonly outcome: Uint8Array;
  readonly maxAgentsPerYear?: number;
  readonly draws: number;
  readonly seed: number;
  /** Called after each draw with (done, total). */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface ScenarioYearRow {
  readonly year: number;
  readonly graduates: Interval;
  readonly retainedBaseline: Interval;
  readonly retainedScenario: Interval;
  readonly retainedDelta: Interval;
  readonly ownRetainedDelta: Interval;
  readonly netFlowBaseline: Interval;
  readonly netFlowScenario: Interval;
  readonly netFlowDelta: Interval;
  readonly recipients: Interval;
  readonly cost: Interval;
  readonly cumulativeCost: Interval;
}

export interface ScenarioSummary {
  /** Additional graduates living in the outcome regions at the end of the horizon. */
  readonly retainedDelta: Interval;
  /** Of which graduates of those regions living in their own region. */
  readonly ownRetainedDelta: Interval;
  readonly retainedBaseline: Interval;
  readonly retainedScenario: Interval;
  readonly totalCost: Interval;
  /** Person-years paid. */
  readonly recipients: Interval;
  /** totalCost / retainedDelta. */
  readonly costPerRetained: Interval;
  /** Draws whose retained delta was <= 0 (cost per retained infinite). */
  readonly drawsWithoutGain: number;
}

export interface ScenarioRunResult {
  readonly seed: number;
  readonly draws: number;
  readonly years: readonly ScenarioYearRow[];
  readonly summary: ScenarioSummary;
  /** Change in the end-of-horizon stock of each region with any change. */
  readonly regions: readonly { region: string; stockDelta: Interval }[];
  readonly parameters: readonly { name: string; estimate: number; standardError: number }[];
  readonly agentsPerYear: number;
  readonly personsPerAgent: number;
}

export function interval(values: ArrayLike<number>): Interval {
  const finite = Array.from(values).map((v) => (Number.isNaN(v) ? Infinity : v));
  const [p05, median, p95] = quantiles(finite, [0.05, 0.5, 0.95]);
  const ok = (v: number | null) => (v === null || !Number.isFinite(v) ? null : v);
  return { median: ok(median), p05: ok(p05), p95: ok(p95) };
}

/**
 * Runs every draw at once (progress through `onProgress` after each). The CLI and library path;
 * `runScenarioAsync` (run-scenario-async.ts) steps through the same draws with pauses between.
 */
export function runScenario(input: ScenarioRunInput): ScenarioRunResult {
  const steps = scenarioDraws(input);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/**
 * The draws one at a time: after each, reports progress (`onProgress`) and yields the number of
 * draws done; returns the summary
 * when all are done. Every random number comes from streams forked off the seed, none from the
 * caller's timing, so whoever drives it (in one go or with pauses) gets the same result.
 */
export function* scenarioDraws(input: ScenarioRunInput): Generator<number, ScenarioRunResult, void> {
  const { model, draws } = input;
  if (!Number.isInteger(draws) || draws < 1) throw new SpecError(`${draws} is not a positive integer`, 'draws');
  const root = createRng(input.seed);
  const params = model.parameters;
  const sampler = mvNormalSampler(params.estimate, params.covariance);
  const ny = input.years;
  const r = model.regions.length;
  const keys = ['graduates', 'retained', 'ownRetained', 'netFlow', 'recipients', 'cost'] as const;
  const base: Record<string, Float64Array> = {};
  const scen: Record<string, Float64Array> = {};
  for (const k of keys) { base[k] = new Float64Array(draws * ny); scen[k] = new Float64Array(draws * ny); }
  const stockDelta = new Float64Array(draws * r);
  let agents = 0;
  let perAgent = 0;
  const theta = new Float64Array(params.names.length);
  for (let d = 0; d < draws; d++) {
    const rng = root.fork(d);
    sampler.draw(rng.fork('parameters'), theta);
    const m = model.withParameters(theta);
    const common = { model: m, startYear: input.startYear, years: ny, sizes: input.sizes, growth: input.growth, returnRates: input.returnRates, outcome: input.outcome, maxAgentsPerYear: input.maxAgentsPerYear };
    const b = simulateCohorts({ ...common, levers: [], rng: rng.fork('simulation') });
    const s = input.levers.length ? simulateCohorts({ ...common, levers: input.levers, rng: rng.fork('simulation') }) : b;
    const put = (target: Record<string, Float64Array>, res: CohortSimulationResult) => { for (const k of keys) target[k].set(res[k], d * ny); };
    put(base, b);
    put(scen, s);
    for (let i = 0; i < r; i++) stockDelta[d * r + i] = s.stock[i] - b.stock[i];
    agents = b.agents;
    perAgent = b.personsPerAgent;
    input.onProgress?.(d + 1, draws);
    yield d + 1;
  }
  const at = (a: Float64Array, t: number) => Float64Array.from({ length: draws }, (_, d) => a[d * ny + t]);
  const cumCost = new Float64Array(draws * ny);
  for (let d = 0; d < draws; d++) for (let t = 0; t < ny; t++) cumCost[d * ny + t] = scen.cost[d * ny + t] + (t ? cumCost[d * ny + t - 1] : 0);
  const diff = (k: string, t: number) => Float64Array.from({ length: draws }, (_, d) => scen[k][d * ny + t] - base[k][d * ny + t]);
  const years: ScenarioYearRow[] = [];
  for (let t = 0; t < ny; t++) {
    years.push({
      year: input.startYear + t,
      graduates: interval(at(base.graduates, t)),
      retainedBaseline: interval(at(base.retained, t)),
      retainedScenario: interval(at(scen.retained, t)),
      retainedDelta: interval(diff('retained', t)),
      ownRetainedDelta: interval(diff('ownRetained', t)),
      netFlowBaseline: interval(at(base.netFlow, t)),
      netFlowScenario: interval(at(scen.netFlow, t)),
      netFlowDelta: interval(diff('netFlow', t)),
      recipients: interval(at(scen.recipients, t)),
      cost: interval(at(scen.cost, t)),
      cumulativeCost: interval(at(cumCost, t)),
    });
  }
  const last = ny - 1;
  const gain = diff('retained', last);
  const total = at(cumCost, last);
  const paid = Float64Array.from({ length: draws }, (_, d) => { let s = 0; for (let t = 0; t < ny; t++) s += scen.recipients[d * ny + t]; return s; });
  const ratio = Float64Array.from({ length: draws }, (_, d) => (gain[d] > 0 ? total[d] / gain[d] : Infinity));
  const summary: ScenarioSummary = {
    retainedDelta: interval(gain),
    ownRetainedDelta: interval(diff('ownRetained', last)),
    retainedBaseline: interval(at(base.retained, last)),
    retainedScenario: interval(at(scen.retained, last)),
    totalCost: interval(total),
    recipients: interval(paid),
    costPerRetained: interval(ratio),
    drawsWithoutGain: gain.filter((g) => !(g > 0)).length,
  };
  const regions = model.regions.map((region, i) => ({ region, stockDelta: interval(Float64Array.from({ length: draws }, (_, d) => stockDelta[d * r + i])) }))
    .filter((x) => x.stockDelta.median !== 0 || x.stockDelta.p05 !== 0 || x.stockDelta.p95 !== 0);
  const parameters = params.names.map((name, j) => ({ name, estimate: params.estimate[j], standardError: Math.sqrt(params.covariance[j * params.names.length + j]) }));
  return { seed: input.seed, draws, years, summary, regions, parameters, agentsPerYear: agents, personsPerAgent: perAgent };
}
