import { checkScenarioModel, runScenarioInWorkspace, type StoredScenarioRun } from '../../store/scenarios.ts';
import type { Workspace } from '../../store/workspace.ts';
import type { ScenarioDocument } from '../../sim/index.ts';
import { parseInput } from '../parse-input.ts';
import type { CodedMessage } from '../../core/messages/index.ts';
import { requestedDocument, withAmountNote } from './document.ts';
import { scenarioRunInput, type ScenarioRunInput, type ScenarioRunOptions } from './input.ts';

/** A run request checked and ready: its options, the document with its amount, and what the amount changed. */
export interface ChosenScenarioRun {
  readonly options: ScenarioRunOptions;
  readonly document: ScenarioDocument;
  readonly amountMessage: CodedMessage | null;
}

/**
 * The scenario run, step one (for `talentflow scenario run|compare` and `POST
 * /api/scenarios/run`): the input validated, the amount applied, and the saved model checked
 * for the variables the scenario needs (a SpecError naming the fit command). Apart from step
 * two so the server answers a bad request at once, before it starts the job.
 */
export async function chooseScenarioRun(ws: Workspace, input: ScenarioRunInput): Promise<ChosenScenarioRun> {
  const options = parseInput(scenarioRunInput, input);
  const { document, amountMessage } = requestedDocument(options.document, options.amount);
  await checkScenarioModel(ws, document);
  return { options, document, amountMessage };
}

/** What a run answers, the same to the CLI and the API: the stored run, its currency and yearly payment, the amount's note first among the notes. */
export interface ScenarioRunAnswer extends StoredScenarioRun {
  /** ISO code of the first intervention's money ("CNY"), or null when the document names none. */
  readonly currency: string | null;
  /** The first intervention's payment a year per recipient, or null for a fixed budget. */
  readonly amountPerYear: number | null;
  /** What a requested amount changed in the document (also the first note), or null. */
  readonly amountNote: string | null;
}

export interface RunHooks {
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
  /** Runs a piece of workspace access alone (the server's lock); the draws run outside it. */
  readonly exclusive?: <T>(work: () => Promise<T>) => Promise<T>;
}

/** Step two: prepares, runs the draws and (unless told not to) stores the run. */
export async function runChosenScenario(ws: Workspace, chosen: ChosenScenarioRun, hooks: RunHooks = {}): Promise<ScenarioRunAnswer> {
  const { options, document, amountMessage } = chosen;
  const run = await runScenarioInWorkspace(ws, document, { draws: options.draws, seed: options.seed, save: options.save, ...hooks });
  const cost = document.interventions[0]?.cost;
  return {
    ...run,
    ...withAmountNote(run.notes, run.messages, amountMessage),
    currency: cost?.currency ?? null,
    amountPerYear: cost?.rule === 'per-person-year' ? cost.amount : null,
    amountNote: amountMessage?.message ?? null,
  };
}
