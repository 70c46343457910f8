import type { FailureClass, Verdict } from './outcome.ts';

/** Messages between the fuzz runner and its workers, and the statistics they carry. */
export type ToWorker =
  | { type: 'task'; kind: string; seed: number; from: number; count: number }
  | { type: 'exit' };

export type ToParent =
  | { type: 'idle' }
  | { type: 'start'; kind: string; index: number; count: number }
  | { type: 'done'; kind: string; index: number; count: number; stats: KindStats; failures: Failure[]; maxRssMiB: number };

/** A failed input, reproducible from (kind, seed, index). */
export interface Failure {
  kind: string;
  seed: number;
  index: number;
  failure: FailureClass;
  message: string;
}

export interface KindStats {
  inputs: number;
  accepted: number;
  /** Refusals by reason. */
  refused: Record<string, number>;
  /** Refusals whose error names neither row nor column (whole-file reasons). */
  unlocated: Record<string, number>;
  failures: Partial<Record<FailureClass, number>>;
  maxMs: number;
  totalMs: number;
}

export function emptyStats(): KindStats {
  return { inputs: 0, accepted: 0, refused: {}, unlocated: {}, failures: {}, maxMs: 0, totalMs: 0 };
}

export function record(stats: KindStats, failures: Failure[], v: Verdict, ms: number, at: { kind: string; seed: number; index: number }): void {
  stats.inputs++;
  stats.totalMs += ms;
  stats.maxMs = Math.max(stats.maxMs, ms);
  if (v.kind === 'accepted') stats.accepted++;
  else if (v.kind === 'refused') {
    stats.refused[v.reason] = (stats.refused[v.reason] ?? 0) + 1;
    if (!v.located) stats.unlocated[v.reason] = (stats.unlocated[v.reason] ?? 0) + 1;
  } else {
    stats.failures[v.failure] = (stats.failures[v.failure] ?? 0) + 1;
    failures.push({ ...at, failure: v.failure, message: v.message });
  }
}

export function mergeStats(into: KindStats, s: KindStats): void {
  into.inputs += s.inputs;
  into.accepted += s.accepted;
  into.totalMs += s.totalMs;
  into.maxMs = Math.max(into.maxMs, s.maxMs);
  for (const [k, n] of Object.entries(s.refused)) into.refused[k] = (into.refused[k] ?? 0) + n;
  for (const [k, n] of Object.entries(s.unlocated)) into.unlocated[k] = (into.unlocated[k] ?? 0) + n;
  for (const [k, n] of Object.entries(s.failures) as [FailureClass, number][]) into.failures[k] = (into.failures[k] ?? 0) + n;
}

export const refusedTotal = (s: KindStats) => Object.values(s.refused).reduce((a, b) => a + b, 0);
export const failureTotal = (s: KindStats) => Object.values(s.failures).reduce((a, b) => a + (b ?? 0), 0);
