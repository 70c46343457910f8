export { EARTH_RADIUS_KM } from './earth.ts';
export { sphericalArea, ringSignedArea } from './spherical-area.ts';
export { polygonCentroid, planarArea } from './polygon-centroid.ts';
export { bbox } from './bbox.ts';
export { haversineKm } from './haversine.ts';
export { polygonsOf } from './types.ts';
export type { Position, Ring, PolygonGeometry, MultiPolygonGeometry, AreaGeometry, BBox } from './types.ts';
