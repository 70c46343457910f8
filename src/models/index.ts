// Spatial-interaction models: each folder has fit(data, spec) -> plain result and predict(result, data).
export * from './gravity/index.ts';
export * from './radiation/index.ts';
export * from './stocks/index.ts';
export { flowFitMeasures, commonPartOfCommuters, srmse, type FlowFitMeasures } from './shared/fit-statistics.ts';
