import type { Interval, ScenarioRunResult } from './uncertainty.ts';

/**
 * Several scenario runs side by side: one row per scenario with its headline effects, and the
 * year rows of each, so a table and a JSON document show the same numbers. Each scenario is
 * measured against its own baseline (the same one when the scenarios share model and cohorts).
 */
export interface ComparedScenario {
  readonly name: string;
  readonly model: string;
  readonly retainedDelta: Interval;
  readonly ownRetainedDelta: Interval;
  readonly totalCost: Interval;
  readonly costPerRetained: Interval;
  readonly drawsWithoutGain: number;
}

export interface ScenarioComparison {
  readonly scenarios: readonly ComparedScenario[];
  /** Per year: each scenario's retained delta by name. */
  readonly years: readonly { year: number; retainedDelta: Record<string, Interval> }[];
}

export function compareScenarios(runs: readonly { name: string; model: string; result: ScenarioRunResult }[]): ScenarioComparison {
  const scenarios = runs.map(({ name, model, result: { summary: s } }) => ({
    name, model, retainedDelta: s.retainedDelta, ownRetainedDelta: s.ownRetainedDelta, totalCost: s.totalCost, costPerRetained: s.costPerRetained, drawsWithoutGain: s.drawsWithoutGain,
  }));
  const allYears = [...new Set(runs.flatMap((r) => r.result.years.map((y) => y.year)))].sort((a, b) => a - b);
  const years = allYears.map((year) => ({
    year,
    retainedDelta: Object.fromEntries(runs.flatMap((r) => {
      const row = r.result.years.find((y) => y.year === year);
      return row ? [[r.name, row.retainedDelta]] : [];
    })),
  }));
  return { scenarios, years };
}
