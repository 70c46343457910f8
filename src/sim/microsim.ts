import { SpecError } from '../core/errors.ts';
import { aliasTable, type Rng } from '../numeric/index.ts';
import type { ChoiceModel } from './choice-model.ts';
import { activeLevers, valuesFor, type Lever } from './levers.ts';

/**
 * Cohort microsimulation. Each year every region's graduating cohort is split into agents; each
 * agent draws where it lives next from the choice model (Walker's alias method, one table per
 * origin and year). Stayers stay for good; movers may return home in the a-th year after
 * leaving with probability returnRates[a - 1] (given not yet returned) and otherwise stay where
 * they went: the model has no onward moves. Stocks of graduates by region accumulate from the
 * first year of the horizon. Movers are kept as typed columns (origin, location, cohort) only
 * while they can still return or be paid; stayers are counted, never stored.
 *
 * Random streams: cohort choices of year t and origin i use rng.fork(t).fork(i); returns of year
 * t use rng.fork(t).fork('returns'). Runs with the same rng (seed and stream path) give
 * byte-identical results; baseline and scenario arms given the same rng share their random
 * numbers (common random numbers), which narrows the noise of their difference.
 */
export interface CohortSimulationInput {
  readonly model: ChoiceModel;
  /** First graduating year. */
  readonly startYear: number;
  readonly years: number;
  /** Graduates per region in the first year. */
  readonly sizes: Float64Array;
  /** Annual growth of every cohort. Default 0. */
  readonly growth?: number;
  readonly levers?: readonly Lever[];
  /** Return hazard by years since leaving. Default none. */
  readonly returnRates?: readonly number[];
  /** Regions whose stock is the outcome. Default every region. */
  readonly outcome?: Uint8Array;
  /** Agents per year; a region's graduates are split into agents of equal weight. Default: one per graduate. */
  readonly maxAgentsPerYear?: number;
  readonly rng: Rng;
}

/** One value per simulated year (totals over the outcome regions unless said otherwise). */
export interface CohortYearSeries {
  readonly graduates: Float64Array;
  /** Graduates (of any origin) living in the outcome regions at the end of the year. */
  readonly retained: Float64Array;
  /** Graduates of the outcome regions living in their own region. */
  readonly ownRetained: Float64Array;
  /** Net migration of graduates into the outcome regions this year (moves among them cancel). */
  readonly netFlow: Float64Array;
  /** Persons paid by the levers this year (a person paid by two levers counts twice). */
  readonly recipients: Float64Array;
  readonly cost: Float64Array;
}

export interface CohortSimulationResult extends CohortYearSeries {
  readonly years: readonly number[];
  /** Stock of graduates by region at the end of the horizon. */
  readonly stock: Float64Array;
  /** Agents simulated in the first year and persons per agent (largest). */
  readonly agents: number;
  readonly personsPerAgent: number;
  readonly seed: number;
}

const TWO32 = 4294967296;

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * Four state words for a local xoshiro128** run, taken from a stream (so the stream path still
 * decides every number) and never all zero. The inner loop then keeps the state in locals.
 */
export function streamWords(rng: Rng): Uint32Array {
  const w = Uint32Array.of(rng.nextUint32(), rng.nextUint32(), rng.nextUint32(), rng.nextUint32());
  if ((w[0] | w[1] | w[2] | w[3]) === 0) w[0] = 1;
  return w;
}

/** Movers who may still return or be paid, as typed columns. */
interface Movers {
  count: number;
  origin: Uint32Array;
  location: Uint32Array;
  cohort: Uint16Array;
}

function reserve(mv: Movers, need: number): void {
  if (need <= mv.origin.length) return;
  let cap = mv.origin.length;
  while (cap < need) cap *= 2;
  const o = new Uint32Array(cap); o.set(mv.origin.subarray(0, mv.count)); mv.origin = o;
  const l = new Uint32Array(cap); l.set(mv.location.subarray(0, mv.count)); mv.location = l;
  const c = new Uint16Array(cap); c.set(mv.cohort.subarray(0, mv.count)); mv.cohort = c;
}

/**
 * Draws `agents` choices of graduates of `origin` from an alias table (threshold = probability x
 * 2^32), appends movers to `mv`, counts them by destination in `moved`, and returns the stayers.
 * The column is (x r) / 2^32 of one 32-bit word (Lemire's multiply-shift: bias below r / 2^32),
 * the acceptance test compares a second word with the 32-bit threshold.
 */
function drawChoices(agents: number, origin: number, cohort: number, threshold: Float64Array, alias: Uint32Array, words: Uint32Array, mv: Movers, moved: Float64Array): number {
  const r = threshold.length;
  const mOrigin = mv.origin, mLoc = mv.location, mCohort = mv.cohort;
  let n = mv.count;
  let s0 = words[0] | 0, s1 = words[1] | 0, s2 = words[2] | 0, s3 = words[3] | 0;
  let stay = 0;
  for (let a = 0; a < agents; a++) {
    // Two steps of xoshiro128** inline (see numeric/random/rng.ts): a column, then its threshold.
    let x = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    let sh = s1 << 9;
    s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= sh; s3 = rotl(s3, 11);
    const col = ((x * r) / TWO32) | 0;
    x = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    sh = s1 << 9;
    s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= sh; s3 = rotl(s3, 11);
    const j = x < threshold[col] ? col : alias[col];
    if (j === origin) { stay++; continue; }
    mOrigin[n] = origin; mLoc[n] = j; mCohort[n] = cohort;
    n++;
    moved[j]++;
  }
  mv.count = n;
  return stay;
}

/** Returns of movers in year t (hazard by years away); drops movers past every window. Returns the new count. */
function returnsOf(mv: Movers, t: number, rates: readonly number[], keep: number, weight: Float64Array, r: number, words: Uint32Array, stock: Float64Array, own: Float64Array, netYear: Float64Array, awayAt: Float64Array): number {
  const { origin: mOrigin, location: mLoc, cohort: mCohort } = mv;
  const hazard = Float64Array.from(rates, (h) => h * TWO32);
  let s0 = words[0] | 0, s1 = words[1] | 0, s2 = words[2] | 0, s3 = words[3] | 0;
  let w = 0;
  for (let m = 0; m < mv.count; m++) {
    const c = mCohort[m];
    const away = t - c;
    const o = mOrigin[m];
    const loc = mLoc[m];
    if (away <= hazard.length) {
      const x = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
      const sh = s1 << 9;
      s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= sh; s3 = rotl(s3, 11);
      if (x < hazard[away - 1]) {
        const wt = weight[c * r + o];
        stock[loc] -= wt; stock[o] += wt; own[o] += wt;
        netYear[loc] -= wt; netYear[o] += wt;
        awayAt[c * r + loc] -= wt;
        continue;
      }
    }
    if (away >= keep) continue;
    mOrigin[w] = o; mLoc[w] = loc; mCohort[w] = c;
    w++;
  }
  return w;
}

export function simulateCohorts(input: CohortSimulationInput): CohortSimulationResult {
  const { model, sizes, rng } = input;
  const r = model.regions.length;
  const ny = input.years;
  if (sizes.length !== r) throw new SpecError(`has ${sizes.length} values for ${r} regions`, 'sizes');
  const growth = input.growth ?? 0;
  const levers = input.levers ?? [];
  const rates = input.returnRates ?? [];
  const outcome = input.outcome ?? new Uint8Array(r).fill(1);
  const maxAgents = input.maxAgentsPerYear ?? Infinity;
  // Movers are kept only while they can return (arrivals' payments are tracked in awayAt).
  const keep = rates.length;

  const out = { graduates: new Float64Array(ny), retained: new Float64Array(ny), ownRetained: new Float64Array(ny), netFlow: new Float64Array(ny), recipients: new Float64Array(ny), cost: new Float64Array(ny) };
  const stock = new Float64Array(r);
  const own = new Float64Array(r);
  const netYear = new Float64Array(r);
  // stayers[t * r + i]: weight of cohort t's graduates of i who stayed (they never leave).
  const stayers = new Float64Array(ny * r);
  const weight = new Float64Array(ny * r);
  // awayAt[c * r + j]: weight of cohort c's movers living in j who have not returned.
  const awayAt = new Float64Array(ny * r);
  const mv: Movers = { count: 0, origin: new Uint32Array(1024), location: new Uint32Array(1024), cohort: new Uint16Array(1024) };
  const p = new Float64Array(r);
  const moved = new Float64Array(r);
  const threshold = new Float64Array(r);
  const scratch: Record<string, Float64Array> = {};
  let firstAgents = 0;
  let maxWeight = 0;

  for (let t = 0; t < ny; t++) {
    const year = input.startYear + t;
    const yearRng = rng.fork(t);
    netYear.fill(0);

    // 1. Returns of earlier movers; movers past every window are dropped (their stock stays counted).
    if (mv.count) mv.count = returnsOf(mv, t, rates, keep, weight, r, streamWords(yearRng.fork('returns')), stock, own, netYear, awayAt);

    // 2. This year's cohort chooses.
    const active = activeLevers(levers, year);
    const factor = (1 + growth) ** t;
    let total = 0;
    for (let i = 0; i < r; i++) total += sizes[i] * factor;
    const perAgent = total > maxAgents ? total / maxAgents : 1;
    for (let i = 0; i < r; i++) {
      const n = sizes[i] * factor;
      if (!(n > 0)) continue;
      const agents = Math.max(1, Math.round(n / perAgent));
      const wt = n / agents;
      weight[t * r + i] = wt;
      if (wt > maxWeight) maxWeight = wt;
      if (t === 0) firstAgents += agents;
      out.graduates[t] += outcome[i] ? n : 0;
      model.probabilities(i, valuesFor(model, active, i, scratch), p);
      const table = aliasTable(p);
      for (let j = 0; j < r; j++) threshold[j] = table.probability[j] * TWO32;
      reserve(mv, mv.count + agents);
      const stay = drawChoices(agents, i, t, threshold, table.alias, streamWords(yearRng.fork(i)), mv, moved);
      for (let j = 0; j < r; j++) {
        if (!moved[j]) continue;
        const f = moved[j] * wt;
        stock[j] += f; netYear[j] += f; netYear[i] -= f; awayAt[t * r + j] += f;
        moved[j] = 0;
      }
      stayers[t * r + i] = stay * wt;
      stock[i] += stay * wt;
      own[i] += stay * wt;
    }

    // 3. Recipients and cost of every lever this year.
    for (const l of levers) {
      let paid = 0;
      for (let c = Math.max(0, t - l.benefitYears + 1); c <= t; c++) {
        const cy = input.startYear + c;
        if (cy < l.firstYear || cy > l.lastYear) continue;
        if (l.stayers) for (let i = 0; i < r; i++) if (l.targets[i]) paid += stayers[c * r + i];
      }
      if (l.arrivals) {
        for (let c = Math.max(0, t - l.benefitYears + 1); c <= t; c++) {
          const cy = input.startYear + c;
          if (cy < l.firstYear || cy > l.lastYear) continue;
          for (let j = 0; j < r; j++) if (l.targets[j]) paid += awayAt[c * r + j];
        }
      }
      out.recipients[t] += paid;
      if (l.cost.rule === 'per-person-year') out.cost[t] += paid * l.cost.amount;
      else if (year >= l.firstYear && year <= l.lastYear) out.cost[t] += l.cost.amountPerYear;
    }
    for (let i = 0; i < r; i++) {
      if (!outcome[i]) continue;
      out.retained[t] += stock[i];
      out.ownRetained[t] += own[i];
      out.netFlow[t] += netYear[i];
    }
  }
  const years = Array.from({ length: ny }, (_, t) => input.startYear + t);
  return { ...out, years, stock, agents: firstAgents, personsPerAgent: maxWeight, seed: rng.seed };
}
