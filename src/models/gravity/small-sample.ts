import { SpecError } from '../../core/errors.ts';
import { coded } from '../../core/messages/index.ts';
import type { SmallSampleOptions, SmallSampleSpec } from './types.ts';

/**
 * Small-sample corrections as fixest computes them (fixest 0.12, R/VCOV.R: vcov.fixest and
 * ssc()); the options are documented on SmallSampleOptions in types.ts.
 */
export interface ResolvedSmallSample extends SmallSampleOptions {
  readonly name: 'none' | 'fixest' | 'custom';
}

const NONE: SmallSampleOptions = { adj: false, fixefK: 'none', clusterAdj: false, clusterDf: 'min' };
const FIXEST: SmallSampleOptions = { adj: true, fixefK: 'nested', clusterAdj: true, clusterDf: 'min' };

export function resolveSmallSample(spec: SmallSampleSpec | undefined): ResolvedSmallSample {
  if (spec === undefined || spec === 'none') return { ...NONE, name: 'none' };
  if (spec === 'fixest') return { ...FIXEST, name: 'fixest' };
  if (spec === null || typeof spec !== 'object') throw new SpecError(coded('ssc.notChoice', { value: String(spec) }), 'ssc');
  // A partial object starts from fixest's defaults, as ssc(...) in R does.
  const o = { ...FIXEST, ...spec };
  for (const key of Object.keys(spec)) if (!(key in FIXEST)) throw new SpecError(coded('ssc.unknownOption', { option: key }), 'ssc');
  if (typeof o.adj !== 'boolean') throw new SpecError(coded('ssc.notBoolean', {}), 'ssc.adj');
  if (typeof o.clusterAdj !== 'boolean') throw new SpecError(coded('ssc.notBoolean', {}), 'ssc.clusterAdj');
  if (!['none', 'full', 'nested'].includes(o.fixefK)) throw new SpecError(coded('ssc.notOneOf', { value: String(o.fixefK), allowed: ['none', 'full', 'nested'] }), 'ssc.fixefK');
  if (!['min', 'conventional'].includes(o.clusterDf)) throw new SpecError(coded('ssc.notOneOf', { value: String(o.clusterDf), allowed: ['min', 'conventional'] }), 'ssc.clusterDf');
  const same = (a: SmallSampleOptions): boolean => a.adj === o.adj && a.fixefK === o.fixefK && a.clusterAdj === o.clusterAdj && a.clusterDf === o.clusterDf;
  // Without either factor fixefK and clusterDf change nothing: that is no correction.
  return { ...o, name: same(FIXEST) ? 'fixest' : !o.adj && !o.clusterAdj ? 'none' : 'custom' };
}

/** What the parameter count needs to know about the fixed effects. */
export interface FixedEffectCounts {
  /** Levels of each fixed-effect dimension in the fit. */
  readonly levels: readonly number[];
  /** Whether each dimension is nested in one of the cluster dimensions (all false without clusters). */
  readonly nested: readonly boolean[];
}

/**
 * K of fixest: the coefficients plus, unless fixefK is 'none', the fixed-effect levels minus one
 * per dimension after the first; with 'nested' and clusters, a nested dimension counts nothing
 * beyond one (all nested: coefficients + 1).
 */
export function parameterCount(coefficients: number, fe: FixedEffectCounts, fixefK: SmallSampleOptions['fixefK'], clustered: boolean): number {
  const q = fe.levels.length;
  if (fixefK === 'none' || q === 0) return coefficients;
  const full = coefficients + fe.levels.reduce((a, b) => a + b, 0) - (q - 1);
  if (fixefK === 'full' || !clustered || !fe.nested.some(Boolean)) return full;
  if (fe.nested.every(Boolean)) return coefficients + 1;
  let k = full;
  fe.levels.forEach((l, d) => {
    if (fe.nested[d]) k -= l - 1;
  });
  return Math.max(k, coefficients + 1);
}

/** (n - 1) / (n - K) when adj, else 1. */
export function parameterFactor(n: number, k: number, adj: boolean): number {
  return adj ? (n - 1) / (n - k) : 1;
}

/** G / (G - 1) when applied, else 1. */
export function clusterFactor(groups: number, apply: boolean): number {
  return apply ? groups / (groups - 1) : 1;
}
