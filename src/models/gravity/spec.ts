import { SpecError } from '../../core/errors.ts';
import { coded } from '../../core/messages/index.ts';
import { resolveDimension, resolveDimensions, type Dimension } from './dimensions.ts';
import { resolveSmallSample, type ResolvedSmallSample } from './small-sample.ts';
import type { Constraint, Decay, GravityData, GravitySpec, TermSpec, Transform } from './types.ts';

/** A gravity specification with every default applied (the defaults are documented in types.ts). */
export interface ResolvedGravitySpec {
  readonly constraint: Constraint;
  readonly decay: Decay;
  readonly costName: string;
  readonly terms: readonly { name: string; column: string; transform: Transform; role: 'origin' | 'destination' | 'pair' }[];
  readonly intra: boolean;
  readonly periodEffects: boolean;
  readonly constraintsPerPeriod: boolean;
  readonly tolerance: number;
  readonly maxIterations: number;
  readonly confidenceLevel: number;
  readonly keepFitted: boolean;
  /** Every fixed-effect dimension: the constraint's, the period effects, then fixedEffects. */
  readonly dimensions: readonly Dimension[];
  /** Cluster dimensions of the clustered covariance (empty: none). */
  readonly cluster: readonly Dimension[];
  readonly ssc: ResolvedSmallSample;
  readonly na: 'drop' | 'error';
  readonly duplicates: 'error' | 'sum';
}

const CONSTRAINTS: readonly Constraint[] = ['unconstrained', 'production', 'attraction', 'doubly'];
const DECAYS: readonly Decay[] = ['power', 'exponential'];

/** Checks a spec against the data's columns; throws SpecError naming the field. */
export function resolveGravitySpec(spec: GravitySpec, data: GravityData): ResolvedGravitySpec {
  if (spec === null || typeof spec !== 'object') throw new SpecError(coded('gravity.spec.notObject', {}), 'spec');
  if (!CONSTRAINTS.includes(spec.constraint)) {
    throw new SpecError(coded('gravity.spec.notOneOf', { value: String(spec.constraint), allowed: CONSTRAINTS }), 'constraint');
  }
  if (!DECAYS.includes(spec.decay)) throw new SpecError(coded('gravity.spec.notOneOf', { value: String(spec.decay), allowed: DECAYS }), 'decay');
  const costName = spec.costName ?? 'cost';
  if (typeof costName !== 'string' || costName.length === 0) throw new SpecError(coded('gravity.spec.emptyName', {}), 'costName');

  const terms: { name: string; column: string; transform: Transform; role: 'origin' | 'destination' | 'pair' }[] = [];
  const seen = new Set<string>([costName]);
  const add = (list: readonly (TermSpec | string)[] | undefined, role: 'origin' | 'destination' | 'pair', field: string): void => {
    if (list === undefined) return;
    if (!Array.isArray(list)) throw new SpecError(coded('gravity.spec.termsNotArray', {}), field);
    list.forEach((t, i) => {
      const term: TermSpec = typeof t === 'string' ? { column: t } : t;
      const where = `${field}[${i}]`;
      if (!term || typeof term.column !== 'string') throw new SpecError(coded('gravity.spec.termNoColumn', {}), where);
      const transform = term.transform ?? 'log';
      if (transform !== 'log' && transform !== 'identity') throw new SpecError(coded('gravity.spec.badTransform', { value: String(transform) }), where);
      if (!data.covariates || !(term.column in data.covariates)) {
        const known = Object.keys(data.covariates ?? {});
        throw new SpecError(coded('gravity.spec.unknownColumn', { column: term.column, known }), where);
      }
      if (seen.has(term.column)) throw new SpecError(coded('gravity.spec.termTwice', { term: term.column }), where);
      seen.add(term.column);
      terms.push({ name: term.column, column: term.column, transform, role });
    });
  };
  add(spec.originTerms, 'origin', 'originTerms');
  add(spec.destinationTerms, 'destination', 'destinationTerms');
  add(spec.pairTerms, 'pair', 'pairTerms');

  const hasPeriod = data.period !== undefined;
  // Listing origin / destination / period among the fixed effects is the constraint or the
  // period effects themselves: fold them in so the result names the model it is.
  const extra = (spec.fixedEffects ?? []).map((text, i) => resolveDimension(text, data, `fixedEffects[${i}]`));
  const plain = (atom: string): boolean => extra.some((d) => d.atoms.length === 1 && d.atoms[0] === atom);
  const constraint = combineConstraint(spec.constraint, plain('origin'), plain('destination'));
  // With fixedEffects the list is the model's effects, as in fixest: period effects only if listed.
  const periodEffects = plain('period') || (spec.periodEffects ?? (hasPeriod && spec.fixedEffects === undefined));
  if (periodEffects && !hasPeriod) throw new SpecError(coded('gravity.spec.periodEffectsNeedPeriod', {}), 'periodEffects');
  const constraintsPerPeriod = spec.constraintsPerPeriod ?? false;
  if (constraintsPerPeriod && (!hasPeriod || constraint === 'unconstrained')) {
    throw new SpecError(coded('gravity.spec.perPeriodNeeds', {}), 'constraintsPerPeriod');
  }
  const tolerance = spec.tolerance ?? 1e-10;
  if (!(tolerance > 0 && tolerance < 1)) throw new SpecError(coded('gravity.spec.notInUnitInterval', { value: String(tolerance) }), 'tolerance');
  const maxIterations = spec.maxIterations ?? 100;
  if (!(Number.isInteger(maxIterations) && maxIterations >= 1)) throw new SpecError(coded('gravity.spec.notPositiveInteger', { value: String(maxIterations) }), 'maxIterations');
  const confidenceLevel = spec.confidenceLevel ?? 0.95;
  if (!(confidenceLevel > 0 && confidenceLevel < 1)) throw new SpecError(coded('gravity.spec.notInUnitInterval', { value: String(confidenceLevel) }), 'confidenceLevel');
  const dimensions = resolveDimensions(constraint, periodEffects, constraintsPerPeriod, extra);
  if (spec.cluster !== undefined && !Array.isArray(spec.cluster)) throw new SpecError(coded('gravity.spec.clusterNotArray', {}), 'cluster');
  const clusterText = spec.cluster ?? (hasPeriod ? ['pair'] : []);
  if (clusterText.length > 4) throw new SpecError(coded('gravity.spec.clusterTooMany', { count: clusterText.length }), 'cluster');
  const cluster = clusterText.map((text, i) => resolveDimension(text, data, `cluster[${i}]`));
  const na = spec.na ?? 'drop';
  if (na !== 'drop' && na !== 'error') throw new SpecError(coded('gravity.spec.notEither', { value: String(na), allowed: ['drop', 'error'] }), 'na');
  const duplicates = spec.duplicates ?? 'error';
  if (duplicates !== 'error' && duplicates !== 'sum') throw new SpecError(coded('gravity.spec.notEither', { value: String(duplicates), allowed: ['error', 'sum'] }), 'duplicates');
  return {
    constraint,
    dimensions,
    cluster,
    ssc: resolveSmallSample(spec.ssc),
    na,
    duplicates,
    decay: spec.decay,
    costName,
    terms,
    intra: spec.intra ?? false,
    periodEffects,
    constraintsPerPeriod,
    tolerance,
    maxIterations,
    confidenceLevel,
    keepFitted: spec.keepFitted ?? false,
  };
}

/** The constraint a model has once origin / destination fixed effects are added to it. */
function combineConstraint(constraint: Constraint, origin: boolean, destination: boolean): Constraint {
  const o = origin || constraint === 'production' || constraint === 'doubly';
  const d = destination || constraint === 'attraction' || constraint === 'doubly';
  return o && d ? 'doubly' : o ? 'production' : d ? 'attraction' : 'unconstrained';
}
