import { resolve } from 'node:path';
import { InputError } from '../../core/errors.ts';
import { coded } from '../../core/messages/index.ts';
import { polygonCentroid, sphericalArea, type AreaGeometry } from '../../core/geometry/index.ts';
import { boundaryCheck } from '../../io/geo/check-boundary.ts';
import { readGeoJson, GeoJsonError } from '../../io/geo/read-geojson.ts';
import { sha256OfFile } from '../../io/file-hash.ts';
import { type Workspace, guardReimport, matchableRegions, recordImport } from '../workspace.ts';
import { RegionMatcher, regionPlace } from '../../core/region-matcher.ts';
import { badBoundary, noCentroid } from './bad-boundary.ts';
import type { ImportSummary } from './import-flows.ts';

export interface ImportGeometryOptions {
  /** Feature property holding the region code or name (default: the first of code, id, name...). */
  key?: string;
  replace?: boolean;
}

const KEYS = ['code', 'region', 'region_code', 'id', 'adcode', 'tile_id', 'fips', 'nuts_id', 'name', 'name_zh', 'name_en'];

/**
 * Attaches boundaries from a GeoJSON file to regions already in the workspace, matched by a
 * property. Centroid and area are filled from the polygon where the registry has none.
 */
export async function importGeometry(ws: Workspace, file: string, options: ImportGeometryOptions = {}): Promise<ImportSummary> {
  const sha = await sha256OfFile(resolve(file)).catch(() => { throw new InputError(coded('file.notFound', {}), { file }); });
  let doc;
  try {
    doc = await readGeoJson(resolve(file));
  } catch (e) {
    if (e instanceof GeoJsonError) throw new InputError(e.text, { file, row: e.row });
    throw e;
  }
  const key = options.key ?? KEYS.find((k) => doc.header.includes(k));
  if (!key || !doc.header.includes(key)) throw new InputError(coded('imports.noKey', { properties: doc.header }), { file });
  const matcher = new RegionMatcher(await matchableRegions(ws));
  const updates: { code: string; geometry: string; lon: number | null; lat: number | null; area: number | null }[] = [];
  const featureOf = new Map<string, number>();
  doc.rows.forEach((r, i) => {
    const at = { file, row: i + 1, column: key };
    const v = r.properties[key];
    if (!v) throw new InputError(coded('imports.featureNoKey', { key }), at);
    const m = matcher.match(v);
    if (m.kind === 'ambiguous') throw new InputError(coded('region.ambiguous', { what: 'region', text: v, candidates: m.candidates.map(regionPlace) }), at);
    if (m.kind !== 'match') throw new InputError(coded('region.unknown', { what: 'region', text: v, closest: m.suggestions.map(regionPlace), groups: [] }), at);
    // Two boundaries for one region: the second would silently overwrite the first.
    const earlier = featureOf.get(m.code);
    if (earlier !== undefined) throw new InputError(coded('imports.boundaryTwice', { earlier, feature: i + 1, code: m.code }), at);
    featureOf.set(m.code, i + 1);
    const found = boundaryCheck(r.geometry);
    if (found) throw new InputError(badBoundary(m.code, found), { ...at, column: 'geometry' });
    const g = r.geometry as AreaGeometry;
    let area: number;
    let centre: [number, number];
    try {
      [area, centre] = [sphericalArea(g), polygonCentroid(g)];
    } catch (e) {
      if (e instanceof InputError) throw new InputError(noCentroid(m.code, e.message), { ...at, column: 'geometry' });
      throw e;
    }
    if (!(area > 0)) throw new InputError(coded('regions.holesCover', { code: m.code, area: String(area) }), { ...at, column: 'geometry' });
    updates.push({ code: m.code, geometry: JSON.stringify(g), lon: centre[0], lat: centre[1], area });
  });
  return ws.db.transaction(async () => {
    await guardReimport(ws, 'geometry', sha, file, options.replace ?? false, []);
    const id = await recordImport(ws, 'geometry', file, sha, updates.length, { key });
    for (const u of updates) {
      await ws.db.run(
        `UPDATE regions SET geometry = ?, centroid_lon = coalesce(centroid_lon, ?), centroid_lat = coalesce(centroid_lat, ?), area_km2 = coalesce(area_km2, ?) WHERE code = ?`,
        [u.geometry, u.lon, u.lat, u.area, u.code]);
    }
    return { importId: id, file, kind: 'geometry', rows: updates.length, format: 'geojson', encoding: 'utf-8', notes: [], messages: { notes: [] } };
  });
}
