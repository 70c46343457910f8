import { escapeHtml } from '../format.ts';

/**
 * A choropleth of regions from their (simplified) GeoJSON polygons, equirectangular projection
 * (x = lon cos(lat0), y = -lat, lat0 the middle latitude of the frame): plain SVG paths, so the
 * map needs no library, no tiles and no network, and prints as vectors. `frame` limits the view
 * (e.g. leave out the South China Sea islets so the mainland fills the map).
 */
export interface MapRegion {
  code: string;
  label: string;
  geometry: { type: string; coordinates: unknown } | null;
  /** Share or value in [0, 1] that sets the shade; null = no data (hatched grey). */
  value: number | null;
  /** Hidden by small-cell suppression: drawn in SUPPRESSED, whatever `value` says. */
  suppressed?: boolean;
  /** Drawn with a heavy outline (e.g. the study province). */
  highlight?: boolean;
  title?: string;
}

type Ring = [number, number][];

function rings(g: MapRegion['geometry']): Ring[] {
  if (!g) return [];
  if (g.type === 'Polygon') return g.coordinates as Ring[];
  if (g.type === 'MultiPolygon') return (g.coordinates as Ring[][]).flat();
  return [];
}

/** Five shades from light to dark blue (ColorBrewer "Blues", Harrower & Brewer 2003): print and photocopy safe. */
export const SHADES = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'];
/** Regions with no destination at all. */
export const NO_DATA = '#f4f4f4';
/** Regions whose value is hidden by small-cell suppression: a mid grey, apart from 0 and the blues. */
export const SUPPRESSED = '#b0b0b0';

export function shadeOf(value: number | null, max: number): string {
  if (value === null || !(value > 0) || !(max > 0)) return NO_DATA;
  return SHADES[Math.min(SHADES.length - 1, Math.floor((value / max) * SHADES.length))];
}

/**
 * `max` sets the top of the scale (default: the largest value of a region not highlighted, so
 * one dominant region, such as the study province, does not wash out the others; values above
 * it take the darkest shade).
 */
export function scaleMax(regions: readonly MapRegion[]): number {
  const others = regions.filter((r) => !r.highlight).map((r) => r.value ?? 0);
  return Math.max(0, ...(others.length ? others : regions.map((r) => r.value ?? 0)));
}

export function choropleth(regions: readonly MapRegion[], options: { width?: number; height?: number; frame?: { minLat?: number }; max?: number; title?: string } = {}): string {
  const width = options.width ?? 640;
  const height = options.height ?? 470;
  const minLat = options.frame?.minLat ?? -90;
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const r of regions) {
    for (const ring of rings(r.geometry)) {
      if (Math.max(...ring.map((p) => p[1])) < minLat) continue;
      for (const [lon, lat] of ring) {
        x0 = Math.min(x0, lon); x1 = Math.max(x1, lon); y0 = Math.min(y0, lat); y1 = Math.max(y1, lat);
      }
    }
  }
  if (!Number.isFinite(x0)) return '';
  const k = Math.cos((((y0 + y1) / 2) * Math.PI) / 180);
  const scale = Math.min((width - 8) / ((x1 - x0) * k), (height - 8) / (y1 - y0));
  const px = (lon: number) => (4 + (lon - x0) * k * scale).toFixed(1);
  const py = (lat: number) => (4 + (y1 - lat) * scale).toFixed(1);
  const max = options.max ?? scaleMax(regions);
  const paths = regions.map((r) => {
    const d = rings(r.geometry).filter((ring) => Math.max(...ring.map((p) => p[1])) >= minLat)
      .map((ring) => 'M' + ring.map(([lon, lat]) => `${px(lon)},${py(lat)}`).join('L') + 'Z').join('');
    if (!d) return '';
    return `<path d="${d}" fill="${r.suppressed ? SUPPRESSED : shadeOf(r.value, max)}" class="${r.highlight ? 'hl' : 'rg'}${r.suppressed ? ' sup' : ''}"><title>${escapeHtml(r.title ?? r.label)}</title></path>`;
  });
  const title = options.title ? `<title>${escapeHtml(options.title)}</title>` : '';
  return `<svg class="map" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" xmlns="http://www.w3.org/2000/svg">${title}${paths.join('')}</svg>`;
}
