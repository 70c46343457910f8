import { SpecError } from '../../core/errors.ts';
import type { GravityResult } from '../../models/index.ts';
import type { ChoiceModelResult } from '../choice/fit-choice.ts';
import { fittedPeriods } from '../fitted-periods.ts';
import { loadModel, type SavedModel } from '../models.ts';
import type { Workspace } from '../workspace.ts';
import { modelTerms } from './model-terms.ts';
import { choiceRegions } from './prepare-choice.ts';
import { indicatorsFor, personsPerUnit, populationIndicator } from './population-indicator.ts';

/**
 * What a scenario on a saved model can be built from, for an editor that lets the user choose:
 * the model's regions (with names), its base period, the destination terms a payment can raise
 * (with each region's value and unit), the indicators that cover the regions in that period (for
 * cohort sizes and the population of a stay share), the flow periods among the regions, the
 * indicator a stay share from flows would take by default, and the graduate records present.
 */
export interface ScenarioModelOptions {
  /** `periods`: those the model was fitted to (empty when the fit did not record them, as a fit on a flow file without periods or a model saved before one-period fits recorded theirs; the base period is then the latest flow period among its regions, and `basePeriodGuessed` says so). */
  readonly model: { readonly name: string; readonly kind: 'gravity' | 'choice'; readonly createdAt: string; readonly level: string | null; readonly periods: readonly string[]; readonly basePeriod: string; readonly basePeriodGuessed: boolean; readonly synthetic: boolean };
  readonly regions: readonly { readonly code: string; readonly name_zh: string | null; readonly name_en: string | null; readonly level: string | null }[];
  /** Terms an intervention can change: the scenario's `term` and the indicator it reads, with the base period's values by region. */
  readonly terms: readonly { readonly term: string; readonly indicator: string; readonly unit: string | null; readonly values: Readonly<Record<string, number>> }[];
  /** Indicators in the base period over the model's regions; `personsPerUnit` null for units that count no one. */
  readonly indicators: readonly { readonly name: string; readonly unit: string | null; readonly regions: number; readonly personsPerUnit: number | null }[];
  readonly flowPeriods: readonly string[];
  /** The indicator a stay share from flows takes when none is named (null: none is named like population). */
  readonly population: { readonly name: string; readonly unit: string | null } | null;
  readonly persons: { readonly records: number; readonly synthetic: number };
}

/** The latest period of a model: the base period its attributes are read in. */
function latest(periods: readonly string[]): string {
  return [...periods].sort((a, b) => (parseInt(a, 10) - parseInt(b, 10)) || a.localeCompare(b)).at(-1)!;
}

export async function scenarioModelOptions(ws: Workspace, name: string): Promise<ScenarioModelOptions> {
  let saved: SavedModel<GravityResult | ChoiceModelResult>;
  try {
    saved = await loadModel<GravityResult | ChoiceModelResult>(ws, name);
  } catch (e) {
    throw new SpecError((e as Error).message, 'model');
  }
  if (saved.kind !== 'gravity' && saved.kind !== 'choice') throw new SpecError(`model "${name}" is a ${saved.kind} model; scenarios need a gravity or a destination-choice model`, 'model');
  const kind = saved.kind;
  let codes: string[];
  let periods: string[];
  const termIndicators = modelTerms(saved);
  let synthetic = false;
  if (kind === 'gravity') {
    const r = saved.result as GravityResult;
    codes = [...r.regions];
    periods = fittedPeriods(saved as SavedModel<GravityResult>);
  } else {
    const r = saved.result as ChoiceModelResult;
    codes = choiceRegions(r);
    periods = r.choiceSet.years.map(String);
    synthetic = r.kind === 'synthetic';
  }
  const list = codes.join(',');
  const flowPeriods = (await ws.db.all<{ period: string }>(
    `SELECT DISTINCT period FROM flows WHERE origin IN (SELECT unnest(string_split(?, ','))) AND destination IN (SELECT unnest(string_split(?, ','))) ORDER BY period`, [list, list]))
    .map((r) => r.period);
  if (!periods.length && !flowPeriods.length) throw new SpecError(`model "${name}" names no period it was fitted to, and no flows among its regions say one`, 'model');
  const basePeriod = latest(periods.length ? periods : flowPeriods);
  const regions = await ws.db.all<{ code: string; name_zh: string | null; name_en: string | null; level: string | null }>(
    `SELECT code, name_zh, name_en, level FROM regions WHERE code IN (SELECT unnest(string_split(?, ','))) ORDER BY code`, [list]);
  const levels = [...new Set(regions.map((r) => r.level))];
  const indicators = await indicatorsFor(ws, basePeriod, codes);
  const terms = [];
  for (const t of termIndicators) {
    const rows = await ws.db.all<{ region: string; value: number; unit: string | null }>(
      `SELECT region, value, unit FROM indicators WHERE name = ? AND period = ? AND region IN (SELECT unnest(string_split(?, ',')))`, [t.indicator, basePeriod, list]);
    terms.push({ ...t, unit: rows[0]?.unit ?? null, values: Object.fromEntries(rows.map((r) => [r.region, r.value])) });
  }
  const population = await populationIndicator(ws, undefined, basePeriod, codes, 'stayShare.population').then((p) => ({ name: p.name, unit: p.unit }), () => null);
  const persons = await ws.db.one<{ records: number; synthetic: number }>(
    `SELECT count(*)::DOUBLE AS records, coalesce(sum(CASE WHEN synthetic THEN 1 ELSE 0 END), 0)::DOUBLE AS synthetic FROM persons`);
  return {
    model: { name: saved.name, kind, createdAt: saved.createdAt, level: levels.length === 1 ? levels[0] : null, periods, basePeriod, basePeriodGuessed: !periods.length, synthetic },
    regions, terms,
    indicators: indicators.map((x) => ({ ...x, personsPerUnit: personsPerUnit(x.unit) })),
    flowPeriods, population, persons: { records: persons?.records ?? 0, synthetic: persons?.synthetic ?? 0 },
  };
}
