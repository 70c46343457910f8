/**
 * What the boundary check (src/io/geo/check-boundary.ts, RFC 7946 §3.1.6-3.1.7) and a boundary's
 * centroid (src/core/geometry/polygon-centroid.ts) find wrong with a region's geometry, by `kind`,
 * in the English they have always written; import-errors.ts quotes it in regions.badBoundary and
 * boundary-zh.ts says it in Chinese. Where it sits: `polygon` (of a MultiPolygon), `ring` (1 the
 * exterior, later ones holes) and `position`, each counted from 1, or null.
 */
export interface BoundaryCheck {
  readonly kind: string;
  readonly polygon: number | null;
  readonly ring: number | null;
  readonly position: number | null;
  /** The geometry's type as the file gives it (notArea, noCoordinates; null: none given). */
  readonly type: string | null;
  /** A longitude or latitude, or a position that is not two numbers ("\"a\" 1"), as written. */
  readonly value: string | null;
  /** How many positions a ring has (tooFewPositions). */
  readonly count: number | null;
  /** An unclosed ring's first and last positions ("0 0"). */
  readonly start: string | null;
  readonly end: string | null;
}

/** A finding without a place or values: spread before a kind's own fields. */
export const NO_PLACE = { polygon: null, ring: null, position: null, type: null, value: null, count: null, start: null, end: null } as const;

const BOUNDARY_CHECK: Readonly<Record<string, (p: BoundaryCheck) => string>> = {
  noGeometry: () => 'no geometry: a region boundary must be a Polygon or MultiPolygon',
  notGeometry: () => 'not a GeoJSON geometry',
  notArea: (p) => `${p.type === null ? 'a geometry without a type' : `a ${p.type}`} is not a boundary: give a Polygon or MultiPolygon${p.type === 'Point' ? ' (a point belongs in centroid_lon and centroid_lat)' : ''}`,
  noCoordinates: (p) => `the ${p.type} has no coordinates`,
  noRings: () => 'no rings',
  notRing: () => 'not a list of positions',
  notPosition: () => 'not a [longitude, latitude] position',
  notNumbers: (p) => `(${p.value}) is not a pair of finite numbers`,
  longitude: (p) => `longitude ${p.value} is outside the accepted range -180 to 180 degrees`,
  latitude: (p) => `latitude ${p.value} is outside the accepted range -90 to 90 degrees (are longitude and latitude swapped?)`,
  tooFewPositions: (p) => `${p.count} positions; a closed ring needs at least 4 (the last repeating the first)`,
  notClosed: (p) => `not closed: it starts at (${p.start}) and ends at (${p.end}); repeat the first position at the end`,
  noArea: () => 'no area (its positions lie on one line)',
  holesCover: () => 'its holes cover as much as its exterior ring or more: the holes are not inside it (or rings are out of order)',
  noCentroid: () => 'polygon area is not a positive finite number: its centroid is undefined',
};

/** A finding in English with where it sits first ("polygon 2, ring 3 (a hole): position 4: …"), as the check has always written it. */
export function boundaryText(p: BoundaryCheck): string {
  return `${p.polygon !== null ? `polygon ${p.polygon}, ` : ''}${p.ring !== null ? `ring ${p.ring}${p.ring > 1 ? ' (a hole)' : ''}: ` : ''}`
    + `${p.position !== null ? `position ${p.position}: ` : ''}${BOUNDARY_CHECK[p.kind]?.(p) ?? p.kind}`;
}
