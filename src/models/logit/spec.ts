import { SpecError } from '../../core/errors.ts';
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
  if (spec === null || typeof spec !== 'object') throw new SpecError('the specification must be an object', 'spec');
  if (!Array.isArray(spec.terms) || spec.terms.length === 0) throw new SpecError('needs at least one column name', 'terms');
  const seen = new Set<string>();
  spec.terms.forEach((t, i) => {
    if (typeof t !== 'string' || t.length === 0) throw new SpecError('must be a non-empty column name', `terms[${i}]`);
    if (seen.has(t)) throw new SpecError(`term "${t}" appears twice`, `terms[${i}]`);
    seen.add(t);
  });
  const offset = spec.offset ?? null;
  if (offset !== null && (typeof offset !== 'string' || seen.has(offset))) throw new SpecError('must be a column name that is not also a term', 'offset');
  const start = new Float64Array(spec.terms.length);
  for (const [name, value] of Object.entries(spec.start ?? {})) {
    const j = spec.terms.indexOf(name);
    if (j < 0) throw new SpecError(`"${name}" is not a term`, 'start');
    if (!Number.isFinite(value)) throw new SpecError(`start of "${name}" must be finite, got ${value}`, 'start');
    start[j] = value;
  }
  const vcov = spec.vcov ?? 'classical';
  if (!VCOVS.includes(vcov)) throw new SpecError(`"${String(vcov)}" is not one of ${VCOVS.join(', ')}`, 'vcov');
  if (vcov === 'clustered' && !hasCluster) throw new SpecError('clustered standard errors need data.cluster', 'vcov');
  const clusterAdjustment = spec.clusterAdjustment ?? 'none';
  if (!ADJUSTMENTS.includes(clusterAdjustment)) throw new SpecError(`"${String(clusterAdjustment)}" is not one of ${ADJUSTMENTS.join(', ')}`, 'clusterAdjustment');
  const tolerance = spec.tolerance ?? 1e-14;
  if (!(tolerance > 0 && tolerance < 1)) throw new SpecError(`${tolerance} is not in (0, 1)`, 'tolerance');
  const maxIterations = spec.maxIterations ?? 100;
  if (!(Number.isInteger(maxIterations) && maxIterations >= 0)) throw new SpecError(`${maxIterations} is not an integer >= 0`, 'maxIterations');
  const confidenceLevel = spec.confidenceLevel ?? 0.95;
  if (!(confidenceLevel > 0 && confidenceLevel < 1)) throw new SpecError(`${confidenceLevel} is not in (0, 1)`, 'confidenceLevel');
  return { terms: [...spec.terms], offset, start, vcov, clusterAdjustment, tolerance, maxIterations, confidenceLevel };
}
