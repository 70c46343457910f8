import { z } from 'zod';
import { SpecError } from '../core/errors.ts';
import { coded } from '../core/messages/index.ts';
import { schemaIssue } from '../core/messages/schema-issue.ts';

/**
 * The scenario document: a baseline (a saved gravity or destination-choice model, a base period,
 * cohort sizes, stay shares)
 * and interventions that change model attributes for target regions over some years, with who
 * is eligible and what it costs. Defaults are written next to each field and applied here, in
 * `parseScenario`, and nowhere else. Every error names the field by its path
 * (`interventions[0].change.value: ...`).
 */

const positiveInt = z.number().int().positive();
const year = z.number().int().min(1900).max(2200);

/** How many graduates each region produces in the base period. */
const cohortSchema = z.discriminatedUnion('source', [
  // sizes = indicator value in the base period x rate (e.g. population x 0.01)
  z.object({ source: z.literal('indicator'), indicator: z.string().min(1), rate: z.number().positive().max(1) }).strict(),
  // sizes = graduate records per year by study region, counting only those with a region as destination
  z.object({ source: z.literal('persons') }).strict(),
  // sizes given by region code or name
  z.object({ source: z.literal('fixed'), sizes: z.record(z.string(), z.number().nonnegative()) }).strict(),
]);

/** Share of a region's graduates who stay there in the baseline (the rest move). */
const stayShareSchema = z.union([
  z.number().min(0).max(1),
  // 1 - leavers / population of the flows' period. `population` names the indicator (default: one
  // whose name says population, e.g. population, 常住人口, 年末户籍人口, said in a note).
  z.object({ source: z.literal('flows'), period: z.string().min(1).optional(), population: z.string().min(1).max(200).optional() }).strict(),
  z.object({ source: z.literal('persons') }).strict(),
  z.object({ source: z.literal('fixed'), shares: z.record(z.string(), z.number().min(0).max(1)), default: z.number().min(0).max(1).optional() }).strict(),
  // A destination-choice (logit) model's own predicted stay share, nothing calibrated (gravity models have none).
  z.object({ source: z.literal('model') }).strict(),
]);

/** A term the fitted model lacks, with a coefficient taken from elsewhere (and said where). */
const borrowedTermSchema = z.object({
  term: z.string().regex(/^(origin|destination)_/, 'must start with origin_ or destination_'),
  coefficient: z.number(),
  standardError: z.number().nonnegative(),
  transform: z.enum(['log', 'identity']).default('log'),
  source: z.string().min(1),
  // Baseline values from this indicator; without one the baseline is 1 for every region, so only
  // relative changes of a logged term are meaningful.
  indicator: z.string().min(1).optional(),
}).strict();

const interventionSchema = z.object({
  name: z.string().min(1).optional(),
  targets: z.array(z.string().min(1)).min(1),
  term: z.string().min(1),
  change: z.object({ type: z.enum(['relative', 'absolute']), value: z.number() }).strict(),
  startYear: year,
  // Years the policy is in force: cohorts graduating in startYear .. startYear + duration - 1 choose under it.
  duration: positiveInt.default(1),
  // Who is offered it: graduates of a target region who stay there, graduates of other regions who move there.
  eligibility: z.array(z.enum(['stayers', 'arrivals'])).min(1).default(['stayers', 'arrivals']),
  // Years each eligible graduate is paid from graduation, while living in the target region.
  benefitYears: positiveInt.default(1),
  cost: z.discriminatedUnion('rule', [
    z.object({ rule: z.literal('per-person-year'), amount: z.number().nonnegative(), currency: z.string().optional() }).strict(),
    z.object({ rule: z.literal('fixed-budget'), amountPerYear: z.number().nonnegative(), currency: z.string().optional() }).strict(),
  ]).default({ rule: 'per-person-year', amount: 0 }),
}).strict();

/** Default return hazards: see docs/sim.md (an assumption, not an estimate). */
export const DEFAULT_RETURN_RATES: readonly number[] = [0.08, 0.05, 0.03];

export const scenarioSchema = z.object({
  name: z.string().regex(/^[\p{L}\p{N}][\p{L}\p{N}_.-]{0,63}$/u, 'letters, digits, _ . -; up to 64'),
  description: z.string().optional(),
  assumptions: z.array(z.string()).default([]),
  // The description and the assumptions in Chinese, for `--lang zh` and the dashboard's 中文 (as
  // data/china/groups.json has description_zh): one Chinese assumption for each English one, in
  // order. Default none (the English is shown in either language).
  description_zh: z.string().min(1).optional(),
  assumptions_zh: z.array(z.string().min(1)).optional(),
  baseline: z.object({
    model: z.string().min(1),
    period: z.string().min(1),
    // Only origins inside this region or group send graduates (default: every region of the model).
    within: z.string().min(1).optional(),
    cohort: cohortSchema,
    // Annual growth of every region's cohort (0.02 = 2% a year). Default 0.
    growth: z.number().gt(-1).lt(1).default(0),
    stayShare: stayShareSchema,
    borrowedTerms: z.array(borrowedTermSchema).default([]),
    // Variables the model must read for the scenario's numbers to hold (e.g. population, whose
    // absence changes every predicted share): indicator names, or for a gravity model a side-
    // pinned column (destination_population). A model lacking one is refused. Default none
    // (the intervention's own terms are always required).
    requires: z.array(z.string().min(1)).max(40).default([]),
  }).strict(),
  interventions: z.array(interventionSchema).default([]),
  horizon: z.object({ startYear: year, years: positiveInt.max(100) }).strict(),
  returns: z.object({
    // Probability that a graduate who moved away returns home in the a-th year after leaving,
    // given not returned yet (a = 1..k). Default DEFAULT_RETURN_RATES.
    rates: z.array(z.number().min(0).max(1)).max(50).default([...DEFAULT_RETURN_RATES]),
  }).strict().default({ rates: [...DEFAULT_RETURN_RATES] }),
  // Regions whose graduate stock is the outcome (default: the union of the interventions' targets).
  outcomeRegions: z.array(z.string().min(1)).optional(),
  simulation: z.object({
    // Agents per year and arm; a region's graduates are split into agents of equal weight. Default 50000.
    maxAgentsPerYear: positiveInt.default(50_000),
    // Which coefficient covariance the draws use. Default robust (HC0): PPML's model-based
    // errors assume Poisson variance, which migration counts far exceed.
    covariance: z.enum(['robust', 'model', 'clustered']).default('robust'),
    // Multiplies the covariance (1 = as estimated; 0 = no coefficient uncertainty).
    covarianceScale: z.number().nonnegative().default(1),
  }).strict().default({ maxAgentsPerYear: 50_000, covariance: 'robust', covarianceScale: 1 }),
}).strict().superRefine((doc, ctx) => {
  if (doc.assumptions_zh && doc.assumptions_zh.length !== doc.assumptions.length) {
    ctx.addIssue({ code: 'custom', path: ['assumptions_zh'], message: `holds ${doc.assumptions_zh.length} assumptions, assumptions ${doc.assumptions.length}: one in Chinese for each, in order` });
  }
});

export type ScenarioDocument = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Intervention = ScenarioDocument['interventions'][number];
export type BorrowedTerm = ScenarioDocument['baseline']['borrowedTerms'][number];

function pathOf(path: readonly PropertyKey[]): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : `${s ? '.' : ''}${String(p)}`;
  return s || 'scenario';
}

/** Validates a scenario document; throws SpecError naming the first bad field and what is wrong. */
export function parseScenario(input: unknown): ScenarioDocument {
  const r = scenarioSchema.safeParse(input);
  if (!r.success) {
    // Coded as an operation's input is (input.invalid: zod's English, "(and 2 more: a, b)"), so the page says it in Chinese.
    const [first, ...rest] = r.error.issues;
    throw new SpecError(coded('input.invalid', { ...schemaIssue(first), more: rest.slice(0, 3).map((i) => pathOf(i.path)), others: rest.length }), pathOf(first.path));
  }
  const doc = r.data;
  doc.interventions.forEach((iv, i) => {
    const end = iv.startYear + iv.duration - 1;
    if (iv.startYear < doc.horizon.startYear || iv.startYear > doc.horizon.startYear + doc.horizon.years - 1) {
      throw new SpecError(`${iv.startYear} is outside the horizon ${doc.horizon.startYear}-${doc.horizon.startYear + doc.horizon.years - 1}`, `interventions[${i}].startYear`);
    }
    if (end < iv.startYear) throw new SpecError('must be at least 1', `interventions[${i}].duration`);
  });
  return doc;
}

/** Parses JSON text (YAML is not read: no parser ships with talentflow). */
export function parseScenarioText(text: string, file = 'scenario'): ScenarioDocument {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new SpecError(`${file} is not valid JSON: ${(e as Error).message}`, 'scenario');
  }
  return parseScenario(value);
}
