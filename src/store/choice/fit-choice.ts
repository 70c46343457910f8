import { fitNamingClusters } from './cluster-error.ts';
import { SpecError } from '../../core/errors.ts';
import { coded, type CodedMessage, type Place } from '../../core/messages/index.ts';
import { isSmallCell } from '../../metrics/index.ts';
import {
  elasticities, fitConditionalLogit, fitNestedLogit, holdoutFit, willingnessToPay,
  type ChoiceData, type HoldoutFit, type LogitResult, type LogitWarning, type NestSpec, type Wtp,
} from '../../models/logit/index.ts';
import { saveModel } from '../models.ts';
import type { Workspace } from '../workspace.ts';
import { buildChoiceSet, type CaseInfo, type ChoiceSet } from './choice-set.ts';
import { choiceShares, type ChoiceShares } from './shares.ts';
import { alternativeTermName, transformOf, vcovOf, type ChoiceSpec, type ChoiceSpecInput } from './spec.ts';
import { casesOfYears } from './subset.ts';
import { alternativesOffered } from './alternatives-offered.ts';

/** Own elasticities by alternative (mean over persons), and the cross matrix when there are at most 60 alternatives (else only own ones are computed). */
export interface ChoiceElasticities {
  readonly term: string;
  /** What the elasticity is taken with respect to: the indicator itself (logged terms) or the term's column. */
  readonly withRespectTo: string;
  readonly coefficient: number;
  readonly alternatives: readonly string[];
  readonly own: (number | null)[];
  readonly cross: (number | null)[][] | null;
}

/** What summary of the choice set a result carries. */
export interface ChoiceSetSummary {
  readonly cases: number;
  readonly persons: number;
  readonly alternatives: readonly string[];
  readonly alternativeNames: readonly string[];
  readonly within: string;
  /** `within` with its names; absent in models saved before it was carried. */
  readonly withinPlace?: Place;
  readonly years: readonly number[];
  /** Persons left out by reason (English; `text` coded, absent in models saved before codes); a count of 1 to k - 1 is null (suppressed). No person's id. */
  readonly excluded: { reason: string; count: number | null; suppressed: boolean; readonly text?: CodedMessage }[];
  readonly notes: string[];
  /** The notes coded (core/messages), for a front-end's language; absent in models saved before codes. */
  readonly messages?: { readonly notes: readonly CodedMessage[] };
  readonly sample: ChoiceSet['sample'];
  readonly nests: NestSpec[] | null;
  readonly synthetic: boolean;
}

export type ChoiceModelResult = LogitResult & {
  readonly definition: string;
  /** The definition coded (core/messages), for a front-end's language; absent in models saved before codes. */
  readonly messages?: { readonly definition: CodedMessage };
  /** 'synthetic' when any person record is synthetic, else 'estimated' (a model of observed records). */
  readonly kind: 'synthetic' | 'estimated';
  readonly dataKind: 'synthetic' | 'observed';
  readonly source: string;
  readonly spec: ChoiceSpec;
  readonly wtp: (Wtp & { readonly definition: string; readonly messages?: { readonly definition: CodedMessage } }) | null;
  readonly elasticities: ChoiceElasticities[];
  readonly shares: ChoiceShares;
  readonly holdout: (HoldoutFit & { readonly years: number[] }) | null;
  readonly choiceSet: ChoiceSetSummary;
  /** Reading the records and building the choice set (the fit's own time is fitSeconds). */
  readonly buildSeconds: number;
  readonly saved: string | null;
};

export interface FitChoiceOptions {
  /** Save the result under this name (kind 'choice'). Default: not saved. */
  readonly save?: string;
  /** With save: replace a saved model of that name. Default false. */
  readonly replace?: boolean;
}

/**
 * Fits a destination-choice model to the workspace's graduate records: conditional logit, or
 * nested logit when the spec has nests (McFadden 1974, 1978; see src/models/logit), then
 * willingness to pay, elasticities, predicted against observed shares and the holdout fit.
 * Plain serialisable data; saved with saveModel(kind 'choice') when asked.
 */
export async function fitWorkspaceChoiceModel(ws: Workspace, input: ChoiceSpecInput | ChoiceSpec, options: FitChoiceOptions = {}): Promise<ChoiceModelResult> {
  const t0 = performance.now();
  const set = await buildChoiceSet(ws, input);
  const buildSeconds = (performance.now() - t0) / 1000;
  const result = fitChoiceSet(set, buildSeconds);
  return options.save ? saveChoiceModel(ws, options.save, result, options.replace) : result;
}

/** Saves a fitted choice model (kind 'choice', its parsed spec) and returns it marked as saved. */
export async function saveChoiceModel(ws: Workspace, name: string, result: ChoiceModelResult, replace = false): Promise<ChoiceModelResult> {
  const saved = { ...result, saved: name };
  await saveModel(ws, name, 'choice', result.spec, saved, { replace });
  return saved;
}

/** The fit and post-estimation of a built choice set. */
export function fitChoiceSet(set: ChoiceSet, buildSeconds = 0): ChoiceModelResult {
  const { spec } = set;
  const holdoutYears = spec.holdout?.years ?? [];
  let fitData: ChoiceData = set.data;
  let post: { data: ChoiceData; caseInfo: CaseInfo } = set.aggregate;
  let held: { data: ChoiceData; caseInfo: CaseInfo } | null = null;
  if (holdoutYears.length) {
    const absent = holdoutYears.filter((y) => !set.years.includes(y));
    if (absent.length) throw new SpecError(coded('choicefit.holdoutAbsent', { absent: absent.map(String), years: set.years.map(String) }), 'holdout.years');
    fitData = casesOfYears(set.data, set.caseInfo, holdoutYears, false).data;
    if (fitData.nCases === 0) throw new SpecError(coded('choicefit.holdoutAll', {}), 'holdout.years');
    post = casesOfYears(set.aggregate.data, set.aggregate.caseInfo, holdoutYears, false);
    held = casesOfYears(set.aggregate.data, set.aggregate.caseInfo, holdoutYears, true);
  }
  const base = { terms: set.terms, vcov: vcovOf(spec), ...(set.offset ? { offset: set.offset } : {}) };
  const logit: LogitResult = fitNamingClusters(spec.cluster === 'university' ? { university: true } : undefined,
    () => (set.nests ? fitNestedLogit(fitData, { ...base, nests: set.nests }) : fitConditionalLogit(fitData, base)));
  const warnings: LogitWarning[] = [...logit.warnings];

  let wtp: ChoiceModelResult['wtp'] = null;
  if (set.money) {
    // Interactions with the money term are part of its marginal utility, not attributes to value.
    const moneyTerm = set.money.term;
    const terms = logit.attributeTerms.filter((t) => t !== moneyTerm && !t.endsWith(`:${moneyTerm}`));
    const w = willingnessToPay(logit, { money: moneyTerm, moneyScale: set.money.moneyScale, unit: set.money.unit, terms });
    // With interactions of the money term, the values are those of its base category.
    const definition = coded('choice.wtp.definition', { ...set.money.definitionParams, baseOf: terms.length < logit.attributeTerms.length - 1 ? moneyTerm : null });
    wtp = { ...w, definition: definition.message, messages: { definition } };
    warnings.push(...w.warnings);
  }

  const indicatorOf = new Map(spec.alternativeVars.map((n) => [alternativeTermName(n, transformOf(spec, n)), n]));
  const elasticityTerms = [set.money?.term, ...['distance_home', 'distance_study'].filter((t) => set.terms.includes(t))].filter((t): t is string => t !== undefined);
  const many = set.alternatives.length > 60;
  const el: ChoiceElasticities[] = [...new Set(elasticityTerms)].map((term) => {
    const indicator = indicatorOf.get(term);
    const logged = indicator !== undefined && ['log', 'log1p'].includes(transformOf(spec, indicator));
    const e = elasticities(logit, post.data, term, { logOf: logged, ownOnly: many });
    return {
      term, withRespectTo: logged ? indicator! : term, coefficient: e.coefficient, alternatives: e.alternatives, own: e.own, cross: many ? null : e.cross,
    };
  });

  const names = new Map(set.alternatives.map((a, i) => [a, set.alternativeNames[i]]));
  const shares = choiceShares(logit, post, set.alternatives, (code) => names.get(code) ?? code, set.minCell);
  const holdout = held && held.data.nCases > 0 ? { ...holdoutFit(logit, held.data), years: holdoutYears } : null;

  const dataKind = set.synthetic ? 'synthetic' : 'observed';
  const definition = coded('choice.definition', {
    persons: set.persons, alternatives: alternativesOffered(set.alternatives, spec), level: spec.level, within: set.within, area: set.withinPlace, outside: spec.outside === 'option', nested: Boolean(set.nests),
  });
  return {
    ...logit,
    warnings,
    definition: definition.message,
    messages: { ...logit.messages, definition },
    kind: set.synthetic ? 'synthetic' : 'estimated',
    dataKind,
    // The catalogue's words, which the revealed ranking reads back as coded (revealed-ranking.ts sourceOf).
    source: coded('revealed.modelSource', { kind: dataKind, synthetic: set.synthetic, indicators: spec.alternativeVars }).message,
    spec,
    wtp,
    elasticities: el,
    shares,
    holdout,
    choiceSet: {
      cases: set.cases, persons: set.persons, alternatives: set.alternatives, alternativeNames: set.alternativeNames, within: set.within, withinPlace: set.withinPlace, years: set.years,
      excluded: set.excluded.map((e) => ({ reason: e.reason, count: isSmallCell(e.count, set.minCell) ? null : e.count, suppressed: isSmallCell(e.count, set.minCell), text: e.text })),
      notes: set.notes, messages: set.messages, sample: set.sample, nests: set.nests, synthetic: set.synthetic,
    },
    buildSeconds,
    saved: null,
  };
}
