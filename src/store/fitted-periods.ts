import { parsePeriod } from '../core/schema/period.ts';
import type { GravityResult } from '../models/index.ts';
import type { SavedModel } from './models.ts';

/**
 * The flow periods a saved gravity model was fitted to. A panel's result lists them (its data
 * carry a period column); a fit of one period from the workspace has none there, so the saved
 * spec records the periods the fit read (`periods`, as the stored flows spell them), and the
 * Scenario tab can say what the model was fitted to. A fit on a file without a period column
 * records none: there the periods are not known.
 */

/** The saved spec of a workspace fit: the model's spec and the flow periods it read. */
export function withFittedPeriods<S extends object>(spec: S, periods: readonly string[]): S & { periods: string[] } {
  return { ...spec, periods: [...new Set(periods.map((p) => parsePeriod(p)?.text ?? p))] };
}

/** The periods a saved gravity model was fitted to: its result's, else those its spec records; empty when neither says. */
export function fittedPeriods(saved: SavedModel<GravityResult>): string[] {
  const recorded = (saved.spec as { periods?: unknown } | null)?.periods;
  return [...(saved.result.periods ?? (Array.isArray(recorded) ? recorded.map(String) : []))];
}
