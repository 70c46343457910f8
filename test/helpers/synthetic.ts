/**
 * Synthetic origin-destination tables for tests and benchmarks, shaped like
 * ../shared/peers/r_glm_doubly_timing.R (regions in a 3000 x 3000 km square, lognormal
 * populations, mu = exp(-6 + 0.5 log Po + 0.6 log Pd - 1.2 log d)). Own small seeded generator
 * (mulberry32) so the helpers do not depend on library code under test.
 */
import type { GravityData } from '../../src/models/gravity/types.ts';

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function normalSampler(u: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

/** Poisson draw: Knuth's product method below 30, rounded normal approximation above (enough for synthetic tables). */
export function poisson(u: () => number, z: () => number, mu: number): number {
  if (mu < 30) {
    const limit = Math.exp(-mu);
    let k = 0;
    let p = u();
    while (p > limit) {
      k++;
      p *= u();
    }
    return k;
  }
  return Math.max(0, Math.round(mu + Math.sqrt(mu) * z()));
}

export interface SyntheticOptions {
  n: number;
  seed: number;
  /** Scale of the flows (log constant). Default -6 as in the R script. */
  constant?: number;
  distanceExponent?: number;
  /** Add two extra covariates (origin and destination "gdp", pair "contig" 0/1). Default false. */
  covariates?: boolean;
  /** Number of periods (panel). Default 1 (no period column). */
  periods?: number;
}

export function syntheticGravity(o: SyntheticOptions): GravityData & { x: Float64Array; y: Float64Array; pop: Float64Array } {
  const u = mulberry32(o.seed);
  const z = normalSampler(u);
  const n = o.n;
  const T = o.periods ?? 1;
  const x = Float64Array.from({ length: n }, () => u() * 3000);
  const y = Float64Array.from({ length: n }, () => u() * 3000);
  const pop = Float64Array.from({ length: n }, () => Math.exp(13 + z()));
  const gdp = Float64Array.from({ length: n * T }, () => Math.exp(10 + 0.3 * z()));
  const rows = n * (n - 1) * T;
  const origin = new Uint32Array(rows);
  const destination = new Uint32Array(rows);
  const flow = new Float64Array(rows);
  const cost = new Float64Array(rows);
  const period = new Uint32Array(rows);
  const og = new Float64Array(rows);
  const dg = new Float64Array(rows);
  const contig = new Float64Array(rows);
  const opop = new Float64Array(rows);
  const dpop = new Float64Array(rows);
  const c0 = o.constant ?? -6;
  const beta = o.distanceExponent ?? -1.2;
  let r = 0;
  for (let t = 0; t < T; t++) {
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        if (i === j) continue;
        const d = Math.hypot(x[i] - x[j], y[i] - y[j]) + 1;
        origin[r] = i;
        destination[r] = j;
        cost[r] = d;
        period[r] = t;
        opop[r] = pop[i];
        dpop[r] = pop[j];
        og[r] = gdp[t * n + i];
        dg[r] = gdp[t * n + j];
        contig[r] = d < 400 ? 1 : 0;
        let eta = c0 + 0.5 * Math.log(pop[i]) + 0.6 * Math.log(pop[j]) + beta * Math.log(d) + 0.05 * t;
        if (o.covariates) eta += -0.3 * Math.log(og[r]) + 0.4 * Math.log(dg[r]) + 0.2 * contig[r];
        flow[r] = poisson(u, z, Math.exp(eta));
        r++;
      }
    }
  }
  const regions = Array.from({ length: n }, (_, i) => `R${String(i + 1).padStart(5, '0')}`);
  return {
    regions,
    origin,
    destination,
    flow,
    cost,
    covariates: { origin_pop: opop, dest_pop: dpop, origin_gdp: og, dest_gdp: dg, contig },
    ...(T > 1 ? { period, periods: Array.from({ length: T }, (_, t) => String(2000 + t)) } : {}),
    x,
    y,
    pop,
  };
}
