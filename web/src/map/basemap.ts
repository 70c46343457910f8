import * as maplibregl from 'maplibre-gl';
import type { ExpressionSpecification, GeoJSONSource, StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

// MapLibre 6 loads its worker from a URL: the file bundled with the page, never a CDN.
maplibregl.setWorkerUrl(workerUrl);
// Start the workers (fetch and compile their 0.5 MB script) now, while the page is still
// booting and its data on the way, not when the map is created.
maplibregl.prewarm();

export const COLORS = {
  background: '#e9eef2',
  boundary: '#ffffff',
  provinceBoundary: '#7d8a96',
  selected: '#111827',
  target: '#d97706',
  noData: '#d4d8dc',
};

/**
 * A map with no tile server: a blank style (a background colour) plus the region polygons
 * from /api/geometry as GeoJSON sources. Nothing loads from the internet.
 */
const BLANK: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': COLORS.background } }],
};

const EMPTY = { type: 'FeatureCollection' as const, features: [] };

export function createBasemap(container: HTMLElement, bounds: [number, number, number, number]): Promise<maplibregl.Map> {
  const map = new maplibregl.Map({
    container,
    style: BLANK,
    bounds,
    fitBoundsOptions: { padding: 20 },
    attributionControl: false,
    renderWorldCopies: false,
    // No cross-fade of arriving tiles: each faded frame is a full redraw, which software
    // renderers (SwiftShader, no GPU) pay for at 100+ ms a frame.
    fadeDuration: 0,
    dragRotate: false,
    pitchWithRotate: false,
    maxPitch: 0,
    // Keeps the last frame readable so the map can be exported as PNG.
    canvasContextAttributes: { preserveDrawingBuffer: true, antialias: false },
  });
  map.touchZoomRotate.disableRotation();
  map.keyboard.enable();
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
  return new Promise((ok) => map.once('load', () => {
    map.addSource('regions', { type: 'geojson', data: EMPTY, promoteId: 'code' });
    map.addSource('points', { type: 'geojson', data: EMPTY, promoteId: 'code' });
    map.addSource('provinces', { type: 'geojson', data: EMPTY });
    map.addLayer({
      id: 'regions-fill', type: 'fill', source: 'regions',
      paint: { 'fill-color': fillColor(new Map()), 'fill-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 1, 0.88] },
    });
    map.addLayer({ id: 'regions-line', type: 'line', source: 'regions', paint: { 'line-color': COLORS.boundary, 'line-width': 0.5 } });
    map.addLayer({ id: 'provinces-line', type: 'line', source: 'provinces', paint: { 'line-color': COLORS.provinceBoundary, 'line-width': 0.9 } });
    map.addLayer({
      id: 'regions-target', type: 'line', source: 'regions', filter: ['in', ['get', 'code'], ['literal', []]],
      paint: { 'line-color': COLORS.target, 'line-width': 2.2, 'line-dasharray': [2, 1] },
    });
    map.addLayer({ id: 'regions-selected', type: 'line', source: 'regions', filter: ['==', ['get', 'code'], ''], paint: { 'line-color': COLORS.selected, 'line-width': 2.5 } });
    // Regions without boundaries (Korea's) are drawn as circles at their centroids.
    map.addLayer({
      id: 'points-circle', type: 'circle', source: 'points',
      paint: {
        'circle-color': ['coalesce', ['feature-state', 'color'], COLORS.noData], 'circle-radius': ['interpolate', ['linear'], ['zoom'], 4, 9, 8, 22],
        'circle-stroke-color': ['case', ['boolean', ['feature-state', 'selected'], false], COLORS.selected, ['boolean', ['feature-state', 'target'], false], COLORS.target, '#ffffff'],
        'circle-stroke-width': ['case', ['boolean', ['feature-state', 'selected'], false], 3, ['boolean', ['feature-state', 'target'], false], 2.5, 1],
      },
    });
    ok(map);
  }));
}

/** Features, or the URL of a GeoJSON file MapLibre's worker fetches and parses itself. */
export function setSourceData(map: maplibregl.Map, id: 'regions' | 'points' | 'provinces', data: FeatureCollection | string): void {
  (map.getSource(id) as GeoJSONSource).setData(data);
}

/**
 * The polygons' fill: a colour set later as feature state, else the colour given here by region
 * code (the values at hand when the boundaries were drawn), else "no data". Colours given here
 * are applied by the worker as it tiles; feature state makes MapLibre decode every tile again
 * on the page's thread, so it is kept for changes after the boundaries are drawn.
 */
function fillColor(colors: ReadonlyMap<string, string>): ExpressionSpecification {
  const byColor = new Map<string, string[]>();
  for (const [code, color] of colors) {
    const codes = byColor.get(color);
    if (codes) codes.push(code);
    else byColor.set(color, [code]);
  }
  // ['match', code, [codes...], colour, ..., no data]; a match needs one branch at least.
  const match = byColor.size
    ? ['match', ['get', 'code'], ...[...byColor].flatMap(([color, codes]) => [codes, color]), COLORS.noData] as unknown as ExpressionSpecification
    : COLORS.noData;
  return ['coalesce', ['feature-state', 'color'], match];
}

/** Colours of the polygons by code, to be drawn with the next boundaries (see fillColor). */
export function setDrawnColors(map: maplibregl.Map, colors: ReadonlyMap<string, string>): void {
  map.setPaintProperty('regions-fill', 'fill-color', fillColor(colors));
}
