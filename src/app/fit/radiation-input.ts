import { z } from 'zod';

import { fileColumn as column, fileReading, storedFlowSelection } from './flow-selection.ts';

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
    ...fileReading,
  }).strict().optional().describe('fit on a flow file instead of the workspace (the CLI\'s --flows)'),
  ...storedFlowSelection,
  finiteSize: z.boolean().default(true).describe('the finite-size normalisation 1 / (1 - m_i / M)'),
}).strict();

export type RadiationInput = z.input<typeof radiationInput>;
export type RadiationOptions = z.output<typeof radiationInput>;
