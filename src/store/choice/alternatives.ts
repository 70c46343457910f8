import { listValue } from '../duckdb/node-api.ts';
import { SpecError } from '../../core/errors.ts';
import { coded, type CodedMessage, type Place } from '../../core/messages/index.ts';
import { resolveRegionRef, withinCondition } from '../queries/resolve-ref.ts';
import type { Workspace } from '../workspace.ts';
import type { PersonFilter } from './situations.ts';

/** A region of the workspace with what a choice set needs of it. */
export interface ChoiceRegion {
  readonly code: string;
  /** Its Chinese name, else its English one, else its code (as the choice set's notes and labels write it). */
  readonly name: string;
  readonly name_zh: string | null;
  readonly name_en: string | null;
  /** [lon, lat] of its centroid, or null when the registry has none. */
  readonly centroid: readonly [number, number] | null;
  /** The macro-region group it (or an ancestor) belongs to, or null. */
  readonly macro: string | null;
}

export interface ChoiceUniverse {
  /** The alternatives: regions at the level inside `within`, by code. */
  readonly alternatives: readonly ChoiceRegion[];
  /** Every region of the registry by code (homes and study places may lie outside the alternatives). */
  readonly regions: ReadonlyMap<string, ChoiceRegion>;
  /** The region or group code the alternatives lie in, and how it was chosen. */
  readonly within: string;
  /** The same with its names (a group's from region_groups), for messages that name it in a front-end's language. */
  readonly withinPlace: Place;
  readonly notes: CodedMessage[];
}

/**
 * The regions at `level` inside `within` (a region or group code or name), or inside the country
 * most of the selected persons' destinations lie in, with names, centroids and macro-region.
 */
export async function choiceUniverse(ws: Workspace, level: string, within: string | undefined, macroRegions: readonly string[], personFilter: PersonFilter): Promise<ChoiceUniverse> {
  const notes: CodedMessage[] = [];
  let withinCode = within;
  let country: { most: boolean } | null = null;
  if (withinCode === undefined) {
    const countries = await ws.db.all<{ country: string; n: bigint }>(
      `SELECT ra.ancestor AS country, count(*) AS n FROM persons p JOIN region_ancestors ra ON ra.code = p.destination AND ra.ancestor_level = 'country'
       ${personFilter.sql ? `WHERE ${personFilter.sql}` : ''} GROUP BY 1 ORDER BY n DESC, country`, personFilter.params);
    if (countries.length === 0) throw new SpecError(coded('choicefit.noCountry', {}), 'within');
    withinCode = countries[0].country;
    country = { most: countries.length > 1 };
  }
  const ref = await resolveRegionRef(ws, withinCode, 'within');
  const cond = withinCondition('r.code', ref);
  const rows = await ws.db.all<{ code: string; name_zh: string | null; name_en: string | null; centroid_lon: number | null; centroid_lat: number | null }>(
    'SELECT code, name_zh, name_en, centroid_lon, centroid_lat FROM regions r', []);
  const macroRows = await ws.db.all<{ code: string; grp: string }>(
    `SELECT ra.code, g.code AS grp FROM region_ancestors ra
     JOIN (SELECT code, unnest(members) AS member FROM region_groups WHERE list_contains(?::VARCHAR[], code)) g ON g.member = ra.ancestor`,
    [listValue([...macroRegions])]);
  const macro = new Map<string, string>();
  for (const r of macroRows) if (!macro.has(r.code)) macro.set(r.code, r.grp);
  const regions = new Map<string, ChoiceRegion>();
  for (const r of rows) {
    const centroid = r.centroid_lon === null || r.centroid_lat === null ? null : ([r.centroid_lon, r.centroid_lat] as const);
    regions.set(r.code, { code: r.code, name: r.name_zh ?? r.name_en ?? r.code, name_zh: r.name_zh, name_en: r.name_en, centroid, macro: macro.get(r.code) ?? null });
  }
  const named = ref.kind === 'region' ? regions.get(ref.code) : await ws.db.one<{ name_zh: string | null; name_en: string | null }>('SELECT name_zh, name_en FROM region_groups WHERE code = ?', [ref.code]);
  const withinPlace: Place = { code: ref.code, zh: named?.name_zh ?? null, en: named?.name_en ?? null };
  // The country chosen for the user, named once its names are known.
  if (country) notes.push(coded('choice.note.alternativesCountry', { level, within: withinCode, area: withinPlace, most: country.most }));
  const inside = await ws.db.all<{ code: string }>(`SELECT code FROM regions r WHERE r.level = ? AND ${cond.sql} ORDER BY code`, [level, ...cond.params]);
  if (inside.length < 2) {
    const levels = await ws.db.all<{ level: string }>(`SELECT DISTINCT level FROM regions r WHERE ${cond.sql} ORDER BY level`, cond.params);
    throw new SpecError(coded('choicefit.tooFewRegions', { count: inside.length, level, within: withinCode, area: withinPlace, levels: levels.map((l) => l.level) }), 'level');
  }
  return { alternatives: inside.map((r) => regions.get(r.code)!), regions, within: ref.code, withinPlace, notes };
}

/** Group codes of `macroRegions` that the workspace lacks (same_macro_region and macro nests need them). */
export async function missingGroups(ws: Workspace, codes: readonly string[]): Promise<string[]> {
  const rows = await ws.db.all<{ code: string }>('SELECT code FROM region_groups WHERE list_contains(?::VARCHAR[], code)', [listValue([...codes])]);
  const have = new Set(rows.map((r) => r.code));
  return codes.filter((c) => !have.has(c));
}
