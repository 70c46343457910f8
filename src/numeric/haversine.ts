import { haversineKm } from '../core/geometry/haversine.ts';

/**
 * Full n x n great-circle distance matrix (km, row-major) from centroid longitudes and latitudes
 * in degrees. The default radius 6371.0 km is the mean earth radius scikit-mobility and the NY
 * data README use; the point-to-point formula is core's haversineKm.
 */
export function haversineMatrix(lon: ArrayLike<number>, lat: ArrayLike<number>, radiusKm = 6371.0): Float64Array {
  const n = lon.length;
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = haversineKm([lon[i], lat[i]], [lon[j], lat[j]], radiusKm);
      d[i * n + j] = v;
      d[j * n + i] = v;
    }
  }
  return d;
}
