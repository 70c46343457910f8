import { get, post, type JobView } from '../api.ts';

/** The scenario endpoints (src/server/routes/scenarios.ts) and the shapes the editor reads. */
export interface Interval { median: number | null; p05: number | null; p95: number | null }
export interface ScenarioDoc {
  name: string; description?: string; assumptions?: string[];
  baseline: { model: string; period: string; [k: string]: unknown };
  interventions: { name?: string; targets: string[]; term: string; change: { type: 'relative' | 'absolute'; value: number }; startYear: number; duration?: number; eligibility?: string[]; benefitYears?: number; cost?: { rule: string; amount?: number; amountPerYear?: number; currency?: string } }[];
  horizon: { startYear: number; years: number };
  [k: string]: unknown;
}
export interface CounterfactualYear { year: number; graduates: number; retainedBaseline: number; retainedScenario: number; retainedDelta: number; retentionBaseline: number; retentionScenario: number; netBaseline: number; netScenario: number; recipients: number; cost: number }
export interface Counterfactual { scenario: string; model: { name: string; version: string }; notes: string[]; /** Cohorts, stay shares or the model come from synthetic person records. */ synthetic: boolean; years: CounterfactualYear[]; summary: { retainedDelta: number; totalCost: number; costPerRetained: number | null }; milliseconds: number }
export interface RunYear { year: number; retainedBaseline: Interval; retainedScenario: Interval; retainedDelta: Interval; netFlowBaseline: Interval; netFlowScenario: Interval; cost: Interval }
export interface ScenarioRun { scenario: string; model: { name: string; version: string }; seconds: number; notes: string[]; result: { draws: number; seed: number; years: RunYear[]; summary: { retainedDelta: Interval; totalCost: Interval; costPerRetained: Interval; drawsWithoutGain: number } } }

export const scenarioApi = {
  examples: () => get<{ file: string; document: ScenarioDoc }[]>('scenarios/examples'),
  counterfactual: (document: ScenarioDoc, signal?: AbortSignal) => post<Counterfactual>('scenarios/counterfactual', { document }, signal),
  run: (document: ScenarioDoc, draws: number, save = false) => post<JobView>('scenarios/run', { document, draws, seed: 1, save }),
};
