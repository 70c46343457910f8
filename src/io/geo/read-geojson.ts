import { JsonLimitError, readJsonDocument } from '../text/json-depth.ts';
import type { Feature, FeatureCollection, Geometry } from 'geojson';

/** A GeoJSON feature flattened to its properties (as strings) and geometry. */
export interface GeoRow {
  properties: Record<string, string | null>;
  geometry: Geometry | null;
}

export class GeoJsonError extends Error {
  readonly row?: number;
  constructor(message: string, row?: number) {
    super(message);
    this.name = 'GeoJsonError';
    this.row = row;
  }
}

export async function readGeoJson(path: string): Promise<{ header: string[]; rows: GeoRow[] }> {
  let doc: unknown;
  let text: string;
  // Size and depth bounded before parsing: the geometry walks that follow are recursive.
  try {
    text = await readJsonDocument(path);
  } catch (e) {
    if (e instanceof JsonLimitError) throw new GeoJsonError(e.line ? `line ${e.line}: ${e.message}` : e.message);
    throw e;
  }
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new GeoJsonError(`not valid JSON (${(e as Error).message})`);
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw new GeoJsonError('expected a GeoJSON FeatureCollection or Feature');
  const fc = doc as Partial<FeatureCollection>;
  const features: Feature[] | undefined =
    fc.type === 'FeatureCollection' ? fc.features : (doc as Feature).type === 'Feature' ? [doc as Feature] : undefined;
  if (!Array.isArray(features)) throw new GeoJsonError('expected a GeoJSON FeatureCollection or Feature');
  const header = new Set<string>();
  const rows = features.map((f, i) => {
    if (!f || f.type !== 'Feature') throw new GeoJsonError(`feature ${i + 1} is not a GeoJSON Feature`, i + 1);
    if (f.properties !== null && f.properties !== undefined && (typeof f.properties !== 'object' || Array.isArray(f.properties))) {
      throw new GeoJsonError(`feature ${i + 1}: "properties" must be an object or null`, i + 1);
    }
    const properties: Record<string, string | null> = {};
    for (const [k, v] of Object.entries(f.properties ?? {})) {
      header.add(k);
      properties[k] = v === null || v === undefined ? null : typeof v === 'object' ? JSON.stringify(v) : String(v);
    }
    return { properties, geometry: f.geometry ?? null };
  });
  return { header: [...header], rows };
}
