// Reads the committed data sets for the data tests (no ../shared needed).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { parseCsv } from '../../scripts/build-data/csv.ts';

export const DATA = fileURLToPath(new URL('../../data/', import.meta.url));
export const SETS = ['china', 'korea', 'austria', 'ny'] as const;

export const has = (set: string, file: string) => existsSync(join(DATA, set, file));
export const size = (set: string, file: string) => statSync(join(DATA, set, file)).size;
export const text = (set: string, file: string) => readFileSync(join(DATA, set, file), 'utf8');
export const csv = (set: string, file: string) => parseCsv(text(set, file), `${set}/${file}`);

export type AreaFeature = Feature<Polygon | MultiPolygon, { code: string }>;
export function features(set: string): AreaFeature[] {
  return (JSON.parse(text(set, 'regions.geojson')) as { features: AreaFeature[] }).features;
}
