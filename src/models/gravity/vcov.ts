import { coded, type CodedMessage } from '../../core/messages/index.ts';
import type { Factor } from '../../numeric/factor.ts';
import { MISSING } from '../../numeric/interact.ts';
import { multiwaySandwich, sandwich, type ClusterIndex } from './covariance.ts';
import type { PpmlSolution } from './ppml.ts';
import { clusterFactor, parameterCount, parameterFactor, type ResolvedSmallSample } from './small-sample.ts';
import type { GravityResult } from './types.ts';

/** The three covariances a gravity fit reports, each with the chosen small-sample correction. */
export interface GravityCovariances {
  readonly model: Float64Array;
  readonly robust: Float64Array;
  readonly clustered: Float64Array | null;
  readonly smallSample: GravityResult['smallSample'];
  /** Coded (core/messages); the fit writes their English. */
  readonly warnings: CodedMessage[];
}

/**
 * Model-based (inverse information), heteroskedasticity-robust (HC0) and clustered (CR0, multiway
 * by inclusion-exclusion) covariances, scaled as fixest's vcov with the given ssc: the model-based
 * one by (n - 1) / (n - K), the robust one also by n / (n - 1), the clustered one by
 * (n - 1) / (n - K_nested) and G / (G - 1) (see small-sample.ts). `n` counts observed rows.
 */
export function gravityCovariances(
  sol: PpmlSolution,
  y: Float64Array,
  factors: readonly Factor[],
  clusters: readonly (ClusterIndex & { name: string })[],
  ssc: ResolvedSmallSample,
  n: number,
): GravityCovariances {
  const k = sol.beta.length;
  const levels = factors.map((f) => f.levels);
  const unnested = { levels, nested: levels.map(() => false) };
  const kModel = parameterCount(k, unnested, ssc.fixefK, false);
  const fModel = parameterFactor(n, kModel, ssc.adj);
  const fRobust = fModel * clusterFactor(n, ssc.clusterAdj);
  const model = scale(sol.covariance, fModel);
  const robust = scale(sandwich(sol.covariance, sol.demeaned, y, sol.mu, null), fRobust);
  const warnings: CodedMessage[] = [];
  let clustered: Float64Array | null = null;
  let kCluster: number | null = null;
  let fCluster: number | null = null;
  if (clusters.length) {
    const nested = factors.map((f) => clusters.some((c) => isNested(f.index, f.levels, c)));
    kCluster = parameterCount(k, { levels, nested }, ssc.fixefK, true);
    const conventional = ssc.clusterAdj && ssc.clusterDf === 'conventional';
    const gMin = Math.min(...clusters.map((c) => c.count));
    fCluster = parameterFactor(n, kCluster, ssc.adj) * (ssc.clusterAdj && ssc.clusterDf === 'min' ? clusterFactor(gMin, true) : 1);
    const v = multiwaySandwich(sol.covariance, sol.demeaned, y, sol.mu, clusters, (g) => clusterFactor(g, conventional));
    clustered = scale(v, fCluster);
    for (let j = 0; j < k; j++) {
      if (!(clustered[j * k + j] >= 0)) {
        warnings.push(coded('fit.clusterNegative', { ways: clusters.length, coefficient: j + 1 }));
      }
    }
    if (clusters.some((c) => c.count < 2)) warnings.push(coded('fit.singleCluster', {}));
  }
  return {
    model,
    robust,
    clustered,
    smallSample: {
      ...ssc,
      parameters: { model: kModel, robust: kModel, clustered: kCluster },
      factors: { model: fModel, robust: fRobust, clustered: fCluster },
    },
    warnings,
  };
}

/** True when every level's rows lie in a single cluster (fixest's cpp_check_nested). */
function isNested(index: Uint32Array, levels: number, c: ClusterIndex): boolean {
  const clusterOf = new Uint32Array(levels).fill(MISSING);
  for (let r = 0; r < index.length; r++) {
    const g = c.index[r];
    if (g === MISSING) continue;
    const l = index[r];
    if (clusterOf[l] === MISSING) clusterOf[l] = g;
    else if (clusterOf[l] !== g) return false;
  }
  return true;
}

function scale(a: Float64Array, f: number): Float64Array {
  if (f === 1) return a;
  return a.map((v) => v * f);
}
