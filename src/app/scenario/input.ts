import { z } from 'zod';

/**
 * What a scenario request may say, from `talentflow scenario run|compare FILE` (its flags) or
 * `POST /api/scenarios/run` and `/api/scenarios/counterfactual` (the body). The document itself
 * is checked by the library's schema (src/sim/scenario-schema.ts), which names the bad field: a
 * front-end reads it (a JSON file, a request body) and passes it on as it is.
 */
const amount = z.number().nonnegative().max(1e12);

export const counterfactualInput = z.object({
  document: z.unknown(),
  /**
   * Payment per recipient and month in the document's currency (the dashboard's slider, the
   * CLI's --amount): the first intervention's cost becomes 12 x amount a year and its change
   * scales in proportion. Default: the document's own.
   */
  amount: amount.optional(),
}).strict();

export const scenarioRunInput = counterfactualInput.extend({
  /** Parameter draws, each with its own cohort simulation. Default 200. */
  draws: z.number().int().min(1).max(100_000).default(200),
  /** Seed of the draws (reported with the result). Default 1. */
  seed: z.number().int().min(0).max(2 ** 31).default(1),
  /** Store the document and the run in the workspace, with the model's version. Default true. */
  save: z.boolean().default(true),
}).strict();

export type CounterfactualInput = z.input<typeof counterfactualInput>;
export type ScenarioRunInput = z.input<typeof scenarioRunInput>;
export type ScenarioRunOptions = z.output<typeof scenarioRunInput>;
