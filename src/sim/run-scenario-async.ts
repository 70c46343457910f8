import { scenarioDraws, type ScenarioRunInput, type ScenarioRunResult } from './uncertainty.ts';

/**
 * `runScenario` that shares its thread: it steps through the same draws (`scenarioDraws`, so a
 * seed gives the identical result) and pauses for the event loop whenever `sliceMs` of draws
 * have run since the last pause, so a server keeps answering, its progress can be read, and a
 * cancel can arrive. After every pause and every draw it checks `signal`: once aborted, no
 * further draw starts and the promise rejects with the signal's reason. Progress goes to
 * `input.onProgress` after each draw (from `scenarioDraws`, as in the synchronous run).
 */
export interface CooperativeOptions {
  /** Stops the run between two draws. Default: none. */
  readonly signal?: AbortSignal;
  /**
   * Longest run of draws between two pauses, in ms. Default 20: a request waits at most about
   * one slice (or one draw, where a draw takes longer), and pausing costs well under 1% of it.
   * 0 pauses after every draw.
   */
  readonly sliceMs?: number;
  /** Gives the event loop a turn. Default: setImmediate where there is one (Node), else a zero-delay timeout (browsers). */
  readonly pause?: () => Promise<void>;
}

const nextTurn = (): Promise<void> => new Promise((resolve) => {
  if (typeof setImmediate === 'function') setImmediate(resolve);
  else setTimeout(resolve, 0);
});

export async function runScenarioAsync(input: ScenarioRunInput, options: CooperativeOptions = {}): Promise<ScenarioRunResult> {
  const { signal } = options;
  const sliceMs = options.sliceMs ?? 20;
  const pause = options.pause ?? nextTurn;
  signal?.throwIfAborted();
  const steps = scenarioDraws(input);
  let since = performance.now();
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    if (performance.now() - since >= sliceMs) {
      await pause();
      since = performance.now();
    }
    signal?.throwIfAborted();
  }
}
