// Destination-choice models: conditional and nested logit on long-format choice data, with
// aggregation of identical situations, sampling of alternatives, and post-estimation.
export { fitConditionalLogit } from './conditional-logit.ts';
export { fitNestedLogit } from './nested-logit.ts';
export { predictChoices, type ChoicePrediction, type AlternativeShare, type PredictOptions } from './predict.ts';
export { holdoutFit, type HoldoutFit } from './holdout.ts';
export { elasticities, type Elasticities, type ElasticityOptions } from './elasticities.ts';
export { willingnessToPay, type Wtp, type WtpOptions, type WtpValue } from './wtp.ts';
export { aggregateChoiceSituations, type AggregateOptions, type AggregatedChoices } from './aggregate.ts';
export { sampleAlternatives, type SampleAlternativesOptions, type SampledChoices } from './sample.ts';
export { simulateChoices, type SimulateChoicesOptions, type SimulatedChoices } from './simulate.ts';
export { modelProbabilities, type ModelProbabilities } from './probabilities.ts';
export { resolveLogitSpec, type ResolvedLogitSpec } from './spec.ts';
export { CollinearityError, NotIdentifiedError, SeparationError } from './errors.ts';
export type {
  ChoiceData,
  ChoicePredictionData,
  ConditionalLogitSpec,
  NestedLogitSpec,
  NestSpec,
  NestParametrisation,
  VcovType,
  ClusterAdjustment,
  LogitWarning,
  LogitWarningCode,
  LogitResultBase,
  ConditionalLogitResult,
  NestedLogitResult,
  NestEstimate,
  LogitResult,
} from './types.ts';
