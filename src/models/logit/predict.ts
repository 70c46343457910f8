import { InputError } from '../../core/errors.ts';
import { coded } from '../../core/messages/index.ts';
import { modelProbabilities } from './probabilities.ts';
import type { ChoicePredictionData, LogitResult } from './types.ts';

/** Expected and (when the data have choices) observed persons choosing one alternative. */
export interface AlternativeShare {
  readonly alternative: string;
  /** Sum over cases of persons x probability. */
  readonly expected: number;
  /** expected / all persons of the group. */
  readonly share: number;
  readonly observed: number | null;
  readonly observedShare: number | null;
}

export interface ChoicePrediction {
  /** Probability of each row of the data. */
  readonly probabilities: Float64Array;
  /** By alternative, over all cases. */
  readonly shares: AlternativeShare[];
  /** By group (e.g. origin), when options.group is given. */
  readonly groups: { readonly group: string; readonly persons: number; readonly shares: AlternativeShare[] }[] | null;
  readonly persons: number;
}

export interface PredictOptions {
  /** Group of each case (e.g. its origin), for shares by group. Default none. */
  readonly group?: Int32Array;
  /** Labels of the groups (group id -> label). Default the id as a string. */
  readonly groupLabels?: readonly string[];
}

/**
 * Predicted choices of a fitted conditional or nested logit on data whose attributes may have
 * changed (a policy scenario): per-row probabilities, and shares by alternative, optionally by a
 * grouping of the cases. Each case counts its weight x chosen total persons, or its weight when
 * the data carry no choices (ChoicePredictionData.chosen is optional).
 */
export function predictChoices(result: LogitResult, data: ChoicePredictionData, options: PredictOptions = {}): ChoicePrediction {
  const m = modelProbabilities(result, data);
  const { layout } = m;
  const group = options.group;
  if (group !== undefined && (!(group instanceof Int32Array) || group.length !== layout.nCases)) {
    throw new InputError(coded('logit.data.perCase', { array: 'group', cases: layout.nCases }), { column: 'group' });
  }
  let nGroups = 1;
  if (group) for (let c = 0; c < group.length; c++) nGroups = Math.max(nGroups, group[c] + 1);
  const nAlt = layout.nAlternatives;
  const expected = new Float64Array(nGroups * nAlt);
  const observed = data.chosen ? new Float64Array(nGroups * nAlt) : null;
  const persons = new Float64Array(nGroups);
  for (let c = 0; c < layout.nCases; c++) {
    const g = group ? group[c] : 0;
    if (g < 0) throw new InputError(coded('logit.data.groupNegative', { group: g, case: c }), { column: 'group' });
    persons[g] += m.persons[c];
    const w = data.caseWeight ? data.caseWeight[c] : 1;
    for (let r = layout.start[c]; r < layout.end[c]; r++) {
      const a = data.altIndex[r];
      expected[g * nAlt + a] += m.persons[c] * m.probability[r];
      if (observed && data.chosen) observed[g * nAlt + a] += w * data.chosen[r];
    }
  }
  const sharesOf = (exp: Float64Array, obs: Float64Array | null, total: number): AlternativeShare[] =>
    layout.alternatives.map((alternative, a) => ({
      alternative,
      expected: exp[a],
      share: total > 0 ? exp[a] / total : 0,
      observed: obs ? obs[a] : null,
      observedShare: obs ? (total > 0 ? obs[a] / total : 0) : null,
    }));
  const overGroups = (x: Float64Array): Float64Array => {
    const out = new Float64Array(nAlt);
    for (let i = 0; i < x.length; i++) out[i % nAlt] += x[i];
    return out;
  };
  const slice = (x: Float64Array, g: number): Float64Array => x.subarray(g * nAlt, (g + 1) * nAlt);
  let all = 0;
  for (const p of persons) all += p;
  const shares = sharesOf(overGroups(expected), observed ? overGroups(observed) : null, all);
  const groups = group
    ? Array.from({ length: nGroups }, (_, g) => ({ group: options.groupLabels?.[g] ?? String(g), persons: persons[g], shares: sharesOf(slice(expected, g), observed ? slice(observed, g) : null, persons[g]) }))
    : null;
  return { probabilities: m.probability, shares, groups, persons: all };
}
