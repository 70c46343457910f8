// The normalised shapes written under data/<set>/ and their CSV writers.
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { toCsv, type Cell } from './csv.ts';
import { sourceZh } from './source-zh.ts';

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
}

export interface FlowRow {
  origin: string;
  destination: string;
  period: string;
  count: number;
}

export interface IndicatorRow {
  region: string;
  period: string;
  name: string;
  value: number;
  unit: string;
  source: string;
}

export interface GroupRow {
  code: string;
  name_zh: string;
  name_en: string;
  members: string[];
  description: string;
  /** The description in Chinese, for the note of a regions import that derives the group. */
  description_zh: string;
}

export type AreaFeature = Feature<Polygon | MultiPolygon, { code: string }>;

/** Everything a set writes; absent parts are not written. */
export interface DataSet {
  name: string;
  regions: RegionRow[];
  features?: AreaFeature[];
  flows?: FlowRow[];
  indicators?: IndicatorRow[];
  groups?: GroupRow[];
  /** Files copied unchanged to data/<set>/raw/: [source path, file name]. */
  raw?: [string, string][];
  /** Further files written to data/<set>/ as they are: [file name, text]. */
  files?: [string, string][];
}

const fixed = (v: number | null, digits: number): Cell => (v == null ? null : v.toFixed(digits));

export function regionsCsv(rows: readonly RegionRow[]): string {
  return toCsv(
    ['code', 'name_zh', 'name_en', 'level', 'parent', 'centroid_lon', 'centroid_lat', 'area_km2', 'aliases'],
    rows.map((r) => [
      r.code, r.name_zh, r.name_en, r.level, r.parent,
      fixed(r.centroid_lon, 5), fixed(r.centroid_lat, 5), fixed(r.area_km2, 1), r.aliases.join('|'),
    ]),
  );
}

export function flowsCsv(rows: readonly FlowRow[]): string {
  return toCsv(['origin', 'destination', 'period', 'count'], rows.map((r) => [r.origin, r.destination, r.period, r.count]));
}

export function indicatorsCsv(rows: readonly IndicatorRow[]): string {
  return toCsv(
    ['region', 'period', 'name', 'value', 'unit', 'source', 'source_zh'],
    rows.map((r) => [r.region, r.period, r.name, r.value, r.unit, r.source, sourceZh(r.source)]),
  );
}

/** Aliases without empties, duplicates, or repeats of the region's own names. */
export function cleanAliases(names: readonly (string | null | undefined)[], own: readonly (string | null)[]): string[] {
  const seen = new Set(own.filter((s): s is string => !!s));
  const out: string[] = [];
  for (const n of names) {
    const s = n?.trim();
    if (!s || seen.has(s)) continue;
    seen.add(s);
    out.push(s);
  }
  return out;
}
