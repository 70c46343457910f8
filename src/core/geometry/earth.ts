/**
 * Mean Earth radius R1 = (2a + b) / 3 of the WGS84 ellipsoid in km (Moritz 2000, "Geodetic
 * Reference System 1980", J. Geodesy 74). The same radius as the bundled China registry's areas and
 * distances, so values computed here agree with them.
 */
export const EARTH_RADIUS_KM = 6371.0088;

export const DEG = Math.PI / 180;
