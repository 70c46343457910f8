import type { Layer } from '@deck.gl/core';
import type * as maplibregl from 'maplibre-gl';
import type { FlowRow, Region } from '../api.ts';
import { OnDemandFrames } from './on-demand-frames.ts';

/**
 * Flow lines drawn by @flowmap.gl (a deck.gl layer) in deck's own canvas over the MapLibre one
 * (MapboxOverlay, overlaid mode: deck 9.4's interleaved mode reads `map.transform`, which
 * MapLibre 6 no longer exposes). A PNG export composites the two canvases. deck.gl and
 * flowmap.gl load in their own chunk after the polygons are on screen: the map is usable
 * before they arrive.
 */
export interface FlowLocation {
  code: string;
  name: string;
  lat: number;
  lon: number;
}

export interface FlowHover {
  kind: 'flow' | 'location';
  x: number;
  y: number;
  origin?: string;
  destination?: string;
  count?: number;
  location?: string;
  incoming?: number;
  outgoing?: number;
}

type Overlay = { setProps(p: Record<string, unknown>): void; finalize(): void; getCanvas(): HTMLCanvasElement | null };
type LayerCtor = new (props: Record<string, unknown>) => unknown;
/** What unhover uses of flowmap.gl's layer: the hovered object it highlights. */
type FlowmapState = { state?: { highlightedObject?: unknown }; setState(state: { highlightedObject: undefined }): void };
/** What PickingColors uses of a deck.gl layer (typed here: deck.gl loads in its own chunk). */
type PickableLayer = {
  getAttributeManager(): { getAttributes(): Record<string, unknown>; addInstanced(attributes: Record<string, unknown>): void } | null;
  getShaders?(shaders: object): { vs?: string };
  calculateInstancePickingColors: unknown;
};

export class FlowOverlay {
  private overlay: Overlay | null = null;
  private Layer: LayerCtor | null = null;
  private extensions: unknown[] = [];
  /** The flow layer last handed to deck.gl (which moves its state to each new one). */
  private layer: FlowmapState | null = null;
  private ready: Promise<void>;
  /** deck.gl's frames, granted only while the picture can change (on-demand-frames.ts). */
  readonly frames = new OnDemandFrames();
  /** Rows handed to the layer (for tests and the status line). */
  count = 0;

  /** `onDrawn`: after each frame deck.gl draws (the map's print picture is made from the canvases once they settle). */
  constructor(private readonly map: maplibregl.Map, private readonly onHover: (h: FlowHover | null) => void, private readonly onClickLocation: (code: string) => void, private readonly onDrawn: () => void = () => undefined) {
    this.ready = this.load();
  }

  private async load(): Promise<void> {
    const [{ MapboxOverlay }, { FlowmapLayer }, { LayerExtension }] = await Promise.all([import('@deck.gl/mapbox'), import('@flowmap.gl/layers'), import('@deck.gl/core')]);
    // deck.gl 9.4 makes picking colours from the instance id and no longer gives every layer an
    // `instancePickingColors` attribute; flowmap.gl 9.4.0's line and circle shaders still read
    // one, so without it nothing under the pointer was ever picked: no flow tooltip, no line
    // highlighted, no click on a location. This extension, which the FlowmapLayer hands down to
    // its sublayers, adds the attribute (filled by deck.gl's own picking-colour updater) to the
    // layers whose shaders read it. It does so from getShaders, which a layer calls (with itself
    // as `this`) while it builds a model, just before it reads the attribute layout for that
    // model: so the model has the attribute from the first, where adding it in the extension's
    // initializeState (after flowmap.gl's initializeState built its first model) made luma.gl warn
    // "layout for attribute instancePickingColors not present" once per sublayer.
    let probing = false;
    class PickingColors extends LayerExtension {
      static extensionName = 'PickingColors';
      getShaders(this: Layer): null {
        const layer = this as unknown as PickableLayer;
        const attributes = layer.getAttributeManager();
        if (probing || !attributes || attributes.getAttributes().instancePickingColors) return null;
        // The layer's own shaders, asked for again to see whether they read the attribute (this
        // method is called once more inside: `probing` ends it there).
        probing = true;
        let reads = false;
        try {
          reads = !!layer.getShaders?.({}).vs?.includes('instancePickingColors');
        } finally {
          probing = false;
        }
        if (reads) attributes.addInstanced({ instancePickingColors: { type: 'uint8', size: 4, noAlloc: true, update: layer.calculateInstancePickingColors } });
        return null;
      }
    }
    this.extensions = [new PickingColors()];
    // flowmap.gl recomputes its line and circle data on every viewport change (its source has a
    // TODO about it): 45-75 ms of JavaScript a frame while panning 4,500-10,000 lines. With
    // clustering and adaptive scales off and every flow shown (we send at most 10,000 and
    // allow 10,000), nothing it computes depends on the view, so only changes of data or
    // settings update the layer; deck.gl still redraws it at every frame of a pan.
    class ViewIndependentFlowmapLayer extends (FlowmapLayer as unknown as new (props: Record<string, unknown>) => object) {
      static layerName = 'ViewIndependentFlowmapLayer';
      shouldUpdateState(params: { changeFlags: { propsOrDataChanged: boolean } }): boolean {
        return params.changeFlags.propsOrDataChanged;
      }
    }
    this.Layer = ViewIndependentFlowmapLayer as unknown as LayerCtor;
    // No multisampling: it makes each frame several times dearer on a software renderer
    // (no GPU: 3.3 s against 1.3 s a frame for 4,500 lines in headless Chromium).
    const { frames } = this;
    const overlay = new MapboxOverlay({
      interleaved: false, layers: [], deviceProps: { webgl: { preserveDrawingBuffer: true, antialias: false } },
      // Passed through deck.gl's props to its render loop (luma.gl's AnimationLoop).
      animationFrameProvider: frames,
      onAfterRender: () => {
        frames.wake();
        this.onDrawn();
      },
    } as ConstructorParameters<typeof MapboxOverlay>[0]);
    this.map.addControl(overlay as unknown as maplibregl.IControl);
    this.overlay = overlay as unknown as Overlay;
    for (const event of ['move', 'resize', 'render'] as const) this.map.on(event, frames.wake);
    // The pointer leaving the map straight from a line (onto the headline or a panel over the
    // map) reaches deck.gl as a pick outside every viewport, which tells no layer: the line would
    // stay highlighted. So the highlight is cleared here, with the tooltip.
    this.map.on('mouseout', () => this.unhover());
    const box = this.map.getContainer();
    for (const event of ['pointermove', 'pointerdown', 'pointerup', 'pointerleave', 'wheel'] as const) box.addEventListener(event, frames.wake, { passive: true });
  }

  async set(rows: FlowRow[], locations: FlowLocation[], visible: boolean): Promise<void> {
    await this.ready;
    const known = new Set(locations.map((l) => l.code));
    const flows = visible ? rows.filter((r) => !r.intra && known.has(r.origin) && known.has(r.destination) && r.count > 0) : [];
    this.count = flows.length;
    const layer = new this.Layer!({
      id: 'flows',
      data: { locations, flows },
      extensions: this.extensions,
      pickable: true,
      darkMode: false,
      colorScheme: 'Teal',
      highlightColor: '#d97706',
      clusteringEnabled: false,
      fadeEnabled: true,
      fadeAmount: 45,
      locationTotalsEnabled: true,
      locationLabelsEnabled: false,
      // Scales from all the flows sent, not those in view: the same line keeps its width as the map moves.
      adaptiveScalesEnabled: false,
      maxTopFlowsDisplayNum: 10000,
      flowLineThicknessScale: 1,
      getLocationId: (l: FlowLocation) => l.code,
      getLocationLat: (l: FlowLocation) => l.lat,
      getLocationLon: (l: FlowLocation) => l.lon,
      getLocationName: (l: FlowLocation) => l.name,
      getFlowOriginId: (f: FlowRow) => f.origin,
      getFlowDestId: (f: FlowRow) => f.destination,
      getFlowMagnitude: (f: FlowRow) => f.count,
      onHover: (info: { object?: Record<string, unknown>; x: number; y: number } | undefined) => this.hover(info),
      onClick: (info: { object?: Record<string, unknown> }) => {
        const o = info?.object;
        if (o && o.type === 'location') this.onClickLocation(String(o.id));
      },
    });
    this.layer = layer as FlowmapState;
    this.overlay!.setProps({ layers: [layer] });
    this.frames.wake();
  }

  /** Clears the hovered line's or circle's highlight and the tooltip. */
  private unhover(): void {
    if (this.layer?.state?.highlightedObject) this.layer.setState({ highlightedObject: undefined });
    this.onHover(null);
  }

  /** The flow canvas (null before deck.gl has loaded). */
  canvas(): HTMLCanvasElement | null {
    return this.overlay?.getCanvas() ?? null;
  }

  private hover(info: { object?: Record<string, unknown>; x: number; y: number } | undefined): void {
    const o = info?.object;
    if (!info || !o) return this.onHover(null);
    if (o.type === 'flow') {
      this.onHover({ kind: 'flow', x: info.x, y: info.y, origin: codeOf(o.origin), destination: codeOf(o.dest), count: Number(o.count) });
    } else if (o.type === 'location') {
      const totals = o.totals as { incomingCount: number; outgoingCount: number } | undefined;
      this.onHover({ kind: 'location', x: info.x, y: info.y, location: String(o.id), incoming: totals?.incomingCount, outgoing: totals?.outgoingCount });
    }
  }
}

const codeOf = (x: unknown): string => {
  const l = x as { code?: string; id?: string | number } | undefined;
  return String(l?.code ?? l?.id ?? '');
};

export function locationsOf(regions: Region[], name: (r: Region) => string): FlowLocation[] {
  return regions.filter((r) => r.centroid_lat !== null && r.centroid_lon !== null).map((r) => ({ code: r.code, name: name(r), lat: r.centroid_lat!, lon: r.centroid_lon! }));
}
