import { DEG, EARTH_RADIUS_KM } from './earth.ts';
import type { Position } from './types.ts';

/**
 * Great-circle distance in km between two [lon, lat] positions in degrees, by the haversine
 * formula on a sphere (default radius 6371.0088 km, the radius of the bundled distance matrices).
 */
export function haversineKm(a: Position, b: Position, radiusKm: number = EARTH_RADIUS_KM): number {
  const phi1 = a[1] * DEG;
  const phi2 = b[1] * DEG;
  const dPhi = phi2 - phi1;
  const dLambda = (b[0] - a[0]) * DEG;
  const s = Math.sin(dPhi / 2) ** 2 + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) ** 2;
  return 2 * radiusKm * Math.asin(Math.min(1, Math.sqrt(s)));
}
