/**
 * Minimal GeoJSON geometry shapes (RFC 7946) used by the geometry helpers: positions are
 * [longitude, latitude] in degrees. Structurally compatible with the `geojson` typings, so
 * geometries parsed elsewhere can be passed in directly.
 */
export type Position = readonly number[];
/** A closed linear ring: first and last positions equal (an unclosed ring is closed implicitly). */
export type Ring = readonly Position[];

export interface PolygonGeometry {
  readonly type: 'Polygon';
  /** Exterior ring first, then holes. */
  readonly coordinates: readonly Ring[];
}

export interface MultiPolygonGeometry {
  readonly type: 'MultiPolygon';
  readonly coordinates: readonly (readonly Ring[])[];
}

export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;

/** [minLon, minLat, maxLon, maxLat] in degrees, as in GeoJSON's `bbox` member. */
export type BBox = [number, number, number, number];

/** The polygons of a geometry as a list of ring lists (a Polygon is a list of one). */
export function polygonsOf(geometry: AreaGeometry): readonly (readonly Ring[])[] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}
