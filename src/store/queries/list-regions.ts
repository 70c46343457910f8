import { listValue, type DuckDBValue } from '../duckdb/node-api.ts';
import { matchableRegions, type Workspace } from '../workspace.ts';
import { resolveRegionRef, withinCondition } from './resolve-ref.ts';

export interface RegionQuery {
  /** Text to look for in codes, names and aliases (case-insensitive), and as the region matcher reads it: traditional characters, pinyin, the start of a name. */
  search?: string;
  level?: string;
  /** Only regions inside this region or group (code or name). */
  within?: string;
  /** Include GeoJSON geometry (large); default false. */
  geometry?: boolean;
  limit?: number;
}

export interface RegionRow {
  code: string;
  name_zh: string | null;
  name_en: string | null;
  level: string;
  parent: string | null;
  centroid_lon: number | null;
  centroid_lat: number | null;
  area_km2: number | null;
  aliases: string[];
  geometry?: unknown;
}

/**
 * The order of the region tree: a region before its children, children by code (by code alone,
 * `regions CN` listed CN last, after its provinces). The key is the codes from the root down.
 */
const TREE_ORDER = '(SELECT list(a.ancestor ORDER BY a.depth DESC) FROM region_ancestors a WHERE a.code = regions.code)';

export async function listRegions(ws: Workspace, q: RegionQuery = {}): Promise<RegionRow[]> {
  const where: string[] = [];
  const params: DuckDBValue[] = [];
  if (q.search) {
    const like = `%${q.search.trim()}%`;
    // Loaded only for a search: the matcher loads OpenCC's and pinyin-pro's tables.
    const { RegionMatcher } = await import('../../core/region-matcher.ts');
    const matched = new RegionMatcher(await matchableRegions(ws)).search(q.search, { limit: 1000 }).map((r) => r.code);
    // DuckDB cannot bind an empty list (its item type is unknown): a search the matcher finds
    // nothing for leaves the clause out instead of failing as an internal error.
    const byMatcher = matched.length ? ' OR code IN (SELECT unnest(?::VARCHAR[]))' : '';
    where.push(`(code ILIKE ? OR name_zh ILIKE ? OR name_en ILIKE ? OR list_contains(list_transform(aliases, a -> lower(a)), lower(?))${byMatcher})`);
    params.push(like, like, like, q.search.trim(), ...(matched.length ? [listValue(matched)] : []));
  }
  if (q.level) {
    where.push('level = ?');
    params.push(q.level);
  }
  if (q.within) {
    const c = withinCondition('code', await resolveRegionRef(ws, q.within));
    where.push(c.sql);
    params.push(...c.params);
  }
  const limit = q.limit ?? 100000;
  const rows = await ws.db.all<RegionRow & { geometry: string | null }>(
    `SELECT code, name_zh, name_en, level, parent, centroid_lon, centroid_lat, area_km2, aliases${q.geometry ? ', geometry' : ''}
     FROM regions ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY ${TREE_ORDER}, code LIMIT ?`, [...params, limit]);
  return rows.map((r) => ({ ...r, aliases: [...r.aliases], ...(q.geometry ? { geometry: r.geometry ? JSON.parse(r.geometry) : null } : {}) }));
}

export interface GroupRow {
  code: string;
  name_zh: string | null;
  name_en: string | null;
  description: string | null;
  members: string[];
}

export async function listGroups(ws: Workspace): Promise<GroupRow[]> {
  const rows = await ws.db.all<GroupRow>('SELECT code, name_zh, name_en, description, members FROM region_groups ORDER BY code');
  return rows.map((r) => ({ ...r, members: [...r.members] }));
}
