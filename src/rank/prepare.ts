import { SpecError } from '../core/errors.ts';
import { coded, english, type CodedMessage } from '../core/messages/index.ts';
import { handleMissing } from './missing.ts';
import { normalise } from './normalise.ts';
import { entropyWeights } from './weights/entropy.ts';
import { pcaWeights } from './weights/pca.ts';
import { userWeights } from './weights/user.ts';
import type { Direction, IndexSpec, IndicatorMatrix, Normalisation } from './types.ts';

/**
 * Everything a composite index needs before scoring: complete data (missing policy applied),
 * directions, the normalised matrix and the weights. Shared by compositeIndex and the
 * sensitivity analysis so both score exactly the same numbers.
 */
export interface PreparedIndex {
  regions: string[];
  indicators: string[];
  directions: Direction[];
  normalisation: Normalisation;
  weighting: 'user' | 'equal' | 'entropy' | 'pca';
  /** Normalised values, row-major regions x indicators, higher = better. */
  z: Float64Array;
  weights: number[];
  entropy?: { entropy: number[]; divergence: number[] };
  pca?: { loadings: number[]; eigenvalue: number; explainedVariance: number };
  excluded: string[];
  imputed: { region: string; indicator: string; value: number }[];
  warnings: string[];
  /** The warnings coded (core/messages), same order, for a front-end's language. */
  messages: { warnings: CodedMessage[] };
}

export function prepareIndex(matrix: IndicatorMatrix, spec: IndexSpec = {}): PreparedIndex {
  const indicators = [...matrix.indicators];
  const p = indicators.length;
  if (p === 0) throw new SpecError('an index needs at least one indicator', 'indicators');
  const directions = resolveDirections(spec.directions, indicators);
  const normalisation = spec.normalisation ?? 'min-max';
  if (!['min-max', 'z-score', 'rank'].includes(normalisation)) throw new SpecError(`unknown normalisation "${normalisation}" (min-max, z-score or rank)`, 'normalisation');
  const weighting = spec.weighting ?? { method: 'equal' };
  const complete = handleMissing(matrix, spec.missing ?? 'exclude');
  const n = complete.regions.length;
  if (n < 2) throw new SpecError(coded('rank.tooFewRegions', { regions: n }), 'regions');
  const warnings = [...complete.messages.warnings];
  const { z, messages: { warnings: normWarnings } } = normalise(complete.values, n, p, directions, normalisation, indicators);
  warnings.push(...normWarnings);

  const out: PreparedIndex = { regions: complete.regions, indicators, directions, normalisation, weighting: weighting.method, z, weights: [], excluded: complete.excluded, imputed: complete.imputed, warnings: [], messages: { warnings } };
  switch (weighting.method) {
    case 'user':
      out.weights = userWeights(weighting.weights, indicators);
      break;
    case 'equal':
      out.weights = indicators.map(() => 1 / p);
      break;
    case 'entropy': {
      // The entropy method needs shares of non-negative values: always min-max, whatever scores use.
      const minMax = normalisation === 'min-max' ? z : normalise(complete.values, n, p, directions, 'min-max', indicators).z;
      const e = entropyWeights(minMax, n, p);
      out.weights = e.weights;
      out.entropy = { entropy: e.entropy, divergence: e.divergence };
      break;
    }
    case 'pca': {
      const w = pcaWeights(z, n, p, indicators);
      out.weights = w.weights;
      out.pca = { loadings: w.loadings, eigenvalue: w.eigenvalue, explainedVariance: w.explainedVariance };
      warnings.push(...w.messages.warnings);
      break;
    }
    default:
      throw new SpecError(`unknown weighting "${(weighting as { method: string }).method}" (user, equal, entropy or pca)`, 'weighting');
  }
  out.warnings = english(warnings);
  return out;
}

function resolveDirections(d: IndexSpec['directions'], names: readonly string[]): Direction[] {
  if (d === undefined) return names.map(() => 1);
  if (Array.isArray(d)) {
    if (d.length !== names.length) throw new SpecError(`${d.length} directions for ${names.length} indicators`, 'directions');
    return (d as readonly Direction[]).map((x, j) => check(x, names[j]));
  }
  const byName = d as Readonly<Record<string, Direction>>;
  for (const k of Object.keys(byName)) if (!names.includes(k)) throw new SpecError(`direction for unknown indicator "${k}"`, 'directions');
  return names.map((name) => check(byName[name] ?? 1, name));
}

function check(x: number, name: string): Direction {
  if (x !== 1 && x !== -1) throw new SpecError(`direction of "${name}" must be 1 or -1, got ${x}`, 'directions');
  return x;
}

/** Scores z * w for every region. */
export function scores(z: Float64Array, n: number, weights: ArrayLike<number>, out: Float64Array = new Float64Array(n)): Float64Array {
  const p = weights.length;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < p; j++) s += z[i * p + j] * weights[j];
    out[i] = s;
  }
  return out;
}
