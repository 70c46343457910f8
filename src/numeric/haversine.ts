/**
 * Great-circle distance in km between two (longitude, latitude) points in degrees, on a sphere of
 * radius 6371.0 km (the mean earth radius that scikit-mobility and the NY data README use).
 */
export const EARTH_RADIUS_KM = 6371.0;

export function haversineKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Full n x n distance matrix (row-major) from centroid longitudes and latitudes. */
export function haversineMatrix(lon: ArrayLike<number>, lat: ArrayLike<number>): Float64Array {
  const n = lon.length;
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = haversineKm(lon[i], lat[i], lon[j], lat[j]);
      d[i * n + j] = v;
      d[j * n + i] = v;
    }
  }
  return d;
}
