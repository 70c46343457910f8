import { parseScenario, runScenario, type ScenarioDocument, type ScenarioRunInput, type ScenarioRunResult } from '../sim/index.ts';
import type { CodedMessage } from '../core/messages/index.ts';
import { runScenarioAsync } from '../sim/run-scenario-async.ts';
import { prepareScenario, type PreparedScenario } from './scenarios/prepare.ts';
import type { Workspace } from './workspace.ts';

export { prepareScenario, modelVersion, type PreparedScenario } from './scenarios/prepare.ts';
export { checkScenarioModel } from './scenarios/model-variables.ts';
export { scenarioModelOptions, type ScenarioModelOptions } from './scenarios/baseline-options.ts';

/**
 * Scenarios in the workspace: `runScenarioInWorkspace` prepares a document against the stored
 * model and data, runs it with uncertainty, and keeps the document and the run (with the model's
 * name and version, the seed and the number of draws) in the `scenarios` and `scenario_runs`
 * tables, so a result can always be traced to the model it came from. Only the preparing and
 * the saving touch the workspace; the draws between them are pure computation that pauses for
 * other work (`runScenarioAsync`), so a server holds its workspace lock for neither.
 */
export interface ScenarioRunOptions {
  /** Parameter draws (each with its own simulation). Default 200. */
  readonly draws?: number;
  /** Default 1. */
  readonly seed?: number;
  /** Store the document and the run. Default true. */
  readonly save?: boolean;
  readonly onProgress?: (done: number, total: number) => void;
  /** Stops the run between two draws, or before saving; the promise rejects with the signal's reason. Default: none. */
  readonly signal?: AbortSignal;
  /**
   * Runs a piece of workspace access alone (a server passes its workspace mutex): the preparing
   * and the saving each run inside one call, the draws outside. Default: runs it directly.
   */
  readonly exclusive?: <T>(work: () => Promise<T>) => Promise<T>;
}

export interface StoredScenarioRun {
  readonly id: number | null;
  readonly scenario: string;
  readonly description: string | null;
  readonly model: { readonly name: string; readonly version: string };
  readonly horizon: { readonly startYear: number; readonly years: number };
  /** Wall time of the draws (with the pauses in which other work ran). */
  readonly seconds: number;
  readonly notes: readonly string[];
  /** The notes coded (core/messages), in the same order, for a front-end to say in its language. */
  readonly messages: { readonly notes: readonly CodedMessage[] };
  readonly assumptions: readonly string[];
  /** The document's description and assumptions in Chinese (description_zh, assumptions_zh), null where it has none. */
  readonly descriptionZh: string | null;
  readonly assumptionsZh: readonly string[] | null;
  readonly result: ScenarioRunResult;
}

export async function runScenarioInWorkspace(ws: Workspace, input: unknown, options: ScenarioRunOptions = {}): Promise<StoredScenarioRun> {
  const doc = parseScenario(input);
  const exclusive = options.exclusive ?? ((work) => work());
  const prepared = await exclusive(() => prepareScenario(ws, doc));
  const t0 = performance.now();
  const result = await runScenarioAsync(runInput(prepared, options), { signal: options.signal });
  const seconds = (performance.now() - t0) / 1000;
  const id = options.save === false ? null : await exclusive(async () => {
    // A cancel may arrive while the run waits for the workspace.
    options.signal?.throwIfAborted();
    return saveScenarioRun(ws, prepared, result, seconds);
  });
  return {
    id, scenario: doc.name, description: doc.description ?? null, model: { name: prepared.model.name, version: prepared.model.version },
    horizon: doc.horizon, seconds, notes: prepared.notes, messages: prepared.messages, assumptions: doc.assumptions,
    descriptionZh: doc.description_zh ?? null, assumptionsZh: doc.assumptions_zh ?? null, result,
  };
}

/** A prepared scenario's draws in one go (synchronous; the same result as `runScenarioInWorkspace` for a seed). */
export function runPrepared(p: PreparedScenario, options: ScenarioRunOptions = {}): ScenarioRunResult {
  return runScenario(runInput(p, options));
}

function runInput(p: PreparedScenario, options: ScenarioRunOptions): ScenarioRunInput {
  const doc = p.document;
  return {
    model: p.choice, startYear: doc.horizon.startYear, years: doc.horizon.years, sizes: p.sizes, growth: doc.baseline.growth,
    levers: p.levers, returnRates: doc.returns.rates, outcome: p.outcome, maxAgentsPerYear: doc.simulation.maxAgentsPerYear,
    draws: options.draws ?? 200, seed: options.seed ?? 1, onProgress: options.onProgress,
  };
}

export async function saveScenarioRun(ws: Workspace, p: PreparedScenario, result: ScenarioRunResult, seconds: number): Promise<number> {
  const doc: ScenarioDocument = p.document;
  const text = JSON.stringify(doc);
  return ws.db.transaction(async () => {
    await ws.db.run('DELETE FROM scenarios WHERE name = ?', [doc.name]);
    await ws.db.run('INSERT INTO scenarios (name, document, model) VALUES (?, ?, ?)', [doc.name, text, p.model.name]);
    const row = await ws.db.one<{ id: number }>('SELECT coalesce(max(id), 0) + 1 AS id FROM scenario_runs');
    const id = Number(row?.id ?? 1);
    await ws.db.run('INSERT INTO scenario_runs (id, scenario, model, model_version, seed, draws, document, result, seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [id, doc.name, p.model.name, p.model.version, result.seed, result.draws, text, JSON.stringify(result), seconds]);
    return id;
  });
}

/**
 * What a stored run was run with, from its document's first intervention (the one the dashboard
 * edits): so two runs of one example can be told apart by amount, years paid, who was paid and
 * where. Null fields: the document does not say.
 */
export interface RunSettings {
  /** Cost per recipient and year (a per-person-year cost; the dashboard's monthly payment x 12); null for a fixed budget. */
  readonly amountPerYear: number | null;
  readonly currency: string | null;
  readonly benefitYears: number | null;
  readonly targets: readonly string[];
  readonly eligibility: readonly string[];
  readonly cohorts: { readonly from: number; readonly to: number } | null;
}

function runSettings(text: string | null): RunSettings | null {
  if (!text) return null;
  let doc: ScenarioDocument;
  try {
    doc = parseScenario(JSON.parse(text));
  } catch {
    return null;
  }
  const iv = doc.interventions[0];
  if (!iv) return null;
  return {
    amountPerYear: iv.cost.rule === 'per-person-year' ? iv.cost.amount : null, currency: iv.cost.currency ?? null, benefitYears: iv.benefitYears,
    targets: [...iv.targets], eligibility: [...iv.eligibility],
    cohorts: { from: iv.startYear, to: iv.startYear + iv.duration - 1 },
  };
}

export async function listScenarioRuns(ws: Workspace, scenario?: string): Promise<{ id: number; scenario: string; model: string; modelVersion: string; seed: number; draws: number; createdAt: string; settings: RunSettings | null }[]> {
  const rows = await ws.db.all<{ id: number; scenario: string; model: string; model_version: string; seed: bigint | number; draws: number; created_at: Date; document: string | null }>(
    `SELECT id, scenario, model, model_version, seed, draws, created_at, document FROM scenario_runs ${scenario ? 'WHERE scenario = ?' : ''} ORDER BY id`, scenario ? [scenario] : []);
  return rows.map((r) => ({
    id: Number(r.id), scenario: r.scenario, model: r.model, modelVersion: r.model_version, seed: Number(r.seed), draws: Number(r.draws), createdAt: new Date(r.created_at).toISOString(),
    settings: runSettings(typeof r.document === 'string' ? r.document : r.document === null ? null : JSON.stringify(r.document)),
  }));
}

/** Stored runs with their results, by id (for comparing them side by side). */
export async function loadScenarioRuns(ws: Workspace, ids: readonly number[]): Promise<{ id: number; scenario: string; model: string; modelVersion: string; seed: number; draws: number; createdAt: string; result: ScenarioRunResult }[]> {
  if (!ids.length) return [];
  const rows = await ws.db.all<{ id: number; scenario: string; model: string; model_version: string; seed: bigint | number; draws: number; created_at: Date; result: string }>(
    `SELECT id, scenario, model, model_version, seed, draws, created_at, result FROM scenario_runs WHERE id IN (${ids.map(() => '?').join(', ')}) ORDER BY id`, [...ids]);
  return rows.map((r) => ({
    id: Number(r.id), scenario: r.scenario, model: r.model, modelVersion: r.model_version, seed: Number(r.seed), draws: Number(r.draws),
    createdAt: new Date(r.created_at).toISOString(), result: (typeof r.result === 'string' ? JSON.parse(r.result) : r.result) as ScenarioRunResult,
  }));
}
