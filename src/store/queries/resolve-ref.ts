import { InputError } from '../../core/errors.ts';
import { coded } from '../../core/messages/index.ts';
import { type Workspace, matchableRegions } from '../workspace.ts';

export type RegionRef = { kind: 'region'; code: string } | { kind: 'group'; code: string; members: string[] };

/**
 * Resolves what a user types for a filter (a region code or name, or a group code or name such
 * as "northeast" / 东北地区 / 東北地區 / 东北) to a region or a group. Region names match as everywhere
 * (traditional characters, pinyin, any case), and here also by their start ("Shenz", "哈尔"):
 * a filter is typed by a person who sees the answer, unlike a cell of an imported file.
 */
export async function resolveRegionRef(ws: Workspace, text: string, what = 'region'): Promise<RegionRef> {
  // Loaded here: the matcher's name keys load OpenCC's and pinyin-pro's tables, which the many
  // commands that import this module without a region to resolve should not pay for at start-up.
  const [{ RegionMatcher, normaliseName, regionPlace, stripSuffix }, { simplified }] = await Promise.all([import('../../core/region-matcher.ts'), import('../../core/name-keys.ts')]);
  const groups = await ws.db.all<{ code: string; name_zh: string | null; name_en: string | null; members: string[] }>(
    'SELECT code, name_zh, name_en, members FROM region_groups');
  const t = simplified(normaliseName(text));
  // A group's name also without its suffix, as people say it: 东北 / 東北 for 东北地区.
  const g = groups.find((x) => [x.code, x.name_zh, x.name_en].some((n) => n && (normaliseName(n) === t || stripSuffix(simplified(normaliseName(n))) === stripSuffix(t))));
  if (g) return { kind: 'group', code: g.code, members: [...g.members] };
  const matcher = new RegionMatcher(await matchableRegions(ws));
  const m = matcher.match(text, undefined, { prefix: true });
  if (m.kind === 'match') return { kind: 'region', code: m.code };
  if (m.kind === 'ambiguous') throw new InputError(coded('region.ambiguous', { what, text, candidates: m.candidates.map(regionPlace) }));
  throw new InputError(coded('region.unknown', { what, text, closest: m.suggestions.map(regionPlace), groups: groups.map((x) => x.code) }));
}

/** SQL condition "column is the region/group or lies inside it", with its parameters. */
export function withinCondition(column: string, ref: RegionRef): { sql: string; params: string[] } {
  const codes = ref.kind === 'group' ? ref.members : [ref.code];
  const marks = codes.map(() => '?').join(', ');
  return { sql: `${column} IN (SELECT code FROM region_ancestors WHERE ancestor IN (${marks}))`, params: codes };
}
