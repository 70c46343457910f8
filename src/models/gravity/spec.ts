import { SpecError } from '../../core/errors.ts';
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
}

const CONSTRAINTS: readonly Constraint[] = ['unconstrained', 'production', 'attraction', 'doubly'];
const DECAYS: readonly Decay[] = ['power', 'exponential'];

/** Checks a spec against the data's columns; throws SpecError naming the field. */
export function resolveGravitySpec(spec: GravitySpec, data: GravityData): ResolvedGravitySpec {
  if (spec === null || typeof spec !== 'object') throw new SpecError('the specification must be an object', 'spec');
  if (!CONSTRAINTS.includes(spec.constraint)) {
    throw new SpecError(`"${String(spec.constraint)}" is not one of ${CONSTRAINTS.join(', ')}`, 'constraint');
  }
  if (!DECAYS.includes(spec.decay)) throw new SpecError(`"${String(spec.decay)}" is not one of ${DECAYS.join(', ')}`, 'decay');
  const costName = spec.costName ?? 'cost';
  if (typeof costName !== 'string' || costName.length === 0) throw new SpecError('must be a non-empty string', 'costName');

  const terms: { name: string; column: string; transform: Transform; role: 'origin' | 'destination' | 'pair' }[] = [];
  const seen = new Set<string>([costName]);
  const add = (list: readonly (TermSpec | string)[] | undefined, role: 'origin' | 'destination' | 'pair', field: string): void => {
    if (list === undefined) return;
    if (!Array.isArray(list)) throw new SpecError('must be an array of column names or { column, transform }', field);
    list.forEach((t, i) => {
      const term: TermSpec = typeof t === 'string' ? { column: t } : t;
      const where = `${field}[${i}]`;
      if (!term || typeof term.column !== 'string') throw new SpecError('needs a column name', where);
      const transform = term.transform ?? 'log';
      if (transform !== 'log' && transform !== 'identity') throw new SpecError(`transform "${String(transform)}" is not log or identity`, where);
      if (!data.covariates || !(term.column in data.covariates)) {
        const known = Object.keys(data.covariates ?? {});
        throw new SpecError(`column "${term.column}" is not in the data (covariates: ${known.join(', ') || 'none'})`, where);
      }
      if (seen.has(term.column)) throw new SpecError(`term "${term.column}" appears twice (or clashes with the cost name)`, where);
      seen.add(term.column);
      terms.push({ name: term.column, column: term.column, transform, role });
    });
  };
  add(spec.originTerms, 'origin', 'originTerms');
  add(spec.destinationTerms, 'destination', 'destinationTerms');
  add(spec.pairTerms, 'pair', 'pairTerms');

  const hasPeriod = data.period !== undefined;
  const periodEffects = spec.periodEffects ?? hasPeriod;
  if (periodEffects && !hasPeriod) throw new SpecError('period effects need data.period', 'periodEffects');
  const constraintsPerPeriod = spec.constraintsPerPeriod ?? false;
  if (constraintsPerPeriod && (!hasPeriod || spec.constraint === 'unconstrained')) {
    throw new SpecError('needs data.period and a constrained model', 'constraintsPerPeriod');
  }
  const tolerance = spec.tolerance ?? 1e-10;
  if (!(tolerance > 0 && tolerance < 1)) throw new SpecError(`${tolerance} is not in (0, 1)`, 'tolerance');
  const maxIterations = spec.maxIterations ?? 100;
  if (!(Number.isInteger(maxIterations) && maxIterations >= 1)) throw new SpecError(`${maxIterations} is not a positive integer`, 'maxIterations');
  const confidenceLevel = spec.confidenceLevel ?? 0.95;
  if (!(confidenceLevel > 0 && confidenceLevel < 1)) throw new SpecError(`${confidenceLevel} is not in (0, 1)`, 'confidenceLevel');
  return {
    constraint: spec.constraint,
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
