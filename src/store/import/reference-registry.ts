import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Geometry } from 'geojson';
import { z } from 'zod';
import { polygonCentroid, sphericalArea } from '../../core/geometry/index.ts';
import { simplified } from '../../core/name-keys.ts';
import { stripSuffix } from '../../core/region-matcher.ts';
import { regionGroupSchema } from '../../core/schema/region.ts';
import { BUNDLED_DATA_DIR } from '../bundled-data.ts';
import type { Database } from '../duckdb/database.ts';
import type { RegionRow } from '../queries/list-regions.ts';

/**
 * The bundled region registries (data/<set>/regions.csv and groups.json, each with its source in
 * data/<set>/SOURCE.md) as a reference for a region file a user brings: a file whose codes and
 * names are those of a registry (the census city file of China, a list of Korea's regions) gets
 * from it what the file does not say: the country its top regions belong to, English names and
 * aliases of the regions the file names in Chinese only (and of the provinces built from a
 * parent-name column), and the registry's standard groups, e.g. China's four economic regions
 * of the National Bureau of Statistics (国家统计局《东西中部和东北地区划分方法》, 2011: Northeast
 * 3, East 10, Central 6 and West 12 provinces; Hong Kong and Macao in none), data/china/groups.json.
 */
/** A row of a registry's regions.csv, in the shape listRegions returns. */
export type ReferenceRegion = Omit<RegionRow, 'geometry'>;

export interface ReferenceRegistry {
  /** Folder name under data/ (china, korea, ...). */
  set: string;
  file: string;
  regions: Map<string, ReferenceRegion>;
  groups: RegistryGroup[];
  groupsFile: string | null;
}

/** A bundled group (data/<set>/groups.json) with its description in Chinese too, for the note of the import that derives it. */
const registryGroupSchema = regionGroupSchema.extend({ description_zh: z.string().nullable().default(null) });
export type RegistryGroup = z.infer<typeof registryGroupSchema>;

/** Share of a file's regions that must agree with a registry (code and name) for it to be used. */
const MIN_AGREEMENT = 0.5;

const toNumber = (s: string | null) => (s === null || s === '' ? null : Number(s));

/** Every bundled registry (folders of data/ with a regions.csv). */
export async function loadReferenceRegistries(db: Database, dir = BUNDLED_DATA_DIR): Promise<ReferenceRegistry[]> {
  if (!existsSync(dir)) return [];
  const out: ReferenceRegistry[] = [];
  for (const set of readdirSync(dir).sort()) {
    const file = join(dir, set, 'regions.csv');
    if (!existsSync(file)) continue;
    const rows = await db.all<Record<string, string | null>>('SELECT * FROM read_csv(?, header = true, all_varchar = true)', [file]);
    const regions = new Map<string, ReferenceRegion>();
    for (const r of rows) {
      if (!r.code || !r.level) continue;
      regions.set(r.code, {
        code: r.code, name_zh: r.name_zh || null, name_en: r.name_en || null, level: r.level, parent: r.parent || null,
        centroid_lon: toNumber(r.centroid_lon), centroid_lat: toNumber(r.centroid_lat), area_km2: toNumber(r.area_km2),
        aliases: r.aliases ? r.aliases.split('|').map((a) => a.trim()).filter(Boolean) : [],
      });
    }
    const groupsFile = join(dir, set, 'groups.json');
    const groups = existsSync(groupsFile) ? z.array(registryGroupSchema).parse(JSON.parse(await readFile(groupsFile, 'utf8'))) : [];
    out.push({ set, file, regions, groups, groupsFile: existsSync(groupsFile) ? groupsFile : null });
  }
  return out;
}

const key = (s: string) => simplified(stripSuffix(s));

/** Whether a region of a file is the registry's region of the same code: a name in common, or no name to compare. */
export function sameRegion(row: { name_zh: string | null; name_en: string | null; aliases: readonly string[] }, ref: ReferenceRegion): boolean {
  const mine = [row.name_zh, row.name_en, ...row.aliases].filter((n): n is string => !!n).map(key);
  if (!mine.length) return true;
  const theirs = new Set([ref.name_zh, ref.name_en, ...ref.aliases].filter((n): n is string => !!n).map(key));
  return mine.some((n) => theirs.has(n));
}

/**
 * The registry a file's regions come from: the one whose codes and names most of them share
 * (at least half), or null. A file of other codes, or the same codes with other names (another
 * country's scheme), gets nothing from any registry.
 */
export function detectRegistry(rows: readonly { code: string; name_zh: string | null; name_en: string | null; aliases: readonly string[] }[], registries: readonly ReferenceRegistry[]): ReferenceRegistry | null {
  let best: { reg: ReferenceRegistry; n: number } | null = null;
  for (const reg of registries) {
    let n = 0;
    for (const r of rows) {
      const ref = reg.regions.get(r.code);
      if (ref && sameRegion(r, ref)) n++;
    }
    if (n && (!best || n > best.n)) best = { reg, n };
  }
  return best && best.n >= MIN_AGREEMENT * rows.length ? best.reg : null;
}

/** The registry's groups all of whose members are among `present` (a group is never half made). */
export function derivableGroups(reg: ReferenceRegistry, present: ReadonlySet<string>): RegistryGroup[] {
  return reg.groups.filter((g) => g.members.every((m) => present.has(m)));
}

/** A region of a file being imported, as src/store/import/import-regions.ts builds it. */
export interface RegionDraft {
  row: number; code: string; name_zh: string | null; name_en: string | null; level: string; parent: string | null;
  lon: number | null; lat: number | null; area: number | null; geometry: Geometry | null; aliases: string[];
}

export interface Completion {
  /** The registry the file's regions come from, or null. */
  registry: ReferenceRegistry | null;
  /** Regions to create: ancestors from the registry (e.g. the country CN), or the `root` asked for. */
  added: RegionDraft[];
  /** Regions given names or aliases from the registry. */
  named: number;
}

const draftOf = (r: ReferenceRegion): RegionDraft => ({
  row: 0, code: r.code, name_zh: r.name_zh, name_en: r.name_en, level: r.level, parent: r.parent,
  lon: r.centroid_lon, lat: r.centroid_lat, area: r.area_km2, geometry: null, aliases: [...r.aliases],
});

/**
 * Completes a file's regions (in place) from the registry they come from: names and aliases
 * the file lacks; a parent for regions that have none (`root` if given, else the registry's
 * parent, e.g. CN for China's provinces, Hong Kong and Macao); and the ancestors that neither
 * the file nor the workspace holds, from the registry (a `root` outside every registry becomes
 * a bare country region of that code).
 */
export function completeFromRegistry(drafts: RegionDraft[], known: ReadonlySet<string>, registries: readonly ReferenceRegistry[], root?: string): Completion {
  const registry = detectRegistry(drafts, registries);
  const refOf = (d: RegionDraft) => {
    const ref = registry?.regions.get(d.code);
    return ref && sameRegion(d, ref) ? ref : undefined;
  };
  let named = 0;
  for (const d of drafts) {
    const ref = refOf(d);
    if (!ref) continue;
    const before = `${d.name_zh}|${d.name_en}|${d.aliases.length}`;
    d.name_zh ??= ref.name_zh;
    d.name_en ??= ref.name_en;
    if (!d.aliases.length) d.aliases = [...ref.aliases];
    if (before !== `${d.name_zh}|${d.name_en}|${d.aliases.length}`) named++;
  }
  for (const d of drafts) {
    if (d.parent || d.level === 'country') continue;
    if (root) d.parent = root === d.code ? null : root;
    else d.parent = refOf(d)?.parent ?? null;
  }
  const have = new Set([...known, ...drafts.map((d) => d.code)]);
  const added: RegionDraft[] = [];
  const queue = [...new Set(drafts.map((d) => d.parent).filter((p): p is string => !!p))];
  for (let code = queue.shift(); code !== undefined; code = queue.shift()) {
    if (have.has(code)) continue;
    const ref = registry?.regions.get(code) ?? (code === root ? registries.find((r) => r.regions.has(code))?.regions.get(code) : undefined);
    if (ref) {
      added.push(draftOf(ref));
      if (ref.parent) queue.push(ref.parent);
    } else if (code === root) {
      added.push({ row: 0, code, name_zh: null, name_en: null, level: 'country', parent: null, lon: null, lat: null, area: null, geometry: null, aliases: [] });
    } else continue;
    have.add(code);
  }
  return { registry, added, named };
}

/**
 * Boundaries the registry ships (data/<set>/regions.geojson) for regions of the file that have
 * none, e.g. the provinces built from the census city file, so a province map is drawn with
 * polygons, with the centroid and area they give where the file has none. Returns how many were filled.
 */
export async function fillBoundaries(drafts: RegionDraft[], registry: ReferenceRegistry): Promise<number> {
  const wanted = drafts.filter((d) => !d.geometry && registry.regions.has(d.code) && sameRegion(d, registry.regions.get(d.code)!));
  const file = join(BUNDLED_DATA_DIR, registry.set, 'regions.geojson');
  if (!wanted.length || !existsSync(file)) return 0;
  const doc = JSON.parse(await readFile(file, 'utf8')) as { features: { properties: { code?: string }; geometry: Geometry | null }[] };
  const byCode = new Map(doc.features.filter((f) => f.properties?.code && f.geometry).map((f) => [String(f.properties.code), f.geometry!]));
  let n = 0;
  for (const d of wanted) {
    const g = byCode.get(d.code);
    if (g) {
      d.geometry = g;
      // The centre and area a boundary in the file would have given: the map places the region
      // and a gravity model measures its distances by them (a file of province codes alone had none).
      if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
        if (d.lon === null || d.lat === null) [d.lon, d.lat] = polygonCentroid(g);
        d.area ??= sphericalArea(g);
      }
      n++;
    }
  }
  return n;
}
