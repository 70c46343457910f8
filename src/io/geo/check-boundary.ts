import { NO_PLACE, boundaryText, type BoundaryCheck } from '../../core/messages/boundary.ts';

/**
 * What a region boundary must be before it is stored (RFC 7946 §3.1.6-3.1.7): a Polygon or
 * MultiPolygon whose rings are closed (first position equals the last), have at least four
 * positions and a non-zero area, with finite coordinates on the globe, and whose holes are smaller
 * than their exterior ring. Before this check a Point
 * or a null geometry was stored as a boundary, an unclosed ring was closed silently, and a
 * zero-area ring surfaced later as "polygon area is 0" without saying which region.
 *
 * Returns the first problem (its kind, polygon, ring and position, core/messages/boundary.ts), or
 * null; boundaryProblem says it in English.
 */
export function boundaryCheck(g: unknown): BoundaryCheck | null {
  const found = (kind: string, at: Partial<BoundaryCheck> = {}): BoundaryCheck => ({ ...NO_PLACE, ...at, kind });
  if (g === null || g === undefined) return found('noGeometry');
  if (typeof g !== 'object' || Array.isArray(g)) return found('notGeometry');
  const { type, coordinates } = g as { type?: unknown; coordinates?: unknown };
  if (type !== 'Polygon' && type !== 'MultiPolygon') return found('notArea', { type: typeof type === 'string' ? type.slice(0, 40) : null });
  if (!Array.isArray(coordinates) || coordinates.length === 0) return found('noCoordinates', { type });
  const polygons: unknown[] = type === 'Polygon' ? [coordinates] : coordinates;
  for (let p = 0; p < polygons.length; p++) {
    const rings = polygons[p];
    const polygon = type === 'MultiPolygon' ? p + 1 : null;
    if (!Array.isArray(rings) || rings.length === 0) return found('noRings', { polygon });
    for (let r = 0; r < rings.length; r++) {
      const problem = ringProblem(rings[r]);
      if (problem) return found(problem.kind, { ...problem, polygon, ring: r + 1 });
    }
    // Holes are subtracted: holes as large as the exterior would leave no area, or a negative one.
    const outer = Math.abs(shoelace(rings[0] as number[][]));
    const holes = (rings as number[][][]).slice(1).reduce((sum, ring) => sum + Math.abs(shoelace(ring)), 0);
    if (holes >= outer) return found('holesCover', { polygon });
  }
  return null;
}

/** The first problem of a boundary in English ("ring 1: not closed: …"), or null. */
export function boundaryProblem(g: unknown): string | null {
  const found = boundaryCheck(g);
  return found && boundaryText(found);
}

type Found = Partial<BoundaryCheck> & { kind: string };

function ringProblem(ring: unknown): Found | null {
  if (!Array.isArray(ring)) return { kind: 'notRing' };
  for (let i = 0; i < ring.length; i++) {
    const problem = positionProblem(ring[i]);
    if (problem) return { ...problem, position: i + 1 };
  }
  if (ring.length < 4) return { kind: 'tooFewPositions', count: ring.length };
  const [first, last] = [ring[0] as number[], ring[ring.length - 1] as number[]];
  if (first[0] !== last[0] || first[1] !== last[1]) return { kind: 'notClosed', start: `${first[0]} ${first[1]}`, end: `${last[0]} ${last[1]}` };
  if (shoelace(ring as number[][]) === 0) return { kind: 'noArea' };
  return null;
}

function positionProblem(p: unknown): Found | null {
  if (!Array.isArray(p) || p.length < 2 || p.length > 4) return { kind: 'notPosition' };
  const [lon, lat] = p as unknown[];
  if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
    return { kind: 'notNumbers', value: `${show(lon)} ${show(lat)}` };
  }
  if (lon < -180 || lon > 180) return { kind: 'longitude', value: String(lon) };
  if (lat < -90 || lat > 90) return { kind: 'latitude', value: String(lat) };
  return null;
}

function show(v: unknown): string {
  return (typeof v === 'string' ? JSON.stringify(v) : typeof v === 'object' ? JSON.stringify(v) ?? String(v) : String(v)).slice(0, 20);
}

/** Twice the planar signed area, relative to the first position (precision far from the origin). */
function shoelace(ring: number[][]): number {
  const [x0, y0] = ring[0];
  let a = 0;
  for (let i = 1; i + 1 < ring.length; i++) a += (ring[i][0] - x0) * (ring[i + 1][1] - y0) - (ring[i + 1][0] - x0) * (ring[i][1] - y0);
  return a;
}
