import { coded, type CodedMessage } from '../../core/messages/index.ts';
import { JsonLimitError, readJsonDocument } from '../text/json-depth.ts';
import type { Feature, FeatureCollection, Geometry } from 'geojson';

/** A GeoJSON feature flattened to its properties (as strings) and geometry. */
export interface GeoRow {
  properties: Record<string, string | null>;
  geometry: Geometry | null;
}

export class GeoJsonError extends Error {
  readonly row?: number;
  /** The message's code and parameters (core/messages file.*). */
  readonly text: CodedMessage;
  constructor(text: CodedMessage, row?: number) {
    super(text.message);
    this.text = text;
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
    if (e instanceof JsonLimitError) throw new GeoJsonError(e.line ? coded('file.atLine', { line: e.line, problem: e.message, inner: e.text }) : e.text);
    throw e;
  }
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new GeoJsonError(coded('file.notJson', { detail: (e as Error).message }));
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw new GeoJsonError(coded('file.notGeoJson', {}));
  const fc = doc as Partial<FeatureCollection>;
  const features: Feature[] | undefined =
    fc.type === 'FeatureCollection' ? fc.features : (doc as Feature).type === 'Feature' ? [doc as Feature] : undefined;
  if (!Array.isArray(features)) throw new GeoJsonError(coded('file.notGeoJson', {}));
  const header = new Set<string>();
  const rows = features.map((f, i) => {
    if (!f || f.type !== 'Feature') throw new GeoJsonError(coded('file.notFeature', { feature: i + 1 }), i + 1);
    if (f.properties !== null && f.properties !== undefined && (typeof f.properties !== 'object' || Array.isArray(f.properties))) {
      throw new GeoJsonError(coded('file.badProperties', { feature: i + 1 }), i + 1);
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
