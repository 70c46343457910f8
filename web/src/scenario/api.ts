import type { CodedMessage } from '../../../src/core/messages/index.ts';
import { get, post, type JobView } from '../api.ts';

/** The scenario endpoints (src/server/routes/scenarios.ts) and the shapes the editor reads. */
export interface Interval { median: number | null; p05: number | null; p95: number | null }
export interface ScenarioDoc {
  name: string; description?: string; assumptions?: string[];
  /** The description and assumptions in Chinese (src/sim/scenario-schema.ts), one for each English assumption. */
  description_zh?: string; assumptions_zh?: string[];
  baseline: { model: string; period: string; [k: string]: unknown };
  interventions: { name?: string; targets: string[]; term: string; change: { type: 'relative' | 'absolute'; value: number }; startYear: number; duration?: number; eligibility?: string[]; benefitYears?: number; cost?: { rule: string; amount?: number; amountPerYear?: number; currency?: string } }[];
  horizon: { startYear: number; years: number };
  [k: string]: unknown;
}
export interface CounterfactualYear { year: number; graduates: number; retainedBaseline: number; retainedScenario: number; retainedDelta: number; retentionBaseline: number; retentionScenario: number; netBaseline: number; netScenario: number; recipients: number; cost: number }
/** What a baseline's cohorts and stay shares came from (src/store/scenarios/prepare.ts ScenarioBasis). */
export interface ScenarioBasis {
  cohort: { source: 'indicator'; indicator: string; unit: string | null; rate: number; period: string; kind: 'estimated' } | { source: 'persons'; kind: 'observed' | 'synthetic' } | { source: 'fixed'; kind: 'assumed' };
  stayShare: { source: 'flows'; period: string; population: string; unit: string | null; kind: 'estimated' } | { source: 'persons'; kind: 'observed' | 'synthetic' } | { source: 'fixed'; kind: 'assumed' } | { source: 'model'; kind: 'estimated' | 'synthetic' };
}
/** GET /api/scenarios/models/{name} (src/store/scenarios/baseline-options.ts). */
export interface ScenarioModelOptions {
  model: { name: string; kind: 'gravity' | 'choice'; createdAt: string; level: string | null; periods: string[]; basePeriod: string; basePeriodGuessed: boolean; synthetic: boolean };
  regions: { code: string; name_zh: string | null; name_en: string | null; level: string | null }[];
  terms: { term: string; indicator: string; unit: string | null; values: Record<string, number> }[];
  indicators: { name: string; unit: string | null; regions: number; personsPerUnit: number | null }[];
  flowPeriods: string[];
  population: { name: string; unit: string | null } | null;
  persons: { records: number; synthetic: number };
}
export interface Counterfactual { scenario: string; model: { name: string; version: string }; notes: string[]; /** The notes coded (src/core/messages), same order. */ messages?: { notes?: CodedMessage[] }; /** Cohorts, stay shares or the model come from synthetic person records. */ synthetic: boolean; basis: ScenarioBasis; years: CounterfactualYear[]; summary: { retainedDelta: number; totalCost: number; costPerRetained: number | null }; milliseconds: number }
export interface RunYear { year: number; retainedBaseline: Interval; retainedScenario: Interval; retainedDelta: Interval; netFlowBaseline: Interval; netFlowScenario: Interval; cost: Interval }
export interface ScenarioRun { scenario: string; model: { name: string; version: string }; seconds: number; notes: string[]; messages?: { notes?: CodedMessage[] }; result: { draws: number; seed: number; years: RunYear[]; summary: { retainedDelta: Interval; totalCost: Interval; costPerRetained: Interval; drawsWithoutGain: number } } }

export const scenarioApi = {
  examples: () => get<{ file: string; document: ScenarioDoc }[]>('scenarios/examples'),
  modelOptions: (name: string) => get<ScenarioModelOptions>(`scenarios/models/${encodeURIComponent(name)}`),
  /** `amount`: the payment a month the server scales the document's payment to (src/app/scenario/input.ts). */
  counterfactual: (request: { document: ScenarioDoc; amount: number }, signal?: AbortSignal) => post<Counterfactual>('scenarios/counterfactual', request, signal),
  run: (request: { document: ScenarioDoc; amount: number }, draws: number, save = false) => post<JobView>('scenarios/run', { ...request, draws, seed: 1, save }),
};
