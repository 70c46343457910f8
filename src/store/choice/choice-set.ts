import { InputError, SpecError } from '../../core/errors.ts';
import { coded, english, type CodedMessage, type Place } from '../../core/messages/index.ts';
import type { ChoiceData, NestSpec } from '../../models/logit/index.ts';
import type { Workspace } from '../workspace.ts';
import { isSmallCell } from '../../metrics/privacy/primary.ts';
import { privacyK } from '../privacy.ts';
import { choiceUniverse, missingGroups } from './alternatives.ts';
import { alternativeAttributes } from './attributes.ts';
import { buildRows, type ColumnRule, type Situation } from './build-rows.ts';
import { MissingPlaces } from './missing-places.ts';
import { resolveMoney, type ChoiceMoney } from './money.ts';
import { resolveNests } from './nests.ts';
import { samplePersons } from './sample-persons.ts';
import { checkPersonSelection, personFilter, personGroups, type PersonGroup } from './situations.ts';
import {
  PERSON_TERMS, alternativeTermName, interactionTermName, parseChoiceSpec, transformOf,
  type ChoiceSpec, type ChoiceSpecInput, type PersonAttribute, type PersonTerm,
} from './spec.ts';

/** Per case, columnar: who the case stands for. Indices point into `universities` and `regions`; -1 = none. */
export interface CaseInfo {
  readonly year: Int32Array;
  readonly university: Int32Array;
  readonly home: Int32Array;
  readonly study: Int32Array;
  /** Label index chosen when the case stands for one choice (sampled persons), else -1 (counts in data.chosen). */
  readonly chosen: Int32Array;
  readonly universities: readonly string[];
  readonly regions: readonly string[];
}

export interface ChoiceSet {
  /** Long-format data: one case per distinct situation with counts of persons (per person when sampled). */
  readonly data: ChoiceData;
  /** Alternative labels by altIndex: region codes, 'home' under home-rest nests, 'outside'. */
  readonly alternatives: readonly string[];
  readonly alternativeNames: readonly string[];
  readonly terms: readonly string[];
  /** Offset column (ln of McFadden's sampling correction) when sampled, else null. */
  readonly offset: string | null;
  readonly nests: NestSpec[] | null;
  readonly cases: number;
  readonly persons: number;
  /** Persons left out by reason: its English, and coded (`text`) for a front-end's language. */
  readonly excluded: { reason: string; text: CodedMessage; count: number; example: string }[];
  /** How the set was built, in English; `messages.notes` the same coded (core/messages), for a front-end's language. */
  readonly notes: string[];
  readonly messages: { readonly notes: readonly CodedMessage[] };
  readonly caseInfo: CaseInfo;
  /**
   * The full choice sets of the distinct situations with counts (no sampling, no offset): what
   * shares, elasticities and holdout fits are computed on. The same as data / caseInfo unless sampled.
   */
  readonly aggregate: { readonly data: ChoiceData; readonly caseInfo: CaseInfo };
  readonly money: ChoiceMoney | null;
  /** Any selected person is synthetic. */
  readonly synthetic: boolean;
  readonly within: string;
  /** `within` with its names (a group's from region_groups), for messages in a front-end's language. */
  readonly withinPlace: Place;
  readonly years: readonly number[];
  readonly sample: { size: number; method: 'uniform' | 'importance'; seeds: number[] } | null;
  readonly spec: ChoiceSpec;
  /** The workspace's small-cell threshold k (src/store/privacy.ts): results hide counts of 1 to k - 1 persons. */
  readonly minCell: number;
}

const OUTCOME_REASON: Record<string, CodedMessage> = { not_employed: coded('choice.leftOut.notEmployed', {}), further_study: coded('choice.leftOut.furtherStudy', {}) };

export interface ChoiceSetOptions {
  /**
   * Errors may name a person's record id (an example of the records a rule refuses). Default
   * false: errors reach API clients, which may not see record ids; only the workspace owner's
   * own front-end (the CLI) sets it.
   */
  readonly nameRecords?: boolean;
}

/**
 * A destination-choice data set from the workspace's graduate records (persons) and indicators:
 * alternatives = regions at spec.level inside spec.within, attributes = indicators of the
 * graduation year (or the nearest earlier one), person x alternative terms from centroids, homes
 * and macro-regions. Persons sharing a situation are one case with counts, so the cost grows
 * with distinct situations x alternatives. Every left-out person is counted under a reason.
 */
export async function buildChoiceSet(ws: Workspace, input: ChoiceSpecInput | ChoiceSpec, options: ChoiceSetOptions = {}): Promise<ChoiceSet> {
  const spec = parseChoiceSpec(input);
  const notes: CodedMessage[] = [];
  const interactions = spec.interactions.map((i) => {
    const [attribute, target] = i.split(':') as [PersonAttribute, string];
    return { attribute, target, person: (PERSON_TERMS as readonly string[]).includes(target) };
  });
  const indicators = [...new Set([...spec.alternativeVars, ...interactions.filter((i) => !i.person).map((i) => i.target)])];
  const personTerms = new Set<PersonTerm>([...spec.personTerms, ...interactions.filter((i) => i.person).map((i) => i.target as PersonTerm)]);
  const homeRest = spec.nests?.includes('home-rest') ?? false;
  if (personTerms.has('same_macro_region') || spec.nests?.includes('macro-regions')) {
    const absent = await missingGroups(ws, spec.macroRegions);
    if (absent.length) throw new SpecError(coded('choicefit.noGroups', { groups: absent }), 'macroRegions');
  }
  if (spec.alternativeVars.length + spec.personTerms.length + interactions.length === 0 && spec.outside === 'exclude') {
    throw new SpecError(coded('choicefit.noTerm', {}), 'alternativeVars');
  }

  if (spec.sample && spec.nests?.length) throw new SpecError(coded('choicefit.sampledNests', {}), 'sample');
  await checkPersonSelection(ws, spec.university, spec.years);
  const filter = personFilter(spec.university, spec.years);
  const universe = await choiceUniverse(ws, spec.level, spec.within, spec.macroRegions, filter);
  notes.push(...universe.notes);
  const regions = universe.alternatives;
  const groups = await personGroups(ws, spec.level, filter, { degree: interactions.some((i) => i.attribute === 'degree'), major: interactions.some((i) => i.attribute === 'major') });
  if (!groups.length) throw new InputError(coded('choicefit.noPersons', { universities: spec.university ?? [], years: (spec.years ?? []).map(String) }));
  const years = [...new Set(groups.map((g) => g.year))].sort((a, b) => a - b);
  const nY = years.length;

  // Alternative attributes, missing values and transforms.
  const attrs = await alternativeAttributes(ws, indicators, regions.map((r) => r.code), years);
  notes.push(...attrs.notes);
  const available = years.map(() => regions.map((_, a) => a));
  const gaps: { name: string; code: string; indicator: string; year: number }[] = [];
  for (const name of indicators) {
    regions.forEach((r, a) => years.forEach((y, yi) => {
      if (Number.isNaN(attrs.values[name][a * nY + yi])) gaps.push({ name: r.name, code: r.code, indicator: name, year: y });
    }));
  }
  if (gaps.length && spec.missing === 'error') {
    const gap = (g: (typeof gaps)[number]) => `${g.name} (${g.code}): ${g.indicator} has no value for ${g.year} or an earlier year`;
    throw new InputError(coded('choicefit.attributeGap', { ...gaps[0], more: gaps.length - 1 }), { column: gaps[0].indicator }, gaps.slice(1, 20).map(gap));
  }
  years.forEach((y, yi) => {
    const out = regions.filter((_, a) => indicators.some((n) => Number.isNaN(attrs.values[n][a * nY + yi])));
    if (!out.length) return;
    available[yi] = available[yi].filter((a) => !out.includes(regions[a]));
    if (available[yi].length < 2) {
      const name = indicators.find((n) => regions.every((_, a) => Number.isNaN(attrs.values[n][a * nY + yi]))) ?? indicators.join(', ');
      throw new InputError(coded('choicefit.noChoiceLeft', { available: available[yi].length, regions: regions.length, level: spec.level, year: y, indicator: name }), { column: name });
    }
    notes.push(coded('choice.note.listwise', { regions: out.map((r) => ({ code: r.code, zh: r.name_zh, en: r.name_en })), year: y }));
  });
  const termOf = new Map<string, ColumnRule>();
  for (const name of indicators) {
    const t = transformOf(spec, name);
    const raw = attrs.values[name];
    const values = new Float64Array(raw.length);
    raw.forEach((v, i) => {
      if (Number.isNaN(v)) return void (values[i] = NaN);
      if ((t === 'log' && v <= 0) || (t === 'log1p' && v <= -1)) {
        const a = Math.floor(i / nY);
        throw new SpecError(coded('choicefit.noTransform', { name: regions[a].name, code: regions[a].code, indicator: name, value: String(v), from: String(attrs.from[name][i]), transform: t }), `transforms.${name}`);
      }
      values[i] = t === 'log' ? Math.log(v) : t === 'log1p' ? Math.log1p(v) : t === 'tenths' ? v / 10 : v;
    });
    termOf.set(name, { name: alternativeTermName(name, t), kind: 'alternative', values });
    notes.push(coded('choice.note.term', { term: alternativeTermName(name, t), indicator: name, unit: attrs.units[name] || null, transform: t, byDefault: !spec.transforms[name] }));
  }
  for (const t of personTerms) termOf.set(t, { name: t, kind: 'person', term: t });
  if (personTerms.has('distance_home') || personTerms.has('distance_study')) notes.push(coded('choice.note.distances', { level: spec.level }));

  // Persons into situations; every one left out is counted under its reason.
  const needHome = personTerms.has('distance_home') || personTerms.has('is_home') || personTerms.has('same_macro_region') || homeRest;
  const needStudy = personTerms.has('distance_study') || personTerms.has('is_study');
  const index = new Map(regions.map((r, a) => [r.code, a]));
  const nLabels = regions.length + (homeRest ? 1 : 0);
  const outside = spec.outside === 'option' ? nLabels : -1;
  // Keyed by the reason's English: one entry per reason, its coded form beside it.
  const excluded = new Map<string, { text: CodedMessage; count: number; example: string }>();
  const exclude = (reason: CodedMessage, g: PersonGroup): void => {
    const e = excluded.get(reason.message);
    if (e) e.count += g.persons;
    else excluded.set(reason.message, { text: reason, count: g.persons, example: g.example });
  };
  const placeMissing = (g: PersonGroup, which: 'home' | 'study'): CodedMessage | null => {
    const code = g[which];
    if (code === null) return coded('choice.leftOut.noPlace', { which });
    if (g[which === 'home' ? 'homeCoarse' : 'studyCoarse']) return coded('choice.leftOut.placeAboveLevel', { which, level: spec.level });
    const r = universe.regions.get(code);
    if (!r) return coded('choice.leftOut.placeUnknown', { which });
    const distance = which === 'home' ? personTerms.has('distance_home') : personTerms.has('distance_study');
    if (distance && !r.centroid) return coded('choice.leftOut.placeNoCentroid', { which });
    return null;
  };
  const minCell = await privacyK(ws);
  const missingPlaces = new MissingPlaces();
  const byKey = new Map<string, Situation & { chosen: Map<number, number> }>();
  const situations: (Situation & { chosen: Map<number, number> })[] = [];
  let synthetic = false;
  for (const g of groups) {
    const yi = years.indexOf(g.year);
    let label: number;
    if (g.destination in OUTCOME_REASON) {
      if (outside < 0) { exclude(OUTCOME_REASON[g.destination], g); continue; }
      label = outside;
    } else if (g.destinationAtLevel === null) {
      exclude(coded('choice.leftOut.notAtLevel', { level: spec.level }), g);
      continue;
    } else {
      const a = index.get(g.destinationAtLevel);
      if (a === undefined) { exclude(coded('choice.leftOut.outsideWithin', { within: universe.withinPlace }), g); continue; }
      if (!available[yi].includes(a)) { exclude(coded('choice.leftOut.listwise', { year: g.year }), g); continue; }
      label = homeRest ? (g.home === regions[a].code ? 0 : a + 1) : a;
    }
    const gap = (needHome ? placeMissing(g, 'home') : null) ?? (needStudy ? placeMissing(g, 'study') : null);
    if (gap) {
      if (spec.missing === 'error') missingPlaces.add(gap, g);
      else exclude(gap, g);
      continue;
    }
    synthetic ||= g.synthetic;
    const key = `${g.year}\u0000${g.university}\u0000${g.degree}\u0000${g.major}\u0000${needHome ? g.home : ''}\u0000${needStudy ? g.study : ''}`;
    let s = byKey.get(key);
    if (!s) {
      s = { year: g.year, yearIndex: yi, university: g.university, degree: g.degree, major: g.major, home: g.home, study: g.study, chosen: new Map() };
      byKey.set(key, s);
      situations.push(s);
    }
    s.chosen.set(label, (s.chosen.get(label) ?? 0) + g.persons);
  }
  if (missingPlaces.size) throw missingPlaces.error([...personTerms], minCell, options.nameRecords === true);
  if (!situations.length) {
    const counts = [...excluded.values()].map((e) => coded('choicefit.leftOutCount', {
      reason: { code: e.text.code, params: e.text.params }, problem: e.text.message, persons: isSmallCell(e.count, minCell) ? null : e.count, k: minCell,
    }));
    throw new InputError(coded('choicefit.allLeftOut', { reasons: counts.map(({ code, params }) => ({ code, params })), parts: counts.map((m) => m.message) }));
  }

  // Terms: attributes, person terms, interactions (dummies against the most frequent category), outside constant.
  const rules: ColumnRule[] = [...spec.alternativeVars.map((n) => termOf.get(n)!), ...spec.personTerms.map((t) => termOf.get(t)!)];
  for (const { attribute, target } of interactions) {
    const persons = new Map<string, number>();
    for (const s of situations) {
      const cat = attribute === 'university' ? s.university : s[attribute] ?? 'unknown';
      persons.set(cat, (persons.get(cat) ?? 0) + [...s.chosen.values()].reduce((x, y) => x + y, 0));
    }
    const cats = [...persons].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([c]) => c);
    if (cats.length < 2) throw new SpecError(coded('choicefit.singleCategory', { attribute, category: cats[0], target }), 'interactions');
    const of = termOf.get(target)!;
    for (const category of cats.slice(1).sort()) rules.push({ name: interactionTermName(attribute, category, of.name), kind: 'interaction', attribute, category, of });
    notes.push(coded('choice.note.interaction', { attribute, term: of.name, categories: cats.slice(1).sort(), base: cats[0] }));
  }
  if (outside >= 0) {
    rules.push({ name: 'asc_outside', kind: 'outside' });
    notes.push(coded('choice.note.outside', {}));
  }
  const names = rules.map((r) => r.name);
  if (new Set(names).size !== names.length) throw new SpecError(coded('choicefit.termTwice', { terms: names }), 'interactions');

  const labels = [...(homeRest ? ['home'] : []), ...regions.map((r) => r.code), ...(outside >= 0 ? ['outside'] : [])];
  const labelNames = [...(homeRest ? ['home region'] : []), ...regions.map((r) => r.name), ...(outside >= 0 ? ['not employed / further study'] : [])];
  const aggregated: ChoiceData = { ...buildRows(situations, rules, { regions, available, nYears: nY, lookup: universe.regions, homeLabel: homeRest, outside }), alternatives: labels };
  const persons = situations.reduce((s, x) => s + [...x.chosen.values()].reduce((a, b) => a + b, 0), 0);
  let data = aggregated;
  let situationOf: Int32Array | null = null;
  let sample: ChoiceSet['sample'] = null;
  let offset: string | null = null;
  if (spec.sample) {
    const observed = new Float64Array(labels.length);
    for (let r = 0; r < data.altIndex.length; r++) observed[data.altIndex[r]] += data.chosen[r];
    const s = samplePersons(data, spec.sample.size, spec.sample.seed, spec.sample.method === 'importance' ? observed.map((x) => x + 0.5) : undefined);
    data = s.data;
    situationOf = s.situationOf;
    offset = s.offset;
    sample = { size: spec.sample.size, method: spec.sample.method, seeds: s.seeds };
    notes.push(coded('choice.note.sampled', { size: spec.sample.size, method: spec.sample.method, seed: spec.sample.seed }));
  }
  const regionLabels = [...universe.regions.keys()];
  const regionIndex = new Map(regionLabels.map((c, i) => [c, i]));
  const universities = [...new Set(situations.map((s) => s.university))].sort();
  const infoOf = (d: ChoiceData, at: (c: number) => Situation): CaseInfo => ({
    year: Int32Array.from({ length: d.nCases }, (_, c) => at(c).year),
    university: Int32Array.from({ length: d.nCases }, (_, c) => universities.indexOf(at(c).university)),
    home: Int32Array.from({ length: d.nCases }, (_, c) => regionIndex.get(at(c).home ?? '') ?? -1),
    study: Int32Array.from({ length: d.nCases }, (_, c) => regionIndex.get(at(c).study ?? '') ?? -1),
    chosen: chosenLabels(d),
    universities, regions: regionLabels,
  });
  const withCluster = (d: ChoiceData, info: CaseInfo): ChoiceData => (spec.cluster === 'university' ? { ...d, cluster: info.university } : d);
  const aggregateInfo = infoOf(aggregated, (c) => situations[c]);
  const aggregate = { data: withCluster(aggregated, aggregateInfo), caseInfo: aggregateInfo };
  const caseInfo = situationOf ? infoOf(data, (c) => situations[situationOf![c]]) : aggregateInfo;
  data = withCluster(data, caseInfo);

  const money = resolveMoney(spec, spec.alternativeVars.map((n) => {
    const raw = attrs.values[n];
    let sum = 0;
    let k = 0;
    for (const v of raw) {
      if (Number.isNaN(v)) continue;
      sum += v;
      k++;
    }
    return { indicator: n, term: termOf.get(n)!.name, transform: transformOf(spec, n), unit: attrs.units[n], mean: sum / k };
  }), names);
  if (money) notes.push(coded('choice.note.wtp', money.definitionParams));
  const nests = await resolveNests(ws, spec, regions);
  if (homeRest) notes.push(coded('choice.note.homeRest', {}));
  return {
    data, alternatives: labels, alternativeNames: labelNames, terms: names, offset, nests,
    aggregate, cases: data.nCases, persons, excluded: [...excluded].map(([reason, e]) => ({ reason, ...e })), notes: english(notes), messages: { notes }, caseInfo, money, synthetic,
    within: universe.within, withinPlace: universe.withinPlace, years, sample, spec, minCell,
  };
}

/** Per case: the label chosen when exactly one row is chosen once, else -1. */
function chosenLabels(data: ChoiceData): Int32Array {
  const out = new Int32Array(data.nCases).fill(-2);
  for (let r = 0; r < data.altIndex.length; r++) {
    if (data.chosen[r] === 0) continue;
    const c = data.caseIndex[r];
    out[c] = out[c] === -2 && data.chosen[r] === 1 ? data.altIndex[r] : -1;
  }
  return out.map((x) => (x === -2 ? -1 : x));
}

