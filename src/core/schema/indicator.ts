import { z } from 'zod';
import { periodSchema } from './period.ts';

/** A value of a named indicator for a region and period (a wage, a house price, a population). */
export const indicatorSchema = z.object({
  region: z.string().trim().min(1),
  period: periodSchema,
  name: z.string().trim().min(1),
  value: z.number().finite(),
  unit: z.string().trim().nullable().default(null),
  source: z.string().trim().nullable().default(null),
});
export type Indicator = z.infer<typeof indicatorSchema>;
