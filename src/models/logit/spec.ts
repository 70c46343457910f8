import { SpecError } from '../../core/errors.ts';
import { coded } from '../../core/messages/index.ts';
import type { ClusterAdjustment, ConditionalLogitSpec, VcovType } from './types.ts';

/** A logit specification with every default applied (defaults documented in types.ts). */
export interface ResolvedLogitSpec {
  readonly terms: readonly string[];
  readonly offset: string | null;
  readonly start: Float64Array;
  readonly vcov: VcovType;
  readonly clusterAdjustment: ClusterAdjustment;
  readonly tolerance: number;
  readonly maxIterations: number;
  readonly confidenceLevel: number;
}

const VCOVS: readonly VcovType[] = ['classical', 'robust', 'clustered'];
const ADJUSTMENTS: readonly ClusterAdjustment[] = ['none', 'G/(G-1)'];

export function resolveLogitSpec(spec: ConditionalLogitSpec, hasCluster: boolean): ResolvedLogitSpec {
  if (spec === null || typeof spec !== 'object') throw new SpecError(coded('logit.spec.notObject', {}), 'spec');
  if (!Array.isArray(spec.terms) || spec.terms.length === 0) throw new SpecError(coded('logit.spec.noTerms', {}), 'terms');
  const seen = new Set<string>();
  spec.terms.forEach((t, i) => {
    if (typeof t !== 'string' || t.length === 0) throw new SpecError(coded('logit.spec.termName', {}), `terms[${i}]`);
    if (seen.has(t)) throw new SpecError(coded('logit.spec.termTwice', { term: t }), `terms[${i}]`);
    seen.add(t);
  });
  const offset = spec.offset ?? null;
  if (offset !== null && (typeof offset !== 'string' || seen.has(offset))) throw new SpecError(coded('logit.spec.offset', {}), 'offset');
  const start = new Float64Array(spec.terms.length);
  for (const [name, value] of Object.entries(spec.start ?? {})) {
    const j = spec.terms.indexOf(name);
    if (j < 0) throw new SpecError(coded('logit.spec.notTerm', { name }), 'start');
    if (!Number.isFinite(value)) throw new SpecError(coded('logit.spec.startNotFinite', { name, value: String(value) }), 'start');
    start[j] = value;
  }
  const vcov = spec.vcov ?? 'classical';
  if (!VCOVS.includes(vcov)) throw new SpecError(coded('logit.spec.notOneOf', { value: String(vcov), allowed: VCOVS }), 'vcov');
  if (vcov === 'clustered' && !hasCluster) throw new SpecError(coded('logit.spec.clusteredNeedsCluster', {}), 'vcov');
  const clusterAdjustment = spec.clusterAdjustment ?? 'none';
  if (!ADJUSTMENTS.includes(clusterAdjustment)) throw new SpecError(coded('logit.spec.notOneOf', { value: String(clusterAdjustment), allowed: ADJUSTMENTS }), 'clusterAdjustment');
  const tolerance = spec.tolerance ?? 1e-14;
  if (!(tolerance > 0 && tolerance < 1)) throw new SpecError(coded('logit.spec.notInUnitInterval', { value: String(tolerance) }), 'tolerance');
  const maxIterations = spec.maxIterations ?? 100;
  if (!(Number.isInteger(maxIterations) && maxIterations >= 0)) throw new SpecError(coded('logit.spec.notIterations', { value: String(maxIterations) }), 'maxIterations');
  const confidenceLevel = spec.confidenceLevel ?? 0.95;
  if (!(confidenceLevel > 0 && confidenceLevel < 1)) throw new SpecError(coded('logit.spec.notInUnitInterval', { value: String(confidenceLevel) }), 'confidenceLevel');
  return { terms: [...spec.terms], offset, start, vcov, clusterAdjustment, tolerance, maxIterations, confidenceLevel };
}
