import { SpecError } from '../../core/errors.ts';
import { coded, type CodedMessage, type ParamsOf } from '../../core/messages/index.ts';
import { haversineKm } from '../../core/geometry/index.ts';
import { logitChoiceModel, type ChoiceModel, type LogitChoiceTerm, type LogitPersonGroup, type LogitTransform, type ScenarioDocument } from '../../sim/index.ts';
import { choiceUniverse } from '../choice/alternatives.ts';
import { alternativeAttributes } from '../choice/attributes.ts';
import type { ChoiceModelResult } from '../choice/fit-choice.ts';
import { personFilter, personGroups } from '../choice/situations.ts';
import { PERSON_TERMS, alternativeTermName, parseChoiceSpec, transformOf, type ChoiceSpec } from '../choice/spec.ts';
import type { SavedModel } from '../models.ts';
import type { Workspace } from '../workspace.ts';

/**
 * What the simulator needs of a saved destination-choice model (kind 'choice'), rebuilt from its
 * spec and the workspace the way buildChoiceSet built the fit's data: the alternatives as
 * regions; their attributes in the base year (`baseline.period`, a year: that year's value or the
 * nearest earlier one), transformed as in the fit; distances (100 km between the level's
 * centroids) and macro-regions from the same registry query; and each origin's graduates as
 * groups of home region, study region and the categories the model interacts with, from the
 * person records with a region as destination (the records that give the cohort sizes).
 */
export function choiceRegions(result: ChoiceModelResult): string[] {
  return result.choiceSet.alternatives.filter((a) => a !== 'home' && a !== 'outside');
}

const OUTSIDE = 'asc_outside';

/** How every attribute term of the fit enters the utility, from the spec's stable term names; `indicators` = the place attributes read. */
export function termsOf(spec: ChoiceSpec, result: ChoiceModelResult): { terms: LogitChoiceTerm[]; dropped: string[]; indicators: string[] } {
  const byName = new Map<string, string>();
  const indicators = new Set<string>();
  for (const i of [...spec.alternativeVars, ...spec.interactions.map((x) => x.split(':')[1])]) {
    if ((PERSON_TERMS as readonly string[]).includes(i)) continue;
    byName.set(alternativeTermName(i, transformOf(spec, i)), i);
  }
  const of = (name: string): string | null => {
    if ((PERSON_TERMS as readonly string[]).includes(name)) return name;
    const ind = byName.get(name);
    if (ind) indicators.add(ind);
    return ind ?? null;
  };
  const terms: LogitChoiceTerm[] = [];
  const dropped: string[] = [];
  for (const term of result.attributeTerms) {
    if (term === OUTSIDE) { dropped.push(term); continue; }
    const inter = /^(degree|major|university)\[(.*)\]:(.+)$/.exec(term);
    const target = of(inter ? inter[3] : term);
    if (target === null) throw new SpecError(`the model's term "${term}" reads no attribute of its spec`, 'baseline.model');
    terms.push(inter ? { term, of: target, when: { attribute: inter[1], category: inter[2] } } : { term, of: target });
  }
  return { terms, dropped, indicators: [...indicators] };
}

export async function logitScenarioModel(
  ws: Workspace, doc: ScenarioDocument, saved: SavedModel<ChoiceModelResult>, regions: readonly string[], stayShare: Float64Array | null, notes: CodedMessage[],
): Promise<ChoiceModel> {
  const result = saved.result;
  const spec = parseChoiceSpec(saved.spec);
  const b = doc.baseline;
  if (!/^\d{4}$/.test(b.period)) throw new SpecError(`"${b.period}" is not a year: a choice model reads its attributes of one year (e.g. the latest graduation year, ${Math.max(...result.choiceSet.years)})`, 'baseline.period');
  const year = Number(b.period);
  const { terms, dropped, indicators } = termsOf(spec, result);
  if (dropped.length) notes.push(coded('scenario.choice.outsideLeftOut', {}));

  const r = regions.length;
  const attributes: Record<string, { transform: LogitTransform; values: Float64Array }> = {};
  const columns = [...indicators, ...b.borrowedTerms.filter((t) => t.indicator).map((t) => t.indicator!)];
  const attrs = await alternativeAttributes(ws, columns, regions, [year]);
  for (const name of indicators) {
    const values = attrs.values[name];
    const gap = regions.findIndex((_, a) => Number.isNaN(values[a]));
    if (gap >= 0) throw new SpecError(`indicator "${name}" has no value for ${regions[gap]} in ${year} or an earlier year`, 'baseline.period');
    attributes[name] = { transform: transformOf(spec, name), values: Float64Array.from(values) };
  }
  // alternativeAttributes notes only which values came from an earlier year (choice.note.nearestEarlier): its parameters, not its English, so the note reads whole in Chinese.
  notes.push(...attrs.notes.map((note) => coded('scenario.choice.baselineAttributes', note.params as ParamsOf<'choice.note.nearestEarlier'>)));
  for (const [k, bt] of b.borrowedTerms.entries()) {
    if (bt.term.startsWith('origin_')) throw new SpecError('an origin term is the same for every alternative of a destination-choice logit, so it changes nothing: borrow destination_ terms', `baseline.borrowedTerms[${k}].term`);
    const values = bt.indicator ? attrs.values[bt.indicator] : new Float64Array(r).fill(1);
    if (values.some((v) => Number.isNaN(v))) throw new SpecError(`indicator "${bt.indicator}" has no value for every region in ${year}`, `baseline.borrowedTerms[${k}].indicator`);
    attributes[bt.term] = { transform: bt.transform, values: Float64Array.from(values) };
    notes.push(coded('scenario.term.borrowed', { term: bt.term, coefficient: bt.coefficient, standardError: bt.standardError, source: bt.source }));
  }

  // Distances and macro-regions from the registry, as the fit computed them.
  const needs = new Set(terms.map((t) => t.of));
  const universe = await choiceUniverse(ws, spec.level, result.choiceSet.within, spec.macroRegions, personFilter(undefined, undefined));
  const index = new Map(regions.map((c, i) => [c, i]));
  const place = regions.map((c) => universe.regions.get(c));
  let distance: Float64Array | undefined;
  if (needs.has('distance_home') || needs.has('distance_study')) {
    distance = new Float64Array(r * r);
    for (let i = 0; i < r; i++) for (let j = 0; j < r; j++) {
      const a = place[i]?.centroid;
      const c = place[j]?.centroid;
      if (!a || !c) throw new SpecError(coded('scenario.region.noCentroid', { region: { code: a ? regions[j] : regions[i] } }), 'baseline.model');
      distance[i * r + j] = haversineKm(a as [number, number], c as [number, number]) / 100;
    }
  }
  const macros = [...new Set(place.map((p) => p?.macro ?? null).filter((m): m is string => m !== null))];
  const macroRegion = needs.has('same_macro_region') ? Int32Array.from(place, (p) => (p?.macro ? macros.indexOf(p.macro) : -1)) : undefined;

  // Each origin's graduates (records with a region as destination) by home, study place and category.
  const attributesUsed = new Set(terms.flatMap((t) => (t.when ? [t.when.attribute] : [])));
  const rows = await personGroups(ws, spec.level, personFilter(undefined, undefined), { degree: attributesUsed.has('degree'), major: attributesUsed.has('major') });
  const needHome = needs.has('distance_home') || needs.has('is_home') || needs.has('same_macro_region') || (spec.nests?.includes('home-rest') ?? false);
  const groups = new Map<string, { origin: number; home: number; weight: number; categories: Record<string, string> }>();
  let left = 0;
  let kept = 0;
  for (const g of rows) {
    if (g.destinationAtLevel === null) continue;
    const origin = g.study === null ? undefined : index.get(g.study);
    if (origin === undefined) continue;
    const home = g.home === null ? -1 : index.get(g.home) ?? -1;
    if (needHome && home < 0) { left += g.persons; continue; }
    const categories: Record<string, string> = {};
    for (const a of attributesUsed) categories[a] = (a === 'university' ? g.university : a === 'degree' ? g.degree : g.major) ?? 'unknown';
    const key = `${origin}|${home}|${JSON.stringify(categories)}`;
    const x = groups.get(key);
    if (x) x.weight += g.persons;
    else groups.set(key, { origin, home, weight: g.persons, categories });
    kept += g.persons;
  }
  if (left) notes.push(coded('scenario.choice.noHomeRegion', { records: left }));
  const byOrigin: LogitPersonGroup[][] = regions.map(() => []);
  for (const g of groups.values()) byOrigin[g.origin].push({ home: g.home, study: g.origin, weight: g.weight, categories: g.categories });
  notes.push(coded('scenario.choice.groups', { groups: groups.size, attributes: [...attributesUsed], records: kept }));

  const labels = result.alternatives;
  const nests = result.model === 'nested-logit'
    ? result.nests.map((n) => {
      const members = new Uint8Array(r);
      for (const a of n.alternatives) {
        const i = index.get(labels[a]);
        if (i !== undefined) members[i] = 1;
      }
      return { term: n.term, members };
    })
    : undefined;
  const homeAlone = spec.nests?.includes('home-rest') ?? false;
  return logitChoiceModel({
    result, regions, terms, dropped, attributes, distance, macroRegion, groups: byOrigin, nests, homeAlone,
    ...(stayShare ? { stayShare } : {}),
    borrowed: b.borrowedTerms.map((t) => ({ term: t.term, coefficient: t.coefficient, standardError: t.standardError, transform: t.transform })),
    covariance: doc.simulation.covariance, covarianceScale: doc.simulation.covarianceScale,
  });
}
