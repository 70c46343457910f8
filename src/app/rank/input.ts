import { z } from 'zod';
import { EXAMPLES } from './spec.ts';

const text = z.string().trim().min(1).max(200);
const terms = z.string().trim().min(1).max(2000);

/**
 * What a ranking request may say, from `talentflow rank --flags` or `GET /api/rank?query`.
 * Normalisation and weighting stay text here: their spellings (minmax, min-max, zscore ...) are
 * read in spec.ts, which names the choices when one is unknown. How many rows to show (--top)
 * is left to each front-end: the CLI prints the n best but gives all with --json.
 */
export const rankInput = z.object({
  /** A documented example index (docs/example-index.md) standing in for indicators, level and within. */
  example: z.enum(Object.keys(EXAMPLES) as [string, ...string[]]).optional(),
  /** Comma-separated terms with direction: "growth(population,2010,2020):+,share_age_65@2020:-". */
  indicators: terms.optional(),
  /** Rank the regions of this level (checked against the workspace). */
  level: text.optional(),
  /** Rank the regions inside this region or group. */
  within: text.optional(),
  /** Period of plain indicator names; with weights choice:MODEL the year of the model's attributes. */
  period: text.optional(),
  normalisation: z.string().trim().min(1).max(20).default('minmax'),
  weighting: z.string().trim().min(1).max(20).default('equal'),
  /** User weights ("1,2,1" or "name=2,other=1"), or choice:MODEL for the revealed-preference ranking. */
  weights: terms.optional(),
  /** Regions with a missing value: left out, or given the indicator's mean. */
  missing: z.enum(['exclude', 'impute-mean']).default('exclude'),
  /** Monte Carlo draws of the weights (Dirichlet around them): rank bands (0 or absent: none). */
  sensitivity: z.number().int().min(0).max(100_000).optional(),
  /** Seed of the sensitivity or holdout draws (reported). */
  seed: z.number().int().min(0).default(1),
  /** Rank change against the same index with plain names in this period. */
  comparePeriod: text.optional(),
  /** Rank all regions, keep only those inside this region or group (their national ranks). */
  show: text.optional(),
  /** weights choice:MODEL: graduation years held out (comma-separated) ... */
  holdoutYears: z.string().trim().regex(/^\d{4}(\s*,\s*\d{4})*$/, 'years, comma-separated').optional(),
  /** ... or a random share of graduates held out, with the seed. */
  holdoutShare: z.number().gt(0).lt(1).optional(),
  /** weights choice:MODEL: coefficient draws of the rank intervals (0: none). */
  draws: z.number().int().min(0).max(100_000).default(1000),
}).strict();

export type RankInput = z.input<typeof rankInput>;
export type RankOptions = z.output<typeof rankInput>;
