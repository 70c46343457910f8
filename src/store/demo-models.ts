import { fitGravity, type GravitySpec } from '../models/index.ts';
import { fitWorkspaceChoiceModel } from './choice/fit-choice.ts';
import type { ChoiceSpecInput } from './choice/spec.ts';
import { withFittedPeriods } from './fitted-periods.ts';
import { saveModel } from './models.ts';
import { gravityDataFromWorkspace, type WorkspaceModelSelection } from './queries/model-data.ts';
import type { Workspace } from './workspace.ts';

/**
 * The models the example scenarios (examples/*.json) run on, fitted when the demo is built so
 * the dashboard's Scenario tab and `talentflow scenario run examples/…` work on a fresh demo
 * without a fit first. Same specifications as examples/run-korea.sh and run-northeast.sh (the
 * China province model, which needs the estimated flows, is fitted next to them in demo.ts).
 */

/** korea-regional-income.json and korea-relocation-allowance.json: real KOSIS flows of 2019. */
export const KOREA_MODEL = {
  name: 'korea-2019',
  selection: { periods: ['2019'], within: 'KR', originIndicators: [] as string[], destinationIndicators: ['grdp_pc', 'population'] },
  spec: {
    constraint: 'production', decay: 'power', costName: 'distance_km', intra: false, originTerms: [],
    destinationTerms: [{ column: 'destination_grdp_pc', transform: 'log' }, { column: 'destination_population', transform: 'log' }],
  } satisfies GravitySpec,
};

/** northeast-stay-subsidy-choice.json: the conditional logit of the demo's SYNTHETIC graduates. */
export const NORTHEAST_CHOICE_MODEL = {
  name: 'northeast-choice',
  spec: {
    level: 'province', within: 'CN', alternativeVars: ['income', 'population_year_end', 'temperature'],
    personTerms: ['distance_home', 'is_home', 'is_study'], interactions: ['degree:income'], outside: 'exclude', missing: 'error',
  } satisfies ChoiceSpecInput,
};

export interface ExampleModelOptions {
  /** The workspace holds the synthetic graduate cohort (the choice model needs it). */
  cohort: boolean;
  onStep?: (set: string, what: string) => void;
}

/** A gravity model of the workspace's flows, fitted and saved (replacing one of its name) with the periods it was fitted to, as `fit gravity --save` saves one. */
export async function fitSavedGravity(ws: Workspace, model: { name: string; selection: WorkspaceModelSelection; spec: GravitySpec }): Promise<void> {
  const { data } = await gravityDataFromWorkspace(ws, model.selection);
  await saveModel(ws, model.name, 'gravity', withFittedPeriods(model.spec, model.selection.periods), fitGravity(data, model.spec), { replace: true });
}

/** Fits and saves korea-2019 and (with the cohort) northeast-choice, replacing models of those names. */
export async function fitExampleModels(ws: Workspace, options: ExampleModelOptions): Promise<string[]> {
  options.onStep?.('korea', `gravity model ${KOREA_MODEL.name} (KOSIS flows 2019) for the Korea scenario examples`);
  await fitSavedGravity(ws, KOREA_MODEL);
  const fitted = [KOREA_MODEL.name];
  if (options.cohort) {
    options.onStep?.('synthetic', `choice model ${NORTHEAST_CHOICE_MODEL.name} (synthetic graduates) for the Northeast choice example`);
    await fitWorkspaceChoiceModel(ws, NORTHEAST_CHOICE_MODEL.spec, { save: NORTHEAST_CHOICE_MODEL.name, replace: true });
    fitted.push(NORTHEAST_CHOICE_MODEL.name);
  }
  return fitted;
}
