// Spatial-interaction models: each folder has fit(data, spec) -> plain result and predict(result, data).
export * from './gravity/index.ts';
export * from './radiation/index.ts';
export * from './stocks/index.ts';
export { flowFitMeasures, commonPartOfCommuters, srmse, type FlowFitMeasures } from './shared/fit-statistics.ts';
// Destination choice (logit/). ChoiceData is re-exported as LogitChoiceData: the synthetic cohort
// generator (sim/synthetic) exports a different ChoiceData through the root index.
export {
  fitConditionalLogit, fitNestedLogit, predictChoices, holdoutFit, elasticities, willingnessToPay, aggregateChoiceSituations, sampleAlternatives,
  simulateChoices, modelProbabilities, resolveLogitSpec, CollinearityError, NotIdentifiedError, SeparationError,
  type ChoiceData as LogitChoiceData, type ChoicePredictionData, type ConditionalLogitSpec, type NestedLogitSpec, type NestSpec, type NestParametrisation,
  type VcovType, type ClusterAdjustment, type LogitWarning, type LogitWarningCode, type LogitResultBase, type ConditionalLogitResult, type NestedLogitResult,
  type NestEstimate, type LogitResult, type ChoicePrediction, type AlternativeShare, type PredictOptions, type HoldoutFit, type Elasticities, type Wtp,
  type WtpOptions, type WtpValue, type AggregateOptions, type AggregatedChoices, type SampleAlternativesOptions, type SampledChoices,
  type SimulateChoicesOptions, type SimulatedChoices, type ModelProbabilities, type ResolvedLogitSpec,
} from './logit/index.ts';
