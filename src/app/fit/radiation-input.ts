import { z } from 'zod';

const column = z.string().trim().min(1).max(200);

/**
 * What a radiation fit may say (`talentflow fit radiation`): the flows of one workspace period
 * (populations from the population indicator, distances between centroids) or, for the CLI
 * only, a flow file with every ordered pair, its distance and both ends' populations.
 */
export const radiationInput = z.object({
  file: z.object({
    path: z.string().min(1).max(4096).describe('the flow file (CSV, xlsx, Parquet, JSON lines)'),
    origin: column, destination: column, flow: column,
    distance: column.describe('distance column (every ordered pair must be present)'),
    originPop: column.describe('population of the origin'),
    destinationPop: column.describe('population of the destination'),
    encoding: z.string().trim().min(1).max(40).optional().describe('text encoding of a CSV (default: detected)'),
    sheet: z.string().trim().min(1).max(200).optional().describe('xlsx sheet'),
  }).strict().optional().describe('fit on a flow file instead of the workspace (the CLI\'s --flows)'),
  periods: z.array(z.string().trim().regex(/^\d{4}(-\d{4})?$/, 'a year (2019) or a range (2010-2020)')).max(50).default([])
    .describe('workspace: the period of the flows (exactly one)'),
  within: z.string().trim().min(1).max(200).optional().describe('workspace: only flows with both ends inside this region or group'),
  level: z.string().trim().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'a level such as province or city').optional().describe('workspace: roll flows up to this level first'),
  fillZeros: z.boolean().default(true).describe('workspace: add pairs without a stored flow as zero flows'),
  finiteSize: z.boolean().default(true).describe('the finite-size normalisation 1 / (1 - m_i / M)'),
}).strict();

export type RadiationInput = z.input<typeof radiationInput>;
export type RadiationOptions = z.output<typeof radiationInput>;
