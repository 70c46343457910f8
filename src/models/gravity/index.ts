export { fitGravity } from './fit.ts';
export { predictGravity } from './predict.ts';
export { resolveGravitySpec, type ResolvedGravitySpec } from './spec.ts';
export { resolveSmallSample } from './small-sample.ts';
/** The level of a missing category (origin, destination, period or data.categories). */
export { MISSING as MISSING_LEVEL } from '../../numeric/interact.ts';
export type {
  Constraint,
  Decay,
  Transform,
  TermSpec,
  Category,
  SmallSampleOptions,
  SmallSampleSpec,
  GravityData,
  GravitySpec,
  GravityResult,
  GravityFitStatistics,
  GravityNewData,
  GravityPrediction,
} from './types.ts';
