import { InputError } from '../../core/errors.ts';
import { coded, type CodedMessage } from '../../core/messages/index.ts';
import { parsePeriod } from '../../core/schema/period.ts';
import type { Workspace } from '../workspace.ts';

/**
 * Which indicator of the workspace counts a region's people, for a stay share from flows
 * (1 - leavers / population) and for cohorts sized from an indicator. A workspace built from a
 * yearbook calls it 年末常住人口 in 万人, not `population` in persons: the request may name it,
 * and without a name one whose name says population is taken (and said in a note). A name the
 * workspace lacks is a user error (HTTP 400) listing the indicators that cover the regions in
 * that period.
 */

/** Persons per unit for units that count people; null for any other unit (a wage, a share). */
export function personsPerUnit(unit: string | null): number | null {
  const u = (unit ?? '').trim().toLowerCase().replace(/^\((.*)\)$|^（(.*)）$/, '$1$2');
  if (u === '' || /^(persons?|people|人|人口|inhabitants|residents|headcount)$/.test(u)) return 1;
  if (/^(万人|万|10,?000 persons|ten thousand persons)$/.test(u)) return 1e4;
  if (/^(千人|thousands?( persons| people)?|1,?000 persons)$/.test(u)) return 1e3;
  if (/^(百万人|millions?( persons| people)?)$/.test(u)) return 1e6;
  if (/^(亿人|亿)$/.test(u)) return 1e8;
  return null;
}

/** Names that say "population", most specific first: resident before registered, end-of-year before any. */
const POPULATION_NAMES = ['population', 'resident_population', '常住人口', '年末常住人口', '人口', '总人口', '年末总人口', '户籍人口', '年末户籍人口'];
const SAYS_POPULATION = /population|人口/i;
/** Rates, densities and shares also say population but count no one. */
const NOT_A_COUNT = /density|growth|rate|share|ratio|per |密度|增长|率|比重|比例|占/i;

export interface IndicatorCoverage { readonly name: string; readonly unit: string | null; readonly regions: number }

/** Indicators with a value for at least one of the regions in the period (or its first year), most regions first. */
export async function indicatorsFor(ws: Workspace, period: string, regions: readonly string[]): Promise<IndicatorCoverage[]> {
  const first = String(parsePeriod(period)?.start ?? period);
  const rows = await ws.db.all<{ name: string; unit: string | null; n: number }>(
    `SELECT name, any_value(unit) AS unit, count(DISTINCT region)::INTEGER AS n FROM indicators
     WHERE period IN (?, ?) AND region IN (SELECT unnest(string_split(?, ','))) GROUP BY name ORDER BY n DESC, name`,
    [period, first, regions.join(',')]);
  return rows.map((r) => ({ name: r.name, unit: r.unit, regions: r.n }));
}

export interface PopulationIndicator {
  readonly name: string;
  readonly unit: string | null;
  /** Persons per unit of the indicator (1e4 for 万人). */
  readonly factor: number;
  /** Set when the indicator was found by its name, not named by the request: which one and why. */
  readonly note: CodedMessage | null;
}

const listOf = (xs: readonly IndicatorCoverage[], total: number) =>
  xs.length ? xs.slice(0, 30).map((x) => `${x.name}${x.unit ? ` (${x.unit})` : ''}${x.regions < total ? ` [${x.regions} of ${total} regions]` : ''}`).join(', ') + (xs.length > 30 ? ` and ${xs.length - 30} more` : '') : 'none';

/**
 * The population indicator for `period` over `regions`: the one `requested` names, else a
 * name match. Throws InputError naming the field and the indicators that exist.
 */
export async function populationIndicator(ws: Workspace, requested: string | undefined, period: string, regions: readonly string[], field: string): Promise<PopulationIndicator> {
  const have = await indicatorsFor(ws, period, regions);
  const complete = have.filter((x) => x.regions === regions.length);
  if (requested !== undefined) {
    const hit = have.find((x) => x.name === requested);
    if (!hit) throw new InputError(`${field}: no indicator "${requested}" in ${period} for the model's ${regions.length} regions; indicators there: ${listOf(have, regions.length)}`);
    if (hit.regions < regions.length) throw new InputError(`${field}: indicator "${requested}" has a value in ${period} for only ${hit.regions} of the model's ${regions.length} regions; complete indicators there: ${listOf(complete, regions.length)}`);
    const factor = personsPerUnit(hit.unit);
    if (factor === null) throw new InputError(`${field}: indicator "${requested}" is in ${hit.unit}, not a count of persons (persons, 人, 万人 ...); complete indicators in ${period}: ${listOf(complete, regions.length)}`);
    return { name: hit.name, unit: hit.unit, factor, note: null };
  }
  const rank = (name: string) => {
    const k = POPULATION_NAMES.indexOf(name.toLowerCase());
    return k >= 0 ? k : POPULATION_NAMES.length;
  };
  const candidates = complete
    .filter((x) => SAYS_POPULATION.test(x.name) && !NOT_A_COUNT.test(x.name) && personsPerUnit(x.unit) !== null)
    .sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
  if (!candidates.length) {
    throw new InputError(`${field}: no population indicator in ${period} for the model's ${regions.length} regions (none is named like population, 人口, 常住人口); name one of the indicators there: ${listOf(complete, regions.length)}`);
  }
  const pick = candidates[0];
  const others = candidates.slice(1).map((x) => x.name);
  // `population` is the documented default name: only another name is worth a note.
  const note = pick.name === 'population' ? null : coded('scenario.stay.populationFound', { indicator: pick.name, unit: pick.unit, period, others });
  return { name: pick.name, unit: pick.unit, factor: personsPerUnit(pick.unit)!, note };
}
