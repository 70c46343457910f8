import { distance } from 'fastest-levenshtein';
import { InputError } from '../../core/errors.ts';
import { coded } from '../../core/messages/index.ts';

/**
 * Recognised header names, in English and Chinese, for each role a column can play. The first
 * listed name that is present wins, so a file with both `orig` (names) and `orig_code` uses the
 * names unless `--map` says otherwise.
 */
export const ROLE_SYNONYMS = {
  origin: ['origin', 'orig', 'from', 'source', 'o', 'origin_name', 'origin_code', 'orig_code', '迁出地', '流出地', '来源地', '出发地', '迁出省份', '迁出地区', '原居住地'],
  destination: ['destination', 'dest', 'to', 'target', 'd', 'destination_name', 'destination_code', 'dest_code', '迁入地', '流入地', '目的地', '迁入省份', '迁入地区', '现居住地'],
  period: ['period', 'year', 'years', 'time', '年份', '年度', '统计年度', '统计年份', '时期', '时间', '年'],
  count: ['count', 'flow', 'flows', 'n', 'persons', 'people', 'migrants', 'number', 'data', 'total', '人数', '数量', '流量', '迁移人数', '人口数', '合计'],
  region: ['region', 'region_code', 'code', 'area', 'city', 'province', 'county', '地区', '城市', '省份', '区域', '行政区'],
  name: ['name_zh', 'name', 'city', 'province', 'county', 'region', '名称', '地区', '城市', '省份', '区县'],
  code: ['code', 'region_code', 'city_code', 'province_code', 'county_code', 'adcode', 'id', 'fips', 'tile_id', 'nuts_id', '代码', '区划代码', '行政区划代码'],
  name_en: ['name_en', 'english', 'english_name', 'name_english', 'en', 'pinyin', 'name_pinyin', '英文名'],
  level: ['level', 'type', '级别', '层级'],
  parent: ['parent', 'parent_code', 'province_code', '上级代码'],
  parent_name: ['parent_name', 'province', '上级', '所属省份', '省'],
  centroid_lon: ['centroid_lon', 'lon', 'lng', 'longitude', 'x', '经度'],
  centroid_lat: ['centroid_lat', 'lat', 'latitude', 'y', '纬度'],
  area_km2: ['area_km2', 'area', '面积'],
  geometry: ['geometry', 'wkt', 'geom', 'coord', 'boundary', 'shape', '边界'],
  aliases: ['aliases', 'alias', '别名'],
  value: ['value', 'val', '数值', '值'],
  unit: ['unit', 'units', '单位'],
  source: ['source', '来源', '数据来源'],
  source_zh: ['source_zh', '中文来源'],
  indicator: ['indicator', 'name', 'variable', 'measure', '指标', '指标名称'],
  year: ['year', 'graduation_year', 'cohort_year', '毕业年份', '毕业年度', '届别', '年份'],
  id: ['id', 'student_id', 'person_id', '学号', '编号'],
  university: ['university', 'school', 'institution', '学校', '院校', '高校'],
  degree: ['degree', 'education', '学历', '学位'],
  major: ['major', 'subject', 'field', '专业'],
  home_region: ['home_region', 'home', 'hometown', 'origin', '生源地', '户籍地', '家乡'],
  study_region: ['study_region', 'study', 'school_region', '就读地', '学校所在地'],
  employer_type: ['employer_type', 'employer', 'sector', '单位性质', '用人单位性质'],
  monthly_salary: ['monthly_salary', 'salary', 'wage', 'income', '月薪', '月收入', '薪资'],
} as const satisfies Record<string, readonly string[] | undefined>;

export type Role = keyof typeof ROLE_SYNONYMS;

export function normaliseHeader(h: string): string {
  return h.normalize('NFKC').trim().toLowerCase().replace(/[\s\-.]+/g, '_');
}

/** Parses `--map origin=orig,destination=dest,count=flow` into role -> column. */
export function parseMap(map: string | undefined, file: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!map) return out;
  for (const part of map.split(',')) {
    const [role, col] = part.split('=').map((s) => s?.trim());
    if (!role || !col) throw new InputError(coded('file.mapPair', { part }), { file });
    out.set(role, col);
  }
  return out;
}

/**
 * Finds the column for each wanted role: from --map first (which must name an existing column),
 * then by recognised header names. `required` roles that are missing raise an error listing the
 * columns found and the closest header to each expected name.
 */
export function resolveRoles(
  columns: readonly string[],
  wanted: { required: readonly string[]; optional: readonly string[] },
  mapping: Map<string, string>,
  file: string,
  synonyms: Partial<Record<string, readonly string[]>> = {},
): Map<string, string> {
  const byNorm = new Map(columns.map((c) => [normaliseHeader(c), c]));
  const used = new Set<string>();
  const out = new Map<string, string>();
  for (const [role, col] of mapping) {
    if (!columns.includes(col)) {
      const near = closestColumns(col, columns);
      throw new InputError(coded('file.mapNoColumn', { role, column: col, columns: columns.slice(0, 12), count: columns.length, near }), { file, row: 1 });
    }
    out.set(role, col);
    used.add(col);
  }
  for (const role of [...wanted.required, ...wanted.optional]) {
    if (out.has(role)) continue;
    const names = synonyms[role] ?? (ROLE_SYNONYMS as Record<string, readonly string[] | undefined>)[role] ?? [role];
    for (const s of names) {
      const col = byNorm.get(normaliseHeader(s));
      if (col && !used.has(col)) {
        out.set(role, col);
        used.add(col);
        break;
      }
    }
  }
  const missing = wanted.required.filter((r) => !out.has(r));
  if (missing.length) {
    const role = missing[0];
    const names = synonyms[role] ?? (ROLE_SYNONYMS as Record<string, readonly string[] | undefined>)[role] ?? [role];
    const free = columns.filter((c) => !used.has(c));
    const near = names.map((n) => closestColumns(n, free)).find(Boolean);
    throw new InputError(coded('file.missingRole', { missing, columns: columns.slice(0, 12), count: columns.length, role, names: names.slice(0, 6), near: near ?? null }),
      { file, row: 1, column: near ?? undefined });
  }
  return out;
}

/** The column whose name is within edit distance 2 of `name` (a likely misspelling), if any. */
function closestColumns(name: string, columns: readonly string[]): string | null {
  const n = normaliseHeader(name);
  let best: string | null = null;
  let bestD = Infinity;
  for (const c of columns) {
    const d = distance(n, normaliseHeader(c));
    if (d < bestD && d <= Math.max(1, Math.min(2, Math.floor(n.length / 3)))) {
      best = c;
      bestD = d;
    }
  }
  return best;
}
