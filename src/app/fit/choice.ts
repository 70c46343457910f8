import { coded, type CodedMessage } from '../../core/messages/index.ts';
import { z } from 'zod';
import { universityName } from '../../report/graduates/university-name.ts';
import { MODEL_NAME } from '../../store/models.ts';
import type { Workspace } from '../../store/workspace.ts';
import { buildChoiceSet, choiceSpecShape, fitChoiceSet, parseChoiceSpec, refineChoiceSpec, saveChoiceModel, type ChoiceModelResult } from '../../store/choice/index.ts';
import { parseInput } from '../parse-input.ts';
import { direct, type Step } from '../step.ts';

/**
 * What a destination-choice fit on the workspace's graduate records may say, from `talentflow
 * fit choice --persons --flags` or `POST /api/models/choice`: a choice-model spec
 * (src/store/choice/spec.ts, its fields and defaults documented there) and whether to save it.
 */
const saveShape = {
  save: z.string().regex(MODEL_NAME, 'letters, digits, _ . - (up to 64)').optional().describe('save the fitted model in the workspace under this name'),
  replace: z.boolean().default(false).describe('with save: replace a saved model of that name'),
};
export const choiceInput = z.object({ ...choiceSpecShape, ...saveShape }).strict().superRefine(refineChoiceSpec);

export type ChoiceInput = z.input<typeof choiceInput>;
export type ChoiceOptions = z.output<typeof choiceInput>;

/** Where a long fit reports how far it is and learns that it was cancelled (the server's job). */
export interface FitProgress {
  progress?: (fraction: number, message: CodedMessage) => void;
  aborted?: () => boolean;
  /**
   * Errors may name a person's record id (e.g. one whose home region a term needs but lacks).
   * Default false, as the server answers: a record id is personal data an API client may not
   * see; the CLI, run by the workspace's owner, sets it to find the record.
   */
  nameRecords?: boolean;
}

/**
 * The choice fit (for both front-ends): builds the choice set (persons, alternatives, their
 * attributes) in the workspace, fits the conditional or nested logit with its post-estimation
 * (src/store/choice/fit-choice.ts) and saves it when asked; null when cancelled. Spec errors name
 * the spec's field as parseChoiceSpec does (`alternativeVars[0]`, `holdout.years`).
 */
export async function runChoiceFit(ws: Workspace, input: ChoiceInput, step: Step = direct, watch: FitProgress = {}): Promise<ChoiceModelResult | null> {
  const { save, replace, ...rest } = input;
  const parsed = parseChoiceSpec(rest);
  // Universities as report graduates takes them: the demo's by id or Chinese name too (NEU, 东北大学).
  const spec = parsed.university ? { ...parsed, university: parsed.university.map(universityName) } : parsed;
  const { save: name, replace: again } = parseInput(z.object(saveShape), { save, replace });
  watch.progress?.(0.05, coded('job.buildingChoiceSet', {}));
  const t0 = performance.now();
  const set = await step(() => buildChoiceSet(ws, spec, { nameRecords: watch.nameRecords === true }));
  if (watch.aborted?.()) return null;
  watch.progress?.(0.4, coded('job.fitting', {}));
  const result = fitChoiceSet(set, (performance.now() - t0) / 1000);
  return name !== undefined ? step(() => saveChoiceModel(ws, name, result, again)) : result;
}
