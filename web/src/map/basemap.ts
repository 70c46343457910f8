import * as maplibregl from 'maplibre-gl';
import type { ExpressionSpecification, GeoJSONSource, LayerSpecification, StyleSpecification } from 'maplibre-gl';
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
  // No paint transitions: a change of colours (another period or level) would otherwise be
  // animated over 300 ms, a full redraw each frame (100+ ms apiece with a software renderer).
  transition: { duration: 0, delay: 0 },
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': COLORS.background } }],
};

/** The sources the map draws: region polygons, centroid circles (regions without boundaries), province outlines. */
export type SourceId = 'regions' | 'points' | 'provinces';

/**
 * The layers of each source, in drawing order (bottom first). A source and its layers are
 * added with the source's first data (setSourceData), never empty beforehand: each source
 * added empty costs a round trip to MapLibre's worker, which the real data then waits behind,
 * and a tile load and a frame for nothing (a full redraw: 100+ ms with a software renderer).
 */
const LAYERS: Record<SourceId, LayerSpecification[]> = {
  regions: [
    { id: 'regions-fill', type: 'fill', source: 'regions', paint: { 'fill-color': fillColor(new Map()), 'fill-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 1, 0.88] } },
    { id: 'regions-line', type: 'line', source: 'regions', paint: { 'line-color': COLORS.boundary, 'line-width': 0.5 } },
    // Targets are outlined with a solid line, not a dashed one: a layer with `line-dasharray` makes
    // MapLibre's worker wait, at every tile it lays out, for the dashes' places in the line atlas
    // from the page's thread (a round trip), and on the first screen, where Liaoning is a target,
    // that thread is busy with frames of 100+ ms: the map was usable about 8% later (11
    // alternating cold loads, 1.20x against 1.11x the bare MapLibre page; docs/dashboard.md).
    { id: 'regions-target', type: 'line', source: 'regions', filter: ['in', ['get', 'code'], ['literal', []]], paint: { 'line-color': COLORS.target, 'line-width': 2.2 } },
    { id: 'regions-selected', type: 'line', source: 'regions', filter: ['==', ['get', 'code'], ''], paint: { 'line-color': COLORS.selected, 'line-width': 2.5 } },
  ],
  provinces: [
    { id: 'provinces-line', type: 'line', source: 'provinces', paint: { 'line-color': COLORS.provinceBoundary, 'line-width': 0.9 } },
  ],
  // Regions without boundaries (Korea's) are drawn as circles at their centroids.
  points: [{
    id: 'points-circle', type: 'circle', source: 'points',
    paint: {
      'circle-color': ['coalesce', ['feature-state', 'color'], COLORS.noData], 'circle-radius': ['interpolate', ['linear'], ['zoom'], 4, 9, 8, 22],
      'circle-stroke-color': ['case', ['boolean', ['feature-state', 'selected'], false], COLORS.selected, ['boolean', ['feature-state', 'target'], false], COLORS.target, '#ffffff'],
      'circle-stroke-width': ['case', ['boolean', ['feature-state', 'selected'], false], 3, ['boolean', ['feature-state', 'target'], false], 2.5, 1],
    },
  }],
};

/** All layers bottom to top: province outlines over the polygons' own, the target and selection outlines over both. */
const ORDER = ['regions-fill', 'regions-line', 'provinces-line', 'regions-target', 'regions-selected', 'points-circle'];

/** The polygons' fill colours to draw with, kept for the fill layer until it is added. */
const pendingFill = new WeakMap<maplibregl.Map, ExpressionSpecification>();

/**
 * The map with its controls, resolved once its (blank) style has loaded, before its first frame
 * is drawn (MapLibre's 'load' waits for that frame): sources added then reach MapLibre's worker
 * while the page's thread draws it. The sources and their layers come with their data
 * (setSourceData).
 */
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
  return new Promise((ok) => (map.isStyleLoaded() ? ok(map) : map.once('style.load', () => ok(map))));
}

/**
 * Features, or the URL of a GeoJSON file MapLibre's worker fetches and parses itself. The
 * first data of a source adds it with its layers.
 */
export function setSourceData(map: maplibregl.Map, id: SourceId, data: FeatureCollection | string): void {
  const source = map.getSource(id) as GeoJSONSource | undefined;
  if (source) {
    source.setData(data);
    return;
  }
  map.addSource(id, { type: 'geojson', data, ...(id === 'provinces' ? {} : { promoteId: 'code' }) });
  for (const layer of LAYERS[id]) {
    const fill = layer.id === 'regions-fill' ? pendingFill.get(map) : undefined;
    const spec = fill ? { ...layer, paint: { ...layer.paint, 'fill-color': fill } } as LayerSpecification : layer;
    // Under the first layer above it that is already on the map.
    map.addLayer(spec, ORDER.slice(ORDER.indexOf(layer.id) + 1).find((above) => map.getLayer(above)));
  }
}

/** Whether a source has been given data (and so has its layers). */
export const hasSource = (map: maplibregl.Map, id: SourceId): boolean => map.getSource(id) !== undefined;

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
  if (map.getLayer('regions-fill')) map.setPaintProperty('regions-fill', 'fill-color', fillColor(colors));
  else pendingFill.set(map, fillColor(colors));
}
