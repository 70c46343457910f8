export { fitGravity } from './fit.ts';
export { predictGravity } from './predict.ts';
export { resolveGravitySpec, type ResolvedGravitySpec } from './spec.ts';
export type {
  Constraint,
  Decay,
  Transform,
  TermSpec,
  GravityData,
  GravitySpec,
  GravityResult,
  GravityFitStatistics,
  GravityNewData,
  GravityPrediction,
} from './types.ts';
