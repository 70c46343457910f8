import { english, type CodedMessage } from '../../core/messages/index.ts';
import { fitRadiation, type RadiationResult } from '../../models/radiation/index.ts';
import type { Workspace } from '../../store/workspace.ts';
import { parseInput } from '../parse-input.ts';
import { radiationData } from './radiation-data.ts';
import { radiationInput, type RadiationInput } from './radiation-input.ts';

/**
 * A fitted radiation model as `talentflow fit radiation --json` answers it: the model's result,
 * the notes of its data (stored flows: what they are and where they come from; none for a file)
 * in English and coded, and the fit's wall time.
 */
export type RadiationFitResult = RadiationResult & { notes: string[]; messages: RadiationResult['messages'] & { notes: CodedMessage[] }; fitSeconds: number };

/** Whether the fit reads the workspace (stored flows) rather than a file. */
export const radiationNeedsWorkspace = (input: RadiationInput): boolean => input.file === undefined;

/**
 * The radiation fit (Simini et al. 2012; src/models/radiation): validates the input, reads the
 * populations and distances from the file or the workspace, and fits.
 */
export async function runRadiationFit(ws: Workspace | null, input: RadiationInput): Promise<RadiationFitResult> {
  const o = parseInput(radiationInput, input);
  const { data, notes } = await radiationData(o, ws);
  const t0 = performance.now();
  const result = fitRadiation(data, { finiteSize: o.finiteSize });
  const fitSeconds = (performance.now() - t0) / 1000;
  return { ...result, notes: english(notes), messages: { ...result.messages, notes }, fitSeconds };
}
