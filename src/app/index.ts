/**
 * The operations a user can ask for, as the CLI and the HTTP API run them: each with its zod
 * input (what a request may hold) and a plain, serialisable answer. `talentflow/app` offers them
 * to library users, so a script gets exactly what `talentflow <command> --json` and the API give.
 * Operations that the server runs as jobs come in two steps (choose: validate and check the
 * workspace at once; run: the long part).
 */
export { parseInput } from './parse-input.ts';
export { measureInput, type MeasureInput } from './measure/input.ts';
export { runMeasure } from './measure/run.ts';
export type { MeasureResult } from './measure/types.ts';
export { rankInput, type RankInput } from './rank/input.ts';
export { runRank, type DeclaredRanking } from './rank/run.ts';
export { gravityInput, storedGravityInput, type GravityInput } from './fit/gravity-input.ts';
export { prepareGravityFit, finishGravityFit, type PreparedGravityFit } from './fit/gravity.ts';
export { radiationInput, type RadiationInput } from './fit/radiation-input.ts';
export { runRadiationFit, radiationNeedsWorkspace, type RadiationFitResult } from './fit/radiation.ts';
export { choiceInput, runChoiceFit, type ChoiceInput } from './fit/choice.ts';
export { choiceFileInput, runChoiceFileFit, type ChoiceFileInput } from './fit/choice-file.ts';
export { flowsFromStocksInput, type FlowsFromStocksInput } from './estimate/input.ts';
export { chooseFlowsFromStocks, runFlowsFromStocks } from './estimate/run.ts';
export { counterfactualInput, scenarioRunInput, type CounterfactualInput, type ScenarioRunInput } from './scenario/input.ts';
export { requestedDocument } from './scenario/document.ts';
export { counterfactualAnswer, counterfactualByYear } from './scenario/counterfactual.ts';
export { chooseScenarioRun, runChosenScenario, type ChosenScenarioRun, type ScenarioRunAnswer } from './scenario/run.ts';
