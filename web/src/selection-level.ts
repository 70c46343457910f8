import { CASES, state, type State } from './state.ts';

/**
 * A link's selected region and the map's level agree before anything is drawn: a link may name a
 * city while its level (or, naming none, the case's default) is province, and the region panel
 * would then ask for a city's summary among provinces, which the server refuses (400). The level
 * follows the region, which is what the link is about, where the case maps the region's level;
 * a region the case does not map (an old link, another workspace) is dropped from the link.
 */
export function agreeWithSelection(patch: Partial<State>, level: string, regionLevel: string | undefined, levels: readonly string[]): Partial<State> {
  if (!patch.selected || regionLevel === level) return patch;
  if (regionLevel !== undefined && levels.includes(regionLevel)) return { ...patch, level: regionLevel };
  const rest = { ...patch };
  delete rest.selected;
  return rest;
}

/**
 * The state a link asks for, its level made to agree with its selected region, looked up among
 * the case's regions (`regionsOf`: GET /api/regions; pure here, so it is tested in Node).
 */
export async function withSelectionLevel(patch: Partial<State>, regionsOf: (q: { within: string | undefined; limit: number }) => Promise<{ code: string; level: string }[]>): Promise<Partial<State>> {
  const c = CASES[patch.caseId ?? state.caseId];
  if (!patch.selected || !c) return patch;
  const regions = await regionsOf({ within: c.within, limit: 100000 }).catch(() => []);
  const level = patch.level ?? (patch.caseId !== undefined ? c.defaultLevel : state.level);
  return agreeWithSelection(patch, level, regions.find((r) => r.code === patch.selected)?.level, c.levels);
}
