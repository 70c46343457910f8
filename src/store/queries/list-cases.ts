import { listValue } from '../duckdb/node-api.ts';
import type { CasePeriod, CaseSource, WorkspaceCase } from '../../core/workspace-case.ts';
import type { Workspace } from '../workspace.ts';

export type { CasePeriod, CaseSource, WorkspaceCase };

/** Bounds of a case: a region this many degrees apart from all others is an outlier; no region counts wider than MAX_HALF either side. */
const GAP = 5;
const MAX_HALF = 3;
/** A level of fewer regions is no map (New York State alone above its counties). */
const MIN_MAP_REGIONS = 3;
/** Census intervals are at least this many years long: yearly population series would otherwise offer every year's change. */
const MIN_CENSUS_INTERVAL = 5;

/**
 * The cases a dashboard can show, read from what the workspace holds (nothing about a country is
 * built in): one per country region with regions under it, and "your data" for regions under no
 * country. Each case says which levels make a map (the most common level at each depth of the
 * tree: provinces, then cities; Hong Kong and Macao, a level of two, are not a map of their own),
 * which periods have flows touching its regions and which census intervals have populations to
 * map the change of, its groups (scopes of flow lines), where it lies, the indicators its regions
 * have, and the sources its data name (the source fields of its indicators and stock tables, the
 * source of each flow import or estimate, else the file name).
 */
export async function listCases(ws: Workspace): Promise<Omit<WorkspaceCase, 'rankExamples'>[]> {
  const countries = await ws.db.all<{ code: string; name_zh: string | null; name_en: string | null }>(
    "SELECT code, name_zh, name_en FROM regions WHERE level = 'country' ORDER BY code");
  const cases: Omit<WorkspaceCase, 'rankExamples'>[] = [];
  for (const c of countries) {
    // Regions under the country and their depth below it.
    const members = await ws.db.all<{ code: string; depth: number }>(
      'SELECT code, depth FROM region_ancestors WHERE ancestor = ? AND depth > 0', [c.code]);
    if (members.length) cases.push(await describeCase(ws, c.code.toLowerCase(), c.code, { name_zh: c.name_zh, name_en: c.name_en }, members));
  }
  const orphans = await ws.db.all<{ code: string; depth: number }>(
    `SELECT code, max(depth) AS depth FROM region_ancestors GROUP BY code
     HAVING NOT bool_or(ancestor_level = 'country')`);
  if (orphans.length) cases.push(await describeCase(ws, 'data', null, { name_zh: '你的数据', name_en: 'Your data' }, orphans));
  // The case with the most regions first: it is the one the dashboard opens on.
  return cases.filter((x) => x.levels.length).sort((a, b) => b.regions - a.regions || a.id.localeCompare(b.id));
}

async function describeCase(ws: Workspace, id: string, within: string | null, names: { name_zh: string | null; name_en: string | null }, members: { code: string; depth: number }[]): Promise<Omit<WorkspaceCase, 'rankExamples'>> {
  const codes = listValue(members.map((m) => m.code));
  const set = 'SELECT unnest(?::VARCHAR[])';
  // n: regions of a level at a depth; shapes: those with stored boundaries.
  const levelRows = await ws.db.all<{ depth: number; level: string; n: bigint; shapes: bigint }>(
    `SELECT m.depth, r.level, count(*) AS n, count(r.geometry) AS shapes FROM regions r JOIN (SELECT unnest(?::VARCHAR[]) AS code, unnest(?::INTEGER[]) AS depth) m ON m.code = r.code
     GROUP BY m.depth, r.level ORDER BY m.depth, n DESC, r.level`, [codes, listValue(members.map((m) => Number(m.depth)))]);
  const levels: string[] = [];
  for (const r of levelRows) {
    const taken = levelRows.some((o) => o.depth === r.depth && levels.includes(o.level));
    if (!taken && !levels.includes(r.level) && Number(r.n) >= MIN_MAP_REGIONS) levels.push(r.level);
  }
  const defaultLevel = levels[0] ?? '';
  const boundaries = levels.filter((l) => levelRows.some((r) => r.level === l && Number(r.shapes) > 0));
  const regionCodes = (await ws.db.all<{ code: string }>('SELECT code FROM regions WHERE level = ? AND code IN (SELECT unnest(?::VARCHAR[])) ORDER BY code', [defaultLevel, codes])).map((r) => r.code);

  const flowRows = await ws.db.all<{ period: string; start: number; end: number; estimated: boolean; n: bigint; atLevel: bigint }>(
    `SELECT f.period, min(f.period_start) AS start, max(f.period_end) AS "end", bool_or(i.kind = 'estimate') AS estimated, count(*) AS n,
            count(*) FILTER (WHERE o.level = ? AND d.level = ?) AS "atLevel"
     FROM flows f JOIN imports i ON i.id = f.import_id JOIN regions o ON o.code = f.origin JOIN regions d ON d.code = f.destination
     WHERE f.origin IN (${set}) OR f.destination IN (${set}) GROUP BY f.period ORDER BY "end", start`, [defaultLevel, defaultLevel, codes, codes]);
  const periods: CasePeriod[] = flowRows.map((r) => ({ period: r.period, kind: 'flows', estimated: r.estimated, flows: Number(r.n) }));
  const years = (await ws.db.all<{ y: number }>(
    `SELECT DISTINCT period_start AS y FROM indicators WHERE name = 'population' AND period_start = period_end AND region IN (${set}) ORDER BY y`, [codes])).map((r) => r.y);
  for (let i = 1; i < years.length; i++) {
    const period = `${years[i - 1]}-${years[i]}`;
    if (years[i] - years[i - 1] >= MIN_CENSUS_INTERVAL && !periods.some((p) => p.period === period)) periods.push({ period, kind: 'population', estimated: false, flows: 0 });
  }
  // By first year, then last: 2010-2020, 2019, 2020, 2021.
  const startOf = (p: string) => Number(p.slice(0, 4));
  const endOf = (p: string) => Number(p.slice(-4));
  periods.sort((a, b) => startOf(a.period) - startOf(b.period) || endOf(a.period) - endOf(b.period));
  const atLevel = flowRows.filter((r) => Number(r.atLevel) > 0);
  const defaultPeriod = atLevel.at(-1)?.period ?? flowRows.at(-1)?.period ?? periods.at(-1)?.period ?? null;

  const groups = (await ws.db.all<{ code: string; name_zh: string | null; name_en: string | null }>(
    `SELECT code, name_zh, name_en FROM region_groups
     WHERE len(list_filter(members, m -> NOT list_contains(?::VARCHAR[], m))) = 0 ORDER BY import_id, rowid`, [codes]));

  const points = await ws.db.all<{ lon: number; lat: number; half: number | null }>(
    `SELECT centroid_lon AS lon, centroid_lat AS lat, sqrt(area_km2) / 2 / 111.32 AS half FROM regions
     WHERE code IN (${set}) AND level IN (SELECT unnest(?::VARCHAR[])) AND centroid_lon IS NOT NULL AND centroid_lat IS NOT NULL`, [codes, listValue(levels)]);
  const bounds = boundsOf(points);

  const indicators = (await ws.db.all<{ name: string; unit: string | null; level: string; periods: string[]; regions: bigint }>(
    `SELECT i.name, any_value(i.unit) AS unit, r.level, list(DISTINCT i.period ORDER BY i.period) AS periods, count(DISTINCT i.region) AS regions
     FROM indicators i JOIN regions r ON r.code = i.region
     WHERE i.region IN (${set}) AND r.level IN (SELECT unnest(?::VARCHAR[])) GROUP BY i.name, r.level ORDER BY r.level, i.name`, [codes, listValue(levels)]))
    .map((r) => ({ ...r, periods: [...r.periods], regions: Number(r.regions) }));

  return {
    id, within, ...names, levels, boundaries, defaultLevel, periods, defaultPeriod, groups, bounds, regions: members.length, regionCodes, indicators,
    sources: await caseSources(ws, codes),
  };
}

const fileName = (s: string) => (/[\\/]/.test(s) && /\.\w{2,8}$/.test(s) ? s.split(/[\\/]/).pop()! : s);

/** What follows a semicolon is a note on some rows (cities left out, a unit inferred), not another source. */
const sourceLine = (text: string | null) => text && fileName(text.replace(/ \(sum of members\)$|（各成员之和）$/, '').split(/[;；]/)[0].trim());

/** The data's own words for where it comes from, per kind, without repeats; the Chinese beside the English where stored. */
async function caseSources(ws: Workspace, codes: ReturnType<typeof listValue>): Promise<CaseSource[]> {
  const set = 'SELECT unnest(?::VARCHAR[])';
  const out: CaseSource[] = [];
  const push = (what: CaseSource['what'], text: string | null, zh: string | null = null, estimated = false) => {
    const t = sourceLine(text);
    if (t && !out.some((o) => o.what === what && o.text === t)) out.push({ what, text: t, text_zh: sourceLine(zh) || null, estimated });
  };
  const flowImports = await ws.db.all<{ kind: string; file: string; options: string | null }>(
    `SELECT kind, file, options FROM imports WHERE id IN (SELECT DISTINCT import_id FROM flows WHERE origin IN (${set}) OR destination IN (${set})) ORDER BY id`, [codes, codes]);
  for (const f of flowImports) {
    const o = (f.options ? JSON.parse(f.options) : {}) as { source?: string; sourceZh?: string; method?: string; definition?: string };
    // An estimate's definition is the estimator's English sentence: the page knows its Chinese (web/src/i18n/server-text.ts).
    if (f.kind === 'estimate') push('flows', o.definition ?? `estimated by ${o.method ?? 'a model'}${o.source ? ` from ${o.source}` : ''}`, null, true);
    else push('flows', o.source ?? f.file, o.source ? o.sourceZh ?? null : null);
  }
  for (const r of await ws.db.all<{ source: string | null; source_zh: string | null }>(
    `SELECT source, any_value(source_zh) AS source_zh FROM indicators WHERE region IN (${set}) GROUP BY source ORDER BY min(import_id), source`, [codes])) push('indicators', r.source, r.source_zh);
  for (const r of await ws.db.all<{ source: string; source_zh: string | null }>(
    `SELECT t.source, any_value(t.source_zh) AS source_zh FROM stock_tables t WHERE t.import_id IN (SELECT DISTINCT import_id FROM stocks WHERE residence IN (${set})) GROUP BY t.source ORDER BY min(t.import_id)`, [codes])) push('stocks', r.source, r.source_zh);
  return out;
}

/**
 * [west, south, east, north] of the regions, each taken as its centroid widened by half the side
 * of a square of its area (at most MAX_HALF degrees; the median where the area is unknown). A
 * region far out at sea (三沙市, centroid near 10°N, 7° from the nearest other) is left out when
 * more than GAP degrees separate it from the rest: it would otherwise take half the map. At most
 * one percent of the regions on each side are left out so.
 */
function boundsOf(points: { lon: number; lat: number; half: number | null }[]): [number, number, number, number] | null {
  if (!points.length) return null;
  const known = points.map((p) => p.half).filter((h): h is number => h !== null && Number.isFinite(h)).sort((a, b) => a - b);
  const median = known.length ? known[Math.floor(known.length / 2)] : 0.5;
  const boxes = points.map((p) => {
    const half = Math.min(MAX_HALF, p.half ?? median);
    const k = Math.max(0.2, Math.cos((p.lat * Math.PI) / 180));
    return { w: p.lon - half / k, e: p.lon + half / k, s: p.lat - half, n: p.lat + half };
  });
  const maxCut = Math.floor(points.length / 100);
  // The outer edge on one side: `lo` and `hi` are a box's near and far edges from that side.
  const edge = (lo: (b: (typeof boxes)[number]) => number, hi: (b: (typeof boxes)[number]) => number, sign: 1 | -1) => {
    const sorted = [...boxes].sort((a, b) => sign * (lo(a) - lo(b)));
    let cut = 0;
    while (cut < maxCut && cut + 1 < sorted.length && sign * (lo(sorted[cut + 1]) - hi(sorted[cut])) > GAP) cut++;
    return Math.round(lo(sorted[cut]) * 100) / 100;
  };
  return [edge((b) => b.w, (b) => b.e, 1), edge((b) => b.s, (b) => b.n, 1), edge((b) => b.e, (b) => b.w, -1), edge((b) => b.n, (b) => b.s, -1)];
}
