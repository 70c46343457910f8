import { z } from 'zod';
import { indicatorNameSchema } from '../../core/schema/indicator-name.ts';
import { MEASURES } from './types.ts';

const text = z.string().trim().min(1).max(200);

/**
 * What a measure request may say, whichever front-end it comes from (`talentflow measures NAME
 * --flags`, `GET /api/measures/NAME?query`). Values arrive typed: the CLI's flags are parsed by
 * commander, the server's query strings are coerced by its route schema. Periods and levels are
 * checked against the workspace later (the CLI first normalises 2010–2020 and Province).
 */
export const measureInput = z.object({
  period: text.optional(),
  cohort: text.optional(),
  group: text.optional(),
  within: text.optional(),
  region: text.optional(),
  origin: text.optional(),
  destination: text.optional(),
  level: text.optional(),
  /** The n largest values of the measure's main field (largest losses with `losing`). */
  top: z.number().int().min(0).optional(),
  /** Only regions with a negative main value. */
  losing: z.boolean().optional(),
  /** Only regions with a positive main value. */
  gaining: z.boolean().optional(),
  /** change: first period; census-net: first census year. */
  from: text.optional(),
  /** change: second period; census-net: second census year. */
  to: text.optional(),
  /** change: the per-region measure compared (default net). */
  of: z.enum(MEASURES).optional(),
  /** census-net: annual natural increase per person; beyond ±0.2 it is no demographic rate. */
  naturalRate: z.number().min(-0.2).max(0.2).optional(),
  /** census-net: indicator holding each region's natural change (persons, period FROM-TO). */
  naturalIndicator: indicatorNameSchema.optional(),
  /** rates: years the flows span (default from the period). */
  years: z.number().positive().max(200).optional(),
  /** concentration: share of the top k destinations (default 5). */
  k: z.number().int().min(1).max(1000).optional(),
  /** rates, intensity: year of the populations (default the period's first year). */
  populationYear: z.number().int().min(1800).max(2200).optional(),
}).strict();

export type MeasureInput = z.input<typeof measureInput>;
