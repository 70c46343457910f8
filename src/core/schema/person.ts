import { z } from 'zod';

/** Outcomes that are not a destination region. */
export const NON_REGION_OUTCOMES = ['not_employed', 'further_study'] as const;
export type NonRegionOutcome = (typeof NON_REGION_OUTCOMES)[number];

/**
 * One graduate's destination record, as in a university's annual employment report. The
 * destination is a region code, or one of NON_REGION_OUTCOMES.
 */
export const personSchema = z.object({
  id: z.string().trim().min(1),
  year: z.number().int().gte(1900).lte(2200),
  university: z.string().trim().min(1),
  degree: z.string().trim().nullable().default(null),
  major: z.string().trim().nullable().default(null),
  home_region: z.string().trim().nullable().default(null),
  study_region: z.string().trim().nullable().default(null),
  destination: z.string().trim().min(1),
  employer_type: z.string().trim().nullable().default(null),
  monthly_salary: z.number().finite().nonnegative().nullable().default(null),
  synthetic: z.boolean().default(false),
});
export type PersonRecord = z.infer<typeof personSchema>;
