import { resolve } from 'node:path';
import { listOfVarchar, listValue } from '../duckdb/node-api.ts';
import type { Geometry } from 'geojson';
import { InputError } from '../../core/errors.ts';
import { polygonCentroid, sphericalArea, type AreaGeometry } from '../../core/geometry/index.ts';
import { boundaryCheck } from '../../io/geo/check-boundary.ts';
import { badBoundary, noCentroid } from './bad-boundary.ts';
import { looksLikeWkt, wktToGeometry } from '../../io/geo/wkt.ts';
import { depthText, jsonDepthViolation } from '../../io/text/json-depth.ts';
import { sha256OfFile } from '../../io/file-hash.ts';
import { quoteIdent } from '../duckdb/database.ts';
import { stageFile, type StageOptions } from '../duckdb/stage.ts';
import { type Workspace, guardReimport, recordImport } from '../workspace.ts';
import { checkNumbers, RANGES } from './checks.ts';
import { normaliseHeader, parseMap, resolveRoles } from './column-roles.ts';
import type { ImportSummary } from './import-flows.ts';
import { insertWideIndicators, yearSuffixedColumns } from './wide-indicators.ts';
import { appendGroups } from './import-groups.ts';
import { completeFromRegistry, derivableGroups, fillBoundaries, loadReferenceRegistries, type RegionDraft } from './reference-registry.ts';
import { coded, type CodedMessage } from '../../core/messages/index.ts';
import { codedNotes } from './coded-notes.ts';

export interface ImportRegionsOptions extends StageOptions {
  map?: string;
  /** Level of every region in the file when it has no level column (e.g. city). */
  level?: string;
  /** Level of parents created from a parent-name column (e.g. province). */
  parentLevel?: string;
  /** Parent of regions (or created parents) that have none, e.g. CN; created (from the bundled registry, or as a bare country) if unknown. */
  root?: string;
  /**
   * Complete the file from the bundled registry its codes and names come from (data/<set>/regions.csv):
   * English names and aliases it lacks, the country of its top regions, the registry's standard groups
   * (China: NBS northeast, east, central, west). Default true.
   */
  registry?: boolean;
  /** Import `name_YYYY` numeric columns as indicators (default true). */
  indicators?: boolean;
  /** Source line stored with indicators taken from the file. */
  source?: string;
  replace?: boolean;
}

/** Han characters in any block (the extensions beyond U+FFFF included). */
const CJK = /\p{Script=Han}/u;
const LEVEL_WORDS: Record<string, string> = {
  省: 'province', 省级: 'province', 自治区: 'province', 直辖市: 'province', 市: 'city', 地级市: 'city', 地级: 'city', 地区: 'city', 州: 'city', 盟: 'city', 县: 'county', 区: 'county', 县级: 'county', 国家: 'country',
};
const HEADER_LEVEL: Record<string, string> = { city: 'city', province: 'province', county: 'county', 城市: 'city', 省份: 'province', 区县: 'county', state: 'state', country: 'country' };

type RegionRow = RegionDraft;

/**
 * Imports a region registry: codes, names, level, parent, centroid, area, geometry (WKT column or
 * GeoJSON) and aliases. Parents named in a parent-name column that are not yet known are built
 * from their children (area summed, centroid area-weighted), which is how the census city file
 * yields its provinces. Numeric `name_YYYY` columns come in as indicators for that year.
 */
export async function importRegions(ws: Workspace, file: string, options: ImportRegionsOptions = {}): Promise<ImportSummary> {
  const sha = await sha256OfFile(resolve(file)).catch(() => { throw new InputError(coded('file.notFound', {}), { file }); });
  const st = await stageFile(ws.db, file, options);
  const notes: CodedMessage[] = [];
  try {
    const roles = resolveRoles(st.columns, { required: ['code'], optional: ['name', 'name_en', 'level', 'parent', 'parent_name', 'centroid_lon', 'centroid_lat', 'area_km2', 'geometry', 'aliases'] }, parseMap(options.map, file), file);
    const RANGE_OF = { centroid_lon: RANGES.longitude, centroid_lat: RANGES.latitude, area_km2: RANGES.area } as const;
    for (const c of ['centroid_lon', 'centroid_lat', 'area_km2'] as const) if (roles.has(c)) await checkNumbers(ws.db, st, roles.get(c)!, { nonNegative: c === 'area_km2', range: RANGE_OF[c], what: c === 'area_km2' ? 'an area' : c === 'centroid_lon' ? 'a longitude' : 'a latitude' });
    const defaultLevel = options.level ?? (roles.has('name') ? HEADER_LEVEL[normaliseHeader(roles.get('name')!)] : undefined);
    if (!roles.has('level') && !defaultLevel) throw new InputError(coded('regions.noLevelColumn', {}), { file, row: 1 });
    const parentLevel = options.parentLevel ?? (roles.has('parent_name') ? HEADER_LEVEL[normaliseHeader(roles.get('parent_name')!)] ?? 'parent' : 'parent');

    const sel = ['code', 'name', 'name_en', 'level', 'parent', 'parent_name', 'centroid_lon', 'centroid_lat', 'area_km2', 'geometry', 'aliases']
      .map((r) => (roles.has(r) ? `trim(${quoteIdent(roles.get(r)!)})` : 'NULL') + ` AS ${r}`);
    const raw = await ws.db.all<Record<string, string | null> & { _row: bigint }>(`SELECT ${st.rowExpr} AS _row, ${sel.join(', ')} FROM ${quoteIdent(st.table)} s ORDER BY _row`);
    const rows: RegionRow[] = [];
    const parents = new Map<string, { name: string | null; children: RegionRow[] }>();
    const seen = new Map<string, number>();
    for (const r of raw) {
      const row = Number(r._row);
      const at = (column: string | undefined) => ({ file, row, column });
      if (!r.code) throw new InputError(coded('regions.missingCode', {}), at(roles.get('code')));
      if (seen.has(r.code)) throw new InputError(coded('regions.codeTwice', { code: r.code, first: seen.get(r.code)!, row }), at(roles.get('code')));
      seen.set(r.code, row);
      if (!r.level && !defaultLevel) throw new InputError(coded('regions.missingLevel', {}), at(roles.get('level')));
      let level = r.level ? LEVEL_WORDS[r.level] ?? r.level.toLowerCase() : defaultLevel!;
      if (!/^[a-z][a-z0-9_-]*$/.test(level)) {
        if (!defaultLevel) throw new InputError(coded('regions.notLevel', { level: r.level! }), at(roles.get('level')));
        level = defaultLevel;
      }
      let geometry: Geometry | null = null;
      const geometryColumn = st.geometries ? 'geometry' : roles.get('geometry');
      if (st.geometries) geometry = st.geometries.get(row) ?? null;
      else if (r.geometry) {
        if (!looksLikeWkt(r.geometry) && !r.geometry.startsWith('{')) throw new InputError(coded('regions.notGeometry', { start: r.geometry.slice(0, 40) }), at(roles.get('geometry')));
        const deep = r.geometry.startsWith('{') ? jsonDepthViolation(r.geometry) : null;
        if (deep) throw new InputError(depthText(deep), at(roles.get('geometry')));
        try {
          geometry = r.geometry.startsWith('{') ? (JSON.parse(r.geometry) as Geometry) : wktToGeometry(r.geometry);
        } catch {
          geometry = null;
        }
        if (!geometry) throw new InputError(coded('regions.badGeometry', { start: r.geometry.slice(0, 40) }), at(roles.get('geometry')));
      }
      // A GeoJSON file gives every region its boundary; in a table the cell may be blank.
      if (st.geometries || geometry) {
        const found = boundaryCheck(geometry);
        if (found) throw new InputError(badBoundary(r.code, found), at(geometryColumn));
      }
      const [area, centre] = geometry && isArea(geometry) ? measure(geometry, r.code, at(geometryColumn)) : [null, null];
      const name = r.name ?? null;
      // A name_zh column means Chinese names: one without a Han character would be dropped (it
      // became null), so it is refused instead. A plain "name" column may hold either.
      if (name && !CJK.test(name) && normaliseHeader(roles.get('name')!) === 'name_zh') {
        throw new InputError(coded('regions.notChineseName', { name: name.slice(0, 60) }), at(roles.get('name')));
      }
      const reg: RegionRow = {
        row, code: r.code, level,
        name_zh: name && CJK.test(name) ? name : null,
        name_en: r.name_en ?? (name && !CJK.test(name) ? name : null),
        parent: r.parent ?? null,
        lon: r.centroid_lon !== null ? num(r.centroid_lon) : centre?.[0] ?? null,
        lat: r.centroid_lat !== null ? num(r.centroid_lat) : centre?.[1] ?? null,
        area: r.area_km2 !== null ? num(r.area_km2) : area,
        geometry,
        aliases: r.aliases ? r.aliases.split(/[|;]/).map((a) => a.trim()).filter(Boolean) : [],
      };
      if (reg.lon !== null && (reg.lon < -180 || reg.lon > 180)) throw new InputError(coded('regions.longitude', { value: String(reg.lon) }), at(roles.get('centroid_lon')));
      if (reg.lat !== null && (reg.lat < -90 || reg.lat > 90)) throw new InputError(coded('regions.latitude', { value: String(reg.lat) }), at(roles.get('centroid_lat')));
      const ownParent = reg.parent === reg.code;
      if (ownParent) {
        // A unit that is its own parent (Hong Kong 810000 in the census file) is a top-level
        // unit of the parent level; special administrative regions get their own level. Its
        // parent is then the root (or the registry's country), never a region named after it.
        reg.level = name && name.endsWith('特别行政区') ? 'sar' : parentLevel;
        reg.parent = null;
      }
      if (reg.parent && !ownParent && roles.has('parent_name')) {
        const p = parents.get(reg.parent) ?? { name: r.parent_name ?? null, children: [] };
        p.children.push(reg);
        parents.set(reg.parent, p);
      }
      rows.push(reg);
    }
    return await ws.db.transaction(async () => {
      await guardReimport(ws, 'regions', sha, file, options.replace ?? false, ['regions']);
      const known = new Set((await ws.db.all<{ code: string }>('SELECT code FROM regions')).map((x) => x.code));
      const clash = rows.find((r) => known.has(r.code));
      if (clash && !options.replace) throw new InputError(coded('regions.inWorkspace', { code: clash.code }), { file, row: clash.row, column: roles.get('code') });
      const created: RegionRow[] = [];
      for (const [code, p] of parents) {
        if (known.has(code) || seen.has(code)) continue;
        created.push(buildParent(code, p.name, parentLevel, p.children));
      }
      const registries = options.registry === false ? [] : await loadReferenceRegistries(ws.db);
      const completion = completeFromRegistry([...created, ...rows], known, registries, options.root);
      created.unshift(...completion.added);
      const boundaries = completion.registry ? await fillBoundaries([...created, ...rows], completion.registry) : 0;
      const inFile = new Set([...rows, ...created].map((r) => r.code));
      for (const r of rows) {
        if (r.parent && !inFile.has(r.parent) && !known.has(r.parent)) {
          throw new InputError(coded('regions.unknownParent', { parent: r.parent, code: r.code }), { file, row: r.row, column: roles.get('parent') });
        }
      }
      await checkRegionTree(ws, [...created, ...rows], file, roles.get('parent'));
      const id = await recordImport(ws, 'regions', file, sha, rows.length + created.length, { level: defaultLevel, parentLevel, root: options.root, registry: completion.registry?.set });
      if (options.replace) await ws.db.run('DELETE FROM regions WHERE code IN (SELECT unnest(?::VARCHAR[]))', [listValue([...inFile])]);
      const app = await ws.db.conn.createAppender('regions');
      for (const r of [...created, ...rows]) {
        app.appendVarchar(r.code);
        nullable(app, r.name_zh);
        nullable(app, r.name_en);
        app.appendVarchar(r.level);
        nullable(app, r.parent);
        nullableNum(app, r.lon);
        nullableNum(app, r.lat);
        nullableNum(app, r.area);
        nullable(app, r.geometry ? JSON.stringify(r.geometry) : null);
        app.appendList(r.aliases, listOfVarchar());
        app.appendInteger(id);
        app.endRow();
      }
      app.closeSync();
      const built = created.length - completion.added.length;
      if (built) notes.push(coded('import.builtParents', { count: built, level: parentLevel, from: defaultLevel ?? '' }));
      notes.push(...await registryNotes(ws, completion, inFile, known, id));
      if (boundaries) notes.push(coded('import.boundaries', { count: boundaries, registry: completion.registry!.set }));
      if (options.indicators !== false) {
        const wide = yearSuffixedColumns(st.columns.filter((c) => ![...roles.values()].includes(c)));
        if (wide.length) {
          const n = await insertWideIndicators(ws, st, roles.get('code')!, wide, id, options.source ?? file);
          notes.push(coded('import.yearColumns', { values: n, columns: wide.length, names: [...new Set(wide.map((w) => w.name))].slice(0, 6) }));
          // Only parents built from their members: a country from the registry has members
          // (provinces, Hong Kong) whose own totals are not all in this file.
          if (built) {
            const s = await sumPopulationIndicators(ws, id, created.slice(completion.added.length).map((c) => c.code));
            if (s) notes.push(coded('import.populationSummed', { count: s }));
          }
        }
      }
      return { importId: id, file, kind: 'regions', rows: rows.length + created.length, format: st.format, encoding: st.encoding, ...codedNotes(notes) };
    });
  } finally {
    await st.drop().catch(() => {});
  }
}

/** Ranks of the level words whose order is known; other words are not compared. */
const LEVEL_RANK: Record<string, number> = { country: 0, province: 1, sar: 1, state: 1, region: 1, city: 2, prefecture: 2, county: 3, district: 3, township: 4 };

/**
 * The region tree stays a tree: no region is its own ancestor (a cycle made province roll-ups
 * count flows several times over) and a parent sits at a higher level than its child where both
 * levels are known words. Checked over the stored regions and the file's together, before writing.
 */
async function checkRegionTree(ws: Workspace, rows: RegionRow[], file: string, parentColumn: string | undefined): Promise<void> {
  const stored = await ws.db.all<{ code: string; parent: string | null; level: string }>('SELECT code, parent, level FROM regions');
  const parentOf = new Map(stored.map((r) => [r.code, r.parent]));
  const levelOf = new Map(stored.map((r) => [r.code, r.level]));
  for (const r of rows) {
    parentOf.set(r.code, r.parent);
    levelOf.set(r.code, r.level);
  }
  for (const r of rows) {
    const at = { file, row: r.row > 0 ? r.row : undefined, column: parentColumn };
    const chain = [r.code];
    for (let p = parentOf.get(r.code); p; p = parentOf.get(p)) {
      if (p === r.code || chain.includes(p)) throw new InputError(coded('regions.parentCircle', { code: r.code, chain: [...chain, p] }), at);
      chain.push(p);
    }
    const [mine, theirs] = [LEVEL_RANK[r.level], r.parent ? LEVEL_RANK[levelOf.get(r.parent) ?? ''] : undefined];
    if (r.parent && mine !== undefined && theirs !== undefined && theirs >= mine) {
      throw new InputError(coded('regions.parentNotAbove', { parent: r.parent, code: r.code, parentLevel: String(levelOf.get(r.parent)), level: r.level }), at);
    }
  }
}

/**
 * What the bundled registry added (see reference-registry.ts), and its standard groups that the
 * workspace now holds every member of and that no group of the same code already stands for.
 */
async function registryNotes(ws: Workspace, c: ReturnType<typeof completeFromRegistry>, inFile: ReadonlySet<string>, known: ReadonlySet<string>, importId: number): Promise<CodedMessage[]> {
  const notes: CodedMessage[] = [];
  const reg = c.registry;
  if (reg && c.named) notes.push(coded('import.registryNamed', { count: c.named, registry: reg.set }));
  for (const a of c.added) notes.push(coded('import.createdRoot', { code: a.code, zh: a.name_zh || null, en: a.name_en || null, level: a.level }));
  if (!reg) return notes;
  const existing = new Set((await ws.db.all<{ code: string }>('SELECT code FROM region_groups')).map((g) => g.code));
  const groups = derivableGroups(reg, new Set([...inFile, ...known])).filter((g) => !existing.has(g.code));
  if (groups.length) {
    await appendGroups(ws, groups, importId);
    notes.push(coded('import.groups', { groups: groups.map((g) => g.code), registry: reg.set, description: groups[0].description ?? '', descriptionZh: groups[0].description_zh }));
  }
  return notes;
}

function buildParent(code: string, name: string | null, level: string, children: RegionRow[]): RegionRow {
  let area = 0, lon = 0, lat = 0, w = 0;
  for (const c of children) {
    if (c.area !== null) area += c.area;
    if (c.lon !== null && c.lat !== null) {
      const wt = c.area ?? 1;
      lon += c.lon * wt;
      lat += c.lat * wt;
      w += wt;
    }
  }
  return {
    row: children[0].row, code, level, parent: null, geometry: null, aliases: [],
    name_zh: name && CJK.test(name) ? name : null, name_en: name && !CJK.test(name) ? name : null,
    lon: w ? lon / w : null, lat: w ? lat / w : null, area: area || null,
  };
}

/** Persons-counted indicators of built parents are the sum over their members (if all present). */
async function sumPopulationIndicators(ws: Workspace, importId: number, parents: string[]): Promise<number> {
  const before = await ws.db.one<{ n: bigint }>('SELECT count(*) AS n FROM indicators WHERE import_id = ?', [importId]);
  await ws.db.run(
    `INSERT INTO indicators (import_id, region, period, period_start, period_end, name, value, unit, source, header, source_zh)
     SELECT ?, r.parent, i.period, any_value(i.period_start), any_value(i.period_end), i.name, sum(i.value), any_value(i.unit), any_value(i.source) || ' (sum of members)', any_value(i.header),
            any_value(i.source_zh) || '（各成员之和）'
     FROM indicators i JOIN regions r ON r.code = i.region
     WHERE i.import_id = ? AND i.unit = 'persons' AND r.parent IN (SELECT unnest(?::VARCHAR[]))
     GROUP BY r.parent, i.period, i.name`, [importId, importId, listValue(parents)]);
  const after = await ws.db.one<{ n: bigint }>('SELECT count(*) AS n FROM indicators WHERE import_id = ?', [importId]);
  return Number(after!.n) - Number(before!.n);
}

/** Spherical area and planar centroid, with a failure named by region and place. */
function measure(g: AreaGeometry, code: string, where: { file: string; row: number; column: string | undefined }): [number, [number, number]] {
  const area = sphericalArea(g);
  // Planar holes smaller than their ring can still be larger on the sphere (nearer the equator).
  if (!(area > 0)) throw new InputError(coded('regions.holesCover', { code, area: String(area) }), where);
  try {
    return [area, polygonCentroid(g)];
  } catch (e) {
    if (e instanceof InputError) throw new InputError(noCentroid(code, e.message), where);
    throw e;
  }
}

function isArea(g: Geometry): g is Geometry & AreaGeometry {
  return g.type === 'Polygon' || g.type === 'MultiPolygon';
}
function num(s: string): number {
  return Number(s.replace(/,/g, ''));
}
type Appender = Awaited<ReturnType<Workspace['db']['conn']['createAppender']>>;
function nullable(app: Appender, v: string | null): void {
  if (v === null) app.appendNull();
  else app.appendVarchar(v);
}
function nullableNum(app: Appender, v: number | null): void {
  if (v === null || !Number.isFinite(v)) app.appendNull();
  else app.appendDouble(v);
}
