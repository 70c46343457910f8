// Topology-preserving simplification: topojson-server builds shared arcs, topojson-simplify
// (Visvalingam effective area) thins them, topojson-client turns the arcs back into features and
// dissolves groups of them (`merge`), so neighbouring polygons keep identical borders.
import { topology } from 'topojson-server';
import { filter, presimplify, simplify } from 'topojson-simplify';
import { feature, merge } from 'topojson-client';
import type { GeometryCollection, MultiPolygon as TopoMultiPolygon, Polygon as TopoPolygon, Topology } from 'topojson-specification';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { AreaFeature } from './model.ts';

export interface SimplifyOptions {
  /** Points whose Visvalingam effective area (square degrees) is below this are removed. */
  minWeight: number;
  /**
   * Rings (islands, holes) with a planar area below this (square degrees, before simplification)
   * are dropped, except each feature's largest part and rings that share their arcs with one kept.
   */
  minRingArea: number;
  /** Decimal places of the written coordinates. */
  digits: number;
  /**
   * Features smaller than this (planar area, square degrees) keep proportionally more detail: the
   * weights of an arc are divided by min(1, area of its smallest feature / referenceArea), so a
   * small unit such as Macao is simplified relative to its own size rather than the country's.
   */
  referenceArea: number;
}

type Geom = (TopoPolygon | TopoMultiPolygon) & { properties: { code: string } };
type Props = { code: string };

/** Every kept ring keeps at least this many distinct vertices (a quadrilateral). */
const MIN_VERTICES = 4;

export interface SimplifiedLayer {
  /** The input features simplified, in input order, with rounded coordinates. */
  features: AreaFeature[];
  /** Dissolves the features of each group into one feature with the group's code. */
  dissolve(groups: ReadonlyMap<string, readonly string[]>): AreaFeature[];
}

export function simplifyLayer(input: readonly AreaFeature[], opts: SimplifyOptions): SimplifiedLayer {
  const collection: FeatureCollection<Polygon | MultiPolygon, Props> = { type: 'FeatureCollection', features: [...input] };
  const topo = topology({ layer: collection }) as Topology<{
    layer: GeometryCollection<Props>;
  }>;
  const pre = presimplify(topo);
  const arcs = pre.arcs as unknown as number[][][];
  const geoms = pre.objects.layer.geometries as Geom[];

  const ringCoords = (ring: number[]): number[][] =>
    ring.flatMap((a, k) => {
      const pts = a >= 0 ? arcs[a] : [...arcs[~a]].reverse();
      return k === 0 ? pts : pts.slice(1);
    });
  const ringKey = (ring: number[]) => ring.map((a) => (a >= 0 ? a : ~a)).sort((x, y) => x - y).join(',');

  // Scale each arc's weights by the size of the smallest feature it bounds.
  const arcScale = new Float64Array(arcs.length).fill(1);
  const featureArea = new Map<Geom, number>();
  for (const g of geoms) {
    const polys = g.type === 'Polygon' ? [g.arcs] : g.arcs;
    let area = 0;
    for (const rings of polys) rings.forEach((ring, i) => (area += (i === 0 ? 1 : -1) * Math.abs(planarRingArea(ringCoords(ring)))));
    featureArea.set(g, area);
    const scale = 1 / Math.min(1, Math.max(area, 1e-12) / opts.referenceArea);
    for (const rings of polys) for (const ring of rings) for (const a of ring) {
      const i = a >= 0 ? a : ~a;
      arcScale[i] = Math.max(arcScale[i], scale);
    }
  }
  arcs.forEach((arc, i) => {
    if (arcScale[i] !== 1) for (const p of arc) p[2] *= arcScale[i];
  });

  // Decide which rings survive: large ones (relative to their feature's size, as above), each
  // feature's largest part, and the rings that share their arcs (an enclave and its hole).
  const kept = new Set<string>();
  for (const g of geoms) {
    const polys = g.type === 'Polygon' ? [g.arcs] : g.arcs;
    let largest: number[] | null = null;
    let largestArea = -1;
    const minArea = opts.minRingArea * Math.min(1, (featureArea.get(g) ?? 0) / opts.referenceArea);
    for (const rings of polys) {
      rings.forEach((ring, i) => {
        const area = Math.abs(planarRingArea(ringCoords(ring)));
        if (i === 0 && area > largestArea) {
          largestArea = area;
          largest = ring;
        }
        if (area >= minArea) kept.add(ringKey(ring));
      });
    }
    if (largest) kept.add(ringKey(largest));
  }

  // Make sure every kept ring keeps enough vertices: promote its heaviest points if needed.
  // Arcs are shared, so a promoted point survives in both neighbours alike.
  for (const g of geoms) {
    const polys = g.type === 'Polygon' ? [g.arcs] : g.arcs;
    for (const rings of polys) {
      for (const ring of rings) {
        if (!kept.has(ringKey(ring))) continue;
        const uses = ring.map((a) => arcs[a >= 0 ? a : ~a]);
        const distinct = uses.reduce((s, arc) => s + arc.filter((p) => p[2] >= opts.minWeight).length - 1, 0);
        if (distinct >= MIN_VERTICES) continue;
        const candidates = uses.flatMap((arc) => arc.filter((p) => p[2] < opts.minWeight)).sort((p, q) => q[2] - p[2]);
        for (const p of candidates.slice(0, MIN_VERTICES - distinct)) p[2] = Infinity;
      }
    }
  }

  const simple = simplify(pre, opts.minWeight);
  // At run time filter() hands over a ring as its arc indices (the typings say positions).
  const keepRing = (ring: unknown) => kept.has(ringKey(ring as number[]));
  const filtered = filter(simple, keepRing) as Topology<{ layer: GeometryCollection<Props> }>;
  const layer = filtered.objects.layer;

  const toFeature = (code: string, geometry: Polygon | MultiPolygon | null): AreaFeature => {
    const rounded = geometry ? roundGeometry(geometry, opts.digits) : null;
    if (!rounded) throw new Error(`${code}: no polygon left after simplification`);
    return { type: 'Feature', properties: { code }, geometry: rounded };
  };

  const features = layer.geometries.map((g) => {
    const f = feature(filtered, g) as unknown as { geometry: Polygon | MultiPolygon | null };
    return toFeature((g.properties as Props).code, f.geometry);
  });

  return {
    features,
    dissolve(groups) {
      const out: AreaFeature[] = [];
      for (const [code, members] of groups) {
        const set = new Set(members);
        const parts = layer.geometries.filter((g) => set.has((g.properties as Props).code)) as (TopoPolygon | TopoMultiPolygon)[];
        if (parts.length !== set.size) throw new Error(`${code}: ${set.size - parts.length} members have no polygon`);
        out.push(toFeature(code, merge(filtered, parts)));
      }
      return out;
    },
  };
}

function planarRingArea(ring: readonly (readonly number[])[]): number {
  let s = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const p = ring[i];
    const q = ring[(i + 1) % n];
    s += p[0] * q[1] - q[0] * p[1];
  }
  return s / 2;
}

/**
 * Rounds coordinates, removes repeated vertices, and drops rings that became degenerate
 * (fewer than four positions or no area); a polygon whose exterior is dropped goes with its holes.
 * Returns null when nothing is left.
 */
export function roundGeometry(geometry: Polygon | MultiPolygon, digits: number): Polygon | MultiPolygon | null {
  const f = 10 ** digits;
  const r = (v: number) => Math.round(v * f) / f;
  const roundRing = (ring: Position[]): Position[] | null => {
    const out: Position[] = [];
    for (const p of ring) {
      const q = [r(p[0]), r(p[1])];
      const last = out[out.length - 1];
      if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
    }
    const first = out[0];
    const last = out[out.length - 1];
    if (first && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0], first[1]]);
    return out.length >= 4 && planarRingArea(out) !== 0 ? out : null;
  };
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const kept: Position[][][] = [];
  for (const rings of polys) {
    const outer = rings[0] && roundRing(rings[0]);
    if (!outer) continue;
    const holes = rings.slice(1).map(roundRing).filter((h): h is Position[] => h !== null);
    kept.push([outer, ...holes]);
  }
  if (!kept.length) return null;
  return kept.length === 1 ? { type: 'Polygon', coordinates: kept[0] } : { type: 'MultiPolygon', coordinates: kept };
}
