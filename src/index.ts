/**
 * talentflow's public API. Each folder's index.ts lists its exports by name; this file gathers
 * them, and package.json offers each folder as a subpath too (talentflow/metrics, talentflow/models...).
 * The pure folders (core, numeric, metrics, models, rank, sim) also work in a browser.
 */
export * from './core/index.ts';
export * from './numeric/index.ts';
export * from './metrics/index.ts';
export * from './models/index.ts';
export * from './rank/index.ts';
export * from './sim/synthetic/index.ts';
export * from './sim/index.ts';
export { runScenarioInWorkspace, runPrepared, prepareScenario, saveScenarioRun, listScenarioRuns, modelVersion, type PreparedScenario, type ScenarioRunOptions, type StoredScenarioRun } from './store/scenarios.ts';
export * from './io/index.ts';
export * from './store/index.ts';
export { saveModel, loadModel, listModels, deleteModel, type SavedModel } from './store/models.ts';
export { readColumns, type Columns, type ColumnsRequest } from './store/read-columns.ts';
export { gravityDataFromFile, gravityDataFromWorkspace, type FlowFileColumns, type WorkspaceModelSelection } from './store/queries/model-data.ts';
export { estimateCensusFlows, type CensusFlowsRequest, type CensusFlowsOutcome } from './store/estimate-census-flows.ts';
export { main as runCli } from './cli/main.ts';
