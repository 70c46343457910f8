import { SpecError } from '../../core/errors.ts';
import { coded } from '../../core/messages/index.ts';
import type { ChoiceLayout } from './check.ts';
import type { NestSpec } from './types.ts';

/** Nests resolved against the data's alternatives. */
export interface ResolvedNests {
  readonly names: readonly string[];
  /** Term of each nest's parameter: lambda_<name> or mu_<name>. */
  readonly terms: readonly string[];
  /** Nest of each alternative (by altIndex), -1 for alternatives in no nest. */
  readonly nestOfAlternative: Int32Array;
  /** Alternatives (altIndex) of each nest. */
  readonly members: readonly (readonly number[])[];
  readonly startLambda: Float64Array;
}

/**
 * Checks the nests: named, distinct, each with two or more known alternatives, none in two nests,
 * and each with two of its alternatives available together in some case (else its parameter
 * cancels from every probability and is not identified). Alternatives are altIndex numbers or
 * labels of data.alternatives.
 */
export function resolveNests(
  nests: readonly NestSpec[] | undefined,
  startLambda: Readonly<Record<string, number>> | undefined,
  layout: ChoiceLayout,
  altIndex: Int32Array,
  attributeTerms: readonly string[],
  prefix: 'lambda' | 'mu',
): ResolvedNests {
  if (!Array.isArray(nests) || nests.length === 0) throw new SpecError(coded('logit.nests.none', {}), 'nests');
  const nestOfAlternative = new Int32Array(layout.nAlternatives).fill(-1);
  const names: string[] = [];
  const members: number[][] = [];
  nests.forEach((nest, m) => {
    const field = `nests[${m}]`;
    if (!nest || typeof nest.name !== 'string' || nest.name.length === 0) throw new SpecError(coded('logit.nests.noName', {}), field);
    if (names.includes(nest.name)) throw new SpecError(coded('choicefit.nestTwice', { nest: nest.name }), field);
    if (!Array.isArray(nest.alternatives) || nest.alternatives.length < 2) {
      throw new SpecError(coded('choicefit.nestOfOne', { nest: nest.name }), field);
    }
    const list = nest.alternatives.map((a: number | string) => {
      const index = typeof a === 'number' ? a : layout.alternatives.indexOf(a);
      if (!Number.isInteger(index) || index < 0 || index >= layout.nAlternatives) {
        throw new SpecError(coded('choicefit.nestAlternativeUnknown', { alternative: JSON.stringify(a), alternatives: layout.alternatives.map(String) }), field);
      }
      if (nestOfAlternative[index] >= 0) throw new SpecError(coded('choicefit.inTwoNests', { alternative: String(layout.alternatives[index]) }), field);
      nestOfAlternative[index] = m;
      return index;
    });
    names.push(nest.name);
    members.push(list);
  });
  const terms = names.map((n) => `${prefix}_${n}`);
  for (const t of terms) if (attributeTerms.includes(t)) throw new SpecError(coded('logit.nests.clash', { term: t }), 'nests');

  const together = new Int32Array(names.length);
  const count = new Int32Array(names.length);
  for (let c = 0; c < layout.nCases; c++) {
    count.fill(0);
    for (let r = layout.start[c]; r < layout.end[c]; r++) {
      const m = nestOfAlternative[altIndex[r]];
      if (m >= 0 && ++count[m] === 2) together[m]++;
    }
  }
  together.forEach((n, m) => {
    if (n === 0) throw new SpecError(coded('choicefit.nestNotIdentified', { nest: names[m] }), `nests[${m}]`);
  });

  const start = new Float64Array(names.length).fill(1);
  for (const [name, value] of Object.entries(startLambda ?? {})) {
    const m = names.indexOf(name);
    if (m < 0) throw new SpecError(coded('logit.nests.notNest', { name }), 'startLambda');
    if (!(value > 0) || !Number.isFinite(value)) throw new SpecError(coded('logit.nests.startNotPositive', { name, value: String(value) }), 'startLambda');
    start[m] = value;
  }
  return { names, terms, nestOfAlternative, members, startLambda: start };
}
