import { flattenCanvases } from '../export/download.ts';

/**
 * The map as it prints: one picture of the map, its flow lines and its labels, composited from
 * their canvases each time the map has settled on screen, kept beside the live map and shown in
 * its place by @media print (print.css), at the width of the paper and the map's own aspect.
 *
 * Why not print the canvases, or picture them when printing starts: where no beforeprint event
 * comes (print media emulation, some PDF drivers) the layout switches to the paper at once, the
 * WebGL canvases resized to it are redrawn at the same zoom in another box (the map cropped) or
 * not yet at all (blank), and a picture taken at the switch catches the flow canvas resized but
 * not redrawn (lines off their places: a reverted attempt). A picture made on screen, of canvases
 * drawn in one frame, prints whole with every line where it was.
 */

/** Quiet time after the last frame before the picture is made: a pan or zoom draws many frames. */
const SETTLE_MS = 400;

const printing = () => window.matchMedia('print').matches;

export class PrintImage {
  readonly element: HTMLImageElement;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private url: string | null = null;
  private made = 0;

  /** `canvases`: the map's canvas first (it sets the picture's size), then those drawn over it. */
  constructor(private readonly wrap: HTMLElement, private readonly canvases: () => (HTMLCanvasElement | null)[], alt: string) {
    this.element = document.createElement('img');
    this.element.className = 'print-map';
    this.element.alt = alt;
    // Decoded when shown: the print layout may be painted at once (no beforeprint to wait on).
    this.element.decoding = 'sync';
    // Printing before the map first settled: the picture is made at once.
    window.addEventListener('beforeprint', () => this.flush());
  }

  /** Something was drawn: the picture is made once nothing more has been drawn for SETTLE_MS. */
  drawn(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.take(), SETTLE_MS);
  }

  /**
   * At beforeprint, still on screen, with no picture yet: made now. A picture there is stays: the
   * frames of the last SETTLE_MS may be of the flow canvas cleared for a resize and not yet redrawn
   * (a PDF printed right after print emulation had its lines missing so).
   */
  private flush(): void {
    if (this.timer === undefined || this.element.isConnected) return;
    clearTimeout(this.timer);
    this.take(true);
  }

  private take(now = false): void {
    this.timer = undefined;
    const layers = this.canvases();
    const base = layers[0];
    // Not while the page is laid out for paper (the canvases may be of the paper's box), nor of a
    // map hidden with its tab (no size).
    if (printing() || !base || !base.width || !base.height || !base.clientWidth) return;
    const ticket = ++this.made;
    const flat = flattenCanvases(layers);
    if (now) return this.show(flat.toDataURL('image/png'), false);
    // Encoded off the page's thread: a picture after every pan must not make the map stutter.
    flat.toBlob((blob) => void (blob && ticket === this.made && this.show(URL.createObjectURL(blob), true)), 'image/png');
  }

  private show(src: string, objectUrl: boolean): void {
    const old = this.url;
    this.url = objectUrl ? src : null;
    this.element.src = src;
    if (old) URL.revokeObjectURL(old);
    if (!this.element.isConnected) this.wrap.append(this.element);
  }
}
