import { z } from 'zod';

/** A column name of a flow file as the user's header spells it. */
export const fileColumn = z.string().trim().min(1).max(200);

/** A flow file's own reading options. */
export const fileReading = {
  encoding: z.string().trim().min(1).max(40).optional().describe('text encoding of a CSV (default: detected)'),
  sheet: z.string().trim().min(1).max(200).optional().describe('xlsx sheet'),
};

/** Which stored flows a fit reads: the fits' shared fields (gravity, radiation). */
export const storedFlowSelection = {
  periods: z.array(z.string().trim().regex(/^\d{4}(-\d{4})?$/, 'a year (2019) or a range (2010-2020)')).max(50).default([])
    .describe('workspace: period(s) of the flows (several make a panel)'),
  within: z.string().trim().min(1).max(200).optional().describe('workspace: only flows with both ends inside this region or group'),
  level: z.string().trim().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'a level such as province or city').optional().describe('workspace: roll flows up to this level first'),
  fillZeros: z.boolean().default(true).describe('workspace: add pairs without a stored flow as zero flows'),
};
