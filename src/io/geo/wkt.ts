import wellknown from 'wellknown';
import type { Geometry } from 'geojson';

/** Parses WKT (POLYGON, MULTIPOLYGON, POINT...) to a GeoJSON geometry with wellknown (mapbox). */
export function wktToGeometry(wkt: string): Geometry | null {
  const text = wkt.trim();
  if (!text) return null;
  return wellknown.parse(text);
}

export function looksLikeWkt(value: string): boolean {
  return /^\s*(MULTI)?(POLYGON|POINT|LINESTRING)\s*(Z|M|ZM)?\s*\(/i.test(value);
}
