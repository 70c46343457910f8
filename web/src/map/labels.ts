import type * as maplibregl from 'maplibre-gl';

/**
 * Region names on the map, drawn on a 2D canvas over it: the blank style has no glyph server
 * (nothing may load from the internet), and a canvas can be composited into the PNG export like
 * the map's and the flow lines' own. Labels are placed in order of importance (the caller's:
 * provinces all, cities by the size of their net migration) and a label that would overlap one
 * already placed is left out, so zooming in shows more of them. Redrawn at every map render.
 */
export interface MapLabel {
  code: string;
  text: string;
  lon: number;
  lat: number;
  /** Higher first when labels collide. */
  weight: number;
}

const FONT = '600 12px system-ui, "Noto Sans CJK SC", "Noto Sans SC", sans-serif';
const PAD = 3;
/** Height of a label line (12 px text and its halo). */
const LINE = 16;

/** The box a label of width `tw` centred at (x, y) takes, with its padding: [left, top, right, bottom]. */
const box = (x: number, y: number, tw: number): [number, number, number, number] => [x - tw / 2 - PAD, y - LINE / 2 - PAD, x + tw / 2 + PAD, y + LINE / 2 + PAD];

export class LabelLayer {
  readonly canvas: HTMLCanvasElement;
  private labels: MapLabel[] = [];
  private widths = new Map<string, number>();
  /** Codes of the labels drawn at the last render (for tests). */
  drawn: string[] = [];

  constructor(private readonly map: maplibregl.Map) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'map-labels';
    this.canvas.setAttribute('aria-hidden', 'true');
    // Above deck.gl's flow canvas, which MapLibre keeps in a control corner at z-index 2 (this canvas comes later).
    Object.assign(this.canvas.style, { position: 'absolute', inset: '0', pointerEvents: 'none', zIndex: '2' });
    map.getContainer().appendChild(this.canvas);
    map.on('render', () => this.draw());
    map.on('resize', () => this.draw());
  }

  set(labels: MapLabel[]): void {
    this.labels = [...labels].sort((a, b) => b.weight - a.weight);
    this.draw();
  }

  private draw(): void {
    const mapCanvas = this.map.getCanvas();
    const w = mapCanvas.clientWidth;
    const h = mapCanvas.clientHeight;
    const dpr = window.devicePixelRatio || 1;
    if (this.canvas.width !== Math.round(w * dpr) || this.canvas.height !== Math.round(h * dpr)) {
      this.canvas.width = Math.round(w * dpr);
      this.canvas.height = Math.round(h * dpr);
      this.canvas.style.width = `${w}px`;
      this.canvas.style.height = `${h}px`;
    }
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    ctx.font = FONT;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.lineJoin = 'round';
    const placed: [number, number, number, number][] = [];
    this.drawn = [];
    for (const l of this.labels) {
      const p = this.map.project([l.lon, l.lat]);
      let tw = this.widths.get(l.text);
      if (tw === undefined) this.widths.set(l.text, (tw = ctx.measureText(l.text).width));
      // On the centroid, else just above, below, right or left of it (Seoul inside Gyeonggi), else left out.
      const spot = [[0, 0], [0, -LINE], [0, LINE], [tw / 2 + 8, 0], [-tw / 2 - 8, 0]].map(([dx, dy]) => ({ x: p.x + dx, y: p.y + dy }))
        .find((c) => {
          const r = box(c.x, c.y, tw);
          return !(r[2] < 0 || r[0] > w || r[3] < 0 || r[1] > h) && !placed.some((q) => r[0] < q[2] && r[2] > q[0] && r[1] < q[3] && r[3] > q[1]);
        });
      if (!spot) continue;
      placed.push(box(spot.x, spot.y, tw));
      this.drawn.push(l.code);
      ctx.strokeStyle = 'rgba(255,255,255,0.92)';
      ctx.lineWidth = 3;
      ctx.strokeText(l.text, spot.x, spot.y);
      ctx.fillStyle = '#1f2937';
      ctx.fillText(l.text, spot.x, spot.y);
    }
  }
}
