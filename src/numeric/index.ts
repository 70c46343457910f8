// Pure numerical building blocks (no node: imports).
export { logGamma, logFactorial, erfc, normalCdf, normalQuantile, twoSidedP } from './special.ts';
export { cholesky, choleskySolve, choleskyInverse, toNestedArray, type CholeskyFactor, type CholeskyOutcome } from './cholesky.ts';
export { haversineMatrix } from './haversine.ts';
export { sumByLevel, countByLevel, factorComponents, isGridPair, type Factor } from './factor.ts';
export { balance, applyFactors, type BalanceOptions, type BalanceOutcome } from './balance.ts';
export { demean, type DemeanOptions, type DemeanOutcome } from './demean.ts';
export { demeanGridCG } from './demean-grid.ts';
export * from './random/index.ts';
export * from './eigen/index.ts';
