/**
 * Animation frames for deck.gl's render loop that stop when the flows are at rest.
 *
 * deck.gl's loop (luma.gl's AnimationLoop) asks for a frame 60 times a second for as long as the
 * page is open, only to find each time that nothing needs drawing. The frames alone kept 8-12% of
 * the 2-core test machine busy while the first screen sat idle (0 draws in 5 s), which a laptop
 * pays in battery. The loop takes its frames from an `animationFrameProvider` (a luma.gl prop that
 * deck.gl hands its loop from its own props); this one keeps granting them for a while after
 * anything that can change the picture (the map moving or resizing, the pointer over the map for
 * hover picking, new layers, a frame actually drawn) and then holds the next request until the
 * next such event. deck.gl itself is unchanged: it still decides, each frame it gets, whether to
 * draw.
 */
export class OnDemandFrames {
  /** The loop's request held while at rest. */
  private parked: FrameRequestCallback | null = null;
  /** Frames are granted until this time (performance.now()). */
  private until: number;
  /** Frames granted so far (for tests). */
  granted = 0;

  /**
   * `graceMs`: how long frames are granted after each event. A time, not a count of frames:
   * headless and busy browsers run frames at very different rates.
   */
  constructor(private readonly graceMs = 1000) {
    this.until = performance.now() + graceMs;
  }

  readonly requestAnimationFrame = (callback: FrameRequestCallback): number => {
    if (performance.now() < this.until) {
      this.granted++;
      return window.requestAnimationFrame(callback);
    }
    this.parked = callback;
    return PARKED;
  };

  readonly cancelAnimationFrame = (id: number): void => {
    if (id === PARKED) this.parked = null;
    else window.cancelAnimationFrame(id);
  };

  /** Something may change the picture: run the loop again for `graceMs`. */
  readonly wake = (): void => {
    this.until = performance.now() + this.graceMs;
    const parked = this.parked;
    if (!parked) return;
    this.parked = null;
    this.granted++;
    window.requestAnimationFrame(parked);
  };

  /** Whether the loop is held (for tests). */
  get resting(): boolean {
    return this.parked !== null;
  }
}

/** The id a held request returns (real frame ids are positive). */
const PARKED = -1;
