import { createHash } from 'node:crypto';
import { InputError, SpecError, textOf } from '../../core/errors.ts';
import { coded, english, type CodedMessage } from '../../core/messages/index.ts';
import { haversineKm } from '../../core/geometry/index.ts';
import { parsePeriod } from '../../core/schema/period.ts';
import type { GravityResult } from '../../models/index.ts';
import type { ChoiceModelResult } from '../choice/fit-choice.ts';
import { compileLevers, gravityChoiceModel, type ChoiceModel, type Lever, type ScenarioDocument } from '../../sim/index.ts';
import { loadModel, type SavedModel } from '../models.ts';
import { resolveRegionRef } from '../queries/resolve-ref.ts';
import type { Workspace } from '../workspace.ts';
import { checkModelVariables } from './model-variables.ts';
import { paymentTermNotes } from './payment-terms.ts';
import { choiceRegions, logitScenarioModel } from './prepare-choice.ts';
import { personsByRegion, type PersonsByRegion } from './persons-by-region.ts';
import { personsPerUnit, populationIndicator } from './population-indicator.ts';

/**
 * Turns a scenario document into the simulator's inputs from the workspace: the saved model
 * (and a hash of its stored result as its version), regions and centroid distances, baseline
 * attribute values from indicators of the base period, cohort sizes, stay shares, levers with
 * resolved target regions, and the outcome regions. Errors name the document's field. A gravity
 * model becomes the simulator's model through gravityChoiceModel; a destination-choice model
 * (kind 'choice') through logitChoiceModel, rebuilt by prepare-choice.ts.
 */
export interface PreparedScenario {
  readonly document: ScenarioDocument;
  readonly model: { readonly name: string; readonly kind: string; readonly version: string };
  readonly choice: ChoiceModel;
  readonly regions: readonly string[];
  readonly sizes: Float64Array;
  readonly stayShare: Float64Array;
  readonly levers: readonly Lever[];
  readonly outcome: Uint8Array;
  /** What the computation assumed or changed, in English (the CLI's words). */
  readonly notes: string[];
  /** The same notes coded (core/messages), in the same order, for a front-end to say in its language. */
  readonly messages: { readonly notes: readonly CodedMessage[] };
  /** Cohorts or stay shares come from synthetic person records (the demo's graduates): every result must say SYNTHETIC. */
  readonly synthetic: boolean;
  /** What the cohorts and stay shares were taken from, with the indicator actually used, for a front end to name. */
  readonly basis: ScenarioBasis;
}

/** Where a baseline's numbers came from: `kind` says observed data, an estimate or an assumption, or synthetic records. */
export interface ScenarioBasis {
  readonly cohort:
    | { readonly source: 'indicator'; readonly indicator: string; readonly unit: string | null; readonly rate: number; readonly period: string; readonly kind: 'estimated' }
    | { readonly source: 'persons'; readonly kind: 'observed' | 'synthetic' }
    | { readonly source: 'fixed'; readonly kind: 'assumed' };
  readonly stayShare:
    | { readonly source: 'flows'; readonly period: string; readonly population: string; readonly unit: string | null; readonly kind: 'estimated' }
    | { readonly source: 'persons'; readonly kind: 'observed' | 'synthetic' }
    | { readonly source: 'fixed'; readonly kind: 'assumed' }
    | { readonly source: 'model'; readonly kind: 'estimated' | 'synthetic' };
}

export function modelVersion(result: unknown): string {
  return createHash('sha256').update(JSON.stringify(result)).digest('hex').slice(0, 16);
}

/** Region codes a reference (code, name or group) covers, descendants included. */
async function codesOf(ws: Workspace, text: string, field: string): Promise<Set<string>> {
  let ref;
  try {
    ref = await resolveRegionRef(ws, text);
  } catch (e) {
    throw new SpecError(textOf(e), field);
  }
  const roots = ref.kind === 'group' ? ref.members : [ref.code];
  const rows = await ws.db.all<{ code: string }>(`SELECT code FROM region_ancestors WHERE ancestor IN (SELECT unnest(string_split(?, ',')))`, [roots.join(',')]);
  return new Set([...roots, ...rows.map((r) => r.code)]);
}

async function maskOf(ws: Workspace, refs: readonly string[], regions: readonly string[], field: string): Promise<Uint8Array> {
  const mask = new Uint8Array(regions.length);
  for (const [k, ref] of refs.entries()) {
    const codes = await codesOf(ws, ref, `${field}[${k}]`);
    let hit = 0;
    regions.forEach((code, i) => { if (codes.has(code)) { mask[i] = 1; hit++; } });
    if (!hit) throw new SpecError(coded('scenario.targets.coversNone', { ref, regions: regions.length }), `${field}[${k}]`);
  }
  return mask;
}

async function indicatorValues(ws: Workspace, name: string, period: string, regions: readonly string[], field: string): Promise<Float64Array> {
  return (await indicatorWithUnit(ws, name, period, regions, field)).values;
}

/** An indicator's values in the period (or its first year) for every region, and its unit. */
async function indicatorWithUnit(ws: Workspace, name: string, period: string, regions: readonly string[], field: string): Promise<{ values: Float64Array; unit: string | null }> {
  const first = String(parsePeriod(period)?.start ?? period);
  const rows = await ws.db.all<{ region: string; period: string; value: number; unit: string | null }>(
    `SELECT region, period, value, unit FROM indicators WHERE name = ? AND period IN (?, ?) AND region IN (SELECT unnest(string_split(?, ',')))`, [name, period, first, regions.join(',')]);
  const by = new Map<string, number>();
  for (const r of rows) if (r.period === period || !by.has(r.region)) by.set(r.region, r.value);
  const missing = regions.filter((c) => !by.has(c));
  if (missing.length) throw new SpecError(coded('scenario.indicator.missingValues', { indicator: name, period, regions: missing.map((code) => ({ code })) }), field);
  return { values: Float64Array.from(regions, (c) => by.get(c)!), unit: rows[0]?.unit ?? null };
}

async function byRegion(ws: Workspace, record: Record<string, number>, regions: readonly string[], field: string, fill: number): Promise<Float64Array> {
  const out = new Float64Array(regions.length).fill(fill);
  const index = new Map(regions.map((c, i) => [c, i]));
  for (const [ref, v] of Object.entries(record)) {
    const codes = await codesOf(ws, ref, `${field}.${ref}`);
    const own = [...codes].filter((c) => index.has(c));
    if (!own.length) throw new SpecError(coded('scenario.targets.notModelRegion', { ref }), `${field}.${ref}`);
    for (const c of own) out[index.get(c)!] = v;
  }
  return out;
}

/** A gravity model as the simulator's model: centroid distances, destination and origin attributes of the base period. */
async function gravityScenarioModel(ws: Workspace, doc: ScenarioDocument, result: GravityResult, regions: readonly string[], stayShare: Float64Array, notes: CodedMessage[]): Promise<ChoiceModel> {
  const b = doc.baseline;
  if (result.constraint === 'attraction' || result.constraint === 'doubly') notes.push(coded('scenario.model.destinationEffects', { constraint: result.constraint }));
  const cent = await ws.db.all<{ code: string; lon: number | null; lat: number | null }>(
    `SELECT code, centroid_lon AS lon, centroid_lat AS lat FROM regions WHERE code IN (SELECT unnest(string_split(?, ',')))`, [regions.join(',')]);
  const at = new Map(cent.map((c) => [c.code, c]));
  const r = regions.length;
  const cost = new Float64Array(r * r);
  for (let i = 0; i < r; i++) for (let j = 0; j < r; j++) {
    const a = at.get(regions[i]);
    const c = at.get(regions[j]);
    if (a?.lon == null || c?.lon == null) throw new InputError(coded('scenario.region.noCentroid', { region: { code: a?.lon == null ? regions[i] : regions[j] } }));
    cost[i * r + j] = i === j ? 0 : haversineKm([a.lon, a.lat!], [c.lon, c.lat!]);
  }
  const baseline: Record<string, Float64Array> = {};
  for (const t of result.termSpecs) {
    if (t.role !== 'origin' && t.role !== 'destination') continue;
    const column = t.column ?? t.name;
    const name = column.replace(/^(origin|destination)_/, '');
    baseline[column] = await indicatorValues(ws, name, b.period, regions, 'baseline.period');
  }
  for (const [k, bt] of b.borrowedTerms.entries()) {
    baseline[bt.term] = bt.indicator ? await indicatorValues(ws, bt.indicator, b.period, regions, `baseline.borrowedTerms[${k}].indicator`) : new Float64Array(r).fill(1);
    notes.push(coded('scenario.term.borrowed', { term: bt.term, coefficient: bt.coefficient, standardError: bt.standardError, source: bt.source }));
  }
  return gravityChoiceModel({
    result, regions, cost, baseline, stayShare,
    borrowed: b.borrowedTerms.map((t) => ({ term: t.term, coefficient: t.coefficient, standardError: t.standardError, transform: t.transform })),
    covariance: doc.simulation.covariance, covarianceScale: doc.simulation.covarianceScale,
  });
}

export async function prepareScenario(ws: Workspace, doc: ScenarioDocument): Promise<PreparedScenario> {
  const notes: CodedMessage[] = [];
  const b = doc.baseline;
  let saved: SavedModel<GravityResult | ChoiceModelResult>;
  try {
    saved = await loadModel<GravityResult | ChoiceModelResult>(ws, b.model);
  } catch (e) {
    throw new SpecError((e as Error).message, 'baseline.model');
  }
  if (saved.kind !== 'gravity' && saved.kind !== 'choice') throw new SpecError(coded('scenario.model.wrongKind', { model: b.model, kind: saved.kind }), 'baseline.model');
  // An offset of the origin cancels from the movers' choice; any other shifts it, and the simulator has no term for it.
  const offset = saved.kind === 'gravity' ? (saved.spec as { offset?: { term?: string } } | null)?.offset : undefined;
  if (offset && !offset.term?.startsWith('origin:')) throw new SpecError(coded('scenario.model.offset', { model: b.model, offset: offset.term ?? '(unnamed)' }), 'baseline.model');
  await checkModelVariables(ws, doc, saved);
  // First among the notes: a payment through a term that is not money makes every money figure of the result unmeaning.
  notes.push(...await paymentTermNotes(ws, doc, saved));
  const regions = saved.kind === 'gravity' ? [...(saved.result as GravityResult).regions] : choiceRegions(saved.result as ChoiceModelResult);
  const r = regions.length;

  let sizes: Float64Array;
  let persons: PersonsByRegion | null = null;
  const getPersons = async () => {
    if (!persons) {
      persons = await personsByRegion(ws, regions);
      notes.push(...persons.messages);
    }
    return persons;
  };
  const c = b.cohort;
  let cohortBasis: ScenarioBasis['cohort'];
  if (c.source === 'indicator') {
    const ind = await indicatorWithUnit(ws, c.indicator, b.period, regions, 'baseline.cohort.indicator');
    // An indicator counted in 万人 is 10,000 persons a unit: cohorts are persons.
    const factor = personsPerUnit(ind.unit) ?? 1;
    sizes = ind.values.map((v) => v * factor * c.rate);
    notes.push(coded('scenario.cohort.fromIndicator', { indicator: c.indicator, period: b.period, unit: ind.unit, personsPerUnit: factor, rate: c.rate }));
    cohortBasis = { source: 'indicator', indicator: c.indicator, unit: ind.unit, rate: c.rate, period: b.period, kind: 'estimated' };
  } else if (c.source === 'persons') {
    const p = await getPersons();
    sizes = p.sizes;
    notes.push(coded('scenario.cohort.fromRecords', { years: p.years }));
    cohortBasis = { source: 'persons', kind: p.synthetic > 0 ? 'synthetic' : 'observed' };
  } else {
    sizes = await byRegion(ws, c.sizes, regions, 'baseline.cohort.sizes', 0);
    cohortBasis = { source: 'fixed', kind: 'assumed' };
  }
  if (b.within) {
    const inside = await maskOf(ws, [b.within], regions, 'baseline.within');
    sizes = sizes.map((v, i) => (inside[i] ? v : 0));
  }

  let stayShare: Float64Array | null;
  let stayBasis: ScenarioBasis['stayShare'];
  const s = b.stayShare;
  if (typeof s === 'number') {
    stayShare = new Float64Array(r).fill(s);
    notes.push(coded('scenario.stay.assumed', { share: s }));
    stayBasis = { source: 'fixed', kind: 'assumed' };
  } else if (s.source === 'persons') {
    const p = await getPersons();
    stayShare = p.stay;
    stayBasis = { source: 'persons', kind: p.synthetic > 0 ? 'synthetic' : 'observed' };
  } else if (s.source === 'fixed') {
    stayShare = await byRegion(ws, s.shares, regions, 'baseline.stayShare.shares', s.default ?? NaN);
    stayBasis = { source: 'fixed', kind: 'assumed' };
  } else if (s.source === 'model') {
    if (saved.kind === 'gravity') throw new SpecError(coded('scenario.stay.gravityNeedsShare', {}), 'baseline.stayShare.source');
    stayShare = null;
    notes.push(coded('scenario.stay.modelOwn', {}));
    stayBasis = { source: 'model', kind: saved.kind === 'choice' && (saved.result as ChoiceModelResult).kind === 'synthetic' ? 'synthetic' : 'estimated' };
  } else {
    const period = s.period ?? b.period;
    const popIndicator = await populationIndicator(ws, s.population, period, regions, 'baseline.stayShare.population');
    if (popIndicator.note) notes.push(popIndicator.note);
    const pop = (await indicatorValues(ws, popIndicator.name, period, regions, 'baseline.stayShare.population')).map((v) => v * popIndicator.factor);
    const out = await ws.db.all<{ origin: string; n: number }>(
      `SELECT origin, sum(count)::DOUBLE AS n FROM flows WHERE period = ? AND origin <> destination
       AND origin IN (SELECT unnest(string_split(?, ','))) AND destination IN (SELECT unnest(string_split(?, ','))) GROUP BY 1`,
      [period, regions.join(','), regions.join(',')]);
    if (!out.length) throw new SpecError(coded('scenario.stay.noFlows', { period }), 'baseline.stayShare.period');
    const o = new Map(out.map((x) => [x.origin, x.n]));
    stayShare = Float64Array.from(regions, (code, i) => 1 - (o.get(code) ?? 0) / pop[i]);
    notes.push(coded('scenario.stay.fromFlows', { period, indicator: popIndicator.name, unit: popIndicator.unit, personsPerUnit: popIndicator.factor }));
    stayBasis = { source: 'flows', period, population: popIndicator.name, unit: popIndicator.unit, kind: 'estimated' };
  }
  if (stayShare) {
    const given = stayShare;
    regions.forEach((code, i) => {
      if (sizes[i] > 0 && !(given[i] >= 0 && given[i] <= 1)) throw new SpecError(coded('scenario.stay.outOfRange', { region: { code }, share: given[i] }), 'baseline.stayShare');
    });
    stayShare = given.map((v) => (Number.isFinite(v) ? v : 0));
  }

  const choice = saved.kind === 'gravity'
    ? await gravityScenarioModel(ws, doc, saved.result as GravityResult, regions, stayShare!, notes)
    : await logitScenarioModel(ws, doc, saved as SavedModel<ChoiceModelResult>, regions, stayShare, notes);
  if (!stayShare) {
    const p = new Float64Array(r);
    stayShare = Float64Array.from(regions, (_, i) => choice.probabilities(i, choice.baseline, p)[i]);
  }
  const defs = [];
  for (const [k, iv] of doc.interventions.entries()) {
    defs.push({ ...iv, targets: await maskOf(ws, iv.targets, regions, `interventions[${k}].targets`) });
  }
  const levers = compileLevers(choice, defs);
  let outcome: Uint8Array;
  if (doc.outcomeRegions) outcome = await maskOf(ws, doc.outcomeRegions, regions, 'outcomeRegions');
  else if (levers.length) {
    outcome = new Uint8Array(r);
    for (const l of levers) for (let i = 0; i < r; i++) if (l.targets[i]) outcome[i] = 1;
  } else outcome = Uint8Array.from(sizes, (v) => (v > 0 ? 1 : 0));
  const fromSyntheticRecords = (persons as { synthetic: number } | null)?.synthetic ?? 0;
  const syntheticModel = saved.kind === 'choice' && (saved.result as ChoiceModelResult).kind === 'synthetic';
  if (fromSyntheticRecords > 0) notes.unshift(coded('scenario.synthetic.records', { records: fromSyntheticRecords }));
  if (syntheticModel) notes.unshift(coded('scenario.synthetic.model', { model: saved.name }));
  return { document: doc, model: { name: saved.name, kind: saved.kind, version: modelVersion(saved.result) }, choice, regions, sizes, stayShare, levers, outcome, notes: english(notes), messages: { notes }, synthetic: fromSyntheticRecords > 0 || syntheticModel, basis: { cohort: cohortBasis, stayShare: stayBasis } };
}
