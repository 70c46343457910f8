import { SpecError, textOf } from '../../core/errors.ts';
import { coded, type CodedMessage } from '../../core/messages/index.ts';
import { compositeIndex, revealedPreferenceIndex, type IndexSpec, type RevealedIndexResult, type RevealedRow, type RevealedTerm } from '../../rank/index.ts';
import { alternativeAttributes } from '../choice/attributes.ts';
import { buildChoiceSet } from '../choice/choice-set.ts';
import type { ChoiceModelResult } from '../choice/fit-choice.ts';
import { parseChoiceSpec, transformOf, type AlternativeTransform } from '../choice/spec.ts';
import { loadModel } from '../models.ts';
import { loadIndicatorMatrix } from '../queries/indicator-matrix.ts';
import { modelVersion } from '../scenarios/prepare.ts';
import { choiceRegions, termsOf } from '../scenarios/prepare-choice.ts';
import type { Workspace } from '../workspace.ts';
import { validateRankings, type HoldoutSplit, type RankingValidation } from './validate.ts';

/**
 * `talentflow rank --weights choice:MODEL`: the regions of a saved destination-choice model ranked
 * by the utility its graduates reveal (src/rank/revealed.ts), with the attribute values of the
 * base year, next to a declared-weights composite index of the same regions, and both checked on
 * held-out graduates (validate.ts). The revealed ranking uses the saved coefficients; the
 * validation refits the model's spec on the fitting part of the graduates only.
 */
export interface RevealedRankingOptions {
  /** Name of a saved model of kind 'choice'. */
  readonly model: string;
  /** Year of the attribute values (that year's value, else the nearest earlier). Default the model's latest graduation year. */
  readonly year?: number;
  /**
   * The declared index: indicator terms as `talentflow rank --indicators` reads them, with its
   * normalisation and weighting. Default: the model's place indicators of the base year, all
   * "more is better", min-max, equal weights.
   */
  readonly declared?: { readonly terms?: readonly string[]; readonly spec?: Omit<IndexSpec, 'directions'>; readonly description?: string; readonly text?: CodedMessage };
  /** Held-out graduates. Default: the latest graduation year when the model has two or more, else 20% at random with seed 1. */
  readonly holdout?: HoldoutSplit;
  /** Coefficient draws of the rank intervals. Default 1000. */
  readonly draws?: number;
  /** Default 1. */
  readonly seed?: number;
}

export interface RevealedRanking {
  /** The saved model; `messages` its definition and source coded, where the saved model allows (for a front-end's language). */
  readonly model: {
    readonly name: string; readonly version: string; readonly kind: string; readonly definition: string; readonly source: string;
    readonly messages?: { readonly definition: CodedMessage | null; readonly source: CodedMessage | null };
  };
  readonly year: number;
  readonly level: string;
  readonly within: string;
  /** Rows with the region's name and the declared index's score and rank among the same regions. */
  readonly index: Omit<RevealedIndexResult, 'rows'> & { rows: (RevealedRow & { name: string; declaredRank: number; declaredScore: number })[] };
  /** `messages.description` the description coded (null for one the caller gave). */
  readonly declared: {
    readonly description: string; readonly indicators: string[]; readonly weights: Record<string, number>; readonly normalisation: string; readonly weighting: string;
    readonly messages?: { readonly description: CodedMessage | null };
  };
  /** Spearman correlation of the two rankings over the regions. */
  readonly rankCorrelation: number;
  readonly validation: RankingValidation;
  readonly notes: string[];
  /** The notes (same order) coded (core/messages), for a front-end's language. */
  readonly messages?: { readonly notes: readonly CodedMessage[] };
}

function transform(t: AlternativeTransform, v: number): number {
  return t === 'log' ? Math.log(v) : t === 'log1p' ? Math.log1p(v) : t === 'tenths' ? v / 10 : v;
}

export async function revealedRanking(ws: Workspace, options: RevealedRankingOptions): Promise<RevealedRanking> {
  let saved;
  try {
    saved = await loadModel<ChoiceModelResult>(ws, options.model);
  } catch (e) {
    throw new SpecError(textOf(e), 'weights');
  }
  if (saved.kind !== 'choice') throw new SpecError(coded('revealed.spec.notChoiceModel', { model: options.model, kind: saved.kind }), 'weights');
  const result = saved.result;
  const spec = parseChoiceSpec(saved.spec);
  const notes: CodedMessage[] = [];
  const regions = choiceRegions(result);
  const year = options.year ?? Math.max(...result.choiceSet.years);
  const { terms, indicators } = termsOf(spec, result);
  const place = terms.filter((t) => indicators.includes(t.of));
  if (!place.length) throw new SpecError(coded('revealed.spec.noPlaceAttribute', { model: options.model, terms: terms.map((t) => t.term) }), 'weights');

  // The fit's graduates: for the interactions' category shares and the validation.
  const set = await buildChoiceSet(ws, { ...spec, sample: undefined, holdout: undefined });
  const { data, caseInfo } = set.aggregate;
  const persons = new Float64Array(data.nCases);
  for (let r = 0; r < data.chosen.length; r++) persons[data.caseIndex[r]] += data.chosen[r];
  const total = persons.reduce((a, b) => a + b, 0);
  // A case is in an interaction's category when the interaction's column is non-zero on one of its rows.
  const shareOf = (term: string): number => {
    const col = data.columns[term];
    const inside = new Uint8Array(data.nCases);
    for (let r = 0; r < data.chosen.length; r++) if (col[r] !== 0) inside[data.caseIndex[r]] = 1;
    let n = 0;
    for (let c = 0; c < data.nCases; c++) if (inside[c]) n += persons[c];
    return n / total;
  };
  const attrs = await alternativeAttributes(ws, indicators, regions, [year]);
  notes.push(...attrs.notes);
  const values = (name: string) => {
    const raw = attrs.values[name];
    const gap = regions.findIndex((_, a) => Number.isNaN(raw[a]));
    if (gap >= 0) throw new SpecError(coded('revealed.spec.noValue', { indicator: name, region: regions[gap], year }), 'period');
    return Float64Array.from(raw, (v) => transform(transformOf(spec, name), v));
  };
  const revealedTerms: RevealedTerm[] = place.map((t) => {
    const weight = t.when ? shareOf(t.term) : 1;
    if (t.when) notes.push(coded('revealed.interactionWeight', { term: t.term, weight: weight.toFixed(4), attribute: t.when.attribute, category: t.when.category }));
    return { term: t.term, values: values(t.of), weight };
  });
  const money = set.money && result.terms.includes(set.money.term)
    ? {
      terms: [{ term: set.money.term, weight: 1 }, ...revealedTerms.filter((t) => t.term.endsWith(`]:${set.money!.term}`)).map((t) => ({ term: t.term, weight: t.weight ?? 1 }))],
      scale: set.money.moneyScale, unit: set.money.unit,
    }
    : undefined;
  const index = revealedPreferenceIndex({
    alternatives: regions, terms: revealedTerms, coefficients: result.coefficients, covariance: { terms: result.terms, matrix: result.covariance }, money,
  }, { draws: options.draws ?? 1000, seed: options.seed ?? 1 });
  if (money) notes.push(coded('revealed.moneyValues', set.money!.definitionParams));

  // The declared index over the same regions.
  // By default the model's own place indicators with the values the revealed ranking read.
  const given = options.declared?.terms;
  const matrix = given
    ? await loadIndicatorMatrix(ws, { terms: [...given], period: String(year), level: spec.level, within: result.choiceSet.within })
    : {
      regions, indicators, directions: Object.fromEntries(indicators.map((n) => [n, 1 as const])),
      values: Float64Array.from({ length: regions.length * indicators.length }, (_, k) => attrs.values[indicators[k % indicators.length]][Math.floor(k / indicators.length)]),
    };
  const declaredSpec: IndexSpec = { normalisation: 'min-max', weighting: { method: 'equal' }, ...options.declared?.spec, directions: matrix.directions };
  const composite = compositeIndex(matrix, declaredSpec);
  const byCode = new Map(composite.rows.map((r) => [r.code, r]));
  const absent = regions.filter((c) => !byCode.has(c));
  if (absent.length) throw new SpecError(coded('revealed.spec.declaredMissing', { regions: absent.slice(0, 5), count: absent.length, excluded: composite.excluded }), 'indicators');
  // Ranks among the model's regions only.
  const declaredRank = new Map([...regions].sort((a, b) => byCode.get(b)!.score - byCode.get(a)!.score).map((c, k) => [c, k + 1]));
  const described = options.declared?.description !== undefined ? options.declared.text ?? null : given
    ? coded('revealed.declaredGiven', { terms: given, normalisation: composite.normalisation, weighting: composite.weighting })
    : coded('revealed.declaredDefault', { indicators, year, normalisation: composite.normalisation, weighting: composite.weighting });
  const description = options.declared?.description ?? described!.message;

  // Validation on held-out graduates.
  const years = [...new Set(caseInfo.year)].sort();
  const holdout: HoldoutSplit = options.holdout ?? (years.length >= 2 ? { years: [years[years.length - 1]] } : { share: 0.2, seed: 1 });
  const labels = set.alternatives;
  const declared = Float64Array.from(data.altIndex, (a, r) => {
    const label = labels[a];
    const code = label === 'home' ? caseInfo.regions[caseInfo.home[data.caseIndex[r]]] : label;
    return byCode.get(code)?.score ?? 0;
  });
  const validation = validateRankings({
    data, caseYear: caseInfo.year, terms: set.terms, placeTerms: place.map((t) => t.term), nests: set.nests, declared, split: holdout,
  });

  const names = new Map(result.choiceSet.alternatives.map((a, i) => [a, result.choiceSet.alternativeNames[i]]));
  const rows = index.rows.map((r) => ({ ...r, name: names.get(r.code) ?? r.code, declaredRank: declaredRank.get(r.code)!, declaredScore: byCode.get(r.code)!.score }));
  const n = rows.length;
  const d2 = rows.reduce((s, r) => s + (r.rank - r.declaredRank) ** 2, 0);
  return {
    model: { name: saved.name, version: modelVersion(result), kind: result.kind, definition: result.definition, source: result.source, messages: { definition: result.messages?.definition ?? null, source: sourceOf(result) } },
    year, level: spec.level, within: result.choiceSet.within,
    index: { ...index, rows },
    declared: { description, indicators: composite.indicators, weights: composite.weights, normalisation: composite.normalisation, weighting: composite.weighting, messages: { description: described } },
    rankCorrelation: 1 - (6 * d2) / (n * (n * n - 1)),
    validation,
    notes: notes.map((n) => n.message),
    messages: { notes },
  };
}

/**
 * The saved model's source coded, from the fields fit-choice.ts writes it from; null where the
 * stored text reads otherwise (a model saved by another version keeps its own words).
 */
function sourceOf(r: ChoiceModelResult): CodedMessage | null {
  const text = coded('revealed.modelSource', { kind: r.dataKind, synthetic: r.choiceSet.synthetic, indicators: r.spec.alternativeVars ?? [] });
  return text.message === r.source ? text : null;
}
