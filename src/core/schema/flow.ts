import { z } from 'zod';
import { periodSchema } from './period.ts';

/** One origin-destination count for a period, optionally for a cohort (e.g. education, age band). */
export const flowSchema = z.object({
  origin: z.string().trim().min(1),
  destination: z.string().trim().min(1),
  period: periodSchema,
  cohort: z.record(z.string(), z.string()).default({}),
  count: z.number().finite().nonnegative('a flow count cannot be negative'),
});
export type Flow = z.infer<typeof flowSchema>;
