import { SpecError } from '../../core/errors.ts';
import { coded, english, type CodedMessage } from '../../core/messages/index.ts';
import { fitConditionalLogit, fitNestedLogit, holdoutFit, type ChoiceData, type LogitResult, type NestSpec } from '../../models/logit/index.ts';
import { createRng } from '../../numeric/index.ts';

/**
 * Out-of-sample check of two rankings of places on where graduates actually went. The graduates
 * are split into a fitting and a held-out part (by graduation year, or persons at random with a
 * seed), and on the fitting part three logits are estimated that differ only in what they know of
 * the places:
 * - revealed: the choice model's own terms (its place attributes with free coefficients, and its
 *   person-place terms) = the revealed-preference ranking;
 * - declared: the declared-weights index score of each place times one fitted scale, plus the same
 *   person-place terms = the declared ranking given its best single scale;
 * - person terms only: no place information (distance, home, study region, outside constant);
 * and the held-out graduates' log-likelihood and hit rate are computed under each (holdoutFit;
 * Ben-Akiva & Lerman 1985, sec. 7.6), with equal shares as the floor. The three are nested in
 * what they may learn of the places, so a higher held-out log-likelihood means the ranking says
 * more about where graduates go, not that it has more parameters to fit the same persons.
 */
export type HoldoutSplit = { readonly years: readonly number[] } | { readonly share: number; readonly seed: number };

export interface ValidationInput {
  /** Full choice sets, one case per situation, chosen = persons (as buildChoiceSet's aggregate). */
  readonly data: ChoiceData;
  /** Graduation year of each case. */
  readonly caseYear: Int32Array;
  /** The choice model's terms, and which of them are its place part. */
  readonly terms: readonly string[];
  readonly placeTerms: readonly string[];
  readonly nests: readonly NestSpec[] | null;
  /** Declared index score of each row's alternative (0 for an alternative that is no place, e.g. outside). */
  readonly declared: Float64Array;
  readonly split: HoldoutSplit;
}

export interface ValidationRow {
  readonly model: 'revealed' | 'declared' | 'person terms only' | 'equal shares';
  readonly description: string;
  readonly terms: readonly string[];
  /** On the held-out graduates. */
  readonly logLikelihood: number;
  readonly logLikelihoodPerPerson: number;
  /** 1 - LL / LL(equal shares), held out. */
  readonly rhoSquared: number;
  readonly hitRate: number;
  /** The declared model's scale on the index score, with its standard error. */
  readonly scale: { readonly estimate: number; readonly standardError: number } | null;
}

export interface RankingValidation {
  readonly definition: string;
  readonly split: string;
  readonly fitPersons: number;
  readonly heldOutPersons: number;
  readonly chanceHitRate: number;
  readonly rows: ValidationRow[];
  /** Held-out log-likelihood of revealed minus declared (positive: the revealed ranking predicts better). */
  readonly logLikelihoodGain: number;
  readonly seed: number | null;
  readonly warnings: string[];
  /** The definition, the split and the warnings (same order) coded (core/messages), for a front-end's language. */
  readonly messages?: { readonly definition: CodedMessage; readonly split: CodedMessage; readonly warnings: readonly CodedMessage[] };
}

/** The cases (and rows) kept by `keep`, with per-row counts `chosen`; cases with no person dropped. */
function subset(data: ChoiceData, chosen: Float64Array, extra: Readonly<Record<string, Float64Array>>): ChoiceData {
  const total = new Float64Array(data.nCases);
  for (let r = 0; r < chosen.length; r++) total[data.caseIndex[r]] += chosen[r];
  const newCase = new Int32Array(data.nCases).fill(-1);
  let n = 0;
  for (let c = 0; c < data.nCases; c++) if (total[c] > 0) newCase[c] = n++;
  const rows: number[] = [];
  for (let r = 0; r < chosen.length; r++) if (newCase[data.caseIndex[r]] >= 0) rows.push(r);
  const pick = (a: ArrayLike<number>) => Float64Array.from(rows, (r) => a[r]);
  const columns = Object.fromEntries([...Object.entries(data.columns), ...Object.entries(extra)].map(([k, v]) => [k, pick(v)]));
  return {
    nCases: n, caseIndex: Int32Array.from(rows, (r) => newCase[data.caseIndex[r]]), altIndex: Int32Array.from(rows, (r) => data.altIndex[r]),
    chosen: pick(chosen), columns, ...(data.alternatives ? { alternatives: data.alternatives } : {}),
  };
}

function splitCounts(input: ValidationInput): { fit: Float64Array; held: Float64Array; text: CodedMessage; seed: number | null } {
  const { data, split } = input;
  const fit = new Float64Array(data.chosen.length);
  const held = new Float64Array(data.chosen.length);
  if ('years' in split) {
    const years = new Set(split.years);
    const present = new Set(input.caseYear);
    const absent = split.years.filter((y) => !present.has(y));
    if (absent.length) throw new SpecError(coded('revealed.spec.noGraduates', { years: absent.map(String), present: [...present].sort().map(String) }), 'holdout.years');
    for (let r = 0; r < data.chosen.length; r++) (years.has(input.caseYear[data.caseIndex[r]]) ? held : fit)[r] = data.chosen[r];
    return { fit, held, text: coded('revealed.splitYears', { years: split.years.map(String) }), seed: null };
  }
  if (!(split.share > 0 && split.share < 1)) throw new SpecError(coded('revealed.spec.splitShare', { value: String(split.share) }), 'holdout.share');
  const rng = createRng(split.seed);
  for (let r = 0; r < data.chosen.length; r++) {
    const n = data.chosen[r];
    let h = 0;
    for (let k = 0; k < n; k++) if (rng.uniform() < split.share) h++;
    held[r] = h;
    fit[r] = n - h;
  }
  return { fit, held, text: coded('revealed.splitShare', { percent: (100 * split.share).toFixed(0), seed: split.seed }), seed: split.seed };
}

export function validateRankings(input: ValidationInput): RankingValidation {
  const { terms, placeTerms, nests } = input;
  if (input.declared.length !== input.data.chosen.length) throw new SpecError(`${input.declared.length} declared scores for ${input.data.chosen.length} rows`, 'declared');
  const personTerms = terms.filter((t) => !placeTerms.includes(t));
  const s = splitCounts(input);
  const extra = { declared_index: input.declared };
  const fitData = subset(input.data, s.fit, extra);
  const heldData = subset(input.data, s.held, extra);
  if (fitData.nCases === 0 || heldData.nCases === 0) throw new SpecError(coded('revealed.spec.splitEmpty', { nothingToFit: fitData.nCases === 0 }), 'holdout');
  const warnings: CodedMessage[] = [];
  const fit = (t: readonly string[]): LogitResult => {
    const r = nests ? fitNestedLogit(fitData, { terms: t, nests }) : fitConditionalLogit(fitData, { terms: t });
    for (const w of r.warnings) warnings.push(coded('revealed.fitWarning', { terms: t, warning: w.message, text: w.text ?? null }));
    return r;
  };
  // Equal shares: a logit whose one coefficient stays 0 (every probability 1 / J), evaluated by holdoutFit.
  const equalShares = fitConditionalLogit(fitData, { terms: ['declared_index'], maxIterations: 0 });
  const floor = holdoutFit(equalShares, heldData);
  const ll0 = floor.nullLogLikelihood;
  const heldPersons = floor.nPersons;
  const rows: ValidationRow[] = [];
  const add = (model: ValidationRow['model'], description: string, result: LogitResult | null, used: readonly string[]) => {
    const h = result ? holdoutFit(result, heldData) : floor;
    rows.push({
      model, description, terms: used, logLikelihood: h.logLikelihood, logLikelihoodPerPerson: h.logLikelihood / heldPersons, rhoSquared: ll0 < 0 ? 1 - h.logLikelihood / ll0 : 0,
      hitRate: h.hitRate,
      scale: result && used.includes('declared_index') ? { estimate: result.coefficients.declared_index, standardError: result.standardErrors.declared_index } : null,
    });
  };
  add('revealed', 'the choice model: its place attributes with free coefficients and its person-place terms', fit(terms), terms);
  add('declared', 'the declared index score x one fitted scale, and the same person-place terms', fit(['declared_index', ...personTerms]), ['declared_index', ...personTerms]);
  if (personTerms.length) add('person terms only', 'no place information: the person-place terms alone', fit(personTerms), personTerms);
  add('equal shares', 'every place equally likely', null, []);
  const definition = coded('revealed.validationDefinition', {});
  return {
    definition: definition.message,
    split: s.text.message,
    fitPersons: holdoutFit(equalShares, fitData).nPersons,
    heldOutPersons: heldPersons,
    chanceHitRate: floor.chanceHitRate,
    rows,
    logLikelihoodGain: rows[0].logLikelihood - rows[1].logLikelihood,
    seed: s.seed,
    warnings: english(warnings),
    messages: { definition, split: s.text, warnings },
  };
}
